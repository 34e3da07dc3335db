import { expect } from '@open-wc/testing';
import { authFixtures, NEW_PASSWORD, PASSWORD } from './server/auth-fixtures.js';
import { adapterError } from './helpers/adapter.js';

// Password recovery through HttpAdapter against the contract server, over real HTTP: the letter (read from
// the server's outbox, as a test mailbox), the token in request bodies only, single use, 30 minutes, never an
// activation token, a reset that never signs in, "sign out of all other devices". Expected values come from
// openapi/auth.openapi.yaml ("Security notes", the operations' descriptions).
const NAMESPACE = `http-password-reset-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);
const { server } = f;
const EMAIL = 'Maria.Ivanova@Example.test';
const RESET_TTL_MS = 30 * 60 * 1000; // "valid for 30 minutes at most"

/** The document's rule: the first character of the local part, `***`, then the domain. */
const masked = (email: string) => `${email[0]}***${email.slice(email.lastIndexOf('@'))}`;

async function resetToken(email = EMAIL): Promise<string> {
  await f.adapter().requestPasswordReset(email);
  return server.tokenOf(email, 'reset');
}

describe('HttpAdapter password reset over HTTP', () => {
  beforeEach(() => server.reset({ resendCooldownMs: 0 }));
  afterEach(async () => {
    await f.signOutHere();
    await server.expectNoViolations();
  });

  describe('when a reset letter is asked for', () => {
    it('resolves alike for an unknown, a pending and an active address; only registered ones get a letter', async () => {
      await f.activeProfile(EMAIL);
      await f.pendingProfile('pending@example.test');
      const a = f.adapter();
      for (const email of ['nobody@example.test', 'pending@example.test', 'maria.ivanova@EXAMPLE.test']) {
        await a.requestPasswordReset(email);
        expect((await server.lastResponse()).status, email).to.equal(202);
      }
      const letters = await server.letters('reset');
      expect(letters.map((l) => l.to)).to.deep.equal(['pending@example.test', EMAIL]);
      // The token travels in the link's fragment, never where a server would log it.
      const link = new URL(letters[1]!.link);
      expect(link.search).to.equal('');
      expect(new URLSearchParams(link.hash.slice(1)).get('token')).to.equal(letters[1]!.token);
    });

    it('refuses a second request for an address within the cooldown, registered or not (rate_limited)', async () => {
      await server.reset({ resendCooldownMs: 60_000 });
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      for (const email of [EMAIL, 'nobody@example.test']) {
        await a.requestPasswordReset(email);
        const error = await adapterError(a.requestPasswordReset(email), 'rate_limited');
        expect(error.retryAfter, email).to.be.within(59, 60);
      }
    });

    it('reports an address that is not one as validation on email', async () => {
      const error = await adapterError(f.adapter().requestPasswordReset('not-an-address'), 'validation');
      expect(error.fieldErrors?.email).to.equal('email.invalid');
    });
  });

  describe('with the letter', () => {
    it('checks the token (the masked address), resets once, and does not sign in', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const token = await resetToken();
      expect(await a.checkResetToken(token)).to.deep.equal({ email: masked(EMAIL) });
      await a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false });
      const response = await server.lastResponse();
      expect(response.status).to.equal(204);
      expect(response.headers['set-cookie'], 'a reset sets no cookie').to.equal(undefined);
      expect(await a.getSession(), 'a reset never signs in').to.equal(null);
      await adapterError(a.signIn({ email: EMAIL, password: PASSWORD, remember: false }), 'invalid_credentials');
      expect((await a.signIn({ email: EMAIL, password: NEW_PASSWORD, remember: false })).email).to.equal(EMAIL);
    });

    it('a used token is token_used, for the check and for a second reset', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const token = await resetToken();
      await a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false });
      await adapterError(a.checkResetToken(token), 'token_used');
      await adapterError(a.resetPassword({ token, password: 'An0ther-horse-battery', signOutOthers: false }), 'token_used');
      await a.signIn({ email: EMAIL, password: NEW_PASSWORD, remember: false });
    });

    it('a token older than 30 minutes is token_expired, and a new letter works', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const token = await resetToken();
      await server.control('POST', 'clock', { advanceMs: RESET_TTL_MS - 5_000 });
      expect(await a.checkResetToken(token)).to.deep.equal({ email: masked(EMAIL) });
      await server.control('POST', 'clock', { advanceMs: 5_000 });
      await adapterError(a.checkResetToken(token), 'token_expired');
      await adapterError(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }), 'token_expired');
      await a.resetPassword({ token: await resetToken(), password: NEW_PASSWORD, signOutOthers: false });
    });

    it('an unknown token, a voided one and an activation token are token_invalid; a reset token activates nothing', async () => {
      await f.pendingProfile(EMAIL);
      const a = f.adapter();
      const activation = await server.tokenOf(EMAIL, 'activation');
      const older = await resetToken();
      const newer = await resetToken();
      for (const token of ['no-such-token-0123456789abcdef', older, activation]) {
        await adapterError(a.checkResetToken(token), 'token_invalid');
        await adapterError(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }), 'token_invalid');
      }
      await adapterError(a.activate(newer), 'token_invalid');
      // The activation token still activates, and the newest reset token still resets.
      await a.activate(activation);
      await a.resetPassword({ token: newer, password: NEW_PASSWORD, signOutOthers: false });
    });

    it('a weak or common new password is validation on password, and the token stays usable', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const token = await resetToken();
      const weak = await adapterError(a.resetPassword({ token, password: 'short1', signOutOthers: false }), 'validation');
      expect(weak.field).to.equal('password');
      expect(weak.fieldErrors?.password).to.equal('password.tooShort');
      const common = await adapterError(a.resetPassword({ token, password: 'Password1', signOutOthers: false }), 'validation');
      expect(common.fieldErrors?.password).to.equal('password.common');
      expect(await a.checkResetToken(token)).to.deep.equal({ email: masked(EMAIL) });
      await a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false });
    });
  });

  describe('signing out of other devices', () => {
    it('without signOutOthers, the sessions of other browsers stay', async () => {
      await f.activeProfile(EMAIL);
      const phone = f.otherBrowser('phone');
      await phone.signIn({ email: EMAIL, password: PASSWORD, remember: true });
      await f.adapter().resetPassword({ token: await resetToken(), password: NEW_PASSWORD, signOutOthers: false });
      expect((await phone.getSession())?.email).to.equal(EMAIL);
      expect(await server.sessions(EMAIL)).to.have.length(1);
    });

    it('with signOutOthers, every session of the profile ends, on every browser, and nobody is signed in', async () => {
      await f.activeProfile(EMAIL);
      await f.activeProfile('someone.else@example.test');
      const phone = f.otherBrowser('phone');
      const laptop = f.otherBrowser('laptop');
      const stranger = f.otherBrowser('stranger');
      await phone.signIn({ email: EMAIL, password: PASSWORD, remember: true });
      await laptop.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      await stranger.signIn({ email: 'someone.else@example.test', password: PASSWORD, remember: false });
      await f.adapter().signIn({ email: EMAIL, password: PASSWORD, remember: false });
      expect(await server.sessions(EMAIL)).to.have.length(3);
      await f.adapter().resetPassword({ token: await resetToken(), password: NEW_PASSWORD, signOutOthers: true });
      expect(await phone.getSession()).to.equal(null);
      expect(await laptop.getSession()).to.equal(null);
      expect(await f.adapter().getSession(), 'this browser too').to.equal(null);
      expect((await stranger.getSession())?.email, 'another profile keeps its session').to.equal('someone.else@example.test');
      expect(await server.sessions(EMAIL)).to.have.length(0);
    });
  });

  describe('timing', () => {
    it('a reset request for a registered address takes as long as one for an unknown address (medians)', async function () {
      this.timeout(30_000);
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const time = async (email: string) => {
        const started = performance.now();
        await a.requestPasswordReset(email);
        return performance.now() - started;
      };
      await time('warm.up@example.test');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 21; i++) {
        if (i % 2) unknown.push(await time(`nobody.${i}@example.test`));
        known.push(await time(EMAIL));
        if (!(i % 2)) unknown.push(await time(`nobody.${i}@example.test`));
      }
      expect(await server.letters('reset')).to.have.length(21);
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      const ratio = median(known) / median(unknown);
      console.log(
        `[timing] reset request over HTTP: registered ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (median of 21), ratio ${ratio.toFixed(2)}`,
      );
      // Loose on purpose: calls of a few ms on a loaded machine; a letter sent inline (15 ms) is 3× apart.
      expect(ratio).to.be.within(0.4, 2.5);
    });
  });
});

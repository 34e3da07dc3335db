import { expect } from '@open-wc/testing';
import { authFixtures, PASSWORD, sessionKeys } from './server/auth-fixtures.js';
import { adapterError } from './helpers/adapter.js';

// Signing in, the session and signing out through HttpAdapter against the contract server, over real HTTP
// with the browser's own cookie jar: the session cookie is HttpOnly (no script of the page sees it), the CSRF
// cookie is readable and goes back as X-CSRF-Token. Expected values come from openapi/auth.openapi.yaml
// ("The session", "CSRF", "Security notes"). Every response is checked against the document by the server.
const NAMESPACE = `http-session-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);
const { server, names } = f;
const EMAIL = 'Maria.Ivanova@Example.test';
const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

const setCookies = async () => [(await server.lastResponse()).headers['set-cookie'] ?? []].flat();

describe('HttpAdapter sessions over HTTP', () => {
  beforeEach(() => server.reset({ resendCooldownMs: 0 }));
  afterEach(async () => {
    await f.signOutHere();
    await server.expectNoViolations();
  });

  describe('when a person signs in', () => {
    it('resolves with the person, the next call sees the session, and no script can read its cookie', async () => {
      const userId = await f.activeProfile(EMAIL);
      const a = f.adapter();
      const session = await a.signIn({ email: ' maria.ivanova@EXAMPLE.test ', password: PASSWORD, remember: false });
      expect(sessionKeys(session)).to.equal('email,firstName,lastName,userId');
      expect(session.userId).to.equal(userId);
      expect(session.email).to.equal(EMAIL);
      // HttpOnly: the session cookie is in the jar (the next call carries it) but not in document.cookie.
      expect(f.readableCookie(names.session), document.cookie).to.equal(false);
      expect(f.readableCookie(names.csrf), 'the CSRF cookie is for the page to read').to.equal(true);
      expect((await a.getSession())?.userId).to.equal(userId);
      expect((await f.adapter().getSession())?.userId, 'a second adapter on the page').to.equal(userId);
    });

    it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie that ends with the browser', async () => {
      await f.activeProfile(EMAIL);
      await f.adapter().signIn({ email: EMAIL, password: PASSWORD, remember: false });
      const [sessionCookie, csrfCookie] = await setCookies();
      expect(sessionCookie).to.match(new RegExp(`^${names.session}=[\\w-]{40,};`));
      const attributes = (cookie = '') => cookie.split(';').slice(1).map((a) => a.trim()).sort();
      expect(attributes(sessionCookie)).to.deep.equal(['HttpOnly', 'Path=/', 'SameSite=Lax']);
      expect(csrfCookie).to.match(new RegExp(`^${names.csrf}=[\\w-]{40,};`));
      expect(attributes(csrfCookie)).to.deep.equal(['Path=/', 'SameSite=Lax']);
      expect((await server.sessions(EMAIL)).map((s) => s.remember)).to.deep.equal([false]);
    });

    it('with "stay signed in", both cookies get a Max-Age of 30 days and the server keeps the session as long', async () => {
      await f.activeProfile(EMAIL);
      await f.adapter().signIn({ email: EMAIL, password: PASSWORD, remember: true });
      const cookies = await setCookies();
      expect(cookies).to.have.length(2);
      for (const cookie of cookies) expect(cookie).to.contain(`; Max-Age=${THIRTY_DAYS_S}`);
      const [live] = await server.sessions(EMAIL);
      expect(live!.remember).to.equal(true);
      expect(live!.expiresAt - live!.createdAt).to.equal(THIRTY_DAYS_S * 1000);
    });

    it('marks both cookies Secure when the page is served over https (X-Forwarded-Proto)', async () => {
      await f.activeProfile(EMAIL);
      const overTls = f.adapter({ headers: () => ({ 'X-Forwarded-Proto': 'https' }) });
      await overTls.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      for (const cookie of await setCookies()) expect(cookie).to.contain('; Secure');
      await overTls.signOut();
      for (const cookie of await setCookies()) expect(cookie).to.contain('; Secure');
    });

    it('starts a new session on every sign-in: the previous one of this browser ends', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      const first = await setCookies();
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: true });
      const second = await setCookies();
      expect(second[0]!.split(';')[0] === first[0]!.split(';')[0], 'the session id changed').to.equal(false);
      expect((await server.sessions(EMAIL)).map((s) => s.remember)).to.deep.equal([true]);
    });
  });

  describe('when the credentials are wrong', () => {
    it('a wrong password and an unknown address are both invalid_credentials, and nobody is signed in', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const wrong = await adapterError(a.signIn({ email: EMAIL, password: 'Wrong-passw0rd', remember: false }), 'invalid_credentials');
      const unknown = await adapterError(
        a.signIn({ email: 'nobody@example.test', password: PASSWORD, remember: false }),
        'invalid_credentials',
      );
      expect(wrong.field).to.equal(unknown.field);
      expect(await a.getSession()).to.equal(null);
    });

    it('a pending profile is not_activated only with the right password', async () => {
      await f.pendingProfile(EMAIL);
      const a = f.adapter();
      await adapterError(a.signIn({ email: EMAIL, password: 'Wrong-passw0rd', remember: false }), 'invalid_credentials');
      await adapterError(a.signIn({ email: EMAIL, password: PASSWORD, remember: false }), 'not_activated');
      expect(await a.getSession()).to.equal(null);
      expect(await server.sessions(EMAIL)).to.have.length(0);
    });

    it('a malformed address is validation on email, before any password is looked at', async () => {
      const error = await adapterError(
        f.adapter().signIn({ email: 'not-an-address', password: PASSWORD, remember: false }),
        'validation',
      );
      expect(error.field).to.equal('email');
      expect(error.fieldErrors?.email).to.equal('email.invalid');
    });
  });

  describe('after repeated failures', () => {
    const wrong = { email: EMAIL, password: 'Wrong-passw0rd', remember: false };

    it('asks for a captcha (captcha_required on captcha); a solved one with the right password signs in', async function () {
      this.timeout(20_000); // several PBKDF2 sign-ins on a busy 2-core machine
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      for (let i = 0; i < 3; i++) await adapterError(a.signIn(wrong), 'invalid_credentials');
      const required = await adapterError(a.signIn({ ...wrong, password: PASSWORD }), 'captcha_required');
      expect(required.field).to.equal('captcha');
      const captcha = await a.getCaptcha();
      const { answer } = (await server.control('GET', `captcha-answer?id=${captcha.id}`)) as { answer: string };
      const bad = await adapterError(a.signIn({ ...wrong, password: PASSWORD, captcha: { id: captcha.id, answer: `${answer}x` } }), 'captcha_invalid');
      expect(bad.field).to.equal('captcha');
      // The wrong answer used the captcha up: the right answer to it is refused too.
      await adapterError(a.signIn({ ...wrong, password: PASSWORD, captcha: { id: captcha.id, answer } }), 'captcha_invalid');
      const fresh = await a.getCaptcha();
      const solved = (await server.control('GET', `captcha-answer?id=${fresh.id}`)) as { answer: string };
      const session = await a.signIn({ ...wrong, password: PASSWORD, captcha: { id: fresh.id, answer: solved.answer } });
      expect(session.email).to.equal(EMAIL);
    });

    it('asks an unknown address for the captcha after as many failures', async function () {
      this.timeout(20_000); // several PBKDF2 sign-ins on a busy 2-core machine
      const a = f.adapter();
      const unknown = { ...wrong, email: 'nobody@example.test' };
      for (let i = 0; i < 3; i++) await adapterError(a.signIn(unknown), 'invalid_credentials');
      await adapterError(a.signIn(unknown), 'captcha_required');
    });

    it('locks the address with rate_limited and the seconds of Retry-After', async function () {
      this.timeout(20_000); // several PBKDF2 sign-ins on a busy 2-core machine
      await server.reset({ captchaAfterFailures: 5, lockAfterFailures: 2, lockoutMs: 90_000 });
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      for (let i = 0; i < 2; i++) await adapterError(a.signIn(wrong), 'invalid_credentials');
      const locked = await adapterError(a.signIn({ ...wrong, password: PASSWORD }), 'rate_limited');
      expect(locked.retryAfter).to.be.within(89, 90);
    });
  });

  describe('the session', () => {
    it('is null before any sign-in and after the sign-out; a second sign-out resolves too', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      expect(await a.getSession()).to.equal(null);
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: true });
      await a.signOut();
      for (const cookie of await setCookies()) expect(cookie).to.contain('Max-Age=0');
      expect(f.readableCookie(names.csrf), 'the CSRF cookie is cleared').to.equal(false);
      expect(await a.getSession()).to.equal(null);
      expect(await server.sessions(EMAIL)).to.have.length(0);
      await a.signOut();
      expect((await server.lastResponse()).status).to.equal(204);
    });

    it('is per browser: another browser signs in and out on its own', async () => {
      await f.activeProfile(EMAIL);
      const other = f.otherBrowser('laptop');
      await other.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      expect(await f.adapter().getSession(), 'this page').to.equal(null);
      expect((await other.getSession())?.email).to.equal(EMAIL);
      await f.adapter().signIn({ email: EMAIL, password: PASSWORD, remember: false });
      expect(await server.sessions(EMAIL)).to.have.length(2);
      await other.signOut();
      expect(await other.getSession()).to.equal(null);
      expect((await f.adapter().getSession())?.email, 'this page is still signed in').to.equal(EMAIL);
    });

    it('ends on the server after its lifetime, and the stale cookie is cleared', async () => {
      await server.reset({ sessionTtlMs: 60_000 });
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      await server.control('POST', 'clock', { advanceMs: 61_000 });
      expect(await a.getSession()).to.equal(null);
      const response = await server.lastResponse();
      expect(response.status).to.equal(204);
      expect([response.headers['set-cookie'] ?? []].flat().join()).to.contain('Max-Age=0');
    });
  });

  describe('CSRF', () => {
    it('sign-out without the CSRF header, or with a wrong one, is refused (server) and the session stays', async () => {
      await f.activeProfile(EMAIL);
      await f.adapter().signIn({ email: EMAIL, password: PASSWORD, remember: false });
      await adapterError(f.adapter({ csrfCookie: false }).signOut(), 'server');
      expect((await server.lastResponse()).status).to.equal(403);
      await adapterError(f.adapter({ headers: () => ({ 'X-CSRF-Token': 'forged' }) }).signOut(), 'server');
      expect((await f.adapter().getSession())?.email).to.equal(EMAIL);
      expect(await server.sessions(EMAIL)).to.have.length(1);
      await f.adapter().signOut();
      expect(await f.adapter().getSession()).to.equal(null);
    });

    it('needs no CSRF header to sign out when there is no session', async () => {
      await f.adapter({ csrfCookie: false }).signOut();
      expect((await server.lastResponse()).status).to.equal(204);
    });

    it('goes as X-CSRF-Token on every POST, from the cookie; never on the GET; the hook wins', async () => {
      type Seen = { method: string; headers: Record<string, string> };
      const seen = async () => (await server.control('GET', 'last-request-headers')) as Seen;
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      const token = document.cookie.split('; ').find((c) => c.startsWith(`${names.csrf}=`))!.split('=')[1];
      await a.getSession();
      expect((await seen()).headers['x-csrf-token']).to.equal(undefined);
      await a.requestPasswordReset('someone@example.test');
      expect((await seen()).headers['x-csrf-token']).to.equal(token);
      await f.adapter({ headers: () => ({ 'X-CSRF-Token': 'from-a-meta-tag' }) }).resendActivation('someone@example.test');
      expect((await seen()).headers['x-csrf-token']).to.equal('from-a-meta-tag');
    });
  });

  describe('timing', () => {
    it('a wrong password for a registered address takes as long as an unknown address (medians)', async function () {
      this.timeout(30_000);
      // High thresholds: every attempt is a plain invalid_credentials, no captcha and no lock in between.
      await server.reset({ captchaAfterFailures: 1000, lockAfterFailures: 1000 });
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      const time = async (email: string) => {
        const started = performance.now();
        await adapterError(a.signIn({ email, password: 'Wrong-passw0rd', remember: false }), 'invalid_credentials');
        return performance.now() - started;
      };
      await time('warm.up@example.test');
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, the order swapped every round, so that a busy moment of the machine hits both.
      for (let i = 0; i < 15; i++) {
        if (i % 2) unknown.push(await time(`nobody.${i}@example.test`));
        known.push(await time(EMAIL));
        if (!(i % 2)) unknown.push(await time(`nobody.${i}@example.test`));
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      const ratio = median(known) / median(unknown);
      console.log(
        `[timing] sign-in over HTTP, wrong password: registered ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (median of 15), ratio ${ratio.toFixed(2)}`,
      );
      // Loose on purpose (a loaded 2-core machine moves single calls by 2×); a skipped derivation is 10× apart.
      expect(ratio).to.be.within(1 / 3, 3);
    });
  });
});

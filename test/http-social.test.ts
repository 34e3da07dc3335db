/**
 * HttpAdapter's social capability against the contract server (openapi/social.openapi.yaml) and its fake OAuth
 * provider, without the element: the authorization page is driven like a browser does (its form posted, the
 * 303 to the redirect URI followed; once in a real popup window), then the callback is handed to the backend.
 * The backend keeps the PKCE verifier, state and nonce; the provider checks the verifier, the exact redirect
 * URI, single use of the code, the client's credentials and VK ID's device_id. Every response is checked
 * against the document by the server (no violations after each test).
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../src/adapter/adapter-error.js';
import { readSocialCallback, type SocialProvider, type SocialStartRedirect } from '../src/adapter/social-types.js';
import { adapterError } from './helpers/adapter.js';
import { authFixtures, PASSWORD, type AuthFixtures } from './server/auth-fixtures.js';

const NS = 'http-social';
const REDIRECT = `${location.origin}/__social/callback`;
let f: AuthFixtures;

type Callback = { code: string; state: string; deviceId?: string } | { error: string; state: string };

async function start(provider: SocialProvider, extra: Record<string, unknown> = {}): Promise<SocialStartRedirect> {
  const started = await f.adapter().startSocial({ provider, redirectUri: REDIRECT, mode: 'popup', intent: 'sign-in', ...extra });
  if (started.kind !== 'redirect') throw new Error('expected a redirect flow');
  return started;
}

/** What a browser does at the authorization page: the form posted with a choice, the redirect followed. */
async function consent(authorizationUrl: string, decision: 'allow' | 'deny' = 'allow', subject?: string): Promise<Callback> {
  const pageResponse = await fetch(authorizationUrl);
  expect(pageResponse.status).to.equal(200);
  expect(pageResponse.headers.get('content-security-policy')).to.contain("default-src 'none'");
  const doc = new DOMParser().parseFromString(await pageResponse.text(), 'text/html');
  const form = doc.querySelector('form')!;
  const body = new URLSearchParams();
  body.set('request', form.querySelector<HTMLInputElement>('input[name=request]')!.value);
  body.set('decision', decision);
  body.set('subject', subject ?? form.querySelector<HTMLInputElement>('input[name=subject]:checked')!.value);
  const answer = await fetch(new URL(form.getAttribute('action')!, authorizationUrl), { method: 'POST', body });
  const back = new URL(answer.url);
  expect(`${back.origin}${back.pathname}`).to.equal(REDIRECT);
  const callback = readSocialCallback(back.searchParams);
  if (!callback) throw new Error(`no callback in ${back.href}`);
  return callback;
}

async function complete(provider: SocialProvider, callback: Callback, flowId?: string) {
  return f.adapter().completeSocial({ provider, ...(flowId ? { flowId } : {}), ...callback });
}

/** A whole flow as `subject`. */
async function social(provider: SocialProvider, subject?: string, extra: Record<string, unknown> = {}) {
  const flow = await start(provider, extra);
  return complete(provider, await consent(flow.authorizationUrl, 'allow', subject), flow.flowId);
}

const flows = async () => (await f.server.control('GET', 'social/flows')) as { flowId: string }[];
const refusals = async () => (await f.server.control('GET', 'social/refusals')) as { provider: string; error: string; reason: string }[];

/** An S256 PKCE pair made here, for the tests of the token endpoint itself. */
async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const b64url = (data: Uint8Array) => btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const verifier = b64url(bytes);
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  return { verifier, challenge };
}

describe('HttpAdapter social sign-in against the contract server and its fake provider', () => {
  before(async () => {
    f = await authFixtures(NS);
  });
  beforeEach(() => f.server.reset({ resendCooldownMs: 0 }));
  afterEach(async () => {
    await f.signOutHere();
    await f.server.expectNoViolations();
  });

  describe('starting', () => {
    it('answers the provider URL with S256 challenge, state and (Google) nonce, and never the verifier; the flow cookie is HttpOnly', async () => {
      const flow = await start('google');
      const url = new URL(flow.authorizationUrl);
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.equal('/api/oauth/google/auth');
      const q = url.searchParams;
      expect(q.get('state')).to.equal(flow.state);
      expect(q.get('code_challenge_method')).to.equal('S256');
      expect(q.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(q.get('nonce')).to.match(/^[A-Za-z0-9_-]{32}$/);
      expect(q.get('redirect_uri')).to.equal(REDIRECT);
      expect(q.get('scope')).to.equal('openid email profile');
      expect([...q.keys()].some((k) => /verifier|secret/.test(k))).to.equal(false);
      expect(document.cookie).not.to.contain('ae_social');
      expect((await flows()).map((x) => x.flowId)).to.deep.equal([flow.flowId]);
      const vk = new URL((await start('vk')).authorizationUrl);
      expect(vk.pathname).to.equal('/api/oauth/vk/authorize');
      expect(vk.searchParams.get('nonce')).to.equal(null);
    });

    it('refuses a redirect URI the provider does not have registered, at start and at the authorization page', async () => {
      await f.server.control('POST', 'social/provider', { redirectUris: [REDIRECT] });
      const error = await adapterError(start('vk', { redirectUri: `${REDIRECT}/other` }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ redirectUri: 'redirectUri.unknown' });
      const flow = await start('vk');
      const tampered = new URL(flow.authorizationUrl);
      tampered.searchParams.set('redirect_uri', 'https://evil.example/cb');
      const page = await fetch(tampered.href, { redirect: 'manual' });
      expect(page.status).to.equal(400);
      expect(await page.text()).to.contain('not registered');
    });

    it('link needs a session', async () => {
      await adapterError(start('vk', { intent: 'link' }), 'forbidden');
    });

    it('an authorization URL that is neither https: nor the API\'s origin is a server error', async () => {
      await f.server.fault({ kind: 'status', status: 200, body: { flowId: 'sf_1', state: 'S'.repeat(32), authorizationUrl: 'javascript:alert(1)', expiresAt: Date.now() + 60_000 } });
      await adapterError(start('vk'), 'server');
      await f.server.fault({ kind: 'status', status: 200, body: { flowId: 'sf_1', state: 'S'.repeat(32), authorizationUrl: 'http://evil.example/authorize', expiresAt: Date.now() + 60_000 } });
      await adapterError(start('vk'), 'server');
      await f.server.fault({ kind: 'status', status: 200, body: { flowId: 'sf_1', state: 'S'.repeat(32) } });
      await adapterError(start('vk'), 'server');
    });
  });

  describe('what the adapter keeps of an answer', () => {
    it('only the members of the contract: extra members of a result and of its session are dropped', async () => {
      const session = { userId: 'usr_1', email: 'a@example.com', firstName: 'A', lastName: 'B', token: 'secret-token' };
      await f.server.fault({ kind: 'status', status: 200, body: { status: 'signed_in', isNew: false, provider: 'google', session, accessToken: 'at-1' } });
      const done = await f.adapter().completeSocial({ provider: 'google', state: 's', code: 'c' });
      expect(Object.keys(done).sort().join()).to.equal('isNew,provider,session,status');
      if (done.status !== 'signed_in') throw new Error(done.status);
      expect(Object.keys(done.session).sort().join()).to.equal('email,firstName,lastName,userId');
      await f.server.fault({ kind: 'status', status: 200, body: { status: 'signed_in', isNew: true, provider: 'google', session } });
      await adapterError(f.adapter().completeSocial({ provider: 'google', state: 's', code: 'c' }), 'server');
      await f.server.fault({ kind: 'status', status: 200, body: { status: 'profile_required', provider: 'vk', signupToken: 'T'.repeat(32), expiresAt: Date.now() + 60_000, profile: { emailVerified: false, firstName: 'Ю', lastName: 'Щ', phone: '+7' }, idToken: 'x' } });
      const profile = await f.adapter().completeSocial({ provider: 'vk', state: 's', code: 'c' });
      if (profile.status !== 'profile_required') throw new Error(profile.status);
      expect(Object.keys(profile).sort().join()).to.equal('expiresAt,profile,provider,signupToken,status');
      expect(Object.keys(profile.profile).sort().join()).to.equal('emailVerified,firstName,lastName');
      await f.server.fault({ kind: 'status', status: 200, body: { status: 'welcome' } });
      await adapterError(f.adapter().completeSocial({ provider: 'vk', state: 's', code: 'c' }), 'server');
      await f.server.fault({ kind: 'status', status: 200, body: { links: [{ provider: 'myspace', linkedAt: 1, displayName: 'x' }] } });
      await adapterError(f.adapter().listSocialLinks(), 'server');
    });
  });

  describe('the server holds itself to the document', () => {
    it('a social answer that breaks openapi/social.openapi.yaml is recorded and replaced by a 500', async () => {
      await f.server.fault({ kind: 'mutate', drop: ['state'] });
      await adapterError(start('vk'), 'server');
      const found = await f.server.takeViolations();
      expect(found.map((v) => v.operation)).to.deep.equal(['startSocial']);
      expect(found[0].violations.join()).to.contain("required property 'state'");
      await f.server.fault({ kind: 'status', status: 503 });
      await adapterError(start('vk'), 'server');
      expect((await start('vk')).kind).to.equal('redirect');
    });
  });

  describe('a new person', () => {
    it('Google: profile_required with the verified address, then signed_in with the HttpOnly session; the flow is gone', async () => {
      const flow = await start('google');
      const callback = await consent(flow.authorizationUrl, 'allow', 'google-200001');
      const done = await complete('google', callback, flow.flowId);
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile).to.deep.equal({ email: 'maria.georgieva@example.com', emailVerified: true, firstName: 'Maria', lastName: 'Georgieva' });
      expect(await flows()).to.deep.equal([]);
      const created = await f.adapter().completeSocialProfile({ signupToken: done.signupToken, email: 'maria.georgieva@example.com', firstName: 'Maria', lastName: 'Georgieva' });
      if (created.status !== 'signed_in') throw new Error(created.status);
      expect(created.isNew).to.equal(true);
      expect(Object.keys(created.session).sort().join()).to.equal('email,firstName,lastName,userId');
      expect((await f.adapter().getSession())?.userId).to.equal(created.session.userId);
      expect(f.readableCookie(f.names.session)).to.equal(false);
      expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).not.to.contain(('code' in callback && callback.code) || '-');
    });

    it('VK ID without an e-mail: the device_id comes back, Cyrillic names arrive and are refused, Latin ones and a typed address give verify_email', async () => {
      const flow = await start('vk');
      const callback = await consent(flow.authorizationUrl, 'allow', 'vk-100001');
      if (!('code' in callback)) throw new Error('denied');
      expect(callback.deviceId).to.match(/^[A-Za-z0-9_-]{16}$/);
      const done = await complete('vk', callback);
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile).to.deep.equal({ emailVerified: false, firstName: 'Юлия', lastName: 'Щерева' });
      const refused = await adapterError(
        f.adapter().completeSocialProfile({ signupToken: done.signupToken, email: 'yulia@example.com', firstName: 'Юлия', lastName: 'Щерева' }),
        'validation',
      );
      expect(refused.fieldErrors).to.deep.equal({ firstName: 'name.cyrillic', lastName: 'name.cyrillic' });
      const created = await f.adapter().completeSocialProfile({ signupToken: done.signupToken, email: 'yulia@example.com', firstName: 'Yulia', lastName: 'Shtereva' });
      expect(created).to.deep.equal({ status: 'verify_email', email: 'yulia@example.com', provider: 'vk' });
      expect((await f.server.letters('activation')).map((l) => l.to)).to.deep.equal(['yulia@example.com']);
      expect(await f.adapter().getSession()).to.equal(null);
      await adapterError(social('vk', 'vk-100001'), 'not_activated');
    });

    it('VK ID: a callback without its device_id is refused', async () => {
      const flow = await start('vk');
      const callback = await consent(flow.authorizationUrl);
      if (!('code' in callback)) throw new Error('denied');
      const { deviceId: _dropped, ...rest } = callback;
      const error = await adapterError(complete('vk', rest), 'validation');
      expect(error.fieldErrors).to.deep.equal({ deviceId: 'deviceId.required' });
    });

    it('the sign-up token works only in the browser whose flow made it', async () => {
      const done = await social('google', 'google-200001');
      if (done.status !== 'profile_required') throw new Error(done.status);
      const input = { signupToken: done.signupToken, email: 'maria.georgieva@example.com', firstName: 'Maria', lastName: 'Georgieva' };
      await adapterError(f.otherBrowser('elsewhere').completeSocialProfile(input), 'token_invalid');
      expect((await f.adapter().completeSocialProfile(input)).status).to.equal('signed_in');
      await adapterError(f.adapter().completeSocialProfile(input), 'token_invalid');
    });

    it('Facebook: the person is asked for a profile, and their address is verified by our letter', async () => {
      const done = await social('facebook');
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile).to.deep.equal({ email: 'georgi.dimitrov@example.org', emailVerified: false, firstName: 'Георги', lastName: 'Димитров' });
      const created = await f.adapter().completeSocialProfile({ signupToken: done.signupToken, email: 'georgi.dimitrov@example.org', firstName: 'Georgi', lastName: 'Dimitrov' });
      expect(created.status).to.equal('verify_email');
    });
  });

  describe('refusals', () => {
    it('Deny at the provider: access_denied comes back, completing says denied and ends the flow', async () => {
      const flow = await start('google');
      const callback = await consent(flow.authorizationUrl, 'deny');
      expect(callback).to.deep.equal({ error: 'access_denied', state: flow.state });
      await adapterError(complete('google', callback), 'denied');
      expect(await flows()).to.deep.equal([]);
    });

    it('state_mismatch: an unknown state, another browser completing this one\'s flow, another provider; the right browser still completes', async () => {
      const flow = await start('google');
      const callback = await consent(flow.authorizationUrl);
      await adapterError(complete('google', { ...callback, state: 'x'.repeat(32) }), 'state_mismatch');
      await adapterError(f.otherBrowser('attacker').completeSocial({ provider: 'google', ...callback }), 'state_mismatch');
      await adapterError(complete('facebook', callback), 'state_mismatch');
      expect((await complete('google', callback)).status).to.equal('profile_required');
      await adapterError(complete('google', callback), 'state_mismatch');
    });

    it('a code spent already, brought back with a new flow: token_invalid (the provider says so)', async () => {
      const first = await start('google');
      const callback = await consent(first.authorizationUrl);
      await complete('google', callback);
      const second = await start('google');
      if (!('code' in callback)) throw new Error('denied');
      await adapterError(complete('google', { code: callback.code, state: second.state }), 'token_invalid');
      expect((await refusals()).at(-1)).to.deep.equal({ provider: 'google', error: 'invalid_grant', reason: 'The code was used already' });
    });

    it('a code completed with another flow\'s verifier: token_invalid, and the code is spent for its own flow too', async () => {
      const a = await start('vk');
      const b = await start('vk');
      const callback = await consent(a.authorizationUrl);
      if (!('code' in callback)) throw new Error('denied');
      await adapterError(complete('vk', { ...callback, state: b.state }), 'token_invalid');
      expect((await refusals()).at(-1)?.reason).to.equal('code_verifier does not match the code_challenge');
      await adapterError(complete('vk', callback), 'token_invalid');
      expect((await refusals()).at(-1)?.reason).to.equal('The code was used already');
    });

    it('an ID token whose nonce is not the flow\'s is refused (server), though the code and verifier are right', async () => {
      const flow = await start('google');
      const challenge = new URL(flow.authorizationUrl).searchParams.get('code_challenge');
      const { code } = (await f.server.control('POST', 'social/issue-code', { provider: 'google', redirectUri: REDIRECT, codeChallenge: challenge, nonce: 'another-nonce', subject: 'google-200001' })) as { code: string };
      await adapterError(complete('google', { code, state: flow.state }), 'server');
      expect(await flows()).to.deep.equal([]);
    });

    it('an old code: token_expired', async () => {
      await f.server.control('POST', 'social/provider', { codeTtlMs: 1_000 });
      const flow = await start('google');
      const callback = await consent(flow.authorizationUrl);
      await f.server.control('POST', 'clock', { advanceMs: 2_000 });
      await adapterError(complete('google', callback), 'token_expired');
    });
  });

  describe('the token endpoint', () => {
    it('checks the verifier, the exact redirect URI, single use, the client secret (Google) and the device_id (VK ID)', async () => {
      const clients = (await f.server.control('GET', 'social/clients')) as Record<string, { clientId: string; clientSecret: string }>;
      const google = clients.google;
      const { verifier, challenge } = await pkce();
      const issue = async (provider: string) =>
        (await f.server.control('POST', 'social/issue-code', { provider, redirectUri: REDIRECT, codeChallenge: challenge, nonce: 'n0nce' })) as { code: string; deviceId?: string };
      const token = (params: Record<string, string>) =>
        fetch(`/api/oauth/google/token?ns=${NS}`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: google.clientId, client_secret: google.clientSecret, redirect_uri: REDIRECT, code_verifier: verifier, ...params }) });
      const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

      const { code } = await issue('google');
      expect(await errorOf(await token({ code, client_secret: 'wrong' }))).to.equal('invalid_client');
      const wrongVerifier = await token({ code, code_verifier: (await pkce()).verifier });
      expect(wrongVerifier.status).to.equal(400);
      expect(await errorOf(wrongVerifier)).to.equal('invalid_grant');
      const second = (await issue('google')).code;
      expect(await errorOf(await token({ code: second, redirect_uri: `${REDIRECT}/` }))).to.equal('invalid_grant');
      const third = (await issue('google')).code;
      const ok = await token({ code: third });
      expect(ok.status).to.equal(200);
      const tokens = (await ok.json()) as { id_token: string; token_type: string };
      expect(tokens.token_type).to.equal('Bearer');
      const claims = JSON.parse(atob(tokens.id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      expect(claims.nonce).to.equal('n0nce');
      expect(claims.aud).to.equal(google.clientId);
      expect(await errorOf(await token({ code: third }))).to.equal('invalid_grant');

      const vk = await issue('vk');
      const vkToken = (deviceId?: string) => {
        const q = new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT, client_id: clients.vk.clientId, code_verifier: verifier, state: 's', ns: NS });
        if (deviceId) q.set('device_id', deviceId);
        return fetch(`/api/oauth/vk/oauth2/auth?${q}`, { method: 'POST', body: new URLSearchParams({ code: vk.code }) });
      };
      const missing = await vkToken();
      expect(await errorOf(missing)).to.equal('invalid_request');
      const fine = await vkToken(vk.deviceId);
      expect(fine.status).to.equal(200);
      expect(((await fine.json()) as { state: string }).state).to.equal('s');
    });
  });

  describe('an address that belongs to a profile', () => {
    it('link_required (masked), forbidden until the password sign-in, then linked; Google signs in afterwards; unlink keeps the last way in', async () => {
      const userId = await f.activeProfile('ivan.petrov@example.com');
      const done = await social('google', 'google-200002');
      if (done.status !== 'link_required') throw new Error(done.status);
      expect(done.email).to.equal('i***@example.com');
      await adapterError(f.adapter().linkSocial({ linkToken: done.linkToken }), 'forbidden');
      await adapterError(f.adapter().listSocialLinks(), 'forbidden');
      await f.adapter().signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      const links = await f.adapter().linkSocial({ linkToken: done.linkToken });
      expect(links.map((l) => [l.provider, l.displayName])).to.deep.equal([['google', 'Ivan Petrov']]);
      await adapterError(f.adapter().linkSocial({ linkToken: done.linkToken }), 'token_invalid');
      // Linking VK from the signed-in profile (intent link).
      const linked = await social('vk', 'vk-100002', { intent: 'link' });
      if (linked.status !== 'linked') throw new Error(linked.status);
      expect(linked.links.map((l) => l.provider)).to.deep.equal(['google', 'vk']);
      expect((await f.adapter().listSocialLinks()).length).to.equal(2);
      // The profile has a password: every link may go.
      expect((await f.adapter().unlinkSocial('vk')).map((l) => l.provider)).to.deep.equal(['google']);
      await adapterError(f.adapter().unlinkSocial('facebook'), 'not_found');
      await f.adapter().signOut();
      const again = await social('google', 'google-200002');
      if (again.status !== 'signed_in') throw new Error(again.status);
      expect(again.session.userId).to.equal(userId);
      expect((await f.adapter().getSession())?.userId).to.equal(userId);
      // The session cookies of a social sign-in are those of signIn: Max-Age only with "stay signed in".
      const cookiesOf = async () => [(await f.server.lastResponse()).headers['set-cookie'] ?? []].flat().join('\n');
      await social('google', 'google-200002');
      const plain = await cookiesOf();
      expect(plain).to.contain(`${f.names.session}=`);
      expect(plain).to.contain('HttpOnly');
      expect(plain).not.to.contain('Max-Age');
      await social('google', 'google-200002', { remember: true });
      expect(await cookiesOf()).to.match(/Max-Age=\d+/);
    });

    it('a profile made through Google alone cannot unlink its only provider', async () => {
      const done = await social('google', 'google-200001');
      if (done.status !== 'profile_required') throw new Error(done.status);
      await f.adapter().completeSocialProfile({ signupToken: done.signupToken, email: 'maria.georgieva@example.com', firstName: 'Maria', lastName: 'Georgieva' });
      const error = await adapterError(f.adapter().unlinkSocial('google'), 'last_sign_in_method');
      expect(error).to.be.instanceOf(AdapterError);
      expect((await f.adapter().listSocialLinks()).map((l) => l.provider)).to.deep.equal(['google']);
    });
  });

  describe('in a real popup window', () => {
    it('the authorization page opens, Allow is pressed, the popup lands on the redirect URI with code and state', async () => {
      const flow = await start('google');
      const popup = window.open(flow.authorizationUrl, 'ae-social-test', 'popup,width=480,height=640');
      if (!popup) throw new Error('the popup was blocked');
      try {
        for (let i = 0; i < 200 && !popup.document.querySelector('button[value=allow]'); i++) await new Promise((r) => setTimeout(r, 20));
        popup.document.querySelector<HTMLButtonElement>('button[value=allow]')!.click();
        let params: URLSearchParams | undefined;
        for (let i = 0; i < 200; i++) {
          await new Promise((r) => setTimeout(r, 20));
          try {
            if (popup.location.href.startsWith(REDIRECT)) {
              params = new URLSearchParams(popup.location.search);
              break;
            }
          } catch {
            // between documents
          }
        }
        if (!params) throw new Error('the popup never came back');
        const callback = readSocialCallback(params);
        expect(callback && 'code' in callback && callback.state === flow.state).to.equal(true);
        expect((await complete('google', callback!)).status).to.equal('profile_required');
      } finally {
        popup.close();
      }
    });
  });
});

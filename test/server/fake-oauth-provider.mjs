// A small fake OAuth 2.1 / OpenID Connect provider for the contract server (routes-social.mjs serves it under
// /api/oauth/{vk,google,facebook}/), modelled on the real ones' endpoints and checks so that the backend half
// of a social sign-in is exercised for real: an authorization page with consent (HTML, same origin, strict
// CSP: no script, no inline style), codes bound to the client, the exact redirect URI, the PKCE S256
// challenge (and, for VK ID, the device_id it hands out), single-use and expiring; a token endpoint that
// checks all of it and the client's authentication; an ID token (Google, HS256 with the client secret as
// OpenID Connect allows for confidential clients) with the nonce; user info endpoints (VK ID, Facebook).
// For tests, demos and backend teams; never for production.
//
//   VK ID     GET  /api/oauth/vk/authorize          (id.vk.com/authorize)
//             POST /api/oauth/vk/oauth2/auth        (id.vk.com/oauth2/auth: grant_type, redirect_uri, client_id,
//                                                    code_verifier, state, device_id in the query; code in the body)
//             POST /api/oauth/vk/oauth2/user_info   (id.vk.com/oauth2/user_info: access_token in the body)
//   Google    GET  /api/oauth/google/auth           (accounts.google.com/o/oauth2/v2/auth)
//             POST /api/oauth/google/token          (oauth2.googleapis.com/token)
//   Facebook  GET  /api/oauth/facebook/dialog/oauth (www.facebook.com/v19.0/dialog/oauth)
//             GET  /api/oauth/facebook/oauth/access_token, GET /api/oauth/facebook/me (graph.facebook.com)
//   All       POST /api/oauth/{provider}/consent    (the consent page's form)
//             GET  /api/oauth/consent.css
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const OAUTH_PREFIX = '/api/oauth';
export const PROVIDERS = ['vk', 'google', 'facebook'];

/** The registered clients (our backend at each provider). The secrets are made per process. */
export const CLIENTS = Object.freeze({
  vk: Object.freeze({ clientId: '51234567', clientSecret: randomBytes(24).toString('base64url') }),
  google: Object.freeze({ clientId: 'ae-demo.apps.googleusercontent.example', clientSecret: randomBytes(24).toString('base64url') }),
  facebook: Object.freeze({ clientId: '1234567890123456', clientSecret: randomBytes(24).toString('base64url') }),
});

/** The provider's accounts (the same people as MemoryAdapter's demo identities, memory-social.ts). */
export const IDENTITIES = Object.freeze({
  vk: [
    { subject: 'vk-100001', firstName: 'Юлия', lastName: 'Щерева' },
    { subject: 'vk-100002', firstName: 'Иван', lastName: 'Соколов', email: 'ivan.sokolov@vk.example.com' },
  ],
  google: [
    { subject: 'google-200001', firstName: 'Maria', lastName: 'Georgieva', email: 'maria.georgieva@example.com', emailVerified: true },
    { subject: 'google-200002', firstName: 'Ivan', lastName: 'Petrov', email: 'ivan.petrov@example.com', emailVerified: true },
  ],
  facebook: [{ subject: 'facebook-300001', firstName: 'Георги', lastName: 'Димитров', email: 'georgi.dimitrov@example.org' }],
});

const NAMES = { vk: 'VK ID', google: 'Google', facebook: 'Facebook' };
const AUTHORIZE_PATH = { vk: 'authorize', google: 'auth', facebook: 'dialog/oauth' };
const DEFAULT_CODE_TTL_MS = 10 * 60_000; // VK ID's codes: expires_in 600
const REQUEST_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 500;

const sha256url = (text) => createHash('sha256').update(text).digest('base64url');
const random = (bytes = 24) => randomBytes(bytes).toString('base64url');

function same(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function bounded(map) {
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value);
}

/** The provider's state in a namespace of the contract server (reset with it). */
export function providerState(state) {
  state.oauthProvider ??= {
    /** Consent requests shown, by id. */
    requests: new Map(),
    /** Codes, by SHA-256 of the code. */
    codes: new Map(),
    /** Access tokens, by SHA-256. */
    tokens: new Map(),
    /** null: any redirect URI of the provider's own origin (the page's) is registered; else the exact list. */
    redirectUris: null,
    codeTtlMs: DEFAULT_CODE_TTL_MS,
    /** What the token endpoint refused, for tests: `{ provider, error, reason }`. */
    refusals: [],
  };
  return state.oauthProvider;
}

function registered(provider, redirectUri, origin) {
  if (typeof redirectUri !== 'string' || redirectUri === '') return false;
  if (provider.redirectUris) return provider.redirectUris.includes(redirectUri);
  try {
    const url = new URL(redirectUri);
    return url.origin === origin && url.hash === '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A JWT signed with HS256 (RFC 7519; OpenID Connect Core 10.1: the client secret as the key). */
export function signJwt(payload, secret) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The payload of an HS256 JWT whose signature is right, else null. */
export function verifyJwt(token, secret) {
  const [header, payload, signature, extra] = String(token).split('.');
  if (!header || !payload || !signature || extra !== undefined) return null;
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).alg !== 'HS256') return null;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    if (!same(signature, expected)) return null;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * A code issued directly (test action `POST social/issue-code`), as if the person had consented: for tests of
 * the token endpoint with a verifier of their own.
 */
export function issueCode(state, now, { provider: name, redirectUri, codeChallenge, subject, nonce, scope }) {
  const provider = providerState(state);
  const identity = IDENTITIES[name]?.find((i) => i.subject === subject) ?? IDENTITIES[name]?.[0];
  if (!identity) throw new Error(`unknown provider ${name}`);
  const code = `${name}.${random(32)}`;
  const deviceId = name === 'vk' ? random(12) : undefined;
  provider.codes.set(sha256url(code), {
    provider: name,
    clientId: CLIENTS[name].clientId,
    redirectUri,
    codeChallenge,
    nonce,
    scope: scope ?? 'email',
    identity,
    deviceId,
    expiresAt: now + provider.codeTtlMs,
    used: false,
  });
  bounded(provider.codes);
  return deviceId ? { code, deviceId } : { code };
}

function page(res, status, title, body, formTarget) {
  const csp = [
    "default-src 'none'",
    "style-src 'self'",
    `form-action 'self'${formTarget ? ` ${formTarget}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${OAUTH_PREFIX}/consent.css"></head>` +
      `<body><main>${body}</main></body></html>`,
  );
}

const CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f2f3f5;color:#1b1d21}
main{max-width:26rem;margin:2rem auto;padding:1.25rem;background:#fff;border:1px solid #c4c7cc;border-radius:.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600}
label{display:block;padding:.25rem 0}.actions{display:flex;gap:.5rem;justify-content:flex-end}
button{min-height:2.75rem;padding:0 1rem;border-radius:.5rem;border:1px solid #5f6670;background:#fff;font:inherit}
button[value=allow]{background:#0b57d0;border-color:#0b57d0;color:#fff}`;

/** Where the browser goes back to: the redirect URI with the answer in its query. */
function back(res, redirectUri, params) {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  res.writeHead(303, { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}

function oauthError(status, error, description, extra = {}) {
  return { status, body: { error, error_description: description, ...extra } };
}

/**
 * The token endpoint of `name`, as a function (the contract server's BFF calls it in-process; the HTTP
 * endpoint wraps it): `{ status, body }` per RFC 6749 section 5.
 */
export function tokenRequest(state, now, name, { query, form, authorization }) {
  const provider = providerState(state);
  const client = CLIENTS[name];
  const refuse = (status, error, reason) => {
    provider.refusals.push({ provider: name, error, reason });
    if (provider.refusals.length > 100) provider.refusals.shift();
    return oauthError(status, error, reason, name === 'vk' && query.get('state') ? { state: query.get('state') } : {});
  };
  // VK ID puts everything but the code in the query; the others post a form.
  const param = (key) => (name === 'vk' ? (key === 'code' ? form.get('code') : query.get(key)) : (form.get(key) ?? query.get(key)));
  if (param('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type', 'Only authorization_code');
  // Client authentication: client_id always; the secret (client_secret_post or client_secret_basic) for
  // Google and Facebook. VK ID's web flow authenticates the exchange with PKCE and the device_id.
  let clientId = param('client_id');
  let secret = param('client_secret');
  if (authorization?.startsWith('Basic ')) {
    const [id, pass] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    clientId = decodeURIComponent(id ?? '');
    secret = decodeURIComponent(pass ?? '');
  }
  if (clientId !== client.clientId) return refuse(401, 'invalid_client', 'Unknown client');
  if (name !== 'vk' && !same(secret ?? '', client.clientSecret)) return refuse(401, 'invalid_client', 'Wrong client secret');
  const code = param('code');
  if (!code) return refuse(400, 'invalid_request', 'code is missing');
  const verifier = param('code_verifier');
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return refuse(400, 'invalid_request', 'code_verifier is missing or malformed');
  if (name === 'vk' && !param('device_id')) return refuse(400, 'invalid_request', 'device_id is missing');
  const key = sha256url(code);
  const issued = provider.codes.get(key);
  if (!issued || issued.provider !== name || issued.clientId !== clientId) return refuse(400, 'invalid_grant', 'Unknown code');
  if (issued.used) {
    // RFC 6749 4.1.2: a code used twice revokes what it gave.
    for (const [k, t] of provider.tokens) if (t.code === key) provider.tokens.delete(k);
    return refuse(400, 'invalid_grant', 'The code was used already');
  }
  issued.used = true;
  if (now >= issued.expiresAt) return refuse(400, 'invalid_grant', 'The code has expired');
  if (param('redirect_uri') !== issued.redirectUri) return refuse(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
  if (!same(sha256url(verifier), issued.codeChallenge)) return refuse(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  if (name === 'vk' && param('device_id') !== issued.deviceId) return refuse(400, 'invalid_grant', 'device_id is not the one of the code');
  const accessToken = random(32);
  provider.tokens.set(sha256url(accessToken), { provider: name, identity: issued.identity, code: key, expiresAt: now + 3_600_000 });
  bounded(provider.tokens);
  const { identity } = issued;
  if (name === 'google') {
    const idToken = signJwt(
      {
        iss: `${state.oauthOrigin ?? ''}${OAUTH_PREFIX}/google`,
        aud: client.clientId,
        sub: identity.subject,
        email: identity.email,
        email_verified: identity.emailVerified === true,
        given_name: identity.firstName,
        family_name: identity.lastName,
        name: `${identity.firstName} ${identity.lastName}`,
        nonce: issued.nonce,
        iat: Math.floor(now / 1000),
        exp: Math.floor(now / 1000) + 3600,
      },
      client.clientSecret,
    );
    return { status: 200, body: { access_token: accessToken, expires_in: 3599, token_type: 'Bearer', scope: issued.scope, id_token: idToken } };
  }
  if (name === 'vk') {
    return {
      status: 200,
      body: {
        access_token: accessToken,
        refresh_token: random(32),
        token_type: 'Bearer',
        expires_in: 3600,
        user_id: Number(identity.subject.replace(/\D/g, '')),
        state: query.get('state') ?? '',
        scope: issued.scope,
      },
    };
  }
  return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: 5_183_944 } };
}

/** The user info of an access token: VK ID's `{ user }`, Facebook's `/me`; `{ status, body }`. */
export function userInfoRequest(state, now, name, accessToken, { appsecretProof } = {}) {
  const provider = providerState(state);
  const token = provider.tokens.get(sha256url(String(accessToken ?? '')));
  if (!token || token.provider !== name || now >= token.expiresAt) return oauthError(401, 'invalid_token', 'Unknown or expired access token');
  const { identity } = token;
  if (name === 'vk') {
    return {
      status: 200,
      body: {
        user: {
          user_id: identity.subject.replace(/\D/g, ''),
          first_name: identity.firstName,
          last_name: identity.lastName,
          ...(identity.email ? { email: identity.email } : {}),
          avatar: '',
          sex: 0,
          verified: false,
        },
      },
    };
  }
  if (name === 'facebook') {
    const expected = createHmac('sha256', CLIENTS.facebook.clientSecret).update(String(accessToken)).digest('hex');
    if (!same(appsecretProof ?? '', expected)) return oauthError(400, 'invalid_request', 'appsecret_proof is missing or wrong');
    return {
      status: 200,
      body: { id: identity.subject.replace(/\D/g, ''), first_name: identity.firstName, last_name: identity.lastName, ...(identity.email ? { email: identity.email } : {}) },
    };
  }
  return oauthError(404, 'invalid_request', 'No user info endpoint');
}

async function readForm(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 16_384) break;
  }
  return new URLSearchParams(text);
}

function sendJson(res, { status, body }) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
  res.end(JSON.stringify(body));
}

/** The authorization page: checks the request, then shows the consent with the provider's accounts. */
function authorize(ctx, name) {
  const { res, url, state } = ctx;
  const provider = providerState(state);
  const q = url.searchParams;
  const client = CLIENTS[name];
  const redirectUri = q.get('redirect_uri');
  const origin = `http://${ctx.req.headers.host}`;
  state.oauthOrigin = origin;
  // Before the redirect URI is known good, errors are shown here, never sent anywhere (RFC 6749 4.1.2.1).
  if (q.get('client_id') !== client.clientId) return page(res, 400, 'Error', '<h1>Unknown client</h1>');
  if (!registered(provider, redirectUri, origin)) return page(res, 400, 'Error', '<h1>This redirect URI is not registered</h1>');
  const fail = (error, description) => back(res, redirectUri, { error, error_description: description, state: q.get('state') ?? undefined });
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only code');
  if (!q.get('state')) return fail('invalid_request', 'state is required');
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')) {
    return fail('invalid_request', 'PKCE with S256 is required');
  }
  if (name === 'google' && (!(q.get('scope') ?? '').split(' ').includes('openid') || !q.get('nonce'))) {
    return fail('invalid_request', 'openid scope and nonce are required');
  }
  const id = random(18);
  provider.requests.set(id, {
    provider: name,
    redirectUri,
    state: q.get('state'),
    codeChallenge: q.get('code_challenge'),
    nonce: q.get('nonce') ?? undefined,
    scope: q.get('scope') ?? '',
    expiresAt: ctx.now() + REQUEST_TTL_MS,
  });
  bounded(provider.requests);
  const ns = url.searchParams.get('ns');
  const action = `${OAUTH_PREFIX}/${name}/consent${ns ? `?ns=${encodeURIComponent(ns)}` : ''}`;
  const people = IDENTITIES[name]
    .map(
      (identity, index) =>
        `<label><input type="radio" name="subject" value="${escapeHtml(identity.subject)}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(`${identity.firstName} ${identity.lastName}`)} <small>${escapeHtml(identity.email ?? 'no e-mail address')}</small></label>`,
    )
    .join('');
  const title = `${NAMES[name]} (test provider)`;
  page(
    res,
    200,
    title,
    `<h1>${escapeHtml(title)}</h1><p>The app asks for your name and e-mail address.</p>` +
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="request" value="${id}">` +
      `<fieldset><legend>Continue as</legend>${people}</fieldset>` +
      `<div class="actions"><button name="decision" value="deny">Deny</button><button name="decision" value="allow">Allow</button></div></form>`,
    new URL(redirectUri).origin,
  );
}

async function consent(ctx, name) {
  const { req, res, state } = ctx;
  const provider = providerState(state);
  if (req.method !== 'POST') return page(res, 405, 'Error', '<h1>Method not allowed</h1>');
  const form = await readForm(req);
  const request = provider.requests.get(form.get('request') ?? '');
  // Single use: a consent form is good for one answer.
  provider.requests.delete(form.get('request') ?? '');
  if (!request || request.provider !== name || ctx.now() >= request.expiresAt) {
    return page(res, 400, 'Error', '<h1>This sign-in request is over. Start again from the app.</h1>');
  }
  if (form.get('decision') !== 'allow') {
    return back(res, request.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: request.state });
  }
  const { code, deviceId } = issueCode(state, ctx.now(), {
    provider: name,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    scope: request.scope,
    subject: form.get('subject'),
  });
  if (name === 'vk') {
    return back(res, request.redirectUri, { code, state: request.state, device_id: deviceId, type: 'code_v2', expires_in: Math.round(provider.codeTtlMs / 1000) });
  }
  return back(res, request.redirectUri, { code, state: request.state });
}

/** Serves a request under /api/oauth (the contract server's `handleRaw`). */
export async function handleProvider(ctx) {
  const { req, res, path, url, state } = ctx;
  if (path === `${OAUTH_PREFIX}/consent.css`) {
    res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(CSS);
  }
  const [, name, ...rest] = path.slice(OAUTH_PREFIX.length).split('/');
  const sub = rest.join('/');
  if (!PROVIDERS.includes(name)) return page(res, 404, 'Not found', '<h1>Not found</h1>');
  if (sub === AUTHORIZE_PATH[name] && req.method === 'GET') return authorize(ctx, name);
  if (sub === 'consent') return consent(ctx, name);
  const now = ctx.now();
  if (name === 'vk' && sub === 'oauth2/auth' && req.method === 'POST') {
    return sendJson(res, tokenRequest(state, now, 'vk', { query: url.searchParams, form: await readForm(req), authorization: req.headers.authorization }));
  }
  if (name === 'vk' && sub === 'oauth2/user_info' && req.method === 'POST') {
    return sendJson(res, userInfoRequest(state, now, 'vk', (await readForm(req)).get('access_token')));
  }
  if (name === 'google' && sub === 'token' && req.method === 'POST') {
    return sendJson(res, tokenRequest(state, now, 'google', { query: new URLSearchParams(), form: await readForm(req), authorization: req.headers.authorization }));
  }
  if (name === 'facebook' && sub === 'oauth/access_token' && req.method === 'GET') {
    const q = new URLSearchParams(url.searchParams);
    q.set('grant_type', 'authorization_code');
    return sendJson(res, tokenRequest(state, now, 'facebook', { query: q, form: new URLSearchParams(), authorization: req.headers.authorization }));
  }
  if (name === 'facebook' && sub === 'me' && req.method === 'GET') {
    return sendJson(res, userInfoRequest(state, now, 'facebook', url.searchParams.get('access_token'), { appsecretProof: url.searchParams.get('appsecret_proof') }));
  }
  return page(res, 404, 'Not found', '<h1>Not found</h1>');
}

/** The authorization URL of a flow (what a real backend builds for id.vk.com, accounts.google.com, facebook.com). */
export function authorizationUrl(origin, name, { redirectUri, state, codeChallenge, nonce, namespace }) {
  const url = new URL(`${origin}${OAUTH_PREFIX}/${name}/${AUTHORIZE_PATH[name]}`);
  const q = url.searchParams;
  q.set('response_type', 'code');
  q.set('client_id', CLIENTS[name].clientId);
  q.set('redirect_uri', redirectUri);
  q.set('state', state);
  q.set('code_challenge', codeChallenge);
  q.set('code_challenge_method', 'S256');
  if (name === 'vk') q.set('scope', 'email');
  if (name === 'google') {
    q.set('scope', 'openid email profile');
    q.set('nonce', nonce);
  }
  if (name === 'facebook') q.set('scope', 'email public_profile');
  // The contract server's namespace (test files run side by side); a real provider has nothing like it.
  if (namespace && namespace !== 'default') q.set('ns', namespace);
  return url.href;
}

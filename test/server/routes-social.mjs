// The contract server's routes of the social capability (see EXTENSION_MODULES in contract-server.mjs and
// openapi/social.openapi.yaml), and the fake provider it talks to (fake-oauth-provider.mjs) under /api/oauth.
//
// This is the backend for frontend of draft-ietf-oauth-browser-based-apps: it is the OAuth client. Per flow it
// makes the PKCE verifier (S256), the state and, for Google, the nonce; keeps them here, bound to the browser by
// the HttpOnly `ae_social` cookie (only its SHA-256 is kept); exchanges the code with its client credentials;
// verifies the ID token; and only then hands the verified identity to the MemoryAdapter (its social module
// keeps the links, sign-up and link tokens and makes the profiles: the same rules as the embedded backend).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CLIENTS,
  IDENTITIES,
  OAUTH_PREFIX,
  PROVIDERS,
  authorizationUrl,
  handleProvider,
  issueCode,
  providerState,
  tokenRequest,
  userInfoRequest,
  verifyJwt,
} from './fake-oauth-provider.mjs';

const FLOW_TTL_MS = 10 * 60_000;
const TICKET_TTL_MS = 30 * 60_000;
const MAX_FLOWS = 1_000;
const COOKIE = 'ae_social';
const COOKIE_PATH = '/api/auth/social';

const sha256 = (text) => createHash('sha256').update(text).digest('base64url');
const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

function same(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function namespaceOf(req, url) {
  return String(req.headers['x-contract-namespace'] ?? url.searchParams.get('ns') ?? 'default').slice(0, 100);
}

function cookieName(namespace) {
  return namespace === 'default' ? COOKIE : `${COOKIE}__${namespace.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function cookieOf(req, name) {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const overHttps = (req) => Boolean(req.socket?.encrypted) || String(req.headers['x-forwarded-proto'] ?? '').startsWith('https');

/** The BFF's state in a namespace of the contract server (made again by its reset). */
function bff(state) {
  state.socialBff ??= {
    /** By flow id: { flowId, state, provider, binding, redirectUri, intent, remember, verifier, nonce, expiresAt }. */
    flows: new Map(),
    /** Sign-up and link tokens handed out, by SHA-256: { binding, remember, expiresAt }. */
    tickets: new Map(),
  };
  return state.socialBff;
}

function fail(backend, code, message, extra = {}) {
  const error = new backend.AdapterError(code, message, extra);
  if (extra.status) error.status = extra.status;
  return error;
}

/** The browser's binding: its cookie's hash, and the cookie to set when it had none. */
function binding(ctx) {
  const name = cookieName(namespaceOf(ctx.req, ctx.url));
  const value = cookieOf(ctx.req, name);
  if (value && /^[A-Za-z0-9_-]{43}$/.test(value)) return { hash: sha256(value), cookies: [] };
  const fresh = random();
  const cookie = `${name}=${fresh}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax${overHttps(ctx.req) ? '; Secure' : ''}`;
  return { hash: sha256(fresh), cookies: [cookie], fresh: true };
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Wrong JSON types: 400 validation (`invalid_type`), like the server's own operations. */
function checkTypes(backend, body, types) {
  if (!isRecord(body)) throw fail(backend, 'validation', 'The body must be a JSON object', { field: 'body', fieldErrors: { body: 'invalid_type' }, status: 400 });
  const wrong = Object.entries(types).filter(([key, [type, required]]) => (body[key] === undefined ? required : typeof body[key] !== type)).map(([k]) => k);
  if (wrong.length) {
    throw fail(backend, 'validation', `Wrong or missing members: ${wrong.join(', ')}`, {
      field: wrong[0],
      fieldErrors: Object.fromEntries(wrong.map((k) => [k, 'invalid_type'])),
      status: 400,
    });
  }
}

function checkProvider(backend, value) {
  if (!PROVIDERS.includes(value)) {
    throw fail(backend, 'validation', 'Unknown provider', { field: 'provider', fieldErrors: { provider: 'invalid_type' }, status: 400 });
  }
  return value;
}

/** The redirect URIs registered with the providers: the fake provider's list, else any on the page's origin. */
function checkRedirectUri(ctx, value) {
  const provider = providerState(ctx.state);
  let ok;
  if (provider.redirectUris) ok = provider.redirectUris.includes(value);
  else {
    try {
      const url = new URL(value);
      ok = url.origin === `http://${ctx.req.headers.host}` && url.hash === '' && url.username === '';
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw fail(ctx.backend, 'validation', 'The redirect URI is not registered', { field: 'redirectUri', fieldErrors: { redirectUri: 'redirectUri.unknown' } });
  }
  return value;
}

/**
 * The exchange at the provider and the identity it vouches for: `{ subject, firstName, lastName, email?,
 * emailVerified }`. In-process calls of the fake provider's endpoints (a real backend POSTs over HTTPS).
 */
function exchange(ctx, flow, { code, deviceId }) {
  const { backend, state } = ctx;
  const now = state.now();
  const client = CLIENTS[flow.provider];
  let answer;
  if (flow.provider === 'vk') {
    const query = new URLSearchParams({
      grant_type: 'authorization_code',
      redirect_uri: flow.redirectUri,
      client_id: client.clientId,
      code_verifier: flow.verifier,
      state: flow.state,
      device_id: deviceId,
    });
    answer = tokenRequest(state, now, 'vk', { query, form: new URLSearchParams({ code }) });
  } else {
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: flow.redirectUri,
      client_id: client.clientId,
      client_secret: client.clientSecret,
      code_verifier: flow.verifier,
    });
    answer = tokenRequest(state, now, flow.provider, { query: new URLSearchParams(), form });
  }
  if (answer.status !== 200) {
    if (answer.body.error === 'invalid_grant') {
      throw answer.body.error_description === 'The code has expired'
        ? fail(backend, 'token_expired', 'The code has expired')
        : fail(backend, 'token_invalid', `The provider refused the code: ${answer.body.error_description}`);
    }
    throw fail(backend, 'server', `The provider answered ${answer.body.error}`);
  }
  const tokens = answer.body;
  if (flow.provider === 'vk') {
    if (tokens.state !== flow.state) throw fail(backend, 'state_mismatch', 'VK ID echoed another state');
    const info = userInfoRequest(state, now, 'vk', tokens.access_token);
    if (info.status !== 200) throw fail(backend, 'server', 'VK ID user_info failed');
    const user = info.body.user;
    return { subject: `vk-${user.user_id}`, firstName: user.first_name, lastName: user.last_name, ...(user.email ? { email: user.email } : {}), emailVerified: false };
  }
  if (flow.provider === 'google') {
    const claims = verifyJwt(tokens.id_token, client.clientSecret);
    const nowS = Math.floor(now / 1000);
    if (
      !claims ||
      claims.iss !== `${state.oauthOrigin ?? ''}${OAUTH_PREFIX}/google` ||
      claims.aud !== client.clientId ||
      !(claims.exp > nowS) ||
      !same(String(claims.nonce ?? ''), flow.nonce)
    ) {
      throw fail(backend, 'server', 'The ID token is not valid for this flow');
    }
    return {
      subject: `google-${String(claims.sub).replace(/^google-/, '')}`,
      firstName: claims.given_name ?? '',
      lastName: claims.family_name ?? '',
      ...(claims.email ? { email: claims.email } : {}),
      emailVerified: claims.email_verified === true,
    };
  }
  const proof = createHmac('sha256', client.clientSecret).update(tokens.access_token).digest('hex');
  const me = userInfoRequest(state, now, 'facebook', tokens.access_token, { appsecretProof: proof });
  if (me.status !== 200) throw fail(backend, 'server', 'Facebook /me failed');
  return { subject: `facebook-${me.body.id}`, firstName: me.body.first_name, lastName: me.body.last_name, ...(me.body.email ? { email: me.body.email } : {}), emailVerified: false };
}

/** Remembers a sign-up or link token of a result, bound to the browser. */
function keepTicket(ctx, result, bound, remember) {
  const token = result.signupToken ?? result.linkToken;
  if (!token) return;
  const tickets = bff(ctx.state).tickets;
  tickets.set(sha256(token), { binding: bound.hash, remember, expiresAt: ctx.state.now() + TICKET_TTL_MS });
  while (tickets.size > MAX_FLOWS) tickets.delete(tickets.keys().next().value);
}

function checkTicket(ctx, token) {
  const ticket = bff(ctx.state).tickets.get(sha256(String(token)));
  const bound = binding(ctx);
  // Unknown here: the MemoryAdapter answers (token_invalid / token_expired). Another browser's: invalid.
  if (ticket && ticket.binding !== bound.hash) throw fail(ctx.backend, 'token_invalid', 'This token belongs to another browser');
  return ticket;
}

function linksBody(links) {
  return { links: links.map(({ provider, linkedAt, displayName }) => ({ provider, linkedAt, displayName })) };
}

async function signedInDevice(ctx) {
  const live = await ctx.sessions.live(ctx.req, ctx.call);
  if (!live) throw fail(ctx.backend, 'forbidden', 'Sign in first');
  return live.device;
}

/** @type {{ operation: string, method?: string, path: string, handle(ctx: any): Promise<void> }[]} */
export const routes = [
  {
    operation: 'startSocial',
    path: '/social/start',
    async handle(ctx) {
      const { backend, body, state } = ctx;
      checkTypes(backend, body, { provider: ['string', true], redirectUri: ['string', true], mode: ['string', true], intent: ['string', true], remember: ['boolean', false] });
      const provider = checkProvider(backend, body.provider);
      if (!['popup', 'redirect'].includes(body.mode)) throw fail(backend, 'validation', 'mode', { field: 'mode', fieldErrors: { mode: 'invalid_type' }, status: 400 });
      if (!['sign-in', 'link'].includes(body.intent)) throw fail(backend, 'validation', 'intent', { field: 'intent', fieldErrors: { intent: 'invalid_type' }, status: 400 });
      const redirectUri = checkRedirectUri(ctx, body.redirectUri);
      // Linking acts for the signed-in person: the session and its CSRF header.
      if (body.intent === 'link') await signedInDevice(ctx);
      const bound = binding(ctx);
      const now = state.now();
      const flows = bff(state).flows;
      for (const [id, f] of flows) if (now >= f.expiresAt) flows.delete(id);
      const verifier = random(48); // 64 characters of [A-Za-z0-9_-]: RFC 7636's 43..128
      const flow = {
        flowId: `sf_${random(15)}`,
        state: random(24),
        provider,
        binding: bound.hash,
        redirectUri,
        intent: body.intent,
        mode: body.mode,
        remember: body.remember === true,
        verifier,
        nonce: provider === 'google' ? random(24) : undefined,
        expiresAt: now + FLOW_TTL_MS,
      };
      flows.set(flow.flowId, flow);
      while (flows.size > MAX_FLOWS) flows.delete(flows.keys().next().value);
      const origin = `http://${ctx.req.headers.host}`;
      const url = authorizationUrl(origin, provider, {
        redirectUri,
        state: flow.state,
        codeChallenge: sha256(verifier),
        nonce: flow.nonce,
        namespace: namespaceOf(ctx.req, ctx.url),
      });
      const headers = { 'content-type': 'application/json' };
      if (bound.cookies.length) headers['set-cookie'] = bound.cookies;
      return ctx.reply(200, headers, JSON.stringify({ flowId: flow.flowId, state: flow.state, authorizationUrl: url, expiresAt: flow.expiresAt }));
    },
  },
  {
    operation: 'completeSocial',
    path: '/social/complete',
    async handle(ctx) {
      const { backend, body, state, sessions, call } = ctx;
      checkTypes(backend, body, {
        provider: ['string', true],
        state: ['string', true],
        flowId: ['string', false],
        code: ['string', false],
        deviceId: ['string', false],
        error: ['string', false],
      });
      const provider = checkProvider(backend, body.provider);
      const flows = bff(state).flows;
      const bound = binding(ctx);
      const flow = [...flows.values()].find((f) => same(f.state, body.state));
      if (!flow || flow.binding !== bound.hash || flow.provider !== provider || (body.flowId !== undefined && body.flowId !== flow.flowId)) {
        throw fail(backend, 'state_mismatch', 'The callback does not belong to a sign-in this browser started');
      }
      // One callback per flow, whatever comes of it: the verifier is gone from here on.
      flows.delete(flow.flowId);
      if (state.now() >= flow.expiresAt) throw fail(backend, 'token_expired', 'This sign-in took too long');
      if (body.error !== undefined) {
        throw body.error === 'access_denied' ? fail(backend, 'denied', 'The person refused the consent') : fail(backend, 'server', 'The provider answered an error');
      }
      if (!body.code) throw fail(backend, 'token_invalid', 'The callback has no code');
      if (provider === 'vk' && !body.deviceId) {
        throw fail(backend, 'validation', 'VK ID needs the device_id of the callback', { field: 'deviceId', fieldErrors: { deviceId: 'deviceId.required' } });
      }
      const identity = exchange(ctx, flow, body);
      // The verified identity goes to the MemoryAdapter: links, tokens and profiles are its business.
      let device;
      if (flow.intent === 'link') device = await signedInDevice(ctx);
      else device = sessions.newDevice();
      const started = await device.startSocial({ provider, redirectUri: flow.redirectUri, mode: flow.mode, intent: flow.intent, remember: flow.remember }, call);
      const callback = await started.authorize(call.signal, identity);
      const result = await device.completeSocial({ provider, ...callback }, call);
      keepTicket(ctx, result, bound, flow.remember);
      if (result.status === 'signed_in') {
        const cookies = await sessions.adopt(ctx.req, device, flow.remember);
        return ctx.reply(200, { 'content-type': 'application/json', 'set-cookie': cookies }, JSON.stringify(result));
      }
      if (result.status === 'linked') return ctx.json(200, { status: 'linked', provider, links: linksBody(result.links).links });
      return ctx.json(200, result);
    },
  },
  {
    operation: 'completeSocialProfile',
    path: '/social/profile',
    async handle(ctx) {
      const { backend, body, sessions, call } = ctx;
      checkTypes(backend, body, { signupToken: ['string', true], email: ['string', true], firstName: ['string', true], lastName: ['string', true] });
      const ticket = checkTicket(ctx, body.signupToken);
      const device = sessions.newDevice();
      const result = await device.completeSocialProfile(
        { signupToken: body.signupToken, email: body.email, firstName: body.firstName, lastName: body.lastName },
        call,
      );
      bff(ctx.state).tickets.delete(sha256(body.signupToken));
      keepTicket(ctx, result, binding(ctx), ticket?.remember === true);
      if (result.status === 'signed_in') {
        const cookies = await sessions.adopt(ctx.req, device, ticket?.remember === true);
        return ctx.reply(200, { 'content-type': 'application/json', 'set-cookie': cookies }, JSON.stringify(result));
      }
      return ctx.json(200, result);
    },
  },
  {
    operation: 'linkSocial',
    path: '/social/link',
    async handle(ctx) {
      const { backend, body, call } = ctx;
      checkTypes(backend, body, { linkToken: ['string', true] });
      const device = await signedInDevice(ctx);
      checkTicket(ctx, body.linkToken);
      const links = await device.linkSocial({ linkToken: body.linkToken }, call);
      bff(ctx.state).tickets.delete(sha256(body.linkToken));
      return ctx.json(200, linksBody(links));
    },
  },
  {
    operation: 'listSocialLinks',
    method: 'GET',
    path: '/social/links',
    async handle(ctx) {
      const device = await signedInDevice(ctx);
      return ctx.json(200, linksBody(await device.listSocialLinks(ctx.call)));
    },
  },
  {
    operation: 'unlinkSocial',
    method: 'DELETE',
    path: '/social/links/{provider}',
    async handle(ctx) {
      const device = await signedInDevice(ctx);
      if (!PROVIDERS.includes(ctx.params.provider)) throw fail(ctx.backend, 'not_found', 'No such provider');
      return ctx.json(200, linksBody(await device.unlinkSocial(ctx.params.provider, ctx.call)));
    },
  },
];

export const prefixes = [OAUTH_PREFIX];

/** The fake provider's pages and endpoints. */
export function handleRaw(ctx) {
  return handleProvider({ ...ctx, now: () => ctx.state.now() });
}

export const testActions = {
  /** The BFF's unfinished flows (never their verifier or nonce). */
  'GET social/flows': ({ state }) =>
    [...bff(state).flows.values()].map(({ flowId, provider, redirectUri, intent, mode, expiresAt }) => ({ flowId, provider, redirectUri, intent, mode, expiresAt })),
  /**
   * The fake provider's settings: `{ redirectUris: string[] | null, codeTtlMs }` (the exact registered redirect
   * URIs, null for any of the page's origin).
   */
  'POST social/provider': ({ state, body }) => {
    const provider = providerState(state);
    if (body && 'redirectUris' in body) provider.redirectUris = Array.isArray(body.redirectUris) ? body.redirectUris.map(String) : null;
    if (body && Number.isFinite(body.codeTtlMs)) provider.codeTtlMs = Number(body.codeTtlMs);
    return { redirectUris: provider.redirectUris, codeTtlMs: provider.codeTtlMs };
  },
  /** A code as if the person had consented, for a PKCE challenge of the test's own: `{ code, deviceId? }`. */
  'POST social/issue-code': ({ state, body }) => issueCode(state, state.now(), body ?? {}),
  /** The registered clients (id and secret), for tests of the token endpoint. */
  'GET social/clients': () => CLIENTS,
  /** The provider's accounts. */
  'GET social/identities': () => IDENTITIES,
  /** What the token endpoint refused, oldest first: `{ provider, error, reason }`. */
  'GET social/refusals': ({ state }) => providerState(state).refusals,
};

// The cookie session of the contract server (contract-server.mjs), per namespace. Every rule of signing in,
// of sessions and of password reset is the MemoryAdapter's (one PBKDF2 derivation for known and unknown
// addresses, captcha after failures, the lock, hashed single-use reset tokens, signOutOthers across devices):
// this module only maps browsers to its devices. Each sign-in gets a device of its own
// (`MemoryAdapter.newDevice()`: the same profiles, a session of its own), named by a random session id that
// the browser keeps in an HttpOnly cookie; the server keeps only the id's SHA-256, and a CSRF token per
// session, handed to the page in a readable cookie and required back in `X-CSRF-Token` by sign-out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ae_session';
export const CSRF_COOKIE = 'ae_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Browsers with a session kept at most per namespace; the oldest go first. */
const MAX_SESSIONS = 1_000;

/**
 * The cookie names of a namespace: the plain names in the default one, suffixed elsewhere, so that test files
 * running in parallel in one browser (one cookie jar) never overwrite each other's session.
 */
export function cookieNames(namespace) {
  if (!namespace || namespace === 'default') return { session: SESSION_COOKIE, csrf: CSRF_COOKIE };
  const suffix = String(namespace).replace(/[^A-Za-z0-9_-]/g, '_');
  return { session: `${SESSION_COOKIE}__${suffix}`, csrf: `${CSRF_COOKIE}__${suffix}` };
}

const sha256 = (text) => createHash('sha256').update(text).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url'); // 256 bits

function sameSecret(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's cookies by name (the first of a name wins). */
function parseCookies(header) {
  const out = new Map();
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** Whether the page talks to us over https (directly, or through a proxy that says so). */
function overHttps(req) {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  return Boolean(req.socket?.encrypted) || forwarded === 'https';
}

/**
 * The sessions of one namespace.
 * @param {{ backend: any, adapter: any, settings: { rememberTtlMs: number }, namespace: string }} o
 */
export function createSessions({ backend, adapter, settings, namespace }) {
  const names = cookieNames(namespace);
  /** sha256(session id) → { device, csrf } */
  const browsers = new Map();

  const cookieAttributes = (req) => `Path=/; SameSite=Lax${overHttps(req) ? '; Secure' : ''}`;

  function setCookies(req, id, csrf, remember) {
    const attributes = cookieAttributes(req);
    const maxAge = remember ? `; Max-Age=${Math.floor(settings.rememberTtlMs / 1000)}` : '';
    return [`${names.session}=${id}; ${attributes}; HttpOnly${maxAge}`, `${names.csrf}=${csrf}; ${attributes}${maxAge}`];
  }

  function clearCookies(req) {
    const attributes = cookieAttributes(req);
    return [`${names.session}=; ${attributes}; HttpOnly; Max-Age=0`, `${names.csrf}=; ${attributes}; Max-Age=0`];
  }

  const cookieOf = (req) => parseCookies(req.headers.cookie).get(names.session);

  /** The browser whose session cookie came with the request and whose session is live: `{ key, entry, session }`. */
  async function current(req, call) {
    const id = cookieOf(req);
    if (!id) return undefined;
    const key = sha256(id);
    const entry = browsers.get(key);
    if (!entry) return undefined;
    // Expired, or ended elsewhere (a reset with signOutOthers): the device says so.
    const session = await entry.device.getSession(call);
    if (!session) {
      browsers.delete(key);
      return undefined;
    }
    return { key, entry, session };
  }

  /**
   * Makes `device` (signed in by `signIn` or by a route that signs in another way, social) this browser's
   * session: a new id on every sign-in, and the session whose cookie came along ends (no session fixation).
   * Resolves with the cookies to set.
   */
  async function adopt(req, device, remember) {
    const previous = await current(req);
    if (previous) {
      browsers.delete(previous.key);
      if (previous.entry.device !== device) await previous.entry.device.signOut();
    }
    const id = randomToken();
    const csrf = randomToken();
    browsers.set(sha256(id), { device, csrf });
    while (browsers.size > MAX_SESSIONS) browsers.delete(browsers.keys().next().value);
    return setCookies(req, id, csrf, remember === true);
  }

  /** A 403 AdapterError of `code` unless the request carries its session's CSRF token; nothing changes. */
  function requireCsrf(req, entry, code) {
    if (sameSecret(req.headers[CSRF_HEADER], entry.csrf)) return;
    const error = new backend.AdapterError(code, 'The CSRF token is missing or wrong');
    error.status = 403;
    error.title = 'The CSRF token is missing or wrong';
    throw error;
  }

  return {
    names,

    /** Signs in on a new device: `{ session, cookies }`; rejects with the adapter's AdapterError. */
    async signIn(req, input, call) {
      const device = adapter.newDevice();
      const session = await device.signIn(input, call);
      return { session, cookies: await adopt(req, device, input.remember) };
    },

    /** `{ cookies }`; a live session cookie without its CSRF token is a 403 and changes nothing. */
    async signOut(req, call) {
      const live = await current(req, call);
      if (live) {
        // `server`, as the auth document's CsrfRejected says (the later capabilities' routes answer `forbidden`).
        requireCsrf(req, live.entry, 'server');
        await live.entry.device.signOut(call);
        browsers.delete(live.key);
      }
      return { cookies: clearCookies(req) };
    },

    /**
     * The browser of the request when its session is live: `{ device, session }` (the device is a
     * MemoryAdapter signed in as that person), else undefined. A request other than GET of a live session
     * must carry its CSRF token: without it, an AdapterError `forbidden` (403).
     */
    async live(req, call) {
      const found = await current(req, call);
      if (!found) return undefined;
      if (req.method !== 'GET') requireCsrf(req, found.entry, 'forbidden');
      return { device: found.entry.device, session: found.session };
    },

    /** A new device for a route that signs in another way (social): `adapter.newDevice()`. */
    newDevice() {
      return adapter.newDevice();
    },

    adopt,

    /** `{ session }`, or `{ session: null, cookies }` with the clearing cookies when a stale one came. */
    async getSession(req, call) {
      const live = await current(req, call);
      if (live) return { session: live.session };
      return { session: null, cookies: cookieOf(req) === undefined ? undefined : clearCookies(req) };
    },
  };
}

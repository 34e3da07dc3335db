import { readSocialCallback } from '../../adapter/social-types.js';
import type { SocialCallback, SocialProvider } from '../../adapter/social-types.js';

/**
 * The browser side of a social flow: the popup window, the message it sends back, the redirect there and
 * back, and the callback page. Nothing here holds a secret longer than the flow: the popup's flow lives in
 * memory only; the redirect's flow (id, `state`, provider) waits in `sessionStorage` while the page is at the
 * provider and is removed the moment the page comes back. The PKCE verifier never reaches the browser.
 *
 * The redirect URI is simply a page with `<ae-social-login>` on it (by default the page the flow starts on,
 * without query and fragment; `redirect-uri` overrides it): in the popup that page finds the callback in its
 * URL and an opener of its own origin, posts the query to the opener (target origin: its own) and closes; in
 * redirect mode the element completes the flow from the URL and removes the parameters from the address bar.
 */

/** The `type` of the message the callback page posts to its opener. */
export const CALLBACK_MESSAGE = 'ae-social-callback';
const STORE_KEY = 'ae-social-login:flow';
/** What a provider may append to the redirect URI (RFC 6749, RFC 9207 `iss`, Google's extras, VK ID's). */
const CALLBACK_PARAMS = ['code', 'state', 'device_id', 'error', 'error_description', 'error_uri', 'iss', 'scope', 'authuser', 'hd', 'prompt', 'type', 'expires_in', 'ext_id'];

/** Why the window side of a flow stopped (the adapter's failures are AdapterErrors). */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  readonly code: 'popup_blocked' | 'popup_closed' | 'state_mismatch';
  constructor(code: FlowError['code']) {
    super(code);
    this.code = code;
  }
}

export type CallbackAnswer = SocialCallback | { error: string; state: string };

/** The page itself, without query and fragment: the default redirect URI. */
export function defaultRedirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** The origin of `uri` (the one the popup's message must come from), or `null` when it is not a URL. */
export function originOf(uri: string): string | null {
  try {
    return new URL(uri, location.href).origin;
  } catch {
    return null;
  }
}

/**
 * Opens the provider's window, empty, in the press itself (a browser allows a popup only from a user
 * activation, so this runs before any await); the caller then navigates it to the authorization URL. `null`
 * when the browser (or a blocker) refused it.
 */
export function openPopup(provider: SocialProvider): Window | null {
  const width = 520;
  const height = 680;
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  try {
    return window.open('about:blank', `ae-social-${provider}`, `popup,width=${width},height=${height},left=${left},top=${top}`) ?? null;
  } catch {
    return null;
  }
}

/**
 * Waits for the callback from `popup`: a message whose source is that window, whose origin is `origin` (any
 * other is ignored: a page of another origin cannot answer for ours), and whose `state` is the flow's
 * (another one rejects `state_mismatch`: an answer that belongs to another flow is never completed).
 * Rejects `popup_closed` when the window is closed first, or the signal's reason.
 */
export function waitForPopup(popup: Window, origin: string, state: string, signal: AbortSignal): Promise<CallbackAnswer> {
  return new Promise((resolve, reject) => {
    let timer = 0;
    const done = (): void => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== popup || e.origin !== origin) return;
      const data = e.data as { type?: unknown; search?: unknown } | null;
      if (!data || data.type !== CALLBACK_MESSAGE || typeof data.search !== 'string') return;
      const answer = readSocialCallback(new URLSearchParams(data.search));
      if (!answer) return;
      done();
      if (answer.state !== state) reject(new FlowError('state_mismatch'));
      else resolve(answer);
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', onAbort);
    // The close is seen a moment late on purpose: a message posted just before `close()` still arrives first.
    timer = window.setInterval(() => {
      if (!popup.closed) return;
      window.setTimeout(() => {
        done();
        reject(new FlowError('popup_closed'));
      }, 150);
      clearInterval(timer);
    }, 200);
  });
}

/** The OAuth callback in this page's own address, if any. */
export function callbackInUrl(): CallbackAnswer | null {
  return readSocialCallback(new URLSearchParams(location.search));
}

/** Removes the callback's parameters from the address bar (and from this history entry). */
export function cleanUrl(): void {
  const url = new URL(location.href);
  let changed = false;
  for (const p of CALLBACK_PARAMS) {
    if (url.searchParams.has(p)) {
      url.searchParams.delete(p);
      changed = true;
    }
  }
  if (changed) history.replaceState(history.state, '', url.href);
}

/** Whether this page is our popup's callback page: a callback in the URL and an opener of the same origin. */
function sameOriginOpener(): Window | null {
  const opener = window.opener as Window | null;
  if (!opener || opener === window) return null;
  try {
    return opener.location.origin === location.origin ? opener : null;
  } catch {
    return null; // another origin opened this window
  }
}

let relayed = false;

/**
 * The callback page's part in popup mode: posts the callback to the opener (target origin: this page's own,
 * so that no other origin can read it), cleans this page's address and closes the window. True when it did.
 */
export function relayPopupCallback(): boolean {
  if (relayed) return true;
  if (!callbackInUrl()) return false;
  const opener = sameOriginOpener();
  if (!opener) return false;
  relayed = true;
  const search = location.search;
  cleanUrl();
  opener.postMessage({ type: CALLBACK_MESSAGE, search }, location.origin);
  window.close();
  return true;
}

/** What redirect mode keeps while the page is at the provider (no code, no verifier; removed on return). */
export interface PendingRedirect {
  provider: SocialProvider;
  flowId: string;
  state: string;
  intent: 'sign-in' | 'link';
  expiresAt: number;
}

export function saveRedirect(flow: PendingRedirect): void {
  sessionStorage.setItem(STORE_KEY, JSON.stringify(flow));
}

export function dropRedirect(): void {
  try {
    sessionStorage.removeItem(STORE_KEY);
  } catch {
    // storage refused: nothing was kept
  }
}

let claimed = false;

/**
 * Redirect mode's return: the callback in the URL and the flow that was waiting for it, both taken once per
 * page load (the first element to ask gets them; the URL is cleaned and the stored flow removed at once).
 * `flow` is undefined when no flow of this tab was waiting (a forged or stale link): never completed.
 */
export function takeRedirectReturn(): { answer: CallbackAnswer; flow?: PendingRedirect } | null {
  if (claimed) return null;
  const answer = callbackInUrl();
  if (!answer) return null;
  claimed = true;
  cleanUrl();
  let flow: PendingRedirect | undefined;
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    if (raw) flow = JSON.parse(raw) as PendingRedirect;
  } catch {
    flow = undefined;
  }
  dropRedirect();
  if (flow && (flow.state !== answer.state || flow.expiresAt < Date.now())) return { answer };
  return flow ? { answer, flow } : { answer };
}

/** Whether a redirect return is in this page's URL and not taken yet (an element then starts in its pending state). */
export function redirectReturnPending(): boolean {
  return !claimed && !!callbackInUrl();
}

/** For tests: forget that this page already relayed or took its callback. @internal */
export function resetFlowForTests(): void {
  relayed = false;
  claimed = false;
}

/**
 * The social capability of the backend contract: sign-up and sign-in through VK ID, Google and Facebook
 * (issue 16). Part of {@link AuthAdapter} (see types.ts); `MemoryAdapter` implements it in memory-social.ts,
 * `HttpAdapter` in http-social.ts (document: openapi/social.openapi.yaml, prose: openapi/social.md).
 *
 * The browser never holds a secret (draft-ietf-oauth-browser-based-apps, the "backend for frontend" pattern):
 * the backend is the OAuth client. For each flow it makes and keeps the PKCE `code_verifier` (S256), the
 * `state` and, for OpenID Connect (Google), the `nonce`, bound to this browser (an HttpOnly cookie); it holds
 * the client secret and exchanges the code. The browser only carries the provider's answer (`code`, `state`,
 * VK ID's `device_id`) from the redirect URI back to the backend with {@link SocialCapability.completeSocial}.
 *
 * Accounts are linked by provider and subject id, never by e-mail alone: a provider's address that belongs to
 * an existing profile answers `link_required`, and the link is made only after that profile's own password
 * sign-in ({@link SocialCapability.linkSocial}).
 *
 * Failure codes (AdapterError): `denied` (the person refused the consent, or the provider answered
 * `access_denied`), `state_mismatch` (a callback that does not belong to a flow this browser started and has
 * not finished: wrong or reused `state`, another browser's flow, a provider other than the flow's),
 * `token_invalid` (the code is wrong, already spent, or was not issued for this flow; also a bad or spent
 * `signupToken`/`linkToken`), `token_expired` (the flow, code, or token is too old), `validation` (with
 * `fieldErrors`, the registration's own codes), `forbidden` (signed out where a session is needed, or the
 * social account is linked to another profile), `not_activated` (the linked profile still waits for its
 * activation letter), `last_sign_in_method`, `not_found`, `unsupported` (a provider the backend does not
 * offer), `network`, `timeout`, `server`, `rate_limited`.
 */
import type { CallOptions, Session } from './types.js';

/** The social sign-in providers, in the default button order. */
export const SOCIAL_PROVIDERS = ['vk', 'google', 'facebook'] as const;

/** A social sign-in provider: `vk` (VK ID, id.vk.com), `google` (Google, OpenID Connect), `facebook` (Facebook Login). */
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

/** Whether `value` is one of {@link SOCIAL_PROVIDERS}. */
export function isSocialProvider(value: unknown): value is SocialProvider {
  return typeof value === 'string' && (SOCIAL_PROVIDERS as readonly string[]).includes(value);
}

/** What {@link SocialCapability.startSocial} takes. */
export interface StartSocialInput {
  provider: SocialProvider;
  /**
   * Where the provider sends the browser back: an absolute URL that the backend has registered with the
   * provider, compared exactly (no prefix, no wildcard). Popup mode: a callback page of the site's origin that
   * posts its query to `window.opener`; redirect mode: the page the flow started on (without query or fragment).
   * A URI the backend does not know rejects with `validation` (`fieldErrors.redirectUri`).
   */
  redirectUri: string;
  /** How the element shows the provider: a popup window or the whole page. */
  mode: 'popup' | 'redirect';
  /**
   * `sign-in`: sign in, or sign up a new person. `link`: add this provider to the signed-in profile (rejects
   * `forbidden` when signed out); {@link SocialCapability.completeSocial} then answers `linked`.
   */
  intent: 'sign-in' | 'link';
  /** "Stay signed in" for the session this flow makes. Default false. Kept by the backend with the flow. */
  remember?: boolean;
}

/** The provider's answer at the redirect URI, as the browser carries it to the backend. */
export interface SocialCallback {
  /** The authorization code (single-use, short-lived). Never keep it: hand it to `completeSocial` at once. */
  code: string;
  /** The `state` the provider echoed; must be the flow's. */
  state: string;
  /** VK ID's `device_id` from the redirect URI (required by VK's token exchange); absent for the others. */
  deviceId?: string;
}

/** A started flow that the element opens at the provider (HttpAdapter). */
export interface SocialStartRedirect {
  kind: 'redirect';
  /** The flow's public id (not a secret). */
  flowId: string;
  /** The flow's `state`: the element checks the callback's `state` against it before completing. */
  state: string;
  /**
   * The provider's authorization URL (`https:`, or the API's own origin in tests): open it in the popup, or
   * assign it to `location` in redirect mode. It carries `state`, `code_challenge` and the redirect URI, never a
   * secret.
   */
  authorizationUrl: string;
  /** When the backend forgets the flow, epoch ms. */
  expiresAt: number;
}

/** A started flow whose consent step the adapter shows itself, inside the page (MemoryAdapter's demo). */
export interface SocialStartInline {
  kind: 'inline';
  flowId: string;
  state: string;
  expiresAt: number;
  /**
   * Shows the provider's consent step (MemoryAdapter: an in-page dialog, "VK ID (demo) asks for your name and
   * e-mail: Allow / Deny", with a choice of demo identities) and resolves with the callback to pass to
   * `completeSocial`. Rejects `denied` when the person refuses or closes it (the flow is then forgotten), or the
   * signal's reason when aborted (the dialog is removed).
   *
   * `as`: for a backend that ran the provider's consent itself (the contract server, after a real OAuth
   * exchange with its fake provider): the identity the provider answered; no consent step is shown.
   */
  authorize(signal?: AbortSignal, as?: MemorySocialIdentity): Promise<SocialCallback>;
}

/** What {@link SocialCapability.startSocial} answers. */
export type SocialStart = SocialStartRedirect | SocialStartInline;

/** What {@link SocialCapability.completeSocial} takes: the callback of the flow. */
export interface CompleteSocialInput extends Partial<SocialCallback> {
  provider: SocialProvider;
  /** The flow's id, when the element still has it (popup mode); the backend finds the flow by `state` anyway. */
  flowId?: string;
  /** The callback's `state` (required). */
  state: string;
  /**
   * The callback's `error` instead of a `code` (`access_denied` when the person refused). The backend forgets
   * the flow and rejects: `denied` for `access_denied`, else `server`.
   */
  error?: string;
}

/** What the provider said about the person, for the profile form. */
export interface SocialProfile {
  /** The provider's address, if it gave one (VK ID often gives none). */
  email?: string;
  /**
   * Whether the provider vouches for that address (Google's `email_verified`). False for VK ID (it does not say)
   * and Facebook: such an address is verified by our own activation letter.
   */
  emailVerified: boolean;
  /** The names as the provider gave them, possibly Cyrillic ("Юлия"): the element offers the Latin passport form. */
  firstName: string;
  lastName: string;
}

/** The social account is linked: signed in (the `session` reaches the session store through the element). */
export interface SocialSignedIn {
  status: 'signed_in';
  session: Session;
  isNew: false;
  provider: SocialProvider;
}

/** A new person: the profile must be completed ({@link SocialCapability.completeSocialProfile}) before it exists. */
export interface SocialProfileRequired {
  status: 'profile_required';
  /** Opaque, single-use, short-lived (default 30 min): stands for the verified social identity. Keep it in memory only. */
  signupToken: string;
  provider: SocialProvider;
  profile: SocialProfile;
  /** When `signupToken` stops working, epoch ms. */
  expiresAt: number;
}

/**
 * The provider's address (or the one typed in the profile form) belongs to an existing profile: sign in with
 * that profile's password first, then {@link SocialCapability.linkSocial}. The element reports `email_in_use`.
 */
export interface SocialLinkRequired {
  status: 'link_required';
  /** Opaque, single-use, short-lived (default 30 min). Keep it in memory only. */
  linkToken: string;
  provider: SocialProvider;
  /** The existing profile's address, masked (`i***@example.com`). */
  email: string;
  expiresAt: number;
}

/** `intent: 'link'`: the provider is now linked to the signed-in profile. */
export interface SocialLinked {
  status: 'linked';
  provider: SocialProvider;
  links: SocialLink[];
}

/** What {@link SocialCapability.completeSocial} answers. */
export type SocialCompletion = SocialSignedIn | SocialProfileRequired | SocialLinkRequired | SocialLinked;

/** What {@link SocialCapability.completeSocialProfile} takes: the profile form, checked with the registration's rules. */
export interface CompleteSocialProfileInput {
  signupToken: string;
  /** Required; the provider's address or another one. */
  email: string;
  /** In Latin letters, as registration requires (the element offers the passport transliteration). */
  firstName: string;
  lastName: string;
}

/** The profile exists and is signed in (the provider vouched for the address it kept). */
export interface SocialProfileSignedIn {
  status: 'signed_in';
  session: Session;
  isNew: true;
  provider: SocialProvider;
}

/**
 * The profile exists, pending: the activation letter went to `email` (a VK or Facebook address, or a typed
 * one). The social sign-in works once it is activated.
 */
export interface SocialVerifyEmail {
  status: 'verify_email';
  email: string;
  provider: SocialProvider;
}

/** What {@link SocialCapability.completeSocialProfile} answers. */
export type SocialProfileCompletion = SocialProfileSignedIn | SocialVerifyEmail | SocialLinkRequired;

/** A provider linked to the signed-in profile. */
export interface SocialLink {
  provider: SocialProvider;
  /** When it was linked, epoch ms. */
  linkedAt: number;
  /** The social account's name as the provider gave it ("Юлия Щерева"): text, never markup. */
  displayName: string;
}

/** Social sign-up, sign-in and linked providers. */
export interface SocialCapability {
  /**
   * Starts a flow: the backend makes its PKCE verifier, `state` (and `nonce` for Google), binds them to this
   * browser and answers where to send the person (`redirect`) or, for an adapter that simulates the provider,
   * a consent step to run in the page (`inline`). Rejects `validation` (unknown redirect URI), `unsupported`
   * (provider not offered), `forbidden` (`intent: 'link'` while signed out).
   */
  startSocial(input: StartSocialInput, o?: CallOptions): Promise<SocialStart>;
  /**
   * Completes a flow with the provider's callback: the backend checks `state` against this browser's flow,
   * exchanges the code (with the verifier, the exact redirect URI, its client secret and, for VK, the
   * `device_id`), checks the ID token's `nonce` (Google), and forgets the flow whatever the outcome. Answers
   * `signed_in` (a linked account), `profile_required` (a new person), `link_required` (the address is an
   * existing profile's) or `linked` (`intent: 'link'`). Rejects `state_mismatch`, `denied`, `token_invalid`,
   * `token_expired`, `forbidden` (`intent: 'link'` and this social account belongs to another profile),
   * `not_activated`, `network`, `server`.
   */
  completeSocial(input: CompleteSocialInput, o?: CallOptions): Promise<SocialCompletion>;
  /**
   * Creates the profile of a new person from `profile_required`, with the registration's validation
   * (`validation` with `fieldErrors` such as `{ firstName: 'name.latin' }`), and links the social account.
   * `signed_in` when the address is the one the provider vouched for (Google); otherwise `verify_email` (an
   * activation letter was sent). An address that belongs to an existing profile answers `link_required`.
   * Spends the token on success; rejects `token_invalid` / `token_expired`.
   */
  completeSocialProfile(input: CompleteSocialProfileInput, o?: CallOptions): Promise<SocialProfileCompletion>;
  /**
   * Links the social account of a `link_required` to the signed-in profile (after its password sign-in) and
   * answers the linked providers. Rejects `forbidden` when signed out or signed in as another profile than the
   * one the token names, `token_invalid` / `token_expired`.
   */
  linkSocial(input: { linkToken: string }, o?: CallOptions): Promise<SocialLink[]>;
  /** The providers linked to the signed-in profile. Rejects `forbidden` when signed out. */
  listSocialLinks(o?: CallOptions): Promise<SocialLink[]>;
  /**
   * Unlinks a provider from the signed-in profile and answers the links left. Rejects `last_sign_in_method` when
   * it is the only way in (a profile without a password and no other link), `not_found` when not linked,
   * `forbidden` when signed out.
   */
  unlinkSocial(provider: SocialProvider, o?: CallOptions): Promise<SocialLink[]>;
}

/** The methods that make the social capability (what `requireCapability` checks and the adapters route). */
export const SOCIAL_METHODS = [
  'startSocial',
  'completeSocial',
  'completeSocialProfile',
  'linkSocial',
  'listSocialLinks',
  'unlinkSocial',
] as const satisfies readonly (keyof SocialCapability)[];

/**
 * Reads the provider's answer from a redirect URI's query (`code`, `state`, VK ID's `device_id`, or `error`),
 * or `null` when the query holds no OAuth callback. Both the popup's callback page and redirect mode use it.
 */
export function readSocialCallback(
  params: URLSearchParams,
): { code: string; state: string; deviceId?: string } | { error: string; state: string } | null {
  const state = params.get('state');
  if (!state) return null;
  const error = params.get('error');
  if (error) return { error, state };
  const code = params.get('code');
  if (!code) return null;
  const deviceId = params.get('device_id');
  return deviceId ? { code, state, deviceId } : { code, state };
}

/**
 * `MemoryAdapter`'s options of the social capability (read from `core.options`; the lead adds them to
 * `MemoryAdapterOptions`).
 */
export interface MemorySocialOptions {
  /** The demo identities per provider (the consent step offers them). Default: a few of each, see memory-social.ts. */
  socialIdentities?: Partial<Record<SocialProvider, MemorySocialIdentity[]>>;
  /**
   * How the inline consent step answers: `'ask'` (the default: the in-page dialog), `'allow'` (at once, as the
   * identity {@link socialAllowAs} or the provider's first), `'deny'` (at once). For tests and stories.
   * Outside a page (no `document`, e.g. the contract server in Node) `'ask'` denies: nobody can allow there.
   * `MemoryAdapter` answers every `startSocial` with an `inline` flow, whatever its `mode`.
   */
  socialConsent?: 'ask' | 'allow' | 'deny';
  /** The subject id `socialConsent: 'allow'` answers as. */
  socialAllowAs?: string;
  /** How long a started flow waits for its callback, in ms. Default 10 minutes. */
  socialFlowTtlMs?: number;
  /** How long an authorization code is accepted, in ms. Default 60 000. */
  socialCodeTtlMs?: number;
  /** How long a `signupToken` / `linkToken` works, in ms. Default 30 minutes. */
  socialTokenTtlMs?: number;
  /** Redirect URIs `startSocial` accepts (exact). Default: any `http(s):` URL of the page's own origin. */
  socialRedirectUris?: string[];
}

/** A demo social account of MemoryAdapter's simulated provider. */
export interface MemorySocialIdentity {
  /** The provider's subject id (`sub`, VK's `user_id`): what a link is made on. */
  subject: string;
  firstName: string;
  lastName: string;
  /** Absent: the provider gives no address (VK often). */
  email?: string;
  /** Whether the provider vouches for the address (Google: true). Default false. */
  emailVerified?: boolean;
}

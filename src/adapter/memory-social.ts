/**
 * `MemoryAdapter`'s social capability (see memory-core.ts and social-types.ts): loaded on the first call of one
 * of its methods. It plays both parts a real deployment splits: the provider (an in-page consent step, with demo
 * identities, issuing single-use, expiring codes; its dialog is memory-social-consent.ts, loaded when shown)
 * and the backend (flows bound to the device that started them, `state` checked, codes spent, links by provider
 * and subject id, profiles completed before they exist). All server-side state lives in `core.shared()`, so every
 * device of the adapter (`newDevice()`) sees the same links and `reset()` clears them; only the device's own
 * binding key (its "cookie") lives in this closure.
 *
 * Options read from `core.options`: see {@link MemorySocialOptions}.
 */
import { maskEmail } from '../internal/mask-email.js';
import { validateRegistrationField } from '../validation/validate.js';
import type { MemoryCore, MemoryCoreUser } from './memory-core.js';
import {
  isSocialProvider,
  type CompleteSocialInput,
  type CompleteSocialProfileInput,
  type MemorySocialIdentity,
  type MemorySocialOptions,
  type SocialCallback,
  type SocialCapability,
  type SocialCompletion,
  type SocialLink,
  type SocialLinkRequired,
  type SocialProvider,
  type SocialStartInline,
  type StartSocialInput,
} from './social-types.js';
import type { CallOptions } from './types.js';

/** The demo identities of each simulated provider (the consent step offers them; tests rely on them). */
export const DEMO_SOCIAL_IDENTITIES: Readonly<Record<SocialProvider, readonly MemorySocialIdentity[]>> = Object.freeze({
  vk: [
    // A Cyrillic name and no address: VK ID often gives none.
    { subject: 'vk-100001', firstName: 'Юлия', lastName: 'Щерева' },
    { subject: 'vk-100002', firstName: 'Иван', lastName: 'Соколов', email: 'ivan.sokolov@vk.example.com' },
  ],
  google: [
    { subject: 'google-200001', firstName: 'Maria', lastName: 'Georgieva', email: 'maria.georgieva@example.com', emailVerified: true },
    // An address that tests give an existing profile (`link_required`).
    { subject: 'google-200002', firstName: 'Ivan', lastName: 'Petrov', email: 'ivan.petrov@example.com', emailVerified: true },
  ],
  facebook: [{ subject: 'facebook-300001', firstName: 'Георги', lastName: 'Димитров', email: 'georgi.dimitrov@example.org' }],
});

export const PROVIDER_NAMES: Readonly<Record<SocialProvider, string>> = { vk: 'VK ID', google: 'Google', facebook: 'Facebook' };

const MINUTE = 60_000;

interface Flow {
  flowId: string;
  state: string;
  provider: SocialProvider;
  /** The device (browser) that started it. */
  device: string;
  redirectUri: string;
  intent: 'sign-in' | 'link';
  remember: boolean;
  /** `intent: 'link'`: the profile signed in when it started. */
  userId?: string;
  expiresAt: number;
}

interface Code {
  flowId: string;
  provider: SocialProvider;
  identity: MemorySocialIdentity;
  deviceId?: string;
  expiresAt: number;
}

interface SignupTicket {
  provider: SocialProvider;
  identity: MemorySocialIdentity;
  remember: boolean;
  expiresAt: number;
}

interface LinkTicket {
  provider: SocialProvider;
  identity: MemorySocialIdentity;
  userId: string;
  expiresAt: number;
}

interface StoredLink {
  userId: string;
  provider: SocialProvider;
  subject: string;
  displayName: string;
  linkedAt: number;
}

interface SocialServer {
  flows: Map<string, Flow>;
  /** By the code's SHA-256. */
  codes: Map<string, Code>;
  /** By the token's SHA-256. */
  signups: Map<string, SignupTicket>;
  linkTickets: Map<string, LinkTicket>;
  /** By `${provider}:${subject}`. */
  links: Map<string, StoredLink>;
}

const normalize = (email: string): string => email.trim().toLowerCase();
const displayNameOf = (identity: MemorySocialIdentity): string => `${identity.firstName} ${identity.lastName}`.trim();

export function createMemoryExtension(core: MemoryCore): SocialCapability {
  const options = core.options as MemorySocialOptions;
  const flowTtl = Number(options.socialFlowTtlMs ?? 10 * MINUTE);
  const codeTtl = Number(options.socialCodeTtlMs ?? MINUTE);
  const ticketTtl = Number(options.socialTokenTtlMs ?? 30 * MINUTE);
  const server = core.shared<SocialServer>('social', () => ({
    flows: new Map(),
    codes: new Map(),
    signups: new Map(),
    linkTickets: new Map(),
    links: new Map(),
  }));
  /** This device's binding: what a browser's HttpOnly flow cookie is to a real backend. */
  const device = core.randomString(24);

  const identitiesOf = (provider: SocialProvider): readonly MemorySocialIdentity[] =>
    options.socialIdentities?.[provider] ?? DEMO_SOCIAL_IDENTITIES[provider];

  function sweep(now: number): void {
    for (const map of [server.flows, server.codes, server.signups, server.linkTickets] as Map<string, { expiresAt: number }>[]) {
      for (const [key, value] of map) if (now >= value.expiresAt + MINUTE) map.delete(key);
    }
  }

  function provider(value: unknown): SocialProvider {
    if (!isSocialProvider(value)) throw core.error('unsupported', `Unknown social provider ${JSON.stringify(value)}`);
    return value;
  }

  function checkRedirectUri(value: unknown): string {
    const fail = (): never => {
      throw core.error('validation', 'The redirect URI is not registered', {
        field: 'redirectUri',
        fieldErrors: { redirectUri: 'redirectUri.unknown' },
      });
    };
    if (typeof value !== 'string') return fail();
    if (options.socialRedirectUris) return options.socialRedirectUris.includes(value) ? value : fail();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail();
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail();
    if (url.hash || url.username || url.password) return fail();
    const origin = typeof location === 'undefined' ? undefined : location.origin;
    if (origin !== undefined && origin !== 'null' && url.origin !== origin) return fail();
    return value;
  }

  function signedIn(): MemoryCoreUser {
    const user = core.currentUser();
    if (!user) throw core.error('forbidden', 'Sign in first');
    return user;
  }

  function linksOf(userId: string): SocialLink[] {
    return [...server.links.values()]
      .filter((link) => link.userId === userId)
      .sort((a, b) => a.linkedAt - b.linkedAt)
      .map(({ provider: p, linkedAt, displayName }) => ({ provider: p, linkedAt, displayName }));
  }

  function addLink(userId: string, p: SocialProvider, identity: MemorySocialIdentity): void {
    const key = `${p}:${identity.subject}`;
    const held = server.links.get(key);
    if (held && held.userId !== userId) throw core.error('forbidden', 'This social account is linked to another profile');
    // One account per provider per profile: a new one of the same provider replaces the old.
    for (const [k, link] of server.links) if (link.userId === userId && link.provider === p && k !== key) server.links.delete(k);
    if (!held) server.links.set(key, { userId, provider: p, subject: identity.subject, displayName: displayNameOf(identity), linkedAt: core.now() });
  }

  async function linkRequired(p: SocialProvider, identity: MemorySocialIdentity, user: MemoryCoreUser): Promise<SocialLinkRequired> {
    const { token, hash } = await core.issueToken();
    const expiresAt = core.now() + ticketTtl;
    server.linkTickets.set(hash, { provider: p, identity: { ...identity }, userId: user.userId, expiresAt });
    return { status: 'link_required', linkToken: token, provider: p, email: maskEmail(user.email), expiresAt };
  }

  async function ticket<T extends { expiresAt: number }>(map: Map<string, T>, token: unknown, what: string): Promise<[string, T]> {
    if (typeof token !== 'string' || token === '') throw core.error('token_invalid', `Unknown ${what}`);
    const hash = await core.sha256(token);
    const found = map.get(hash);
    if (!found) throw core.error('token_invalid', `Unknown ${what}`);
    if (core.now() >= found.expiresAt) {
      map.delete(hash);
      throw core.error('token_expired', `The ${what} has expired`);
    }
    return [hash, found];
  }

  /** The provider's part: issue a code for `identity` in answer to `flow`. */
  async function issueCode(flow: Flow, identity: MemorySocialIdentity): Promise<SocialCallback> {
    const code = core.randomString(32);
    const deviceId = flow.provider === 'vk' ? core.randomString(16) : undefined;
    server.codes.set(await core.sha256(code), {
      flowId: flow.flowId,
      provider: flow.provider,
      identity: { ...identity },
      ...(deviceId ? { deviceId } : {}),
      expiresAt: core.now() + codeTtl,
    });
    return deviceId ? { code, state: flow.state, deviceId } : { code, state: flow.state };
  }

  /** The consent step of a flow: the dialog, or the `socialConsent` answer; null for a refusal. */
  async function consent(flow: Flow, signal: AbortSignal | undefined): Promise<MemorySocialIdentity | null> {
    const identities = identitiesOf(flow.provider);
    const mode = options.socialConsent ?? 'ask';
    if (mode === 'deny') return null;
    if (mode === 'allow' || typeof document === 'undefined') {
      if (mode !== 'allow') return null; // no page to ask in: nobody allowed anything
      return identities.find((i) => i.subject === options.socialAllowAs) ?? identities[0] ?? null;
    }
    const { showSocialConsent } = await import('./memory-social-consent.js');
    const subject = await showSocialConsent({ providerName: PROVIDER_NAMES[flow.provider], identities, signal });
    return identities.find((i) => i.subject === subject) ?? null;
  }

  return {
    async startSocial(input: StartSocialInput, o?: CallOptions) {
      await core.enter('startSocial', o?.signal);
      const p = provider(input?.provider);
      const redirectUri = checkRedirectUri(input.redirectUri);
      if (input.mode !== 'popup' && input.mode !== 'redirect') {
        throw core.error('validation', 'Unknown mode', { field: 'mode', fieldErrors: { mode: 'invalid_type' } });
      }
      if (input.intent !== 'sign-in' && input.intent !== 'link') {
        throw core.error('validation', 'Unknown intent', { field: 'intent', fieldErrors: { intent: 'invalid_type' } });
      }
      const userId = input.intent === 'link' ? signedIn().userId : undefined;
      const now = core.now();
      sweep(now);
      const flow: Flow = {
        flowId: `sf_${core.randomString(20)}`,
        state: core.randomString(32),
        provider: p,
        device,
        redirectUri,
        intent: input.intent,
        remember: input.remember === true,
        ...(userId ? { userId } : {}),
        expiresAt: now + flowTtl,
      };
      server.flows.set(flow.flowId, flow);
      const start: SocialStartInline = {
        kind: 'inline',
        flowId: flow.flowId,
        state: flow.state,
        expiresAt: flow.expiresAt,
        authorize: async (signal?: AbortSignal, as?: MemorySocialIdentity) => {
          signal?.throwIfAborted();
          const live = server.flows.get(flow.flowId);
          if (!live) throw core.error('state_mismatch', 'This sign-in is over: start again');
          if (core.now() >= live.expiresAt) {
            server.flows.delete(flow.flowId);
            throw core.error('token_expired', 'This sign-in took too long: start again');
          }
          const identity = as ?? (await consent(live, signal));
          if (!identity) {
            server.flows.delete(flow.flowId);
            throw core.error('denied', 'The person refused the consent');
          }
          return issueCode(live, identity);
        },
      };
      return start;
    },

    async completeSocial(input: CompleteSocialInput, o?: CallOptions): Promise<SocialCompletion> {
      await core.enter('completeSocial', o?.signal);
      const p = provider(input?.provider);
      const flow = typeof input.state === 'string' ? [...server.flows.values()].find((f) => f.state === input.state) : undefined;
      if (!flow || flow.device !== device || flow.provider !== p || (input.flowId !== undefined && input.flowId !== flow.flowId)) {
        throw core.error('state_mismatch', 'The callback does not belong to a sign-in started here');
      }
      // The flow ends here, whatever the outcome: a state is good for one callback.
      server.flows.delete(flow.flowId);
      const now = core.now();
      if (now >= flow.expiresAt) throw core.error('token_expired', 'This sign-in took too long: start again');
      if (input.error !== undefined) {
        throw input.error === 'access_denied'
          ? core.error('denied', 'The person refused the consent')
          : core.error('server', `The provider answered ${String(input.error).slice(0, 60)}`);
      }
      if (typeof input.code !== 'string' || input.code === '') throw core.error('token_invalid', 'The callback has no code');
      const hash = await core.sha256(input.code);
      const code = server.codes.get(hash);
      if (!code || code.flowId !== flow.flowId || code.provider !== p) throw core.error('token_invalid', 'Unknown or spent code');
      server.codes.delete(hash);
      if (now >= code.expiresAt) throw core.error('token_expired', 'The code has expired');
      if (p === 'vk') {
        if (typeof input.deviceId !== 'string' || input.deviceId === '') {
          throw core.error('validation', 'VK ID needs the device_id of the callback', { field: 'deviceId', fieldErrors: { deviceId: 'deviceId.required' } });
        }
        if (input.deviceId !== code.deviceId) throw core.error('token_invalid', 'The code was issued to another device');
      }
      const { identity } = code;
      const held = server.links.get(`${p}:${identity.subject}`);

      if (flow.intent === 'link') {
        const user = core.currentUser();
        if (!user || user.userId !== flow.userId) throw core.error('forbidden', 'Sign in to the profile that started linking');
        addLink(user.userId, p, identity);
        return { status: 'linked', provider: p, links: linksOf(user.userId) };
      }

      const linked = held && core.userById(held.userId);
      if (held && !linked) server.links.delete(`${p}:${identity.subject}`);
      if (linked) {
        if (linked.status !== 'active') throw core.error('not_activated', 'The profile is not activated yet');
        const session = core.startSession(linked.userId, flow.remember);
        return { status: 'signed_in', session, isNew: false, provider: p };
      }
      const owner = identity.email ? core.userByEmail(identity.email) : undefined;
      if (owner) return linkRequired(p, identity, owner);
      const { token, hash: ticketHash } = await core.issueToken();
      const expiresAt = core.now() + ticketTtl;
      server.signups.set(ticketHash, { provider: p, identity: { ...identity }, remember: flow.remember, expiresAt });
      return {
        status: 'profile_required',
        signupToken: token,
        provider: p,
        profile: {
          ...(identity.email ? { email: identity.email } : {}),
          emailVerified: identity.emailVerified === true && identity.email !== undefined,
          firstName: identity.firstName,
          lastName: identity.lastName,
        },
        expiresAt,
      };
    },

    async completeSocialProfile(input: CompleteSocialProfileInput, o?: CallOptions) {
      await core.enter('completeSocialProfile', o?.signal);
      const [hash, signup] = await ticket(server.signups, input?.signupToken, 'sign-up token');
      const values = { email: String(input.email ?? '').trim(), firstName: String(input.firstName ?? '').trim(), lastName: String(input.lastName ?? '').trim() };
      const fieldErrors: Record<string, string> = {};
      for (const field of ['email', 'firstName', 'lastName'] as const) {
        const issue = validateRegistrationField(field, values);
        if (issue) fieldErrors[field] = issue.code;
      }
      const failed = Object.keys(fieldErrors);
      if (failed.length) throw core.error('validation', `Invalid fields: ${failed.join(', ')}`, { field: failed[0], fieldErrors });
      const { provider: p, identity } = signup;
      const owner = core.userByEmail(values.email);
      if (owner) {
        server.signups.delete(hash);
        return linkRequired(p, identity, owner);
      }
      if (server.links.has(`${p}:${identity.subject}`)) {
        server.signups.delete(hash);
        throw core.error('token_invalid', 'This social account already has a profile');
      }
      const vouched = identity.emailVerified === true && identity.email !== undefined && normalize(identity.email) === normalize(values.email);
      const user = await core.createUser({ ...values, active: vouched });
      server.signups.delete(hash);
      addLink(user.userId, p, identity);
      if (!vouched) return { status: 'verify_email', email: user.email, provider: p };
      const session = core.startSession(user.userId, signup.remember);
      return { status: 'signed_in', session, isNew: true, provider: p };
    },

    async linkSocial(input: { linkToken: string }, o?: CallOptions) {
      await core.enter('linkSocial', o?.signal);
      const user = signedIn();
      const [hash, found] = await ticket(server.linkTickets, input?.linkToken, 'link token');
      if (found.userId !== user.userId) throw core.error('forbidden', 'Sign in to the profile the social account asks to join');
      addLink(user.userId, found.provider, found.identity);
      server.linkTickets.delete(hash);
      return linksOf(user.userId);
    },

    async listSocialLinks(o?: CallOptions) {
      await core.enter('listSocialLinks', o?.signal);
      return linksOf(signedIn().userId);
    },

    async unlinkSocial(which: SocialProvider, o?: CallOptions) {
      await core.enter('unlinkSocial', o?.signal);
      const user = signedIn();
      const p = provider(which);
      const mine = [...server.links].filter(([, link]) => link.userId === user.userId);
      const found = mine.find(([, link]) => link.provider === p);
      if (!found) throw core.error('not_found', 'This provider is not linked');
      if (!user.hasPassword && mine.length === 1) {
        throw core.error('last_sign_in_method', 'Set a password or link another account before unlinking the last one');
      }
      server.links.delete(found[0]);
      return linksOf(user.userId);
    },
  };
}

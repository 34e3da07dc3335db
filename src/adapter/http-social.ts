/**
 * `HttpAdapter`'s social capability (see http-core.ts and openapi/social.openapi.yaml): loaded on the first call
 * of one of its methods. The backend is the OAuth client (PKCE verifier, state, nonce, client secret and token
 * exchange stay there); this module only starts a flow, carries the provider's callback to the backend, and
 * checks every answer's shape, keeping only the contract's members (a wrong shape is `server`).
 *
 *   startSocial           POST   {baseUrl}/social/start
 *   completeSocial        POST   {baseUrl}/social/complete
 *   completeSocialProfile POST   {baseUrl}/social/profile
 *   linkSocial            POST   {baseUrl}/social/link
 *   listSocialLinks       GET    {baseUrl}/social/links
 *   unlinkSocial          DELETE {baseUrl}/social/links/{provider}
 */
import type { HttpCore, HttpResult } from './http-core.js';
import {
  isSocialProvider,
  type CompleteSocialInput,
  type CompleteSocialProfileInput,
  type SocialCapability,
  type SocialCompletion,
  type SocialLink,
  type SocialLinkRequired,
  type SocialProfile,
  type SocialProfileCompletion,
  type SocialProvider,
  type SocialStartRedirect,
  type StartSocialInput,
} from './social-types.js';
import type { CallOptions } from './types.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 4096): value is string => typeof value === 'string' && value !== '' && value.length <= max;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

export function createHttpExtension(core: HttpCore): SocialCapability {
  /** The API's own origin (the only non-https origin an authorization URL may have: a test provider). */
  const apiOrigin = (): string => new URL(core.url('/')).origin;

  /** A server time as the client's clock reads it (the server's `Date` tells the skew). */
  function clientTime(serverTime: number, result: HttpResult): number {
    const serverNow = result.date === null ? Number.NaN : Date.parse(result.date);
    if (!Number.isFinite(serverNow)) return serverTime;
    // `Date` has whole seconds: the skew is only corrected beyond that.
    const skew = result.receivedAt - serverNow;
    return Math.abs(skew) > 2_000 ? serverTime + skew : serverTime;
  }

  function provider(value: unknown, expected: string): SocialProvider {
    if (!isSocialProvider(value)) throw core.malformed(expected);
    return value;
  }

  function linkFrom(data: unknown): SocialLink {
    if (!isRecord(data) || !isSocialProvider(data.provider) || !isTime(data.linkedAt) || typeof data.displayName !== 'string') {
      throw core.malformed('a SocialLink');
    }
    return { provider: data.provider, linkedAt: data.linkedAt, displayName: data.displayName };
  }

  function linksFrom(data: unknown, expected: string): SocialLink[] {
    if (!isRecord(data) || !Array.isArray(data.links)) throw core.malformed(expected);
    return data.links.map(linkFrom);
  }

  function profileFrom(data: unknown): SocialProfile {
    if (
      !isRecord(data) ||
      typeof data.emailVerified !== 'boolean' ||
      typeof data.firstName !== 'string' ||
      typeof data.lastName !== 'string' ||
      (data.email !== undefined && !isText(data.email, 254))
    ) {
      throw core.malformed('a SocialProfile');
    }
    const profile: SocialProfile = { emailVerified: data.emailVerified, firstName: data.firstName, lastName: data.lastName };
    if (typeof data.email === 'string') profile.email = data.email;
    return profile;
  }

  function linkRequiredFrom(data: Json, result: HttpResult): SocialLinkRequired {
    if (!isText(data.linkToken, 512) || !isText(data.email, 254) || !isTime(data.expiresAt)) throw core.malformed('a SocialLinkRequired');
    return {
      status: 'link_required',
      linkToken: data.linkToken,
      provider: provider(data.provider, 'a SocialLinkRequired'),
      email: data.email,
      expiresAt: clientTime(data.expiresAt, result),
    };
  }

  return {
    async startSocial(input: StartSocialInput, o?: CallOptions): Promise<SocialStartRedirect> {
      const body = {
        provider: input.provider,
        redirectUri: input.redirectUri,
        mode: input.mode,
        intent: input.intent,
        remember: input.remember === true,
      };
      const result = await core.call('startSocial', 'POST', '/social/start', body, o?.signal);
      const data = core.parseJson(result.text);
      if (!isRecord(data) || !isText(data.flowId, 128) || !isText(data.state, 256) || !isText(data.authorizationUrl) || !isTime(data.expiresAt)) {
        throw core.malformed('a SocialStart');
      }
      let url: URL;
      try {
        url = new URL(data.authorizationUrl);
      } catch {
        throw core.malformed('a SocialStart with an https: authorization URL');
      }
      // Never a javascript:, data: or plain-http page of someone else: the element navigates there.
      if (url.protocol !== 'https:' && url.origin !== apiOrigin()) throw core.malformed('a SocialStart with an https: authorization URL');
      return { kind: 'redirect', flowId: data.flowId, state: data.state, authorizationUrl: url.href, expiresAt: clientTime(data.expiresAt, result) };
    },

    async completeSocial(input: CompleteSocialInput, o?: CallOptions): Promise<SocialCompletion> {
      const body: Json = { provider: input.provider, state: input.state };
      if (input.flowId !== undefined) body.flowId = input.flowId;
      if (input.code !== undefined) body.code = input.code;
      if (input.deviceId !== undefined) body.deviceId = input.deviceId;
      if (input.error !== undefined) body.error = input.error;
      const result = await core.call('completeSocial', 'POST', '/social/complete', body, o?.signal);
      const data = core.parseJson(result.text);
      if (!isRecord(data)) throw core.malformed('a SocialCompletion');
      switch (data.status) {
        case 'signed_in':
          if (data.isNew !== false) throw core.malformed('a SocialSignedIn');
          return { status: 'signed_in', session: core.sessionFrom(data.session), isNew: false, provider: provider(data.provider, 'a SocialSignedIn') };
        case 'profile_required':
          if (!isText(data.signupToken, 512) || !isTime(data.expiresAt)) throw core.malformed('a SocialProfileRequired');
          return {
            status: 'profile_required',
            signupToken: data.signupToken,
            provider: provider(data.provider, 'a SocialProfileRequired'),
            profile: profileFrom(data.profile),
            expiresAt: clientTime(data.expiresAt, result),
          };
        case 'link_required':
          return linkRequiredFrom(data, result);
        case 'linked':
          return { status: 'linked', provider: provider(data.provider, 'a SocialLinked'), links: linksFrom(data, 'a SocialLinked') };
        default:
          throw core.malformed('a SocialCompletion');
      }
    },

    async completeSocialProfile(input: CompleteSocialProfileInput, o?: CallOptions): Promise<SocialProfileCompletion> {
      const body = { signupToken: input.signupToken, email: input.email, firstName: input.firstName, lastName: input.lastName };
      const result = await core.call('completeSocialProfile', 'POST', '/social/profile', body, o?.signal);
      const data = core.parseJson(result.text);
      if (!isRecord(data)) throw core.malformed('a SocialProfileCompletion');
      switch (data.status) {
        case 'signed_in':
          if (data.isNew !== true) throw core.malformed('a SocialSignedIn');
          return { status: 'signed_in', session: core.sessionFrom(data.session), isNew: true, provider: provider(data.provider, 'a SocialSignedIn') };
        case 'verify_email':
          if (!isText(data.email, 254)) throw core.malformed('a SocialVerifyEmail');
          return { status: 'verify_email', email: data.email, provider: provider(data.provider, 'a SocialVerifyEmail') };
        case 'link_required':
          return linkRequiredFrom(data, result);
        default:
          throw core.malformed('a SocialProfileCompletion');
      }
    },

    async linkSocial(input: { linkToken: string }, o?: CallOptions): Promise<SocialLink[]> {
      const result = await core.call('linkSocial', 'POST', '/social/link', { linkToken: input.linkToken }, o?.signal);
      return linksFrom(core.parseJson(result.text), 'a SocialLinks');
    },

    async listSocialLinks(o?: CallOptions): Promise<SocialLink[]> {
      const result = await core.call('listSocialLinks', 'GET', '/social/links', undefined, o?.signal);
      return linksFrom(core.parseJson(result.text), 'a SocialLinks');
    },

    async unlinkSocial(which: SocialProvider, o?: CallOptions): Promise<SocialLink[]> {
      const result = await core.call('unlinkSocial', 'DELETE', `/social/links/${encodeURIComponent(which)}`, undefined, o?.signal);
      return linksFrom(core.parseJson(result.text), 'a SocialLinks');
    },
  };
}

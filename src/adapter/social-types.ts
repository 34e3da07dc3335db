/**
 * The social capability of the backend contract: the social sign-in (issue 16). Part of {@link AuthAdapter} (see types.ts);
 * `MemoryAdapter` implements it in memory-social.ts, `HttpAdapter` in http-social.ts.
 */

/** Social calls. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its issue
export interface SocialCapability {}

/** The methods that make the social capability (what `requireCapability` checks and the adapters route). */
export const SOCIAL_METHODS = [] as const satisfies readonly (keyof SocialCapability)[];

/**
 * The support capability of the backend contract: the support chat (issue 17). Part of {@link AuthAdapter} (see types.ts);
 * `MemoryAdapter` implements it in memory-support.ts, `HttpAdapter` in http-support.ts.
 */

/** Support calls. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its issue
export interface SupportCapability {}

/** The methods that make the support capability (what `requireCapability` checks and the adapters route). */
export const SUPPORT_METHODS = [] as const satisfies readonly (keyof SupportCapability)[];

/**
 * The account capability of the backend contract: the buyer's account (issue 18). Part of {@link AuthAdapter} (see types.ts);
 * `MemoryAdapter` implements it in memory-account.ts, `HttpAdapter` in http-account.ts.
 */

/** Account calls. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its issue
export interface AccountCapability {}

/** The methods that make the account capability (what `requireCapability` checks and the adapters route). */
export const ACCOUNT_METHODS = [] as const satisfies readonly (keyof AccountCapability)[];

/**
 * The faults matrix (issue 19) for the loads of <ae-account-panel>'s sections not in
 * faults-matrix-account.test.ts: the overview's counts, wishes, favorite stores, points, payments, the active
 * sessions (in "Profile and security") and the message center's conversations. Under the harness's faults
 * (helpers/faults.ts): network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days
 * off, removal in flight (also watched from the removal on, helpers/faults-account.ts), double actions. Each: a localized message with "Try again" (section-states.ts), a
 * working retry, one call. The sections' actions are in faults-matrix-account-actions.test.ts.
 *
 * Real HTTP: HttpAdapter against the contract server's account and support routes, signed in by its cookie as
 * the demo's long-time buyer (seeded with orders, wishes, stores, points on every server).
 */
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { describeFaults, type Case } from './helpers/faults.js';
import { describeRemovalWatched, sectionLoad } from './helpers/faults-account.js';

setSessionChannelName(`ae-test:faults-matrix-account-more:${Math.random()}`);

const CASES: Case[] = [
  sectionLoad('overview', 'getAccountSummary', '/account/summary', 'GET account/summary', '[data-tile="counts"]', '.tile[data-count]'),
  sectionLoad('wishes', 'listWishes', '/account/wishes', 'GET account/wishes', '.saved', '[data-saved]'),
  sectionLoad('stores', 'listFavoriteStores', '/account/stores', 'GET account/stores', '.saved', '[data-saved]'),
  sectionLoad('points', 'getPoints', '/account/points', 'GET account/points', '.points', '.balance'),
  sectionLoad('payments', 'getPaymentsLink', '/account/payments-link', 'GET account/payments-link', '.payments', '[part="payments-link"]'),
  sectionLoad('profile', 'listSessions', '/account/sessions', 'GET account/sessions', 'section[aria-labelledby="sessions-title"]', '.session[data-current="true"]'),
  sectionLoad('messages', 'listConversations', '/support/conversations', 'GET support/conversations', '.messages', '.conversation, .empty'),
];

describeFaults(CASES);
describeRemovalWatched(CASES);

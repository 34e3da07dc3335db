/**
 * The faults matrix (issue 19) for the loads of <ae-account-panel> that share a section with another: the
 * overview's latest orders and its coupons to use (each tile fails alone), and the profile of "Profile and
 * security" ("Member since"; the names form is filled from it). Under the harness's faults (helpers/faults.ts):
 * network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days off, removal in flight
 * (also watched from the removal on, helpers/faults-account.ts), double actions. Each: a localized message with
 * "Try again" in its own tile, a working retry, one call. The other sections' loads are in
 * faults-matrix-account-more.test.ts.
 *
 * Real HTTP: HttpAdapter against the contract server's account routes, signed in by its cookie as the demo's
 * long-time buyer.
 */
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { describeFaults, type Case } from './helpers/faults.js';
import { describeRemovalWatched, sectionLoad } from './helpers/faults-account.js';

setSessionChannelName(`ae-test:faults-matrix-account-tiles:${Math.random()}`);

const CASES: Case[] = [
  sectionLoad('overview', 'listOrders, the latest', '/account/orders', 'GET account/orders', '[data-tile="latest"]', '.order'),
  sectionLoad('overview', 'listCoupons, to use', '/account/coupons', 'GET account/coupons', '[data-tile="coupons"]', '.coupon, .empty'),
  sectionLoad('profile', 'getProfile', '/account/profile', 'GET account/profile', '.profile > .resource', 'p.muted'),
];

describeFaults(CASES);
describeRemovalWatched(CASES);

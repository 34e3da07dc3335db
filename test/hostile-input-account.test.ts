/**
 * Hostile input (issue 19), <ae-account-panel>: every section's data (orders, an order's detail, wishes,
 * stores, coupons, points, the profile's sessions, the conversations with stores, the overview) carrying each
 * markup payload, from a real signed-in MemoryAdapter whose answers have the payload in every text member:
 * shown as text, no script run. The sinks are entries of SINKS (helpers/hostile-sinks.ts); this file runs the
 * panel's, so that hostile-input.test.ts stays well under a minute.
 */
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { describeSinks } from './helpers/hostile-sinks.js';

setSessionChannelName(`ae-test:hostile-input-account:${Math.random()}`);

describeSinks((s) => s.element === 'ae-account-panel');

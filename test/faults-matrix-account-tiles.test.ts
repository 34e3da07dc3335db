/**
 * The faults matrix (issue 19) for the loads of <ae-account-panel> that share a section with another: the
 * overview's latest orders and its coupons to use (each tile fails alone), and the profile of "Profile and
 * security" ("Member since"; the names form is filled from it), and an order's detail. Under the harness's faults (helpers/faults.ts):
 * network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days off, removal in flight
 * (also watched from the removal on, helpers/faults-account.ts), double actions. Each: a localized message with
 * "Try again" in its own tile, a working retry, one call. The other sections' loads are in
 * faults-matrix-account-more.test.ts.
 *
 * Real HTTP: HttpAdapter against the contract server's account routes, signed in by its cookie as the demo's
 * long-time buyer.
 */
import { html } from '@open-wc/testing';
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { realClick } from './helpers/dom.js';
import { adapter, describeFaults, f, mountFixture, shadow, text, type Case, type Flow } from './helpers/faults.js';
import { describeRemovalWatched, longTimeBuyer, sectionLoad } from './helpers/faults-account.js';

setSessionChannelName(`ae-test:faults-matrix-account-tiles:${Math.random()}`);

const CASES: Case[] = [
  sectionLoad('overview', 'listOrders, the latest', '/account/orders', 'GET account/orders', '[data-tile="latest"]', '.order'),
  sectionLoad('overview', 'listCoupons, to use', '/account/coupons', 'GET account/coupons', '[data-tile="coupons"]', '.coupon, .empty'),
  sectionLoad('profile', 'getProfile', '/account/profile', 'GET account/profile', '.profile > .resource', 'p.muted'),
  {
    element: 'ae-account-panel',
    call: "getOrder (an order's detail, the orders section)",
    path: '/account/orders/{orderId}',
    sent: /^GET account\/orders\/[^/]+$/,
    async prepare() {
      await longTimeBuyer();
      const order = (await f.adapter().listOrders({ pageSize: 1 })).items[0]!;
      const where = () => shadow(flow.el, 'section.section');
      const error = () => where()?.querySelector<HTMLElement>('[part="error"]') ?? null;
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-account-panel .adapter=${adapter()} section="orders" item=${order.id}></ae-account-panel>`);
        },
        retry: () => realClick(error()!.querySelector('button')!),
        failure: () => text(error()?.querySelector('p')),
        typed: () => '',
        done: () => !!where()?.querySelector(`.order-detail[data-order="${CSS.escape(order.id)}"]`),
        // The same order chosen again (a link, the attribute) while it loads.
        double: async () => {
          await flow.act();
          const panel = flow.el as HTMLElement & { navigate(section: string, item?: string): boolean };
          panel.navigate('orders', order.id);
          panel.setAttribute('item', order.id);
          await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        },
        events: ['ae-navigate'],
      };
      return flow;
    },
  },
];

describeFaults(CASES);
describeRemovalWatched(CASES);

/**
 * MemoryAdapter's account capability (issue 18): the seeded accounts, paging and filters, undo, coupons on the
 * clock, addresses (the five-address limit, the default, re-authentication, per-country validation), profile,
 * e-mail change by letter, password change, sessions, and the server manners (forbidden when signed out,
 * failNext, latency and abort, state shared by devices).
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import {
  ACCOUNT_METHODS,
  MAX_ADDRESSES,
  ORDER_STATUSES,
  SUMMARY_STATUSES,
  type AccountCapability,
  type AddressInput,
  type OrderSummary,
} from '../src/adapter/account-types.js';
import { validateAddress } from '../src/validation/address.js';
import { adapterError, rejection } from './helpers/adapter.js';

const START = Date.UTC(2026, 11, 1, 10, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const MARIA = { email: 'maria.ivanova@example.com', password: 'Shopska-77', firstName: 'Maria', lastName: 'Ivanova' };
const BORIS = { email: 'boris@example.com', password: 'Banitsa-42', firstName: 'Boris', lastName: 'Georgiev' };

/** Options of the account capability, beside the adapter's own. */
type Options = MemoryAdapterOptions & Record<string, unknown>;

function setup(options: Options = {}) {
  let time = START;
  const adapter = new MemoryAdapter({ now: () => time, users: [IVAN, MARIA, BORIS], resendCooldownMs: 0, ...options } as MemoryAdapterOptions);
  return {
    adapter,
    advance(ms: number) {
      time += ms;
    },
    get now() {
      return time;
    },
  };
}

async function signedIn(adapter: MemoryAdapter, who = IVAN) {
  await adapter.signIn({ email: who.email, password: who.password, remember: true });
  return adapter;
}

async function allOrders(adapter: AccountCapability, status?: Parameters<AccountCapability['listOrders']>[0]): Promise<OrderSummary[]> {
  const out: OrderSummary[] = [];
  for (let page = 1; ; page += 1) {
    const result = await adapter.listOrders({ ...status, page, pageSize: 100 });
    out.push(...result.items);
    if (out.length >= result.total) return out;
  }
}

const BG_ADDRESS: AddressInput = {
  name: 'Maria Ivanova',
  phone: '+359 88 812 3456',
  country: 'bg',
  region: '',
  city: 'Sofia',
  street: 'ul. Shipka 12',
  apartment: '',
  postalCode: '1504',
};

/** Arguments that are valid for each method (or the first check they meet is the session). */
const ARGS: Record<(typeof ACCOUNT_METHODS)[number], unknown[]> = {
  getAccountSummary: [],
  listOrders: [{}],
  getOrder: ['ord_x'],
  listWishes: [{}],
  removeWish: ['w'],
  restoreWish: ['w'],
  listFavoriteStores: [{}],
  removeFavoriteStore: ['s'],
  restoreFavoriteStore: ['s'],
  listCoupons: [{}],
  getPoints: [{}],
  getPreferences: [],
  setPreferences: [{ country: 'BG', currency: 'EUR' }],
  getExchangeRates: ['EUR'],
  listAddresses: [],
  saveAddress: [BG_ADDRESS, { password: MARIA.password }],
  deleteAddress: ['a'],
  setDefaultAddress: ['a'],
  getProfile: [],
  updateProfile: [{ firstName: 'Maria', lastName: 'Ivanova' }],
  requestEmailChange: [{ newEmail: 'new@example.com', password: MARIA.password }],
  confirmEmailChange: ['x'],
  changePassword: [{ currentPassword: MARIA.password, newPassword: 'Another-2026', signOutOthers: false }],
  listSessions: [],
  signOutOtherSessions: [],
  endSession: ['ses_x'],
  getPaymentsLink: [],
};

describe('MemoryAdapter account', () => {
  describe('when signed out', () => {
    it('rejects every call with forbidden, except the e-mail confirmation whose token is the credential', async () => {
      const { adapter } = setup();
      for (const method of ACCOUNT_METHODS) {
        const call = (adapter[method] as (...a: unknown[]) => Promise<unknown>)(...ARGS[method]);
        await adapterError(call, method === 'confirmEmailChange' ? 'token_invalid' : 'forbidden');
      }
      expect(adapter.outbox.length).to.equal(0);
    });

    it('forbids again after signing out', async () => {
      const { adapter } = setup();
      await signedIn(adapter, MARIA);
      await adapter.getAccountSummary();
      await adapter.signOut();
      await adapterError(adapter.listOrders(), 'forbidden');
    });
  });

  describe('a new buyer', () => {
    it('starts with empty lists, no preferences and no addresses', async () => {
      const adapter = await signedIn(setup().adapter, MARIA);
      const summary = await adapter.getAccountSummary();
      expect(Object.values(summary.counts).every((n) => n === 0)).to.equal(true);
      expect(summary.latestOrders.length).to.equal(0);
      expect((await adapter.listOrders()).total).to.equal(0);
      expect((await adapter.listWishes()).total).to.equal(0);
      expect((await adapter.listFavoriteStores()).total).to.equal(0);
      expect((await adapter.listCoupons()).total).to.equal(0);
      expect((await adapter.getPoints()).balance).to.equal(0);
      expect(await adapter.getPreferences()).to.equal(null);
      expect((await adapter.listAddresses()).length).to.equal(0);
    });
  });

  describe('a long-time buyer', () => {
    it('has dozens of orders in every status, across stores and currencies, with consistent totals', async () => {
      const adapter = await signedIn(setup().adapter);
      const orders = await allOrders(adapter);
      expect(orders.length).to.be.greaterThan(36);
      for (const status of ORDER_STATUSES) expect(orders.some((o) => o.status === status), status).to.equal(true);
      const currencies = new Set(orders.map((o) => o.total.currency));
      for (const code of ['EUR', 'BGN', 'RUB', 'USD']) expect(currencies.has(code), code).to.equal(true);
      expect(new Set(orders.map((o) => o.store.id)).size).to.be.greaterThan(4);
      for (let i = 1; i < orders.length; i += 1) expect(orders[i - 1].placedAt >= orders[i].placedAt).to.equal(true);
      for (const summary of orders.slice(0, 12)) {
        const order = await adapter.getOrder(summary.id);
        const { items, shipping, discount, total } = order.totals;
        expect(items.amount + shipping.amount - discount.amount).to.equal(total.amount);
        expect(total.amount).to.equal(summary.total.amount);
        expect(order.items.reduce((s, it) => s + it.total.amount, 0)).to.equal(items.amount);
        for (const item of order.items) {
          expect(Number.isInteger(item.unitPrice.amount)).to.equal(true);
          expect(item.total.amount).to.equal(item.unitPrice.amount * item.quantity);
          expect(item.unitPrice.currency).to.equal(total.currency);
        }
        expect(order.itemCount).to.equal(order.items.reduce((s, it) => s + it.quantity, 0));
        expect(order.paidAt === undefined).to.equal(order.status === 'awaiting_payment' || (order.status === 'cancelled' && order.paidAt === undefined));
      }
      // Bulgaria's lev ended on 1 January 2026: a Bulgarian store's BGN orders are all older.
      for (const o of orders.filter((x) => x.total.currency === 'BGN')) expect(o.placedAt < Date.UTC(2026, 0, 1)).to.equal(true);
      const summary = await adapter.getAccountSummary();
      expect(summary.latestOrders.map((o) => o.id).join()).to.equal(orders.slice(0, 5).map((o) => o.id).join());
      expect(summary.counts.wishes).to.be.greaterThan(5);
      expect(summary.counts.stores).to.be.greaterThan(3);
      expect(summary.counts.coupons).to.be.greaterThan(2);
      expect(summary.counts.points).to.be.greaterThan(0);
      expect(await adapter.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
      const addresses = await adapter.listAddresses();
      expect(addresses.length).to.equal(2);
      // Seeded data pass the same address schema as what a buyer types.
      for (const a of addresses) expect(JSON.stringify(validateAddress(a)), a.street).to.equal('{}');
      const order = await adapter.getOrder(orders[0].id);
      expect(JSON.stringify(validateAddress(order.delivery.address))).to.equal('{}');
    });

    it('always has every status and the EUR, BGN, RUB and USD orders, whatever the user id', async () => {
      for (let seed = 1; seed <= 8; seed += 1) {
        const orders = await allOrders(await signedIn(setup({ seed }).adapter));
        for (const status of ORDER_STATUSES) expect(orders.some((o) => o.status === status), `${seed} ${status}`).to.equal(true);
        const currencies = new Set(orders.map((o) => o.total.currency));
        for (const code of ['EUR', 'BGN', 'RUB', 'USD']) expect(currencies.has(code), `${seed} ${code}`).to.equal(true);
      }
    });

    it('is the same account for the same user id and clock, and any address listed in longTimeBuyers gets one', async () => {
      const a = await signedIn(setup({ seed: 7 }).adapter);
      const b = await signedIn(setup({ seed: 7 }).adapter);
      expect((await a.getSession())!.userId).to.equal((await b.getSession())!.userId);
      expect(JSON.stringify(await allOrders(a))).to.equal(JSON.stringify(await allOrders(b)));
      expect(JSON.stringify(await a.getPoints({ pageSize: 100 }))).to.equal(JSON.stringify(await b.getPoints({ pageSize: 100 })));
      const listed = await signedIn(setup({ longTimeBuyers: ['Boris@Example.com'] }).adapter, BORIS);
      expect((await listed.listOrders()).total).to.be.greaterThan(36);
    });
  });

  describe('paging and filters', () => {
    it('pages without gaps or overlaps, reports the total, and answers an empty page past the end', async () => {
      const adapter = await signedIn(setup().adapter);
      const all = await allOrders(adapter);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.length / 10); page += 1) {
        const result = await adapter.listOrders({ page, pageSize: 10 });
        expect(result.page).to.equal(page);
        expect(result.pageSize).to.equal(10);
        expect(result.total).to.equal(all.length);
        seen.push(...result.items.map((o) => o.id));
      }
      expect(seen.join()).to.equal(all.map((o) => o.id).join());
      const past = await adapter.listOrders({ page: 99, pageSize: 10 });
      expect(past.items.length).to.equal(0);
      expect(past.total).to.equal(all.length);
      expect((await adapter.listOrders()).pageSize).to.equal(20);
    });

    it('rejects a page below 1 or a page size over 100 with the field codes', async () => {
      const adapter = await signedIn(setup().adapter);
      expect((await adapterError(adapter.listOrders({ page: 0 }), 'validation')).fieldErrors).to.deep.equal({ page: 'page.invalid' });
      expect((await adapterError(adapter.listWishes({ pageSize: 101 }), 'validation')).fieldErrors).to.deep.equal({ pageSize: 'page.size' });
      await adapterError(adapter.listCoupons({ pageSize: 2.5 }), 'validation');
    });

    it('filters by one status or several; the summary counts the same statuses its links filter by', async () => {
      const adapter = await signedIn(setup().adapter);
      const all = await allOrders(adapter);
      const shipped = await allOrders(adapter, { status: 'shipped' });
      expect(shipped.length).to.equal(all.filter((o) => o.status === 'shipped').length);
      expect(shipped.every((o) => o.status === 'shipped')).to.equal(true);
      const summary = await adapter.getAccountSummary();
      for (const [key, statuses] of Object.entries(SUMMARY_STATUSES)) {
        const page = await adapter.listOrders({ status: statuses, pageSize: 100 });
        expect(page.total, key).to.equal(summary.counts[key as keyof typeof SUMMARY_STATUSES]);
        expect(page.total, key).to.equal(all.filter((o) => (statuses as readonly string[]).includes(o.status)).length);
      }
      const error = await adapterError(adapter.listOrders({ status: 'lost' as never }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ status: 'order.status' });
    });

    it('answers not_found for an unknown order and for another buyer\'s', async () => {
      const { adapter } = setup({ longTimeBuyers: [MARIA.email] });
      await signedIn(adapter);
      const ivans = (await adapter.listOrders()).items[0].id;
      await adapterError(adapter.getOrder('ord_nothing'), 'not_found');
      const maria = await signedIn(adapter.newDevice(), MARIA);
      await adapterError(maria.getOrder(ivans), 'not_found');
    });
  });

  describe('wishes and favorite stores', () => {
    it('removes a wish and restores it in its place; restoring twice or after a day is not_found', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter);
      const before = (await adapter.listWishes({ pageSize: 100 })).items;
      const target = before[2];
      await adapter.removeWish(target.id);
      const after = (await adapter.listWishes({ pageSize: 100 })).items;
      expect(after.length).to.equal(before.length - 1);
      expect(after.some((w) => w.id === target.id)).to.equal(false);
      expect((await adapter.getAccountSummary()).counts.wishes).to.equal(before.length - 1);
      const restored = await adapter.restoreWish(target.id);
      expect(restored.id).to.equal(target.id);
      expect((await adapter.listWishes({ pageSize: 100 })).items.map((w) => w.id).join()).to.equal(before.map((w) => w.id).join());
      await adapterError(adapter.restoreWish(target.id), 'not_found');
      await adapterError(adapter.removeWish('wsh_nothing'), 'not_found');
      await adapter.removeWish(target.id);
      ctx.advance(DAY + 1);
      await adapterError(adapter.restoreWish(target.id), 'not_found');
    });

    it('removes and restores a favorite store the same way', async () => {
      const adapter = await signedIn(setup().adapter);
      const before = (await adapter.listFavoriteStores()).items;
      await adapter.removeFavoriteStore(before[0].id);
      expect((await adapter.listFavoriteStores()).total).to.equal(before.length - 1);
      expect((await adapter.restoreFavoriteStore(before[0].id)).name).to.equal(before[0].name);
      expect((await adapter.listFavoriteStores()).items.map((s) => s.id).join()).to.equal(before.map((s) => s.id).join());
      await adapterError(adapter.restoreFavoriteStore(before[0].id), 'not_found');
    });
  });

  describe('coupons and points', () => {
    it('lists usable coupons soonest first, and a coupon past its expiry moves to the expired ones', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter);
      const active = (await adapter.listCoupons()).items;
      expect(active.length).to.be.greaterThan(2);
      expect(active.every((c) => c.state === 'active' && c.expiresAt > ctx.now)).to.equal(true);
      for (let i = 1; i < active.length; i += 1) expect(active[i - 1].expiresAt <= active[i].expiresAt).to.equal(true);
      expect(active.some((c) => c.value.kind === 'percent') && active.some((c) => c.value.kind === 'money')).to.equal(true);
      const expiredBefore = (await adapter.listCoupons({ state: 'expired' })).total;
      expect((await adapter.listCoupons({ state: 'used' })).items.every((c) => c.state === 'used')).to.equal(true);
      ctx.advance(active[0].expiresAt - ctx.now);
      const now = (await adapter.listCoupons()).items;
      expect(now.some((c) => c.id === active[0].id)).to.equal(false);
      const expired = (await adapter.listCoupons({ state: 'expired' })).items;
      expect(expired.length).to.equal(expiredBefore + 1);
      expect(expired.find((c) => c.id === active[0].id)?.state).to.equal('expired');
      expect((await adapter.getAccountSummary()).counts.coupons).to.equal(active.length - 1);
      await adapterError(adapter.listCoupons({ state: 'gone' as never }), 'validation');
    });

    it('has a balance equal to the sum of its history, newest first', async () => {
      const adapter = await signedIn(setup().adapter);
      const points = await adapter.getPoints({ pageSize: 100 });
      expect(points.history.items.length).to.equal(points.history.total);
      expect(points.balance).to.equal(points.history.items.reduce((s, e) => s + e.delta, 0));
      expect(points.balance).to.be.greaterThan(0);
      for (let i = 1; i < points.history.items.length; i += 1) expect(points.history.items[i - 1].at >= points.history.items[i].at).to.equal(true);
      const small = await adapter.getPoints({ pageSize: 5, page: 2 });
      expect(small.history.items.map((e) => e.id).join()).to.equal(points.history.items.slice(5, 10).map((e) => e.id).join());
    });
  });

  describe('preferences and exchange rates', () => {
    it('keeps location and currency, normalized, and names the field of a wrong one', async () => {
      const adapter = await signedIn(setup().adapter, MARIA);
      expect(await adapter.setPreferences({ country: 'ru', currency: 'rub' })).to.deep.equal({ country: 'RU', currency: 'RUB' });
      expect(await adapter.getPreferences()).to.deep.equal({ country: 'RU', currency: 'RUB' });
      const error = await adapterError(adapter.setPreferences({ country: 'XX', currency: 'ABC' }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ country: 'country.invalid', currency: 'currency.unsupported' });
      expect(await adapter.getPreferences()).to.deep.equal({ country: 'RU', currency: 'RUB' });
    });

    it('quotes rates from the euro by default and from any supported base', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter, MARIA);
      const eur = await adapter.getExchangeRates();
      expect(eur.base).to.equal('EUR');
      expect(eur.rates.EUR).to.equal(1);
      expect(eur.rates.BGN).to.equal(1.95583); // the fixed rate of the lev
      for (const code of ['USD', 'RUB', 'UAH', 'GBP', 'PLN']) expect(eur.rates[code] > 0, code).to.equal(true);
      expect(eur.asOf <= ctx.now).to.equal(true);
      const bgn = await adapter.getExchangeRates('BGN');
      expect(bgn.rates.BGN).to.equal(1);
      expect(Math.abs(bgn.rates.EUR - 1 / 1.95583) < 1e-5).to.equal(true);
      expect((await adapterError(adapter.getExchangeRates('XYZ'), 'validation')).fieldErrors).to.deep.equal({ base: 'currency.unsupported' });
    });
  });

  describe('shipping addresses', () => {
    it('asks for the password again to add one, refuses a wrong one, and trusts a right one for a while', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter, MARIA);
      const asked = await adapterError(adapter.saveAddress(BG_ADDRESS), 'reauth_required');
      expect(asked.field).to.equal('password');
      expect((await adapterError(adapter.saveAddress(BG_ADDRESS, { password: 'wrong-1234' }), 'invalid_credentials')).field).to.equal('password');
      expect((await adapter.listAddresses()).length).to.equal(0);
      const first = await adapter.saveAddress(BG_ADDRESS, { password: MARIA.password });
      expect(first.isDefault).to.equal(true);
      expect(first.country).to.equal('BG');
      expect(first.phone).to.equal('+359888123456');
      // Within the window: no password again.
      const second = await adapter.saveAddress({ ...BG_ADDRESS, street: 'bul. Vitosha 1' });
      expect(second.isDefault).to.equal(false);
      ctx.advance(5 * MINUTE + 1);
      await adapterError(adapter.saveAddress({ ...BG_ADDRESS, street: 'ul. Rakovski 3' }), 'reauth_required');
      // Editing a saved one does not ask (addressReauth 'new').
      const edited = await adapter.saveAddress({ ...BG_ADDRESS, id: second.id, apartment: 'ap. 3' });
      expect(edited.apartment).to.equal('ap. 3');
      expect(edited.id).to.equal(second.id);
      await adapterError(adapter.saveAddress({ ...BG_ADDRESS, id: 'adr_nothing' }), 'not_found');
    });

    it("asks on edits too with addressReauth 'always', and never with 'never'", async () => {
      const always = await signedIn(setup({ addressReauth: 'always', reauthWindowMs: 0 }).adapter, MARIA);
      const saved = await always.saveAddress(BG_ADDRESS, { password: MARIA.password });
      await adapterError(always.saveAddress({ ...BG_ADDRESS, id: saved.id, city: 'Plovdiv', postalCode: '4000' }), 'reauth_required');
      const never = await signedIn(setup({ addressReauth: 'never' }).adapter, MARIA);
      expect((await never.saveAddress(BG_ADDRESS)).city).to.equal('Sofia');
    });

    it('keeps at most five, exactly one default, and passes the default on when it is deleted', async () => {
      const adapter = await signedIn(setup().adapter, MARIA);
      const ids: string[] = [];
      for (let i = 0; i < MAX_ADDRESSES; i += 1) {
        ids.push((await adapter.saveAddress({ ...BG_ADDRESS, street: `ul. Shipka ${i + 1}` }, { password: MARIA.password })).id);
      }
      const sixth = await adapterError(adapter.saveAddress({ ...BG_ADDRESS, street: 'ul. Shipka 6' }, { password: MARIA.password }), 'validation');
      expect(sixth.fieldErrors).to.deep.equal({ addresses: 'address.limit' });
      await adapter.setDefaultAddress(ids[3]);
      let list = await adapter.listAddresses();
      expect(list.filter((a) => a.isDefault).map((a) => a.id).join()).to.equal(ids[3]);
      expect(list[0].id).to.equal(ids[3]);
      await adapter.deleteAddress(ids[3]);
      list = await adapter.listAddresses();
      expect(list.length).to.equal(4);
      expect(list.filter((a) => a.isDefault).map((a) => a.id).join()).to.equal(ids[0]);
      const made = await adapter.saveAddress({ ...BG_ADDRESS, street: 'ul. Shipka 9', makeDefault: true });
      list = await adapter.listAddresses();
      expect(list.filter((a) => a.isDefault).map((a) => a.id).join()).to.equal(made.id);
      await adapterError(adapter.deleteAddress(ids[3]), 'not_found');
      await adapterError(adapter.setDefaultAddress('adr_nothing'), 'not_found');
    });

    it('validates per country: postal formats, required fields, Latin letters, the phone', async () => {
      const adapter = await signedIn(setup({ addressReauth: 'never' }).adapter, MARIA);
      const codes = async (input: Partial<AddressInput>) =>
        (await adapterError(adapter.saveAddress({ ...BG_ADDRESS, ...input }), 'validation')).fieldErrors;
      // The codes of the shared address schema (src/validation/address.ts), per the address's country.
      expect((await codes({ postalCode: '15040' }))?.postalCode).to.equal('postalCode.format');
      expect((await codes({ country: 'RU', region: 'Moskva', postalCode: '1504' }))?.postalCode).to.equal('postalCode.format');
      expect((await codes({ country: 'UA', region: 'Kyivska', postalCode: '010011' }))?.postalCode).to.equal('postalCode.format');
      expect((await codes({ country: 'RU', region: '', postalCode: '125009' }))?.region).to.equal('address.required');
      expect((await codes({ city: 'София' }))?.city).to.equal('address.cyrillic');
      expect((await codes({ phone: '12345' }))?.phone).to.equal('phone.invalid');
      expect(Object.keys((await codes({ name: '', street: '' })) ?? {}).sort().join()).to.equal('name,street');
      // The same fields pass for their country.
      const ru = await adapter.saveAddress({ ...BG_ADDRESS, country: 'RU', region: 'Moskva', city: 'Moskva', postalCode: '125009', phone: '+7 916 123-45-67' });
      expect(ru.phone).to.equal('+79161234567');
    });
  });

  describe('profile', () => {
    it('changes the names with the registration rules and the session follows', async () => {
      const adapter = await signedIn(setup().adapter, MARIA);
      const error = await adapterError(adapter.updateProfile({ firstName: 'Мария', lastName: '' }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ firstName: 'name.cyrillic', lastName: 'name.required' });
      const session = await adapter.updateProfile({ firstName: ' Mariya ', lastName: 'Ivanova-Petrova' });
      expect(session.firstName).to.equal('Mariya');
      expect((await adapter.getSession())!.lastName).to.equal('Ivanova-Petrova');
      const profile = await adapter.getProfile();
      expect(profile.firstName).to.equal('Mariya');
      expect(profile.hasPassword).to.equal(true);
    });
  });

  describe('e-mail change', () => {
    it('needs the password, sends a link to the new address and a notice to the old one, and changes on confirmation', async () => {
      const { adapter } = setup({ emailChangeUrl: 'https://shop.example/account/email#token={token}' });
      await signedIn(adapter, MARIA);
      const wrong = await adapterError(adapter.requestEmailChange({ newEmail: 'maria.new@example.com', password: 'nope-1234' }), 'invalid_credentials');
      expect(wrong.field).to.equal('password');
      expect((await adapterError(adapter.requestEmailChange({ newEmail: 'Maria.Ivanova@example.com', password: MARIA.password }), 'validation')).fieldErrors).to.deep.equal({ newEmail: 'email.same' });
      expect((await adapterError(adapter.requestEmailChange({ newEmail: 'not-an-address', password: '' }), 'validation')).fieldErrors).to.deep.equal({ newEmail: 'email.invalid', password: 'password.required' });
      expect((await adapterError(adapter.requestEmailChange({ newEmail: BORIS.email, password: MARIA.password }), 'email_taken')).field).to.equal('newEmail');
      expect(adapter.outbox.length).to.equal(0);

      await adapter.requestEmailChange({ newEmail: 'maria.new@example.com', password: MARIA.password });
      const letter = adapter.outbox.find((l) => l.to === 'maria.new@example.com')!;
      expect(letter.kind).to.equal('email-change');
      expect(letter.token.length).to.be.greaterThan(20);
      expect(letter.link).to.equal(`https://shop.example/account/email#token=${letter.token}`);
      expect(letter.text).to.contain(letter.link);
      const notice = adapter.outbox.find((l) => l.to === MARIA.email)!;
      expect(notice.token).to.equal('');
      expect(notice.text).to.contain('maria.new@example.com');
      expect((await adapter.getSession())!.email).to.equal(MARIA.email);
      expect((await adapter.getProfile()).pendingEmail?.email).to.equal('maria.new@example.com');

      const session = await adapter.confirmEmailChange(letter.token);
      expect(session.email).to.equal('maria.new@example.com');
      expect((await adapter.getSession())!.email).to.equal('maria.new@example.com');
      expect((await adapter.getProfile()).pendingEmail).to.equal(undefined);
      await adapterError(adapter.confirmEmailChange(letter.token), 'token_used');
      await adapter.signOut();
      await adapter.signIn({ email: 'maria.new@example.com', password: MARIA.password, remember: false });
      await adapterError(adapter.signIn({ email: MARIA.email, password: MARIA.password, remember: false }), 'invalid_credentials');
    });

    it('voids an older link with a newer request, expires links, and confirms signed out too', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter, MARIA);
      await adapter.requestEmailChange({ newEmail: 'one@example.com', password: MARIA.password });
      await adapter.requestEmailChange({ newEmail: 'two@example.com', password: MARIA.password });
      const one = adapter.outbox.find((l) => l.to === 'one@example.com')!;
      const two = adapter.outbox.find((l) => l.to === 'two@example.com')!;
      await adapterError(adapter.confirmEmailChange(one.token), 'token_invalid');
      ctx.advance(DAY);
      await adapterError(adapter.confirmEmailChange(two.token), 'token_expired');
      await adapter.requestEmailChange({ newEmail: 'three@example.com', password: MARIA.password });
      const three = adapter.outbox.find((l) => l.to === 'three@example.com')!;
      await adapter.signOut();
      const anonymous = ctx.adapter.newDevice();
      expect((await anonymous.confirmEmailChange(three.token)).email).to.equal('three@example.com');
      expect(ctx.adapter.getUser('three@example.com')?.firstName).to.equal('Maria');
    });

    it('waits the cooldown between two requests', async () => {
      const adapter = await signedIn(setup({ resendCooldownMs: 60_000 }).adapter, MARIA);
      await adapter.requestEmailChange({ newEmail: 'one@example.com', password: MARIA.password });
      const error = await adapterError(adapter.requestEmailChange({ newEmail: 'two@example.com', password: MARIA.password }), 'rate_limited');
      expect(error.retryAfter).to.equal(60);
    });
  });

  describe('password change', () => {
    it("follows the registration's rules, refuses common and unchanged passwords, and checks the current one", async () => {
      const adapter = await signedIn(setup().adapter, MARIA);
      const change = (currentPassword: string, newPassword: string) => adapter.changePassword({ currentPassword, newPassword, signOutOthers: false });
      expect((await adapterError(change(MARIA.password, 'short1'), 'validation')).fieldErrors).to.deep.equal({ newPassword: 'password.tooShort' });
      expect((await adapterError(change(MARIA.password, 'onlyletters'), 'validation')).fieldErrors).to.deep.equal({ newPassword: 'password.digit' });
      expect((await adapterError(change(MARIA.password, 'password1'), 'validation')).fieldErrors).to.deep.equal({ newPassword: 'password.common' });
      expect((await adapterError(change(MARIA.password, MARIA.password), 'validation')).fieldErrors).to.deep.equal({ newPassword: 'password.same' });
      expect((await adapterError(change('', 'Fresh-Pass-2026'), 'validation')).fieldErrors).to.deep.equal({ currentPassword: 'password.required' });
      expect((await adapterError(change('Wrong-Pass-1', 'Fresh-Pass-2026'), 'invalid_credentials')).field).to.equal('currentPassword');
      expect(await change(MARIA.password, 'Fresh-Pass-2026')).to.deep.equal({ endedSessions: 0 });
      await adapter.signOut();
      await adapterError(adapter.signIn({ email: MARIA.email, password: MARIA.password, remember: false }), 'invalid_credentials');
      await adapter.signIn({ email: MARIA.email, password: 'Fresh-Pass-2026', remember: false });
    });

    it('signs the other devices out when asked, and keeps this one', async () => {
      const { adapter } = setup();
      await signedIn(adapter, MARIA);
      const other = await signedIn(adapter.newDevice(), MARIA);
      const result = await adapter.changePassword({ currentPassword: MARIA.password, newPassword: 'Fresh-Pass-2026', signOutOthers: true });
      expect(result.endedSessions).to.equal(1);
      expect(await other.getSession()).to.equal(null);
      expect((await adapter.getSession())?.email).to.equal(MARIA.email);
    });

    it('locks after five wrong passwords for fifteen minutes', async () => {
      const ctx = setup();
      const adapter = await signedIn(ctx.adapter, MARIA);
      const change = (currentPassword: string) => adapter.changePassword({ currentPassword, newPassword: 'Fresh-Pass-2026', signOutOthers: false });
      for (let i = 0; i < 5; i += 1) await adapterError(change(`Wrong-Pass-${i}`), 'invalid_credentials');
      const locked = await adapterError(change(MARIA.password), 'rate_limited');
      expect(locked.retryAfter).to.equal(15 * 60);
      ctx.advance(15 * MINUTE);
      await change(MARIA.password);
    });
  });

  describe('sessions', () => {
    it('lists this device first, ends one by id, ends all others, and ending its own signs this device out', async () => {
      const { adapter } = setup({ deviceLabel: 'Chrome on Linux' });
      await signedIn(adapter, MARIA);
      const phone = await signedIn(adapter.newDevice(), MARIA);
      const tablet = await signedIn(adapter.newDevice(), MARIA);
      const list = await adapter.listSessions();
      expect(list.length).to.equal(3);
      expect(list[0].current).to.equal(true);
      expect(list[0].device).to.equal('Chrome on Linux');
      expect(list.filter((s) => s.current).length).to.equal(1);
      await adapter.endSession(list[1].id);
      expect((await adapter.listSessions()).length).to.equal(2);
      await adapterError(adapter.endSession(list[1].id), 'not_found');
      expect(await adapter.signOutOtherSessions()).to.deep.equal({ endedSessions: 1 });
      expect((await phone.getSession()) === null && (await tablet.getSession()) === null).to.equal(true);
      await adapter.endSession(list[0].id);
      expect(await adapter.getSession()).to.equal(null);
      await adapterError(adapter.listSessions(), 'forbidden');
    });
  });

  describe('server manners', () => {
    it('fails the next call of a method with failNext, then works', async () => {
      const adapter = await signedIn(setup().adapter);
      adapter.failNext('server', { method: 'listOrders' });
      await adapter.getAccountSummary();
      await adapterError(adapter.listOrders(), 'server');
      expect((await adapter.listOrders()).total).to.be.greaterThan(0);
      adapter.failNext('validation', { method: 'saveAddress', fieldErrors: { postalCode: 'postalCode.format' } });
      expect((await adapterError(adapter.saveAddress(BG_ADDRESS), 'validation')).fieldErrors).to.deep.equal({ postalCode: 'postalCode.format' });
    });

    it('waits its latency and rejects with the abort reason', async () => {
      const adapter = await signedIn(setup({ latency: 200 }).adapter);
      const controller = new AbortController();
      const started = performance.now();
      const call = adapter.listOrders({}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(call);
      expect((error as Error).name).to.equal('AbortError');
      expect(performance.now() - started < 190).to.equal(true);
      const t0 = performance.now();
      await adapter.getPaymentsLink();
      expect(performance.now() - t0 >= 190).to.equal(true);
    });

    it('keeps one account for every device of the server, and reset() forgets it', async () => {
      const { adapter } = setup();
      await signedIn(adapter);
      const wish = (await adapter.listWishes()).items[0];
      await adapter.removeWish(wish.id);
      const laptop = await signedIn(adapter.newDevice());
      expect((await laptop.listWishes({ pageSize: 100 })).items.some((w) => w.id === wish.id)).to.equal(false);
      expect((await laptop.restoreWish(wish.id)).id).to.equal(wish.id);
      expect((await adapter.listWishes({ pageSize: 100 })).items.some((w) => w.id === wish.id)).to.equal(true);
      adapter.reset();
      await adapterError(adapter.listWishes(), 'forbidden');
    });

    it('answers the payments link from its option, a placeholder https page by default', async () => {
      const plain = await signedIn(setup().adapter, MARIA);
      expect((await plain.getPaymentsLink()).url).to.match(/^https:\/\//);
      const configured = await signedIn(setup({ paymentsUrl: 'https://pay.example.com/wallet' }).adapter, MARIA);
      expect(await configured.getPaymentsLink()).to.deep.equal({ url: 'https://pay.example.com/wallet' });
    });

    it('hands out copies: changing a result changes nothing on the server', async () => {
      const adapter = await signedIn(setup().adapter);
      const order = await adapter.getOrder((await adapter.listOrders()).items[0].id);
      const { status, items } = order;
      order.items = [];
      order.status = status === 'cancelled' ? 'completed' : 'cancelled';
      const again = await adapter.getOrder(order.id);
      expect(again.status).to.equal(status);
      expect(again.items.length).to.equal(items.length);
    });
  });
});

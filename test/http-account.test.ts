import { expect } from '@open-wc/testing';
import { authFixtures, PASSWORD } from './server/auth-fixtures.js';
import { adapterError } from './helpers/adapter.js';
import { ACCOUNT_METHODS, SUMMARY_STATUSES, type AddressInput } from '../src/adapter/account-types.js';
import type { HttpAdapter } from '../src/adapter/http-adapter.js';

// The account capability through HttpAdapter against the contract server (openapi/account.openapi.yaml), over
// real HTTP with the browser's cookie jar. The server runs the real MemoryAdapter and checks every request and
// response against the documents; each test ends by asking it whether it sent anything the documents forbid.
const NAMESPACE = `http-account-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);
const { server } = f;
/** The demo's long-time buyer: MemoryAdapter seeds this address with a few years of orders. */
const IVAN = 'ivan.petrov@example.com';
const MARIA = 'maria.ivanova@example.test';

const BG: AddressInput = {
  name: 'Maria Ivanova',
  phone: '+359 88 812 3456',
  country: 'BG',
  region: '',
  city: 'Sofia',
  street: 'ul. Shipka 12',
  apartment: '',
  postalCode: '1504',
};

async function signedIn(email: string): Promise<HttpAdapter> {
  await f.activeProfile(email);
  const a = f.adapter();
  await a.signIn({ email, password: PASSWORD, remember: false });
  return a;
}

/** Valid arguments of every method; the first check each meets signed out is the session. */
const ARGS: Record<(typeof ACCOUNT_METHODS)[number], unknown[]> = {
  getAccountSummary: [],
  listOrders: [{ status: ['shipped'], page: 1, pageSize: 5 }],
  getOrder: ['ord_x'],
  listWishes: [{}],
  removeWish: ['w'],
  restoreWish: ['w'],
  listFavoriteStores: [{}],
  removeFavoriteStore: ['s'],
  restoreFavoriteStore: ['s'],
  listCoupons: [{ state: 'used' }],
  getPoints: [{}],
  getPreferences: [],
  setPreferences: [{ country: 'BG', currency: 'EUR' }],
  getExchangeRates: ['BGN'],
  listAddresses: [],
  saveAddress: [BG, { password: PASSWORD }],
  deleteAddress: ['a'],
  setDefaultAddress: ['a'],
  getProfile: [],
  updateProfile: [{ firstName: 'Maria', lastName: 'Ivanova' }],
  requestEmailChange: [{ newEmail: 'new@example.test', password: PASSWORD }],
  confirmEmailChange: ['x'],
  changePassword: [{ currentPassword: PASSWORD, newPassword: 'Another-2026-x', signOutOthers: false }],
  listSessions: [],
  signOutOtherSessions: [],
  endSession: ['ses_x'],
  getPaymentsLink: [],
};

describe('HttpAdapter account over HTTP', () => {
  beforeEach(() => server.reset({ resendCooldownMs: 0 }));
  afterEach(async () => {
    await f.signOutHere();
    await server.expectNoViolations();
  });

  describe('when signed out', () => {
    it('answers 403 forbidden to every call but the e-mail confirmation, whose token is the credential', async () => {
      const a = f.adapter();
      for (const method of ACCOUNT_METHODS) {
        const call = (a[method] as (...x: unknown[]) => Promise<unknown>)(...ARGS[method]);
        await adapterError(call, method === 'confirmEmailChange' ? 'token_invalid' : 'forbidden');
      }
      const statuses = (await server.requests()).filter((r) => r.operation !== 'confirmEmailChange' && r.operation !== 'reset');
      expect(statuses.length).to.be.greaterThan(20);
      expect(statuses.every((r) => r.status === 403 && r.valid), JSON.stringify(statuses.filter((r) => r.status !== 403 || !r.valid))).to.equal(true);
    });
  });

  describe("a long-time buyer's account", () => {
    it('reads every list with the contract shapes, pages orders and filters them by status', async () => {
      const a = await signedIn(IVAN);
      const summary = await a.getAccountSummary();
      expect(summary.latestOrders.length).to.equal(5);
      const first = await a.listOrders({ page: 1, pageSize: 10 });
      expect(first.total).to.be.greaterThan(36);
      expect(first.items.length).to.equal(10);
      const second = await a.listOrders({ page: 2, pageSize: 10 });
      expect(second.items[0].id === first.items[9].id).to.equal(false);
      expect(first.items.slice(0, 5).map((o) => o.id).join()).to.equal(summary.latestOrders.map((o) => o.id).join());
      const past = await a.listOrders({ page: 50, pageSize: 10 });
      expect(past.items.length).to.equal(0);
      expect(past.total).to.equal(first.total);
      const shipping = await a.listOrders({ status: SUMMARY_STATUSES.shipping, pageSize: 100 });
      expect(shipping.total).to.equal(summary.counts.shipping);
      expect(shipping.items.every((o) => (SUMMARY_STATUSES.shipping as readonly string[]).includes(o.status))).to.equal(true);
      expect((await adapterError(a.listOrders({ pageSize: 500 }), 'validation')).fieldErrors).to.deep.equal({ pageSize: 'page.size' });
      expect((await adapterError(a.listOrders({ status: 'lost' as never }), 'validation')).fieldErrors).to.deep.equal({ status: 'order.status' });

      const order = await a.getOrder(first.items[0].id);
      expect(order.items.length).to.be.greaterThan(0);
      expect(order.totals.total.amount).to.equal(first.items[0].total.amount);
      await adapterError(a.getOrder('ord_nothing'), 'not_found');

      expect((await a.listWishes({ pageSize: 3 })).items.length).to.equal(3);
      expect((await a.listFavoriteStores()).total).to.equal(summary.counts.stores);
      expect((await a.listCoupons()).total).to.equal(summary.counts.coupons);
      expect((await a.listCoupons({ state: 'expired' })).items.every((c) => c.state === 'expired')).to.equal(true);
      const points = await a.getPoints({ pageSize: 100 });
      expect(points.balance).to.equal(summary.counts.points);
      expect(points.history.items.reduce((s, e) => s + e.delta, 0)).to.equal(points.balance);
      expect(await a.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
      expect((await a.getExchangeRates('BGN')).rates.BGN).to.equal(1);
      expect((await a.getPaymentsLink()).url).to.match(/^https:\/\//);
    });

    it('removes a wish and a store and restores them (undo)', async () => {
      const a = await signedIn(IVAN);
      const wishes = (await a.listWishes({ pageSize: 100 })).items;
      await a.removeWish(wishes[0].id);
      expect((await a.listWishes({ pageSize: 100 })).total).to.equal(wishes.length - 1);
      expect((await a.restoreWish(wishes[0].id)).id).to.equal(wishes[0].id);
      await adapterError(a.restoreWish(wishes[0].id), 'not_found');
      await adapterError(a.removeWish('wsh_nothing'), 'not_found');
      const stores = (await a.listFavoriteStores()).items;
      await a.removeFavoriteStore(stores[1].id);
      expect((await a.restoreFavoriteStore(stores[1].id)).name).to.equal(stores[1].name);
      expect((await a.listFavoriteStores()).items.map((s) => s.id).join()).to.equal(stores.map((s) => s.id).join());
    });
  });

  describe('a new buyer', () => {
    it('has no preferences (204) until it chooses, and the server names a wrong field', async () => {
      const a = await signedIn(MARIA);
      expect(await a.getPreferences()).to.equal(null);
      expect((await a.getAccountSummary()).counts.wishes).to.equal(0);
      expect(await a.setPreferences({ country: 'bg', currency: 'eur' })).to.deep.equal({ country: 'BG', currency: 'EUR' });
      expect(await a.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
      const error = await adapterError(a.setPreferences({ country: 'XX', currency: 'EUR' }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ country: 'country.invalid' });
      expect(error.field).to.equal('country');
    });
  });

  describe('shipping addresses', () => {
    it('asks for the password again (401 reauth_required), refuses a wrong one, saves with the right one', async () => {
      const a = await signedIn(MARIA);
      await adapterError(a.saveAddress(BG), 'reauth_required');
      expect((await adapterError(a.saveAddress(BG, { password: 'Wrong-pass-123' }), 'invalid_credentials')).field).to.equal('password');
      const saved = await a.saveAddress(BG, { password: PASSWORD });
      expect(saved.isDefault).to.equal(true);
      expect(saved.phone).to.equal('+359888123456');
      const edited = await a.saveAddress({ ...BG, id: saved.id, apartment: 'ap. 7' });
      expect(edited.apartment).to.equal('ap. 7');
      const second = await a.saveAddress({ ...BG, street: 'bul. Vitosha 1', makeDefault: true });
      let list = await a.listAddresses();
      expect(list.map((x) => `${x.id}:${x.isDefault}`).join()).to.equal(`${second.id}:true,${saved.id}:false`);
      await a.setDefaultAddress(saved.id);
      await a.deleteAddress(second.id);
      list = await a.listAddresses();
      expect(list.map((x) => x.id).join()).to.equal(saved.id);
      await adapterError(a.deleteAddress(second.id), 'not_found');
      await adapterError(a.saveAddress({ ...BG, id: 'adr_nothing' }), 'not_found');
      const invalid = await adapterError(a.saveAddress({ ...BG, postalCode: '15040', city: 'София' }), 'validation');
      expect(Object.keys(invalid.fieldErrors ?? {}).sort().join()).to.equal('city,postalCode');
      // The password went in the body, never in a URL.
      expect((await server.requests()).every((r) => r.valid)).to.equal(true);
    });

    it("asks on every save with the server's addressReauth 'always' and no window, and seeds longTimeBuyers", async () => {
      await server.reset({ resendCooldownMs: 0, addressReauth: 'always', reauthWindowMs: 0, longTimeBuyers: [MARIA] });
      const a = await signedIn(MARIA);
      expect((await a.listOrders()).total).to.be.greaterThan(36);
      const saved = await a.saveAddress(BG, { password: PASSWORD });
      await adapterError(a.saveAddress(BG), 'reauth_required');
      await adapterError(a.saveAddress({ ...BG, id: saved.id, city: 'Plovdiv', postalCode: '4000' }), 'reauth_required');
      expect((await a.saveAddress({ ...BG, id: saved.id, city: 'Plovdiv', postalCode: '4000' }, { password: PASSWORD })).city).to.equal('Plovdiv');
    });

    it('refuses a sixth address', async () => {
      const a = await signedIn(MARIA);
      for (let i = 1; i <= 5; i += 1) await a.saveAddress({ ...BG, street: `ul. Shipka ${i}` }, { password: PASSWORD });
      const error = await adapterError(a.saveAddress({ ...BG, street: 'ul. Shipka 6' }, { password: PASSWORD }), 'validation');
      expect(error.fieldErrors).to.deep.equal({ addresses: 'address.limit' });
    });
  });

  describe('profile and security', () => {
    it('changes the names, and the e-mail by a letter to the new address confirmed from another browser', async () => {
      const a = await signedIn(MARIA);
      expect((await adapterError(a.updateProfile({ firstName: 'Мария', lastName: 'Ivanova' }), 'validation')).fieldErrors).to.deep.equal({
        firstName: 'name.cyrillic',
      });
      expect((await a.updateProfile({ firstName: 'Mariya', lastName: 'Ivanova' })).firstName).to.equal('Mariya');
      expect((await a.getSession())?.firstName).to.equal('Mariya');
      expect((await adapterError(a.requestEmailChange({ newEmail: 'maria.new@example.test', password: 'Wrong-pass-1' }), 'invalid_credentials')).field).to.equal('password');
      await a.requestEmailChange({ newEmail: 'maria.new@example.test', password: PASSWORD });
      const letters = await server.letters();
      const letter = letters.find((l) => l.to === 'maria.new@example.test');
      expect(letter?.link).to.contain(`token=${letter?.token}`);
      expect(letters.some((l) => l.to === MARIA && l.token === '' && (l.kind as string) === 'email-change')).to.equal(true);
      expect((await a.getProfile()).pendingEmail?.email).to.equal('maria.new@example.test');
      const elsewhere = f.otherBrowser('mail-app');
      expect((await elsewhere.confirmEmailChange(letter!.token)).email).to.equal('maria.new@example.test');
      expect((await a.getSession())?.email).to.equal('maria.new@example.test');
      await adapterError(elsewhere.confirmEmailChange(letter!.token), 'token_used');
      await adapterError(elsewhere.confirmEmailChange('x'.repeat(40)), 'token_invalid');
    });

    it('changes the password with the rules, ends the other sessions when asked, and lists and ends sessions', async () => {
      const a = await signedIn(MARIA);
      const phone = f.otherBrowser('phone');
      await phone.signIn({ email: MARIA, password: PASSWORD, remember: true });
      const tablet = f.otherBrowser('tablet');
      await tablet.signIn({ email: MARIA, password: PASSWORD, remember: false });
      const sessions = await a.listSessions();
      expect(sessions.length).to.equal(3);
      expect(sessions[0].current).to.equal(true);
      await a.endSession(sessions[1].id);
      await adapterError(a.endSession(sessions[1].id), 'not_found');
      expect((await a.listSessions()).length).to.equal(2);

      const weak = await adapterError(a.changePassword({ currentPassword: PASSWORD, newPassword: 'password1', signOutOthers: true }), 'validation');
      expect(weak.fieldErrors).to.deep.equal({ newPassword: 'password.common' });
      expect((await adapterError(a.changePassword({ currentPassword: 'Wrong-pass-1', newPassword: 'Fresh-Pass-2026', signOutOthers: true }), 'invalid_credentials')).field).to.equal('currentPassword');
      expect(await a.changePassword({ currentPassword: PASSWORD, newPassword: 'Fresh-Pass-2026', signOutOthers: true })).to.deep.equal({ endedSessions: 1 });
      expect((await phone.getSession()) === null && (await tablet.getSession()) === null).to.equal(true);
      expect((await a.getSession())?.email).to.equal(MARIA);
      await phone.signIn({ email: MARIA, password: 'Fresh-Pass-2026', remember: false });
      expect(await a.signOutOtherSessions()).to.deep.equal({ endedSessions: 1 });
      // Ending this browser's own session signs it out and clears its cookies.
      const own = (await a.listSessions())[0];
      await a.endSession(own.id);
      // The answer itself clears the cookies (before any other request could).
      expect(f.readableCookie(f.names.csrf)).to.equal(false);
      expect(await a.getSession()).to.equal(null);
    });
  });

  describe('CSRF and shapes', () => {
    it('refuses a write without the CSRF header (403) and changes nothing; reads need none', async () => {
      const a = await signedIn(IVAN);
      const bare = f.adapter({ csrfCookie: false });
      const wishes = (await bare.listWishes()).total;
      await adapterError(bare.removeWish((await a.listWishes()).items[0].id), 'forbidden');
      await adapterError(bare.setPreferences({ country: 'RU', currency: 'RUB' }), 'forbidden');
      expect((await a.listWishes()).total).to.equal(wishes);
      expect(await a.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
    });

    it('rejects an answer of the wrong shape with server, and keeps only the contract members', async () => {
      const a = await signedIn(MARIA);
      await server.fault({ kind: 'status', status: 200, body: { counts: {}, latestOrders: [] } }); // the next request (extension paths cannot be named yet)
      const error = await adapterError(a.getAccountSummary(), 'server');
      expect(error.message).to.contain('account summary');
      await server.fault({ kind: 'status', status: 200, body: { url: 'javascript:alert(1)' } });
      await adapterError(a.getPaymentsLink(), 'server');
      await server.fault({ kind: 'status', status: 200, body: { country: 'BG', currency: 'EUR', secret: 'x' } });
      expect(Object.keys((await a.getPreferences()) ?? {}).join()).to.equal('country,currency');
    });
  });
});

/**
 * `HttpAdapter`'s account capability (see http-core.ts and openapi/account.openapi.yaml): loaded on the first
 * call of one of its methods. REST under `{baseUrl}/account/…`; every call goes through `core.call` (CSRF header
 * on writes, timeout, abort, problem → AdapterError). Every answer is checked for the contract's shape (a wrong
 * one is `server`) and only the contract's members are kept. A password goes only in a request body.
 */
import type { HttpCore, HttpMethod } from './http-core.js';
import type {
  AccountCapability,
  AccountProfile,
  AccountSession,
  AccountSummary,
  AddressFields,
  Coupon,
  CouponState,
  ExchangeRates,
  FavoriteStore,
  Money,
  Order,
  OrderDelivery,
  OrderItem,
  OrderStatus,
  OrderSummary,
  Page,
  PageQuery,
  PointsEntry,
  PointsReason,
  Preferences,
  ShippingAddress,
  StoreRef,
  Wish,
} from './account-types.js';
import { ORDER_STATUSES } from './account-types.js';
import type { CallOptions } from './types.js';

type Json = Record<string, unknown>;

/** Thrown inside a reader; turned into `core.malformed(what)` by the call. */
class Shape extends Error {}

const bad = (): never => {
  throw new Shape();
};
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Json => (isRecord(v) ? v : bad());
const str = (v: unknown): string => (typeof v === 'string' ? v : bad());
const id = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : bad());
const int = (v: unknown, min = -Infinity): number => (Number.isSafeInteger(v) && (v as number) >= min ? (v as number) : bad());
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : bad());
const bool = (v: unknown): boolean => (typeof v === 'boolean' ? v : bad());
const time = (v: unknown): number => int(v, 0);
const code2 = (v: unknown): string => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? v : bad());
const code3 = (v: unknown): string => (typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : bad());
const list = <T>(v: unknown, read: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(read) : bad());
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T => (values.includes(v as T) ? (v as T) : bad());
/** An optional member: absent stays absent (null counts as absent too). */
function opt<K extends string, T>(key: K, v: unknown, read: (x: unknown) => T): Partial<Record<K, T>> {
  return v === undefined || v === null ? {} : ({ [key]: read(v) } as Record<K, T>);
}

const money = (v: unknown): Money => {
  const m = rec(v);
  return { amount: int(m.amount), currency: code3(m.currency) };
};
const storeRef = (v: unknown): StoreRef => {
  const s = rec(v);
  return { id: id(s.id), name: str(s.name) };
};
const status = (v: unknown): OrderStatus => oneOf(v, ORDER_STATUSES);

const orderSummary = (v: unknown): OrderSummary => {
  const o = rec(v);
  return {
    id: id(o.id),
    number: str(o.number),
    status: status(o.status),
    placedAt: time(o.placedAt),
    updatedAt: time(o.updatedAt),
    store: storeRef(o.store),
    total: money(o.total),
    itemCount: int(o.itemCount, 0),
    firstItemTitle: str(o.firstItemTitle),
  };
};

const ADDRESS_FIELDS = ['name', 'phone', 'country', 'region', 'city', 'street', 'apartment', 'postalCode'] as const;
const addressFields = (v: unknown): AddressFields => {
  const a = rec(v);
  const out = {} as AddressFields;
  for (const field of ADDRESS_FIELDS) out[field] = str(a[field]);
  out.country = code2(out.country);
  return out;
};

const orderItem = (v: unknown): OrderItem => {
  const i = rec(v);
  return {
    id: id(i.id),
    productId: id(i.productId),
    title: str(i.title),
    ...opt('variant', i.variant, str),
    quantity: int(i.quantity, 1),
    unitPrice: money(i.unitPrice),
    total: money(i.total),
  };
};

const delivery = (v: unknown): OrderDelivery => {
  const d = rec(v);
  return {
    method: oneOf(d.method, ['standard', 'express', 'pickup'] as const),
    ...opt('carrier', d.carrier, str),
    ...opt('trackingNumber', d.trackingNumber, str),
    address: addressFields(d.address),
    ...opt('shippedAt', d.shippedAt, time),
    ...opt('estimatedAt', d.estimatedAt, time),
    ...opt('deliveredAt', d.deliveredAt, time),
  };
};

const order = (v: unknown): Order => {
  const o = rec(v);
  const totals = rec(o.totals);
  const items = list(o.items, orderItem);
  if (items.length === 0) bad();
  return {
    ...orderSummary(o),
    items,
    delivery: delivery(o.delivery),
    totals: { items: money(totals.items), shipping: money(totals.shipping), discount: money(totals.discount), total: money(totals.total) },
    ...opt('paidAt', o.paidAt, time),
  };
};

const page =
  <T>(read: (x: unknown) => T) =>
  (v: unknown): Page<T> => {
    const p = rec(v);
    return { items: list(p.items, read), page: int(p.page, 1), pageSize: int(p.pageSize, 1), total: int(p.total, 0) };
  };

const COUNT_KEYS = ['awaitingPayment', 'shipping', 'awaitingReview', 'disputes', 'wishes', 'stores', 'coupons', 'points'] as const;
const summary = (v: unknown): AccountSummary => {
  const s = rec(v);
  const c = rec(s.counts);
  const counts = {} as AccountSummary['counts'];
  for (const key of COUNT_KEYS) counts[key] = int(c[key], 0);
  return { counts, latestOrders: list(s.latestOrders, orderSummary) };
};

const wish = (v: unknown): Wish => {
  const w = rec(v);
  return {
    id: id(w.id),
    productId: id(w.productId),
    title: str(w.title),
    price: money(w.price),
    store: storeRef(w.store),
    available: bool(w.available),
    addedAt: time(w.addedAt),
  };
};

const favoriteStore = (v: unknown): FavoriteStore => {
  const s = rec(v);
  const rating = num(s.rating);
  if (rating < 0 || rating > 5) bad();
  return { id: id(s.id), name: str(s.name), rating, followers: int(s.followers, 0), country: code2(s.country), addedAt: time(s.addedAt) };
};

const COUPON_STATES: readonly CouponState[] = ['active', 'used', 'expired'];
const coupon = (v: unknown): Coupon => {
  const c = rec(v);
  const value = rec(c.value);
  const kind = oneOf(value.kind, ['money', 'percent'] as const);
  const percent = kind === 'percent' ? num(value.percent) : 0;
  if (kind === 'percent' && !(percent > 0 && percent <= 100)) bad();
  return {
    id: id(c.id),
    code: str(c.code),
    value: kind === 'money' ? { kind, money: money(value.money) } : { kind, percent },
    ...opt('minimumOrder', c.minimumOrder, money),
    expiresAt: time(c.expiresAt),
    state: oneOf(c.state, COUPON_STATES),
    ...opt('store', c.store, storeRef),
  };
};

const POINTS_REASONS: readonly PointsReason[] = ['order', 'review', 'redeemed', 'expired', 'bonus', 'refund'];
const pointsEntry = (v: unknown): PointsEntry => {
  const e = rec(v);
  return { id: id(e.id), at: time(e.at), delta: int(e.delta), reason: oneOf(e.reason, POINTS_REASONS), ...opt('orderNumber', e.orderNumber, str) };
};

const preferences = (v: unknown): Preferences => {
  const p = rec(v);
  return { country: code2(p.country), currency: code3(p.currency) };
};

const rates = (v: unknown): ExchangeRates => {
  const r = rec(v);
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(rec(r.rates))) {
    const rate = num(value);
    if (!(rate > 0)) bad();
    out[code3(key)] = rate;
  }
  return { base: code3(r.base), rates: out, asOf: time(r.asOf) };
};

const address = (v: unknown): ShippingAddress => {
  const a = rec(v);
  return { ...addressFields(a), id: id(a.id), isDefault: bool(a.isDefault), createdAt: time(a.createdAt), updatedAt: time(a.updatedAt) };
};

const profile = (v: unknown): AccountProfile => {
  const p = rec(v);
  const pending = p.pendingEmail === undefined || p.pendingEmail === null ? undefined : rec(p.pendingEmail);
  return {
    userId: id(p.userId),
    email: str(p.email),
    firstName: str(p.firstName),
    lastName: str(p.lastName),
    hasPassword: bool(p.hasPassword),
    createdAt: time(p.createdAt),
    ...(pending ? { pendingEmail: { email: str(pending.email), expiresAt: time(pending.expiresAt) } } : {}),
  };
};

const session = (v: unknown): AccountSession => {
  const s = rec(v);
  return {
    id: id(s.id),
    createdAt: time(s.createdAt),
    expiresAt: time(s.expiresAt),
    remember: bool(s.remember),
    current: bool(s.current),
    ...opt('device', s.device, str),
  };
};

const ended = (v: unknown): { endedSessions: number } => ({ endedSessions: int(rec(v).endedSessions, 0) });

const paymentsLink = (v: unknown): { url: string } => {
  const url = str(rec(v).url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return bad();
  }
  // A link out must be a web page: never javascript:, data: or the like.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') bad();
  return { url };
};

/** `?page=…&pageSize=…` and the other members of a query, in order, leaving out the absent ones. */
function queryOf(entries: [string, unknown][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
const pageEntries = (q: PageQuery | undefined): [string, unknown][] => [
  ['page', q?.page],
  ['pageSize', q?.pageSize],
];
const seg = (value: string): string => encodeURIComponent(String(value));

export function createHttpExtension(core: HttpCore): AccountCapability {
  /** One call whose 2xx answer is read by `read` (`what` names the shape in the `server` error). */
  async function get<T>(operation: string, method: HttpMethod, path: string, payload: unknown, o: CallOptions | undefined, what: string, read: (v: unknown) => T): Promise<T> {
    const result = await core.call(operation, method, path, payload, o?.signal);
    const data = core.parseJson(result.text);
    try {
      return read(data);
    } catch (error) {
      if (error instanceof Shape) throw core.malformed(what);
      throw error;
    }
  }
  async function act(operation: string, method: HttpMethod, path: string, payload: unknown, o: CallOptions | undefined): Promise<void> {
    const result = await core.call(operation, method, path, payload, o?.signal);
    core.expectNoResult(result.text);
  }

  return {
    getAccountSummary: (o) => get('getAccountSummary', 'GET', '/account/summary', undefined, o, 'an account summary', summary),
    listOrders: (q, o) =>
      get('listOrders', 'GET', `/account/orders${queryOf([['status', q?.status], ...pageEntries(q)])}`, undefined, o, 'a page of orders', page(orderSummary)),
    getOrder: (orderId, o) => get('getOrder', 'GET', `/account/orders/${seg(orderId)}`, undefined, o, 'an order', order),

    listWishes: (q, o) => get('listWishes', 'GET', `/account/wishes${queryOf(pageEntries(q))}`, undefined, o, 'a page of wishes', page(wish)),
    removeWish: (wishId, o) => act('removeWish', 'DELETE', `/account/wishes/${seg(wishId)}`, undefined, o),
    restoreWish: (wishId, o) => get('restoreWish', 'POST', `/account/wishes/${seg(wishId)}/restore`, undefined, o, 'a wish', wish),

    listFavoriteStores: (q, o) =>
      get('listFavoriteStores', 'GET', `/account/stores${queryOf(pageEntries(q))}`, undefined, o, 'a page of stores', page(favoriteStore)),
    removeFavoriteStore: (storeId, o) => act('removeFavoriteStore', 'DELETE', `/account/stores/${seg(storeId)}`, undefined, o),
    restoreFavoriteStore: (storeId, o) =>
      get('restoreFavoriteStore', 'POST', `/account/stores/${seg(storeId)}/restore`, undefined, o, 'a store', favoriteStore),

    listCoupons: (q, o) =>
      get('listCoupons', 'GET', `/account/coupons${queryOf([['state', q?.state], ...pageEntries(q)])}`, undefined, o, 'a page of coupons', page(coupon)),
    getPoints: (q, o) =>
      get('getPoints', 'GET', `/account/points${queryOf(pageEntries(q))}`, undefined, o, 'the points', (v) => {
        const p = rec(v);
        return { balance: int(p.balance, 0), history: page(pointsEntry)(p.history) };
      }),

    async getPreferences(o) {
      const result = await core.call('getPreferences', 'GET', '/account/preferences', undefined, o?.signal);
      if (result.status === 204) return null;
      try {
        return preferences(core.parseJson(result.text));
      } catch (error) {
        if (error instanceof Shape) throw core.malformed('the preferences');
        throw error;
      }
    },
    setPreferences: (p, o) =>
      get('setPreferences', 'PUT', '/account/preferences', { country: p.country, currency: p.currency }, o, 'the preferences', preferences),
    getExchangeRates: (base, o) =>
      get('getExchangeRates', 'GET', `/account/exchange-rates${queryOf([['base', base]])}`, undefined, o, 'exchange rates', rates),

    listAddresses: (o) => get('listAddresses', 'GET', '/account/addresses', undefined, o, 'a list of addresses', (v) => list(rec(v).items, address)),
    saveAddress(input, o) {
      const body: Json = {};
      for (const field of ADDRESS_FIELDS) body[field] = input[field];
      if (input.makeDefault !== undefined) body.makeDefault = input.makeDefault;
      if (o?.password !== undefined) body.password = o.password;
      return input.id === undefined
        ? get('addAddress', 'POST', '/account/addresses', body, o, 'an address', address)
        : get('updateAddress', 'PUT', `/account/addresses/${seg(input.id)}`, body, o, 'an address', address);
    },
    deleteAddress: (addressId, o) => act('deleteAddress', 'DELETE', `/account/addresses/${seg(addressId)}`, undefined, o),
    setDefaultAddress: (addressId, o) => act('setDefaultAddress', 'POST', `/account/addresses/${seg(addressId)}/default`, undefined, o),

    getProfile: (o) => get('getProfile', 'GET', '/account/profile', undefined, o, 'a profile', profile),
    updateProfile: (input, o) =>
      get('updateProfile', 'PATCH', '/account/profile', { firstName: input.firstName, lastName: input.lastName }, o, 'a session', (v) => core.sessionFrom(v)),
    requestEmailChange: (input, o) =>
      act('requestEmailChange', 'POST', '/account/email-change', { newEmail: input.newEmail, password: input.password }, o),
    confirmEmailChange: (token, o) =>
      get('confirmEmailChange', 'POST', '/account/email-change/confirm', { token }, o, 'a session', (v) => core.sessionFrom(v)),
    changePassword: (input, o) =>
      get(
        'changePassword',
        'POST',
        '/account/password',
        { currentPassword: input.currentPassword, newPassword: input.newPassword, signOutOthers: input.signOutOthers },
        o,
        'a password change result',
        ended,
      ),

    listSessions: (o) => get('listSessions', 'GET', '/account/sessions', undefined, o, 'a list of sessions', (v) => list(rec(v).items, session)),
    signOutOtherSessions: (o) => get('signOutOtherSessions', 'POST', '/account/sessions/sign-out-others', undefined, o, 'a sign-out result', ended),
    endSession: (sessionId, o) => act('endSession', 'DELETE', `/account/sessions/${seg(sessionId)}`, undefined, o),

    getPaymentsLink: (o) => get('getPaymentsLink', 'GET', '/account/payments-link', undefined, o, 'a payments link', paymentsLink),
  };
}

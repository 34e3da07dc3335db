/**
 * The account capability of the backend contract: the buyer's account (issue 18). Part of {@link AuthAdapter} (see types.ts);
 * `MemoryAdapter` implements it in memory-account.ts, `HttpAdapter` in http-account.ts (REST under `/account/*`,
 * openapi/account.openapi.yaml).
 *
 * Rules shared by every call:
 * - Every call needs a signed-in person: signed out, it rejects `forbidden`. The one exception is
 *   {@link AccountCapability.confirmEmailChange}: its token (from a letter to the new address) is the credential,
 *   so the link works in a mail app's browser too.
 * - Money is {@link Money}: an integer `amount` in the currency's minor units and an ISO 4217 `currency`
 *   (`{ amount: 1999, currency: 'EUR' }` is 19.99 €). The account never converts: every price is in the currency
 *   the store charged; the UI converts with {@link AccountCapability.getExchangeRates}.
 * - Times are epoch ms. Countries are ISO 3166-1 alpha-2 codes (`'BG'`), currencies ISO 4217 codes (`'EUR'`).
 * - Lists are paged: {@link PageQuery} in (`page` 1-based, default 1; `pageSize` default 20, at most 100), a
 *   {@link Page} out. A page past the end is an empty `items` with the true `total`.
 * - A rejected input is `validation` with `fieldErrors` (a code per field, the codes of src/validation where a
 *   rule is shared: `name.cyrillic`, `password.tooShort`, `password.common`, `email.invalid`…); a record that is
 *   not there (or not the person's) is `not_found`; a wrong password is `invalid_credentials` with
 *   `field` naming the password field; too many wrong passwords `rate_limited` with `retryAfter`.
 * - Data are data, not UI strings: product titles and store names come as the store wrote them; statuses, reasons
 *   and kinds are codes for the UI to word.
 * - Conversations (the message center) belong to the support capability (support-types.ts), not to this one.
 *
 * `MemoryAdapter` options this capability reads (all optional):
 * - `longTimeBuyers: string[]`: e-mail addresses whose profiles get a long-time buyer's history (dozens of
 *   orders in every status across several stores and currencies, wishes, stores, coupons, points). The address
 *   `ivan.petrov@example.com` always does (the demo's buyer, made through the `users` option). Everyone else
 *   starts as a new buyer: empty lists, no preferences.
 * - `paymentsUrl: string`: what {@link AccountCapability.getPaymentsLink} answers. Default
 *   `'https://payments.example.com/account'` (a placeholder).
 * - `emailChangeUrl: string | ((token: string) => string)`: where the e-mail change confirmation link points,
 *   read like `activationUrl` (`#token=…` in the fragment). Same default as `activationUrl`.
 * - `emailChangeTtlMs: number`: how long that link works. Default 24 hours.
 * - `addressReauth: 'new' | 'always' | 'never'`: when {@link AccountCapability.saveAddress} wants the password
 *   again: `'new'` (the default: adding an address, not editing one), `'always'` (editing too), `'never'`.
 * - `reauthWindowMs: number`: after a correct password, further calls of the same session do not ask again for
 *   this long. Default 5 minutes; 0 asks every time.
 * - `accountPageSizeMax: number`: the largest page. Default 100.
 */
import type { CallOptions, Session } from './types.js';

/** An amount of money: `amount` in the currency's minor units (an integer: cents, stotinki, kopecks), `currency` ISO 4217. */
export interface Money {
  amount: number;
  currency: string;
}

/** Which page of a list. */
export interface PageQuery {
  /** 1-based. Default 1. */
  page?: number;
  /** Default 20, at most 100 (a larger one rejects `validation`, `fieldErrors.pageSize = 'page.size'`). */
  pageSize?: number;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** The page given (1-based). */
  page: number;
  pageSize: number;
  /** How many items the whole list has (after filters). */
  total: number;
}

/**
 * Where an order stands. The usual life: `awaiting_payment` → `awaiting_shipment` → `shipped` → `delivered`
 * (on its way to the door; "confirm receipt") → `awaiting_review` (received, the buyer may rate it) →
 * `completed`. Off the path: `dispute` (the buyer opened one: not received, not as described), `cancelled`.
 */
export type OrderStatus =
  | 'awaiting_payment'
  | 'awaiting_shipment'
  | 'shipped'
  | 'delivered'
  | 'awaiting_review'
  | 'completed'
  | 'dispute'
  | 'cancelled';

/** Every {@link OrderStatus}, in the order of an order's life (for filters). */
export const ORDER_STATUSES = [
  'awaiting_payment',
  'awaiting_shipment',
  'shipped',
  'delivered',
  'awaiting_review',
  'completed',
  'dispute',
  'cancelled',
] as const satisfies readonly OrderStatus[];

/**
 * The statuses each count of {@link AccountSummary} counts: the overview's link into "My orders" filters by
 * exactly these (`listOrders({ status: SUMMARY_STATUSES.shipping })`).
 */
export const SUMMARY_STATUSES = {
  awaitingPayment: ['awaiting_payment'],
  shipping: ['awaiting_shipment', 'shipped', 'delivered'],
  awaitingReview: ['awaiting_review'],
  disputes: ['dispute'],
} as const satisfies Record<string, readonly OrderStatus[]>;

/** A store (seller) as an order or a wish names it. */
export interface StoreRef {
  id: string;
  /** As the store writes it (Latin). */
  name: string;
}

/** An order as the list shows it. */
export interface OrderSummary {
  id: string;
  /** What the buyer reads and quotes to support (`'1000-4821-7730'`). */
  number: string;
  status: OrderStatus;
  /** When it was placed. */
  placedAt: number;
  /** When the status last changed. */
  updatedAt: number;
  store: StoreRef;
  /** What the buyer pays (or paid), in the store's currency. */
  total: Money;
  /** How many pieces (sum of the quantities). */
  itemCount: number;
  /** The first item's title, for the list's line. */
  firstItemTitle: string;
}

/** One line of an order. */
export interface OrderItem {
  id: string;
  productId: string;
  /** As the store wrote it. */
  title: string;
  /** The chosen variant (`'Black, 256 GB'`), as the store wrote it; absent when there is none. */
  variant?: string;
  quantity: number;
  unitPrice: Money;
  /** `unitPrice.amount × quantity`. */
  total: Money;
}

/** Where an order goes and how it gets there. */
export interface OrderDelivery {
  /** `'standard'`, `'express'` or `'pickup'` (a pickup point or locker). */
  method: 'standard' | 'express' | 'pickup';
  /** The carrier as it names itself (`'Econt'`, `'DHL Express'`); absent before shipping. */
  carrier?: string;
  /** The carrier's tracking number; absent before shipping. */
  trackingNumber?: string;
  /** The address the order ships to, as it was when the order was placed. */
  address: AddressFields;
  shippedAt?: number;
  /** The expected arrival (for orders not delivered yet, once shipped). */
  estimatedAt?: number;
  deliveredAt?: number;
}

/** An order with everything the detail view shows. */
export interface Order extends OrderSummary {
  items: OrderItem[];
  delivery: OrderDelivery;
  totals: {
    /** Sum of the items. */
    items: Money;
    shipping: Money;
    /** What coupons and store discounts took off (a positive amount; 0 when none). */
    discount: Money;
    /** `items + shipping − discount`; equals `total`. */
    total: Money;
  };
  /** When it was paid; absent while `awaiting_payment` (and for an order cancelled before payment). */
  paidAt?: number;
}

/** What `listOrders` takes. */
export interface OrderQuery extends PageQuery {
  /** Only orders in this status (or in one of these). Default: every status. */
  status?: OrderStatus | readonly OrderStatus[];
}

/** The overview of "My account". */
export interface AccountSummary {
  counts: {
    /** Orders `awaiting_payment`. */
    awaitingPayment: number;
    /** Orders on their way: see {@link SUMMARY_STATUSES}.shipping. */
    shipping: number;
    /** Orders `awaiting_review`. */
    awaitingReview: number;
    /** Orders in `dispute`. */
    disputes: number;
    /** Saved products. */
    wishes: number;
    /** Favorite stores. */
    stores: number;
    /** Coupons that can be used now (not used, not expired). */
    coupons: number;
    /** The points balance. */
    points: number;
  };
  /** The five most recent orders, newest first (any status). */
  latestOrders: OrderSummary[];
}

/** A saved product ("My wishes"). */
export interface Wish {
  /** The wish's id (what `removeWish`/`restoreWish` take). */
  id: string;
  productId: string;
  title: string;
  /** Its price now, in the store's currency. */
  price: Money;
  store: StoreRef;
  /** False when the product cannot be bought now (sold out, withdrawn). */
  available: boolean;
  addedAt: number;
}

/** A saved seller ("Favorite stores"). */
export interface FavoriteStore {
  /** The store's id (what `removeFavoriteStore`/`restoreFavoriteStore` take). */
  id: string;
  name: string;
  /** The store's rating, 0 to 5 with one decimal (`4.8`). */
  rating: number;
  /** How many buyers follow it. */
  followers: number;
  /** Where it ships from (ISO 3166-1 alpha-2). */
  country: string;
  addedAt: number;
}

/** What a coupon takes off: a sum, or a percentage of the order. */
export type CouponValue = { kind: 'money'; money: Money } | { kind: 'percent'; percent: number };

/** Whether a coupon can be used: computed on the server's clock at the call. */
export type CouponState = 'active' | 'used' | 'expired';

/** A coupon ("My coupons"). */
export interface Coupon {
  id: string;
  /** What the buyer types at checkout (`'SPRING-5OFF'`). */
  code: string;
  value: CouponValue;
  /** The smallest order it applies to; absent when any order does. */
  minimumOrder?: Money;
  /** When it stops working. */
  expiresAt: number;
  state: CouponState;
  /** The store that gave it; absent for the marketplace's own coupons (valid in every store). */
  store?: StoreRef;
}

/** What `listCoupons` takes. */
export interface CouponQuery extends PageQuery {
  /** Only coupons in this state. Default `'active'`. Active ones come soonest expiry first, the others latest first. */
  state?: CouponState;
}

/** Why the points balance changed. */
export type PointsReason = 'order' | 'review' | 'redeemed' | 'expired' | 'bonus' | 'refund';

/** One change of the points balance. */
export interface PointsEntry {
  id: string;
  at: number;
  /** Points added (positive) or taken (negative); an integer. */
  delta: number;
  reason: PointsReason;
  /** The order it belongs to (`order`, `review`, `redeemed`, `refund`). */
  orderNumber?: string;
}

/** "My points": the balance and one page of its history, newest first. */
export interface PointsInfo {
  /** An integer, never negative. */
  balance: number;
  history: Page<PointsEntry>;
}

/** Location and currency. */
export interface Preferences {
  /** Where the buyer lives and orders to (ISO 3166-1 alpha-2, upper case). */
  country: string;
  /** The currency prices are shown in (ISO 4217, one of {@link ExchangeRates}' currencies). */
  currency: string;
}

/** Conversion rates, as the marketplace quotes them. */
export interface ExchangeRates {
  /** The currency the rates are of. */
  base: string;
  /** Units of each currency per one unit of `base` (`rates.BGN` 1.95583 for `base` `'EUR'`); `rates[base]` is 1. Its keys are every currency the marketplace shows prices in. */
  rates: Record<string, number>;
  /** When the rates were fixed. */
  asOf: number;
}

/**
 * The fields of a shipping address, in Latin letters (international shipping). The validation is per
 * country (the schema of src/validation/address*.ts, the same one `<ae-address-form>` runs); field codes in
 * `fieldErrors` use these names.
 */
export interface AddressFields {
  /** The recipient's full name (`autocomplete="name"`). */
  name: string;
  /** In international form, E.164 (`'+359888123456'`) (`tel`). */
  phone: string;
  /** ISO 3166-1 alpha-2 (`country`). */
  country: string;
  /** Region, province, oblast, state (`address-level1`); '' where the country has none required. */
  region: string;
  /** City, town, village (`address-level2`). */
  city: string;
  /** Street and number (`address-line1`). */
  street: string;
  /** Apartment, entrance, floor (`address-line2`); '' for none. */
  apartment: string;
  /** In the country's format (BG 4 digits, RU 6, UA 5…) (`postal-code`). */
  postalCode: string;
}

/** A saved shipping address. */
export interface ShippingAddress extends AddressFields {
  id: string;
  /** Exactly one saved address is the default (the first one saved is). */
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What `saveAddress` takes: a new address (no `id`) or the new fields of a saved one (its `id`). */
export interface AddressInput extends AddressFields {
  /** The saved address to change; absent to add one. */
  id?: string;
  /** Make it the default. A first address is the default anyway. */
  makeDefault?: boolean;
}

/** The options of `saveAddress`: the call's and, when the adapter asked for it, the password. */
export interface SaveAddressOptions extends CallOptions {
  /** The person's password, sent after `reauth_required`. Never kept. */
  password?: string;
}

/** At most this many saved addresses (a sixth rejects `validation` with `fieldErrors.addresses = 'address.limit'`). */
export const MAX_ADDRESSES = 5;

/** The person's profile, as "Profile and security" shows it. */
export interface AccountProfile {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  /** False for a profile made through a social account only: no current password to ask for. */
  hasPassword: boolean;
  createdAt: number;
  /** An e-mail change waiting for its confirmation letter's link; absent when none. */
  pendingEmail?: { email: string; expiresAt: number };
}

/** What `updateProfile` takes: Latin names, the registration's rules (`nameSchema`). */
export interface ProfileInput {
  firstName: string;
  lastName: string;
}

/** What `requestEmailChange` takes. */
export interface EmailChangeInput {
  newEmail: string;
  /** The current password (`invalid_credentials`, `field: 'password'` when wrong). Never kept. */
  password: string;
}

/** What `changePassword` takes. */
export interface PasswordChangeInput {
  /** The current one (`invalid_credentials`, `field: 'currentPassword'` when wrong); ignored when the profile has none. */
  currentPassword: string;
  /** The registration's rules (`passwordSchema`), not a common password, not the current one. */
  newPassword: string;
  /** End every other session of the profile (this device stays signed in). */
  signOutOthers: boolean;
}

/** An active session, as "active sessions" lists it. `id` is public, not the session's secret. */
export interface AccountSession {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** "Stay signed in". */
  remember: boolean;
  /** This device's session. */
  current: boolean;
  /** What the device called itself (`'Chrome on Linux'`); absent when it did not say. */
  device?: string;
}

/** Account calls. */
export interface AccountCapability {
  /** The overview: counts and the latest orders. */
  getAccountSummary(o?: CallOptions): Promise<AccountSummary>;
  /**
   * The person's orders, newest first, paged, optionally of some statuses only. An unknown status rejects
   * `validation` (`fieldErrors.status = 'order.status'`).
   */
  listOrders(query?: OrderQuery, o?: CallOptions): Promise<Page<OrderSummary>>;
  /** One order with its items, delivery and totals. Rejects `not_found` (also for another person's order). */
  getOrder(orderId: string, o?: CallOptions): Promise<Order>;

  /** Saved products, newest first. */
  listWishes(query?: PageQuery, o?: CallOptions): Promise<Page<Wish>>;
  /** Removes a saved product. `restoreWish` undoes it (back at its place). Rejects `not_found`. */
  removeWish(wishId: string, o?: CallOptions): Promise<void>;
  /** Undoes `removeWish` (within a day of it). Resolves the wish. Rejects `not_found` when it was not removed. */
  restoreWish(wishId: string, o?: CallOptions): Promise<Wish>;

  /** Favorite stores, newest first. */
  listFavoriteStores(query?: PageQuery, o?: CallOptions): Promise<Page<FavoriteStore>>;
  /** Removes a favorite store. `restoreFavoriteStore` undoes it. Rejects `not_found`. */
  removeFavoriteStore(storeId: string, o?: CallOptions): Promise<void>;
  /** Undoes `removeFavoriteStore` (within a day of it). Resolves the store. Rejects `not_found` when it was not removed. */
  restoreFavoriteStore(storeId: string, o?: CallOptions): Promise<FavoriteStore>;

  /** Coupons in one state (default: usable now, soonest expiry first). */
  listCoupons(query?: CouponQuery, o?: CallOptions): Promise<Page<Coupon>>;
  /** The points balance and a page of its history. */
  getPoints(query?: PageQuery, o?: CallOptions): Promise<PointsInfo>;

  /** Location and currency, or `null` while the person has not chosen (the UI proposes defaults from the locale). */
  getPreferences(o?: CallOptions): Promise<Preferences | null>;
  /**
   * Saves location and currency. Rejects `validation`: `fieldErrors.country = 'country.invalid'` (not an
   * ISO 3166-1 alpha-2 code), `fieldErrors.currency = 'currency.unsupported'` (not one of the rates' currencies).
   */
  setPreferences(preferences: Preferences, o?: CallOptions): Promise<Preferences>;
  /** Conversion rates from `base` (default `'EUR'`) to every currency the marketplace shows. An unsupported base rejects `validation` (`fieldErrors.base`). */
  getExchangeRates(base?: string, o?: CallOptions): Promise<ExchangeRates>;

  /** The saved shipping addresses, the default first, then oldest first. */
  listAddresses(o?: CallOptions): Promise<ShippingAddress[]>;
  /**
   * Adds (no `id`) or changes (an `id`) an address; resolves it as saved (its fields normalized: trimmed, the
   * phone in E.164, the country upper case). Rejects:
   * - `reauth_required` when the adapter wants the password again (by default when adding one) and
   *   `o.password` is missing; `invalid_credentials` (`field: 'password'`) when it is wrong;
   * - `validation` with `fieldErrors` per field (the address schema, per country), or
   *   `fieldErrors.addresses = 'address.limit'` for a sixth address ({@link MAX_ADDRESSES});
   * - `not_found` for an unknown `id`.
   */
  saveAddress(address: AddressInput, o?: SaveAddressOptions): Promise<ShippingAddress>;
  /** Removes an address. Removing the default makes the oldest remaining one the default. Rejects `not_found`. */
  deleteAddress(addressId: string, o?: CallOptions): Promise<void>;
  /** Makes an address the default (the others lose it). Rejects `not_found`. */
  setDefaultAddress(addressId: string, o?: CallOptions): Promise<void>;

  /** The person's profile (names, e-mail, a pending e-mail change, whether it has a password). */
  getProfile(o?: CallOptions): Promise<AccountProfile>;
  /** Changes the names (Latin: `validation` with `name.*` codes as at registration). Resolves the updated session. */
  updateProfile(input: ProfileInput, o?: CallOptions): Promise<Session>;
  /**
   * Starts an e-mail change: checks the password, then sends a letter (kind `email-change`) with a confirmation
   * link to the NEW address and a notice without a link to the current one; nothing changes until
   * `confirmEmailChange`. A newer request voids the older link. Rejects `validation` (`fieldErrors.newEmail`:
   * `email.*`, or `email.same` for the current address), `email_taken` (`field: 'newEmail'`),
   * `invalid_credentials` (`field: 'password'`), `rate_limited`.
   */
  requestEmailChange(input: EmailChangeInput, o?: CallOptions): Promise<void>;
  /**
   * Confirms an e-mail change with the token of its letter and resolves the updated session (the person's, also
   * when called signed out). Rejects `token_invalid`, `token_expired`, `token_used`, `email_taken` (the address
   * was taken meanwhile).
   */
  confirmEmailChange(token: string, o?: CallOptions): Promise<Session>;
  /**
   * Changes the password. Rejects `invalid_credentials` (`field: 'currentPassword'`), `validation`
   * (`fieldErrors.newPassword`: the `password.*` codes of registration, `password.common`, `password.same`),
   * `rate_limited`. Resolves how many other sessions it ended (0 unless `signOutOthers`).
   */
  changePassword(input: PasswordChangeInput, o?: CallOptions): Promise<{ endedSessions: number }>;

  /** The profile's live sessions on every device, this one first, then newest first. */
  listSessions(o?: CallOptions): Promise<AccountSession[]>;
  /** Ends every session of the profile but this device's; resolves how many ended. */
  signOutOtherSessions(o?: CallOptions): Promise<{ endedSessions: number }>;
  /** Ends one session by its id (this device's too: that signs this device out). Rejects `not_found`. */
  endSession(sessionId: string, o?: CallOptions): Promise<void>;

  /** The payment provider's own page for cards and payment methods (this library never handles card data). */
  getPaymentsLink(o?: CallOptions): Promise<{ url: string }>;
}

/** The methods that make the account capability (what `requireCapability` checks and the adapters route). */
export const ACCOUNT_METHODS = [
  'getAccountSummary',
  'listOrders',
  'getOrder',
  'listWishes',
  'removeWish',
  'restoreWish',
  'listFavoriteStores',
  'removeFavoriteStore',
  'restoreFavoriteStore',
  'listCoupons',
  'getPoints',
  'getPreferences',
  'setPreferences',
  'getExchangeRates',
  'listAddresses',
  'saveAddress',
  'deleteAddress',
  'setDefaultAddress',
  'getProfile',
  'updateProfile',
  'requestEmailChange',
  'confirmEmailChange',
  'changePassword',
  'listSessions',
  'signOutOtherSessions',
  'endSession',
  'getPaymentsLink',
] as const satisfies readonly (keyof AccountCapability)[];

/** Compile-time check: {@link ACCOUNT_METHODS} names every method of {@link AccountCapability}. */
type MissingAccountMethods = Exclude<keyof AccountCapability, (typeof ACCOUNT_METHODS)[number]>;
export const ACCOUNT_METHODS_COMPLETE: MissingAccountMethods extends never ? true : never = true;

/**
 * `MemoryAdapter`'s account capability (see memory-core.ts and account-types.ts): loaded on the first call of
 * one of its methods, its own chunk with the seeded data (account-seed.ts).
 *
 * It behaves like a good server: every call goes through `core.enter` (latency, abort, `failNext`), needs the
 * signed-in person (`forbidden`), checks its input (`validation` with a code per field), pages its lists, and
 * keeps every record in `core.shared` (so every device of the adapter sees the same account and `reset()`
 * forgets it). What it hands out are copies.
 */
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { isCommonPassword } from '../validation/common-passwords.js';
import { validateRegistrationField } from '../validation/validate.js';
import { ADDRESS_FIELDS, normalizeAddress, validateAddress } from '../validation/address.js';
import type { MemoryCore, MemoryCoreUser } from './memory-core.js';
import type { Session } from './types.js';
import {
  MAX_ADDRESSES,
  ORDER_STATUSES,
  type AccountCapability,
  type AccountProfile,
  type AccountSession,
  type AddressFields,
  type AddressInput,
  type Coupon,
  type CouponState,
  type FavoriteStore,
  type Order,
  type OrderStatus,
  type OrderSummary,
  type Page,
  type PageQuery,
  type ShippingAddress,
  type Wish,
} from './account-types.js';
import { DEMO_LONG_TIME_BUYER, EUR_RATES, longTimeBuyerSeed, newBuyerSeed, type AccountSeed } from './account-seed.js';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** How long a removed wish or store can be restored. */
export const UNDO_MS = DAY;
/** Wrong passwords (re-authentication, e-mail and password change) of one profile before `rate_limited`. */
export const PASSWORD_FAILURE_LIMIT = 5;
/** The window those failures count in, and how long the lock lasts after the fifth. */
export const PASSWORD_FAILURE_WINDOW_MS = 15 * MINUTE;
const DEFAULT_PAGE_SIZE = 20;
const DEFAULTS = {
  paymentsUrl: 'https://payments.example.com/account',
  emailChangeTtlMs: DAY,
  addressReauth: 'new' as 'new' | 'always' | 'never',
  reauthWindowMs: 5 * MINUTE,
  accountPageSizeMax: 100,
  resendCooldownMs: 60_000,
};
const MAX_TOKEN_LENGTH = 512;
const COUPON_STATES: readonly CouponState[] = ['active', 'used', 'expired'];

interface AccountRecord extends Omit<AccountSeed, 'coupons'> {
  coupons: AccountSeed['coupons'];
  removedWishes: Map<string, { wish: Wish; at: number }>;
  removedStores: Map<string, { store: FavoriteStore; at: number }>;
  pendingEmail?: { email: string; expiresAt: number; hash: string };
  lastEmailChangeAt?: number;
  /** Wrong passwords: how many, since when. */
  failures?: { count: number; since: number };
  /** Session public id → until when a typed password counts as fresh. */
  reauthUntil: Map<string, number>;
}

interface EmailToken {
  userId: string;
  email: string;
  expiresAt: number;
  spentAt?: number;
}

/** The server state of this module, in `core.shared`. */
interface AccountServer {
  records: Map<string, AccountRecord>;
  /** SHA-256 of an e-mail change token → its record (never the token). */
  emailTokens: Map<string, EmailToken>;
}

/** The letter to the new address, in the UI language at sending time. */
function emailChangeLetter(firstName: string, email: string, link: string): { subject: string; text: string } {
  return {
    subject: msg('Confirm your new e-mail address', {
      id: 'accountLetter.emailChange.subject',
      desc: 'Subject of the letter sent to a new e-mail address the person wants for their profile ("Profile and security").',
    }),
    text: msg(
      str`Hello, ${firstName}!\n\nYou asked to use ${email} for your profile. To confirm the new address, open this link:\n${link}\n\nUntil you do, your profile keeps its current address. If you did not ask for it, ignore this letter.`,
      {
        id: 'accountLetter.emailChange.text',
        desc: 'Plain text of the e-mail change confirmation letter. firstName is the person\'s first name (Latin letters); email is the new address; link is the confirmation link. Keep the line breaks.',
      },
    ),
  };
}

/** The notice to the current address (OWASP: tell the old address about a change of address). */
function emailChangeNotice(firstName: string, email: string): { subject: string; text: string } {
  return {
    subject: msg('Your e-mail address is about to change', {
      id: 'accountLetter.emailChangeNotice.subject',
      desc: 'Subject of the notice sent to the CURRENT address when someone asks to move the profile to a new address.',
    }),
    text: msg(
      str`Hello, ${firstName}!\n\nSomeone signed in to your profile asked to change its e-mail address to ${email}. The change happens only when the link sent to that address is opened.\n\nIf it was not you, change your password and sign out of all other devices in "Profile and security".`,
      {
        id: 'accountLetter.emailChangeNotice.text',
        desc: 'Plain text of the notice to the current address about an e-mail change. firstName is the person\'s first name (Latin letters); email is the requested new address. "Profile and security" is the account panel\'s section name. Keep the line breaks.',
      },
    ),
  };
}

// ---- Address validation: the shared schema, the one `<ae-address-form>` runs ----

/** A code per failing field (the address schema of src/validation/address.ts, in the address's country's rules). */
function addressErrors(values: AddressFields): Record<string, string> {
  const issues = validateAddress(values);
  const errors: Record<string, string> = {};
  for (const [field, issue] of Object.entries(issues)) if (issue) errors[field] = issue.code;
  return errors;
}

/** The members as strings (a missing or non-string member is ''), the country trimmed and upper case. */
function addressValues(input: Partial<AddressFields>): AddressFields {
  const out = {} as AddressFields;
  for (const field of ADDRESS_FIELDS) out[field] = typeof input[field] === 'string' ? input[field] : '';
  out.country = out.country.trim().toUpperCase();
  return out;
}

// ---- helpers ----

function copy<T>(value: T): T {
  return structuredClone(value);
}

function isRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || ['EU', 'EZ', 'UN', 'ZZ', 'QO', 'AA'].includes(code)) return false;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

function summaryOf(order: Order): OrderSummary {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    store: { ...order.store },
    total: { ...order.total },
    itemCount: order.itemCount,
    firstItemTitle: order.firstItemTitle,
  };
}

function couponState(coupon: AccountSeed['coupons'][number], now: number): CouponState {
  if (coupon.used) return 'used';
  return coupon.expiresAt <= now ? 'expired' : 'active';
}

export function createMemoryExtension(core: MemoryCore): AccountCapability {
  const option = <K extends keyof typeof DEFAULTS>(key: K): (typeof DEFAULTS)[K] => {
    const value = core.options[key];
    return (value === undefined ? DEFAULTS[key] : value) as (typeof DEFAULTS)[K];
  };
  const server = (): AccountServer => core.shared<AccountServer>('account', () => ({ records: new Map(), emailTokens: new Map() }));

  const longTime = (email: string): boolean => {
    const list = core.options.longTimeBuyers;
    const wanted = [DEMO_LONG_TIME_BUYER, ...(Array.isArray(list) ? list : [])].map((e) => String(e).trim().toLowerCase());
    return wanted.includes(email.trim().toLowerCase());
  };

  /** The account of a profile, seeded on first use. */
  const recordOf = (user: MemoryCoreUser): AccountRecord => {
    const records = server().records;
    let record = records.get(user.userId);
    if (!record) {
      const seed = longTime(user.email) ? longTimeBuyerSeed(user.userId, core.now(), `${user.firstName} ${user.lastName}`.trim()) : newBuyerSeed();
      record = { ...seed, removedWishes: new Map(), removedStores: new Map(), reauthUntil: new Map() };
      records.set(user.userId, record);
    }
    return record;
  };

  const validation = (fieldErrors: Record<string, string>, message = 'Some fields are invalid') =>
    core.error('validation', message, { field: Object.keys(fieldErrors)[0], fieldErrors });

  /** The start of every call but `confirmEmailChange`: enter, then the signed-in person. */
  const begin = async (method: string, signal: AbortSignal | undefined): Promise<{ user: MemoryCoreUser; record: AccountRecord }> => {
    await core.enter(method, signal);
    const user = core.currentUser();
    if (!user) throw core.error('forbidden', 'Sign in first');
    return { user, record: recordOf(user) };
  };

  const page = <T>(list: readonly T[], query: PageQuery | undefined): Page<T> => {
    const number = query?.page ?? 1;
    const size = query?.pageSize ?? DEFAULT_PAGE_SIZE;
    const errors: Record<string, string> = {};
    if (!Number.isInteger(number) || number < 1) errors.page = 'page.invalid';
    if (!Number.isInteger(size) || size < 1 || size > option('accountPageSizeMax')) errors.pageSize = 'page.size';
    if (Object.keys(errors).length) throw validation(errors, 'The page or the page size is not one');
    const start = (number - 1) * size;
    return { items: list.slice(start, start + size).map(copy), page: number, pageSize: size, total: list.length };
  };

  const sessionIdOf = (user: MemoryCoreUser): string | undefined => core.sessionsOf(user.userId).find((s) => s.current)?.id;

  /** Checks a typed password (counted; `rate_limited` after too many) and opens the re-authentication window. */
  const checkPassword = async (user: MemoryCoreUser, record: AccountRecord, password: unknown, field: string): Promise<void> => {
    const now = core.now();
    if (record.failures && now - record.failures.since >= PASSWORD_FAILURE_WINDOW_MS) record.failures = undefined;
    if (record.failures && record.failures.count >= PASSWORD_FAILURE_LIMIT) {
      const retryAfter = Math.max(1, Math.ceil((record.failures.since + PASSWORD_FAILURE_WINDOW_MS - now) / 1000));
      throw core.error('rate_limited', 'Too many wrong passwords', { retryAfter });
    }
    const ok = await core.verifyPassword(user.userId, typeof password === 'string' ? password : '');
    if (!ok) {
      record.failures = record.failures ? { count: record.failures.count + 1, since: record.failures.since } : { count: 1, since: now };
      throw core.error('invalid_credentials', 'The password is wrong', { field });
    }
    record.failures = undefined;
    const sessionId = sessionIdOf(user);
    if (sessionId) record.reauthUntil.set(sessionId, core.now() + option('reauthWindowMs'));
  };

  const sessionOf = (user: MemoryCoreUser): Session => ({
    userId: user.userId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
  });

  const pendingOf = (record: AccountRecord): AccountRecord['pendingEmail'] => {
    const pending = record.pendingEmail;
    if (!pending) return undefined;
    const token = server().emailTokens.get(pending.hash);
    if (!token || token.spentAt !== undefined || core.now() >= pending.expiresAt) return undefined;
    return pending;
  };

  const ordered = (list: ShippingAddress[]): ShippingAddress[] =>
    [...list].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.createdAt - b.createdAt);

  return {
    async getAccountSummary(o) {
      const { record } = await begin('getAccountSummary', o?.signal);
      const now = core.now();
      const count = (...statuses: OrderStatus[]) => record.orders.filter((order) => statuses.includes(order.status)).length;
      return {
        counts: {
          awaitingPayment: count('awaiting_payment'),
          shipping: count('awaiting_shipment', 'shipped', 'delivered'),
          awaitingReview: count('awaiting_review'),
          disputes: count('dispute'),
          wishes: record.wishes.length,
          stores: record.stores.length,
          coupons: record.coupons.filter((c) => couponState(c, now) === 'active').length,
          points: Math.max(0, record.points.reduce((sum, entry) => sum + entry.delta, 0)),
        },
        latestOrders: record.orders.slice(0, 5).map(summaryOf),
      };
    },

    async listOrders(query, o) {
      const { record } = await begin('listOrders', o?.signal);
      const raw = query?.status;
      const statuses: readonly unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (statuses.some((s) => !(ORDER_STATUSES as readonly unknown[]).includes(s))) {
        throw validation({ status: 'order.status' }, 'Unknown order status');
      }
      const list = statuses.length ? record.orders.filter((order) => statuses.includes(order.status)) : record.orders;
      return page(list.map(summaryOf), query);
    },

    async getOrder(orderId, o) {
      const { record } = await begin('getOrder', o?.signal);
      const order = record.orders.find((x) => x.id === orderId);
      if (!order) throw core.error('not_found', 'No such order');
      return copy(order);
    },

    async listWishes(query, o) {
      const { record } = await begin('listWishes', o?.signal);
      return page(record.wishes, query);
    },

    async removeWish(wishId, o) {
      const { record } = await begin('removeWish', o?.signal);
      const index = record.wishes.findIndex((w) => w.id === wishId);
      if (index < 0) throw core.error('not_found', 'No such wish');
      const [wish] = record.wishes.splice(index, 1);
      record.removedWishes.set(wish.id, { wish, at: core.now() });
    },

    async restoreWish(wishId, o) {
      const { record } = await begin('restoreWish', o?.signal);
      const removed = record.removedWishes.get(wishId);
      if (!removed || core.now() - removed.at > UNDO_MS) throw core.error('not_found', 'Nothing to restore');
      record.removedWishes.delete(wishId);
      record.wishes.push(removed.wish);
      record.wishes.sort((a, b) => b.addedAt - a.addedAt);
      return copy(removed.wish);
    },

    async listFavoriteStores(query, o) {
      const { record } = await begin('listFavoriteStores', o?.signal);
      return page(record.stores, query);
    },

    async removeFavoriteStore(storeId, o) {
      const { record } = await begin('removeFavoriteStore', o?.signal);
      const index = record.stores.findIndex((s) => s.id === storeId);
      if (index < 0) throw core.error('not_found', 'No such favorite store');
      const [store] = record.stores.splice(index, 1);
      record.removedStores.set(store.id, { store, at: core.now() });
    },

    async restoreFavoriteStore(storeId, o) {
      const { record } = await begin('restoreFavoriteStore', o?.signal);
      const removed = record.removedStores.get(storeId);
      if (!removed || core.now() - removed.at > UNDO_MS) throw core.error('not_found', 'Nothing to restore');
      record.removedStores.delete(storeId);
      record.stores.push(removed.store);
      record.stores.sort((a, b) => b.addedAt - a.addedAt);
      return copy(removed.store);
    },

    async listCoupons(query, o) {
      const { record } = await begin('listCoupons', o?.signal);
      const state = query?.state ?? 'active';
      if (!COUPON_STATES.includes(state)) throw validation({ state: 'coupon.state' }, 'Unknown coupon state');
      const now = core.now();
      const list: Coupon[] = record.coupons
        .map(({ used: _used, ...coupon }) => ({ ...coupon, state: couponState({ ...coupon, used: _used }, now) }))
        .filter((c) => c.state === state)
        .sort((a, b) => (state === 'active' ? a.expiresAt - b.expiresAt : b.expiresAt - a.expiresAt));
      return page(list, query);
    },

    async getPoints(query, o) {
      const { record } = await begin('getPoints', o?.signal);
      return {
        balance: Math.max(0, record.points.reduce((sum, entry) => sum + entry.delta, 0)),
        history: page(record.points, query),
      };
    },

    async getPreferences(o) {
      const { record } = await begin('getPreferences', o?.signal);
      return record.preferences ? { ...record.preferences } : null;
    },

    async setPreferences(preferences, o) {
      const { record } = await begin('setPreferences', o?.signal);
      const country = typeof preferences?.country === 'string' ? preferences.country.trim().toUpperCase() : '';
      const currency = typeof preferences?.currency === 'string' ? preferences.currency.trim().toUpperCase() : '';
      const errors: Record<string, string> = {};
      if (!isRegion(country)) errors.country = 'country.invalid';
      if (!Object.hasOwn(EUR_RATES, currency)) errors.currency = 'currency.unsupported';
      if (Object.keys(errors).length) throw validation(errors);
      record.preferences = { country, currency };
      return { ...record.preferences };
    },

    async getExchangeRates(base, o) {
      await begin('getExchangeRates', o?.signal);
      const from = base === undefined ? 'EUR' : String(base).trim().toUpperCase();
      if (!Object.hasOwn(EUR_RATES, from)) throw validation({ base: 'currency.unsupported' }, 'Unsupported currency');
      const rates: Record<string, number> = {};
      for (const [code, perEuro] of Object.entries(EUR_RATES)) {
        rates[code] = code === from ? 1 : Number((perEuro / EUR_RATES[from]).toPrecision(6));
      }
      const now = core.now();
      return { base: from, rates, asOf: now - (now % DAY) };
    },

    async listAddresses(o) {
      const { record } = await begin('listAddresses', o?.signal);
      return ordered(record.addresses).map(copy);
    },

    async saveAddress(address, o) {
      const { user, record } = await begin('saveAddress', o?.signal);
      const input = (address ?? {}) as Partial<AddressInput>;
      const id = input.id;
      const values = addressValues(input);
      const errors = addressErrors(values);
      if (Object.keys(errors).length) throw validation(errors);
      const fields = normalizeAddress(values);
      const existing = id === undefined ? undefined : record.addresses.find((a) => a.id === id);
      if (id !== undefined && !existing) throw core.error('not_found', 'No such address');
      if (!existing && record.addresses.length >= MAX_ADDRESSES) {
        throw validation({ addresses: 'address.limit' }, `At most ${MAX_ADDRESSES} addresses`);
      }
      const mode = option('addressReauth');
      const asks = mode === 'always' || (mode === 'new' && !existing);
      if (asks && user.hasPassword) {
        const sessionId = sessionIdOf(user);
        const fresh = sessionId !== undefined && (record.reauthUntil.get(sessionId) ?? 0) > core.now();
        if (!fresh) {
          if (o?.password === undefined || o.password === '') {
            throw core.error('reauth_required', 'Type your password again to add an address', { field: 'password' });
          }
          await checkPassword(user, record, o.password, 'password');
        }
      }
      const now = core.now();
      let saved: ShippingAddress;
      if (existing) {
        Object.assign(existing, fields, { updatedAt: now });
        saved = existing;
      } else {
        if (record.addresses.length >= MAX_ADDRESSES) throw validation({ addresses: 'address.limit' }, `At most ${MAX_ADDRESSES} addresses`);
        saved = { ...fields, id: `adr_${core.randomString(12)}`, isDefault: record.addresses.length === 0, createdAt: now, updatedAt: now };
        record.addresses.push(saved);
      }
      if (input.makeDefault === true) for (const a of record.addresses) a.isDefault = a === saved;
      return copy(saved);
    },

    async deleteAddress(addressId, o) {
      const { record } = await begin('deleteAddress', o?.signal);
      const index = record.addresses.findIndex((a) => a.id === addressId);
      if (index < 0) throw core.error('not_found', 'No such address');
      const [removed] = record.addresses.splice(index, 1);
      if (removed.isDefault && record.addresses.length) {
        const oldest = [...record.addresses].sort((a, b) => a.createdAt - b.createdAt)[0];
        oldest.isDefault = true;
      }
    },

    async setDefaultAddress(addressId, o) {
      const { record } = await begin('setDefaultAddress', o?.signal);
      const target = record.addresses.find((a) => a.id === addressId);
      if (!target) throw core.error('not_found', 'No such address');
      for (const a of record.addresses) a.isDefault = a === target;
    },

    async getProfile(o) {
      const { user, record } = await begin('getProfile', o?.signal);
      const pending = pendingOf(record);
      const profile: AccountProfile = {
        userId: user.userId,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        hasPassword: user.hasPassword,
        createdAt: user.createdAt,
        ...(pending ? { pendingEmail: { email: pending.email, expiresAt: pending.expiresAt } } : {}),
      };
      return profile;
    },

    async updateProfile(input, o) {
      const { user } = await begin('updateProfile', o?.signal);
      const values = { firstName: String(input?.firstName ?? ''), lastName: String(input?.lastName ?? '') };
      const errors: Record<string, string> = {};
      for (const field of ['firstName', 'lastName'] as const) {
        const issue = validateRegistrationField(field, values);
        if (issue) errors[field] = issue.code;
      }
      if (Object.keys(errors).length) throw validation(errors);
      return sessionOf(core.updateUser(user.userId, { firstName: values.firstName.trim(), lastName: values.lastName.trim() }));
    },

    async requestEmailChange(input, o) {
      const { user, record } = await begin('requestEmailChange', o?.signal);
      const newEmail = String(input?.newEmail ?? '').trim();
      const password = input?.password;
      const errors: Record<string, string> = {};
      const issue = validateRegistrationField('email', { email: newEmail });
      if (issue) errors.newEmail = issue.code;
      else if (newEmail.toLowerCase() === user.email.toLowerCase()) errors.newEmail = 'email.same';
      if (user.hasPassword && (typeof password !== 'string' || password === '')) errors.password = 'password.required';
      if (Object.keys(errors).length) throw validation(errors);
      const cooldown = option('resendCooldownMs');
      const last = record.lastEmailChangeAt;
      if (last !== undefined && core.now() - last < cooldown) {
        throw core.error('rate_limited', 'Wait before asking again', { retryAfter: Math.max(1, Math.ceil((last + cooldown - core.now()) / 1000)) });
      }
      if (user.hasPassword) await checkPassword(user, record, password, 'password');
      const holder = core.userByEmail(newEmail);
      if (holder && holder.userId !== user.userId) {
        throw core.error('email_taken', 'This e-mail address is already registered', { field: 'newEmail' });
      }
      const { token, hash } = await core.issueToken();
      const tokens = server().emailTokens;
      // A newer request voids the older links of the profile.
      for (const [key, entry] of tokens) if (entry.userId === user.userId && entry.spentAt === undefined) tokens.delete(key);
      const now = core.now();
      const expiresAt = now + option('emailChangeTtlMs');
      tokens.set(hash, { userId: user.userId, email: newEmail, expiresAt });
      record.pendingEmail = { email: newEmail, expiresAt, hash };
      record.lastEmailChangeAt = now;
      const link = core.link(core.options.emailChangeUrl as string | ((t: string) => string) | undefined, token);
      core.deliver({ to: newEmail, kind: 'email-change', ...emailChangeLetter(user.firstName, newEmail, link), firstName: user.firstName, link, token });
      core.deliver({ to: user.email, kind: 'email-change', ...emailChangeNotice(user.firstName, newEmail), firstName: user.firstName, link: '', token: '' });
    },

    async confirmEmailChange(token, o) {
      await core.enter('confirmEmailChange', o?.signal);
      const text = typeof token === 'string' ? token : '';
      if (text === '' || text.length > MAX_TOKEN_LENGTH) throw core.error('token_invalid', 'Unknown link');
      const entry = server().emailTokens.get(await core.sha256(text));
      const user = entry && core.userById(entry.userId);
      if (!entry || !user) throw core.error('token_invalid', 'Unknown link');
      if (entry.spentAt !== undefined) throw core.error('token_used', 'The link was used already');
      if (core.now() >= entry.expiresAt) throw core.error('token_expired', 'The link has expired');
      const updated = core.updateUser(user.userId, { email: entry.email });
      entry.spentAt = core.now();
      const record = recordOf(updated);
      record.pendingEmail = undefined;
      return sessionOf(updated);
    },

    async changePassword(input, o) {
      const { user, record } = await begin('changePassword', o?.signal);
      const current = input?.currentPassword;
      const next = typeof input?.newPassword === 'string' ? input.newPassword : '';
      const errors: Record<string, string> = {};
      if (user.hasPassword && (typeof current !== 'string' || current === '')) errors.currentPassword = 'password.required';
      const issue = validateRegistrationField('password', { password: next });
      if (issue) errors.newPassword = issue.code;
      else if (user.hasPassword && next === current) errors.newPassword = 'password.same';
      else if (core.options.rejectCommonPasswords !== 'never' && (await isCommonPassword(next))) errors.newPassword = 'password.common';
      if (Object.keys(errors).length) throw validation(errors);
      if (user.hasPassword) await checkPassword(user, record, current, 'currentPassword');
      await core.setPassword(user.userId, next);
      const endedSessions = input?.signOutOthers === true ? core.endOtherSessions(user.userId) : 0;
      return { endedSessions };
    },

    async listSessions(o) {
      const { user } = await begin('listSessions', o?.signal);
      const list: AccountSession[] = core.sessionsOf(user.userId).map((s) => ({ ...s }));
      return list.sort((a, b) => Number(b.current) - Number(a.current) || b.createdAt - a.createdAt);
    },

    async signOutOtherSessions(o) {
      const { user } = await begin('signOutOtherSessions', o?.signal);
      return { endedSessions: core.endOtherSessions(user.userId) };
    },

    async endSession(sessionId, o) {
      const { user } = await begin('endSession', o?.signal);
      if (!core.endSessionById(user.userId, String(sessionId))) throw core.error('not_found', 'No such session');
    },

    async getPaymentsLink(o) {
      await begin('getPaymentsLink', o?.signal);
      return { url: String(option('paymentsUrl')) };
    },
  };
}


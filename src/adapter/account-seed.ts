/**
 * The seeded account data of `MemoryAdapter` (memory-account.ts): what a buyer finds in "My account" the first
 * time. A new buyer finds empty lists; a long-time buyer (see `longTimeBuyers` in account-types.ts) finds a few
 * years of a marketplace: dozens of orders in every status across several stores and currencies, saved products
 * and stores, coupons expiring soon and later, a points history, two shipping addresses.
 *
 * Deterministic: the same user id and the same clock give the same data (mulberry32 seeded from the id's
 * FNV-1a hash), so a story, a screenshot or a test sees the same account every time. Every time is relative to
 * `now` (an order "awaiting payment" was placed hours ago, a coupon expires in days), except one fact of the
 * world: Bulgaria's lev gave way to the euro on 1 January 2026, so a Bulgarian store's orders before that are
 * in BGN and after it in EUR.
 *
 * These are data, not UI strings: store names, product titles and variants as sellers write them (Latin,
 * English), carriers as they name themselves.
 */
import type {
  AddressFields,
  Coupon,
  FavoriteStore,
  Money,
  Order,
  OrderItem,
  OrderStatus,
  PointsEntry,
  PointsReason,
  Preferences,
  ShippingAddress,
  Wish,
} from './account-types.js';
import { seededRandom, randomBelow, randomFloat, type RandomSource } from './random.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Bulgaria's euro changeover (the lev's last day was 31 December 2025). */
export const BG_EURO_DAY = Date.UTC(2026, 0, 1);

/**
 * What one euro buys, as the marketplace quotes it: the currencies prices may be shown in. BGN stays (fixed at
 * 1.95583 since 1999) for the orders paid in leva before the changeover.
 */
export const EUR_RATES: Readonly<Record<string, number>> = Object.freeze({
  EUR: 1,
  BGN: 1.95583,
  USD: 1.16,
  GBP: 0.87,
  RUB: 94.5,
  UAH: 48.6,
  PLN: 4.24,
  RON: 5.08,
  TRY: 48.9,
  CZK: 24.3,
  CHF: 0.93,
  KZT: 596,
  CNY: 8.27,
});

/** Minor units per major unit of every currency above (all of them have two decimals in ISO 4217). */
export const MINOR_UNITS = 100;

interface SeedStore {
  id: string;
  name: string;
  country: string;
  /** The currency it charges in (`BGN→EUR`: a Bulgarian store, see {@link BG_EURO_DAY}). */
  currency: string;
  rating: number;
  followers: number;
  carriers: string[];
  /** [title, variant or '', price in major units] */
  products: [string, string, number][];
}

const STORES: SeedStore[] = [
  {
    id: 'sto_techhub',
    name: 'TechHub Official Store',
    country: 'CN',
    currency: 'USD',
    rating: 4.8,
    followers: 182_400,
    carriers: ['Cainiao', 'DHL Express'],
    products: [
      ['Wireless Earbuds Pro with Active Noise Cancelling', 'Black', 39.9],
      ['USB-C Fast Charger 65 W, GaN', 'White, EU plug', 19.49],
      ['Smart Watch S8, AMOLED 1.43"', 'Midnight Blue', 54.0],
      ['Mechanical Keyboard 75%, Hot-Swap', 'Brown switches', 62.5],
      ['Portable SSD 1 TB, USB 3.2', '', 71.99],
      ['Magnetic Phone Holder for Car Vents', '', 6.8],
    ],
  },
  {
    id: 'sto_sofia_home',
    name: 'Sofia Home & Garden',
    country: 'BG',
    currency: 'BGN→EUR',
    rating: 4.6,
    followers: 12_950,
    carriers: ['Econt', 'Speedy'],
    products: [
      ['Rose Oil Hand Cream, 75 ml', 'Kazanlak rose', 8.9],
      ['Ceramic Plant Pot Set of 3', 'Terracotta', 24.5],
      ['Linen Tablecloth 150 x 220 cm', 'Natural', 39.0],
      ['Stainless Steel Cezve, 350 ml', '', 15.4],
      ['Herb Seeds Kit for Balcony Gardens', '12 varieties', 11.2],
    ],
  },
  {
    id: 'sto_moskva_electronics',
    name: 'Moskva Electronics',
    country: 'RU',
    currency: 'RUB',
    rating: 4.5,
    followers: 48_300,
    carriers: ['Russian Post', 'CDEK'],
    products: [
      ['Robot Vacuum Cleaner with Mopping', 'Grey', 18_990],
      ['Electric Kettle 1.7 l, Glass', '', 2_490],
      ['Bluetooth Speaker, Waterproof IPX7', 'Red', 3_790],
      ['Air Fryer 5.5 l, Digital', 'Black', 7_490],
    ],
  },
  {
    id: 'sto_berlin_outdoor',
    name: 'Berlin Outdoor Gear',
    country: 'DE',
    currency: 'EUR',
    rating: 4.9,
    followers: 27_600,
    carriers: ['DHL', 'DPD'],
    products: [
      ['Trekking Backpack 40 l, Rain Cover', 'Olive', 89.0],
      ['Ultralight Down Jacket', 'Navy, M', 119.95],
      ['Insulated Water Bottle 750 ml', 'Steel', 24.9],
      ['Hiking Socks, Merino Wool, 3 Pairs', 'EU 42-44', 21.5],
    ],
  },
  {
    id: 'sto_kyiv_ceramics',
    name: 'Kyiv Craft Ceramics',
    country: 'UA',
    currency: 'UAH',
    rating: 4.9,
    followers: 6_120,
    carriers: ['Nova Poshta', 'Ukrposhta'],
    products: [
      ['Handmade Coffee Mug, 350 ml', 'Blue glaze', 420],
      ['Ceramic Serving Bowl, 24 cm', 'Sand', 890],
      ['Espresso Cups Set of 4', '', 1_150],
    ],
  },
  {
    id: 'sto_london_books',
    name: 'London Book Corner',
    country: 'GB',
    currency: 'GBP',
    rating: 4.7,
    followers: 15_800,
    carriers: ['Royal Mail', 'UPS'],
    products: [
      ['The Silk Roads, Paperback', '', 12.99],
      ['Atlas of Remote Islands, Hardcover', '', 18.5],
      ['Pocket English-Russian Dictionary', '', 9.75],
    ],
  },
  {
    id: 'sto_warsaw_kids',
    name: 'Warsaw Kids World',
    country: 'PL',
    currency: 'PLN',
    rating: 4.4,
    followers: 9_340,
    carriers: ['InPost', 'DPD'],
    products: [
      ['Wooden Building Blocks, 100 Pieces', '', 89.0],
      ['Kids Raincoat with Hood', 'Yellow, 110 cm', 64.99],
      ['Magnetic Drawing Board', '', 39.5],
    ],
  },
  {
    id: 'sto_istanbul_textile',
    name: 'Istanbul Textile House',
    country: 'TR',
    currency: 'USD',
    rating: 4.6,
    followers: 33_700,
    carriers: ['Aras Kargo', 'DHL Express'],
    products: [
      ['Turkish Cotton Bath Towel Set', 'White, 4 pieces', 34.9],
      ['Peshtemal Beach Towel', 'Striped teal', 14.5],
      ['Kilim Cushion Cover 45 x 45 cm', '', 11.99],
    ],
  },
];

/** The long-time buyer's saved addresses (valid per country, Latin, E.164 phones). */
const LONG_TIME_ADDRESSES: AddressFields[] = [
  {
    name: 'Ivan Petrov',
    phone: '+359888123456',
    country: 'BG',
    region: 'Sofia City',
    city: 'Sofia',
    street: 'ul. Shipka 34',
    apartment: 'ap. 12',
    postalCode: '1504',
  },
  {
    name: 'Ivan Petrov',
    phone: '+79161234567',
    country: 'RU',
    region: 'Moskva',
    city: 'Moskva',
    street: 'ul. Tverskaya 7',
    apartment: 'kv. 45',
    postalCode: '125009',
  },
];

/** The fields of an address (what an order keeps of it). */
export function addressFieldsOf(a: AddressFields): AddressFields {
  return {
    name: a.name,
    phone: a.phone,
    country: a.country,
    region: a.region,
    city: a.city,
    street: a.street,
    apartment: a.apartment,
    postalCode: a.postalCode,
  };
}

/** Everything a buyer's account starts with. */
export interface AccountSeed {
  orders: Order[];
  wishes: Wish[];
  stores: FavoriteStore[];
  /** Coupons with `used` kept; their `state` is computed at each call from the clock. */
  coupons: (Omit<Coupon, 'state'> & { used: boolean })[];
  points: PointsEntry[];
  addresses: ShippingAddress[];
  preferences: Preferences | null;
}

/** FNV-1a, 32 bits: the seed of a user's data. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Picker {
  readonly #source: RandomSource;
  constructor(seed: number) {
    this.#source = seededRandom(seed);
  }
  below(n: number): number {
    return randomBelow(this.#source, n);
  }
  between(min: number, max: number): number {
    return min + randomFloat(this.#source) * (max - min);
  }
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.below(list.length)];
  }
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 1) out += String(this.below(10));
    return out;
  }
  chance(p: number): boolean {
    return randomFloat(this.#source) < p;
  }
}

/** The currency a store charges at a moment. */
function currencyAt(store: SeedStore, at: number): string {
  if (store.currency === 'BGN→EUR') return at < BG_EURO_DAY ? 'BGN' : 'EUR';
  return store.currency;
}

/** A store price (major units, quoted in the store's base currency) in the currency of that moment, minor units. */
function priceAt(store: SeedStore, major: number, at: number): Money {
  const currency = currencyAt(store, at);
  // Bulgarian prices are quoted in leva above; after the changeover they are the euro equivalent, rounded.
  const value = store.currency === 'BGN→EUR' && currency === 'EUR' ? major / EUR_RATES.BGN : major;
  return { amount: Math.round(value * MINOR_UNITS), currency };
}

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** How many orders of each status a long-time buyer has (48 in all). */
const LONG_TIME_STATUSES: [OrderStatus, number, [minDays: number, maxDays: number]][] = [
  ['awaiting_payment', 3, [0.05, 1.5]],
  ['awaiting_shipment', 4, [0.5, 4]],
  ['shipped', 5, [3, 14]],
  ['delivered', 3, [8, 20]],
  ['awaiting_review', 5, [12, 40]],
  ['dispute', 2, [20, 60]],
  ['cancelled', 4, [5, 400]],
  ['completed', 22, [30, 1000]],
];

/** The e-mail address of the demo's long-time buyer (always seeded as one). */
export const DEMO_LONG_TIME_BUYER = 'ivan.petrov@example.com';

/** A new buyer's account: nothing yet. */
export function newBuyerSeed(): AccountSeed {
  return { orders: [], wishes: [], stores: [], coupons: [], points: [], addresses: [], preferences: null };
}

/** A long-time buyer's account, deterministic from `userId` and `now`. */
export function longTimeBuyerSeed(userId: string, now: number, recipient: string): AccountSeed {
  const r = new Picker(hash32(userId));
  const addresses: ShippingAddress[] = LONG_TIME_ADDRESSES.map((fields, i) => ({
    ...fields,
    name: recipient || fields.name,
    id: `adr_${hash32(`${userId}/adr/${i}`).toString(36)}`,
    isDefault: i === 0,
    createdAt: now - (700 - i * 300) * DAY,
    updatedAt: now - (700 - i * 300) * DAY,
  }));

  // Orders, newest first once sorted.
  const orders: Order[] = [];
  let serial = 0;
  const offset = r.below(STORES.length);
  for (const [status, count, [minDays, maxDays]] of LONG_TIME_STATUSES) {
    for (let n = 0; n < count; n += 1) {
      serial += 1;
      // Round the stores (every store, so every currency, appears); the oldest completed order is from the
      // Bulgarian store before the euro, paid in leva.
      const lastOfAll = status === 'completed' && n === count - 1;
      const store = lastOfAll ? STORES[1] : STORES[(serial + offset) % STORES.length];
      const placedAt = lastOfAll
        ? Math.min(Math.round(now - r.between(minDays, maxDays) * DAY), BG_EURO_DAY - Math.round(r.between(30, 300) * DAY))
        : Math.round(now - r.between(minDays, maxDays) * DAY);
      const lines = r.int(1, Math.min(3, store.products.length));
      const chosen = new Set<number>();
      while (chosen.size < lines) chosen.add(r.below(store.products.length));
      const items: OrderItem[] = [...chosen].map((index, line) => {
        const [title, variant, major] = store.products[index];
        const quantity = r.chance(0.75) ? 1 : r.int(2, 3);
        const unitPrice = priceAt(store, major, placedAt);
        return {
          id: `itm_${serial}_${line + 1}`,
          productId: `prd_${store.id.slice(4)}_${index + 1}`,
          title,
          ...(variant ? { variant } : {}),
          quantity,
          unitPrice,
          total: money(unitPrice.amount * quantity, unitPrice.currency),
        };
      });
      const currency = items[0].unitPrice.currency;
      const itemsAmount = items.reduce((sum, item) => sum + item.total.amount, 0);
      const freeShipping = r.chance(0.5);
      const shippingAmount = freeShipping ? 0 : Math.round(itemsAmount * r.between(0.04, 0.12));
      const discountAmount = r.chance(0.3) ? Math.round(itemsAmount * r.pick([0.05, 0.1, 0.15])) : 0;
      const totalAmount = itemsAmount + shippingAmount - discountAmount;
      const address = addresses[r.chance(0.8) ? 0 : 1];
      const shipTo = addressFieldsOf(address);
      const method = r.pick(['standard', 'standard', 'express', 'pickup'] as const);
      const paid = status !== 'awaiting_payment' && !(status === 'cancelled' && r.chance(0.5));
      const shippedAt = ['shipped', 'delivered', 'awaiting_review', 'completed', 'dispute'].includes(status)
        ? Math.min(now - HOUR, placedAt + Math.round(r.between(0.5, 3) * DAY))
        : undefined;
      const transit = Math.round(r.between(3, 14) * DAY);
      const deliveredAt =
        shippedAt !== undefined && ['delivered', 'awaiting_review', 'completed'].includes(status)
          ? Math.min(now - HOUR / 2, shippedAt + transit)
          : undefined;
      const carrier = shippedAt !== undefined ? r.pick(store.carriers) : undefined;
      const updatedAt = deliveredAt ?? shippedAt ?? Math.min(now, placedAt + Math.round(r.between(0.01, 0.5) * DAY));
      orders.push({
        id: `ord_${hash32(`${userId}/ord/${serial}`).toString(36)}`,
        number: `${r.int(1000, 9999)}-${r.digits(4)}-${r.digits(4)}`,
        status,
        placedAt,
        updatedAt,
        store: { id: store.id, name: store.name },
        total: money(totalAmount, currency),
        itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
        firstItemTitle: items[0].title,
        items,
        delivery: {
          method,
          ...(carrier ? { carrier, trackingNumber: `${carrier.slice(0, 2).toUpperCase()}${r.digits(10)}` } : {}),
          address: shipTo,
          ...(shippedAt !== undefined ? { shippedAt } : {}),
          ...(shippedAt !== undefined && deliveredAt === undefined && status !== 'dispute' ? { estimatedAt: shippedAt + transit } : {}),
          ...(deliveredAt !== undefined ? { deliveredAt } : {}),
        },
        totals: {
          items: money(itemsAmount, currency),
          shipping: money(shippingAmount, currency),
          discount: money(discountAmount, currency),
          total: money(totalAmount, currency),
        },
        ...(paid ? { paidAt: placedAt + Math.round(r.between(1, 30) * 60 * 1000) } : {}),
      });
    }
  }
  orders.sort((a, b) => b.placedAt - a.placedAt);

  // Saved products: 14, some sold out.
  const wishes: Wish[] = [];
  for (let i = 0; i < 14; i += 1) {
    const store = STORES[(i * 3 + r.below(2)) % STORES.length];
    const index = (i + r.below(store.products.length)) % store.products.length;
    const [title, , major] = store.products[index];
    const productId = `prd_${store.id.slice(4)}_${index + 1}`;
    if (wishes.some((w) => w.productId === productId)) continue;
    wishes.push({
      id: `wsh_${hash32(`${userId}/wsh/${i}`).toString(36)}`,
      productId,
      title,
      price: priceAt(store, major * r.pick([1, 1, 0.9, 1.05]), now),
      store: { id: store.id, name: store.name },
      available: !r.chance(0.15),
      addedAt: Math.round(now - r.between(1, 300) * DAY),
    });
  }
  wishes.sort((a, b) => b.addedAt - a.addedAt);

  // Favorite stores: 7 of 8.
  const stores: FavoriteStore[] = STORES.filter((_, i) => i !== 6).map((store) => ({
    id: store.id,
    name: store.name,
    rating: store.rating,
    followers: store.followers,
    country: store.country,
    addedAt: Math.round(now - r.between(2, 800) * DAY),
  }));
  stores.sort((a, b) => b.addedAt - a.addedAt);

  // Coupons: active ones expiring in hours, days and weeks; used and expired ones.
  const couponStore = (id: string) => {
    const store = STORES.find((s) => s.id === id);
    return store ? { id: store.id, name: store.name } : undefined;
  };
  const coupon = (
    i: number,
    code: string,
    value: Coupon['value'],
    expiresIn: number,
    used: boolean,
    minimumOrder?: Money,
    storeId?: string,
  ): AccountSeed['coupons'][number] => {
    const store = storeId ? couponStore(storeId) : undefined;
    return {
      id: `cpn_${hash32(`${userId}/cpn/${i}`).toString(36)}`,
      code,
      value,
      ...(minimumOrder ? { minimumOrder } : {}),
      expiresAt: Math.round(now + expiresIn),
      used,
      ...(store ? { store } : {}),
    };
  };
  const coupons: AccountSeed['coupons'] = [
    coupon(1, 'WELCOME-BACK-5', { kind: 'money', money: money(500, 'EUR') }, 3 * DAY, false, money(2500, 'EUR')),
    coupon(2, 'TECHHUB10', { kind: 'percent', percent: 10 }, 10 * HOUR, false, money(3000, 'USD'), 'sto_techhub'),
    coupon(3, 'OUTDOOR-15', { kind: 'percent', percent: 15 }, 12 * DAY, false, money(10000, 'EUR'), 'sto_berlin_outdoor'),
    coupon(4, 'SOFIA-HOME-3', { kind: 'money', money: money(300, 'EUR') }, 27 * DAY, false, undefined, 'sto_sofia_home'),
    coupon(5, 'MOSKVA-500', { kind: 'money', money: money(50000, 'RUB') }, 45 * DAY, false, money(500000, 'RUB'), 'sto_moskva_electronics'),
    coupon(6, 'FREESHIP-DEC', { kind: 'money', money: money(299, 'EUR') }, 6 * DAY, false),
    coupon(7, 'SUMMER-20', { kind: 'percent', percent: 20 }, -120 * DAY, true, money(5000, 'EUR')),
    coupon(8, 'BOOKS-2', { kind: 'money', money: money(200, 'GBP') }, 40 * DAY, true, undefined, 'sto_london_books'),
    coupon(9, 'BLACKFRIDAY-12', { kind: 'percent', percent: 12 }, -2 * DAY, false),
    coupon(10, 'KIDS-WORLD-10', { kind: 'money', money: money(1000, 'PLN') }, -35 * DAY, false, money(10000, 'PLN'), 'sto_warsaw_kids'),
  ];

  // Points: earned on completed orders and reviews, spent, expired; newest first; never below zero.
  const earned = orders.filter((o) => o.status === 'completed' || o.status === 'awaiting_review');
  const raw: Omit<PointsEntry, 'id'>[] = [];
  for (const order of earned) {
    const at = order.delivery.deliveredAt ?? order.placedAt;
    const eur = order.total.amount / MINOR_UNITS / (EUR_RATES[order.total.currency] ?? 1);
    raw.push({ at: at + HOUR, delta: Math.max(1, Math.round(eur)), reason: 'order', orderNumber: order.number });
    if (order.status === 'completed' && r.chance(0.4)) {
      raw.push({ at: at + 2 * DAY, delta: 20, reason: 'review', orderNumber: order.number });
    }
  }
  raw.push({ at: now - 900 * DAY, delta: 100, reason: 'bonus' });
  const cancelled = orders.find((o) => o.status === 'cancelled' && o.paidAt !== undefined);
  raw.sort((a, b) => a.at - b.at);
  const points: PointsEntry[] = [];
  let balance = 0;
  let spendAt = 0;
  for (const entry of raw) {
    points.push({ id: '', ...entry });
    balance += entry.delta;
    spendAt += 1;
    if (spendAt % 7 === 0 && balance > 150) {
      const spent = -Math.round(balance * 0.6);
      const orderNumber = entry.orderNumber ?? earned[0].number;
      points.push({ id: '', at: entry.at + DAY, delta: spent, reason: 'redeemed', orderNumber });
      balance += spent;
    }
  }
  if (balance > 60) {
    points.push({ id: '', at: now - 200 * DAY, delta: -40, reason: 'expired' });
    balance -= 40;
  }
  if (cancelled) points.push({ id: '', at: cancelled.updatedAt, delta: 15, reason: 'refund' as PointsReason, orderNumber: cancelled.number });
  points.sort((a, b) => b.at - a.at);
  points.forEach((entry, i) => {
    entry.id = `pts_${hash32(`${userId}/pts/${i}`).toString(36)}`;
  });

  return { orders, wishes, stores, coupons, points, addresses, preferences: { country: 'BG', currency: 'EUR' } };
}

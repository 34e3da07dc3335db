// The contract server's routes of the account capability (see EXTENSION_MODULES in contract-server.mjs and
// openapi/account.openapi.yaml). Every rule is the MemoryAdapter's (memory-account.ts): these routes find the
// browser's device (`ctx.sessions.live`: a MemoryAdapter signed in as that person; a write without its CSRF
// token is refused there), read the query and the body, and hand the call over. Signed out: 403 `forbidden`.
// The e-mail change confirmation is public (its token is the credential) and runs on the namespace's adapter.

const ADDRESS_FIELDS = ['name', 'phone', 'country', 'region', 'city', 'street', 'apartment', 'postalCode'];

/** `400` `validation` with `invalid_type` for each member named (the auth routes' manner). */
function typeError(backend, members) {
  const fieldErrors = Object.fromEntries(members.map((m) => [m, 'invalid_type']));
  const error = new backend.AdapterError('validation', `Wrong or missing members: ${members.join(', ')}`, {
    field: members[0],
    fieldErrors,
  });
  error.status = 400;
  return error;
}

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body, checked for the members' JSON types: `spec` maps a member to `string`, `boolean`, `string?`
 * or `boolean?` (optional). Unknown members are ignored.
 */
function bodyOf(ctx, spec, { optional = false } = {}) {
  const { body, backend } = ctx;
  if (body === undefined && optional) return {};
  if (!isRecord(body)) throw typeError(backend, ['body']);
  const wrong = [];
  for (const [member, type] of Object.entries(spec)) {
    const value = body[member];
    const base = type.replace('?', '');
    if (value === undefined && type.endsWith('?')) continue;
    if (typeof value !== base) wrong.push(member);
  }
  if (wrong.length) throw typeError(backend, wrong);
  return body;
}

/** The browser's device, signed in; else `forbidden`. */
async function device(ctx) {
  const live = await ctx.sessions.live(ctx.req, ctx.call);
  if (!live) throw new ctx.backend.AdapterError('forbidden', 'Sign in first');
  return live.device;
}

/** An integer query parameter as the adapter takes it (NaN for one that is not a whole number: `validation`). */
function intParam(url, name) {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  return /^-?\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

function pageQuery(url) {
  const query = {};
  const page = intParam(url, 'page');
  const pageSize = intParam(url, 'pageSize');
  if (page !== undefined) query.page = page;
  if (pageSize !== undefined) query.pageSize = pageSize;
  return query;
}

const ok = (ctx, value) => ctx.json(200, value);
const none = (ctx) => ctx.reply(204);

const ADDRESS_SPEC = {
  ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, 'string'])),
  makeDefault: 'boolean?',
  password: 'string?',
};

async function saveAddress(ctx, id) {
  const body = bodyOf(ctx, ADDRESS_SPEC);
  const input = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, body[f]]));
  if (id !== undefined) input.id = id;
  if (body.makeDefault !== undefined) input.makeDefault = body.makeDefault;
  const options = { ...ctx.call, ...(body.password !== undefined ? { password: body.password } : {}) };
  return (await device(ctx)).saveAddress(input, options);
}

/** @type {{ operation: string, method?: string, path: string, handle(ctx: any): Promise<void> }[]} */
export const routes = [
  {
    operation: 'getAccountSummary',
    method: 'GET',
    path: '/account/summary',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).getAccountSummary(ctx.call)),
  },
  {
    operation: 'listOrders',
    method: 'GET',
    path: '/account/orders',
    async handle(ctx) {
      const status = ctx.url.searchParams.getAll('status').flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
      const query = { ...pageQuery(ctx.url), ...(status.length ? { status } : {}) };
      return ok(ctx, await (await device(ctx)).listOrders(query, ctx.call));
    },
  },
  {
    operation: 'getOrder',
    method: 'GET',
    path: '/account/orders/{orderId}',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).getOrder(decodeURIComponent(ctx.params.orderId), ctx.call)),
  },
  {
    operation: 'listWishes',
    method: 'GET',
    path: '/account/wishes',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).listWishes(pageQuery(ctx.url), ctx.call)),
  },
  {
    operation: 'removeWish',
    method: 'DELETE',
    path: '/account/wishes/{wishId}',
    async handle(ctx) {
      await (await device(ctx)).removeWish(decodeURIComponent(ctx.params.wishId), ctx.call);
      return none(ctx);
    },
  },
  {
    operation: 'restoreWish',
    method: 'POST',
    path: '/account/wishes/{wishId}/restore',
    async handle(ctx) {
      bodyOf(ctx, {}, { optional: true });
      return ok(ctx, await (await device(ctx)).restoreWish(decodeURIComponent(ctx.params.wishId), ctx.call));
    },
  },
  {
    operation: 'listFavoriteStores',
    method: 'GET',
    path: '/account/stores',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).listFavoriteStores(pageQuery(ctx.url), ctx.call)),
  },
  {
    operation: 'removeFavoriteStore',
    method: 'DELETE',
    path: '/account/stores/{storeId}',
    async handle(ctx) {
      await (await device(ctx)).removeFavoriteStore(decodeURIComponent(ctx.params.storeId), ctx.call);
      return none(ctx);
    },
  },
  {
    operation: 'restoreFavoriteStore',
    method: 'POST',
    path: '/account/stores/{storeId}/restore',
    async handle(ctx) {
      bodyOf(ctx, {}, { optional: true });
      return ok(ctx, await (await device(ctx)).restoreFavoriteStore(decodeURIComponent(ctx.params.storeId), ctx.call));
    },
  },
  {
    operation: 'listCoupons',
    method: 'GET',
    path: '/account/coupons',
    async handle(ctx) {
      const state = ctx.url.searchParams.get('state');
      const query = { ...pageQuery(ctx.url), ...(state !== null ? { state } : {}) };
      return ok(ctx, await (await device(ctx)).listCoupons(query, ctx.call));
    },
  },
  {
    operation: 'getPoints',
    method: 'GET',
    path: '/account/points',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).getPoints(pageQuery(ctx.url), ctx.call)),
  },
  {
    operation: 'getPreferences',
    method: 'GET',
    path: '/account/preferences',
    async handle(ctx) {
      const preferences = await (await device(ctx)).getPreferences(ctx.call);
      return preferences ? ok(ctx, preferences) : none(ctx);
    },
  },
  {
    operation: 'setPreferences',
    method: 'PUT',
    path: '/account/preferences',
    async handle(ctx) {
      const body = bodyOf(ctx, { country: 'string', currency: 'string' });
      return ok(ctx, await (await device(ctx)).setPreferences({ country: body.country, currency: body.currency }, ctx.call));
    },
  },
  {
    operation: 'getExchangeRates',
    method: 'GET',
    path: '/account/exchange-rates',
    async handle(ctx) {
      const base = ctx.url.searchParams.get('base');
      return ok(ctx, await (await device(ctx)).getExchangeRates(base ?? undefined, ctx.call));
    },
  },
  {
    operation: 'listAddresses',
    method: 'GET',
    path: '/account/addresses',
    handle: async (ctx) => ok(ctx, { items: await (await device(ctx)).listAddresses(ctx.call) }),
  },
  {
    operation: 'addAddress',
    method: 'POST',
    path: '/account/addresses',
    handle: async (ctx) => ctx.json(201, await saveAddress(ctx, undefined)),
  },
  {
    operation: 'updateAddress',
    method: 'PUT',
    path: '/account/addresses/{addressId}',
    handle: async (ctx) => ok(ctx, await saveAddress(ctx, decodeURIComponent(ctx.params.addressId))),
  },
  {
    operation: 'deleteAddress',
    method: 'DELETE',
    path: '/account/addresses/{addressId}',
    async handle(ctx) {
      await (await device(ctx)).deleteAddress(decodeURIComponent(ctx.params.addressId), ctx.call);
      return none(ctx);
    },
  },
  {
    operation: 'setDefaultAddress',
    method: 'POST',
    path: '/account/addresses/{addressId}/default',
    async handle(ctx) {
      bodyOf(ctx, {}, { optional: true });
      await (await device(ctx)).setDefaultAddress(decodeURIComponent(ctx.params.addressId), ctx.call);
      return none(ctx);
    },
  },
  {
    operation: 'getProfile',
    method: 'GET',
    path: '/account/profile',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).getProfile(ctx.call)),
  },
  {
    operation: 'updateProfile',
    method: 'PATCH',
    path: '/account/profile',
    async handle(ctx) {
      const body = bodyOf(ctx, { firstName: 'string', lastName: 'string' });
      return ok(ctx, await (await device(ctx)).updateProfile({ firstName: body.firstName, lastName: body.lastName }, ctx.call));
    },
  },
  {
    operation: 'requestEmailChange',
    method: 'POST',
    path: '/account/email-change',
    async handle(ctx) {
      const body = bodyOf(ctx, { newEmail: 'string', password: 'string' });
      await (await device(ctx)).requestEmailChange({ newEmail: body.newEmail, password: body.password }, ctx.call);
      return ctx.reply(202);
    },
  },
  {
    operation: 'confirmEmailChange',
    method: 'POST',
    path: '/account/email-change/confirm',
    async handle(ctx) {
      const body = bodyOf(ctx, { token: 'string' });
      // Public: the token is the credential. The namespace's own adapter serves it, signed in or not.
      return ok(ctx, await ctx.adapter.confirmEmailChange(body.token, ctx.call));
    },
  },
  {
    operation: 'changePassword',
    method: 'POST',
    path: '/account/password',
    async handle(ctx) {
      const body = bodyOf(ctx, { currentPassword: 'string', newPassword: 'string', signOutOthers: 'boolean' });
      const input = { currentPassword: body.currentPassword, newPassword: body.newPassword, signOutOthers: body.signOutOthers };
      return ok(ctx, await (await device(ctx)).changePassword(input, ctx.call));
    },
  },
  {
    operation: 'listSessions',
    method: 'GET',
    path: '/account/sessions',
    handle: async (ctx) => ok(ctx, { items: await (await device(ctx)).listSessions(ctx.call) }),
  },
  {
    operation: 'signOutOtherSessions',
    method: 'POST',
    path: '/account/sessions/sign-out-others',
    async handle(ctx) {
      bodyOf(ctx, {}, { optional: true });
      return ok(ctx, await (await device(ctx)).signOutOtherSessions(ctx.call));
    },
  },
  {
    operation: 'endSession',
    method: 'DELETE',
    path: '/account/sessions/{sessionId}',
    async handle(ctx) {
      await (await device(ctx)).endSession(decodeURIComponent(ctx.params.sessionId), ctx.call);
      // Its own session ended: the stale cookies are cleared, as GET /session does.
      const { cookies } = await ctx.sessions.getSession(ctx.req, ctx.call);
      return ctx.reply(204, cookies ? { 'set-cookie': cookies } : {});
    },
  },
  {
    operation: 'getPaymentsLink',
    method: 'GET',
    path: '/account/payments-link',
    handle: async (ctx) => ok(ctx, await (await device(ctx)).getPaymentsLink(ctx.call)),
  },
];

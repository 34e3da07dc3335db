// The contract server's routes of the support capability (see EXTENSION_MODULES in contract-server.mjs and
// openapi/support.openapi.yaml). Every rule is the MemoryAdapter's (memory-support.ts): these routes find the
// browser's device (`ctx.sessions.live`: a MemoryAdapter signed in as that person, a write without its CSRF
// token refused there; signed out, the namespace's anonymous adapter, which reads conversations started
// signed out by their id), read the query and the body, and hand the call over. The event stream is
// Server-Sent Events: `id:` lines, `Last-Event-ID` (or `?lastEventId=` on the first connection), a `retry:`
// hint, heartbeat comments.
//
// Test actions (under /api/__test__/support/…): `POST settings` `{ operatorStatus?, agentDelayMs?,
// heartbeatMs? }`; `POST cut` ends every open stream of the namespace (clients reconnect); `POST refuse-streams`
// `{ times }` answers the next stream requests 503; `POST ignore-last-event-id` `{ times }` makes the next
// reconnections replay from the first connection's `?lastEventId=` (a server that resumes wrongly, to show the
// client still shows each message once); `POST operator-message` `{ conversationId, text, name? }`
// posts as the operator (or the store); `GET conversations` lists every conversation as the desk sees it
// (context included); `GET streams` counts the open streams.
//
// The namespace's support console: MemoryAdapter finds it in a registry on globalThis keyed by its `now` option
// (support-agent/console.ts `consoleOf`), which is the namespace's `state.now`; a new namespace state (reset)
// gets a new one.

const CONSOLE_REGISTRY = Symbol.for('ae-auth-elements.support-consoles');
const registry = (globalThis[CONSOLE_REGISTRY] ??= new WeakMap());
/** Per namespace state: its open streams and server-side switches. */
const extras = new WeakMap();
const DEFAULT_HEARTBEAT_MS = 15_000;
const RETRY_MS = 1000;

function linkOf(state) {
  let link = registry.get(state.now);
  if (!link) registry.set(state.now, (link = { settings: {} }));
  return link;
}

function extrasOf(state) {
  let found = extras.get(state);
  if (!found) extras.set(state, (found = { streams: new Set(), refuse: 0, ignoreHeader: 0, heartbeatMs: DEFAULT_HEARTBEAT_MS }));
  return found;
}

/** The desk of the namespace's support module, loading the module first if no call did yet. */
async function deskOf(state) {
  const link = linkOf(state);
  if (!link.desk) await state.adapter.agentStatus();
  return link.desk;
}

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `400` `validation` with `invalid_type` for each member named (the auth routes' manner). */
function typeError(backend, members) {
  const fieldErrors = Object.fromEntries(members.map((m) => [m, 'invalid_type']));
  const error = new backend.AdapterError('validation', `Wrong or missing members: ${members.join(', ')}`, { field: members[0], fieldErrors });
  error.status = 400;
  return error;
}

/** The body, checked for its members' JSON types (`string`, `string?`, `object?`); unknown members ignored. */
function bodyOf(ctx, spec, { optional = false } = {}) {
  const { body, backend } = ctx;
  if (body === undefined && optional) return {};
  if (!isRecord(body)) throw typeError(backend, ['body']);
  const wrong = [];
  for (const [member, type] of Object.entries(spec)) {
    const value = body[member];
    if (value === undefined && type.endsWith('?')) continue;
    const base = type.replace('?', '');
    if (base === 'object' ? !isRecord(value) : typeof value !== base) wrong.push(member);
  }
  if (wrong.length) throw typeError(backend, wrong);
  return body;
}

/** The browser's device when signed in, else the namespace's anonymous adapter. */
async function device(ctx) {
  const live = await ctx.sessions.live(ctx.req, ctx.call);
  return live ? live.device : ctx.adapter;
}

const pick = (body, keys) => Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));

/** @type {{ operation: string, method?: string, path: string, handle(ctx: any): Promise<void> }[]} */
export const routes = [
  {
    operation: 'startConversation',
    method: 'POST',
    path: '/support/conversations',
    async handle(ctx) {
      const body = bodyOf(ctx, { topic: 'string', locale: 'string', email: 'string?', context: 'object?' });
      const conversation = await (await device(ctx)).startConversation(pick(body, ['topic', 'locale', 'email', 'context']), ctx.call);
      return ctx.json(201, conversation);
    },
  },
  {
    operation: 'listConversations',
    method: 'GET',
    path: '/support/conversations',
    async handle(ctx) {
      const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      const locale = ctx.url.searchParams.get('locale') ?? undefined;
      const conversations = await (await device(ctx)).listConversations({ ids, ...(locale ? { locale } : {}) }, ctx.call);
      return ctx.json(200, { conversations });
    },
  },
  {
    operation: 'listMessages',
    method: 'GET',
    path: '/support/conversations/{conversationId}/messages',
    async handle(ctx) {
      const input = {};
      for (const key of ['after', 'afterEvent']) {
        const value = ctx.url.searchParams.get(key);
        if (value !== null) input[key] = value;
      }
      return ctx.json(200, await (await device(ctx)).listMessages(decodeURIComponent(ctx.params.conversationId), input, ctx.call));
    },
  },
  {
    operation: 'sendMessage',
    method: 'POST',
    path: '/support/conversations/{conversationId}/messages',
    async handle(ctx) {
      const body = bodyOf(ctx, { text: 'string', clientId: 'string', quickReplyId: 'string?' });
      const adapter = await device(ctx);
      const id = decodeURIComponent(ctx.params.conversationId);
      // A retry is 200 with the message accepted before; the first time, 201.
      const before = await adapter.listMessages(id, {}, ctx.call).catch(() => undefined);
      const known = before?.messages.some((m) => m.clientId === body.clientId) === true;
      const message = await adapter.sendMessage(id, pick(body, ['text', 'clientId', 'quickReplyId']), ctx.call);
      return ctx.json(known ? 200 : 201, message);
    },
  },
  {
    operation: 'streamEvents',
    method: 'GET',
    path: '/support/conversations/{conversationId}/events',
    async handle(ctx) {
      const extra = extrasOf(ctx.state);
      if (extra.refuse > 0) {
        extra.refuse -= 1;
        const error = new ctx.backend.AdapterError('server', 'The stream is refused (test action)');
        error.status = 503;
        throw error;
      }
      const header = ctx.req.headers['last-event-id'];
      const query = ctx.url.searchParams.get('lastEventId');
      let lastEventId = typeof header === 'string' && header !== '' ? header : (query ?? undefined);
      if (extra.ignoreHeader > 0 && typeof header === 'string') {
        // A server that gets resuming wrong (test action): replays from the first connection's cursor.
        extra.ignoreHeader -= 1;
        lastEventId = query ?? undefined;
      }
      let res;
      const pending = [];
      const write = (event) => {
        if (event.type === 'connection') return;
        const data = event.type === 'message' ? event.message : event.type === 'status' ? { status: event.status } : { from: event.from, typing: event.typing, ...(event.authorName ? { authorName: event.authorName } : {}) };
        const text = `${event.eventId ? `id: ${event.eventId}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
        if (res) res.write(text);
        else pending.push(text);
      };
      const stop = await (await device(ctx)).subscribe(decodeURIComponent(ctx.params.conversationId), write, {
        ...(lastEventId !== undefined ? { lastEventId } : {}),
        signal: ctx.call.signal,
      });
      res = ctx.stream({ connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(`retry: ${RETRY_MS}\n\n`);
      for (const text of pending.splice(0)) res.write(text);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), extra.heartbeatMs);
      const entry = { end: () => res.end() };
      extra.streams.add(entry);
      await new Promise((resolve) => res.on('close', resolve));
      clearInterval(heartbeat);
      extra.streams.delete(entry);
      stop();
    },
  },
  {
    operation: 'markRead',
    method: 'POST',
    path: '/support/conversations/{conversationId}/read',
    async handle(ctx) {
      const body = bodyOf(ctx, { upTo: 'string?' }, { optional: true });
      await (await device(ctx)).markRead(decodeURIComponent(ctx.params.conversationId), pick(body, ['upTo']), ctx.call);
      return ctx.reply(204);
    },
  },
  {
    operation: 'requestHuman',
    method: 'POST',
    path: '/support/conversations/{conversationId}/human',
    async handle(ctx) {
      bodyOf(ctx, {}, { optional: true });
      return ctx.json(200, await (await device(ctx)).requestHuman(decodeURIComponent(ctx.params.conversationId), ctx.call));
    },
  },
  {
    operation: 'agentStatus',
    method: 'GET',
    path: '/support/status',
    async handle(ctx) {
      return ctx.json(200, await (await device(ctx)).agentStatus(ctx.call));
    },
  },
  {
    operation: 'leaveOfflineMessage',
    method: 'POST',
    path: '/support/offline-messages',
    async handle(ctx) {
      const body = bodyOf(ctx, { text: 'string', topic: 'string', email: 'string?', locale: 'string?', context: 'object?', conversationId: 'string?' });
      const input = pick(body, ['text', 'topic', 'email', 'locale', 'context', 'conversationId']);
      return ctx.json(201, await (await device(ctx)).leaveOfflineMessage(input, ctx.call));
    },
  },
];

export const testActions = {
  'POST support/settings': ({ body, state }) => {
    const link = linkOf(state);
    const b = isRecord(body) ? body : {};
    if ('operatorStatus' in b) link.settings.operatorStatus = b.operatorStatus ?? undefined;
    if ('agentDelayMs' in b) link.settings.agentDelayMs = b.agentDelayMs ?? undefined;
    if (typeof b.heartbeatMs === 'number' && b.heartbeatMs > 0) extrasOf(state).heartbeatMs = b.heartbeatMs;
    return { settings: { ...link.settings }, heartbeatMs: extrasOf(state).heartbeatMs };
  },
  'POST support/cut': ({ state }) => {
    const streams = [...extrasOf(state).streams];
    for (const stream of streams) stream.end();
    return { cut: streams.length };
  },
  'POST support/refuse-streams': ({ body, state }) => {
    const times = isRecord(body) && Number.isInteger(body.times) ? body.times : 1;
    extrasOf(state).refuse = Math.max(0, times);
    return { refuse: extrasOf(state).refuse };
  },
  'POST support/ignore-last-event-id': ({ body, state }) => {
    const times = isRecord(body) && Number.isInteger(body.times) ? body.times : 1;
    extrasOf(state).ignoreHeader = Math.max(0, times);
    return { ignoreHeader: extrasOf(state).ignoreHeader };
  },
  'POST support/operator-message': async ({ body, state }) => {
    if (!isRecord(body) || typeof body.conversationId !== 'string' || typeof body.text !== 'string') {
      throw Object.assign(new Error('conversationId and text are required'), { problem: { status: 400 } });
    }
    const desk = await deskOf(state);
    return desk.post(body.conversationId, body.text, typeof body.name === 'string' ? { name: body.name } : {});
  },
  'GET support/conversations': async ({ state }) => (await deskOf(state)).conversations(),
  'GET support/streams': ({ state }) => ({ open: extrasOf(state).streams.size }),
};

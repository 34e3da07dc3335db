/**
 * Where a secret typed into a page could end up without anybody meaning it to: a recorder installed before
 * the elements load (console, script-dispatched events, history calls, requested URLs, page errors) and a
 * snapshot of everything a page script or an extension can read afterwards (attributes and text of the
 * document and of every open shadow root, field values, form data, storage, cookies, URLs, IndexedDB names).
 *
 *   const recorder = installLeakRecorder();            // before the elements are imported
 *   …
 *   expect(await recorder.find(PASSWORD)).to.deep.equal([]);
 */

/** One piece of text a page can read, and where it was found. */
export interface Source {
  where: string;
  text: string;
}

/** The secret and the forms it takes in URLs, JSON, HTML, base64 (of each of those) and hex. */
export function secretEncodings(secret: string): { name: string; text: string }[] {
  const textual = [
    { name: 'as typed', text: secret },
    { name: 'encodeURIComponent', text: encodeURIComponent(secret) },
    { name: 'form-urlencoded', text: new URLSearchParams({ x: secret }).toString().slice(2) },
    { name: 'JSON string', text: JSON.stringify(secret).slice(1, -1) },
  ];
  const hex = [...new TextEncoder().encode(secret)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const out = [
    ...textual,
    { name: 'lower case', text: secret.toLowerCase() },
    { name: 'upper case', text: secret.toUpperCase() },
    { name: 'encodeURI', text: encodeURI(secret) },
    { name: 'HTML-escaped', text: secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') },
    // Inside a longer base64 string the secret starts at any of three byte offsets.
    ...textual.flatMap(({ name, text }) =>
      [0, 1, 2].flatMap((offset) => {
        const b = base64At(text, offset);
        return [
          { name: `base64 of ${name} (offset ${offset})`, text: b },
          { name: `base64url of ${name} (offset ${offset})`, text: b.replace(/\+/g, '-').replace(/\//g, '_') },
        ];
      }),
    ),
    { name: 'hex', text: hex },
    { name: 'HEX', text: hex.toUpperCase() },
  ];
  const seen = new Set<string>();
  return out.filter((e) => e.text.length >= 6 && !seen.has(e.text) && seen.add(e.text));
}

/** The base64 characters that encode `text` alone when it follows `offset` other bytes. */
function base64At(text: string, offset: number): string {
  const bytes = new TextEncoder().encode(text);
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  let binary = '';
  for (const b of padded) binary += String.fromCharCode(b);
  const encoded = btoa(binary).replace(/=+$/, '');
  // Drop the characters shared with the neighbouring bytes.
  const skip = offset === 0 ? 0 : offset + 1;
  const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 1;
  return encoded.slice(skip, end);
}

/**
 * `text` and what it says once URL-decoded and once every base64-looking run in it is decoded, two levels
 * deep: a secret encoded twice (base64 of a URL-encoded form) is still found.
 */
export function decodings(text: string, depth = 2): string[] {
  const out = [text];
  if (depth === 0) return out;
  if (text.includes('%') || text.includes('+')) {
    try {
      out.push(...decodings(decodeURIComponent(text.replace(/\+/g, ' ')), depth - 1));
    } catch {
      // not URL-encoded after all
    }
  }
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
    const normal = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    // A run cut out of a longer string may start mid-quantum: try each start.
    for (let start = 0; start < 4; start++) {
      const body = normal.slice(start, start + Math.floor((normal.length - start) / 4) * 4);
      try {
        const binary = atob(body);
        const decoded = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
        out.push(...decodings(decoded, depth - 1));
      } catch {
        // not base64
      }
    }
  }
  return out;
}

/** Text of any value, deep: own properties (enumerable or not), Maps, Sets, FormData, bytes, errors. */
export function describeValue(value: unknown, depth = 0, seen = new WeakSet<object>()): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  const next = (v: unknown) => describeValue(v, depth + 1, seen);
  if (typeof Node !== 'undefined' && value instanceof Node) {
    // The DOM is searched on its own; here only the node's name.
    return `[${value.nodeName}]`;
  }
  if (value instanceof Error) {
    return `${value.name}: ${value.message}\n${value.stack ?? ''}${'cause' in value ? `\ncause: ${next(value.cause)}` : ''}`;
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }
  if (value instanceof Map) return [...value].map(([k, v]) => `${next(k)} => ${next(v)}`).join('\n');
  if (value instanceof Set) return [...value].map(next).join('\n');
  if (typeof FormData !== 'undefined' && value instanceof FormData) {
    return [...value].map(([k, v]) => `${k}=${next(v)}`).join('\n');
  }
  if (value instanceof URLSearchParams || value instanceof URL) return value.toString();
  if (typeof Request !== 'undefined' && value instanceof Request) return value.url;
  const parts: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    let v: unknown;
    try {
      v = (value as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    parts.push(`${String(key)}: ${next(v)}`);
  }
  return `{${parts.join(', ')}}`;
}

function describeTarget(target: EventTarget | null): string {
  if (!target) return 'nothing';
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (target instanceof Element) return `<${target.localName}>`;
  return target.constructor?.name ?? 'EventTarget';
}

/** Every node, attribute and text of `root` and of every open shadow root, template and same-origin frame in it. */
function domSources(root: Document | ShadowRoot | DocumentFragment, path: string, out: Source[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      for (const a of node.attributes) out.push({ where: `${path} <${node.localName}> attribute ${a.name}`, text: `${a.name}=${a.value}` });
      if (node.shadowRoot) domSources(node.shadowRoot, `${path} <${node.localName}>#shadow-root`, out);
      if (node instanceof HTMLTemplateElement) domSources(node.content, `${path} <template>`, out);
      if (node instanceof HTMLIFrameElement) {
        try {
          if (node.contentDocument) domSources(node.contentDocument, `${path} <iframe ${node.src}>`, out);
        } catch {
          // cross-origin: not readable by the page either
        }
      }
    } else {
      const parent = node.parentNode instanceof Element ? `<${node.parentNode.localName}>` : '';
      out.push({ where: `${path} ${parent} ${node.nodeType === Node.TEXT_NODE ? 'text' : 'comment'}`, text: node.nodeValue ?? '' });
    }
  }
}

/** Elements matching `selector` in the document and in every open shadow root. */
export function deepQueryAll<E extends Element = Element>(selector: string, root: Document | ShadowRoot = document): E[] {
  const out = [...root.querySelectorAll<E>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepQueryAll<E>(selector, el.shadowRoot));
  return out;
}

export interface SnapshotOptions {
  /**
   * Field names whose value the person typed and the page legitimately still holds (the password fields of a
   * form kept for a retry). Their `.value` and their form-data entries are left out; their attributes are not.
   */
  keptFields?: string[];
}

export interface LeakRecorder {
  /** Console lines, page errors, script-dispatched event details, history calls and requested URLs so far. */
  readonly recorded: Source[];
  /**
   * Forgets what was recorded (between tests), and the URLs requested so far: the browser's resource list
   * cannot be emptied, and what an earlier test requested was that test's to check.
   */
  clear(): void;
  /** What is recorded plus everything readable in the page now. */
  snapshot(options?: SnapshotOptions): Promise<Source[]>;
  /** Where `secret`, in any of its encodings, is found: `where (encoding)`. */
  find(secret: string, options?: SnapshotOptions): Promise<string[]>;
}

let installed: LeakRecorder | undefined;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'assert', 'group', 'groupCollapsed'] as const;

/** Event types listened for on window and document (capture), besides every event dispatched by a script. */
const LISTENED_TYPES = [
  'ae-register-success',
  'ae-register-error',
  'ae-captcha-refresh',
  'ae-activate-success',
  'ae-activate-error',
  'ae-activation-resent',
  'ae-activate-change-email',
  'input',
  'change',
  'submit',
  'invalid',
  'beforeinput',
];

/** Installs the recorder once per page; later calls return the same one. */
export function installLeakRecorder(): LeakRecorder {
  if (installed) return installed;
  const recorded: Source[] = [];
  const push = (where: string, text: string) => recorded.push({ where, text });

  for (const method of CONSOLE_METHODS) {
    const original = console[method] as (...args: unknown[]) => void;
    console[method] = function (this: Console, ...args: unknown[]) {
      push(`console.${method}`, args.map((a) => describeValue(a)).join(' '));
      return original.apply(this, args);
    } as never;
  }
  window.addEventListener('error', (e) => push('page error', `${e.message} ${describeValue(e.error)}`), true);
  window.addEventListener('unhandledrejection', (e) => push('unhandled rejection', describeValue(e.reason)), true);

  // Every event a script dispatches, on any target (elements, the document, adapters, signals), bubbling or not.
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if ('detail' in event) push(`event ${event.type} dispatched on ${describeTarget(this)}: detail`, describeValue((event as CustomEvent).detail));
    return dispatch.call(this, event);
  };
  for (const target of [window, document]) {
    for (const type of LISTENED_TYPES) {
      target.addEventListener(
        type,
        (e) => {
          const detail = (e as CustomEvent).detail;
          if (detail !== undefined && detail !== null && detail !== 0) {
            push(`event ${type} at ${describeTarget(e.target)}: detail`, describeValue(detail));
          }
        },
        true,
      );
    }
  }

  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, state: unknown, unused: string, url?: string | URL | null) {
      push(`history.${method}`, `url=${String(url)} state=${describeValue(state)}`);
      return original.call(this, state, unused, url);
    };
  }

  const originalFetch = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    push('fetch() URL', input instanceof Request ? input.url : String(input));
    return originalFetch.call(this, input, init);
  };
  const open = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    push('XMLHttpRequest URL', String(args[1]));
    return open.apply(this, args);
  } as never;
  const beacon = navigator.sendBeacon?.bind(navigator);
  if (beacon) {
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      push('sendBeacon URL', String(url));
      return beacon(url, data);
    };
  }

  // Requested URLs as the browser saw them (module chunks, images, fetches), unbounded by the timing buffer.
  performance.setResourceTimingBufferSize(100_000);
  const resourceUrls = new Set<string>();
  const earlierUrls = new Set<string>();
  new PerformanceObserver((list) => list.getEntries().forEach((e) => resourceUrls.add(e.name))).observe({
    type: 'resource',
    buffered: true,
  });

  const snapshot = async ({ keptFields = [] }: SnapshotOptions = {}): Promise<Source[]> => {
    const out: Source[] = [...recorded];
    domSources(document, 'document', out);
    for (const field of deepQueryAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
      if (!keptFields.includes(field.name)) out.push({ where: `value of <${field.localName} name="${field.name}">`, text: field.value });
    }
    for (const el of deepQueryAll('*')) {
      // Form-associated custom elements (<ae-captcha>) expose their value too.
      if (el.localName.includes('-') && 'value' in el) out.push({ where: `value of <${el.localName}>`, text: describeValue((el as { value: unknown }).value) });
    }
    for (const form of deepQueryAll<HTMLFormElement>('form')) {
      out.push({ where: 'form.action', text: form.action });
      for (const [name, value] of new FormData(form)) {
        if (!keptFields.includes(name)) out.push({ where: `form data ${name}`, text: describeValue(value) });
      }
    }
    for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        out.push({ where: `${name} ${key}`, text: `${key}=${storage.getItem(key)}` });
      }
    }
    out.push({ where: 'document.cookie', text: document.cookie });
    out.push({ where: 'location.href', text: location.href });
    out.push({ where: 'document.referrer', text: document.referrer });
    out.push({ where: 'window.name', text: window.name });
    out.push({ where: 'history.state', text: describeValue(history.state) });
    const nav = (window as { navigation?: { entries(): { url: string | null; getState(): unknown }[] } }).navigation;
    for (const entry of nav?.entries() ?? []) {
      out.push({ where: 'history entry URL', text: entry.url ?? '' });
      out.push({ where: 'history entry state', text: describeValue(entry.getState()) });
    }
    for (const e of performance.getEntries()) resourceUrls.add(e.name);
    for (const url of resourceUrls) if (!earlierUrls.has(url)) out.push({ where: 'requested URL', text: url });
    for (const db of (await indexedDB.databases?.()) ?? []) out.push({ where: 'IndexedDB database', text: db.name ?? '' });
    if (typeof caches !== 'undefined') for (const name of await caches.keys()) out.push({ where: 'Cache Storage', text: name });
    return out;
  };

  installed = {
    recorded,
    clear: () => {
      recorded.length = 0;
      for (const e of performance.getEntries()) resourceUrls.add(e.name);
      for (const url of resourceUrls) earlierUrls.add(url);
    },
    snapshot,
    async find(secret, options) {
      const needles = secretEncodings(secret);
      const found = new Set<string>();
      for (const { where, text } of await snapshot(options)) {
        decodings(text).forEach((t, i) => {
          for (const needle of needles) if (t.includes(needle.text)) found.add(`${where} (${needle.name}${i ? ', decoded' : ''})`);
        });
      }
      return [...found];
    },
  };
  return installed;
}

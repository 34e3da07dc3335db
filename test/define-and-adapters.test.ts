import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineOnce } from '../src/internal/define.js';
import '../src/define/ae-captcha.js';
import { AeCaptcha } from '../src/components/captcha/captcha.js';
import { EMBEDDED_ADAPTER_WARNING, MemoryAdapter, isLocalPage } from '../src/adapter/memory-adapter.js';
import {
  createEmbeddedAdapter,
  getDefaultAdapter,
  getEmbeddedAdapter,
  setDefaultAdapter,
} from '../src/internal/default-adapter.js';
import type { ActivationCapability, CaptchaCapability, RegistrationCapability } from '../src/adapter/types.js';

describe('defineOnce: the library loaded twice on one page', () => {
  it('a second definition of the same class is a no-op', () => {
    expect(() => defineOnce('ae-captcha', AeCaptcha)).not.to.throw();
    expect(customElements.get('ae-captcha')).to.equal(AeCaptcha);
  });

  it('another copy\'s class for the tag is kept, with one warning instead of an exception', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class OtherCopy extends HTMLElement {}
      expect(() => defineOnce('ae-captcha', OtherCopy)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('ae-captcha')).to.equal(AeCaptcha);
    expect(String(warnings[0]?.[0])).to.contain('<ae-captcha> is already defined');
  });
});

/** An adapter that records which instance served the captcha. */
function tagged(name: string, calls: string[]): CaptchaCapability & RegistrationCapability & ActivationCapability {
  const inner = new MemoryAdapter();
  return {
    getCaptcha: (o) => (calls.push(name), inner.getCaptcha(o)),
    register: (i, o) => inner.register(i, o),
    resendActivation: (e, o) => inner.resendActivation(e, o),
    activate: (t, o) => inner.activate(t, o),
  };
}

describe('which adapter an element uses', () => {
  afterEach(() => setDefaultAdapter(undefined));

  it('own adapter property > endpoint attribute > page default > embedded MemoryAdapter', async () => {
    const calls: string[] = [];
    setDefaultAdapter(tagged('page', calls));
    const own = tagged('own', calls);

    const a = await fixture<AeCaptcha>(html`<ae-captcha endpoint="/api/auth" .adapter=${own}></ae-captcha>`);
    await waitUntil(() => a.captchaId, 'captcha from the own adapter');
    expect(calls).to.deep.equal(['own']);

    const b = await fixture<AeCaptcha>(html`<ae-captcha></ae-captcha>`);
    await waitUntil(() => b.captchaId, 'captcha from the page default');
    expect(calls).to.deep.equal(['own', 'page']);

    // endpoint beats the page default: the captcha comes over HTTP from the contract server.
    const before = performance.getEntriesByType('resource').length;
    const c = await fixture<AeCaptcha>(html`<ae-captcha endpoint="/api/auth"></ae-captcha>`);
    await waitUntil(() => c.captchaId, 'captcha over HTTP');
    expect(calls).to.deep.equal(['own', 'page']);
    const requests = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    expect(requests.some((u) => u.endsWith('/api/auth/captcha'))).to.equal(true);

    setDefaultAdapter(undefined);
    const d = await fixture<AeCaptcha>(html`<ae-captcha></ae-captcha>`);
    await waitUntil(() => d.captchaId, 'captcha from the embedded MemoryAdapter');
    expect(d.shadowRoot!.querySelector('img')!.src).to.match(/^data:image\/svg\+xml/);
    expect((await getEmbeddedAdapter()).debugCaptchaAnswer(d.captchaId!)).to.be.a('string');
    expect(calls).to.deep.equal(['own', 'page']);
  });

  it('a new adapter given later brings a new picture from it', async () => {
    const calls: string[] = [];
    const el = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${tagged('first', calls)}></ae-captcha>`);
    await waitUntil(() => el.captchaId);
    const firstId = el.captchaId;
    el.adapter = tagged('second', calls);
    await waitUntil(() => el.captchaId !== firstId, 'a picture from the second adapter');
    expect(calls).to.deep.equal(['first', 'second']);
  });
});

describe('the page default adapter', () => {
  afterEach(() => setDefaultAdapter(undefined));

  // Identity is compared as a boolean: a failing `equal` on two adapters makes the runner serialize them, and
  // that has hung the test page.
  it('is, without setDefaultAdapter, one embedded adapter for the page, serving MemoryAdapter captchas', async () => {
    const first = getDefaultAdapter();
    expect(getDefaultAdapter() === first, 'the same adapter on the second call').to.equal(true);
    const captcha = await first.getCaptcha!();
    expect(captcha.image).to.match(/^data:image\/svg\+xml;base64,/);
    const memory = await getEmbeddedAdapter();
    expect(memory instanceof MemoryAdapter, 'a MemoryAdapter').to.equal(true);
    // The captcha was made by that MemoryAdapter: it holds its answer.
    expect(memory.debugCaptchaAnswer(captcha.id)).to.be.a('string').with.length.within(5, 6);
  });

  it('is the adapter given to setDefaultAdapter, and the embedded one again after setDefaultAdapter(undefined)', () => {
    const embedded = getDefaultAdapter();
    const own = new MemoryAdapter();
    setDefaultAdapter(own);
    expect(getDefaultAdapter() === own, 'the page default').to.equal(true);
    setDefaultAdapter(undefined);
    expect(getDefaultAdapter() === embedded, 'the embedded adapter again').to.equal(true);
  });
});

describe('the embedded MemoryAdapter on a page that is not local', () => {
  afterEach(() => setDefaultAdapter(undefined));

  it('isLocalPage: file: and loopback hosts are local, every other host is not', () => {
    const local = [
      'http://localhost:8000/demo/',
      'https://LOCALHOST/',
      'http://localhost./',
      'http://shop.localhost:5173/',
      'http://127.0.0.1:8000/',
      'http://127.45.0.3/',
      'http://[::1]:8080/',
      'http://[0:0:0:0:0:0:0:1]/',
      'file:///home/maria/demo/index.html',
    ];
    const remote = [
      'https://shop.example/register',
      'http://192.168.1.20:8000/demo/',
      'http://10.0.0.5/',
      'https://localhost.example.com/',
      'https://mylocalhost/',
      'https://127.0.0.1.nip.io/',
      'http://[::2]/',
      'http://[::ffff:c0a8:101]/',
      'https://example.com/#localhost',
    ];
    for (const url of local) expect(isLocalPage(new URL(url)), url).to.equal(true);
    for (const url of remote) expect(isLocalPage(new URL(url)), url).to.equal(false);
    expect(isLocalPage({ protocol: 'https:', hostname: 'shop.example' })).to.equal(false);
    expect(isLocalPage(undefined), 'no page at all').to.equal(true);
    expect(isLocalPage(location), 'this test page').to.equal(true);
  });

  /** console.warn lines written while `run` runs. */
  async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
    try {
      await run();
    } finally {
      console.warn = original;
    }
    return seen;
  }

  it('warns once, when it is first used, and never again', async () => {
    const adapter = createEmbeddedAdapter(new URL('https://shop.example/register'));
    const warnings = await warningsDuring(async () => {
      await Promise.all([adapter.getCaptcha(), adapter.getCaptcha()]);
      await adapter.getCaptcha();
      await adapter.resendActivation('nobody@example.com');
      await adapter.resolve();
    });
    expect(warnings).to.deep.equal([EMBEDDED_ADAPTER_WARNING]);
    expect(EMBEDDED_ADAPTER_WARNING).to.include('no adapter or endpoint is configured');
    expect(EMBEDDED_ADAPTER_WARNING).to.include('setDefaultAdapter()');
  });

  it('does not warn before its first call', async () => {
    const warnings = await warningsDuring(async () => {
      createEmbeddedAdapter(new URL('https://shop.example/register'));
    });
    expect(warnings).to.deep.equal([]);
  });

  it('does not warn on a local page, once its first call has been served', async () => {
    for (const url of ['http://localhost:8000/demo/', 'file:///tmp/demo.html']) {
      const adapter = createEmbeddedAdapter(new URL(url));
      // The warning would come before the call is served (when the module loads), so a served call proves it.
      const warnings = await warningsDuring(() => adapter.getCaptcha());
      expect(warnings, url).to.deep.equal([]);
    }
  });

  it('does not warn when the page has set its own default by the time it loads', async () => {
    const adapter = createEmbeddedAdapter(new URL('https://shop.example/register'));
    setDefaultAdapter(new MemoryAdapter());
    const warnings = await warningsDuring(() => adapter.getCaptcha());
    expect(warnings).to.deep.equal([]);
  });
});

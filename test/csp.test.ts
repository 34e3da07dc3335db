import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { captchaOf, captchaReady, fillRegistration } from './helpers/dom.js';
import { frameClick, frameWindow, openFrame } from './helpers/frames.js';
import { POLICIES, STRICT, policyHeader } from './csp/policies.mjs';
import type { CspFlow } from './csp/flow.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import { contractControl } from './server/contract-client.js';

// The elements on a page served with a strict Content-Security-Policy header (test/csp/csp-middleware.mjs),
// in a frame: the whole flow, register → letter → activate → greeting, with zero violations. Violations are
// counted twice: by the page's first script (the `securitypolicyviolation` event, from the start) and by the
// browser's reports to the policy's `report-uri` (which would see one even before that script ran).

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type PolicyName = keyof typeof POLICIES;
type CspWindow = Window & { cspFlow?: CspFlow; cspViolations: Violation[] };

const ANSWER = 'Ab3dE';
const NS = 'csp-test';
const { control } = contractControl(NS);


let runs = 0;

/** The page in a frame, under `policy`; `http` puts the elements on the contract server. */
async function openPage(policy: PolicyName, { http = false } = {}) {
  const run = `csp-${Date.now()}-${++runs}`;
  const url = `/test/csp/strict.html?policy=${policy}&run=${run}${http ? `&ns=${NS}` : ''}`;
  const frame = await openFrame(url);
  const w = frameWindow<CspWindow>(frame);
  const reports = async (): Promise<unknown[]> => (await fetch(`/test/csp/__reports?run=${run}`)).json();
  return { frame, w, url, reports, violations: () => w.cspViolations };
}

/** Register, read the letter, activate with its token: resolves with the greeting's text. */
async function wholeFlow(frame: HTMLIFrameElement, w: CspWindow, http: boolean): Promise<string> {
  await waitUntil(() => w.cspFlow, 'the page script ran', { timeout: 5000 });
  const el = w.cspFlow!.register;
  const captcha = captchaOf(el);
  await captchaReady(captcha);
  const email = `csp-${Date.now()}@example.com`;
  const answer = http ? ANSWER : (await w.cspFlow!.embeddedAdapter()).debugCaptchaAnswer(captcha.captchaId!)!;
  // The policy let the elements' own styles and the captcha picture through: the page looks as it should.
  const submit = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const look = w.getComputedStyle(submit);
  expect([look.fontWeight, look.paddingTop, look.borderTopWidth], 'the submit button styled (adopted sheet)').to.deep.equal(['700', '8px', '1px']);
  const img = captcha.shadowRoot!.querySelector('img')!;
  await waitUntil(() => img.complete && img.naturalWidth > 0, 'the captcha picture shown');
  expect(w.getComputedStyle(img).display, 'the captcha styled (its shadow root)').to.equal('grid');
  await fillRegistration(el, { email, password: 'Csp-strict-2026', answer });
  const success = oneEvent(el, 'ae-register-success');
  await frameClick(frame, el.querySelector('button[type=submit]')!);
  await success;

  const outbox = http ? ((await control('GET', 'outbox')) as OutboxLetter[]) : (await w.cspFlow!.embeddedAdapter()).outbox;
  const letter = outbox.find((l) => l.to === email)!;
  const activate = w.cspFlow!.activate(letter.token);
  await oneEvent(activate, 'ae-activate-success');
  await activate.updateComplete;
  return activate.shadowRoot!.querySelector('[part~="greeting"]')?.textContent?.trim() ?? '';
}

describe('under a strict Content-Security-Policy (served as a header, Trusted Types enforced)', () => {
  beforeEach(() => control('POST', 'reset', { captchaAnswer: ANSWER, resendCooldownMs: 0 }));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const [page, script] of [
    ['strict.html', '/test/csp/flow.ts'],
    ['elements.html', '/test/csp/elements.ts'],
    ['cdn.html', '/test/csp/cdn.js'],
  ] as const) {
    it(`${page} is served as written: the policy in the header, only the external scripts it names`, async () => {
      const res = await fetch(`/test/csp/${page}?policy=strict`);
      expect(res.headers.get('content-security-policy')).to.equal(policyHeader(STRICT));
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      expect([...doc.scripts].map((s) => s.getAttribute('src'))).to.deep.equal(['/test/csp/violations.js', script]);
      expect([...doc.scripts].filter((s) => s.text.trim() !== ''), 'inline scripts').to.have.length(0);
      const inline = [...doc.querySelectorAll('*')].flatMap((n) =>
        [...n.attributes].filter((a) => a.name === 'style' || a.name.startsWith('on')).map((a) => `${n.localName}[${a.name}]`),
      );
      expect(inline, 'inline styles and handlers').to.deep.equal([]);
      expect(doc.querySelectorAll('style'), '<style> elements').to.have.length(0);
    });
  }

  it('the whole flow on the embedded MemoryAdapter: the greeting, zero violations', async () => {
    const { frame, w, violations, reports } = await openPage('strict');
    expect(await wholeFlow(frame, w, false)).to.equal('Hello, Maria!');
    expect(violations()).to.deep.equal([]);
    expect(await reports()).to.deep.equal([]);
  });

  it("the whole flow over HTTP (HttpAdapter, connect-src 'self'): the greeting, zero violations", async () => {
    const { frame, w, violations, reports } = await openPage('strict', { http: true });
    expect(await wholeFlow(frame, w, true)).to.equal('Hello, Maria!');
    expect(violations()).to.deep.equal([]);
    expect(await reports()).to.deep.equal([]);
  });

  describe('the CDN file (dist/cdn, built by npm run build): its tags in the markup, the lazy ones defined from their chunks', () => {
    const EAGER = ['ae-register', 'ae-captcha', 'ae-login', 'ae-forgot-password', 'ae-user-menu', 'ae-support-link'];
    const LAZY = ['ae-social-login', 'ae-preferences', 'ae-address-form', 'ae-account-panel', 'ae-support'];

    it('every element defined and shown, the captcha picture, the chat opened, one more tag added later: zero violations', async function () {
      this.timeout(15_000);
      const run = `csp-cdn-${Date.now()}-${++runs}`;
      const frame = await openFrame(`/test/csp/cdn.html?policy=strict&run=${run}`);
      const w = frameWindow<CspWindow & { cspCdn?: unknown }>(frame);
      await waitUntil(() => w.cspCdn, 'the CDN file ran', { timeout: 5000 });
      await waitUntil(() => [...EAGER, ...LAZY].every((t) => w.customElements.get(t)), 'every element defined', { timeout: 8000 });
      const chunks = w.performance.getEntriesByType('resource').filter((e) => e.name.includes('/dist/cdn/chunks/'));
      expect(chunks.length, 'the lazy elements came from chunks').to.be.at.least(LAZY.length);
      const doc = w.document;
      const shown = (tag: string) => {
        const el = doc.querySelector(tag)!;
        return (el.shadowRoot?.childElementCount ?? 0) + el.childElementCount > 0;
      };
      await waitUntil(() => [...EAGER.filter((t) => t !== 'ae-captcha'), ...LAZY].every(shown), 'every element rendered', { timeout: 8000 });
      const captcha = doc.querySelector('ae-register ae-captcha')!;
      await waitUntil(() => {
        const img = captcha.shadowRoot?.querySelector('img');
        return img?.complete && img.naturalWidth > 0;
      }, 'the captcha picture', { timeout: 8000 });
      const support = doc.querySelector('ae-support')!;
      await frameClick(frame, support.shadowRoot!.querySelector('[part~="launcher"]')!);
      await waitUntil(() => !support.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!.hidden, 'the chat open', { timeout: 5000 });
      // A tag added later is defined too (the chat's conversation view, on its own).
      const late = doc.createElement('ae-conversation');
      doc.body.append(late);
      await waitUntil(() => w.customElements.get('ae-conversation'), '<ae-conversation> defined when it appeared', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(JSON.stringify(w.cspViolations), 'securitypolicyviolation events').to.equal('[]');
      expect(JSON.stringify(await (await fetch(`/test/csp/__reports?run=${run}`)).json()), 'reports to report-uri').to.equal('[]');
    });
  });

  describe('what the elements need, measured', () => {
    it("no more than script-src, img-src data:, media-src data: and trusted-types lit-html (no style-src, no connect-src on the embedded adapter, form-action 'none')", async () => {
      const { frame, w, violations, reports } = await openPage('minimal');
      expect(await wholeFlow(frame, w, false)).to.equal('Hello, Maria!');
      expect(violations()).to.deep.equal([]);
      expect(await reports()).to.deep.equal([]);
    });

    it('img-src data: for the embedded captcha picture (without it: a violation, also reported to report-uri)', async () => {
      const { w, violations, reports } = await openPage('no-data-images');
      await waitUntil(() => violations()?.length, 'a violation', { timeout: 5000 });
      expect(violations().map((v) => [v.directive, v.blocked])).to.deep.equal([['img-src', 'data']]);
      await waitUntil(async () => (await reports()).length > 0, 'the report sent to report-uri', { timeout: 5000 });
      expect(w.cspFlow, 'the page still runs').to.not.equal(undefined);
    });

    it("trusted-types lit-html: Lit's policy (without it: a violation, and nothing renders)", async () => {
      const { w, violations } = await openPage('no-trusted-types-policy');
      await waitUntil(() => violations()?.length, 'a violation', { timeout: 5000 });
      expect(violations().map((v) => [v.directive, v.sample])).to.deep.include(['trusted-types', 'lit-html']);
      // lit-html's module throws when its policy is refused, and with it every module that imports it.
      expect(w.cspFlow, 'the page script').to.equal(undefined);
      expect(w.document.querySelector('ae-register'), 'an <ae-register>').to.equal(null);
    });

    it('media-src data: for the embedded captcha’s code spoken (without it: Listen plays nothing, a violation)', async () => {
      const { frame, w, violations } = await openPage('no-data-media');
      await waitUntil(() => w.cspFlow, 'the page script ran', { timeout: 5000 });
      const captcha = captchaOf(w.cspFlow!.register);
      await captchaReady(captcha);
      await waitUntil(() => captcha.shadowRoot!.querySelector('[part~="listen"]'), 'the Listen button', { timeout: 5000 });
      expect(violations(), 'none before Listen').to.deep.equal([]);
      await frameClick(frame, captcha.shadowRoot!.querySelector('[part~="listen"]')!);
      await waitUntil(() => violations().length, 'a violation', { timeout: 5000 });
      expect(violations().map((v) => [v.directive, v.blocked])).to.deep.equal([['media-src', 'data']]);
    });

    it("connect-src for the endpoint over HTTP (connect-src 'none': a violation)", async () => {
      const { violations } = await openPage('no-connect', { http: true });
      await waitUntil(() => violations()?.length, 'a violation', { timeout: 5000 });
      expect(violations().map((v) => v.directive)).to.include('connect-src');
    });
  });
});

/**
 * Every element on a page served with the strict Content-Security-Policy of test/csp/policies.mjs (`strict`:
 * default-src 'none', script-src/style-src/connect-src 'self', img-src 'self' data: blob:, Trusted Types
 * enforced with `lit-html` the only policy) and with the least one (`minimal`: no style-src, no connect-src),
 * every flow driven in a frame (test/csp/elements.html), on MemoryAdapter and over HTTP against the contract
 * server: signed out, the support chat (a topic, the agent's answer, a message and its answer: over HTTP a
 * Server-Sent Events stream, under connect-src 'self'), social sign-in (the in-page consent), "forgot password"
 * and the reset link; then sign-in, the user menu, every section of the account panel and a profile change,
 * location and currency saved, a shipping address saved (its lazy zod + libphonenumber chunk loaded); sign-out.
 * After each flow the violations are counted twice, as test/csp.test.ts does: the page's first script listens
 * for `securitypolicyviolation` from the start, and the browser's reports to the policy's `report-uri` are
 * fetched from the middleware. The tests of one page run in order (each continues where the previous left).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { frameClick, frameWindow, openFrame } from './helpers/frames.js';
import { conversationOf, launcher, messageLines, panel } from './support-helpers.js';
import { authFixtures } from './server/auth-fixtures.js';
import { needCapability } from '../src/internal/need-capability.js';
import type { CspElements } from './csp/elements.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeAccountPanel } from '../src/components/account-panel/account-panel.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type CspWindow = Window & { cspElements?: CspElements; cspViolations: Violation[] };

const BUYER = { email: 'nova.buyer@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };
const NEW_PASSWORD = 'Nova-reset-2027';
const NS = `csp-elements-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NS);
const SECTIONS = ['orders', 'messages', 'wishes', 'stores', 'coupons', 'points', 'payments', 'preferences', 'addresses', 'profile', 'overview'];

let runs = 0;

interface Page {
  frame: HTMLIFrameElement;
  w: CspWindow;
  els: CspElements;
  http: boolean;
  password: string;
}

async function openPage(policy: 'strict' | 'minimal', http: boolean): Promise<Page & { run: string }> {
  const run = `csp-elements-${Date.now()}-${++runs}`;
  const url = `/test/csp/elements.html?policy=${policy}&run=${run}${http ? `&ns=${NS}&csrf=${encodeURIComponent(f.names.csrf)}` : ''}`;
  const frame = await openFrame(url);
  const w = frameWindow<CspWindow>(frame);
  await waitUntil(() => w.cspElements, 'the page script ran', { timeout: 5000 });
  return { frame, w, els: w.cspElements!, http, password: BUYER.password, run };
}

const reports = async (run: string): Promise<unknown[]> => (await fetch(`/test/csp/__reports?run=${run}`)).json();

/** Focuses `field` (in the frame) and types `text` with real keys, replacing what it held. */
async function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
}
const field = (root: ParentNode, name: string) => {
  const i = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!i) throw new Error(`no field ${name}`);
  return i;
};
/** A choice in a <select> as a person makes it: the value, then `input` and `change` (the frame's events). */
function choose(w: Window, select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new (w as unknown as typeof globalThis).Event('input', { bubbles: true }));
  select.dispatchEvent(new (w as unknown as typeof globalThis).Event('change', { bubbles: true }));
}
/** The button whose text is `text` (its own text: helpers/dom.ts' findButton reads styles of this window). */
function button(root: ParentNode, text: string): HTMLButtonElement {
  const all = [...root.querySelectorAll('button')];
  const b = all.find((x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
  if (!b) throw new Error(`no button ${text} among ${all.map((x) => x.textContent?.trim()).join(' | ')}`);
  return b;
}
const updated = (el: Element) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

/** The letters sent so far, newest last (the embedded outbox, or the contract server's). */
async function outbox(p: Page): Promise<readonly OutboxLetter[]> {
  return p.http ? ((await f.server.control('GET', 'outbox')) as OutboxLetter[]) : (p.els.adapter as MemoryAdapter).outbox;
}

function flows(mode: 'MemoryAdapter' | 'HTTP', policy: 'strict' | 'minimal') {
  const http = mode === 'HTTP';
  describe(`every element, policy ${policy}, on ${mode}`, () => {
    let p: Page & { run: string };
    const noViolations = async (what: string) => {
      expect(JSON.stringify(p.w.cspViolations), `${what}: securitypolicyviolation events`).to.equal('[]');
      expect(JSON.stringify(await reports(p.run)), `${what}: reports to report-uri`).to.equal('[]');
    };

    before(async () => {
      // The frames share this origin's storage: what a page before kept (a conversation's id) stays behind.
      sessionStorage.clear();
      localStorage.clear();
      if (http) {
        await f.server.reset({ captchaAnswer: 'Ab3dE', captchaAudio: 'inline', resendCooldownMs: 0, longTimeBuyers: [BUYER.email] });
        await f.server.control('POST', 'support/settings', { agentDelayMs: 0, operatorStatus: 'online' });
        await f.activeProfile(BUYER.email, BUYER.password);
      }
      p = await openPage(policy, http);
    });
    after(async () => {
      // A report the browser sent late is seen here.
      await new Promise((r) => setTimeout(r, 300));
      const late = await reports(p.run);
      p.frame.remove();
      if (http) await f.signOutHere();
      expect(JSON.stringify(late), 'reports to report-uri, at the end').to.equal('[]');
    });

    it('<ae-support>: a topic, the agent answers; a message, the agent answers', async function () {
      this.timeout(15_000);
      const el = p.els.mount('ae-support');
      await updated(el);
      await frameClick(p.frame, launcher(el));
      await waitUntil(() => !panel(el).hidden, 'the panel open');
      await waitUntil(() => el.shadowRoot!.querySelector('button'), 'the topics');
      await frameClick(p.frame, button(el.shadowRoot!, 'The activation letter'));
      await waitUntil(() => el.shadowRoot!.querySelector('#support-email'), 'the e-mail step');
      await type(el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!, 'maria@example.com');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => messageLines(conversationOf(el)).some((l) => l.startsWith('agent:')), 'the agent', { timeout: 8000 });
      await type(conversationOf(el)!.shadowRoot!.querySelector('textarea')!, 'Still no letter');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => {
        const lines = messageLines(conversationOf(el));
        const i = lines.indexOf('person: Still no letter');
        return i >= 0 && lines.slice(i + 1).some((l) => l.startsWith('agent:'));
      }, 'the answer to the message', { timeout: 8000 });
      el.remove();
      await noViolations('the support chat');
    });

    it('<ae-captcha>: the picture shown and the code spoken (Listen: a data:audio/wav, or the endpoint’s URL)', async () => {
      const el = p.els.mount('ae-captcha');
      const root = () => el.shadowRoot!;
      await waitUntil(() => root().querySelector<HTMLImageElement>('img')?.complete && root().querySelector<HTMLImageElement>('img')!.naturalWidth > 0, 'the picture', { timeout: 5000 });
      await waitUntil(() => root().querySelector('[part~="listen"]'), 'the Listen button', { timeout: 5000 }).catch((e: Error) => {
        throw new Error(`${e.message}: ${root().innerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 1500)}`);
      });
      const listen = root().querySelector<HTMLButtonElement>('[part~="listen"]')!;
      // Sound plays only in the tab in front: beside another test file this page may be the background one.
      await executeServerCommand('bring-to-front');
      await frameClick(p.frame, listen);
      const audio = root().querySelector('audio')!;
      // Played (or refused by the policy: an error, and the violation below says which directive).
      await waitUntil(() => audio.currentTime > 0 || audio.error, 'the code playing', { timeout: 5000 });
      expect(audio.error, 'the audio refused').to.equal(null);
      audio.pause();
      el.remove();
      await noViolations('the captcha');
    });

    it('<ae-support-link>: shown', async () => {
      const el = p.els.mount('ae-support-link');
      await updated(el);
      expect(el.shadowRoot!.textContent!.trim(), 'its text').to.not.equal('');
      el.remove();
      await noViolations('the support link');
    });

    if (http) {
      it('<ae-social-login>: the popup to the provider, allow, back on a callback page under the policy, the profile form, signed in', async function () {
        this.timeout(15_000);
        const callbackRun = `${p.run}-callback`;
        const callback = `${location.origin}/test/csp/elements.html?policy=${policy}&run=${callbackRun}`;
        const el = p.els.mount('ae-social-login', { providers: 'google', redirectUri: callback } as never);
        await updated(el);
        // The window the element opens (the page's window.open hands out the real one).
        const open = p.w.open;
        let popup: Window | null = null;
        p.w.open = (...a: Parameters<Window['open']>) => (popup = open.apply(p.w, a));
        try {
          await frameClick(p.frame, el.querySelector('.ae-social-button[data-provider="google"]')!);
          await waitUntil(() => {
            try {
              return !!popup?.document.querySelector('button[value=allow]');
            } catch {
              return false;
            }
          }, 'the provider’s consent page', { timeout: 5000 });
          const doc = popup!.document;
          doc.querySelector<HTMLInputElement>('input[name=subject][value="google-200001"]')!.checked = true;
          doc.querySelector<HTMLButtonElement>('button[value=allow]')!.click();
        } finally {
          p.w.open = open;
        }
        await waitUntil(() => el.querySelector('form.ae-social-profile .ae-submit'), 'the profile form', { timeout: 5000 });
        await waitUntil(() => popup!.closed, 'the popup closed itself (its callback page relayed the answer)', { timeout: 5000 });
        const success = oneEvent(el, 'ae-social-success');
        await frameClick(p.frame, el.querySelector('.ae-submit')!);
        await success;
        el.remove();
        await p.els.adapter.signOut();
        await noViolations('social sign-in');
        await new Promise((r) => setTimeout(r, 300)); // a report the closing window sent late
        expect(JSON.stringify(await reports(callbackRun)), 'the callback page: reports to report-uri').to.equal('[]');
      });
    } else {
      it('<ae-social-login>: the in-page consent, allow, the profile form, signed in; then signed out again', async () => {
        const el = p.els.mount('ae-social-login', { providers: 'google' } as never);
        await updated(el);
        const success = oneEvent(el, 'ae-social-success');
        await frameClick(p.frame, el.querySelector('.ae-social-button[data-provider="google"]')!);
        const consent = () => p.w.document.querySelector('[data-ae-social-demo]')?.shadowRoot ?? null;
        await waitUntil(() => consent()?.querySelector('dialog[open]'), 'the consent dialog', { timeout: 4000 });
        await frameClick(p.frame, consent()!.querySelector('button.allow')!);
        await waitUntil(() => el.querySelector('form.ae-social-profile'), 'the profile form');
        await frameClick(p.frame, el.querySelector('.ae-submit')!);
        await success;
        el.remove();
        await p.els.adapter.signOut();
        await noViolations('social sign-in');
      });
    }

    it('<ae-forgot-password>: the link asked for', async () => {
      const el = p.els.mount('ae-forgot-password');
      await updated(el);
      await type(field(el, 'email'), BUYER.email);
      await frameClick(p.frame, el.querySelector('button[type="submit"]')!);
      await waitUntil(() => el.querySelector('[data-state="sent"]'), 'the answer', { timeout: 4000 });
      el.remove();
      await noViolations('forgot password');
    });

    it('<ae-reset-password>: the letter’s link, a new password, done', async () => {
      const letter = (await outbox(p)).filter((l) => l.to === BUYER.email && l.kind === 'reset').at(-1);
      expect(letter, 'the reset letter').to.not.equal(undefined);
      const el = p.els.mount('ae-reset-password', { token: letter!.token } as never);
      await waitUntil(() => el.querySelector('input[name="password"]'), 'the form', { timeout: 4000 });
      await type(field(el, 'password'), NEW_PASSWORD);
      await type(field(el, 'passwordRepeat'), NEW_PASSWORD);
      const done = oneEvent(el, 'ae-reset-password-success');
      await frameClick(p.frame, el.querySelector('button[type="submit"]')!);
      await done;
      p.password = NEW_PASSWORD;
      el.remove();
      await noViolations('reset password');
    });

    it('<ae-login>: signed in', async () => {
      const el = p.els.mount('ae-login');
      await updated(el);
      await type(field(el, 'email'), BUYER.email);
      await type(field(el, 'password'), p.password);
      const success = oneEvent(el, 'ae-login-success');
      await frameClick(p.frame, el.querySelector('button[type="submit"]')!);
      await success;
      el.remove();
      await noViolations('sign-in');
    });

    it('<ae-user-menu>: the signed-in person, the menu opened', async () => {
      const el = p.els.mount('ae-user-menu');
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="trigger"]'), 'the signed-in button', { timeout: 4000 });
      await frameClick(p.frame, el.shadowRoot!.querySelector('[part~="trigger"]')!);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="sign-out"]'), 'the menu');
      el.remove();
      await noViolations('the user menu');
    });

    it('<ae-account-panel>: every section opened', async function () {
      this.timeout(15_000);
      const el = p.els.mount('ae-account-panel') as AeAccountPanel;
      const settled = async (section: string) => {
        await waitUntil(
          () => {
            const s = el.shadowRoot!.querySelector('section.section');
            return !!s && s.getAttribute('data-section') === section && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
          },
          `the section ${section}`,
          { timeout: 5000 },
        );
        await el.updateComplete;
      };
      await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'the navigation', { timeout: 5000 });
      await settled('overview');
      for (const s of SECTIONS) {
        el.section = s;
        await settled(s);
      }
      el.remove();
      await noViolations('the account panel');
    });

    it('<ae-account-panel>: the name changed and saved', async () => {
      const el = p.els.mount('ae-account-panel', { section: 'profile' } as never) as AeAccountPanel;
      await waitUntil(() => el.querySelector<HTMLInputElement>('form[data-form="names"] input[name="firstName"]')?.value, 'the names', { timeout: 5000 });
      await type(field(el, 'firstName'), 'Novka');
      const form = el.querySelector('form[data-form="names"]')!;
      await frameClick(p.frame, form.querySelector('button[type=submit]')!);
      await waitUntil(() => (form.querySelector('.ae-success')?.textContent ?? '').trim() !== '', 'saved', { timeout: 5000 });
      el.remove();
      await noViolations('the profile');
    });

    it('<ae-preferences>: a country and its currency saved', async () => {
      const el = p.els.mount('ae-preferences');
      await waitUntil(() => el.querySelector('select[name="country"]'), 'the form', { timeout: 5000 });
      const changed = oneEvent(el, 'ae-preferences-change');
      choose(p.w, el.querySelector('select[name="country"]')!, 'BG');
      await updated(el);
      await frameClick(p.frame, el.querySelector('form button[type=submit]')!);
      await changed;
      el.remove();
      await noViolations('location and currency');
    });

    it('<ae-address-form>: an address with its phone number saved (the lazy zod + libphonenumber chunk)', async function () {
      this.timeout(15_000);
      const el = p.els.mount('ae-address-form');
      await waitUntil(() => el.querySelector('.ae-add, .ae-banner'), 'the addresses', { timeout: 8000 });
      await frameClick(p.frame, button(el, 'Add address'));
      await waitUntil(() => el.querySelector('form.ae-form'), 'the form');
      await waitUntil(() => (el as unknown as { v?: unknown }).v, 'the validation chunk loaded', { timeout: 8000 });
      choose(p.w, el.querySelector('select[name="country"]')!, 'BG');
      await updated(el);
      await type(field(el, 'name'), 'Nova Dimitrova');
      await type(field(el, 'street'), 'ul. Shipka 6');
      await type(field(el, 'postalCode'), '1504');
      await type(field(el, 'city'), 'Sofia');
      await type(field(el, 'phone'), '088 123 4567');
      const changed = oneEvent(el, 'ae-address-change');
      await frameClick(p.frame, el.querySelector('button[type=submit]')!);
      await waitUntil(() => el.querySelector('input[name="password"]') || el.querySelector('.ae-notice'), 'the password prompt or saved', { timeout: 5000 });
      if (el.querySelector('input[name="password"]')) {
        await type(field(el, 'password'), p.password);
        await frameClick(p.frame, el.querySelector('button[type=submit]')!);
      }
      await changed;
      await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
      // libphonenumber ran under the policy: the number typed nationally was saved in E.164.
      const account = await needCapability(p.els.adapter, 'account', 'listAddresses');
      expect((await account.listAddresses()).map((a) => a.phone)).to.include('+359881234567');
      el.remove();
      await noViolations('the shipping address');
    });

    it('<ae-user-menu>: signed out', async () => {
      const el = p.els.mount('ae-user-menu');
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="trigger"]'), 'the signed-in button', { timeout: 4000 });
      await frameClick(p.frame, el.shadowRoot!.querySelector('[part~="trigger"]')!);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="sign-out"]'), 'the menu');
      // Its item pressed from code: the menu's opening may still move it under a real pointer.
      el.shadowRoot!.querySelector<HTMLElement>('[part~="sign-out"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="sign-in"]'), 'signed out', { timeout: 4000 });
      el.remove();
      await noViolations('sign-out');
    });
  });
}

flows('MemoryAdapter', 'strict');
flows('MemoryAdapter', 'minimal');
flows('HTTP', 'strict');

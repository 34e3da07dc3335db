/**
 * <ae-social-login> on HttpAdapter against the contract server's fake OAuth provider: real popups opened by
 * real clicks (headless Chromium allows window.open from a user gesture) and real redirects (in a frame, so
 * that the test page stays): popup success, redirect success with the address cleaned, a closed popup, a
 * blocked popup (a host's window.open returning null, as a blocker makes it) falling back to redirect or
 * telling the person, a callback of another flow in the popup (state mismatch), a message from another
 * origin ignored, a page's own forged message ignored, and Deny. After each flow: no code or state in events,
 * attributes, storage, URL or history.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { installLeakRecorder } from './helpers/secrets.js';
import type { LeakRecorder } from './helpers/secrets.js';

const recorder: LeakRecorder = installLeakRecorder();
await import('../src/define/ae-social-login.js');
const { authFixtures } = await import('./server/auth-fixtures.js');
const { realClick } = await import('./helpers/dom.js');
const { frameWindow, openFrame } = await import('./helpers/frames.js');
const { getSessionSnapshot, setSession } = await import('../src/session/session-store.js');
const { setSessionChannelName } = await import('../src/session/session-channel.js');
import type { AuthFixtures } from './server/auth-fixtures.js';
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import type { HttpAdapter } from '../src/adapter/http-adapter.js';
import type { CompleteSocialInput } from '../src/adapter/social-types.js';
import type { AeSocialErrorEvent, AeSocialSuccessEvent } from '../src/events/social-events.js';
import type { SocialFrame } from './social-http-frame.js';

setSessionChannelName(`ae-test:social-http:${Math.random()}`);

const NS = 'social-http-flow';
const CALLBACK = `${location.origin}/test/social-http-frame.html`;
let f: AuthFixtures;

/** The adapter of a test, with every code and state it carried kept for the search afterwards. */
function tracked(): { adapter: HttpAdapter; secrets: string[]; completes: () => number } {
  const adapter = f.adapter();
  const secrets: string[] = [];
  let count = 0;
  const complete = adapter.completeSocial.bind(adapter);
  adapter.completeSocial = (input: CompleteSocialInput, o) => {
    count++;
    if (input.code) secrets.push(input.code);
    secrets.push(input.state);
    return complete(input, o);
  };
  const start = adapter.startSocial.bind(adapter);
  adapter.startSocial = async (input, o) => {
    const s = await start(input, o);
    secrets.push(s.state);
    return s;
  };
  return { adapter, secrets, completes: () => count };
}

/** Keeps the window the element opens (the host's window.open hands out the real one). */
function watchPopups(): { last: () => Window | null; restore: () => void } {
  const open = window.open;
  let last: Window | null = null;
  window.open = (...a) => (last = open.apply(window, a));
  return { last: () => last, restore: () => (window.open = open) };
}

async function mount(adapter: HttpAdapter, attrs = ''): Promise<AeSocialLogin> {
  const el = await fixture<AeSocialLogin>(html`<ae-social-login .adapter=${adapter} redirect-uri=${CALLBACK} popup-blocked=${attrs === 'tell' ? 'tell' : 'redirect'}></ae-social-login>`);
  await el.updateComplete;
  return el;
}

const button = (root: ParentNode, provider: string) => root.querySelector<HTMLButtonElement>(`.ae-social-button[data-provider="${provider}"]`)!;

/** The provider's consent page in `win` (popup or frame): picks `subject` and presses Allow or Deny. */
async function consentIn(win: () => Window | null, decision: 'allow' | 'deny', subject?: string): Promise<void> {
  await waitUntil(() => {
    try {
      return !!win()?.document.querySelector('button[value=allow]');
    } catch {
      return false;
    }
  }, 'the provider’s consent page', { timeout: 5000 });
  const doc = win()!.document;
  if (subject) doc.querySelector<HTMLInputElement>(`input[name=subject][value="${subject}"]`)!.checked = true;
  doc.querySelector<HTMLButtonElement>(`button[value=${decision}]`)!.click();
}

async function expectNoSecrets(secrets: string[], when: string, frame?: Window): Promise<void> {
  expect(secrets.length, `${when}: the flow carried a state`).to.be.greaterThan(0);
  for (const s of secrets) {
    expect(await recorder.find(s), `${when}: ${s.slice(0, 6)}… found in the test page`).to.deep.equal([]);
    if (frame) {
      const places = [frame.location.href, frame.document.documentElement.outerHTML, JSON.stringify({ ...frame.sessionStorage }), JSON.stringify({ ...frame.localStorage }), JSON.stringify(frame.history.state), JSON.stringify((frame as Window & { socialFrame?: SocialFrame }).socialFrame?.events)];
      expect(places.some((p) => p.includes(s)), `${when}: ${s.slice(0, 6)}… found in the frame`).to.equal(false);
    }
  }
}

describe('<ae-social-login> over HTTP with the fake OAuth provider', () => {
  before(async () => {
    f = await authFixtures(NS);
  });
  beforeEach(() => f.server.reset({ resendCooldownMs: 0 }));
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await f.signOutHere();
    recorder.clear();
    document.querySelectorAll('iframe').forEach((x) => x.remove());
    await f.server.expectNoViolations();
  });

  describe('popup mode', () => {
    it('success: the window opens in the click, the answer comes back by message, the profile form, signed in', async () => {
      const { adapter, secrets } = tracked();
      const el = await mount(adapter);
      const popups = watchPopups();
      try {
        await realClick(button(el, 'google'));
        expect(popups.last() !== null, 'a window was opened in the click').to.equal(true);
        await waitUntil(() => el.textContent!.includes('Continue in the Google window'), 'the waiting status');
        await consentIn(popups.last, 'allow', 'google-200001');
      } finally {
        popups.restore();
      }
      await waitUntil(() => el.querySelector('form.ae-social-profile .ae-submit'), 'the profile form', { timeout: 5000 });
      await waitUntil(() => popups.last()!.closed, 'the popup closed itself');
      const success = oneEvent(el, 'ae-social-success') as Promise<AeSocialSuccessEvent>;
      await realClick(el.querySelector('.ae-submit')!);
      const { detail } = await success;
      expect(detail.provider).to.equal('google');
      expect(detail.isNew).to.equal(true);
      expect(getSessionSnapshot().status).to.equal('signed-in');
      await expectNoSecrets(secrets, 'popup success');
    });

    it('Deny at the provider: ae-social-error denied, nothing changed', async () => {
      const { adapter, secrets } = tracked();
      const el = await mount(adapter);
      const popups = watchPopups();
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      try {
        await realClick(button(el, 'vk'));
        await consentIn(popups.last, 'deny');
      } finally {
        popups.restore();
      }
      expect({ ...(await error).detail }).to.deep.equal({ provider: 'vk', code: 'denied' });
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('You did not allow access in VK ID');
      await expectNoSecrets(secrets, 'deny');
    });

    it('a closed popup says so and leaves everything as it was', async () => {
      const { adapter, completes } = tracked();
      const el = await mount(adapter);
      const popups = watchPopups();
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      try {
        await realClick(button(el, 'facebook'));
        await waitUntil(() => el.textContent!.includes('Continue in the Facebook window'), 'waiting');
        popups.last()!.close();
      } finally {
        popups.restore();
      }
      expect({ ...(await error).detail }).to.deep.equal({ provider: 'facebook', code: 'popup_closed' });
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('The Facebook window was closed');
      expect(completes()).to.equal(0);
      expect([...el.querySelectorAll('.ae-social-button')].every((b) => b.getAttribute('aria-disabled') === 'false')).to.equal(true);
    });

    it('a callback of another flow landing in the popup is refused (state_mismatch), never completed', async () => {
      const { adapter, completes } = tracked();
      const el = await mount(adapter);
      const popups = watchPopups();
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      try {
        await realClick(button(el, 'vk'));
        await waitUntil(() => {
          try {
            return !!popups.last()!.document.querySelector('button[value=allow]');
          } catch {
            return false;
          }
        }, 'the provider’s page in the popup');
        // An attacker's link to our callback page with the code of their own flow (login CSRF): the popup's
        // page relays it like any answer, and its state is not this flow's.
        popups.last()!.location.href = `${CALLBACK}?code=attackers-code&state=attackers-state-0123456789abcdef`;
      } finally {
        popups.restore();
      }
      expect({ ...(await error).detail }).to.deep.equal({ provider: 'vk', code: 'state_mismatch' });
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('could not be confirmed');
      expect(completes(), 'never sent to the backend').to.equal(0);
      await waitUntil(() => popups.last()!.closed, 'the popup closed');
    });

    it('a message from another origin, or from the page itself, is ignored', async () => {
      const { adapter, completes, secrets } = tracked();
      const el = await mount(adapter);
      const popups = watchPopups();
      try {
        await realClick(button(el, 'google'));
        await waitUntil(() => secrets.length > 0, 'the flow started');
        const state = secrets[0]!;
        // The page itself (not the popup) posts a well-formed answer with the right state: not the popup, ignored.
        window.postMessage({ type: 'ae-social-callback', search: `?code=forged&state=${state}` }, location.origin);
        // A page of another origin in the popup posts the right state to its opener: ignored too.
        const other = location.origin.includes('localhost') ? location.origin.replace('localhost', '127.0.0.1') : location.origin.replace('127.0.0.1', 'localhost');
        popups.last()!.location.href = `${other}/test/social-http-frame.html?forge=1&code=forged&state=${encodeURIComponent(state)}`;
        await new Promise((r) => setTimeout(r, 1500));
        expect(completes(), 'nothing completed').to.equal(0);
        expect(el.textContent).to.contain('Continue in the Google window');
        popups.last()!.close();
      } finally {
        popups.restore();
      }
      await waitUntil(() => el.querySelector('.ae-banner'), 'the closed window');
      expect(completes()).to.equal(0);
    });

    it('a blocked popup with popup-blocked="tell": popup_blocked, the message and the choice, nothing started', async () => {
      const { adapter, completes } = tracked();
      let starts = 0;
      const start = adapter.startSocial.bind(adapter);
      adapter.startSocial = (...a) => {
        starts++;
        return start(...a);
      };
      const el = await mount(adapter, 'tell');
      const open = window.open;
      window.open = () => null;
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      try {
        await realClick(button(el, 'vk'));
      } finally {
        window.open = open;
      }
      expect({ ...(await error).detail }).to.deep.equal({ provider: 'vk', code: 'popup_blocked' });
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('The browser blocked the VK ID window');
      expect([...el.querySelectorAll('.ae-banner button')].map((b) => b.textContent!.trim())).to.deep.equal(['Continue in this window', 'Try again']);
      expect(starts).to.equal(0);
      expect(completes()).to.equal(0);
    });
  });

  describe('redirect mode (in a window of its own: the provider refuses frames, and the test page must stay)', () => {
    type Win = Window & { socialFrame: SocialFrame };
    const opened: Window[] = [];
    afterEach(() => opened.splice(0).forEach((w) => w.close()));

    async function frameWith(query: string): Promise<{ frame: Win; win: () => Win }> {
      const w = window.open(`/test/social-http-frame.html?ns=${NS}&${query}`, '_blank', 'popup,width=600,height=700') as Win | null;
      if (!w) throw new Error('the page window was blocked');
      opened.push(w);
      await waitUntil(() => {
        try {
          return !!w.socialFrame?.el;
        } catch {
          return false;
        }
      }, 'the page loaded', { timeout: 5000 });
      await w.socialFrame.ready;
      // Redirect mode's page is a tab of its own, not a popup: nobody opened it as far as it knows.
      w.opener = null;
      return { frame: w, win: () => w };
    }

    async function throughProvider(frame: Win, win: () => Win, provider: string, subject: string): Promise<void> {
      // No user activation is needed for a redirect (and this window is not the test page that sendMouse reaches).
      button(win().socialFrame.el!, provider).click();
      await consentIn(() => frame, 'allow', subject);
      await waitUntil(() => {
        try {
          return frame.location.pathname.endsWith('/social-http-frame.html') && !!frame.socialFrame?.el;
        } catch {
          return false;
        }
      }, 'back on the page', { timeout: 5000 });
      await frame.socialFrame.ready;
    }

    it('success: back on the same page, the flow completes from the URL, the parameters leave the address bar', async () => {
      const { frame, win } = await frameWith('mode=redirect&providers=vk');
      await throughProvider(frame, win, 'vk', 'vk-100001');
      const el = win().socialFrame.el!;
      await waitUntil(() => el.querySelector('.ae-suggest-both'), 'the profile form with the suggestion', { timeout: 5000 });
      const w = frame;
      expect(w.location.search, 'the callback removed from the URL').to.equal('');
      expect(w.location.pathname).to.equal('/test/social-http-frame.html');
      expect(w.sessionStorage.getItem('ae-social-login:flow'), 'the stored flow removed').to.equal(null);
      await expectNoSecrets(win().socialFrame.secrets, 'redirect', w);
    });

    it('a blocked popup falls back to redirect: popup_blocked, then the provider in this page, then completed', async () => {
      const { frame, win } = await frameWith('mode=popup&providers=google&block=1');
      await throughProvider(frame, win, 'google', 'google-200001');
      const el = win().socialFrame.el!;
      await waitUntil(() => el.querySelector('form.ae-social-profile'), 'the profile form', { timeout: 5000 });
      const w = frame;
      expect(w.location.search).to.equal('');
      expect(w.sessionStorage.getItem('ae-social-login:flow')).to.equal(null);
      await expectNoSecrets(win().socialFrame.secrets, 'blocked → redirect', w);
    });

    it('a flow left at the provider (Back, no answer) is forgotten: nothing stays in sessionStorage', async () => {
      const { frame, win } = await frameWith('mode=redirect&providers=facebook');
      button(win().socialFrame.el!, 'facebook').click();
      await waitUntil(() => {
        try {
          return !!frame.document.querySelector('button[value=allow]');
        } catch {
          return false;
        }
      }, 'at the provider');
      expect(frame.sessionStorage.getItem('ae-social-login:flow'), 'the flow waits while at the provider').to.not.equal(null);
      frame.history.back();
      await waitUntil(() => {
        try {
          return frame.location.pathname.endsWith('/social-http-frame.html') && !!frame.socialFrame?.el;
        } catch {
          return false;
        }
      }, 'back on the page', { timeout: 5000 });
      await frame.socialFrame.ready;
      expect(frame.sessionStorage.getItem('ae-social-login:flow')).to.equal(null);
    });

    it('a callback nobody in this tab started is refused (state_mismatch) and cleaned from the URL', async () => {
      const frame = await openFrame(`/test/social-http-frame.html?code=stolen-code&state=stolen-state`);
      const w = frameWindow<{ socialFrame: SocialFrame }>(frame);
      await w.socialFrame.ready;
      await waitUntil(() => w.socialFrame.events.some((e) => e.type === 'ae-social-error'), 'the refusal');
      expect(w.socialFrame.events.find((e) => e.type === 'ae-social-error')!.detail).to.deep.include({ code: 'state_mismatch' });
      expect(w.location.search).to.equal('');
      expect(w.socialFrame.secrets, 'never sent to the backend').to.deep.equal([]);
    });
  });
});

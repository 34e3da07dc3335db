/**
 * The faults matrix (issue 19) for the social sign-in flow of <ae-social-login> (buttons view): startSocial,
 * completeSocial, completeSocialProfile and linkSocial under the harness's faults (helpers/faults.ts): network,
 * timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days off, removal in flight, double
 * actions. Real HTTP: HttpAdapter against the contract server's social routes and its fake OAuth provider, in a
 * real popup opened by a real click; its consent page is answered as a person does (test/social-http-flow.test.ts).
 *
 * By design startSocial and completeSocial have no "Try again" of their own: the provider's button starts the
 * flow again (a code is good once, so the whole flow is the retry). completeSocialProfile's and linkSocial's
 * messages have one ("Try again" in the banner).
 *
 * A call that comes after others in one action (completeSocial after startSocial, linkSocial after the sign-in
 * that asks for it) gets the network fault alone: the harness's offline switch is narrowed to its route here
 * (`offlineOnly`), with the same TypeError a browser gives.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-social-login.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { resetFlowForTests, saveRedirect } from '../src/components/social-login/social-flow.js';
import { realClick } from './helpers/dom.js';
import { PASSWORD } from './server/auth-fixtures.js';
import { adapter, describeFaults, f, mountFixture, net, sentTo, text, type Case, type Flow } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix-social:${Math.random()}`);

const CALLBACK = `${location.origin}/test/social-http-frame.html`;
const EVENTS = ['ae-social-start', 'ae-social-success', 'ae-social-error', 'ae-social-unlink'];

// ---- the network fault narrowed to one route ----------------------------------------------------------------

let offlineOnly: RegExp | undefined;
const nativeFetch = window.fetch;
window.fetch = (url, init) => {
  const path = new URL(url instanceof Request ? url.url : String(url), location.href).pathname;
  return offlineOnly?.test(path) ? Promise.reject(new TypeError('Failed to fetch')) : nativeFetch(url, init);
};
/** When the harness has switched the network off: only `route` fails (the calls before it in the action pass). */
function narrowOffline(route: RegExp): void {
  offlineOnly = undefined;
  if (net.offline) {
    net.offline = false;
    offlineOnly = route;
  }
}
afterEach(() => {
  offlineOnly = undefined;
});

// ---- the popup ----------------------------------------------------------------------------------------------

let lastPopup: Window | null = null;
const nativeOpen = window.open;
before(() => {
  window.open = (...a) => (lastPopup = nativeOpen.apply(window, a));
});
after(() => {
  window.open = nativeOpen;
  window.fetch = nativeFetch;
});

/** The provider's consent page in the popup: picks `subject` and presses Allow. */
async function allowIn(subject: string): Promise<void> {
  await waitUntil(() => {
    try {
      return !!lastPopup?.document.querySelector('button[value=allow]');
    } catch {
      return false;
    }
  }, 'the provider’s consent page', { timeout: 5000 });
  const doc = lastPopup!.document;
  doc.querySelector<HTMLInputElement>(`input[name=subject][value="${subject}"]`)!.checked = true;
  doc.querySelector<HTMLButtonElement>('button[value=allow]')!.click();
}

const button = (el: Element, provider: string) => el.querySelector<HTMLElement>(`.ae-social-button[data-provider="${provider}"]`)!;

async function mount(): Promise<HTMLElement> {
  return mountFixture<HTMLElement>(html`<ae-social-login .adapter=${adapter()} providers="vk google" redirect-uri=${CALLBACK}></ae-social-login>`);
}

/** The flow up to the provider's answer: the button pressed, Allow for `subject` in its window. */
async function throughProvider(el: HTMLElement, provider: string, subject: string): Promise<void> {
  lastPopup = null;
  await realClick(button(el, provider));
  await allowIn(subject);
}

const profileForm = (el: Element) => el.querySelector<HTMLFormElement>('form.ae-social-profile');

/**
 * Redirect mode's way back, as the browser brings it: the flow started (its id and state kept in this tab's
 * sessionStorage, as the element keeps them before it leaves for the provider), Allow for `subject` on the
 * provider's consent page, and this page's address with the provider's `code` and `state`: what a page load
 * after the provider shows. The start goes past the faults (the call under test is the completion on arrival).
 */
async function backFromProvider(provider: 'google' | 'vk', subject: string): Promise<void> {
  const started = await f.adapter().startSocial({ provider, redirectUri: CALLBACK, mode: 'redirect', intent: 'sign-in' });
  if (started.kind !== 'redirect') throw new Error('expected a redirect flow');
  const page = new DOMParser().parseFromString(await (await nativeFetch(started.authorizationUrl)).text(), 'text/html');
  const form = page.querySelector('form')!;
  const body = new URLSearchParams({ request: form.querySelector<HTMLInputElement>('input[name=request]')!.value, decision: 'allow', subject });
  const back = new URL((await nativeFetch(new URL(form.getAttribute('action')!, started.authorizationUrl), { method: 'POST', body })).url);
  saveRedirect({ provider, flowId: started.flowId, state: started.state, intent: 'sign-in', expiresAt: started.expiresAt });
  const here = new URL(location.href);
  for (const [k, v] of back.searchParams) here.searchParams.set(k, v);
  history.replaceState(history.state, '', here.href);
  // A new page load: its first element takes the answer.
  resetFlowForTests();
}

afterEach(() => {
  // Whatever a failed test left in the address bar and the tab's storage.
  const here = new URL(location.href);
  for (const k of ['code', 'state', 'device_id', 'error', 'error_description', 'error_uri', 'iss', 'scope', 'authuser', 'hd', 'prompt', 'type', 'expires_in', 'ext_id']) here.searchParams.delete(k);
  history.replaceState(history.state, '', here.href);
  sessionStorage.removeItem('ae-social-login:flow');
});

const CASES: Case[] = [
  {
    element: 'ae-social-login',
    call: 'startSocial (a provider button, popup)',
    path: '/social/start',
    sent: 'POST social/start',
    async prepare() {
      const el = await mount();
      const google = () => button(el, 'google');
      return {
        el,
        act: () => realClick(google()),
        // By design no "Try again" of its own: the provider's button starts the flow again.
        retry: () => realClick(google()),
        failure: () => text(el.querySelector('.ae-banner p')),
        typed: () => '',
        // Started: the provider's window is open and the element waits for it.
        done: () => !!el.querySelector('.ae-social-status .ae-button'),
        pressTarget: google,
        // Pressed again while the start is pending (the window is open by then). Two presses in one go do not
        // serve: the window the first opens takes the second's input.
        double: async () => {
          await realClick(google());
          await waitUntil(() => sentTo('POST social/start').length > 0 && el.querySelector('.ae-social-status .ae-button'), 'starting', { timeout: 5000 });
          await realClick(google());
          await realClick(button(el, 'vk'));
        },
        events: EVENTS,
      };
    },
  },
  {
    element: 'ae-social-login',
    call: 'completeSocial (the provider’s answer)',
    path: '/social/complete',
    sent: 'POST social/complete',
    async prepare() {
      const el = await mount();
      const act = async () => {
        narrowOffline(/\/social\/complete$/);
        await throughProvider(el, 'google', 'google-200001');
      };
      const flow: Flow = {
        el,
        act,
        // By design no "Try again" of its own: the code was good once, the provider's button runs the flow again.
        retry: act,
        failure: () => text(el.querySelector('.ae-banner p')),
        typed: () => '',
        done: () => !!profileForm(el),
        // A double click on the provider's button while its answer is being completed.
        double: async () => {
          await act();
          await waitUntil(() => sentTo('POST social/complete').length > 0, 'completing', { timeout: 5000 });
          await realClick(button(el, 'google'));
          await realClick(button(el, 'vk'));
          // Nor a new flow.
          expect(sentTo('POST social/start').length, 'starts').to.equal(1);
        },
        events: EVENTS,
      };
      return flow;
    },
  },
  {
    element: 'ae-social-login',
    call: 'completeSocialProfile (the profile form)',
    path: '/social/profile',
    sent: 'POST social/profile',
    async prepare() {
      const el = await mount();
      await throughProvider(el, 'google', 'google-200001');
      await waitUntil(() => profileForm(el)?.querySelector('.ae-submit'), 'the profile form', { timeout: 5000 });
      const field = (name: string) => profileForm(el)?.querySelector<HTMLInputElement>(`input[name="${name}"]`) ?? null;
      field('firstName')!.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: 'na' });
      const submit = () => profileForm(el)!.querySelector<HTMLElement>('.ae-submit')!;
      return {
        el,
        act: () => realClick(submit()),
        retry: () => realClick(profileForm(el)!.querySelector<HTMLElement>('.ae-banner button')!),
        failure: () => text(profileForm(el)?.querySelector('.ae-banner p')),
        typed: () => `${field('firstName')?.value} ${field('lastName')?.value}`,
        done: () => !!el.querySelector(':scope > .ae-root > .ae-success'),
        pressTarget: submit,
        enterField: () => field('lastName')!,
        events: EVENTS,
      };
    },
  },
  {
    element: 'ae-social-login',
    call: 'linkSocial (an address with a profile: signed in, then linked)',
    path: '/social/link',
    sent: 'POST social/link',
    async prepare() {
      await f.activeProfile('ivan.petrov@example.com');
      const el = await mount();
      await throughProvider(el, 'google', 'google-200002');
      await waitUntil(() => el.querySelector('.ae-social-linking ae-login input[name=password]'), 'the sign-in to link', { timeout: 6000 });
      const login = el.querySelector('.ae-social-linking ae-login')!;
      const email = login.querySelector<HTMLInputElement>('input[name=email]')!;
      email.focus();
      await sendKeys({ type: 'ivan.petrov' });
      await sendKeys({ type: '@example.com' });
      login.querySelector<HTMLInputElement>('input[name=password]')!.focus();
      await sendKeys({ type: PASSWORD });
      const submit = () => login.querySelector<HTMLElement>('button[type=submit]')!;
      const banner = () => el.querySelector<HTMLElement>('.ae-social-linking .ae-banner');
      return {
        el,
        act: async () => {
          narrowOffline(/\/social\/link$/);
          await realClick(submit());
        },
        retry: async () => {
          narrowOffline(/\/social\/link$/);
          await realClick(banner()!.querySelector('button')!);
        },
        failure: () => text(banner()?.querySelector('p')),
        typed: () => '',
        done: () => !!el.querySelector(':scope > .ae-root > .ae-success'),
        // The sign-in pressed twice and Enter held down: one sign-in, one linking (it starts after the sign-in's answer).
        double: async () => {
          await Promise.all([realClick(submit()), realClick(submit())]);
          login.querySelector<HTMLInputElement>('input[name=password]')?.focus();
          await sendKeys({ down: 'Enter' });
          await sendKeys({ down: 'Enter' });
          await sendKeys({ up: 'Enter' });
          await waitUntil(() => sentTo('POST social/link').length > 0, 'linking', { timeout: 5000 });
          expect(sentTo('POST sign-in').length, 'sign-ins').to.equal(1);
        },
        events: EVENTS,
      };
    },
  },
  {
    element: 'ae-social-login',
    call: 'completeSocial (redirect mode: back from the provider, completed on arrival)',
    path: '/social/complete',
    sent: 'POST social/complete',
    async prepare() {
      const arrive = async () => {
        await backFromProvider('google', 'google-200001');
        flow.el = await mountFixture<HTMLElement>(html`<ae-social-login .adapter=${adapter()} mode="redirect" providers="vk google" redirect-uri=${CALLBACK}></ae-social-login>`);
      };
      const flow: Flow = {
        el: document.createElement('div'),
        act: arrive,
        // The provider's button again: in redirect mode the page goes to the provider and comes back, a new
        // page load with a new answer (a code is good once).
        retry: async () => {
          expect(!!button(flow.el, 'google') && !!flow.el.querySelector('.ae-banner p'), 'the provider’s button beside the message').to.equal(true);
          flow.el.remove();
          await arrive();
        },
        failure: () => text(flow.el.querySelector('.ae-banner p')),
        typed: () => '',
        done: () => !!profileForm(flow.el),
        // A second element on the page while the first completes (and the first set up again): the answer is
        // taken once.
        double: async () => {
          await arrive();
          await waitUntil(() => sentTo('POST social/complete').length > 0, 'completing', { timeout: 5000 });
          await mountFixture<HTMLElement>(html`<ae-social-login .adapter=${adapter()} mode="redirect" providers="vk google" redirect-uri=${CALLBACK}></ae-social-login>`);
          (flow.el as HTMLElement & { mode: string }).mode = 'redirect';
          expect(location.search, 'the answer left the address bar').not.to.match(/[?&](code|state)=/);
        },
        events: EVENTS,
      };
      return flow;
    },
  },
];

describeFaults(CASES);

// The page script of social-http-frame.html (see there): a window of its own for redirect mode (the provider's
// page refuses to be framed, frame-ancestors 'none'), the popup's callback page for popup mode. Records the element's events and every code and
// state its adapter handled, for the test page to read (`window.socialFrame`).
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import type { CompleteSocialInput } from '../src/adapter/social-types.js';

export interface SocialFrame {
  ready: Promise<void>;
  el?: AeSocialLogin;
  events: { type: string; detail: unknown }[];
  secrets: string[];
}

const frame: SocialFrame = { ready: Promise.resolve(), events: [], secrets: [] };
(window as Window & { socialFrame?: SocialFrame }).socialFrame = frame;

const params = new URLSearchParams(location.search);
if (params.get('forge') === '1') {
  // An attacker's page in the popup: it knows a state and posts to whoever opened it, any origin.
  (window.opener as Window | null)?.postMessage({ type: 'ae-social-callback', search: location.search.replace(/[?&]forge=1/, '') }, '*');
} else {
  const KEY = 'ae-test-social-frame';
  const given = params.has('ns') ? { ns: params.get('ns')!, mode: params.get('mode') ?? 'redirect', providers: params.get('providers') ?? 'vk google facebook', block: params.get('block') === '1' } : undefined;
  if (given) sessionStorage.setItem(KEY, JSON.stringify(given));
  const setup = given ?? (JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as typeof given);
  if (setup?.block) window.open = () => null;
  frame.ready = (async () => {
    await import('../src/define/ae-social-login.js');
    const el = document.createElement('ae-social-login');
    if (setup) {
      const { authFixtures } = await import('./server/auth-fixtures.js');
      const adapter = (await authFixtures(setup.ns)).adapter();
      const complete = adapter.completeSocial.bind(adapter);
      adapter.completeSocial = (input: CompleteSocialInput, o) => {
        if (input.code) frame.secrets.push(input.code);
        frame.secrets.push(input.state);
        return complete(input, o);
      };
      el.adapter = adapter;
      el.mode = setup.mode as 'popup' | 'redirect';
      el.providers = setup.providers;
    }
    for (const type of ['ae-social-start', 'ae-social-success', 'ae-social-error']) {
      el.addEventListener(type, (e) => frame.events.push({ type, detail: { ...(e as CustomEvent).detail } }));
    }
    document.body.append(el);
    frame.el = el;
    await el.updateComplete;
  })();
}

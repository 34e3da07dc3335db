// Which adapter an element's first requests go to, when the page sets it in the usual places: the page default
// in the module that imports the elements (README, "With a bundler"), or the `adapter` property set right after
// the element was connected (`document.createElement`, append, then the property, as frameworks do). The
// elements ask in a microtask after connecting (AeElement.startLoads), so both are in place by then.
import './helpers/tags-before-define.js';
import '../src/define/ae-captcha.js';
import '../src/define/ae-user-menu.js';
import '../src/define/ae-address-form.js';
import '../src/define/ae-preferences.js';
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { setDefaultAdapter } from '../src/internal/default-adapter.js';

/** A MemoryAdapter that writes down the name of every method called on it. */
function recording(calls: string[], inner = new MemoryAdapter()): AuthAdapter {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || key.startsWith('debug')) return value;
      return (...args: unknown[]) => {
        calls.push(key);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as unknown as AuthAdapter;
}

// The page default, set by the module that imports the elements, after those imports: the elements in the
// HTML are already connected at this point.
const pageInner = new MemoryAdapter();
const pageCalls: string[] = [];
setDefaultAdapter(recording(pageCalls, pageInner));

const settled = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the first requests of an element go to the adapter the page set', () => {
  it('the page default set after importing the elements, with their tags already in the HTML', async () => {
    const captcha = document.getElementById('in-html') as AeCaptcha;
    await waitUntil(() => captcha.captchaId, 'a picture', { timeout: 5000 });
    // The picture is the page adapter's: it can check the answer to it (the embedded adapter's would not).
    expect(pageInner.debugCaptchaAnswer(captcha.captchaId!), 'the answer is known to the page adapter').to.be.a('string');
    await waitUntil(() => pageCalls.includes('getSession'), 'the user menu asked the page adapter for the session', { timeout: 5000 });
    expect(pageCalls.filter((c) => c === 'getCaptcha').length, 'one picture, asked once').to.equal(1);
  });

  it('the adapter property set right after the element is connected (and not the default)', async () => {
    const own: string[] = [];
    const adapter = recording(own);
    const before = pageCalls.length;
    const captcha = document.createElement('ae-captcha');
    const addresses = document.createElement('ae-address-form');
    const preferences = document.createElement('ae-preferences');
    document.body.append(captcha, addresses, preferences);
    captcha.adapter = adapter;
    addresses.adapter = adapter;
    preferences.adapter = adapter;
    try {
      await waitUntil(() => captcha.captchaId && own.includes('listAddresses') && own.includes('getPreferences'), 'the three first requests', {
        timeout: 5000,
      });
      expect(own.filter((c) => c === 'getCaptcha').length, 'one picture, from the own adapter').to.equal(1);
      await settled(300);
      expect(pageCalls.slice(before), 'nothing asked of the page default').to.deep.equal([]);
    } finally {
      captcha.remove();
      addresses.remove();
      preferences.remove();
    }
  });

  it('a page default set later (from another script) brings a captcha a picture of its own', async () => {
    const captcha = document.createElement('ae-captcha');
    const own: string[] = [];
    const withOwn = document.createElement('ae-captcha');
    withOwn.adapter = recording(own);
    document.body.append(captcha, withOwn);
    const laterInner = new MemoryAdapter();
    const laterCalls: string[] = [];
    try {
      await waitUntil(() => captcha.captchaId && withOwn.captchaId, 'the first pictures', { timeout: 5000 });
      const ownId = withOwn.captchaId;
      expect(pageInner.debugCaptchaAnswer(captcha.captchaId!), 'first from the page default').to.be.a('string');
      setDefaultAdapter(recording(laterCalls, laterInner));
      await waitUntil(() => laterInner.debugCaptchaAnswer(captcha.captchaId ?? ''), 'a picture of the new default', { timeout: 5000 });
      // The captcha of the first test, still in the page, asks it too.
      const inHtml = document.getElementById('in-html') as AeCaptcha;
      await waitUntil(() => laterInner.debugCaptchaAnswer(inHtml.captchaId ?? ''), 'the other captcha on the default', { timeout: 5000 });
      expect(laterCalls).to.deep.equal(['getCaptcha', 'getCaptcha']);
      // The person's answer goes where the picture came from: the new default, nothing else changes.
      expect(withOwn.captchaId, 'a captcha with its own adapter keeps its picture').to.equal(ownId);
      expect(own).to.deep.equal(['getCaptcha']);
    } finally {
      setDefaultAdapter(recording(pageCalls, pageInner));
      captcha.remove();
      withOwn.remove();
    }
  });

  it('an element connected and removed in the same task asks for nothing', async () => {
    const own: string[] = [];
    const captcha = document.createElement('ae-captcha');
    captcha.adapter = recording(own);
    document.body.append(captcha);
    captcha.remove();
    await settled(400);
    expect(own, 'no picture asked for a captcha that is gone').to.deep.equal([]);
  });
});

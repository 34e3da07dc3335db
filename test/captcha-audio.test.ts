import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define/ae-captcha.js';
import '../src/define/ae-support.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { HttpAdapter } from '../src/adapter/http-adapter.js';
import type { Captcha } from '../src/adapter/types.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { AeCaptchaHelpEvent } from '../src/events/captcha-help-event.js';
import { setLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';
import { adapterError } from './helpers/adapter.js';
import { captchaReady, realClick } from './helpers/dom.js';
import { cleanPage, conversationOf, mountSupport, panel, part as supportPart, supportAdapter } from './support-helpers.js';
import { contractControl } from './server/contract-client.js';

// Issue 19: the code spoken, as the non-visual alternative to the picture (WCAG 1.1.1), and the way out to support.
const server = contractControl(`captcha-audio-${Math.random().toString(36).slice(2)}`);
afterEach(() => server.expectNoViolations());

function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ latency: 0, captchaAnswer: 'Ab', ...options });
}

function http(): HttpAdapter {
  return new HttpAdapter({ baseUrl: '/api/auth', headers: () => server.headers });
}

async function mount(adapter: unknown): Promise<AeCaptcha> {
  const c = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${adapter}></ae-captcha>`);
  await captchaReady(c);
  // The listen button and the help link come in their own chunk, requested when the element connects.
  await waitUntil(() => c.shadowRoot!.querySelector('[part="help"]'), 'the help link', { timeout: 4000 });
  return c;
}

const part = <T extends Element = HTMLElement>(c: AeCaptcha, name: string) => c.shadowRoot!.querySelector<T>(`[part="${name}"]`);
const audioOf = (c: AeCaptcha) => c.shadowRoot!.querySelector('audio');
const listen = (c: AeCaptcha) => part<HTMLButtonElement>(c, 'listen');
const nameOf = (b: Element | null) => b?.getAttribute('aria-label') ?? '';
const describedBy = (c: AeCaptcha, el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => c.shadowRoot!.getElementById(id)?.textContent ?? '')
    .join(' ');
const playing = (c: AeCaptcha) => c.matches(':state(playing)');

/** The WAV behind an audio URL, decoded by the browser: its duration and its samples. */
async function decoded(url: string): Promise<AudioBuffer> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return new OfflineAudioContext(1, 16000, 16000).decodeAudioData(bytes);
}

async function audioUrlOf(code: string): Promise<string> {
  const captcha = await memory({ captchaAnswer: code }).getCaptcha();
  expect(typeof captcha.audio, `audio for ${code}`).to.equal('function');
  return (captcha.audio as () => Promise<string>)();
}

/**
 * Waits for `event` (an audio element's 'playing'), bringing this page back to the front while it waits: a page in
 * a background tab plays no audio, and the test file beside this one may bring its own page to the front at any
 * moment (after this file's beforeEach did).
 */
async function inFront<T>(event: Promise<T>): Promise<T> {
  let done = false;
  const waited = event.finally(() => (done = true));
  for (let i = 0; i < 12 && !done; i++) {
    await Promise.race([waited, new Promise((r) => setTimeout(r, 500))]);
    if (!done) await executeServerCommand('bring-to-front');
  }
  return waited;
}

function peak(buffer: AudioBuffer): number {
  return buffer.getChannelData(0).reduce((m, s) => Math.max(m, Math.abs(s)), 0);
}

describe('<ae-captcha> audio and help (issue 19)', () => {
  beforeEach(async () => {
    await setLocale('en');
    // A page in a background tab plays no audio (two test files run at once): this one is brought to the front.
    await executeServerCommand('bring-to-front');
  });
  afterEach(() => cleanPage());

  // First in the file: the chunk with the listen button and the help link has not been fetched yet.
  it('shows the first picture together with the help link and the listen button (nothing appears under it later)', async () => {
    const c = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${memory()}></ae-captcha>`);
    await captchaReady(c);
    expect(!!part(c, 'help'), 'the help link with the picture').to.equal(true);
    expect(!!listen(c), 'the listen button with the picture').to.equal(true);
  });

  describe('the MemoryAdapter rendition', () => {
    // First in the file: nothing else on this page has asked for a sound yet.
    it('loads the synthesizer only when the code is first heard, not with the captcha', async () => {
      const loaded = () => performance.getEntriesByType('resource').filter((e) => /src\/adapter\/captcha-audio/.test(e.name)).length;
      const c = await mount(memory());
      expect(!!listen(c), 'the listen button').to.equal(true);
      expect(loaded(), 'the audio modules before a press').to.equal(0);
      expect(audioOf(c)!.getAttribute('src'), 'no source before a press').to.equal(null);
      const played = oneEvent(audioOf(c)!, 'playing');
      await realClick(listen(c)!);
      await inFront(played);
      expect(loaded(), 'the audio modules after a press').to.be.greaterThan(0);
    });

    it('is a decodable WAV whose length grows with the code, and not silence', async () => {
      const short = await decoded(await audioUrlOf('Ab'));
      const long = await decoded(await audioUrlOf('Ab3dE'));
      expect(short.duration).to.be.within(1.5, 4);
      // Three characters more: each at least its word and the pause after it.
      expect(long.duration - short.duration).to.be.greaterThan(3 * 0.7);
      expect(peak(short), 'the loudest sample').to.be.greaterThan(0.5);
      const data = long.getChannelData(0);
      const rms = Math.sqrt(data.reduce((s, x) => s + x * x, 0) / data.length);
      expect(rms, 'the mean loudness').to.be.greaterThan(0.03);
    });

    it('says the case of each letter: "capital A" and "small a" sound different, a digit has no case word', async () => {
      const [upper, lower, digit] = await Promise.all(['A', 'a', '7'].map(async (code) => decoded(await audioUrlOf(code))));
      const [u, l] = [upper.getChannelData(0), lower.getChannelData(0)];
      let differ = u.length !== l.length;
      for (let i = 0; !differ && i < u.length; i++) differ = u[i] !== l[i];
      expect(differ, '"capital A" is not "small a"').to.equal(true);
      // "seven" alone is shorter than "capital" + "A" and than "small" + "A" (a case word is about half a second).
      expect(upper.duration - digit.duration).to.be.greaterThan(0.2);
      expect(lower.duration - digit.duration).to.be.greaterThan(0.2);
    });

    it('offers none when told not to, or when a character has no spoken name', async () => {
      // Its type, not the value: a failing chai assertion on a function hangs the test runner's report.
      expect(typeof (await memory({ captchaAudio: false }).getCaptcha()).audio, 'captchaAudio: false').to.equal('undefined');
      expect(typeof (await memory({ captchaAnswer: 'Äb3' }).getCaptcha()).audio, 'a code with Ä').to.equal('undefined');
    });
  });

  describe('the listen button', () => {
    it('is not there when the captcha has no audio, while the help link is', async () => {
      const c = await mount(memory({ captchaAudio: false }));
      // Booleans, not nodes: chai would walk the whole DOM to print a node that should not be there.
      expect(!!listen(c), 'a listen button').to.equal(false);
      expect(!!audioOf(c), 'an <audio>').to.equal(false);
      expect(part(c, 'help')!.textContent).to.contain('Write to support');
    });

    it('has a name, a tooltip and a description that says letter case matters; nothing plays by itself', async () => {
      const c = await mount(memory());
      const b = listen(c)!;
      expect(nameOf(b)).to.equal('Listen to the code');
      expect(b.title).to.equal('Listen to the code');
      expect(describedBy(c, b)).to.match(/case matters/i);
      expect(describedBy(c, b)).to.match(/capital or small/i);
      await new Promise((r) => setTimeout(r, 300));
      expect(audioOf(c)!.paused, 'paused until pressed').to.equal(true);
      expect(audioOf(c)!.autoplay).to.equal(false);
      expect(playing(c)).to.equal(false);
      await expectAccessible(c, 'with the listen button');
    });

    it('plays on a click (the sound advances), shows the playing state, and after the end offers to play again', async () => {
      const c = await mount(memory());
      const audio = audioOf(c)!;
      audio.defaultPlaybackRate = 4; // the same sound, heard faster: the test stays short
      const started = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(started);
      await c.updateComplete;
      expect(playing(c), ':state(playing)').to.equal(true);
      expect(nameOf(listen(c))).to.equal('Stop listening');
      await expectAccessible(c, 'while playing');
      await waitUntil(() => audio.currentTime > 0.1, 'the sound advances', { timeout: 3000 });
      await oneEvent(audio, 'ended');
      await c.updateComplete;
      expect(playing(c)).to.equal(false);
      expect(nameOf(listen(c))).to.equal('Listen to the code again');
      expect(listen(c)!.title).to.equal('Listen to the code again');
    });

    it('pressed while playing stops; pressed again plays from the start', async () => {
      const c = await mount(memory({ captchaAnswer: 'Ab3dE' }));
      const audio = audioOf(c)!;
      const started = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(started);
      await waitUntil(() => audio.currentTime > 0.5, 'half a second heard', { timeout: 3000 });
      const paused = oneEvent(audio, 'pause');
      await realClick(listen(c)!);
      await paused;
      await c.updateComplete;
      expect(playing(c)).to.equal(false);
      expect(nameOf(listen(c))).to.equal('Listen to the code again');
      const again = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(again);
      expect(audio.currentTime, 'from the start').to.be.below(0.5);
      expect(playing(c)).to.equal(true);
    });

    it('"Refresh code" stops the sound, and the next press plays the new code', async () => {
      const adapter = memory({ captchaAnswer: undefined, seed: 7 });
      const c = await mount(adapter);
      const audio = audioOf(c)!;
      const started = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(started);
      const first = audio.src;
      const firstId = c.captchaId;
      await realClick(part(c, 'refresh')!);
      await waitUntil(() => c.captchaId && c.captchaId !== firstId && listen(c) && !listen(c)!.disabled, 'a new code');
      expect(audio.paused, 'stopped by the refresh').to.equal(true);
      expect(playing(c)).to.equal(false);
      expect(nameOf(listen(c)), 'a new code, heard for the first time').to.equal('Listen to the code');
      const next = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(next);
      expect(audio.src, 'the new code’s sound').to.not.equal(first);
      const expected = await decoded(await audioUrlOf(adapter.debugCaptchaAnswer(c.captchaId!)!));
      expect((await decoded(audio.src)).length).to.equal(expected.length);
    });

    it('says so when the sound cannot be played', async () => {
      const broken: Captcha = { id: 'c1', image: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', expiresAt: Date.now() + 60_000, audio: 'data:audio/wav;base64,AAAA' };
      const c = await mount({ getCaptcha: () => Promise.resolve(broken) });
      await realClick(listen(c)!);
      await waitUntil(() => /could not play/i.test(c.shadowRoot!.querySelector('[aria-live]')!.textContent ?? ''), 'the failure announced', { timeout: 4000 });
      expect(playing(c)).to.equal(false);
    });
  });

  describe('over HTTP (the contract server)', () => {
    it('plays the audio URL the server sends', async () => {
      await server.reset({ captchaAudio: 'inline', captchaAnswer: 'Ab' });
      const c = await mount(http());
      const audio = audioOf(c)!;
      const started = oneEvent(audio, 'playing');
      await realClick(listen(c)!);
      await inFront(started);
      expect(audio.src).to.match(/^data:audio\/wav;base64,/);
      expect((await decoded(audio.src)).duration).to.be.greaterThan(1.5);
    });

    it('has no audio, and no listen button, when the server sends none', async () => {
      await server.reset({ captchaAudio: 'none' });
      const captcha = await http().getCaptcha();
      expect(Object.keys(captcha).sort()).to.deep.equal(['expiresAt', 'id', 'image']);
      const c = await mount(http());
      expect(!!listen(c), 'a listen button').to.equal(false);
    });

    it('rejects an audio URL that is not a sound on a safe origin, and resolves a relative one against the API', async () => {
      await server.reset({});
      const body = (audio: unknown) => ({ id: 'c1', image: 'data:image/png;base64,AA', expiresAt: Date.now() + 60_000, expiresIn: 60, audio });
      for (const audio of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'data:image/png;base64,AA', 'http://elsewhere.example/a.wav', '', 42]) {
        await server.fault({ kind: 'status', status: 200, body: body(audio) });
        await adapterError(http().getCaptcha(), 'server');
      }
      await server.fault({ kind: 'status', status: 200, body: body('captcha/c1/audio') });
      expect((await http().getCaptcha()).audio).to.equal(new URL('/api/auth/captcha/c1/audio', location.href).href);
      await server.fault({ kind: 'status', status: 200, body: body('data:audio/mpeg;base64,AA') });
      expect((await http().getCaptcha()).audio).to.equal('data:audio/mpeg;base64,AA');
    });
  });

  describe('"Can\'t read or hear the code? Write to support"', () => {
    it('fires ae-captcha-help and opens the page’s <ae-support> on the captcha topic', async () => {
      const support = await mountSupport(supportAdapter());
      const c = await mount(memory());
      expect(panel(support).hidden).to.equal(true);
      const help = part(c, 'help')!;
      const fired = oneEvent(document, 'ae-captcha-help') as Promise<AeCaptchaHelpEvent>;
      await realClick(help);
      const e = await fired;
      expect(e.detail.captchaId).to.equal(c.captchaId);
      expect(e.detail.audio).to.equal(true);
      expect(e.cancelable && e.composed && e.bubbles).to.equal(true);
      await waitUntil(() => !panel(support).hidden, 'the support panel opens', { timeout: 4000 });
      expect(support.open).to.equal(true);
      // On the captcha topic already: past the topic buttons, at the e-mail step (signed out) or in the chat.
      await waitUntil(() => supportPart(support.shadowRoot, 'form') || conversationOf(support), 'the captcha topic chosen', { timeout: 4000 });
      await expectAccessible(c, 'with the help link');
    });

    it('leaves the chat closed when the event is cancelled, and adds no chat to a page that has none', async () => {
      const support = await mountSupport(supportAdapter());
      const c = await mount(memory({ captchaAudio: false }));
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-captcha-help', cancel);
      try {
        const fired = oneEvent(document, 'ae-captcha-help') as Promise<AeCaptchaHelpEvent>;
        await realClick(part(c, 'help')!);
        expect((await fired).detail.audio).to.equal(false);
        await new Promise((r) => setTimeout(r, 300));
        expect(panel(support).hidden, 'cancelled: closed').to.equal(true);
      } finally {
        document.removeEventListener('ae-captcha-help', cancel);
      }
      support.remove();
      const again = oneEvent(document, 'ae-captcha-help');
      await realClick(part(c, 'help')!);
      await inFront(again);
      await new Promise((r) => setTimeout(r, 300));
      expect(!!document.querySelector('ae-support'), 'a chat created').to.equal(false);
    });
  });
});

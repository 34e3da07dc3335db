import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import type { Captcha } from '../../adapter/types.js';
import { AeCaptchaHelpEvent } from '../../events/captcha-help-event.js';
import type { AeSupport } from '../support/support.js';

/**
 * `<ae-captcha>`'s ways around the picture (issue 19, WCAG 1.1.1), a chunk of its own that the element requests
 * when it connects, beside its first picture, so that none of it weighs on the first load. It imports nothing that
 * the first load would then have to share with it (the small checks are written here again) and never imports
 * `<ae-support>`: a captcha alone must not pull the chat into its bundle.
 *
 * - "Listen to the code", when the captcha has `audio`: an icon button beside "Refresh code" that plays the code
 *   through an `<audio preload="none">` (nothing is fetched or played before the press). Pressed while playing it
 *   stops; after the end or a stop it reads "Listen to the code again" and plays from the start. Its description
 *   says that letter case matters and that each letter is said with its case. Nothing is announced while it plays
 *   (a screen reader would talk over the code); a sound that cannot be played is announced. A new challenge stops
 *   it ({@link CaptchaExtras.hush}).
 * - "Can't read or hear the code? Write to support": fires the cancelable `ae-captcha-help`; unless cancelled, the
 *   page's `<ae-support>`, if it has one, opens on a new conversation on the `captcha` topic
 *   (`startConversation`, as `openPageSupport` of the support offer does with a page's chat); a page without one
 *   gets nothing else (no chat is created: the captcha may talk to a backend without support).
 */
export class CaptchaExtras {
  private readonly host: HTMLElement & { requestUpdate(): void };
  private readonly internals: ElementInternals;
  /** 1 playing, 2 played or stopped (the button says "again"), 3 failed; 0 not yet. */
  private sound = 0;
  /** The challenge whose sound the `<audio>` holds. */
  private soundOf?: Captcha;
  /** The challenge on display, as last rendered. */
  private captcha?: Captcha;

  constructor(host: HTMLElement & { requestUpdate(): void }, internals: ElementInternals) {
    this.host = host;
    this.internals = internals;
    const root = host.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, extrasStyles.styleSheet!];
  }

  private get audio(): HTMLAudioElement | null | undefined {
    return this.host.shadowRoot?.querySelector('audio');
  }

  private set(sound: number): void {
    this.sound = sound;
    try {
      this.internals.states[sound === 1 ? 'add' : 'delete']('playing');
    } catch {
      // No CustomStateSet: the state is a styling hook only.
    }
    this.host.requestUpdate();
  }

  /** Stops the sound and forgets it (a new challenge has its own). */
  hush(): void {
    this.audio?.pause();
    this.soundOf = undefined;
    this.set(0);
  }

  /** What the live region says about the sound, if anything. */
  status(): string | undefined {
    return this.sound === 3
      ? msg('Could not play the code', { id: 'captcha.listen.failed', desc: 'Announced when the spoken captcha cannot be played.' })
      : undefined;
  }

  /** The listen button with its `<audio>`, when `captcha` has audio. */
  listen(captcha: Captcha | undefined, disabled: boolean): TemplateResult | typeof nothing {
    this.captcha = captcha;
    if (!captcha?.audio) return nothing;
    const sound = this.sound;
    const name =
      sound === 1
        ? msg('Stop listening', { id: 'captcha.listen.stop', desc: 'The listen button while the code is being spoken (its name and tooltip): stops it.' })
        : sound
          ? msg('Listen to the code again', {
              id: 'captcha.listen.again',
              desc: 'The listen button after the code was spoken or stopped (its name and tooltip): plays it from the start.',
            })
          : msg('Listen to the code', {
              id: 'captcha.listen',
              desc: 'Button beside the captcha picture that plays the code spoken, letter by letter with its case (its name and tooltip).',
            });
    return html`<button
        part="listen"
        type="button"
        aria-label=${name}
        title=${name}
        aria-describedby="listen-hint"
        ?disabled=${disabled}
        @click=${() => void this.play()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d=${sound === 1 ? 'M7 7h10v10H7z' : 'M4 9v6h4l5 4V5L8 9zm12-1a5 5 0 0 1 0 8'}></path>
        </svg></button
      ><span id="listen-hint" hidden
        >${msg('Letter case matters: each letter is said with its case, capital or small.', {
          id: 'captcha.listen.hint',
          desc: 'Description of the listen button, read by screen readers before it is pressed (nothing is announced while the code plays, not to talk over it).',
        })}</span
      ><audio preload="none" @pause=${this.onPause} @error=${this.onPause}></audio>`;
  }

  /** "Can't read or hear the code? Write to support". */
  help(): TemplateResult {
    return html`<button part="help" type="button" @click=${this.onHelp}>
      ${msg("Can't read or hear the code? Write to support", {
        id: 'captcha.help',
        desc: 'Link-like button under the captcha picture: opens the support chat (GLOSSARY: support).',
      })}
    </button>`;
  }

  /** Plays the code from the start, or stops it when it is playing. */
  private async play(): Promise<void> {
    const audio = this.audio;
    const captcha = this.captcha;
    if (!audio || !captcha?.audio) return;
    if (this.sound === 1) return audio.pause();
    try {
      if (this.soundOf !== captcha) {
        const source = captcha.audio;
        const src = typeof source === 'string' ? source : await source();
        if (this.captcha !== captcha) return;
        audio.src = src;
        this.soundOf = captcha;
      }
      audio.currentTime = 0;
      this.set(1);
      await audio.play();
    } catch (e) {
      // A pause (a stop, a refresh) interrupting play() is an AbortError: nothing failed.
      if (this.captcha === captcha && (e as Error)?.name !== 'AbortError') this.set(3);
    }
  }

  /** Paused, ended (a pause comes first) or failed: the button offers to play again. */
  private readonly onPause = (e: Event): void => {
    if (this.sound === 1) this.set(e.type === 'error' ? 3 : 2);
  };

  private readonly onHelp = (): void => {
    const captcha = this.captcha;
    const event = new AeCaptchaHelpEvent({ captchaId: captcha?.id, audio: !!captcha?.audio });
    const support = document.querySelector<AeSupport>('ae-support');
    if (this.host.dispatchEvent(event) && support) {
      // The chat adds the page's locale itself; the context says where the person is.
      void customElements.whenDefined('ae-support').then(() => support.startConversation({ topic: 'captcha', context: { step: 'captcha' } }));
    }
  };
}

/** The listen button in the refresh button's look (captcha.styles.ts), its playing state, and the help link. */
const extrasStyles = css`
  [part='listen'] {
    display: grid;
    place-items: center;
    inline-size: var(--_control);
    block-size: var(--_control);
    padding: 0;
    color: var(--_primary);
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part='listen'] svg {
    inline-size: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  [part='listen']:disabled {
    cursor: progress;
    opacity: 0.6;
  }
  :host(:state(playing)) [part='listen'] {
    color: var(--_surface);
    background: var(--_primary);
  }
  [part='help'] {
    justify-self: start;
    padding: 0;
    color: var(--_primary);
    font: inherit;
    font-size: var(--_small);
    text-align: start;
    text-decoration: underline;
    background: none;
    border: 0;
    cursor: pointer;
  }
  [part='listen']:focus-visible,
  [part='help']:focus-visible {
    outline: var(--_ring);
    outline-offset: 2px;
  }
`;

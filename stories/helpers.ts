/**
 * Shared by the stories: drive `<ae-register>` and `<ae-captcha>` into a state the way a person would (values
 * in the real inputs, `input` / `change` events, a real form submission), and log element events to the
 * Actions panel. Not part of the library.
 */
import { action } from 'storybook/actions';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { ActivationCapability, AuthAdapter, CallOptions, CaptchaCapability, RegistrationCapability } from '../src/adapter/types.js';

/** The captcha text every story's MemoryAdapter uses (`captchaAnswer`), so a story can "type" it. */
export const CAPTCHA_ANSWER = 'Ab3dE';

/** A registration that passes every check. */
export const VALID = {
  email: 'maria@example.com',
  firstName: 'Maria',
  lastName: 'Ivanova',
  password: 'Sekret-2026',
  passwordRepeat: 'Sekret-2026',
} as const;

export type RegisterValues = Partial<Record<keyof typeof VALID, string>>;

/** Sends every event of `types` that reaches `el` to the Actions panel, with its `detail`. */
export function logEvents(el: EventTarget, types: readonly string[]): void {
  for (const type of types) {
    el.addEventListener(type, (e) => action(type)((e as CustomEvent).detail ?? null));
  }
}

/** Polls `check` every 20 ms; rejects after `timeout` ms. */
export async function waitFor(check: () => boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`story: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the story's element is in the page (a story's render returns it before it is attached). */
export async function attached(el: Element): Promise<void> {
  await waitFor(() => el.isConnected, 'the element to be attached');
}

/** Waits until a captcha shows a picture (it loads one when it connects). */
export async function captchaReady(captcha: AeCaptcha): Promise<void> {
  await captcha.updateComplete;
  await waitFor(() => !!captcha.captchaId, 'a captcha picture');
  await captcha.updateComplete;
}

/** The `<ae-captcha>` inside a register form. */
export function captchaOf(el: AeRegister): AeCaptcha {
  const captcha = el.querySelector('ae-captcha');
  if (!captcha) throw new Error('story: no <ae-captcha> in <ae-register>');
  return captcha;
}

/**
 * Puts `value` into the light-DOM input `name` of the form and fires `input`, then (unless `commit` is false)
 * `change`, as typing and leaving the field does.
 */
export function setField(el: AeRegister, name: string, value: string, commit = true): void {
  const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`story: no input[name=${name}]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Fills the given fields (all of them by default, with valid values) and, unless `captcha` is null, the captcha. */
export async function fillRegister(
  el: AeRegister,
  values: RegisterValues = VALID,
  captcha: string | null = CAPTCHA_ANSWER,
): Promise<void> {
  await el.updateComplete;
  for (const [name, value] of Object.entries(values)) setField(el, name, value);
  if (captcha !== null) {
    const c = captchaOf(el);
    await captchaReady(c);
    c.value = captcha;
    await c.updateComplete;
  }
  await el.updateComplete;
}

/** Submits the form the way the submit button does (submit event, no page load). */
export async function submit(el: AeRegister): Promise<void> {
  await el.updateComplete;
  const form = el.form;
  if (!form) throw new Error('story: <ae-register> has no form');
  form.requestSubmit();
  await el.updateComplete;
}

/** Logs a failed story script to the console instead of leaving an unhandled rejection. */
export function run(script: () => Promise<void>): void {
  script().catch((error: unknown) => console.error(error));
}

/** An adapter whose `register` takes `ms` (abortable) before `base` answers; every other call is immediate. */
export function slowRegister(base: AuthAdapter, ms: number): CaptchaCapability & RegistrationCapability & ActivationCapability {
  const wait = (o?: CallOptions) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      o?.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(o.signal?.reason);
        },
        { once: true },
      );
    });
  return {
    getCaptcha: (o) => base.getCaptcha(o),
    register: async (input, o) => {
      await wait(o);
      return base.register(input, o);
    },
    resendActivation: (email, o) => base.resendActivation(email, o),
    activate: (token, o) => base.activate(token, o),
  };
}

import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { CAPTCHA_ANSWER } from './helpers.js';
import { words } from './strings.js';

interface Args {
  name: string;
  required: boolean;
  disabled: boolean;
  /** An error set by the host page (as `<ae-register>` does when the server rejects the answer). */
  error: 'none' | 'captcha.invalid' | 'captcha.expired';
  /** Milliseconds the (simulated) server takes per picture. */
  latency: number;
}

interface Loaded {
  adapter: MemoryAdapter;
}

/** Logs the element's events; `input` and `change` carry no detail, so the answer is logged instead. */
function logCaptchaEvents(el: AeCaptcha): void {
  el.addEventListener('ae-captcha-refresh', (e) => action('ae-captcha-refresh')(e.detail));
  el.addEventListener('ae-captcha-help', (e) => action('ae-captcha-help')(e.detail));
  for (const type of ['input', 'change'] as const) {
    el.addEventListener(type, () => action(type)({ value: el.value }));
  }
}

function create(args: Args, context: StoryContext<Args>): AeCaptcha {
  const el = document.createElement('ae-captcha');
  el.adapter = (context.loaded as Loaded).adapter;
  el.name = args.name;
  el.required = args.required;
  el.disabled = args.disabled;
  if (args.error !== 'none') el.error = { code: args.error };
  logCaptchaEvents(el);
  return el;
}

const meta: Meta<Args> = {
  title: 'Elements/ae-captcha',
  component: 'ae-captcha',
  args: { name: 'captcha', required: true, disabled: false, error: 'none', latency: 0 },
  argTypes: {
    name: { description: 'Name in form data; the challenge id goes as `${name}Id`.', control: 'text' },
    required: { description: 'An answer is required for the form to be valid.', control: 'boolean' },
    disabled: { description: 'Disables the field and the refresh button.', control: 'boolean' },
    error: {
      description: 'The `error` property (a `{ code }` issue), as a host sets it after the server refused.',
      control: 'inline-radio',
      options: ['none', 'captcha.invalid', 'captcha.expired'],
    },
    latency: { control: { type: 'number', min: 0, step: 500 }, table: { disable: true } },
  },
  // Its own backend per render; the demo picture always reads "Ab3dE".
  loaders: [async ({ args }) => ({ adapter: new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, latency: args.latency }) })],
  render: create,
};
export default meta;

type Story = StoryObj<Args>;

/** The element alone. Type the code from the picture ("Ab3dE"; letter case matters). */
export const Playground: Story = {};

/**
 * Form-associated: in a plain `<form>` it submits the answer under `name` and the challenge id under
 * `${name}Id`, blocks submission while empty (`required`), and empties on reset.
 */
export const Standalone: Story = {
  render: (args, context): TemplateResult => {
    const { adapter } = context.loaded as Loaded;
    const t = words();
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const entries = [...new FormData(form).entries()].map(([k, v]) => `${k} = ${JSON.stringify(String(v))}`);
      const out = form.querySelector('output');
      if (out) out.textContent = entries.join('\n') || t.empty;
      action('submit')(Object.fromEntries(new FormData(form)));
    };
    const onReset = (e: Event) => {
      const out = (e.target as HTMLFormElement).querySelector('output');
      if (out) out.textContent = t.cleared;
    };
    return html`<form
      style="display:grid;gap:.75rem;max-width:24rem;font:14px/1.4 system-ui"
      @submit=${onSubmit}
      @reset=${onReset}
    >
      <label style="display:grid;gap:.25rem">${t.nickname} <input name="nickname" value="maria" /></label>
      <ae-captcha
        name=${args.name}
        ?required=${args.required}
        ?disabled=${args.disabled}
        .adapter=${adapter}
        @ae-captcha-refresh=${(e: CustomEvent) => action('ae-captcha-refresh')(e.detail)}
      ></ae-captcha>
      <div style="display:flex;gap:.5rem">
        <button type="submit">${t.send}</button>
        <button type="reset">${t.clear}</button>
      </div>
      <small>${t.demoBackend} <code>${CAPTCHA_ANSWER}</code>.</small>
      <div>${t.formDataOnSubmit}</div>
      <output style="display:block;white-space:pre-wrap;font-family:monospace;padding:.5rem;border:1px dashed #888;min-height:3em"
        >${t.nothingSent}</output
      >
    </form>`;
  },
};

/** The picture could not be loaded (no connection): a message in its place; "Refresh code" retries. */
export const LoadFailure: Story = {
  loaders: [
    async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER });
      adapter.failNext('network', { method: 'getCaptcha' });
      return { adapter };
    },
  ],
};

/** A slow server: "Loading the code…" while the picture is on its way (10 minutes by default; lower `latency`). */
export const SlowLoading: Story = {
  args: { latency: 10 * 60 * 1000 },
  argTypes: { latency: { table: { disable: false } } },
};

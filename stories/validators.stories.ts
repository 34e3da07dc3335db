import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { validateRegistrationField, validationMessage } from '../src/validation/index.js';
import type { RegistrationField } from '../src/validation/index.js';
import type { TranslitSystem } from '../src/translit/index.js';

interface Args {
  field: RegistrationField;
  value: string;
  password: string;
  translit: TranslitSystem;
  passwordMinLength: number;
}

function check(args: Args) {
  const values = { [args.field]: args.value, password: args.field === 'passwordRepeat' ? args.password : args.value };
  const issue = validateRegistrationField(args.field, values, {
    translit: args.translit,
    minLength: args.passwordMinLength,
  });
  return issue;
}

function view(args: Args) {
  const issue = check(args);
  return html`<dl style="font: 14px/1.5 system-ui">
    <dt><strong>${args.field}</strong>: <code>${JSON.stringify(args.value)}</code></dt>
    <dd>
      ${issue
        ? html`<code>${issue.code}</code> ${issue.params ? html`<code>${JSON.stringify(issue.params)}</code>` : ''}
            — ${validationMessage(issue, args.field)}`
        : '✓ valid'}
    </dd>
  </dl>`;
}

const meta: Meta<Args> = {
  title: 'Core/Validators',
  argTypes: {
    field: {
      control: 'select',
      options: ['email', 'firstName', 'lastName', 'password', 'passwordRepeat', 'captcha'],
    },
    translit: { control: 'inline-radio', options: ['ru', 'bg', 'ua'] },
  },
  args: { field: 'lastName', value: 'Шишков', password: 'secret123', translit: 'ru', passwordMinLength: 8 },
  render: (args) => {
    const host = document.createElement('div');
    render(view(args), host);
    return host;
  },
};
export default meta;

export const Playground: StoryObj<Args> = {};

/** A table of typical inputs and what the schemas say about them. */
export const Samples: StoryObj<Args> = {
  render: () => {
    const rows: [RegistrationField, string][] = [
      ['email', 'maria@example.com'],
      ['email', 'maria@'],
      ['firstName', 'Мария'],
      ['lastName', 'Щукин'],
      ['lastName', 'José'],
      ['lastName', "O'Neil"],
      ['password', 'short1'],
      ['password', 'longenough'],
      ['captcha', ''],
    ];
    const host = document.createElement('div');
    render(
      html`${rows.map(([field, value]) =>
        view({ field, value, password: '', translit: 'bg', passwordMinLength: 8 }),
      )}`,
      host,
    );
    return host;
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';

/**
 * Theming: every color, radius, font and spacing is a `--ae-*` custom property with a fallback
 * (component token → system token → literal). Each color is a CSS `light-dark()` pair picked by the element's
 * `color-scheme`: the page's `prefers-color-scheme`, unless `theme="light"` or `theme="dark"` forces one.
 * `*-dark` variants set the dark palette; a brand primary, on-primary or focus color serves both schemes until
 * its `-dark` variant is set.
 * Structure in the shadow root is reachable with `::part()`; state with `:state()` on `<ae-captcha>`.
 */
const meta: Meta = {
  title: 'Guides/Theming',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
};
export default meta;

const tokens: [string, string][] = [
  ['--ae-color-primary', 'buttons, links, the focus of brand (light)'],
  ['--ae-color-on-primary', 'text on the primary color'],
  ['--ae-color-text / --ae-color-text-muted', 'text and hints'],
  ['--ae-color-danger / --ae-color-warning', 'errors, Caps Lock warning'],
  ['--ae-color-border / --ae-color-surface / --ae-color-surface-alt', 'fields and frames'],
  ['--ae-color-focus', 'focus ring'],
  ['--ae-color-*-dark', 'the same for the dark theme (primary, on-primary, focus: else the light value)'],
  ['--ae-radius / --ae-font-family / --ae-font-size / --ae-spacing', 'shape and rhythm'],
  ['--ae-register-max-width / --ae-register-padding / --ae-register-border-color', '<ae-register> only'],
  ['--ae-captcha-image-background', '<ae-captcha> only'],
];

export const Tokens: StoryObj = {
  render: () => html`<table style="font: 14px/1.5 system-ui; border-collapse: collapse">
    <thead>
      <tr><th style="text-align:start;padding:4px 12px">custom property</th><th style="text-align:start">what it colors</th></tr>
    </thead>
    <tbody>
      ${tokens.map(([name, what]) => html`<tr><td style="padding:4px 12px"><code>${name}</code></td><td>${what}</td></tr>`)}
    </tbody>
  </table>`,
};

/** An example brand theme: the whole library follows five custom properties and one `::part` rule. */
export const BrandTheme: StoryObj = {
  render: () => html`<style>
      .brand ae-register {
        --ae-color-primary: #0b6e4f;
        --ae-color-focus: #f29e4c;
        --ae-radius: 2px;
        --ae-font-family: Georgia, 'Times New Roman', serif;
        --ae-register-border-color: #0b6e4f;
      }
      .brand ae-register::part(heading) {
        letter-spacing: 0.04em;
        color: #0b6e4f;
      }
    </style>
    <div class="brand">
      <ae-register .adapter=${new MemoryAdapter({ captchaAnswer: 'Ab3dE' })}></ae-register>
    </div>`,
};

/** The same element in the dark theme, set explicitly. */
export const Dark: StoryObj = {
  render: () => html`<div style="background:#16171a;padding:1rem">
    <ae-register theme="dark" .adapter=${new MemoryAdapter({ captchaAnswer: 'Ab3dE' })}></ae-register>
  </div>`,
};

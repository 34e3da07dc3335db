import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../src/define/ae-register.js';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { CAPTCHA_ANSWER } from './helpers.js';
import { frameStyles, loadThemes, themeFrame } from './theme-helpers.js';

/**
 * The fourth theme, "Forest": nothing but public tokens under one class. The same text is the live example's
 * stylesheet and the guide's listing, so the two cannot drift apart.
 */
const FOREST_CSS = `.my-theme-forest {
  /* 1. Color: the accent and the text on it, for light and for dark (each AA or better on its surface) */
  --ae-color-primary: #1f6f4a;          /* 6.1:1 on white */
  --ae-color-on-primary: #ffffff;
  --ae-color-primary-dark: #7fd4a8;     /* 9.1:1 on the dark surface */
  --ae-color-on-primary-dark: #0c2a1b;
  --ae-color-focus: #c2410c;            /* an orange ring, seen against the green */
  --ae-color-focus-dark: #fdba74;
  --ae-color-surface-alt: #f1f5f0;
  --ae-color-line: #d5dfd6;

  /* 2. Shape: square corners */
  --ae-radius: 2px;
  --ae-radius-large: 4px;

  /* 3. Density: a tighter spacing scale and shorter controls */
  --ae-space-1: 0.125rem;
  --ae-space-2: 0.375rem;
  --ae-space-3: 0.5rem;
  --ae-space-4: 0.75rem;
  --ae-space-5: 1rem;
  --ae-space-6: 1.25rem;
  --ae-control-height: 2.375rem;

  /* 4. Type */
  --ae-font-family: Georgia, 'Times New Roman', serif;
  --ae-font-size: 0.9375rem;
}`;

const GUIDE = `
A theme is a set of public \`--ae-*\` custom properties under a class. The package's own
\`themes/marketplace.css\` and \`themes/dark.css\` are nothing more, so a designer can make a fourth one without
touching the elements: no \`::part\` rule, no selector into a shadow root.

**1. Start from the token list** (Guides/Themes → Tokens): every property the elements read, with its default
in light and in dark. Each color has a \`-dark\` twin; the element's \`color-scheme\` picks one of the two
(\`--ae-color-scheme\`, or \`theme="light|dark"\` on the element, else the system's preference). The primary,
on-primary and focus colors fall back to their light value in dark until their twin is set.

**2. Set the colors, both sides.** Check every text and border against its surface: 4.5:1 for text, 3:1 for
borders and the focus ring (WCAG AA). The elements' own axe tests cover the built-in themes, not yours.

**3. Shape and density.** \`--ae-radius\` (controls) and \`--ae-radius-large\` (cards); the spacing scale
\`--ae-space-1…6\` and \`--ae-control-height\` set how dense the form reads. Keep controls at least 2.25rem tall
(a finger on a phone).

**4. Type.** \`--ae-font-family\`, \`--ae-font-size\` and \`--ae-line-height\`.

**5. Put the class on an ancestor**: \`<html class="my-theme-forest">\` or on the container of a single form.
It combines with \`ae-theme-dark\` and with \`theme="dark"\`. The page's own CSS can read the same properties, so
header, buttons and the elements match (the demo store of \`npm start\` does this).

\`\`\`css
${FOREST_CSS}
\`\`\`
`;

const meta: Meta = {
  title: 'Guides/Build your own theme',
  parameters: {
    layout: 'padded',
    docs: { description: { component: GUIDE } },
  },
  loaders: [
    async () => {
      loadThemes();
      return {};
    },
  ],
};
export default meta;

const forestStyle = html`<style>
  ${FOREST_CSS}
</style>`;

const adapter = () => new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, seed: 7 });

function scheme(context: StoryContext): 'light' | 'dark' {
  return context.globals.theme === 'dark' ? 'dark' : 'light';
}

/** The new theme beside the neutral look it starts from: `<ae-register>`. */
export const Forest: StoryObj = {
  render: (_args, context): TemplateResult => {
    const s = scheme(context);
    return html`${frameStyles}${forestStyle}
      <div class="ae-story-themes">
        ${themeFrame('neutral', s, html`<ae-register theme=${s} .adapter=${adapter()}></ae-register>`)}
        ${themeFrame('forest', s, html`<ae-register theme=${s} .adapter=${adapter()}></ae-register>`)}
      </div>`;
  },
};

/** The same class in dark: only its `-dark` twins change. */
export const ForestDark: StoryObj = {
  name: 'Forest, dark',
  render: (): TemplateResult =>
    html`${frameStyles}${forestStyle}
      <div class="ae-story-themes">
        ${themeFrame('forest', 'dark', html`<ae-register theme="dark" .adapter=${adapter()}></ae-register>`)}
        ${themeFrame('forest', 'dark', html`<ae-captcha theme="dark" required .adapter=${adapter()}></ae-captcha>`)}
      </div>`,
};

/** `<ae-captcha>` alone in the new theme (type "Ab3dE"). */
export const ForestCaptcha: StoryObj = {
  name: 'Forest, captcha',
  render: (_args, context): TemplateResult => {
    const s = scheme(context);
    return html`${frameStyles}${forestStyle}
      <div class="ae-story-themes">
        ${themeFrame('forest', s, html`<ae-captcha theme=${s} required .adapter=${adapter()}></ae-captcha>`)}
      </div>`;
  },
};

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import globals from 'globals';

const LIT_LOCALIZE_INDEX =
  "Import msg from '@lit/localize/init/install.js' and str from '@lit/localize/internal/str-tag.js': the index " +
  'imports every module of @lit/localize, which declares no sideEffects, and esbuild then splits what the ' +
  'first render shares with that chunk into a file of its own (docs/perf/issue-14-research.md, section 15).';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'src/locales/generated/', 'bench/.peers/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/decorators.js',
              message:
                "Import each decorator from its own module ('lit/decorators/property.js', …): through this re-export " +
                'module, a lazy element using a decorator that the first render does not use (query) made Vite 8 ' +
                "(Rolldown) cut <ae-register>'s first load into 15 files instead of 9 (docs/perf/issue-14-research.md, section 14).",
            },
            {
              name: '@lit/localize',
              message: LIT_LOCALIZE_INDEX,
            },
            {
              name: '@lit/localize/lit-localize.js',
              message: LIT_LOCALIZE_INDEX,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', '*.mjs', '.storybook/**', 'demo/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);

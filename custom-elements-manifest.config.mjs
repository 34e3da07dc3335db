// `npm run analyze`: custom-elements.json from the JSDoc of every element (@summary, @slot, @csspart,
// @cssprop, @cssstate, @fires, one line per public property), and VS Code's HTML custom data made from it.
// Only the public API goes in: Storybook's controls and docs tables, IDEs and the VS Code data read this file.
// `npm run check:manifest` (scripts/check-manifest.mjs) checks the result against the TypeScript source.
import { writeFileSync } from 'node:fs';
// Members a page never calls or sets: the platform's and Lit's callbacks (the analyzer drops only the first
// four), which an element implements for the browser or for Lit, not for its users.
import { CALLBACKS } from './scripts/lit-callbacks.mjs';


/** Whether a manifest member is public API: not private or protected, not `#x` or `_x`, not static, no callback. */
function isPublicMember(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (/^[#_]/.test(member.name)) return false;
  // `static styles`, `formAssociated`, `shadowRootOptions`, `properties`: the class's set-up, not an API.
  if (member.static) return false;
  return !CALLBACKS.has(member.name);
}

/**
 * Keeps only the public API of every class: members by `isPublicMember`, and attributes whose field is one of
 * them (internal reactive state declared in `static properties` with `{ state: true }` is no attribute).
 * Runs in the package link phase, after the analyzer has copied inherited members into each element.
 */
function publicApiOnly() {
  return {
    name: 'ae-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.members) continue;
          const hidden = new Set(d.members.filter((m) => !isPublicMember(m)).map((m) => m.name));
          d.members = d.members.filter((m) => !hidden.has(m.name));
          if (d.attributes) d.attributes = d.attributes.filter((a) => !hidden.has(a.fieldName ?? a.name));
        }
      }
    },
  };
}

/** Drops what the analyzer cannot name (events dispatched as `new SomeEvent()` are named by @fires). */
function tidy() {
  return {
    name: 'ae-tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => e.name);
          // The shared base class is not an element of its own.
          if (d.customElement && !d.tagName) delete d.customElement;
        }
      }
    },
  };
}

/** VS Code custom data (`html.customData`): tags with their summary and attributes, enum values included. */
function vscodeData() {
  return {
    name: 'ae-vscode-data',
    packageLinkPhase({ customElementsManifest }) {
      const tags = [];
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.tagName) continue;
          const attributes = [...(d.attributes ?? [])].map((a) => {
            const values = (a.type?.text ?? '')
              .split('|')
              .map((v) => v.trim())
              .filter((v) => /^'.*'$/.test(v))
              .map((v) => ({ name: v.slice(1, -1) }));
            return { name: a.name, description: a.description ?? '', ...(values.length ? { values } : {}) };
          });
          tags.push({ name: d.tagName, description: d.summary ?? d.description ?? '', attributes });
        }
      }
      writeFileSync('vscode.html-custom-data.json', `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/ae-element.ts'],
  // captcha-extras.ts: the captcha's lazily loaded helper class, not an element (its members are no public API).
  exclude: ['src/**/*.styles.ts', 'src/components/captcha/captcha-extras.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [publicApiOnly(), tidy(), vscodeData()],
};

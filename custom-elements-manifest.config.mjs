// `npm run analyze`: custom-elements.json from the JSDoc of every element (@summary, @slot, @csspart,
// @cssprop, @cssstate, @fires, one line per public property), and VS Code's HTML custom data made from it.
import { writeFileSync } from 'node:fs';

/** Drops what the analyzer cannot name (events dispatched as `new SomeEvent()` are named by @fires). */
function tidy() {
  return {
    name: 'ae-tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => e.name);
          // Internal reactive state declared in `static properties` ({ state: true }) is no attribute.
          const internal = new Set((d.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
          if (d.attributes) d.attributes = d.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
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
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [tidy(), vscodeData()],
};

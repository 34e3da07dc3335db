/**
 * Controls and docs tables from custom-elements.json, one row per public name and category.
 *
 * Storybook's own mapping puts every item of every category into one object keyed by bare name, so a CSS part
 * named like a property (`error` on <ae-captcha>) replaces the property's row, and each property shows twice
 * (`passwordMinLength` and its attribute `password-min-length`). Here a property and its attribute are one row
 * (keyed by the property, as the stories' args are; the attribute named in the description), read-only
 * properties have no control, and events, slots, parts, states and CSS properties get keys of their own.
 * The manifest itself lists only the public API (custom-elements-manifest.config.mjs, scripts/check-manifest.mjs).
 */
import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
}
interface Member extends Item {
  kind: 'field' | 'method';
  readonly?: boolean;
  attribute?: string;
}
interface Attribute extends Item {
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssStates?: Item[];
  cssProperties?: Item[];
}
export interface Manifest {
  modules: { declarations?: unknown[] }[];
}

/** Storybook's type for a TypeScript type text: what picks a control (text, boolean, number, radio). */
function sbType(text: string): NonNullable<ArgTypes[string]['type']> {
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && ['string', 'boolean', 'number'].includes(parts[0])) {
    return { name: parts[0] as 'string' | 'boolean' | 'number' };
  }
  if (parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p))) {
    return { name: 'enum', value: parts.map((p) => p.slice(1, -1)) };
  }
  return { name: 'other', value: text };
}

function row(key: string, item: Item, category: string, extra: Partial<ArgTypes[string]> = {}): [string, ArgTypes[string]] {
  const type = item.type?.text;
  return [
    key,
    {
      name: item.name,
      description: item.description ?? item.summary ?? '',
      ...(type ? { type: sbType(type) } : {}),
      table: {
        category,
        ...(type ? { type: { summary: type } } : {}),
        ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
      },
      ...extra,
    },
  ];
}

function declarationOf(manifest: Manifest, tagName: string): Declaration | undefined {
  for (const mod of manifest.modules) {
    for (const d of (mod.declarations ?? []) as Declaration[]) if (d.tagName === tagName) return d;
  }
  return undefined;
}

/** The arg types of the element `tagName` (a story's `component`), or undefined if the manifest has no such tag. */
export function argTypesFromManifest(manifest: Manifest, tagName: unknown): ArgTypes | undefined {
  if (typeof tagName !== 'string') return undefined;
  const d = declarationOf(manifest, tagName);
  if (!d) return undefined;
  const entries: [string, ArgTypes[string]][] = [];
  const fields = new Set<string>();
  for (const m of d.members ?? []) {
    if (m.kind !== 'field') continue;
    fields.add(m.name);
    const attribute = m.attribute ? `Attribute \`${m.attribute}\`.` : 'Property only.';
    const description = [m.description, m.readonly ? 'Read-only.' : attribute].filter(Boolean).join(' ');
    entries.push(
      row(m.name, { ...m, description }, 'properties', m.readonly ? { control: false } : {}),
    );
  }
  for (const a of d.attributes ?? []) {
    if (!fields.has(a.fieldName ?? '')) entries.push(row(`attr:${a.name}`, a, 'attributes'));
  }
  for (const m of d.members ?? []) {
    if (m.kind === 'method') entries.push(row(`method:${m.name}`, { ...m, name: `${m.name}()` }, 'methods', { control: false }));
  }
  for (const e of d.events ?? []) entries.push(row(`event:${e.name}`, e, 'events', { control: false }));
  for (const s of d.slots ?? []) {
    entries.push(row(`slot:${s.name}`, { ...s, name: s.name || '(default)' }, 'slots', { control: false }));
  }
  for (const p of d.cssParts ?? []) {
    entries.push(row(`part:${p.name}`, { ...p, name: `::part(${p.name})` }, 'css shadow parts', { control: false }));
  }
  for (const s of d.cssStates ?? []) {
    entries.push(row(`state:${s.name}`, { ...s, name: `:state(${s.name})` }, 'css custom states', { control: false }));
  }
  for (const c of d.cssProperties ?? []) entries.push(row(c.name, c, 'css custom properties', { control: false }));
  return Object.fromEntries(entries);
}

#!/usr/bin/env node
// Run after `lit-localize build` (`npm run localize:build`): splits each generated locale module
// (src/locales/generated/ru.ts, bg.ts: every text of the library) into two parts, and writes a third:
//  - <locale>-first.ts: the texts of every element whose first control needs no adapter answer (the forms, the
//    captcha, the social block, the support launcher and chat, the preferences, the user menu, the letters of the
//    sign-up). A locale preset (`ae-auth-elements/ru.js`) carries this part in the page's own bundle.
//  - <locale>-rest.ts: the texts of the buyer's account area, whose elements show their first control only after
//    an adapter answer anyway: `<ae-account-panel>` and its sections, `<ae-address-form>`, `<ae-conversation>`,
//    and the account's letters. The first of those elements (`static localeTexts = 'rest'`) to update requests
//    it and holds its update until it is there (src/locales/preload.ts); a page without them never loads it.
//  - <locale>-captcha.ts: the texts of the captcha's own CDN file (src/cdn-captcha.ts): every text a file of its
//    graph uses, its lazy parts included (the captcha's extras, the embedded adapter), so that the file needs no
//    other texts in the page's language.
// A locale loaded on demand (no preset) loads both parts at once (src/locales/configure.ts). The full module
// stays the package's `ae-auth-elements/locales/ru.js` for pages that merge our texts into their own runtime.
//
// A text goes to the rest part when every source file that uses its id (ids are string literals: lit-localize
// extracts them so) is in the account area (REST_USERS); a text that any other file uses stays in the first part.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GENERATED = join(ROOT, 'src/locales/generated');
const LOCALES = ['ru', 'bg'];

/** The source folders and files of the account area (relative to src/, `/` separators). */
const REST_USERS = [
  'components/account-panel/',
  'components/address-form/',
  'components/conversation/',
  'adapter/memory-account.ts',
];

/** `{ header, entries: [{ id, text }], footer }` of a module written by lit-localize (runtime mode). */
function parseGenerated(file) {
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let object;
  sf.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'templates' && node.initializer) {
      if (ts.isObjectLiteralExpression(node.initializer)) object = node.initializer;
    }
    node.forEachChild(visit);
  });
  if (!object) throw new Error(`${relative(ROOT, file)}: no \`templates\` object (has lit-localize's output changed?)`);
  const entries = object.properties.map((p) => {
    if (!ts.isPropertyAssignment(p) || !ts.isStringLiteral(p.name)) {
      throw new Error(`${relative(ROOT, file)}: unexpected entry ${p.getText(sf).slice(0, 60)}`);
    }
    return { id: p.name.text, text: p.getText(sf) };
  });
  return { source, header: source.slice(0, object.getStart(sf)), footer: source.slice(object.getEnd()), entries };
}

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (path !== GENERATED) sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The ids, of `ids`, that only files of the account area use. */
function restOnly(ids) {
  const outside = new Set();
  const inside = new Set();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const rel = relative(join(ROOT, 'src'), file).split(sep).join('/');
    const area = REST_USERS.some((u) => (u.endsWith('/') ? rel.startsWith(u) : rel === u)) ? inside : outside;
    const text = readFileSync(file, 'utf8');
    for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) area.add(id);
  }
  return new Set([...inside].filter((id) => !outside.has(id)));
}

/** The entry of the captcha's own CDN file (src/cdn-captcha.ts), which carries the texts of its whole graph. */
const CAPTCHA_ENTRY = join(ROOT, 'src/cdn-captcha.ts');

/**
 * The source files whose texts `entry` can show: its static imports and its `import()`s (the captcha's extras,
 * the validation), followed through our own modules (relative specifiers; `import type` and `export type` load
 * nothing), the generated locale modules left out. Not the `import()` of an adapter (the embedded one): its texts
 * are the letters of a sign-up and the social demo's consent, which only the other elements make it write.
 */
function moduleGraph(entry) {
  const files = new Set([entry]);
  const adapters = join(ROOT, 'src/adapter') + sep;
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const take = (spec, lazy) => {
      if (!spec.startsWith('.')) return;
      const target = join(file, '..', spec.replace(/\.js$/, '.ts'));
      if (!target.startsWith(GENERATED) && !(lazy && target.startsWith(adapters))) files.add(target);
    };
    sf.forEachChild(function visit(node) {
      if (
        (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
        (ts.isExportDeclaration(node) && !node.isTypeOnly)
      ) {
        if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) take(node.moduleSpecifier.text, false);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteralLike(arg)) take(arg.text, true);
      }
      node.forEachChild(visit);
    });
  }
  return files;
}

/** The ids, of `ids`, that the files of `entry`'s graph use. */
function usedBy(entry, ids) {
  const texts = [...moduleGraph(entry)].map((file) => readFileSync(file, 'utf8'));
  return new Set(ids.filter((id) => texts.some((t) => t.includes(`'${id}'`) || t.includes(`"${id}"`))));
}

const note = (part) =>
  `// Written by scripts/build/locale-parts.mjs from the module above (run \`npm run localize:build\`): ${part}.\n`;

/**
 * lit-localize writes `import { str } from '@lit/localize'`: the package's index, which imports every module of
 * @lit/localize (the runtime, the transform, the controller), and the package declares no `sideEffects`, so a
 * bundler keeps them all in the locale chunk's graph. esbuild then splits the modules the first render shares with
 * it (the localized controller) into a chunk of their own, one request more before the field. `str` alone:
 */
const STR_ONLY = "import { str } from '@lit/localize/internal/str-tag.js';";

let rest;
let captcha;
for (const locale of LOCALES) {
  const whole = join(GENERATED, `${locale}.ts`);
  const parsed = parseGenerated(whole);
  const { footer, entries } = parsed;
  const header = parsed.header.replace(/import \{\s*str\s*\} from '@lit\/localize';/, STR_ONLY);
  if (!header.includes(STR_ONLY) && parsed.header.includes('@lit/localize')) {
    throw new Error(`locale-parts: ${locale}.ts imports @lit/localize in an unexpected way; update STR_ONLY's rewrite`);
  }
  // The whole locale too: the package exports it (`ae-auth-elements/locales/ru.js`) for an app's own loadLocale.
  if (header !== parsed.header) writeFileSync(whole, header + parsed.source.slice(parsed.header.length));
  rest ??= restOnly(entries.map((e) => e.id));
  const write = (part, list, what) => {
    const body = `{\n${list.map((e) => `  ${e.text},`).join('\n')}\n}`;
    // A part without a text that takes values (the captcha's) imports no `str`: TypeScript refuses an unused import.
    const head = list.some((e) => /^'[^']*':\s*str`/.test(e.text)) ? header : header.replace(STR_ONLY, '');
    writeFileSync(join(GENERATED, `${locale}-${part}.ts`), head + body + footer + note(what));
  };
  const later = entries.filter((e) => rest.has(e.id));
  write('first', entries.filter((e) => !rest.has(e.id)), 'the texts a preset carries in the page');
  write('rest', later, "the account area's texts, requested by the first of its elements");
  captcha ??= usedBy(CAPTCHA_ENTRY, entries.map((e) => e.id));
  const captchaTexts = entries.filter((e) => captcha.has(e.id));
  write('captcha', captchaTexts, "the texts of the captcha's CDN file, src/cdn-captcha.ts, and of everything it loads");
  console.log(
    `locale-parts: ${locale}: ${entries.length - later.length} texts in the first part, ${later.length} in the rest, ` +
      `${captchaTexts.length} in the captcha's`,
  );
}

// `npm run check:manifest` (after `npm run analyze` or `npm run build`): custom-elements.json lists the public
// API of the elements and nothing else. Storybook's controls and docs tables, IDEs and vscode.html-custom-data.json
// are made from it, so a private field listed there becomes a control that pokes at an element's insides.
//
// The source of truth is the TypeScript source, read here with the compiler's parser, not the manifest's own
// `privacy` fields nor the analyzer config's filter: for every class in the manifest, each listed member must be
// declared in that class (or the class it says it inherits from) as a public instance member that is no
// platform or Lit callback, with no @internal / @ignore tag; each attribute must belong to a listed member; and
// every public member of the source must be listed (the filter must not drop the API either).
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { CALLBACKS } from './lit-callbacks.mjs';

const MANIFEST = 'custom-elements.json';
const VSCODE = 'vscode.html-custom-data.json';


if (!existsSync(MANIFEST)) {
  console.error(`${MANIFEST} is missing: run npm run analyze (or npm run build) first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));

/** Class declarations of a source file, by name (parsed once). */
const classCache = new Map();
function classesOf(path) {
  if (!classCache.has(path)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const classes = new Map();
    source.forEachChild((node) => {
      if (ts.isClassDeclaration(node) && node.name) classes.set(node.name.text, node);
    });
    classCache.set(path, classes);
  }
  return classCache.get(path);
}

function memberName(node) {
  if (!node.name) return undefined;
  if (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)) return node.name.text;
  if (ts.isStringLiteral(node.name)) return node.name.text;
  return undefined;
}

/** Why a class member of the source is not public API, or '' if it is. */
function notPublicBecause(node, name) {
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  const has = (kind) => modifiers.some((m) => m.kind === kind);
  if (ts.isPrivateIdentifier(node.name)) return 'a #private member';
  if (has(ts.SyntaxKind.PrivateKeyword)) return 'declared private';
  if (has(ts.SyntaxKind.ProtectedKeyword)) return 'declared protected';
  if (has(ts.SyntaxKind.StaticKeyword)) return 'static';
  if (name.startsWith('_')) return 'named with a leading underscore';
  if (CALLBACKS.has(name)) return 'a platform or Lit callback';
  const tags = ts.getJSDocTags(node).map((t) => t.tagName.text);
  if (tags.includes('internal') || tags.includes('ignore')) return 'tagged @internal / @ignore';
  return '';
}

/** The members of a source class: name -> reason it is not public ('' when public). */
function sourceMembers(path, className) {
  const klass = classesOf(path).get(className);
  if (!klass) return undefined;
  const members = new Map();
  for (const node of klass.members) {
    if (ts.isConstructorDeclaration(node) || ts.isClassStaticBlockDeclaration(node) || ts.isIndexSignatureDeclaration(node)) continue;
    const name = memberName(node);
    if (name === undefined) continue;
    const reason = notPublicBecause(node, name);
    // A getter and its setter: public if either is.
    members.set(name, members.has(name) && members.get(name) === '' ? '' : reason);
  }
  return members;
}

const problems = [];
let checkedClasses = 0;
let listedMembers = 0;

for (const mod of manifest.modules ?? []) {
  for (const d of mod.declarations ?? []) {
    if (d.kind !== 'class') continue;
    const own = sourceMembers(mod.path, d.name);
    if (!own) {
      problems.push(`${d.name}: class not found in ${mod.path}`);
      continue;
    }
    checkedClasses++;
    const where = d.tagName ? `<${d.tagName}> (${d.name})` : d.name;
    const listed = new Set();
    for (const m of d.members ?? []) {
      listedMembers++;
      listed.add(m.name);
      const from = m.inheritedFrom;
      const members = from ? sourceMembers(from.module ?? mod.path, from.name) : own;
      if (!members) {
        problems.push(`${where}: ${m.name} is said to come from ${from?.name} (${from?.module}), which has no such class`);
        continue;
      }
      if (!members.has(m.name)) {
        problems.push(`${where}: ${m.name} is listed but not declared in ${from ? from.name : d.name}`);
        continue;
      }
      const reason = members.get(m.name);
      if (reason) problems.push(`${where}: ${m.name} is listed, but it is ${reason}`);
    }
    for (const a of d.attributes ?? []) {
      if (a.fieldName && !listed.has(a.fieldName)) {
        problems.push(`${where}: attribute ${a.name} belongs to ${a.fieldName}, which is not public API`);
      }
    }
    // The other way round: the filter must keep the API (own members, and those of project superclasses).
    for (const [name, reason] of own) {
      if (!reason && !listed.has(name)) problems.push(`${where}: public member ${name} is missing from ${MANIFEST}`);
    }
  }
}

// The VS Code data is made from the manifest: its attributes must be the manifest's public ones.
if (existsSync(VSCODE)) {
  const data = JSON.parse(readFileSync(VSCODE, 'utf8'));
  const attributesOf = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (d.tagName) attributesOf.set(d.tagName, new Set((d.attributes ?? []).map((a) => a.name)));
    }
  }
  for (const tag of data.tags ?? []) {
    for (const a of tag.attributes ?? []) {
      if (!attributesOf.get(tag.name)?.has(a.name)) problems.push(`${VSCODE}: <${tag.name}> ${a.name} is not in ${MANIFEST}`);
    }
  }
}

if (checkedClasses === 0) problems.push(`${MANIFEST} has no classes: the analyzer found nothing to check`);

if (problems.length) {
  console.error(`${MANIFEST}: ${problems.length} problem(s): only the public API may be listed.`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${MANIFEST}: ${checkedClasses} classes, ${listedMembers} members, all public API (checked against the source)`);

#!/usr/bin/env node
// Tree-shaking check (after `npm run build`): an app that imports only `ae-auth-elements/captcha.js` must get
// <ae-captcha> and none of the registration form, and never the `transliteration` package.
// The app is a throw-away project whose node_modules/ae-auth-elements links to this repository, bundled with
// rollup + node-resolve (browser) + terser, so the package's `exports` map and `sideEffects` list are what decide.
// Exits 1 on any failure.
import { relative } from 'node:path';
import { ROOT, makeConsumer, rollupBundle, splitLoad, requireDist, gz, kB } from './bench/bundle.mjs';

/** Code of <ae-register> (its tag, its msg ids, its field names) that must not reach a captcha-only app. */
const REGISTRATION_MARKERS = ['ae-register', 'register.submit', 'register.heading', 'passwordRepeat'];
/** The same for <ae-activate>, which <ae-register> embeds. */
const ACTIVATE_MARKERS = ['ae-activate', 'activate.heading'];
/** transliteration's charmap: its pinyin table and a run of its Latin-1 entries. */
const CHARMAP_MARKERS = ['Zhong', '"deg","+-"'];

let failures = 0;
function check(ok, what, why) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures++;
  if (!ok && why) console.log(`        ${why}`);
}

requireDist('dist/define/ae-captcha.js');
const app = makeConsumer();
try {
  const chunks = await rollupBundle(app.entry('app', "import 'ae-auth-elements/captcha.js';\n"));
  const { entry, firstLoad, firstGzip, lazy } = splitLoad(chunks);
  const first = firstLoad.map((c) => c.code).join('\n');
  const all = chunks.map((c) => c.code).join('\n');
  const modules = [...new Set(chunks.flatMap((c) => c.moduleIds))].map((id) => relative(ROOT, id));

  console.log(`App: import 'ae-auth-elements/captcha.js' -> rollup + node-resolve(browser) + terser`);
  console.log(`  first load: ${firstLoad.length} file(s), ${kB(firstGzip)} kB gzip (${entry.fileName})`);
  for (const c of lazy) console.log(`  lazy chunk: ${c.label}, ${kB(c.gzip)} kB gzip`);
  console.log(`  modules from the package: ${modules.filter((m) => m.startsWith('dist/')).join(', ')}`);
  console.log('Checks:');

  check(first.includes('"ae-captcha"') || first.includes("'ae-captcha'"), 'the first load defines ae-captcha');
  /** The package's modules whose code at first load contains `marker`. */
  const holders = (marker) =>
    'found in: ' +
    firstLoad
      .flatMap((c) => Object.entries(c.modules))
      .filter(([, code]) => code.includes(marker))
      .map(([id]) => relative(ROOT, id))
      .join(', ');
  for (const m of [...REGISTRATION_MARKERS, ...ACTIVATE_MARKERS]) {
    const kind = ACTIVATE_MARKERS.includes(m) ? 'activation' : 'registration';
    check(!first.includes(m), `no ${kind} code at first load: "${m}" absent`, holders(m));
  }
  check(
    !modules.some((m) => /^dist\/(components\/(register|activate)|define\/ae-(register|activate))/.test(m)),
    'no register/activate module in any chunk',
  );
  check(!modules.some((m) => m.includes('node_modules/transliteration/')), 'no transliteration module in any chunk');
  for (const m of CHARMAP_MARKERS) check(!all.includes(m), `no transliteration charmap in any chunk: ${m} absent`);
  // Lazy chunks: the locales, the @lit/localize runtime (loaded when a locale is configured), and the two adapters (the embedded MemoryAdapter, loaded on its first call,
  // and the HttpAdapter behind `endpoint`) with the AdapterError class they share, and their modules of the later capabilities (social,
  // support with its agent, account with the address schema and libphonenumber-js), each loaded on the first call of one of its methods;
  // the captcha's listen button and help link (captcha-extras, requested when it connects) and MemoryAdapter's
  // spoken code (captcha-audio, on the first press of "Listen"); none of them may hold registration or activation
  // markers.
  // (The locale chunks hold every element's translations by design; the adapter chunks must not.)
  const lazyText = lazy.filter((c) => !c.label.startsWith('locale ')).map((c) => c.code ?? '').join('\n');
  check(
    lazy.every((c) => /^locale |memory-adapter|http-adapter|adapter-error|common-passwords|capability|@lit\/localize\/init\/runtime|locales\/configure|(memory|http)-(social|support|account)|memory-social-consent|support-agent|libphonenumber-js|captcha-extras|captcha-audio/.test(c.label)),
    `lazy chunks are only locales, the locale runtime, adapters and the captcha's extras (${lazy.map((c) => c.label).join(', ') || 'none'})`,
  );
  for (const m of ['ae-register', 'register.submit', 'ae-activate']) {
    check(!lazyText.includes(m), `no ${m} in the lazy chunks either`);
  }
  // Sanity: the check would see a leak. The same app importing register.js must trip the markers.
  const control = splitLoad(await rollupBundle(app.entry('control', "import 'ae-auth-elements/register.js';\n")));
  const controlCode = control.firstLoad.map((c) => c.code).join('\n');
  check(
    REGISTRATION_MARKERS.every((m) => controlCode.includes(m)),
    `control: a register.js app does contain every registration marker (${kB(gz(controlCode))} kB gzip)`,
  );
} finally {
  app.dispose();
}

if (failures) {
  console.error(`\ntree-shaking: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('\ntree-shaking: all checks passed');

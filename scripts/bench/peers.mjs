// The peers `npm run bench` compares with: installed on first use into bench/.peers/ (git-ignored; offline after
// the first install), each bundled with esbuild like our pages and shown in a page with an instant mock backend
// served by the bench's own server, so that no row waits for a real network.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';
import { addGraph, fileBundle, pageHtml, writeEntry } from './pages.mjs';

export const PEERS_DIR = join(ROOT, 'bench', '.peers');

const json = (body) => ({ type: 'application/json', body: JSON.stringify(body) });

/** Hanko's flow API, just enough for <hanko-auth> to show its login form: preflight, then login_init. */
function hankoRoutes(prefix) {
  const action = (name, flow, inputs) => ({
    action: name,
    href: `/${flow}?action=${encodeURIComponent(`${name}@00000000-0000-4000-8000-000000000000`)}`,
    inputs,
    description: name,
  });
  const state = (name, flow, actions, payload = {}) => ({ name, status: 200, payload, actions, csrf_token: 'bench', links: [] });
  return [
    {
      test: (method, path) => path.startsWith(`${prefix}/`),
      handle(req, body, url) {
        const path = url.pathname.slice(prefix.length);
        if (path === '/sessions/validate') return json({ is_valid: false });
        const flow = path.slice(1) || 'login';
        if (req.method === 'POST' && !url.searchParams.has('action')) {
          return json(
            state('preflight', flow, {
              register_client_capabilities: action('register_client_capabilities', flow, {
                webauthn_available: { name: 'webauthn_available', type: 'boolean', required: true, hidden: true },
                webauthn_conditional_mediation_available: {
                  name: 'webauthn_conditional_mediation_available',
                  type: 'boolean',
                  required: false,
                  hidden: true,
                },
                webauthn_platform_authenticator_available: {
                  name: 'webauthn_platform_authenticator_available',
                  type: 'boolean',
                  required: false,
                  hidden: true,
                },
              }),
            }, null),
          );
        }
        if (req.method === 'POST') {
          return json(
            state('login_init', flow, {
              continue_with_login_identifier: action('continue_with_login_identifier', flow, {
                email: { name: 'email', type: 'email', required: true, hidden: false, max_length: 120 },
              }),
            }),
          );
        }
        return { status: 404, type: 'application/json', body: '{}' };
      },
    },
  ];
}

/**
 * Auth0 Lock's client settings (JSONP, `Auth0.setClient`), its English dictionary (JSONP, from Lock's own
 * lib/i18n/en.js, as cdn.auth0.com serves it) and its captcha challenge, from the bench server.
 */
function auth0Routes() {
  const en = createRequire(join(PEERS_DIR, 'package.json'))('auth0-lock/lib/i18n/en.js').default;
  return [
    {
      test: (method, path) => /^\/auth0\/js\/lock\/[^/]+\/en\.js$/.test(path),
      handle: () => ({ type: 'text/javascript', body: `Auth0.registerLanguageDictionary('en', ${JSON.stringify(en)});` }),
    },
    {
      test: (method, path) => path.startsWith('/auth0/client/'),
      handle: () => ({
        type: 'text/javascript',
        body: `Auth0.setClient(${JSON.stringify({
          id: 'benchclient',
          tenant: 'bench',
          subscription: 'free',
          authorize: '/auth0/authorize',
          callback: '/',
          hasAllowedOrigins: true,
          strategies: [
            {
              name: 'auth0',
              connections: [
                {
                  name: 'Username-Password-Authentication',
                  showSignup: true,
                  showForgot: true,
                  passwordPolicy: 'fair',
                  requires_username: false,
                },
              ],
            },
          ],
        })});`,
      }),
    },
    { test: (method, path) => path.startsWith('/auth0/usernamepassword/challenge'), handle: () => json({ required: false }) },
  ];
}

/**
 * `entry` is bundled with esbuild from bench/.peers; `body` is the page's; `field` what a person waits for;
 * `routes(prefix)` the mock backend. `notes` say what the page is, `offline` why it cannot render (if so).
 */
export const PEERS = [
  {
    id: 'altcha',
    name: 'altcha',
    version: '3.2.2',
    label: 'ALTCHA {version} `<altcha-widget>`',
    versus: 'captcha',
    entry: "import 'altcha';\n",
    // The widget fetches its challenge when the box is ticked; the URL is never called while loading.
    body: '<form><altcha-widget challengeurl="/altcha/challenge"></altcha-widget> <button>Send</button></form>',
    field: { host: 'altcha-widget', selector: 'input[type="checkbox"]' },
    routes: () => [],
  },
  {
    id: 'hanko',
    name: '@teamhanko/hanko-elements',
    version: '2.7.0',
    label: 'Hanko Elements {version} `<hanko-auth>`, instant mock backend',
    versus: 'register',
    entry: "import { register } from '@teamhanko/hanko-elements';\nregister(location.origin + '/hanko');\n",
    body: '<hanko-auth></hanko-auth>',
    field: { host: 'hanko-auth', selector: 'input[type="email"]' },
    routes: () => hankoRoutes('/hanko'),
  },
  {
    id: 'auth0',
    name: 'auth0-lock',
    version: '14.3.0',
    label: 'Auth0 Lock {version} (inline), instant mock client settings',
    versus: 'register',
    entry: [
      // Named: the entry is an ES module of a "type": "module" package, so esbuild gives `default` Node's meaning.
      "import { Auth0Lock } from 'auth0-lock';",
      "new Auth0Lock('benchclient', location.origin + '/auth0', {",
      "  container: 'lock', configurationBaseUrl: location.origin + '/auth0', languageBaseUrl: location.origin + '/auth0',",
      '  rememberLastLogin: false, auth: { redirect: false, sso: false }, allowSignUp: true, closable: false, avatar: null,',
      "  theme: { logo: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E' },",
      '}).show();',
      '',
    ].join('\n'),
    // auth0-js's `main` is a UMD file in a "type": "module" package: required from Lock's CommonJS, esbuild takes
    // it (not `module`) and it exports nothing. Its ES module build is what a working app bundle gets.
    esbuild: {
      plugins: [
        {
          name: 'auth0-js-esm',
          setup(build) {
            const path = join(PEERS_DIR, 'node_modules', 'auth0-js', 'dist', 'auth0.min.esm.js');
            build.onResolve({ filter: /^auth0-js$/ }, () => ({ path }));
          },
        },
      ],
    },
    body: '<div id="lock"></div>',
    field: { host: '#lock', selector: 'input[type="email"], input[name="email"]' },
    routes: () => auth0Routes(),
  },
];

const installedVersion = (p) => {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', p.name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** Installs the peers into bench/.peers/ unless they are there; returns the ones that are installed. */
export function ensurePeers(log) {
  if (PEERS.some((p) => installedVersion(p) !== p.version)) {
    log(`installing peers into bench/.peers/ (${PEERS.map((p) => `${p.name}@${p.version}`).join(' ')})`);
    mkdirSync(PEERS_DIR, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const res = spawnSync(
      npm,
      [
        'install',
        '--prefix',
        PEERS_DIR,
        '--no-save',
        '--no-audit',
        '--no-fund',
        // Offline, fail in seconds rather than after npm's minutes of retries.
        '--fetch-retries=1',
        '--fetch-timeout=30000',
        ...PEERS.map((p) => `${p.name}@${p.version}`),
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    if (res.status !== 0) {
      const why = (res.stderr ?? '').split('\n').find((l) => /npm error (code|errno|network|request)/i.test(l));
      log(`peer install failed (offline?): ${why ?? res.error?.message ?? `exit ${res.status}`}`);
    }
  }
  return PEERS.filter((p) => installedVersion(p) === p.version);
}

/**
 * The peers' pages: each entry bundled with esbuild (code splitting, like ours) from bench/.peers, served at
 * /peers/<id>/. Adds files and mock routes; returns `[{ id, label, url, field, graph, peer }]`.
 */
export async function peerPages(files, routes, peers) {
  const pages = [];
  for (const p of peers) {
    const file = writeEntry(join(PEERS_DIR, 'entries'), `${p.id}.js`, p.entry);
    const graph = await fileBundle(file, PEERS_DIR, p.esbuild);
    const base = `/peers/${p.id}/`;
    addGraph(files, base, graph);
    files.set(`${base}index.html`, pageHtml({ title: p.label, script: `./${graph.entry}`, body: p.body }));
    routes.push(...p.routes());
    pages.push({ id: p.id, label: p.label.replace('{version}', p.version), url: base, base, field: p.field, graph, peer: p });
  }
  return pages;
}

// The page script of test/csp/strict.html: <ae-register>, then <ae-activate> with the letter's token, as a
// page under a strict policy uses them. `?ns=<namespace>` puts them on the contract server (HttpAdapter
// over /api/auth); otherwise they use the embedded MemoryAdapter. The test in the parent page drives them.
import '../../src/define/ae-register.js';
import '../../src/define/ae-activate.js';
import { getEmbeddedAdapter } from '../../src/internal/default-adapter.js';
import { HttpAdapter } from '../../src/adapter/http-adapter.js';
import type { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { AeRegister } from '../../src/components/register/register.js';
import type { AeActivate } from '../../src/components/activate/activate.js';

export interface CspFlow {
  register: AeRegister;
  embeddedAdapter(): Promise<MemoryAdapter>;
  /** Opens the letter's link in place: an <ae-activate> with its token. */
  activate(token: string): AeActivate;
}

const ns = new URLSearchParams(location.search).get('ns');
const adapter = ns ? new HttpAdapter({ baseUrl: '/api/auth', headers: () => ({ 'x-contract-namespace': ns }) }) : undefined;
const main = document.getElementById('app')!;

const register = document.createElement('ae-register');
if (adapter) register.adapter = adapter;
main.append(register);

(window as Window & { cspFlow?: CspFlow }).cspFlow = {
  register,
  embeddedAdapter: getEmbeddedAdapter,
  activate(token) {
    const activate = document.createElement('ae-activate');
    if (adapter) activate.adapter = adapter;
    activate.token = token;
    main.append(activate);
    return activate;
  },
};

// The page script of register-frame.html: <ae-register> on the embedded MemoryAdapter, and that adapter
// for the test in the parent page (to read the captcha answer).
import '../../src/define/ae-register.js';
import { getEmbeddedAdapter } from '../../src/internal/default-adapter.js';
import type { MemoryAdapter } from '../../src/adapter/memory-adapter.js';

export interface RegisterFrame {
  embeddedAdapter(): Promise<MemoryAdapter>;
}

(window as Window & { registerFrame?: RegisterFrame }).registerFrame = { embeddedAdapter: getEmbeddedAdapter };

/**
 * Watches a page for script that should never run: the payloads' global flag (attack-payloads.ts), CSP
 * violation reports, and every node that could run script or load markup (an `on…` attribute, <script>,
 * <iframe>, <object>, <embed>, a `javascript:` link, an <img> whose source is not an image), in the document
 * and in every open shadow root, found by a MutationObserver while it runs and by a deep scan at the end.
 *
 *   const watch = watchForScript();
 *   … render hostile data …
 *   expect(await watch.stop()).to.deep.equal([]);
 */
import { pwnedFlag } from './attack-payloads.js';

/** Every open shadow root under `root`, deeply. */
function shadowRoots(root: ParentNode): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) out.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return out;
}

/** Why `el` could run script or show foreign markup, or undefined. */
export function dangerOf(el: Element): string | undefined {
  const name = el.localName;
  const handler = [...el.attributes].find((a) => /^on/i.test(a.name));
  if (handler) return `<${name} ${handler.name}="${handler.value.slice(0, 60)}">`;
  if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'foreignobject'].includes(name)) return `<${name}>`;
  for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data']) {
    // An <img> never runs its source (a javascript: or text/html one shows nothing): inert, checked by the flag.
    if (name === 'img' && attr === 'src') continue;
    const v = el.getAttribute(attr);
    if (v !== null && /^\s*(javascript|vbscript):|^\s*data:(?!image\/)/i.test(v)) return `<${name} ${attr}="${v.slice(0, 60)}">`;
  }
  return undefined;
}

/** Every dangerous node under `root` and its shadow roots (but those in `except`). */
export function dangerousNodes(root: ParentNode = document, except: ReadonlySet<Element> = new Set()): string[] {
  const roots: ParentNode[] = [root, ...shadowRoots(root)];
  return roots.flatMap((r) =>
    [...r.querySelectorAll('*')].filter((el) => !except.has(el)).map(dangerOf).filter((d): d is string => d !== undefined),
  );
}

function allElements(root: ParentNode): Set<Element> {
  return new Set([root, ...shadowRoots(root)].flatMap((r) => [...r.querySelectorAll('*')]));
}

export interface ScriptWatch {
  /** Stops watching; resolves with everything found (empty when no script ran and no such node appeared). */
  stop(): Promise<string[]>;
}

export function watchForScript(root: Node = document.body): ScriptWatch {
  const found: string[] = [];
  // The test page's own scripts were there before.
  const before = allElements(root as ParentNode);
  const flag = pwnedFlag();
  const startFlags = flag.length;
  const onViolation = (e: SecurityPolicyViolationEvent) => found.push(`CSP ${e.violatedDirective}: ${e.blockedURI}`);
  document.addEventListener('securitypolicyviolation', onViolation);
  const observe = (target: Node) => observer.observe(target, { subtree: true, childList: true, attributes: true });
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const nodes = r.type === 'attributes' ? [r.target] : [...r.addedNodes];
      for (const node of nodes) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...node.querySelectorAll('*')]) {
          const d = r.type !== 'attributes' && before.has(el) ? undefined : dangerOf(el);
          if (d) found.push(`appeared: ${d}`);
          if (el.shadowRoot) observe(el.shadowRoot);
        }
      }
    }
  });
  observe(root);
  for (const sr of shadowRoots(root as ParentNode)) observe(sr);
  return {
    async stop() {
      // Time for an <img onerror>, an <svg onload> or a load of a data: document to happen.
      await new Promise((r) => setTimeout(r, 80));
      observer.disconnect();
      document.removeEventListener('securitypolicyviolation', onViolation);
      const ran = flag.slice(startFlags).map((p) => `script ran: ${p}`);
      return [...found, ...ran, ...dangerousNodes(root as ParentNode, before).map((d) => `present: ${d}`)];
    },
  };
}

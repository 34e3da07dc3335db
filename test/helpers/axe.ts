import { expect } from '@open-wc/testing';

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: unknown; html: string; summary: string | undefined }[];
}

export async function axeViolations(el: Element): Promise<Violation[]> {
  // axe-core is a UMD script: imported as a module it installs `window.axe`.
  await import('axe-core');
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  // What a person reads is the state after a message's short entrance: colors are measured there, not halfway
  // through the fade-in (shadow roots included: getAnimations on the document sees them all).
  for (const a of document.getAnimations()) if (a.effect?.getTiming().iterations !== Infinity) a.finish();
  const results = await axe.run(el);
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary })),
  }));
}

/** Zero axe-core violations inside `el` (its shadow roots included); the violations are printed otherwise. */
export async function expectAccessible(el: Element, state = el.localName): Promise<void> {
  const violations = await axeViolations(el);
  if (violations.length) console.log(`axe violations (${state}):\n${JSON.stringify(violations, null, 1)}`);
  expect(
    violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    `${state}: ${JSON.stringify(violations, null, 1)}`,
  ).to.deep.equal([]);
}

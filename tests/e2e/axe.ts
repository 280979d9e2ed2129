import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core for the e2e specs (RGAA, issue 7). It is injected from node_modules, so the page must have been
 * opened by a host started with `bypassCSP: true` (the app's CSP refuses injected scripts, as it should).
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** Every WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function audit(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 200)) }));
  })()`);
}

/** The serious and critical violations (the ones RGAA work must bring to zero), and how many there are in all. */
export async function auditSerious(page: Page): Promise<{ serious: Violation[]; total: number }> {
  const violations = await audit(page);
  return { serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), total: violations.length };
}

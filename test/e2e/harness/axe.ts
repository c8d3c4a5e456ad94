import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/** axe-core from node_modules, evaluated in the page as its own script text. */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.0–2.2, levels A and AA, plus axe's best practices (one h1, landmarks …). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeFindings {
  /** One line per element: rule, impact, target, and axe's figures (contrast ratios …). */
  readonly violations: string[];
  /** The rules that found elements to check and passed them: proof that axe looked. */
  readonly passed: string[];
}

/** axe-core's verdict on the page as it is now. */
export async function axeCheck(page: Page): Promise<AxeFindings> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }
    ).axe;
    const found = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: unknown[]; passes: { id: string }[] };
    // Plain data only: what crosses back from the page.
    return JSON.parse(
      JSON.stringify({ violations: found.violations, passed: found.passes.map((p) => p.id) }),
    ) as unknown;
  }, TAGS);
  const { violations, passed } = results as { violations: AxeViolation[]; passed: string[] };
  return { violations: formatViolations(violations), passed };
}

function formatViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? 'n/a'}) ${JSON.stringify(node.target)}: ${v.help}. ` +
        (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

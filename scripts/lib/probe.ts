import type { Page } from 'puppeteer-core';

/**
 * Page-side marks, in ms since the page's navigation start (performance.now()). `*Dom` is the
 * MutationObserver callback that first sees the element; `*Frame` the first animation frame
 * after it, i.e. the frame that paints it.
 */
export interface Marks {
  /** performance.timeOrigin: the navigation start as epoch ms, to compare with Node's clock. */
  readonly origin: number;
  /** The page's first runtime message to the background (getState). */
  readonly sent?: number;
  /** The background's first answer reaching the page. */
  readonly answered?: number;
  /** Navigation timing: the HTML parsed; the module scripts run right after. */
  readonly interactive?: number;
  readonly qrDom?: number;
  readonly qrFrame?: number;
  readonly dashDom?: number;
  readonly dashFrame?: number;
}

export const QR_SELECTOR = 'svg.qr';
/** The dashboard's own heading: painted whatever the host-permission check still says. */
export const DASHBOARD_SELECTOR = '.dashboard .nickname';

/**
 * Installed with evaluateOnNewDocument, so it runs before the popup's own scripts. Kept as a
 * string: a function would be serialised after tsx's transform, which may add helpers the page
 * does not have.
 */
export const PROBE = `(() => {
  const marks = { origin: performance.timeOrigin };
  globalThis.__bench = marks;
  const rt = globalThis.chrome && chrome.runtime;
  const send = rt && rt.sendMessage;
  // The first message's answer (the popup asks for its state first; other questions follow).
  // The pages call the browser's promise API (src/ui/ext.ts), so the answer settles a promise.
  if (send) rt.sendMessage = function (...args) {
    const first = marks.sent === undefined;
    if (first) marks.sent = performance.now();
    const result = send.apply(rt, args);
    const answer = () => { if (first) marks.answered = performance.now(); };
    if (first) result.then(answer, answer);
    return result;
  };
  const watch = [['qr', ${JSON.stringify(QR_SELECTOR)}], ['dash', ${JSON.stringify(DASHBOARD_SELECTOR)}]];
  const check = () => {
    const now = performance.now();
    for (const [key, selector] of watch) {
      if (marks[key + 'Dom'] !== undefined || !document.querySelector(selector)) continue;
      marks[key + 'Dom'] = now;
      requestAnimationFrame(() => { marks[key + 'Frame'] = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** The marks once `key` has been recorded. */
export async function readMarks(page: Page, key: keyof Marks): Promise<Marks> {
  await page.waitForFunction(`globalThis.__bench && globalThis.__bench.${key} !== undefined`, {
    timeout: 10_000,
  });
  return (await page.evaluate(`({ ...globalThis.__bench,
    interactive: performance.getEntriesByType('navigation')[0]?.domInteractive })`)) as Marks;
}

/** Node's clock as epoch ms with sub-millisecond resolution (same scale as Marks.origin). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** The 95th percentile, nearest rank (of 7 samples: the largest); values that are not finite are left out. */
export function p95(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? NaN;
  return sorted.length % 2 ? hi : ((sorted[mid - 1] ?? NaN) + hi) / 2;
}

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
  readonly qrDom?: number;
  readonly qrFrame?: number;
  readonly dashDom?: number;
  readonly dashFrame?: number;
}

export const QR_SELECTOR = 'svg.qr';
export const DASHBOARD_SELECTOR = '.popup[data-state="signedIn"] .nickname';

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
  if (send) rt.sendMessage = function (...args) {
    if (marks.sent === undefined) marks.sent = performance.now();
    return send.apply(rt, args);
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
  return (await page.evaluate('globalThis.__bench')) as Marks;
}

/** Node's clock as epoch ms with sub-millisecond resolution (same scale as Marks.origin). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? NaN;
  return sorted.length % 2 ? hi : ((sorted[mid - 1] ?? NaN) + hi) / 2;
}

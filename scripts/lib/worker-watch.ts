import type { Browser, Target } from 'puppeteer-core';

/**
 * Service-worker starts and stops of one extension, as epoch ms. Puppeteer reports a worker
 * target without staying attached to it (an attached debugger would keep it alive), so the
 * browser is free to stop the worker when it is idle: a stop is 'targetdestroyed', a start
 * (a wake-up by an alarm, a message, a page) 'targetcreated'.
 */
export interface WorkerWatch {
  readonly starts: readonly number[];
  readonly stops: readonly number[];
  /** Service workers of the extension the browser lists right now. */
  running(): number;
  dispose(): void;
}

export function watchWorker(browser: Browser, baseUrl: string): WorkerWatch {
  const starts: number[] = [];
  const stops: number[] = [];
  const ours = (t: Target) => t.type() === 'service_worker' && t.url().startsWith(baseUrl);
  const created = (t: Target) => {
    if (ours(t)) starts.push(Date.now());
  };
  const destroyed = (t: Target) => {
    if (ours(t)) stops.push(Date.now());
  };
  browser.on('targetcreated', created);
  browser.on('targetdestroyed', destroyed);
  return {
    starts,
    stops,
    running: () => browser.targets().filter(ours).length,
    dispose() {
      browser.off('targetcreated', created);
      browser.off('targetdestroyed', destroyed);
    },
  };
}

/** How many of `times` fall in [from, to]. */
export const within = (times: readonly number[], from: number, to: number): number =>
  times.filter((t) => t >= from && t <= to).length;

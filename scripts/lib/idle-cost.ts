import type { Simulator } from '../../test/wxsim/index';
import { launchChromium, type LoadedExtension } from '../../test/e2e/harness/browsers';
import { signIn } from '../../test/e2e/harness/flow';
import { PopupPage } from '../../test/e2e/harness/popup-page';
import { watchWorker, within } from './worker-watch';

/** WeChat holds a synccheck (and a login poll) ~25 s before answering "nothing new". */
export const REAL_HOLD_MS = 25_000;

/** A fresh simulator with WeChat's real 25 s holds and `latencyMs` before each reply, and Chromium. */
export function launchWithRealHolds(sim: Simulator, latencyMs: number): Promise<LoadedExtension> {
  sim.reset();
  sim.configure({ latencyMs, loginHoldMs: REAL_HOLD_MS, syncHoldMs: REAL_HOLD_MS });
  return launchChromium(sim);
}
/** After the popup closes, avatars and the first sync round may still be in flight. */
export const SETTLE_MS = 5_000;

export interface LoggedRequest {
  readonly endpoint: string;
  readonly url: string;
  readonly at: number;
}
export const requests = (sim: Simulator): LoggedRequest[] =>
  (sim.state().lastRequests ?? []) as LoggedRequest[];

export interface IdleResult {
  readonly windowMs: number;
  /** Requests arriving at the simulator in the window, by endpoint and host. */
  readonly byEndpoint: readonly { readonly name: string; readonly count: number }[];
  readonly total: number;
  /** Service-worker starts / stops of the extension in the window. */
  readonly starts: number;
  readonly stops: number;
  /** Extension service workers the browser lists at the end of the window. */
  readonly workersAtEnd: number;
  /** ms between successive synccheck arrivals in the window. */
  readonly synccheckGaps: readonly number[];
  /** Session status at the simulator at the end ('active' = still signed in). */
  readonly sessionStatus: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function idle(ms: number): Promise<void> {
  const start = Date.now();
  for (let left = ms; left > 0; left = ms - (Date.now() - start)) {
    await sleep(Math.min(left, 60_000));
    const done = Math.min(ms, Date.now() - start);
    console.log(`  idle ${(done / 1000).toFixed(0)} s of ${(ms / 1000).toFixed(0)} s`);
  }
}

/**
 * Sign in once (real 25 s holds), close the popup so only about:blank is open, wait SETTLE_MS,
 * then leave the browser alone for `idleMs` and count what reached the simulator.
 */
export async function idleRun(sim: Simulator, latencyMs: number, idleMs: number) {
  const ext = await launchWithRealHolds(sim, latencyMs);
  const watch = watchWorker(ext.browser, ext.baseUrl);
  try {
    const popup = await PopupPage.open(ext);
    await signIn(sim, popup);
    const pages = await ext.browser.pages();
    if (!pages.some((p) => p.url() === 'about:blank')) await ext.browser.newPage();
    await popup.close();
    await sleep(SETTLE_MS);
    const from = Date.now();
    await idle(idleMs);
    const to = Date.now();
    return summarise(sim, from, to, {
      starts: within(watch.starts, from, to),
      stops: within(watch.stops, from, to),
      workersAtEnd: watch.running(),
    });
  } finally {
    watch.dispose();
    await ext.close();
  }
}

function summarise(
  sim: Simulator,
  from: number,
  to: number,
  worker: Pick<IdleResult, 'starts' | 'stops' | 'workersAtEnd'>,
): IdleResult {
  const seen = requests(sim).filter((r) => r.at >= from && r.at <= to);
  const counts = new Map<string, number>();
  for (const r of seen) {
    const name = `${r.endpoint} (${new URL(r.url).host})`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const checks = seen.filter((r) => r.endpoint === 'synccheck').map((r) => r.at);
  const sessions = (sim.state().sessions ?? []) as { status: string }[];
  return {
    windowMs: to - from,
    byEndpoint: [...counts].map(([name, count]) => ({ name, count })),
    total: seen.length,
    ...worker,
    synccheckGaps: checks.slice(1).map((at, i) => at - (checks[i] ?? at)),
    sessionStatus: sessions.at(-1)?.status ?? 'none',
  };
}

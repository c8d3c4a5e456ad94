import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import { signIn } from '../../test/e2e/harness/flow';
import { OPTIONS_PATH, PopupPage } from '../../test/e2e/harness/popup-page';
import { launchWithRealHolds, requests } from './idle-cost';
import { epochNow } from './probe';

/** One message: Node's clock just before sim.phone.message() to the badge changing. */
export interface BadgeSample {
  /** → the options page first sees the new badge text (page clock, epoch ms). */
  readonly badge: number;
  /** → the webwxsync that fetches it arrives at the simulator (ms resolution). */
  readonly webwxsync: number;
  readonly before: string;
  readonly after: string;
}

export interface BadgeResult {
  readonly samples: readonly BadgeSample[];
  /** Mean time between two getBadgeText polls in the options page. */
  readonly pollMs: number;
}

/** A person pauses between messages; the held synccheck is back in place long before. */
const GAP_MS = 1_000;

/**
 * Runs in the options page (it reads state without marking messages seen): polls
 * chrome.action.getBadgeText back to back (setTimeout 0 between calls) and logs each change
 * with performance.timeOrigin + performance.now(). A string, like PROBE in probe.ts.
 */
const BADGE_WATCH = `(() => {
  const w = { changes: [], polls: 0, since: performance.now() };
  globalThis.__badge = w;
  let last = null;
  const tick = () => chrome.action.getBadgeText({}).then((text) => {
    w.polls++;
    if (text !== last) {
      w.changes.push({ text, at: performance.timeOrigin + performance.now() });
      last = text;
    }
    setTimeout(tick, 0);
  }, () => setTimeout(tick, 0));
  tick();
})()`;

interface Change {
  readonly text: string;
  readonly at: number;
}
interface Watch {
  readonly changes: Change[];
  readonly polls: number;
  readonly since: number;
}
const readWatch = (page: Page) => page.evaluate('globalThis.__badge') as Promise<Watch>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function oneMessage(sim: Simulator, page: Page, i: number): Promise<BadgeSample> {
  const before = (await readWatch(page)).changes.at(-1)?.text ?? '';
  const t0 = epochNow();
  sim.phone.message(`bench message ${i}`);
  await page.waitForFunction(`globalThis.__badge.changes.some((c) => c.at > ${t0})`, {
    timeout: 10_000,
    polling: 20,
  });
  const change = (await readWatch(page)).changes.find((c) => c.at > t0);
  const sync = requests(sim).find((r) => r.endpoint === 'webwxsync' && r.at >= Math.floor(t0));
  return {
    badge: (change?.at ?? NaN) - t0,
    webwxsync: (sync?.at ?? NaN) - t0,
    before,
    after: change?.text ?? '',
  };
}

/** Sign in (real 25 s holds), close the popup, then `count` messages GAP_MS apart. */
export async function badgeRun(
  sim: Simulator,
  latencyMs: number,
  count: number,
): Promise<BadgeResult> {
  const ext = await launchWithRealHolds(sim, latencyMs);
  try {
    const popup = await PopupPage.open(ext);
    await signIn(sim, popup);
    await popup.close();
    const page = await ext.openPage(OPTIONS_PATH);
    await page.evaluate(BADGE_WATCH);
    const samples: BadgeSample[] = [];
    for (let i = 1; i <= count; i++) {
      await sleep(GAP_MS);
      samples.push(await oneMessage(sim, page, i));
    }
    const watch = await readWatch(page);
    const elapsed = (await page.evaluate('performance.now()')) as number;
    return { samples, pollMs: (elapsed - watch.since) / watch.polls };
  } finally {
    await ext.close();
  }
}

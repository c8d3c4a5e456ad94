import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import { launchChromium, type LoadedExtension } from '../../test/e2e/harness/browsers';
import { OPTIONS_PATH } from '../../test/e2e/harness/popup-page';
import { buildCopy } from './build-copy';
import { browseElsewhere } from './browser-in-use';

/**
 * The toolbar popup itself, opened with `action.openPopup()` from the options page (the call
 * needs one of the extension's pages; the options page only reads settings, so no login
 * starts before the popup). Nothing can be injected before the popup's own scripts, so the
 * times are read afterwards from the page: its navigation timing and the `popup:<view>` marks
 * it sets on the frame that first paints each view (src/popup/paint-mark.ts).
 */
export interface RealOpening {
  /** Navigation start → the HTML parsed. */
  readonly interactive: number;
  /** Navigation start → the frame that painted the view. */
  readonly painted: number;
}

export interface RealRun {
  /** First opening: a QR needs jslogin (the options page is open, so the renderer is warm). */
  readonly firstQr: RealOpening;
  /** Opened again while its QR is valid. */
  readonly knownQr: RealOpening;
  /** The same, after the worker was stopped (as Chrome does after 30 s idle). */
  readonly knownQrStopped: RealOpening;
  /** Opened again once signed in. */
  readonly dashboard: RealOpening;
  /** The same, after the worker was stopped. */
  readonly dashboardStopped: RealOpening;
  /** A first opening after the worker was stopped: nothing stored, jslogin needed. */
  readonly firstQrStopped: RealOpening;
  /** A first opening in a browser that has loaded an HTTPS page before (`browseElsewhere`). */
  readonly firstQrInUse: RealOpening;
  /** Signed in, the browser closed and launched again on its profile, then opened (`restarted`). */
  readonly dashboardRestarted: RealOpening;
}

const POPUP = 'src/popup/index.html';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openToolbarPopup(ext: LoadedExtension, opener: Page, path = POPUP): Promise<Page> {
  await opener.bringToFront();
  const target = ext.browser.waitForTarget((t) => t.url() === ext.baseUrl + path, {
    timeout: 10_000,
  });
  await opener.evaluate('chrome.action.openPopup()');
  const page = await (await target).asPage();
  return page;
}

async function timing(page: Page, view: string, name = `popup:${view}`): Promise<RealOpening> {
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, {
    timeout: 15_000,
  });
  return (await page.evaluate(`({
    interactive: performance.getEntriesByType('navigation')[0].domInteractive,
    painted: performance.getEntriesByName(${JSON.stringify(name)})[0].startTime,
  })`)) as RealOpening;
}

/**
 * A fresh browser and simulator (signed out, nothing stored) with the options page open, the
 * page `action.openPopup()` is called from; closed once `use` is done. With a `profile` folder
 * the browser keeps what it stores there; `relaunch` keeps the simulator's sessions too.
 */
async function withOptionsPage<T>(
  sim: Simulator,
  latencyMs: number,
  extensionDir: string | undefined,
  use: (ext: LoadedExtension, options: Page) => Promise<T>,
  { profile, relaunch = false }: { profile?: string; relaunch?: boolean } = {},
): Promise<T> {
  if (!relaunch) {
    sim.reset();
    sim.configure({ latencyMs, loginHoldMs: 20_000, syncHoldMs: 20_000 });
  }
  const ext = await launchChromium(sim, profile, { detachedWorker: true, extensionDir });
  try {
    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('main *', { timeout: 10_000 });
    return await use(ext, options);
  } finally {
    await ext.close();
  }
}

/** How long after the browser is up a person clicks the icon, at the soonest. */
const AFTER_LAUNCH_MS = 2_000;

/**
 * The first opening after a browser restart, signed in: the session is kept in storage.local
 * (the default), the worker resumes it at start-up, and the popup paints the dashboard in a
 * renderer process that has not painted one before (a fresh V8 and ICU: see
 * src/background/intl-warm-up.ts).
 */
async function restarted(
  sim: Simulator,
  latencyMs: number,
  extensionDir: string | undefined,
): Promise<RealOpening> {
  const profile = mkdtempSync(join(tmpdir(), 'wechat-bench-profile-'));
  try {
    await withOptionsPage(
      sim,
      latencyMs,
      extensionDir,
      async (ext, options) => {
        const popup = await openToolbarPopup(ext, options);
        await timing(popup, 'qr');
        sim.phone.scan();
        sim.phone.confirm();
        await timing(popup, 'signedIn');
        await pause(1_000);
      },
      { profile },
    );
    return await withOptionsPage(
      sim,
      latencyMs,
      extensionDir,
      async (ext, options) => {
        await pause(AFTER_LAUNCH_MS);
        return timing(await openToolbarPopup(ext, options), 'signedIn');
      },
      { profile, relaunch: true },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function realPopupRun(
  sim: Simulator,
  latencyMs: number,
  /** Another build to load; dist/chrome by default. */
  extensionDir?: string,
): Promise<RealRun> {
  // A fresh browser of its own: nothing stored, the worker stopped before the first opening.
  const firstQrStopped = await withOptionsPage(
    sim,
    latencyMs,
    extensionDir,
    async (ext, options) => {
      await ext.stopBackground();
      await pause(500);
      return timing(await openToolbarPopup(ext, options), 'qr');
    },
  );
  const firstQrInUse = await withOptionsPage(sim, latencyMs, extensionDir, async (ext, options) => {
    await browseElsewhere(ext);
    await pause(500);
    return timing(await openToolbarPopup(ext, options), 'qr');
  });
  const dashboardRestarted = await restarted(sim, latencyMs, extensionDir);
  return withOptionsPage(sim, latencyMs, extensionDir, async (ext, options) => {
    /** Opens the popup, times its first `view`, and closes it (or hands it to `then`). */
    const opening = async (view: string, stopFirst: boolean, then?: (p: Page) => Promise<void>) => {
      if (stopFirst) await ext.stopBackground();
      await pause(500);
      const popup = await openToolbarPopup(ext, options);
      const times = await timing(popup, view);
      await then?.(popup);
      await popup.close();
      return times;
    };
    const firstQr = await opening('qr', false);
    const knownQrStopped = await opening('qr', true);
    const knownQr = await opening('qr', false, async (popup) => {
      sim.phone.scan();
      sim.phone.confirm();
      await timing(popup, 'signedIn');
    });
    const dashboard = await opening('signedIn', false);
    const dashboardStopped = await opening('signedIn', true);
    return {
      firstQr,
      knownQr,
      knownQrStopped,
      dashboard,
      dashboardStopped,
      firstQrStopped,
      firstQrInUse,
      dashboardRestarted,
    };
  });
}

/**
 * The page floor: what the browser takes to show any page of the extension in its toolbar
 * popup. A copy of the build gets one more page, a line of text and a classic script that marks
 * its first frame (as the popup marks its own), and the toolbar opens that page instead.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_MARK = 'floor:frame';

/** A copy of dist/chrome with the floor page in it (build-copy.ts). */
export function pageFloorCopy(): string {
  return buildCopy({
    'bench-floor.js': `requestAnimationFrame(() => performance.mark(${JSON.stringify(FLOOR_MARK)}));\n`,
    [FLOOR_PAGE]:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>' +
      '<body><p>A blank page of the extension.</p><script src="/bench-floor.js"></script></body></html>\n',
  });
}

/** `openings` toolbar openings of the floor page in one browser: navigation start → first frame. */
export async function pageFloorRun(
  sim: Simulator,
  dir: string,
  openings: number,
): Promise<RealOpening[]> {
  return withOptionsPage(sim, 0, dir, async (ext, options) => {
    await options.evaluate(`chrome.action.setPopup({ popup: ${JSON.stringify(FLOOR_PAGE)} })`);
    const times: RealOpening[] = [];
    for (let i = 0; i < openings; i++) {
      const page = await openToolbarPopup(ext, options, FLOOR_PAGE);
      times.push(await timing(page, 'floor', FLOOR_MARK));
      await page.close();
      await pause(500);
    }
    return times;
  });
}

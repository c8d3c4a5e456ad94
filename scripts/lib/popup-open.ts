import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import type { LoggedRequest } from '../../test/wxsim/faults';
import { launchChromium, type LoadedExtension } from '../../test/e2e/harness/browsers';
import { OPTIONS_PATH, POPUP_PATH } from '../../test/e2e/harness/popup-page';
import { browseElsewhere } from './browser-in-use';
import { DASHBOARD_SELECTOR, PROBE, QR_SELECTOR, epochNow, readMarks, type Marks } from './probe';

/**
 * One opening of the popup, in ms from its navigation start (the page's clock), broken down
 * into where the time went. The popup is opened as a tab of the extension (headless Chromium
 * has no toolbar to click; see popup-real.ts for the toolbar popup itself).
 */
export interface Opening {
  /** First animation frame with the QR (or the dashboard) in it. */
  readonly frame: number;
  readonly dom: number;
  /** The HTML parsed (navigation timing domInteractive); the module scripts run next. */
  readonly interactive: number;
  /** The popup's first runtime message to the background; null when it sent none first. */
  readonly sent: number | null;
  /** The background's first answer. */
  readonly answered: number | null;
  /** The WeChat request the QR waited on (jslogin), when there was one. */
  readonly request: RequestTimes | null;
}

/** A request as the simulator saw it, in ms from the popup's navigation start. */
export interface RequestTimes {
  /** The connection opened (TCP accepted); equals `secure` when the connection was reused. */
  readonly opened: number;
  readonly secure: number;
  readonly arrived: number;
  /** A new connection (TLS set-up paid by this request). */
  readonly fresh: boolean;
}

/** A signed-out browser's figures: the first opening, a reopening, sign-in, a signed-in reopening. */
export interface SignInRun {
  readonly cold: Opening;
  /** Closed and opened again while its QR is still valid. */
  readonly knownQr: Opening;
  /** Node clock just before phone.confirm() → first frame with the nickname (page clock). */
  readonly confirmToDashboard: number;
  /** Closed and opened again while signed in. */
  readonly reopenDashboard: Opening;
  /** Endpoints the simulator saw between confirm and the dashboard frame. */
  readonly critical: readonly string[];
}

/** A person takes a moment between the avatar appearing and tapping Confirm. */
const THINK_MS = 1_000;
/** Between closing the popup and opening it again. */
const AWAY_MS = 500;

const requests = (sim: Simulator) => (sim.state().lastRequests ?? []) as LoggedRequest[];

async function openPopup(ext: LoadedExtension): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 360, height: 600 });
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(ext.baseUrl + POPUP_PATH);
  return page;
}

function requestTimes(request: LoggedRequest | undefined, origin: number): RequestTimes | null {
  if (!request) return null;
  const c = request.connection;
  const arrived = request.at - origin;
  if (!c) return { opened: arrived, secure: arrived, arrived, fresh: false };
  return c.first
    ? { opened: c.openedAt - origin, secure: c.secureAt - origin, arrived, fresh: true }
    : { opened: arrived, secure: arrived, arrived, fresh: false };
}

function opening(marks: Marks, key: 'qr' | 'dash', request: LoggedRequest | undefined): Opening {
  return {
    frame: marks[`${key}Frame`] ?? NaN,
    dom: marks[`${key}Dom`] ?? NaN,
    interactive: marks.interactive ?? NaN,
    sent: marks.sent ?? null,
    answered: marks.answered ?? null,
    request: requestTimes(request, marks.origin),
  };
}

/** Opens the popup and waits for `key`'s element; the jslogin looked for is one it caused. */
async function measureOpening(
  ext: LoadedExtension,
  sim: Simulator,
  key: 'qr' | 'dash',
): Promise<{ page: Page; opening: Opening }> {
  const before = requests(sim).length;
  const page = await openPopup(ext);
  await page
    .waitForSelector(key === 'qr' ? QR_SELECTOR : DASHBOARD_SELECTOR, { timeout: 15_000 })
    .catch(async (error: unknown) => {
      const shown = await page.$eval(
        '.popup',
        (el) => `${el.getAttribute('data-state')}: ${el.textContent}`,
      );
      throw new Error(`the popup shows ${shown}`, { cause: error });
    });
  const marks = await readMarks(page, `${key}Frame`);
  const jslogin = requests(sim)
    .slice(before)
    .find((r) => r.endpoint === 'jslogin');
  return { page, opening: opening(marks, key, jslogin) };
}

function fresh(sim: Simulator, latencyMs: number, extensionDir?: string): Promise<LoadedExtension> {
  sim.reset();
  sim.configure({ latencyMs, loginHoldMs: 20_000, syncHoldMs: 20_000 });
  // No DevTools session on the worker: it could stall the worker's start (ChromiumOptions).
  return launchChromium(sim, undefined, { detachedWorker: true, extensionDir });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh browser and profile: nothing stored, no connection open, the worker just started. */
export async function signInRun(sim: Simulator, latencyMs: number): Promise<SignInRun> {
  const ext = await fresh(sim, latencyMs);
  try {
    const first = await measureOpening(ext, sim, 'qr');
    await first.page.close();
    await pause(AWAY_MS);
    const again = await measureOpening(ext, sim, 'qr');
    const page = again.page;

    sim.phone.scan();
    await page.waitForSelector('.popup[data-state="scanned"]', { timeout: 15_000 });
    await pause(THINK_MS);
    const t0 = epochNow();
    sim.phone.confirm();
    await page.waitForSelector(DASHBOARD_SELECTOR, { timeout: 15_000 });
    const marks = await readMarks(page, 'dashFrame');
    const dashAt = marks.origin + (marks.dashFrame ?? NaN);
    const critical = requests(sim)
      .filter((r) => r.at >= Math.floor(t0) && r.at <= dashAt)
      .map((r) => r.endpoint);
    await page.close();
    await pause(AWAY_MS);
    const reopen = await measureOpening(ext, sim, 'dash');
    return {
      cold: first.opening,
      knownQr: again.opening,
      confirmToDashboard: dashAt - t0,
      reopenDashboard: reopen.opening,
      critical,
    };
  } finally {
    await ext.close();
  }
}

/**
 * Warm: the options page was opened and closed first, so the extension's renderer, its shared
 * chunks and the message path have run once; it only peeks at the state, so no login starts.
 * In use: warm, and an HTTPS page was loaded in a tab before (browser-in-use.ts), so jslogin's
 * TLS set-up is not the browser's first certificate check.
 * Stopped: the service worker is stopped before the popup opens (as Chrome does after 30 s
 * idle), so its start-up is on the path to jslogin.
 */
export async function openingRun(
  sim: Simulator,
  latencyMs: number,
  before: 'warm' | 'inUse' | 'stoppedWorker',
  /** Another build to load (worker-floor.ts); dist/chrome by default. */
  extensionDir?: string,
): Promise<Opening> {
  const ext = await fresh(sim, latencyMs, extensionDir);
  try {
    if (before !== 'stoppedWorker') {
      const page = await ext.openPage(OPTIONS_PATH);
      await page.waitForSelector('main *', { timeout: 10_000 });
      await pause(300);
      await page.close();
      if (requests(sim).length) throw new Error('warm-up: the options page started a login');
      if (before === 'inUse') await browseElsewhere(ext);
    } else {
      await ext.stopBackground();
      await pause(AWAY_MS);
    }
    const { opening } = await measureOpening(ext, sim, 'qr');
    return opening;
  } finally {
    await ext.close();
  }
}

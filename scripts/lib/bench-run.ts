import type { Simulator } from '../../test/wxsim/index';
import { launchChromium, type LoadedExtension } from '../../test/e2e/harness/browsers';
import { OPTIONS_PATH, POPUP_PATH } from '../../test/e2e/harness/popup-page';
import { DASHBOARD_SELECTOR, PROBE, QR_SELECTOR, epochNow, readMarks } from './probe';

/** One sign-in in a fresh browser (fresh profile: empty extension storage, cold connections). */
export interface RunResult {
  /** Popup navigation start → first frame with svg.qr (in-page clock). */
  readonly qrFrame: number;
  /** Popup navigation start → svg.qr inserted (in-page clock). */
  readonly qrDom: number;
  /** Node wall clock around page.goto + waitForSelector('svg.qr'). */
  readonly qrWall: number;
  /** Navigation start → the popup's first message to the background. */
  readonly qrSent: number;
  /** Navigation start → jslogin arriving at the simulator (ms resolution). */
  readonly qrJslogin: number;
  /** Node clock just before phone.confirm() → first frame with the nickname (page clock). */
  readonly dashFrame: number;
  readonly dashDom: number;
  /** Node wall clock: confirm() → waitForSelector(nickname) returned. */
  readonly dashWall: number;
  /** Endpoints the simulator saw arrive between confirm and the dashboard frame. */
  readonly critical: readonly string[];
}

/** A person takes a moment between the avatar appearing and tapping Confirm. */
const THINK_MS = 1_000;

interface LoggedRequest {
  endpoint: string;
  at: number;
}
const requests = (sim: Simulator) => (sim.state().lastRequests ?? []) as LoggedRequest[];

/**
 * Warm: before the popup, the options page is opened and closed, so the extension's renderer,
 * its shared chunks and the message path have run once; it only peeks at the state, so no
 * login starts (checked: the simulator must have seen no request).
 */
async function warmUp(ext: LoadedExtension, sim: Simulator): Promise<void> {
  const page = await ext.openPage(OPTIONS_PATH);
  await page.waitForSelector('main *', { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  await page.close();
  if (requests(sim).length) throw new Error('warm-up: the options page started a login');
}

export async function benchRun(
  sim: Simulator,
  latencyMs: number,
  warm: boolean,
): Promise<RunResult> {
  sim.reset();
  sim.configure({ latencyMs, loginHoldMs: 20_000, syncHoldMs: 20_000 });
  const ext = await launchChromium(sim);
  try {
    if (warm) await warmUp(ext, sim);
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 360, height: 600 });
    await page.evaluateOnNewDocument(PROBE);

    const w0 = performance.now();
    await page.goto(ext.baseUrl + POPUP_PATH);
    await page.waitForSelector(QR_SELECTOR, { timeout: 15_000 });
    const qrWall = performance.now() - w0;
    const qr = await readMarks(page, 'qrFrame');
    const jslogin = requests(sim).find((r) => r.endpoint === 'jslogin');

    sim.phone.scan();
    await page.waitForSelector('.popup[data-state="scanned"]', { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, THINK_MS));

    const t0 = epochNow();
    sim.phone.confirm();
    await page.waitForSelector(DASHBOARD_SELECTOR, { timeout: 15_000 });
    const dashWall = epochNow() - t0;
    const marks = await readMarks(page, 'dashFrame');
    const dashAt = marks.origin + (marks.dashFrame ?? NaN);
    return {
      qrFrame: qr.qrFrame ?? NaN,
      qrDom: qr.qrDom ?? NaN,
      qrWall,
      qrSent: qr.sent ?? NaN,
      qrJslogin: (jslogin?.at ?? NaN) - qr.origin,
      dashFrame: dashAt - t0,
      dashDom: marks.origin + (marks.dashDom ?? NaN) - t0,
      dashWall,
      critical: requests(sim)
        .filter((r) => r.at >= Math.floor(t0) && r.at <= dashAt)
        .map((r) => r.endpoint),
    };
  } finally {
    await ext.close();
  }
}

import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import { launchChromium, type LoadedExtension } from '../../test/e2e/harness/browsers';
import { OPTIONS_PATH } from '../../test/e2e/harness/popup-page';

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
  /** Opened again once signed in. */
  readonly dashboard: RealOpening;
}

const POPUP = /\/src\/popup\/index\.html$/;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openToolbarPopup(ext: LoadedExtension, opener: Page): Promise<Page> {
  await opener.bringToFront();
  const target = ext.browser.waitForTarget((t) => POPUP.test(t.url()), { timeout: 10_000 });
  await opener.evaluate('chrome.action.openPopup()');
  const page = await (await target).asPage();
  return page;
}

async function timing(page: Page, view: string): Promise<RealOpening> {
  const name = `popup:${view}`;
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, {
    timeout: 15_000,
  });
  return (await page.evaluate(`({
    interactive: performance.getEntriesByType('navigation')[0].domInteractive,
    painted: performance.getEntriesByName(${JSON.stringify(name)})[0].startTime,
  })`)) as RealOpening;
}

export async function realPopupRun(sim: Simulator, latencyMs: number): Promise<RealRun> {
  sim.reset();
  sim.configure({ latencyMs, loginHoldMs: 20_000, syncHoldMs: 20_000 });
  const ext = await launchChromium(sim, undefined, { detachedWorker: true });
  try {
    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('main *', { timeout: 10_000 });

    let popup = await openToolbarPopup(ext, options);
    const firstQr = await timing(popup, 'qr');
    await popup.close();
    await pause(500);

    popup = await openToolbarPopup(ext, options);
    const knownQr = await timing(popup, 'qr');
    sim.phone.scan();
    sim.phone.confirm();
    await timing(popup, 'signedIn');
    await popup.close();
    await pause(500);

    popup = await openToolbarPopup(ext, options);
    const dashboard = await timing(popup, 'signedIn');
    await popup.close();
    return { firstQr, knownQr, dashboard };
  } finally {
    await ext.close();
  }
}

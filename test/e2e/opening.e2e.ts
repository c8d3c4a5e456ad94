import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, type LoadedExtension } from './harness/browsers';
import { until } from './harness/flow';
import { OPTIONS_PATH, POPUP_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/**
 * Chromium tells the worker of the popup's navigation, so the QR is asked for while the
 * popup's page starts, not once its scripts run (src/background/popup-opening.ts). A popup page
 * whose scripts never run shows it: WeChat gets the jslogin all the same.
 */
describe('chromium: the popup opening starts the QR', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500 });
  let ext: LoadedExtension;

  beforeEach(async () => {
    ext = await launchChromium(ctx.sim);
  });
  afterEach(async () => {
    await ext?.close();
  });

  const jslogins = async () => (ctx.sim.state().counts as Record<string, number>).jslogin ?? 0;

  it('asks for the QR on the navigation alone, even from a stopped worker, and the popup then shows that QR', async () => {
    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('main *');
    expect(await jslogins()).toBe(0);
    await ext.stopBackground();

    const scriptless = await ext.browser.newPage();
    await scriptless.setJavaScriptEnabled(false);
    await scriptless.goto(ext.baseUrl + POPUP_PATH);
    await until(jslogins, (n) => n === 1);
    const uuid = (ctx.sim.state().logins as { uuid: string }[]).at(-1)?.uuid;
    expect(uuid).toBeTruthy();
    await scriptless.close();

    const popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.qrText()).toContain(uuid);
    expect(await jslogins()).toBe(1);
  });
});

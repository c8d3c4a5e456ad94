import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../wxsim/index';
import { launchChromium, type LoadedExtension } from './harness/browsers';
import { signIn } from './harness/flow';
import { PopupPage } from './harness/popup-page';

/**
 * Chrome stops an idle MV3 service worker (~30 s) at any moment; everything lives in storage
 * so a new worker carries on (browser-testing.md "The MV3 worker's life").
 */
describe('chromium: the service worker is stopped', () => {
  let sim: Simulator;
  let ext: LoadedExtension;
  let popup: PopupPage;

  beforeAll(async () => {
    sim = await startSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(async () => {
    sim.reset();
    sim.configure({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
    ext = await launchChromium(sim);
    popup = await PopupPage.open(ext);
  });
  afterEach(async () => {
    await ext?.close();
  });

  /** Stop the worker and make sure it really is gone before going on. */
  async function stopWorker(): Promise<void> {
    await ext.stopBackground();
    const alive = () => ext.browser.targets().some((t) => t.type() === 'service_worker');
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  }

  it('mid-login: the same QR, then scan and confirm still sign in', async () => {
    await popup.waitForState('qr');
    const qr = await popup.qrText();
    await popup.close();
    await stopWorker();
    popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.qrText()).toBe(qr);

    sim.phone.scan();
    await popup.waitForState('scanned');
    await stopWorker();
    sim.phone.confirm();
    await popup.waitForState('signedIn');
    expect(sim.state().counts).toMatchObject({ jslogin: 1, newloginpage: 1 });
  });

  it('after login: the dashboard is back without a new sign-in', async () => {
    await signIn(sim, popup);
    const nickname = await popup.text('.nickname');
    await popup.close();
    await stopWorker();
    // The sync loop goes on (synccheck); nothing of the sign-in is repeated.
    const signInCalls = () => {
      const { jslogin, login, newloginpage, webwxinit } = sim.state().counts as Record<
        string,
        number
      >;
      return { jslogin, login, newloginpage, webwxinit };
    };
    const before = signInCalls();
    popup = await PopupPage.open(ext);
    await popup.waitForState('signedIn');
    expect(await popup.text('.nickname')).toBe(nickname);
    expect(signInCalls()).toEqual(before);
  });
});

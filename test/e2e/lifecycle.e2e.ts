import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type LoadedExtension } from './harness/browsers';
import { signIn, until } from './harness/flow';
import { badgeText, OPTIONS_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/**
 * Chrome stops an idle MV3 service worker (~30 s) at any moment; everything lives in storage
 * so a new worker carries on (docs/testing.md "The MV3 worker's life").
 */
describe('chromium: the service worker is stopped', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
  let ext: LoadedExtension;
  let popup: PopupPage;

  beforeEach(async () => {
    ext = await launchChromium(ctx.sim);
    popup = await PopupPage.open(ext);
  });
  afterEach(async () => {
    await ext?.close();
  });

  /** Stop the worker and make sure that very worker is gone (a new one may start at once). */
  async function stopWorker(): Promise<void> {
    const isWorker = (t: { type(): string }) => t.type() === 'service_worker';
    const before = ext.browser.targets().filter(isWorker);
    expect(before.length).toBeGreaterThan(0);
    await ext.stopBackground();
    const gone = () => before.every((t) => !ext.browser.targets().includes(t));
    for (let i = 0; i < 50 && !gone(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(gone()).toBe(true);
  }

  it('mid-login: the same QR, then scan and confirm still sign in', async () => {
    await popup.waitForState('qr');
    const qr = await popup.qrText();
    await popup.close();
    await stopWorker();
    popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.qrText()).toBe(qr);

    ctx.sim.phone.scan();
    await popup.waitForState('scanned');
    await stopWorker();
    ctx.sim.phone.confirm();
    await popup.waitForState('signedIn');
    expect(ctx.sim.state().counts).toMatchObject({ jslogin: 1, newloginpage: 1 });
  });

  it('after login: the dashboard is back without a new sign-in', async () => {
    await signIn(ctx.sim, popup);
    const nickname = await popup.text('.nickname');
    await popup.close();
    await stopWorker();
    // The sync loop goes on (synccheck); nothing of the sign-in is repeated.
    const signInCalls = () => {
      const { jslogin, login, newloginpage, webwxinit } = ctx.sim.state().counts as Record<
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

describe('chromium: sync survives the worker being stopped', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 }, { resetEachTest: false });
  let ext: LoadedExtension;

  beforeAll(async () => {
    ext = await launchChromium(ctx.sim);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('stopped between synccheck rounds, the alarm brings the loop back and the badge counts', async () => {
    const popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
    await popup.close();
    const probe = await ext.openPage(OPTIONS_PATH);
    await ext.stopBackground();
    const stoppedAt = Date.now();
    ctx.sim.phone.message('Did the worker wake up?');
    // Chrome fires the 30-second alarm; the new worker resumes the loop from storage.
    await until(
      () => badgeText(probe),
      (text) => text === '1',
      60_000,
    );
    const counts = ctx.sim.state().counts as Record<string, number>;
    expect(counts.newloginpage).toBe(1);
    expect(Date.now() - stoppedAt).toBeLessThan(60_000);
  });
});

describe('firefox: sync survives the event page being suspended', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 8_000 }, { resetEachTest: false });
  let ext: LoadedExtension;

  beforeAll(async () => {
    // Firefox suspends an idle event page (30 s by default), even with a fetch pending; with
    // 3 s and an 8 s synccheck hold it happens mid-poll, as it could to any event page.
    ext = await launchFirefox(ctx.sim, { backgroundIdleTimeoutMs: 3_000 });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('suspended mid-poll, the alarm resumes sync and a new message reaches the badge', async () => {
    const popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
    await popup.close();
    const probe = await ext.openPage(OPTIONS_PATH);
    // Long enough for the page to be suspended while its synccheck is held.
    await new Promise((r) => setTimeout(r, 10_000));
    ctx.sim.phone.message('Still there, Firefox?');
    await until(
      () => badgeText(probe),
      (text) => text === '1',
      90_000,
    );
    expect((ctx.sim.state().counts as Record<string, number>).newloginpage).toBe(1);
    // The page really was suspended: synccheck went quiet for longer than one 8 s hold, until
    // the alarm woke a new page that resumed the loop from storage.
    const at = (ctx.sim.state().lastRequests as { endpoint: string; at: number }[])
      .filter((r) => r.endpoint === 'synccheck')
      .map((r) => r.at);
    const longestGap = Math.max(...at.slice(1).map((t, i) => t - (at[i] ?? t)));
    expect(longestGap).toBeGreaterThan(12_000);
  });
});

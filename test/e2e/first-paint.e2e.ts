import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type LoadedExtension } from './harness/browsers';
import { signIn, until } from './harness/flow';
import { PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/**
 * Opened again, the popup paints what it showed before — its QR while still valid, the
 * dashboard once signed in — from the view the background keeps for it, without "Connecting…"
 * first and without a new QR from WeChat.
 */
describe.each<BrowserName>(['chromium', 'firefox'])('%s: the popup opened again', (name) => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
  let ext: LoadedExtension;

  beforeEach(async () => {
    ext = await launch(name, ctx.sim);
  });
  afterEach(async () => {
    await ext?.close();
  });

  /** The views the popup painted, in order (its `popup:<view>` marks). */
  const painted = (popup: PopupPage): Promise<string[]> =>
    popup.page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .map((m) => m.name)
        .filter((n) => n.startsWith('popup:')),
    );
  /** Closed, then opened again once the background has kept the view it shows. */
  async function reopen(popup: PopupPage, shown: string): Promise<PopupPage> {
    await until(
      async () => JSON.stringify((await popup.storage('session')).shown ?? null),
      (kept) => kept.includes(`"type":"${shown}"`),
    );
    await popup.close();
    return PopupPage.open(ext);
  }

  it('shows its QR at once while it is valid, and the dashboard at once once signed in', async () => {
    let popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    const qr = await popup.qrText();
    popup = await reopen(popup, 'qr');
    await popup.waitForState('qr');
    expect(await popup.qrText()).toBe(qr);
    await until(
      () => painted(popup),
      (marks) => marks.length > 0,
    );
    expect((await painted(popup))[0]).toBe('popup:qr');
    expect(ctx.sim.state().counts).toMatchObject({ jslogin: 1 });

    await signIn(ctx.sim, popup);
    popup = await reopen(popup, 'signedIn');
    await popup.waitForState('signedIn');
    await until(
      () => painted(popup),
      (marks) => marks.length > 0,
    );
    expect((await painted(popup))[0]).toBe('popup:signedIn');
    await popup.screenshot('23-reopened-dashboard');
  });
});

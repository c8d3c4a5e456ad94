import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type LoadedExtension } from './harness/browsers';
import { signIn } from './harness/flow';
import { PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

const OUTAGE_MS = 60_000;

/** A network failure is not a logout — the session is kept and sync resumes. */
describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: WeChat unreachable for a minute',
  (name) => {
    const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 }, { resetEachTest: false });
    let ext: LoadedExtension;

    beforeAll(async () => {
      ext = await launch(name, ctx.sim);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('keeps the session, says it is reconnecting, and syncs again afterwards', async () => {
      const popup = await PopupPage.open(ext);
      await signIn(ctx.sim, popup);
      ctx.sim.configure({ pushHostDown: true });
      const downAt = Date.now();
      await popup.page.waitForSelector('.reconnecting', { timeout: 30_000 });
      await popup.screenshot('14-reconnecting');

      await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - downAt)));
      expect(await popup.state()).toBe('signedIn');
      const local = await popup.storage('local');
      expect(local.session).toBeTruthy();

      ctx.sim.configure({ pushHostDown: false });
      ctx.sim.phone.message('You are back online');
      // Backoff is capped at a minute, and the alarm resumes a loop that stopped waiting.
      await popup.page.waitForSelector('.contact .unread', { timeout: 120_000 });
      await popup.page.waitForFunction(() => !document.querySelector('.reconnecting'), {
        timeout: 10_000,
      });
      expect((ctx.sim.state().counts as Record<string, number>).newloginpage).toBe(1);
    });
  },
);

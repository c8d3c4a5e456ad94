import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type LoadedExtension } from './harness/browsers';
import { scanShownQr, signIn, until } from './harness/flow';
import { OPTIONS_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/** Every cookie the browser holds for one of WeChat's hosts, read from an extension page. */
function weChatCookies(popup: PopupPage): Promise<string[]> {
  return popup.page.evaluate(async () => {
    type Cookies = { getAll(d: { url: string }): Promise<{ name: string; domain: string }[]> };
    const g = globalThis as unknown as {
      browser?: { cookies: Cookies };
      chrome?: { cookies: Cookies };
    };
    const api = (g.browser ?? g.chrome)?.cookies;
    const hosts = [
      'wx.qq.com',
      'wx2.qq.com',
      'login.wx.qq.com',
      'webpush.wx.qq.com',
      'file.wx.qq.com',
    ];
    const all = await Promise.all(hosts.map((h) => api?.getAll({ url: `https://${h}/` }) ?? []));
    return [...new Set(all.flat().map((c) => `${c.domain} ${c.name}`))].sort();
  });
}

/**
 * Faults at the steps a person sees: nothing blank, nothing broken, nothing left behind. The
 * tests share one browser, in this order: each leaves the extension where the next begins.
 */
describe.each<BrowserName>(['chromium', 'firefox'])('%s: faults', (name) => {
  const ctx = useSimulator({ loginHoldMs: 1_000, syncHoldMs: 1_000 });
  let ext: LoadedExtension;
  let popup: PopupPage | undefined;

  beforeAll(async () => {
    ext = await launch(name, ctx.sim);
  });
  beforeEach(async () => {
    await popup?.close().catch(() => undefined);
    popup = undefined;
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('jslogin hangs: the popup says so at once, then offers Retry well before 20 s', async () => {
    ctx.sim.fault('jslogin', 'hang', 1);
    const opened = Date.now();
    popup = await PopupPage.open(ext);
    // Never an empty popup: a waiting sentence from the first paint.
    await popup.page.waitForSelector('.status-text', { timeout: 2_000 });
    expect((await popup.text('.status-text')).length).toBeGreaterThan(3);
    await popup.page.waitForSelector('.status-slow', { timeout: 6_000 });
    await popup.screenshot('19-slow-to-answer');
    await popup.waitForState('failed', 15_000);
    console.log(`[faults] jslogin hang -> Retry after ${Date.now() - opened} ms (${name})`);
    expect(Date.now() - opened).toBeLessThan(14_000);
    expect(await popup.page.$eval('.failed', (el) => el.getAttribute('data-error'))).toBe(
      'Timeout',
    );
    await popup.screenshot('20-qr-timed-out');
    await popup.click('.failed button.primary');
    await popup.waitForState('qr');
  });

  it('"Sign out and clear session" leaves no WeChat cookie in the browser', async () => {
    popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
    const before = await weChatCookies(popup);
    expect(before.join(' ')).toContain('wxsid');
    expect(before.join(' ')).toContain('webwx_auth_ticket');
    ctx.sim.configure({ pushHostDown: true }); // offline for the logout too: cleared anyway
    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('#clear-session');
    await options.$eval('#clear-session', (el) => (el as HTMLButtonElement).click());
    await until(
      () => weChatCookies(popup as PopupPage),
      (left) => left.length === 0,
    );
    await options.close();
  });

  it('broken avatars are never shown as pictures: initials instead, nothing kept', async () => {
    ctx.sim.fault('webwxgeticon', 'malformed');
    ctx.sim.fault('webwxgetheadimg', 'malformed');
    popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
    await until(
      () => Promise.resolve((ctx.sim.state().counts as Record<string, number>).webwxgeticon ?? 0),
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await popup.page.$$('img.avatar')).toHaveLength(0);
    expect(await popup.page.$$('.avatar-letter')).not.toHaveLength(0);
    const session = (await popup.storage('local')).session as { dashboard: { avatars: object } };
    expect(session.dashboard.avatars).toEqual({});
    await popup.screenshot('21-avatars-broken');
  });

  it('webwxsync hangs: "reconnecting" shows after the second failure, within 25 s', async () => {
    popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
    ctx.sim.fault('webwxsync', 'hang');
    const t0 = Date.now();
    ctx.sim.phone.message('into the void');
    await popup.page.waitForSelector('.reconnecting', { timeout: 25_000 });
    const shownAfter = Date.now() - t0;
    console.log(`[faults] webwxsync hang -> reconnecting after ${shownAfter} ms (${name})`);
    expect(await popup.state()).toBe('signedIn'); // the session is kept
    ctx.sim.fault('webwxsync', null);
    await popup.page.waitForSelector('.contact .unread', { timeout: 40_000 });
    await popup.page.waitForFunction(() => !document.querySelector('.reconnecting'), {
      timeout: 10_000,
    });
  });

  it('a 13 MB webwxinit: a clear message, the reply not kept, no retry loop', async () => {
    ctx.sim.fault('webwxinit', 'oversize');
    popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
    const confirmed = Date.now();
    await popup.waitForState('failed', 20_000);
    console.log(`[faults] 13 MB webwxinit -> message after ${Date.now() - confirmed} ms (${name})`);
    expect(await popup.page.$eval('.failed', (el) => el.getAttribute('data-error'))).toBe(
      'TooLarge',
    );
    await popup.screenshot('22-too-large');
    await new Promise((r) => setTimeout(r, 4_000));
    const counts = ctx.sim.state().counts as Record<string, number>;
    expect(counts.newloginpage).toBe(1); // the ticket was exchanged once
    expect(counts.webwxinit).toBe(1); // and nothing asks again by itself
  });
});

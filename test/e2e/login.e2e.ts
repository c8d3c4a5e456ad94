import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Simulator } from '../wxsim/index';
import { launch, type BrowserName, type LoadedExtension } from './harness/browsers';
import { scanShownQr, signIn, storageText, until } from './harness/flow';
import { repoRoot } from './harness/paths';
import { OPTIONS_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/** What the default account's webwxinit carries (the recorded wechat4u fixture). */
const fixture = JSON.parse(
  readFileSync(`${repoRoot}test/fixtures/wechat/wechat4u_webwxinit.json`, 'utf8'),
) as {
  User: { NickName: string };
  ContactList: { UserName: string; NickName: string }[];
  MPSubscribeMsgList: { NickName: string; MPArticleList: { Title: string; Url: string }[] }[];
};

interface LoggedRequest {
  url: string;
  endpoint: string;
}
const requests = (sim: Simulator) => (sim.state().lastRequests as LoggedRequest[]) ?? [];

describe.each<BrowserName>(['chromium', 'firefox'])('%s: sign in from the toolbar', (name) => {
  // Short holds keep the long-polls quick; the protocol behaviour is the same.
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
  let ext: LoadedExtension;
  let popup: PopupPage;

  beforeEach(async () => {
    ext = await launch(name, ctx.sim);
    popup = await PopupPage.open(ext);
  });
  afterEach(async () => {
    await ext?.close();
  });

  it('QR -> scan -> avatar -> confirm -> dashboard with profile, chats and every article', async () => {
    await popup.waitForState('qr');
    const uuid = ctx.sim.state().uuid as string;
    expect(await popup.qrText()).toBe(`https://login.weixin.qq.com/l/${uuid}`);
    await popup.screenshot('1-qr');

    ctx.sim.phone.scan();
    await popup.waitForState('scanned');
    const avatar = await popup.page.$eval('.avatar', (el) => (el as HTMLImageElement).src ?? '');
    expect(avatar).toMatch(/^data:image\/jpeg;base64,/);
    expect(await popup.text('.live')).toContain('Confirm on your phone');
    await popup.screenshot('2-scanned');

    ctx.sim.phone.confirm();
    await popup.waitForState('signedIn');
    expect(await popup.text('.nickname')).toBe(fixture.User.NickName);
    const names = await popup.texts('.contact-name');
    // The simulator's default account is the recorded init plus a friend (test/wxsim/accounts.ts).
    expect(names.slice(0, fixture.ContactList.length)).toEqual(
      fixture.ContactList.map((c) => c.NickName),
    );
    expect(await popup.texts('.contact[data-kind="group"] .badge')).toEqual(['Group']);
    expect((await popup.texts('.contact[data-kind="official"]')).length).toBeGreaterThan(0);
    // The profile avatar arrives after the dashboard, fetched with the session cookies.
    await popup.page.waitForSelector('.profile img.avatar[src^="data:image/"]', {
      timeout: 10_000,
    });
    await popup.screenshot('3-dashboard');

    await popup.click('.tab[data-tab="articles"]');
    const links = await popup.page.$$eval('a.article-title', (as) =>
      as.map((a) => ({
        text: a.textContent,
        href: a.getAttribute('href'),
        target: a.getAttribute('target'),
      })),
    );
    const expected = fixture.MPSubscribeMsgList.flatMap((mp) => mp.MPArticleList);
    expect(links.map((l) => l.text).sort()).toEqual(expected.map((a) => a.Title).sort());
    expect(links.map((l) => l.href).sort()).toEqual(
      expected.map((a) => new URL(a.Url).href).sort(),
    );
    expect(links.every((l) => l.target === '_blank')).toBe(true);
    await popup.screenshot('4-articles');
  });

  it('an account on wx2.qq.com: every call after the scan goes to the wx2 hosts', async () => {
    ctx.sim.configure({ homeHost: 'wx2.qq.com' });
    await signIn(ctx.sim, popup);
    const after = requests(ctx.sim).filter((r) => /webwx|synccheck/.test(r.endpoint));
    expect(after.length).toBeGreaterThan(0);
    for (const r of after) expect(new URL(r.url).host).toMatch(/(^|\.)wx2\.qq\.com$/);
    expect(after.map((r) => r.endpoint)).toContain('webwxinit');
  });

  it('closing and reopening the popup mid-login and after login continues where it was', async () => {
    await popup.waitForState('qr');
    const qr = await popup.qrText();
    await popup.close();
    popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.qrText()).toBe(qr);

    ctx.sim.phone.scan();
    await popup.waitForState('scanned');
    await popup.close();
    popup = await PopupPage.open(ext);
    await popup.waitForState('scanned');

    ctx.sim.phone.confirm();
    await popup.waitForState('signedIn');
    await popup.close();
    popup = await PopupPage.open(ext);
    await popup.waitForState('signedIn');
    expect(await popup.text('.nickname')).toBe(fixture.User.NickName);
  });

  it('an expired QR is replaced by a fresh one, with a note', async () => {
    await popup.waitForState('qr');
    const first = await popup.qrText();
    ctx.sim.phone.expire();
    await until(
      () => popup.qrText().catch(() => first),
      (text) => text !== first,
    );
    expect(await popup.text('.notice')).toContain('expired');
    await popup.screenshot('5-qr-renewed');
  });

  it('1203: the server’s own message is shown, and starting over gives a new QR', async () => {
    const message = '当前登录环境异常。为了你的帐号安全，暂时不能登录web微信。';
    ctx.sim.phone.ban(message);
    await popup.waitForState('qr');
    ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
    await popup.waitForState('failed');
    expect(await popup.text('.server-message')).toBe(message);
    await popup.screenshot('6-blocked');
    await popup.click('.failed button');
    await popup.waitForState('qr');
  });

  it('network trouble during sign-in offers a retry that keeps the session', async () => {
    ctx.sim.fault('webwxinit', 'http500', 1);
    await popup.waitForState('qr');
    ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
    await popup.waitForState('failed');
    expect(await popup.text('.failed')).toContain('Can’t reach WeChat'.replace('’', "'"));
    await popup.screenshot('7-network-error');
    await popup.click('.failed button');
    await popup.waitForState('signedIn');
    expect(ctx.sim.state().counts).toMatchObject({ newloginpage: 1 });
  });

  it('clear session from the options page: logout sent, no token left, QR again', async () => {
    await signIn(ctx.sim, popup);
    const { sessions } = ctx.sim.state() as { sessions: { sid: string }[] };
    const sid = sessions.at(-1)?.sid ?? '';
    expect(sid).not.toBe('');
    expect(await storageText(popup)).toContain(sid);

    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('.signed-in-as');
    expect(await options.$eval('.signed-in-as', (el) => el.textContent)).toContain(
      fixture.User.NickName,
    );
    await options.$eval('#clear-session', (el) => (el as HTMLButtonElement).click());
    await options.waitForFunction(() =>
      document.querySelector('.status')?.textContent?.includes('cleared'),
    );
    await options.screenshot({
      path: `${repoRoot}artifacts/screenshots/${name}-8-options-cleared.png`,
    });
    expect(ctx.sim.state().counts).toMatchObject({ webwxlogout: 1 });
    expect(await storageText(popup)).not.toContain(sid);

    await popup.close();
    popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.text('.notice')).toContain('Signed out');
  });

  it('hostile names and links from the server stay inert text', async () => {
    ctx.sim.configure({ account: 'hostile' });
    let dialogs = 0;
    popup.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await signIn(ctx.sim, popup);
    expect(
      await popup.page.$$('img[onerror], [onerror], script:not([type="module"])'),
    ).toHaveLength(0);
    expect(await popup.text('.nickname')).toBe('Me 😄 & <you>');
    expect(await popup.texts('.contact-name')).toContain('<img src=x onerror="alert(1)">');
    await popup.click('.tab[data-tab="articles"]');
    const hrefs = await popup.page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    await popup.screenshot('9-hostile');
    expect(dialogs).toBe(0);
  });
});

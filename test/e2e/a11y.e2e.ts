import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck } from './harness/axe';
import {
  firefoxHasLocale,
  launchChromium,
  launchFirefox,
  type BrowserName,
  type LoadedExtension,
} from './harness/browsers';
import { SYNC_BOUND_MS, scanShownQr, until } from './harness/flow';
import {
  fontOf,
  SCHEME_BACKGROUND,
  setThemeSetting,
  showScheme,
  type Scheme,
} from './harness/look';
import { screenshotDir } from './harness/paths';
import { OPTIONS_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/**
 * Every popup state and the options page, in both browsers, in English and Simplified
 * Chinese, in light and dark: axe-core (WCAG 2.x A/AA and best practices) finds nothing,
 * the page says which language it is in, and text has the intended size and font.
 */
type Lang = 'en' | 'zh-CN';
interface Case {
  readonly browser: BrowserName;
  readonly lang: Lang;
}

const WORDS: Record<Lang, { popupTitle: string; optionsTitle: string; firstFont: string }> = {
  en: {
    popupTitle: 'WeChat Web (unofficial)',
    optionsTitle: 'WeChat Web for the toolbar — settings',
    firstFont: 'system-ui',
  },
  'zh-CN': {
    popupTitle: '网页微信（非官方）',
    optionsTitle: '网页微信工具栏 — 设置',
    firstFont: '"PingFang SC"',
  },
};
/** Text smaller than this is hard to read in a popup (the floor). */
const MIN_BODY_PX = 13;
const SCHEMES: readonly Scheme[] = ['light', 'dark'];

const CASES: readonly Case[] = [
  { browser: 'chromium', lang: 'en' },
  { browser: 'chromium', lang: 'zh-CN' },
  { browser: 'firefox', lang: 'en' },
  { browser: 'firefox', lang: 'zh-CN' },
];

for (const { browser, lang } of CASES)
  describe(`${browser} in ${lang}: accessible in light and dark`, () => {
    const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 }, { resetEachTest: false });
    // Firefox shows Chinese only with its language pack installed (Debian firefox-esr-l10n-zh-cn).
    const missingLocale = browser === 'firefox' && lang !== 'en' && !firefoxHasLocale(lang);
    if (missingLocale)
      console.warn(`firefox: no ${lang} language pack, the ${lang} pass is skipped`);
    let ext: LoadedExtension;
    let popup: PopupPage;
    const figures: string[] = [];

    beforeAll(async () => {
      if (missingLocale) return;
      mkdirSync(screenshotDir, { recursive: true });
      ext =
        browser === 'chromium'
          ? await launchChromium(ctx.sim, undefined, { lang })
          : await launchFirefox(ctx.sim, {
              colorScheme: 'dark',
              ...(lang === 'en' ? {} : { locale: lang }),
            });
      popup = await PopupPage.open(ext);
    });
    afterAll(async () => {
      if (figures.length > 0) console.log(`axe, ${browser} ${lang}:\n  ${figures.join('\n  ')}`);
      await ext?.close();
    });

    /** axe in each scheme, and a screenshot of each: `<browser>-a11y-<lang>-<scheme>-<state>`. */
    /** The popup's `data-state` (null on the options page): the view that was checked. */
    const shown = (page: Page) =>
      page.evaluate(() => document.querySelector('.popup')?.getAttribute('data-state') ?? null);

    async function check(page: Page, state: string): Promise<void> {
      const view = await shown(page);
      for (const scheme of SCHEMES) {
        await showScheme(ext, page, scheme);
        expect(await shown(page), `${state}: the view changed under the check`).toBe(view);
        const { violations, passed } = await axeCheck(page);
        figures.push(`${state} ${scheme}: ${violations.length} violations`);
        expect(violations, `${browser} ${lang} ${scheme} ${state}`).toEqual([]);
        // axe looked: text contrast and headings were checked, not skipped.
        expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'page-has-heading-one']));
        await page.screenshot({
          path: `${screenshotDir}/${browser}-a11y-${lang}-${scheme}-${state}.png`,
        });
      }
      expect(await shown(page), `${state}: the view changed under the check`).toBe(view);
    }

    async function expectReadableText(page: Page, selector: string): Promise<void> {
      const font = await fontOf(page, selector);
      figures.push(`font of ${selector}: ${font.size}px ${font.family}`);
      expect(font.size, `${selector} font size`).toBeGreaterThanOrEqual(MIN_BODY_PX);
      expect(font.family, `${selector} font family`).toMatch(
        new RegExp(`^${WORDS[lang].firstFont}, `),
      );
      expect(font.family).toContain('"Noto Sans CJK SC"');
    }

    it.skipIf(missingLocale)(
      'QR: the page is in the shown language, its text readable',
      async () => {
        await popup.waitForState('qr');
        const page = popup.page;
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.title()).toBe(WORDS[lang].popupTitle);
        await expectReadableText(page, 'body');
        await expectReadableText(page, '.prompt');
        expect((await fontOf(page, 'body')).size).toBe(14);
        await check(page, 'qr');
      },
    );

    it.skipIf(missingLocale)('scanned', async () => {
      ctx.sim.phone.scan();
      await popup.waitForState('scanned');
      await check(popup.page, 'scanned');
    });

    it.skipIf(missingLocale)('dashboard: chats with an unread count, then articles', async () => {
      ctx.sim.phone.confirm();
      await popup.waitForState('signedIn');
      ctx.sim.phone.message('Are you coming tonight?');
      await popup.page.waitForSelector('.contact .unread', { timeout: SYNC_BOUND_MS });
      await popup.page.waitForSelector('.profile img.avatar[src^="data:image/"]', {
        timeout: 10_000,
      });
      // Contact names are body text too: not smaller than the badges beside them.
      await expectReadableText(popup.page, '.contact-name');
      const name = await fontOf(popup.page, '.contact-name');
      const badge = await fontOf(popup.page, '.badge');
      expect(name.size).toBeGreaterThan(badge.size);
      await check(popup.page, 'chats');
      await popup.click('.tab[data-tab="articles"]');
      await popup.page.waitForSelector('#panel-articles:not([hidden]) a.article-title');
      // Dates follow the shown language, not the browser's.
      const date = await popup.text('.feed-name time');
      if (lang === 'zh-CN') expect(date).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      else expect(date).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/);
      await check(popup.page, 'articles');
    });

    it.skipIf(missingLocale)('chat view: a message in, a reply sent, a recall', async () => {
      await popup.click('.tab[data-tab="chats"]');
      await popup.click('.contact:has(.unread) .contact-open');
      await popup.page.waitForSelector('.chat .msg .msg-text');
      await popup.page.waitForSelector('.composer-input:focus');
      await popup.page.keyboard.type('On my way');
      await popup.page.keyboard.press('Enter');
      await popup.page.waitForSelector('.msg[data-side="out"][data-state="sent"]', {
        timeout: SYNC_BOUND_MS,
      });
      await check(popup.page, 'chat');
      await popup.page.keyboard.press('Escape');
      await popup.page.waitForSelector('.contact-open:focus');
    });

    it.skipIf(missingLocale)('options page', async () => {
      const options = await ext.openPage(OPTIONS_PATH);
      await options.waitForSelector('.signed-in-as');
      await options.waitForSelector('#theme-system:not([disabled])');
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await options.title()).toBe(WORDS[lang].optionsTitle);
      await expectReadableText(options, 'body');
      await check(options, 'options');
      await options.close();
    });

    it.skipIf(missingLocale)(
      'signed out on the phone: a notice and the push-login offer',
      async () => {
        ctx.sim.phone.logout();
        await popup.waitForState('qr', SYNC_BOUND_MS);
        await popup.page.waitForSelector('.push-offer');
        await check(popup.page, 'signed-out');
      },
    );

    it.skipIf(missingLocale)('push login sent', async () => {
      // The phone shows the prompt at once, and the next poll turns this view into "scanned":
      // slow replies keep it on screen for the check.
      ctx.sim.configure({ latencyMs: 6_000 });
      await popup.click('#push-login');
      await popup.waitForState('pushSent');
      await check(popup.page, 'push-sent');
      expect(await shown(popup.page)).toBe('pushSent');
      ctx.sim.configure({ latencyMs: 0 });
      // Signed in by the phone's prompt, then signed out again: a fresh QR for what follows.
      ctx.sim.phone.confirm();
      await popup.waitForState('signedIn');
      ctx.sim.phone.logout();
      await popup.waitForState('qr', SYNC_BOUND_MS);
    });

    it.skipIf(missingLocale)('WeChat refuses web sign-in (1203)', async () => {
      ctx.sim.phone.ban('当前登录环境异常。为了你的帐号安全，暂时不能登录web微信。');
      ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
      await popup.waitForState('failed');
      await popup.page.waitForSelector('.server-message');
      await check(popup.page, 'blocked');
      await popup.click('.failed button');
      await popup.waitForState('qr');
    });

    it.skipIf(missingLocale)('network error, then the retry', async () => {
      ctx.sim.fault('webwxinit', 'http500', 1);
      ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
      await popup.waitForState('failed');
      await check(popup.page, 'network-error');
      await popup.click('.failed button');
      await popup.waitForState('signedIn');
    });

    it.skipIf(missingLocale)('WeChat unreachable: reconnecting', async () => {
      ctx.sim.configure({ pushHostDown: true });
      await popup.page.waitForSelector('.reconnecting', { timeout: 30_000 });
      await check(popup.page, 'reconnecting');
      ctx.sim.configure({ pushHostDown: false });
    });
  });

describe('chromium: the theme setting, and a regression the axe check catches', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 }, { resetEachTest: false });
  let ext: LoadedExtension;
  beforeAll(async () => {
    ext = await launchChromium(ctx.sim);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the theme setting wins over the system scheme, and "system" follows it again', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    const background = () =>
      popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await setThemeSetting(popup.page, 'dark');
    await until(background, (bg) => bg === SCHEME_BACKGROUND.dark);
    await setThemeSetting(popup.page, 'system');
    await until(background, (bg) => bg === SCHEME_BACKGROUND.light);
    await popup.close();
  });

  it('the old WeChat green under white text fails, and the failure gives the figures', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    ctx.sim.phone.confirm(await scanShownQr(ctx.sim, popup));
    await popup.waitForState('signedIn');
    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('#clear-session');
    await options.evaluate(() => document.documentElement.style.setProperty('--accent', '#07c160'));
    const { violations } = await axeCheck(options);
    expect(violations).toEqual([
      expect.stringMatching(/^color-contrast \(serious\) \["#clear-session"\]: .*2\.38/),
    ]);
  });
});

import type { Page } from 'puppeteer-core';
import type { LoadedExtension } from './browsers';

export type Scheme = 'light' | 'dark';

/** The page background base.css gives each scheme (--bg). */
export const SCHEME_BACKGROUND: Record<Scheme, string> = {
  light: 'rgb(255, 255, 255)',
  dark: 'rgb(23, 25, 28)',
};

export interface FontLook {
  readonly size: number;
  readonly family: string;
}

/** The computed font of the first element matching `selector`. */
export function fontOf(page: Page, selector: string): Promise<FontLook> {
  return page.$eval(selector, (el) => {
    const style = getComputedStyle(el);
    return { size: parseFloat(style.fontSize), family: style.fontFamily };
  });
}

/** The extension's theme setting, changed as the options page does: a setSettings message. */
export async function setThemeSetting(page: Page, theme: 'system' | 'light' | 'dark') {
  await page.evaluate(async (next) => {
    type Runtime = { sendMessage(message: object): Promise<{ ok: boolean; response: object }> };
    const g = globalThis as unknown as {
      browser?: { runtime: Runtime };
      chrome?: { runtime: Runtime };
    };
    const runtime = (g.browser ?? g.chrome)?.runtime;
    if (!runtime) throw new Error('no runtime API on this page');
    const current = await runtime.sendMessage({ name: 'getSettings', request: {} });
    const reply = await runtime.sendMessage({
      name: 'setSettings',
      request: { ...current.response, theme: next },
    });
    if (!reply.ok) throw new Error(`setSettings refused: ${JSON.stringify(reply)}`);
  }, theme);
}

/**
 * Show `page` in `scheme`. Chromium: prefers-color-scheme emulated, the theme setting left on
 * "system". Firefox has no emulation over WebDriver BiDi: it is launched with a dark system
 * scheme (launchFirefox colorScheme), so dark is prefers-color-scheme with the setting on
 * "system", and light is the setting. Either way the page must end up in that scheme.
 */
export async function showScheme(ext: LoadedExtension, page: Page, scheme: Scheme) {
  if (ext.name === 'chromium') {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  } else {
    await setThemeSetting(page, scheme === 'dark' ? 'system' : 'light');
  }
  await page.waitForFunction(
    (background) => getComputedStyle(document.body).backgroundColor === background,
    { timeout: 5_000 },
    SCHEME_BACKGROUND[scheme],
  );
}

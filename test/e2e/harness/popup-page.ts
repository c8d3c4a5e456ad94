import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { LoadedExtension } from './browsers';
import { screenshotDir } from './paths';

export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

/** The toolbar popup, opened as a page of the extension; one method per thing a user sees. */
export class PopupPage {
  private constructor(
    readonly ext: LoadedExtension,
    readonly page: Page,
  ) {}

  static async open(ext: LoadedExtension): Promise<PopupPage> {
    return new PopupPage(ext, await ext.openPage(POPUP_PATH));
  }

  /** The state the popup shows (`data-state` of its root: qr, scanned, signedIn, failed …). */
  state(): Promise<string | null> {
    return this.page.$eval('.popup', (el) => el.getAttribute('data-state')).catch(() => null);
  }

  async waitForState(state: string, timeout = 20_000): Promise<void> {
    await this.page.waitForSelector(`.popup[data-state="${state}"]`, { timeout });
  }

  qrText(): Promise<string> {
    return this.page.$eval('svg.qr', (el) => el.getAttribute('data-qr-text') ?? '');
  }

  text(selector: string): Promise<string> {
    return this.page.$eval(selector, (el) => el.textContent ?? '');
  }

  async texts(selector: string): Promise<string[]> {
    return this.page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
  }

  async click(selector: string): Promise<void> {
    await this.page.$eval(selector, (el) => (el as HTMLElement).click());
  }

  /** Extension storage as the background left it, read from this extension page. */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
    return this.page.evaluate(async (which) => {
      const api = (
        globalThis as unknown as {
          chrome?: { storage: Record<string, { get(k: null): Promise<object> }> };
        }
      ).chrome;
      const browserApi = (globalThis as unknown as { browser?: typeof api }).browser;
      const storage = (browserApi ?? api)?.storage;
      return (await storage?.[which]?.get(null)) as Record<string, unknown>;
    }, area);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const path = `${screenshotDir}/${this.ext.name}-${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The toolbar badge text, read from any extension page (the options page does not mark seen). */
export function badgeText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    type Action = { getBadgeText(details: object): Promise<string> };
    const g = globalThis as unknown as {
      browser?: { action: Action };
      chrome?: { action: Action };
    };
    return (g.browser ?? g.chrome)?.action.getBadgeText({}) ?? '';
  });
}

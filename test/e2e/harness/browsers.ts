import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM, FIREFOX, distChrome, distFirefox } from './paths';

export type BrowserName = 'chromium' | 'firefox';

/** The built extension, unmodified, loaded in a real browser routed to the simulator. */
export interface LoadedExtension {
  readonly name: BrowserName;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** A new tab on one of the extension's pages, sized like the toolbar popup. */
  openPage(path: string): Promise<Page>;
  /** Chromium only: stop the service worker, as the browser does when it is idle. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface RouteToSimulator {
  readonly httpsPort: number;
  readonly proxyPort: number;
}

const POPUP_VIEWPORT = { width: 360, height: 600 };

export interface ChromiumOptions {
  /** false: a visible window (needs a display); the tests always run headless. */
  readonly headless?: boolean;
  /** false: the caller handles Ctrl-C itself (puppeteer's default closes the browser and exits). */
  readonly handleSignals?: boolean;
  /** The browser's UI language, e.g. 'zh-CN' (the extension's strings and WeChat's lang follow). */
  readonly lang?: string;
  /**
   * true: DevTools never attaches to the service worker. Attaching to an extension's worker
   * that is starting can leave it stalled before its first line (puppeteer#9995,
   * crbug.com/1371432: about 1 start in 4 after a stop, here), which a figure must not count.
   */
  readonly detachedWorker?: boolean;
  /** Another copy of the built extension (the bench's page-floor copy); default dist/chrome. */
  readonly extensionDir?: string;
}

/** Chromium's id for an unpacked extension: its folder's path, hashed, in the letters a–p. */
function unpackedExtensionId(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Chromium: every WeChat host name resolves to the simulator's HTTPS port (docs/testing.md);
 * the background-networking flags keep Chromium off the closed network.
 */
export async function launchChromium(
  route: RouteToSimulator,
  userDataDir?: string,
  options: ChromiumOptions = {},
): Promise<LoadedExtension> {
  const headless = options.headless ?? true;
  const extensionDir = options.extensionDir ?? distChrome;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless,
    // A visible window: pages take the window's size (the popup tab still gets POPUP_VIEWPORT).
    ...(headless ? {} : { defaultViewport: null }),
    ...(options.handleSignals === false
      ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }
      : {}),
    pipe: true,
    enableExtensions: [extensionDir],
    ...(options.detachedWorker ? { targetFilter: (t) => t.type() !== 'service_worker' } : {}),
    ...(userDataDir ? { userDataDir } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.qq.com 127.0.0.1:${route.httpsPort}, MAP qq.com 127.0.0.1:${route.httpsPort}, MAP *.wechat.com 127.0.0.1:${route.httpsPort}, EXCLUDE localhost`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const id = options.detachedWorker
    ? unpackedExtensionId(extensionDir)
    : new URL(
        (
          await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 20_000 })
        ).url(),
      ).host;
  const baseUrl = `chrome-extension://${id}/`;
  // Installed and running before a test starts, as when the worker's target is awaited.
  if (options.detachedWorker) {
    await whenWorker(browser, baseUrl, running);
  }
  return {
    name: 'chromium',
    browser,
    baseUrl,
    async openPage(path) {
      const page = await browser.newPage();
      await page.setViewport(POPUP_VIEWPORT);
      await page.goto(baseUrl + path);
      return page;
    },
    async stopBackground() {
      if (options.detachedWorker) return stopWorkerFromPage(browser, baseUrl);
      const target = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(baseUrl),
      );
      const session = await browser.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      const info = targetInfos.find((t) => t.type === 'service_worker' && t.url === target.url());
      if (!info) throw new Error('no service worker target to stop');
      await session.send('Target.closeTarget', { targetId: info.targetId });
      await session.detach();
    },
    close: () => browser.close(),
  };
}

type WorkerVersion = { runningStatus: string; status: string };
const running = (v: WorkerVersion) => v.runningStatus === 'running' && v.status === 'activated';

/**
 * The extension's service worker as the ServiceWorker domain of a page reports it (no DevTools
 * session on the worker itself): resolves once `ready` holds for its newest version.
 */
async function whenWorker(
  browser: Browser,
  baseUrl: string,
  ready: (version: WorkerVersion) => boolean,
  action?: (session: CDPSession) => Promise<unknown>,
): Promise<void> {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const session = await page.createCDPSession();
  try {
    const seen = new Promise<void>((resolve) => {
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(baseUrl)).at(-1);
        if (ours && ready(ours)) resolve();
      });
    });
    await session.send('ServiceWorker.enable');
    await action?.(session);
    await Promise.race([
      seen,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the service worker did not get there')), 20_000),
      ),
    ]);
  } finally {
    await session.detach();
  }
}

/** Stops the extension's worker once it runs, and waits until the browser reports it stopped. */
async function stopWorkerFromPage(browser: Browser, baseUrl: string): Promise<void> {
  await whenWorker(browser, baseUrl, running);
  await whenWorker(
    browser,
    baseUrl,
    (v) => v.runningStatus === 'stopped',
    (session) => session.send('ServiceWorker.stopAllWorkers'),
  );
}

const FIREFOX_UUID = '8d0a4f4e-6b2e-4c55-9a59-3c1f2b7e0d11';

/** Firefox: the simulator's CONNECT proxy carries every host:443 (docs/testing.md). */
export interface FirefoxOptions {
  /** A profile kept between launches (a browser restart); a fresh one when absent. */
  readonly userDataDir?: string;
  /** Firefox MV3 lets the user withhold host permissions; false starts without them. */
  readonly grantHostPermissions?: boolean;
  /** Firefox suspends an idle event page after this long (default 30 s); shorter for tests. */
  readonly backgroundIdleTimeoutMs?: number;
  /** The scheme the system reports to pages (prefers-color-scheme); the browser's own when absent. */
  readonly colorScheme?: 'light' | 'dark';
  /** The UI language, e.g. 'zh-CN': needs that Firefox language pack (firefoxHasLocale). */
  readonly locale?: string;
}

/** Firefox shows another language only with its language pack (Debian: firefox-esr-l10n-*). */
export function firefoxHasLocale(locale: string): boolean {
  return existsSync(
    `${dirname(realpathSync(FIREFOX))}/browser/extensions/langpack-${locale}@firefox-esr.mozilla.org.xpi`,
  );
}

export async function launchFirefox(
  route: RouteToSimulator,
  options: FirefoxOptions = {},
): Promise<LoadedExtension> {
  const manifest = JSON.parse(readFileSync(`${distFirefox}/manifest.json`, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': route.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': route.proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      // Temporary add-ons get their MV3 host permissions without a prompt in tests.
      'extensions.originControls.grantByDefault': options.grantHostPermissions ?? true,
      ...(options.backgroundIdleTimeoutMs === undefined
        ? {}
        : { 'extensions.background.idle.timeout': options.backgroundIdleTimeoutMs }),
      ...(options.colorScheme === undefined
        ? {}
        : {
            'layout.css.prefers-color-scheme.content-override':
              options.colorScheme === 'dark' ? 0 : 1,
          }),
      ...(options.locale === undefined ? {} : { 'intl.locale.requested': options.locale }),
      // A temporary add-on is removed when Firefox quits; its storage must survive that for a
      // restart test, as it does for an installed add-on.
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  await browser.installExtension(distFirefox);
  const baseUrl = `moz-extension://${FIREFOX_UUID}/`;
  return {
    name: 'firefox',
    browser,
    baseUrl,
    async openPage(path) {
      const page = await browser.newPage();
      await page.setViewport(POPUP_VIEWPORT);
      // The load event of moz-extension pages never resolves under BiDi: do not await it.
      page.goto(baseUrl + path).catch(() => undefined);
      // While the page is still navigating, a BiDi evaluate can fail with a script error:
      // ask again until the new document answers.
      for (let attempt = 1; ; attempt++) {
        try {
          await page.waitForSelector('body', { timeout: 15_000 });
          return page;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    async stopBackground() {
      throw new Error('stopping the event page is only scripted in Chromium');
    },
    close: () => browser.close(),
  };
}

export function launch(name: BrowserName, route: RouteToSimulator): Promise<LoadedExtension> {
  return name === 'chromium' ? launchChromium(route) : launchFirefox(route);
}

/**
 * A browser on a profile folder of the test's own, so closing and launching it again is a
 * browser restart (storage, IndexedDB and cookies kept). Firefox may take more options.
 */
export function launchOnProfile(
  name: BrowserName,
  route: RouteToSimulator,
  profile: string,
  firefox: Omit<FirefoxOptions, 'userDataDir'> = {},
): Promise<LoadedExtension> {
  return name === 'chromium'
    ? launchChromium(route, profile)
    : launchFirefox(route, { ...firefox, userDataDir: profile });
}

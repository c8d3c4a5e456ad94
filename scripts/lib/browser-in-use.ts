import type { LoadedExtension } from '../../test/e2e/harness/browsers';

/**
 * One HTTPS page loaded in a tab and closed, as any browser in use has done before its toolbar
 * icon is clicked. Chromium's first certificate verification in a browser's life sets up its
 * trust store: in a freshly launched browser the popup's jslogin pays it inside its TLS set-up
 * (npm run bench prints both, "TLS set-up of jslogin's connection"). The host is not the login
 * host (the simulator answers 404 there), so no connection or TLS session is reused.
 */
export async function browseElsewhere(ext: LoadedExtension): Promise<void> {
  const tab = await ext.browser.newPage();
  try {
    await tab.goto('https://www.qq.com/', { timeout: 10_000 });
  } finally {
    await tab.close();
  }
}

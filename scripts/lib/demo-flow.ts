import { mkdirSync } from 'node:fs';
import type { Simulator } from '../../test/wxsim/index';
import type { LoadedExtension } from '../../test/e2e/harness/browsers';
import { repoRoot } from '../../test/e2e/harness/paths';
import { PopupPage } from '../../test/e2e/harness/popup-page';

export const DEMO_DIR = `${repoRoot}artifacts/demo`;

/** Headless: the whole sign-in by itself, one screenshot per step; returns their paths. */
export async function walkThrough(sim: Simulator, ext: LoadedExtension): Promise<string[]> {
  mkdirSync(DEMO_DIR, { recursive: true });
  const popup = await PopupPage.open(ext);
  const shots: string[] = [];
  const shot = async (name: string) => {
    const path = `${DEMO_DIR}/${name}.png`;
    await popup.page.screenshot({ path });
    shots.push(path);
    console.log(`  ${name.padEnd(12)} ${path}`);
  };

  await popup.waitForState('qr');
  console.log(`QR shown: ${await popup.qrText()}`);
  await shot('1-qr');

  console.log('Phone: scan');
  sim.phone.scan();
  await popup.waitForState('scanned');
  await shot('2-scanned');

  console.log('Phone: confirm');
  sim.phone.confirm();
  await popup.waitForState('signedIn');
  console.log(`Signed in as ${await popup.text('.nickname')}`);
  // The profile picture follows the dashboard (fetched with the session cookies).
  await popup.page.waitForSelector('.profile img.avatar[src^="data:image/"]', { timeout: 10_000 });
  await shot('3-dashboard');

  await popup.click('.tab[data-tab="articles"]');
  await popup.page.waitForSelector('a.article-title', { timeout: 10_000 });
  console.log(`Articles tab: ${(await popup.texts('a.article-title')).length} articles`);
  await shot('4-articles');
  return shots;
}

/** Resolves on the first Ctrl-C / SIGTERM; a second one exits at once. */
export function stopRequested(): Promise<string> {
  return new Promise((resolve) => {
    let seen = false;
    const onSignal = (signal: string) => {
      if (seen) process.exit(130);
      seen = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Headful: the popup and the simulator's phone page side by side in tabs, until stopped. */
export async function interactive(
  sim: Simulator,
  ext: LoadedExtension,
  stop: Promise<string>,
): Promise<void> {
  const [blank] = await ext.browser.pages();
  const popup = await PopupPage.open(ext);
  const phone = blank ?? (await ext.browser.newPage());
  await phone.goto(`http://127.0.0.1:${sim.controlPort}/`);
  await popup.page.bringToFront();
  console.log(
    [
      '',
      'Chromium is open with two tabs:',
      `  1. the popup:      ${ext.baseUrl}src/popup/index.html (also under the toolbar's puzzle icon)`,
      `  2. the phone:      http://127.0.0.1:${sim.controlPort}/`,
      'In the phone tab press Scan (the popup shows your avatar), then Confirm (the dashboard).',
      'Expire / Ban / Kick / Article / Send message try the other paths.',
      'Press Ctrl-C here (or close the browser) to stop.',
    ].join('\n'),
  );
  const closed = new Promise<string>((resolve) =>
    ext.browser.once('disconnected', () => resolve('browser closed')),
  );
  console.log(`\nStopping (${await Promise.race([stop, closed])}) …`);
}

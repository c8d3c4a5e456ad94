import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import { signIn } from '../../test/e2e/harness/flow';
import { PopupPage } from '../../test/e2e/harness/popup-page';
import { launchWithRealHolds } from './idle-cost';
import { epochNow } from './probe';

/** The chat figures, each a list of samples in ms. */
export interface ChatResult {
  /** sim.phone.message() (Node clock) → the message painted in the open chat view. */
  readonly arrive: readonly number[];
  /** Click on a chat row holding `stored` messages → all of them painted. */
  readonly open: readonly number[];
  /** Enter pressed → "sent" painted. */
  readonly sent: readonly number[];
  readonly stored: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * In the popup: resolves with the epoch ms of the first animation frame after `test()` holds
 * (a MutationObserver checks on every change). A string: tsx helpers must not leak in.
 */
const paintedWhen = (test: string) => `new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
  const ok = () => { try { return (${test}); } catch { return false; } };
  if (ok()) return done();
  const observer = new MutationObserver(() => { if (ok()) { observer.disconnect(); done(); } });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})`;

async function arrive(sim: Simulator, page: Page, i: number): Promise<number> {
  const text = `bench arrival ${i}`;
  const painted = page.evaluate(
    paintedWhen(
      `[...document.querySelectorAll('.msg-text')].some((el) => el.textContent === ${JSON.stringify(text)})`,
    ),
  ) as Promise<number>;
  await sleep(50);
  const t0 = epochNow();
  sim.phone.message(text);
  return (await painted) - t0;
}

async function openChat(page: Page, chat: string, stored: number): Promise<number> {
  await page.click('.chat-back');
  await page.waitForSelector(`.contact-open[data-chat="${chat}"]`);
  return (await page.evaluate(`(async () => {
    const painted = ${paintedWhen(`document.querySelectorAll('.msg').length >= ${stored}`)};
    const t0 = performance.timeOrigin + performance.now();
    document.querySelector('.contact-open[data-chat="${chat}"]').click();
    return (await painted) - t0;
  })()`)) as number;
}

async function sendOne(page: Page, i: number): Promise<number> {
  await page.type('.composer-input', `bench reply ${i}`);
  const before = (await page.$$('.msg[data-state="sent"]')).length;
  return (await page.evaluate(`(async () => {
    const painted = ${paintedWhen(`document.querySelectorAll('.msg[data-state="sent"]').length > ${before}`)};
    const t0 = performance.timeOrigin + performance.now();
    document.querySelector('.composer-input').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    return (await painted) - t0;
  })()`)) as number;
}

/**
 * Signs in (real 25 s holds), opens the friend's chat, then: `runs` messages pushed while it is
 * open; the chat filled to `stored` messages and opened `runs` times; `runs` replies sent
 * (within the local limit of 10 a minute).
 */
export async function chatRun(
  sim: Simulator,
  latencyMs: number,
  runs: number,
  stored = 200,
): Promise<ChatResult> {
  const ext = await launchWithRealHolds(sim, latencyMs);
  try {
    const popup = await PopupPage.open(ext);
    await signIn(sim, popup);
    const page = popup.page;
    sim.phone.message('bench start');
    await page.waitForSelector('.contact .unread', { timeout: 30_000 });
    const chat = await page.$eval('.contact:has(.unread) .contact-open', (el) =>
      el.getAttribute('data-chat'),
    );
    await page.click(`.contact-open[data-chat="${chat}"]`);
    await page.waitForSelector('.chat .msg');
    const arrivals: number[] = [];
    for (let i = 1; i <= runs; i++) {
      await sleep(1_000);
      arrivals.push(await arrive(sim, page, i));
    }
    for (let i = (await page.$$('.msg')).length; i < stored; i++) sim.phone.message(`filler ${i}`);
    await page.waitForFunction(`document.querySelectorAll('.msg').length >= ${stored}`, {
      timeout: 60_000,
    });
    const opens: number[] = [];
    for (let i = 0; i < runs; i++) opens.push(await openChat(page, chat ?? '', stored));
    const sends: number[] = [];
    for (let i = 1; i <= runs; i++) sends.push(await sendOne(page, i));
    return { arrive: arrivals, open: opens, sent: sends, stored };
  } finally {
    await ext.close();
  }
}

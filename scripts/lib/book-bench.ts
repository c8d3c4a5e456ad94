import type { Page } from 'puppeteer-core';
import type { Simulator } from '../../test/wxsim/index';
import { launchChromium } from '../../test/e2e/harness/browsers';
import { POPUP_PATH } from '../../test/e2e/harness/popup-page';

/**
 * The address book against the simulator's large account (5,000 contacts, 300 groups, 50
 * official accounts): the full fetch after sign-in, then in the popup, measured in the page:
 * opening the Contacts tab with the book stored, typing one key at a time, the rows drawn, and
 * the JS heap after scrolling the whole list.
 */
export interface BookResult {
  /** First webwxgetcontact arriving → the background says the book is ready (Node clock). */
  readonly fetchMs: number;
  readonly getcontactPages: number;
  readonly batchCalls: number;
  /** Click on the Contacts tab → first frame with rows (in-page clock), one per popup opening. */
  readonly openSamples: readonly number[];
  /** Per keystroke: input event → rows updated in the DOM (performance.measure 'book-search'). */
  readonly keySamples: readonly number[];
  /** Rows in the DOM after opening, and the most seen while scrolling to the end. */
  readonly rowsOpen: number;
  readonly rowsMax: number;
  /** JS heap used after scrolling the whole list, after a garbage collection (bytes). */
  readonly heapBytes: number;
}

const OPENINGS = 7;
const QUERIES = ['zhangsan', 'wangwei1', 'liufang2', 'chenjing'];
const READY_BOUND_MS = 60_000;

interface LoggedRequest {
  endpoint: string;
  at: number;
}
const requests = (sim: Simulator) => (sim.state().lastRequests ?? []) as LoggedRequest[];

async function bookState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: object): Promise<{ response?: { state?: string } }> } };
    };
    const reply = await g.chrome.runtime.sendMessage({ name: 'getContactBook', request: {} });
    return reply.response?.state ?? 'none';
  });
}

// In-page code is passed as text: tsx names inner functions with a helper the page lacks.
const OPEN_CONTACTS = `new Promise((resolve) => {
  const tab = document.querySelector('.tab[data-tab="contacts"]');
  const t0 = performance.now();
  tab.click();
  const look = () => {
    if (document.querySelector('[data-panel="contacts"]:not([hidden]) .book-item')) {
      requestAnimationFrame(() => resolve(performance.now() - t0));
    } else requestAnimationFrame(look);
  };
  look();
})`;

const SCROLL_ALL = `new Promise((resolve) => {
  const box = document.querySelector('.book-scroll');
  let most = 0;
  const step = () => {
    if (!box) return resolve(-1);
    most = Math.max(most, document.querySelectorAll('.book-item').length);
    if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve(most);
    box.scrollTop += box.clientHeight;
    requestAnimationFrame(() => requestAnimationFrame(step));
  };
  step();
})`;

const openContacts = (page: Page) => page.evaluate(OPEN_CONTACTS) as Promise<number>;

export async function bookRun(sim: Simulator, latencyMs: number): Promise<BookResult> {
  sim.reset();
  sim.configure({ account: 'large', latencyMs, loginHoldMs: 20_000, syncHoldMs: 20_000 });
  const ext = await launchChromium(sim);
  try {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 360, height: 600 });
    await page.goto(ext.baseUrl + POPUP_PATH);
    await page.waitForSelector('.popup[data-state="qr"]', { timeout: 15_000 });
    sim.phone.scan();
    await page.waitForSelector('.popup[data-state="scanned"]', { timeout: 15_000 });
    sim.phone.confirm();
    await page.waitForSelector('.popup[data-state="signedIn"]', { timeout: 15_000 });
    const deadline = Date.now() + READY_BOUND_MS;
    while ((await bookState(page)) !== 'ready') {
      if (Date.now() > deadline) throw new Error('the book was not ready in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyAt = Date.now();
    const log = requests(sim);
    const firstPage = log.find((r) => r.endpoint === 'webwxgetcontact')?.at ?? NaN;
    const counts = sim.state().counts as Record<string, number>;

    const openSamples: number[] = [];
    for (let i = 0; i < OPENINGS; i++) {
      await page.reload();
      await page.waitForSelector('.popup[data-state="signedIn"]', { timeout: 15_000 });
      openSamples.push(await openContacts(page));
    }
    const rowsOpen = (await page.$$('.book-item')).length;

    const keySamples: number[] = [];
    for (const query of QUERIES) {
      await page.$eval('#book-search', (el) => {
        const input = el as HTMLInputElement;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.evaluate(() => performance.clearMeasures('book-search'));
      await page.focus('#book-search');
      for (const key of query) {
        await page.keyboard.type(key);
        await new Promise((r) => setTimeout(r, 60));
      }
      const measured = await page.evaluate(() =>
        performance.getEntriesByName('book-search', 'measure').map((m) => m.duration),
      );
      keySamples.push(...measured);
    }
    await page.$eval('#book-search', (el) => {
      const input = el as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('.book-item').length > 1);

    const rowsMax = (await page.evaluate(SCROLL_ALL)) as number;
    await new Promise((r) => setTimeout(r, 500));
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await page.metrics();
    return {
      fetchMs: readyAt - firstPage,
      getcontactPages: counts['webwxgetcontact'] ?? 0,
      batchCalls: counts['webwxbatchgetcontact'] ?? 0,
      openSamples,
      keySamples,
      rowsOpen,
      rowsMax,
      heapBytes: metrics.JSHeapUsedSize ?? NaN,
    };
  } finally {
    await ext.close();
  }
}

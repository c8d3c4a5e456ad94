import {
  accountItem,
  loginItem,
  sessionItem,
  settingsItem,
  shownItem,
  syncItem,
} from '../shared/storage';
import { watchItems, type StorageChangeEvents } from '../shared/storage-item';
import type { ViewState } from '../shared/view';
import type { Store } from './store';
import { sameData } from '../shared/same-data';

/** After a worker starts, the kept view is first rewritten this much later. */
const START_DELAY_MS = 1_000;

/**
 * The chats whose avatars the kept view carries: a little more than the popup's height of
 * rows. The rest arrive with the background's answer a moment later, below the fold. Every
 * avatar (up to MAX_AVATARS in avatars.ts, some 6 KB each as data: URLs) would make the first
 * paint wait on reading megabytes: 300 took 20–25 ms to read back in Chromium, 10 under 1 ms.
 */
export const FIRST_SCREEN_CHATS = 12;

/** The view as the popup's first paint needs it: a dashboard keeps its first screen's avatars. */
function firstScreen(view: ViewState): ViewState {
  if (view.type !== 'signedIn') return view;
  const { dashboard } = view;
  const seen = [
    dashboard.profile.userName,
    ...dashboard.contacts.slice(0, FIRST_SCREEN_CHATS).map((c) => c.userName),
  ];
  const avatars = Object.fromEntries(
    seen.flatMap((userName) => {
      const avatar = dashboard.avatars[userName];
      return avatar === undefined ? [] : [[userName, avatar] as const];
    }),
  );
  return { ...view, dashboard: { ...dashboard, avatars } };
}

/**
 * Keeps `shownItem` equal to the view the background would answer, so the popup paints it
 * before its first message is answered (a reopened popup shows its dashboard or its QR at
 * once; docs/architecture.md "State and commands"). It is derived: rewritten whenever what it
 * is derived from changes, and never read back here. Returns a function that rewrites it now.
 */
export function keepShownView(deps: {
  store: Store;
  events: StorageChangeEvents;
  /** The view as stored (driver.peek). */
  view: () => Promise<ViewState>;
}): () => Promise<void> {
  const { store } = deps;
  let written: unknown = null;
  let dirty = false;
  let running: Promise<void> | null = null;

  async function writeOnce(): Promise<void> {
    const [whole, login] = await Promise.all([deps.view(), store.get(loginItem)]);
    const view = firstScreen(whole);
    const qrIssuedAt = view.type === 'qr' && login.type === 'waitingForScan' ? login.issuedAt : 0;
    const next = [view, qrIssuedAt];
    if (sameData(next, written)) return;
    written = next;
    await store.set(shownItem, { view, qrIssuedAt });
  }

  function refresh(): Promise<void> {
    dirty = true;
    running ??= (async () => {
      while (dirty) {
        dirty = false;
        await writeOnce();
      }
    })()
      .catch(async (error: unknown) => {
        // A snapshot that could not be rewritten must not be painted later (a dashboard after
        // "Clear session"): none is better than a stale one.
        console.warn('[shown] could not keep the popup’s first view:', error);
        written = null;
        await store.remove(shownItem).catch(() => undefined);
      })
      .finally(() => {
        running = null;
        if (dirty) void refresh();
      });
    return running;
  }

  watchItems(deps.events, [loginItem, sessionItem, accountItem, syncItem, settingsItem], () => {
    void refresh();
  });
  // Once per worker start, in case storage.session lost it (a browser restart) while the
  // session stayed: after a moment, off the path of whatever woke the worker.
  setTimeout(() => void refresh(), START_DELAY_MS);
  return refresh;
}

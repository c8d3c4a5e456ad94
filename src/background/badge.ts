import browser from 'webextension-polyfill';
import { sessionItem } from '../shared/storage';
import { watchItem } from '../shared/storage-item';
import type { Dashboard } from '../shared/view';

/** Messages waiting in all chats. */
export function unreadTotal(dashboard: Dashboard | null | undefined): number {
  if (!dashboard) return 0;
  return Object.values(dashboard.unread).reduce((sum, n) => sum + n, 0);
}

/** The toolbar badge shows the unread count (sync-apply.ts counts it); nothing when there is none. */
export async function showUnread(count: number): Promise<void> {
  const text = count === 0 ? '' : count > 99 ? '99+' : String(count);
  await browser.action.setBadgeBackgroundColor({ color: '#07c160' });
  await browser.action.setBadgeText({ text });
}

/** The badge follows the stored unread counts, whoever changed them. */
export function installBadge(): void {
  watchItem(browser.storage.onChanged, sessionItem, (session) => {
    showUnread(unreadTotal(session?.dashboard)).catch((error: unknown) =>
      console.warn('[badge]', error),
    );
  });
}

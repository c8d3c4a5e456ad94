import { sessionItem, settingsItem } from '../../shared/storage';
import type { ChatClient } from '../ports';
import type { Store } from '../store';
import { createChats, type Chats } from './chats';
import { openMessageDb } from './db';
import { createSenderNames } from './names';

/**
 * The kept chats, wired for main.ts. "Forget on close" keeps the session in storage.session,
 * which the browser empties when it closes: if that session is gone at start-up, so are the
 * messages it received (IndexedDB itself outlives the browser).
 */
export function installChats(deps: { client: ChatClient; store: Store; now: () => number }): Chats {
  const chats = createChats({
    ...deps,
    db: openMessageDb(),
    names: createSenderNames(deps),
  });
  void forgetWithSession(deps.store, chats).catch((error: unknown) =>
    console.warn('[chat] forgetting a closed session’s messages:', error),
  );
  return chats;
}

/** Exported for its test. */
export async function forgetWithSession(store: Store, chats: Chats): Promise<void> {
  const [settings, session] = await Promise.all([store.get(settingsItem), store.get(sessionItem)]);
  if (settings.forgetOnClose && !session) await chats.clear();
}

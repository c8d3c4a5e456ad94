import { useEffect, useState } from 'preact/hooks';
import { browser } from '../ui/ext';
import type { ChatEntry } from '../shared/chat';
import { chatsChangedItem } from '../shared/storage';
import { watchItem } from '../shared/storage-item';
import { send } from '../ui/messaging';

/**
 * A chat's kept messages, live: opening marks it read (the background tells the phone, §9
 * Code 1), and whenever the background says this chat changed, it is read again.
 */
export function useChat(chat: string): {
  entries: readonly ChatEntry[] | null;
  failed: boolean;
  reload: () => void;
} {
  const [entries, setEntries] = useState<readonly ChatEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = () => {
    send('getChat', { chat }).then(setEntries, () => setFailed(true));
  };
  useEffect(() => {
    let live = true;
    send('openChat', { chat }).then(
      (list) => live && setEntries(list),
      () => live && setFailed(true),
    );
    const stop = watchItem(browser.storage.onChanged, chatsChangedItem, (changed) => {
      if (live && changed.chats.includes(chat)) reload();
    });
    return () => {
      live = false;
      stop();
    };
  }, [chat]);
  return { entries, failed, reload };
}

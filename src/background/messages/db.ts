import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChatEntry } from '../../shared/chat';

/**
 * Messages kept per chat, in IndexedDB (it survives worker stops and browser restarts, and holds
 * far more than storage.local should). The web protocol has no history (docs/protocol.md §14):
 * this is only what arrived while signed in. Bounded: the oldest go first.
 */
export const PER_CHAT_LIMIT = 200;
export const TOTAL_LIMIT = 5000;
export const DB_NAME = 'wechat-messages';

type Row = ChatEntry & { seq?: number };

interface Schema extends DBSchema {
  messages: {
    /** Insertion order: a chat's messages are read back in the order they arrived. */
    key: number;
    value: Row;
    indexes: { byChat: [string, number]; byMsgId: string };
  };
}

export interface MessageDb {
  /** Adds what is new (a MsgId already kept is skipped); returns the chats that changed. */
  add(entries: readonly ChatEntry[]): Promise<string[]>;
  /** A chat's messages, oldest first. */
  list(chat: string): Promise<ChatEntry[]>;
  /** Changes the message with this MsgId; returns its chat, or null when it is not kept. */
  change(msgId: string, edit: (entry: ChatEntry) => ChatEntry): Promise<string | null>;
  /** Everything gone ("Clear session", a forgotten browser session). */
  clear(): Promise<void>;
  close(): void;
}

export function openMessageDb(
  name = DB_NAME,
  limits = { perChat: PER_CHAT_LIMIT, total: TOTAL_LIMIT },
): MessageDb {
  let opened: Promise<IDBPDatabase<Schema>> | null = null;
  const db = () =>
    (opened ??= openDB<Schema>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore('messages', {
          keyPath: 'seq',
          autoIncrement: true,
        });
        store.createIndex('byChat', ['chat', 'seq']);
        store.createIndex('byMsgId', 'msgId', { unique: true });
      },
    }));
  const chatRange = (chat: string) => IDBKeyRange.bound([chat, -Infinity], [chat, Infinity]);

  return {
    async add(entries) {
      const tx = (await db()).transaction('messages', 'readwrite');
      const changed = new Set<string>();
      for (const entry of entries) {
        if ((await tx.store.index('byMsgId').getKey(entry.msgId)) !== undefined) continue;
        await tx.store.add(entry);
        changed.add(entry.chat);
      }
      for (const chat of changed) {
        let extra = (await tx.store.index('byChat').count(chatRange(chat))) - limits.perChat;
        let cursor = extra > 0 ? await tx.store.index('byChat').openCursor(chatRange(chat)) : null;
        while (cursor && extra-- > 0) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      let extra = (await tx.store.count()) - limits.total;
      let cursor = extra > 0 ? await tx.store.openCursor() : null;
      while (cursor && extra-- > 0) {
        changed.add(cursor.value.chat);
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
      return [...changed];
    },
    async list(chat) {
      const rows = await (await db()).getAllFromIndex('messages', 'byChat', chatRange(chat));
      return rows.map(withoutSeq);
    },
    async change(msgId, edit) {
      const tx = (await db()).transaction('messages', 'readwrite');
      const row = await tx.store.index('byMsgId').get(msgId);
      if (!row) {
        await tx.done;
        return null;
      }
      const next = edit(withoutSeq(row));
      // The server's echo of a sent message may have arrived first (§15): one copy is kept.
      if (next.msgId !== msgId) {
        const echo = await tx.store.index('byMsgId').getKey(next.msgId);
        if (echo !== undefined) await tx.store.delete(echo);
      }
      await tx.store.put({ ...next, seq: row.seq });
      await tx.done;
      return row.chat;
    },
    async clear() {
      await (await db()).clear('messages');
    },
    close() {
      void opened?.then((database) => database.close());
      opened = null;
    },
  };
}

function withoutSeq(row: Row): ChatEntry {
  const { seq: _seq, ...entry } = row;
  return entry;
}

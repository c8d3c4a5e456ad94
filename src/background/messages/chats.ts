import { toPlainError, type Message, type PlainError } from '../../wechat';
import type { ChatEntry, SendOutcome } from '../../shared/chat';
import { chatsChangedItem, sessionItem, type StoredSession } from '../../shared/storage';
import { isFeedSender } from '../feed-sender';
import type { ChatClient } from '../ports';
import type { Store } from '../store';
import type { MessageDb } from './db';
import type { SenderNames } from './names';
import { createRateLimit } from './rate-limit';
import { chatChange } from './record';

export interface ChatsDeps {
  readonly client: ChatClient;
  readonly store: Store;
  readonly db: MessageDb;
  readonly names: SenderNames;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** A message still "sending" that nobody here is sending (the worker stopped meanwhile). */
const INTERRUPTED: PlainError = {
  name: 'Network',
  message: 'the extension stopped while sending',
  operation: 'webwxsendmsg',
};

/**
 * The chats: messages kept as they arrive (IndexedDB, db.ts), read, and replies sent by the
 * user. Sending happens only from `send` and `retry`, each a click or a key press in the popup.
 */
export function createChats(deps: ChatsDeps) {
  const { client, store, db, names, now } = deps;
  const limit = createRateLimit(now);
  /** LocalIDs whose webwxsendmsg is in flight: a retry of one of them sends nothing. */
  const sending = new Set<string>();
  const work = new Set<Promise<void>>();

  let revision = 0;
  /**
   * Tells open chat views which chats to read again. One write, no read first (a send waits
   * on it): the revision is the clock, made to grow even within one millisecond.
   */
  async function changed(chats: readonly string[]): Promise<void> {
    if (chats.length === 0) return;
    revision = Math.max(now(), revision + 1);
    await store.set(chatsChangedItem, { chats, revision });
  }

  function detach(label: string, promise: Promise<void>): void {
    const done = promise.catch((error: unknown) => console.warn(`[chat] ${label}:`, error));
    work.add(done);
    void done.finally(() => work.delete(done));
  }

  async function signedIn(): Promise<
    StoredSession & { dashboard: NonNullable<StoredSession['dashboard']> }
  > {
    const session = await store.get(sessionItem);
    if (!session?.dashboard) throw new Error('not signed in');
    return { ...session, dashboard: session.dashboard };
  }

  /** A chat's messages, oldest first; a send the worker lost on the way shows as failed. */
  async function list(chat: string): Promise<ChatEntry[]> {
    const entries = await db.list(chat);
    return entries.map((e) =>
      e.send?.state === 'sending' && !sending.has(e.send.localId)
        ? { ...e, send: { state: 'failed', error: INTERRUPTED, localId: e.send.localId } }
        : e,
    );
  }

  async function deliver(session: StoredSession, entry: ChatEntry, localId: string): Promise<void> {
    if (sending.has(localId)) return;
    sending.add(localId);
    const self = session.dashboard?.profile.userName ?? '';
    const text = entry.body.type === 'text' ? entry.body.text : '';
    try {
      const reply = await client.sendText(session.tokens, {
        from: self,
        to: entry.chat,
        text,
        localId,
      });
      await db.change(entry.msgId, (e) => ({
        ...e,
        msgId: reply.msgId || e.msgId,
        send: { state: 'sent', localId },
      }));
    } catch (error) {
      await db.change(entry.msgId, (e) => ({
        ...e,
        send: { state: 'failed', error: toPlainError(error), localId },
      }));
    } finally {
      sending.delete(localId);
      await changed([entry.chat]);
    }
  }

  return {
    /** Keeps what one webwxsync brought (the loop calls this after folding the dashboard). */
    async onSync(messages: readonly Message[], session: StoredSession): Promise<void> {
      const dashboard = session.dashboard;
      if (!dashboard) return;
      const self = dashboard.profile.userName;
      const keep: ChatEntry[] = [];
      const touched: string[] = [];
      for (const message of messages) {
        const change = chatChange(message, self, (user) => isFeedSender(dashboard, user));
        if (change.type === 'keep') {
          const senderName = change.sender
            ? await names.displayNameOf(session.tokens, change.entry.chat, change.sender)
            : '';
          keep.push({ ...change.entry, senderName });
        } else if (change.type === 'recall') {
          // Flushed first, so a message and its recall in the same sync both land.
          touched.push(...(await db.add(keep.splice(0))));
          const chat = await db.change(change.msgId, (e) => ({ ...e, recalled: true }));
          if (chat) touched.push(chat);
        }
      }
      touched.push(...(await db.add(keep)));
      await changed([...new Set(touched)]);
    },

    list,

    /**
     * The chat was opened: its unread count goes (and the badge with it), and the phone hears
     * it was read (docs/protocol.md §9, Code 1), without holding up the messages.
     */
    async open(chat: string): Promise<ChatEntry[]> {
      const session = await signedIn();
      await store.update(sessionItem, (current) => {
        if (!current?.dashboard || current.dashboard.unread[chat] === undefined) return current;
        const { [chat]: _read, ...unread } = current.dashboard.unread;
        return { ...current, dashboard: { ...current.dashboard, unread } };
      });
      detach(
        'webwxstatusnotify Code 1',
        client.markRead(session.tokens, session.dashboard.profile.userName, chat),
      );
      return list(chat);
    },

    /** The user pressed send: shown as "sending" at once, then "sent" or "failed". */
    async send(chat: string, text: string): Promise<SendOutcome> {
      if (text.trim() === '') throw new Error('nothing to send');
      const session = await signedIn();
      const gate = limit.take();
      if (!gate.ok) return { type: 'limited', retryAt: gate.retryAt };
      const localId = client.newLocalId();
      const entry: ChatEntry = {
        msgId: `local:${localId}`,
        chat,
        time: Math.floor(now() / 1000),
        outgoing: true,
        senderName: '',
        body: { type: 'text', text },
        recalled: false,
        send: { state: 'sending', localId },
      };
      await db.add([entry]);
      await changed([chat]);
      detach('webwxsendmsg', deliver(session, entry, localId));
      return { type: 'queued', localId };
    },

    /** "Retry" on a failed message: the same LocalID/ClientMsgId goes again (§15). */
    async retry(chat: string, localId: string): Promise<SendOutcome> {
      const session = await signedIn();
      const entry = (await db.list(chat)).find((e) => e.send?.localId === localId);
      if (!entry || sending.has(localId) || entry.send?.state === 'sent') {
        return { type: 'queued', localId };
      }
      const gate = limit.take();
      if (!gate.ok) return { type: 'limited', retryAt: gate.retryAt };
      await db.change(entry.msgId, (e) => ({ ...e, send: { state: 'sending', localId } }));
      await changed([chat]);
      detach('webwxsendmsg retry', deliver(session, entry, localId));
      return { type: 'queued', localId };
    },

    /** "Clear session" or a forgotten browser session: every kept message goes. */
    async clear(): Promise<void> {
      names.forget();
      await db.clear();
      await store.remove(chatsChangedItem);
    },

    /** For tests: resolves when sends and notifications started here have settled. */
    async idle(): Promise<void> {
      await Promise.all([...work]);
    },
  };
}

export type Chats = ReturnType<typeof createChats>;

import { decodeEnvelope, type MessageMap, type MessageName, type Reply } from '../shared/messages';
import { accountItem, sessionItem, settingsItem } from '../shared/storage';
import { THEMES, type Settings } from '../shared/view';
import { EMPTY_BOOK, type BookView } from '../shared/contact-book';
import type { SessionDriver } from './login/driver';
import type { Chats } from './messages/chats';
import type { Store } from './store';

/** Who sent a runtime message, as the browser reports it. */
export interface Sender {
  readonly id?: string;
  readonly url?: string;
}

/** What the address book answers (contact-book/handlers.ts). */
export interface BookHandlers {
  view(): Promise<BookView>;
  refresh(): Promise<BookView>;
  avatars(userNames: readonly string[]): Promise<Record<string, string | null>>;
}

type Handlers = {
  [N in MessageName]: (request: MessageMap[N]['request']) => Promise<MessageMap[N]['response']>;
};

/**
 * Implements shared/messages.ts. Only the extension's own pages may talk to the background:
 * a message from a content script, another extension or a web page is refused (the session
 * tokens never leave the background).
 */
export function createMessageHandler(deps: {
  driver: SessionDriver;
  store: Store;
  extensionId: string;
  /** The extension's base URL, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** The pages' language for WeChat, with every message (a worker may not share it). */
  onLocale?: (locale: string) => void;
  /** The popup opened (its first question): a moment to fetch avatars still missing. */
  onOpen?: () => Promise<void>;
  /** The kept chats and replies (messages/chats.ts). */
  chats: Pick<Chats, 'open' | 'list' | 'send' | 'retry'>;
  /** The address book (contact-book/); without it the book is empty. */
  book?: BookHandlers;
}) {
  const { driver, store, chats } = deps;
  const handlers: Handlers = {
    getState: async () => {
      const view = await driver.current();
      // After the answer is ready: the popup's first paint does not wait for it.
      deps.onOpen?.().catch((error: unknown) => console.warn('[handlers] on open:', error));
      return view;
    },
    peekState: () => driver.peek(),
    pollLogin: () => driver.step(),
    newQr: () => driver.newQr(),
    pushLogin: () => driver.pushLogin(),
    markSeen: () => markSeen(store).then(() => driver.peek()),
    retry: () => driver.retry(),
    clearSession: () => driver.clear(),
    getSettings: () => store.get(settingsItem),
    setSettings: (settings) => changeSettings(store, settings),
    openChat: (request) => chats.open(field(request, 'chat')),
    getChat: (request) => chats.list(field(request, 'chat')),
    sendText: (request) => chats.send(field(request, 'chat'), field(request, 'text')),
    retrySend: (request) => chats.retry(field(request, 'chat'), field(request, 'localId')),
    getContactBook: async () => (deps.book ? deps.book.view() : EMPTY_BOOK),
    refreshContactBook: async () => (deps.book ? deps.book.refresh() : EMPTY_BOOK),
    getContactAvatars: async ({ userNames }) => {
      if (!Array.isArray(userNames) || !userNames.every((n) => typeof n === 'string')) {
        throw new Error('userNames must be strings');
      }
      return deps.book ? deps.book.avatars(userNames) : {};
    },
  };

  return async function handle(message: unknown, sender: Sender): Promise<Reply<MessageName>> {
    if (sender.id !== deps.extensionId || !sender.url?.startsWith(deps.extensionOrigin)) {
      return { ok: false, error: 'refused: not one of this extension’s pages' };
    }
    const envelope = decodeEnvelope(message);
    if (!envelope) return { ok: false, error: 'refused: unknown message' };
    if (envelope.locale) deps.onLocale?.(envelope.locale);
    const handler = handlers[envelope.name] as (request: unknown) => Promise<unknown>;
    try {
      return { ok: true, response: (await handler(envelope.request)) as never };
    } catch (error) {
      console.error(`[handlers] ${envelope.name} failed:`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** A string field of a request; a page's message is checked like anything that crosses over. */
function field<R extends object>(request: R, key: keyof R & string): string {
  const value: unknown = request[key];
  if (typeof value !== 'string' || value === '' || value.length > 10_000) {
    throw new Error(`${key} must be a non-empty string`);
  }
  return value;
}

/** The chats were shown: every unread count goes back to zero (the badge follows). */
async function markSeen(store: Store): Promise<void> {
  await store.update(sessionItem, (session) =>
    session?.dashboard && Object.keys(session.dashboard.unread).length > 0
      ? { ...session, dashboard: { ...session.dashboard, unread: {} } }
      : session,
  );
}

/** Moving the session between storage.local and storage.session follows the preference. */
async function changeSettings(store: Store, request: Settings): Promise<Settings> {
  const { forgetOnClose, notify, notifyText, theme } = request;
  if ([forgetOnClose, notify, notifyText].some((v) => typeof v !== 'boolean')) {
    throw new Error('settings must be booleans');
  }
  if (!THEMES.includes(theme)) throw new Error('unknown theme');
  const next: Settings = { forgetOnClose, notify, notifyText, theme };
  // Only "forget on close" moves the session; any other change (the theme from the options
  // page while the popup is open) must not make the session look gone for a moment.
  if ((await store.get(settingsItem)).forgetOnClose === forgetOnClose) {
    await store.set(settingsItem, next);
    return next;
  }
  const [session, account] = await Promise.all([store.get(sessionItem), store.get(accountItem)]);
  await Promise.all([store.remove(sessionItem), store.remove(accountItem)]);
  await store.set(settingsItem, next);
  if (session) await store.set(sessionItem, session);
  if (account) await store.set(accountItem, account);
  return next;
}

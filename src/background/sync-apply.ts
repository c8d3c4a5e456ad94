import type {
  ArticlePush,
  Attachment,
  Contact,
  Message,
  MessageKind,
  OfficialAccountFeed,
  SyncResult,
} from '../wechat';
import type { Dashboard } from '../shared/view';
import { isFeedSender } from './feed-sender';

/** A message worth telling the user about (badge, notification). */
export interface IncomingMessage {
  /** The chat it belongs to: the person, or the group (`@@…`). */
  readonly chat: string;
  /** A text message's words, decoded by the library; else ''. */
  readonly text: string;
  /** What a message that is not text carries, for the notifier to name; null for text. */
  readonly carries: Attachment | null;
}

export interface AppliedSync {
  readonly dashboard: Dashboard;
  readonly incoming: readonly IncomingMessage[];
  /** Chats with a message but no contact entry yet: webwxbatchgetcontact names them. */
  readonly unknownChats: readonly string[];
}

/** What each kind of message does to a chat: moves it up, and whether it counts as unread. */
type ChatKind = Exclude<MessageKind, 'chatOrder' | 'phoneStatus'>;
const COUNTED: { readonly [K in ChatKind]: boolean } = {
  text: true,
  other: true,
  // A link a person shared (an article push from anyone but an official account).
  articlePush: true,
  // WeChat's own notices and recalls move the chat up but are nobody's message to read.
  system: false,
  recall: false,
};

/**
 * Folds one decoded webwxsync reply into the dashboard (docs/protocol.md §14): contact changes,
 * the chat order, unread counts, and official-account article pushes into the reading list.
 * Pure; what each message means was decided by the library (src/wechat/message.ts).
 */
export function applySync(dashboard: Dashboard, result: SyncResult): AppliedSync {
  const self = dashboard.profile.userName;
  let contacts = applyContactChanges(dashboard.contacts, result);
  let feeds = dashboard.feeds;
  const unread: Record<string, number> = { ...dashboard.unread };
  for (const gone of result.deletedContacts) delete unread[gone];
  const incoming: IncomingMessage[] = [];
  const unknown = new Set<string>();
  const known = () => new Set(contacts.map((c) => c.userName));

  for (const message of result.messages) {
    if (message.kind === 'chatOrder') {
      contacts = orderBy(contacts, message.chats);
      continue;
    }
    if (message.kind === 'phoneStatus') continue;
    // Only official accounts feed the reading list; a link from a person is a chat message.
    if (
      message.kind === 'articlePush' &&
      isFeedSender({ ...dashboard, contacts, feeds }, message.fromUserName)
    ) {
      feeds = addArticles(feeds, message.push);
      continue;
    }
    const outgoing = message.fromUserName === self;
    const chat = outgoing ? message.toUserName : message.fromUserName;
    contacts = orderBy(contacts, [chat]);
    if (!known().has(chat)) unknown.add(chat);
    if (outgoing || !COUNTED[message.kind]) continue;
    const kind = contacts.find((c) => c.userName === chat)?.kind;
    if (kind === 'official' || kind === 'special') continue;
    unread[chat] = (unread[chat] ?? 0) + 1;
    incoming.push({ chat, text: messageText(message), carries: carried(message) });
  }
  return {
    dashboard: { ...dashboard, contacts, feeds, unread },
    incoming,
    unknownChats: [...unknown],
  };
}

function applyContactChanges(contacts: readonly Contact[], result: SyncResult): readonly Contact[] {
  const deleted = new Set(result.deletedContacts);
  const changed = new Map(result.modifiedContacts.map((c) => [c.userName, c]));
  const updated = contacts
    .filter((c) => !deleted.has(c.userName))
    .map((c) => changed.get(c.userName) ?? c);
  const present = new Set(updated.map((c) => c.userName));
  // A contact that is new here (a friend just added) is a recent chat: it goes first.
  const added = result.modifiedContacts.filter((c) => !present.has(c.userName));
  return [...added, ...updated];
}

/** Moves the named chats to the top, in the given order; names without a contact are skipped. */
function orderBy(contacts: readonly Contact[], names: readonly string[]): readonly Contact[] {
  const byName = new Map(contacts.map((c) => [c.userName, c]));
  const first = [...new Set(names)].flatMap((n) => byName.get(n) ?? []);
  const moved = new Set(first.map((c) => c.userName));
  return [...first, ...contacts.filter((c) => !moved.has(c.userName))];
}

function addArticles(
  feeds: readonly OfficialAccountFeed[],
  push: ArticlePush,
): readonly OfficialAccountFeed[] {
  const { accountUserName: userName, accountName: nickName, time, articles } = push;
  const existing = feeds.find((f) => f.userName === userName);
  const seen = new Set(articles.map((a) => a.url || a.title));
  const older = (existing?.articles ?? []).filter((a) => !seen.has(a.url || a.title));
  const feed: OfficialAccountFeed = {
    userName,
    nickName: nickName || existing?.nickName || '',
    time: Math.max(time, existing?.time ?? 0),
    articles: [...articles, ...older],
  };
  return [feed, ...feeds.filter((f) => f !== existing)];
}

/** Text messages only; other kinds are named by the notifier in the user's language. */
function messageText(message: Message): string {
  return message.kind === 'text' ? message.text : '';
}

function carried(message: Message): Attachment | null {
  if (message.kind === 'text') return null;
  if (message.kind === 'articlePush') return 'link';
  return message.kind === 'other' ? message.carries : 'unknown';
}

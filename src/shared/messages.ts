import type { ChatEntry, SendOutcome } from './chat';
import type { BookView } from './contact-book';
import type { Settings, ViewState } from './view';

/**
 * Every runtime message, once: name -> request and response. The popup and options pages
 * send these; only the background answers (docs/architecture.md "State and commands").
 */
export interface MessageMap {
  /** Current state; starts a login (fetches a QR) when nothing is in progress. */
  getState: { request: Record<string, never>; response: ViewState };
  /** Current state without starting anything (the options page only reads). */
  peekState: { request: Record<string, never>; response: ViewState };
  /** Advance the login by one long-poll step; concurrent calls join the step in flight. */
  pollLogin: { request: Record<string, never>; response: ViewState };
  /** Ask the known account's phone to confirm, without a QR (docs/protocol.md §17). */
  pushLogin: { request: Record<string, never>; response: ViewState };
  /** The chats were shown: clear the unread counts and the badge. */
  markSeen: { request: Record<string, never>; response: ViewState };
  /** Drop the current QR and fetch a fresh one. */
  newQr: { request: Record<string, never>; response: ViewState };
  /** Retry what failed: the webwxinit of a kept session, or a fresh login. */
  retry: { request: Record<string, never>; response: ViewState };
  /** Real logout: webwxlogout (best effort), then every token and snapshot removed. */
  clearSession: { request: Record<string, never>; response: ViewState };
  getSettings: { request: Record<string, never>; response: Settings };
  setSettings: { request: Settings; response: Settings };
  /** Open a chat: its kept messages; it is marked read here and on the phone (§9 Code 1). */
  openChat: { request: { chat: string }; response: ChatEntry[] };
  /** A chat's kept messages again (an open chat view, after `chatsChanged` named it). */
  getChat: { request: { chat: string }; response: ChatEntry[] };
  /** The user sent a text (§15); only ever a direct user action. */
  sendText: { request: { chat: string; text: string }; response: SendOutcome };
  /** The user asked to send a failed message again, with the same LocalID. */
  retrySend: { request: { chat: string; localId: string }; response: SendOutcome };
  /** The address book of the signed-in account; starts a fetch when none is stored. */
  getContactBook: { request: Record<string, never>; response: BookView };
  /** Fetch the whole address book again (the user asked). */
  refreshContactBook: { request: Record<string, never>; response: BookView };
  /** Avatars of the contacts on screen: userName -> data: URL, or null for a placeholder. */
  getContactAvatars: {
    request: { userNames: readonly string[] };
    response: Readonly<Record<string, string | null>>;
  };
}

export type MessageName = keyof MessageMap;
export type Request<N extends MessageName> = MessageMap[N]['request'];
export type Response<N extends MessageName> = MessageMap[N]['response'];

/** What crosses runtime.sendMessage. */
export interface Envelope<N extends MessageName = MessageName> {
  readonly name: N;
  readonly request: Request<N>;
  /** The sending page's language for WeChat (`wechatLang` of its translation). */
  readonly locale?: string;
}

/** A reply is either the response or a refusal the sender can show. */
export type Reply<N extends MessageName> =
  | { readonly ok: true; readonly response: Response<N> }
  | { readonly ok: false; readonly error: string };

/**
 * Every message name, as a set the compiler checks against MessageMap: a name missing here, or
 * one MessageMap does not have, fails the type-check.
 */
const NAMES = {
  getState: true,
  peekState: true,
  pollLogin: true,
  pushLogin: true,
  markSeen: true,
  newQr: true,
  retry: true,
  clearSession: true,
  getSettings: true,
  setSettings: true,
  openChat: true,
  getChat: true,
  sendText: true,
  retrySend: true,
  getContactBook: true,
  refreshContactBook: true,
  getContactAvatars: true,
} as const satisfies Record<MessageName, true>;

const isMessageName = (name: string): name is MessageName => Object.hasOwn(NAMES, name);

/** Decode an incoming message: anything not shaped like an Envelope is refused. */
export function decodeEnvelope(value: unknown): Envelope | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, request, locale } = value as {
    name?: unknown;
    request?: unknown;
    locale?: unknown;
  };
  if (typeof name !== 'string' || !isMessageName(name)) return null;
  if (typeof request !== 'object' || request === null) return null;
  return {
    name,
    request: request as Request<MessageName>,
    ...(typeof locale === 'string' && locale.length <= 20 ? { locale } : {}),
  };
}

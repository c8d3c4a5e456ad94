import type { Attachment, PlainError } from '../wechat';

/**
 * One message of a chat as the background keeps it (IndexedDB) and the chat view shows it.
 * Everything here was decoded by the library; the view renders it as text only.
 */
export type ChatBody =
  | { readonly type: 'text'; readonly text: string }
  /** A notice from WeChat itself ("X joined the group"). */
  | { readonly type: 'system'; readonly text: string }
  /** Not text: a label for what it carries and what is known of it. */
  | {
      readonly type: 'attachment';
      readonly carries: Attachment;
      readonly title: string;
      /** Only http(s). */
      readonly url: string;
      readonly size: number;
    };

/** A message the user sent from here: 'sending' until webwxsendmsg answers (§15). */
export type SendStatus =
  | { readonly state: 'sending' }
  | { readonly state: 'sent' }
  | { readonly state: 'failed'; readonly error: PlainError };

export interface ChatEntry {
  /** The server's MsgId, or `local:<LocalID>` until a message sent from here has one. */
  readonly msgId: string;
  /** The person or group (`@@…`) the message belongs to. */
  readonly chat: string;
  /** Unix seconds. */
  readonly time: number;
  /** Sent by the user (from here or from the phone). */
  readonly outgoing: boolean;
  /** In a group, the sender's name (or their user name when no name is known); else ''. */
  readonly senderName: string;
  readonly body: ChatBody;
  /** The sender took it back (MsgType 10002): shown as recalled, not deleted. */
  readonly recalled: boolean;
  /** Only for messages sent from here. */
  readonly send?: SendStatus & { readonly localId: string };
}

/** What the send button got back: the message was queued, or the local limit said no. */
export type SendOutcome =
  | { readonly type: 'queued'; readonly localId: string }
  /** Too many messages this minute; `retryAt` (ms) is when one more is allowed. */
  | { readonly type: 'limited'; readonly retryAt: number };

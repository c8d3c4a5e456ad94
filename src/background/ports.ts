import type { WeChatClient } from '../wechat';

/*
 * The protocol client as each part of the background sees it: one port per dependency, each a
 * slice of the library's WeChatClient (docs/architecture.md "Ports"). A test fakes only the
 * calls its module makes, and the compiler keeps each port in step with the library.
 */

/** Avatars need the WeChat cookies, so they come through the client (avatars.ts). */
export type AvatarClient = Pick<WeChatClient, 'fetchImage'>;

/** The login driver and sign-in (login/driver.ts, login/sign-in.ts). */
export type LoginClient = Pick<
  WeChatClient,
  | 'jslogin'
  | 'qrText'
  | 'pollLogin'
  | 'pushLogin'
  | 'exchangeTicket'
  | 'init'
  | 'statusNotify'
  | 'logout'
  | 'fetchImage'
>;

/** The sync loop (sync-loop.ts): the long-poll, the sync, and naming new chats. */
export type SyncClient = Pick<
  WeChatClient,
  'syncCheck' | 'sync' | 'batchGetContacts' | 'fetchImage'
>;

/** The chats (messages/): sending, marking read, naming group senders. */
export type ChatClient = Pick<
  WeChatClient,
  'newLocalId' | 'sendText' | 'markRead' | 'groupMembers'
>;
/** The address book (contact-book/): paging, filling in groups, and avatars on demand. */
export type BookClient = Pick<WeChatClient, 'getContacts' | 'batchGetContacts' | 'fetchImage'>;

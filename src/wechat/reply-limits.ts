/**
 * The largest reply accepted from each endpoint, in bytes. Generous for a real account, so
 * only a broken or hostile server reaches them: a reply past its limit fails with TooLarge
 * instead of filling memory and storage (docs/protocol.md §8, §10, §11, §14 for the shapes).
 */
const KiB = 1024;
const MiB = 1024 * KiB;

/** The JavaScript-assignment and XML replies are a few hundred bytes (§2, §4, §5, §13, §17). */
export const SMALL_REPLY = 64 * KiB;

export const REPLY_LIMITS = {
  jslogin: SMALL_REPLY,
  login: SMALL_REPLY,
  webwxnewloginpage: SMALL_REPLY,
  webwxpushloginurl: SMALL_REPLY,
  synccheck: SMALL_REPLY,
  webwxstatusnotify: SMALL_REPLY,
  webwxlogout: SMALL_REPLY,
  webwxsendmsg: SMALL_REPLY,
  // §8: the user, the recent chats (groups with their member lists) and the subscriptions;
  // a large account's init is well under 1 MiB.
  webwxinit: 8 * MiB,
  // §14: a batch of messages and contact changes, groups with member lists.
  webwxsync: 8 * MiB,
  // §10: one page of the address book (several thousand contacts at under 1 KiB each).
  webwxgetcontact: 8 * MiB,
  // §11: up to 50 groups, each with up to 500 members at ~250 bytes each.
  webwxbatchgetcontact: 8 * MiB,
  // §12: an avatar is a small JPEG (a few KiB to ~100 KiB).
  fetchImage: 2 * MiB,
} as const;

export type LimitedOperation = keyof typeof REPLY_LIMITS;

import type { BookEntry, ContactListGap, PlainError } from '../wechat';

/**
 * The address book as the popup sees it (docs/protocol.md §10–§11). The background owns it
 * (background/contact-book/); the popup asks with `getContactBook`.
 *
 * - `none`: nothing stored yet and no fetch running.
 * - `fetching`: a full fetch is running; `entries` is the previous book, if any.
 * - `ready`: the whole book, read to Seq 0.
 * - `incomplete`: only part could be read (`gap` says why); `retryAt` > 0 when a retry is due.
 * - `failed`: the last refresh failed with `error`; `entries` is the book from before.
 */
export type BookState = 'none' | 'fetching' | 'ready' | 'incomplete' | 'failed';

export interface BookView {
  readonly state: BookState;
  /** Without avatar URLs ('' each): the popup asks for avatars by userName. */
  readonly entries: readonly BookEntry[];
  readonly gap: ContactListGap | null;
  readonly error: PlainError | null;
  /** Epoch ms of the stored book's fetch, 0 when none. */
  readonly fetchedAt: number;
  /** Epoch ms when the background tries again after a 1205, 0 when nothing is planned. */
  readonly retryAt: number;
}

export const EMPTY_BOOK: BookView = {
  state: 'none',
  entries: [],
  gap: null,
  error: null,
  fetchedAt: 0,
  retryAt: 0,
};

import {
  toPlainError,
  type BookEntry,
  type ContactList,
  type LoginTokens,
  type SyncResult,
} from '../../wechat';
import { EMPTY_BOOK, type BookView } from '../../shared/contact-book';
import { sessionItem } from '../../shared/storage';
import { endSession } from '../login/end';
import type { BookClient } from '../ports';
import type { Store } from '../store';
import { RATE_LIMITED_WAIT_MS } from '../sync-loop';
import type { BookDb } from './db';
import {
  decodeRefreshStatus,
  decodeStoredBook,
  mergeChanges,
  type RefreshStatus,
  type StoredBook,
} from './stored-book';

// docs/protocol.md §11: at most 50 names per webwxbatchgetcontact call; the calls are spaced
// so that filling in 300 groups is a trickle, not a burst that earns a 1205 (§20).
const BATCH = 50;
const BATCH_GAP_MS = 1_000;
/** A "fetching" status older than this was left by a stopped worker: a new fetch may start. */
const STUCK_FETCH_MS = 2 * 60_000;

export interface ContactBookDeps {
  readonly client: BookClient;
  readonly store: Store;
  readonly db: BookDb;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** The server ended the session while paging: storage already says so. */
  readonly onEnded?: () => void;
}

/**
 * The address book (docs/protocol.md §10–§14): a full fetch on sign-in, on the refresh of a
 * stale snapshot or when the user asks; ModContactList / DelContactList keep it current in
 * between. A refresh that ends short never replaces a complete book with a partial one.
 */
export function createContactBook(deps: ContactBookDeps) {
  const { client, store, db, now } = deps;
  let running: Promise<void> | null = null;
  // Bumped by "Clear session": a fetch that began before it writes nothing afterwards, and the
  // clear need not wait for it (a fetch can take seconds: pages, spaced batches, timeouts).
  let generation = 0;
  // Writes of the book record in order: a sync merge never lands between a fetch's read and write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  // The decoded book, kept while the worker lives: the popup's avatar requests and views read
  // it often, and this worker is the database's only writer.
  let cached: StoredBook | null | undefined;
  const readBook = async () => (cached ??= decodeStoredBook(await db.read('book')));
  const writeBook = async (book: StoredBook) => {
    cached = undefined;
    await db.write('book', book);
    cached = book;
  };
  const readStatus = async () => decodeRefreshStatus(await db.read('status'));

  async function fetchAll(tokens: LoginTokens, self: string): Promise<void> {
    const gen = generation;
    const current = () => gen === generation;
    const setStatus = async (status: RefreshStatus) => {
      if (current()) await db.write('status', status);
    };
    const started = now();
    await setStatus({ ...blankStatus(tokens.uin, started), state: 'fetching' });
    let list: ContactList;
    try {
      list = await client.getContacts(tokens, self);
      list = { ...list, contacts: await fillGroups(tokens, self, list.contacts) };
    } catch (error) {
      const plain = toPlainError(error);
      if (plain.name === 'SessionEnded' && current()) {
        if (await endSession(store, tokens.sid, plain.code ?? 1101)) deps.onEnded?.();
      }
      const retryAt = plain.name === 'RateLimited' ? now() + RATE_LIMITED_WAIT_MS : 0;
      const state = plain.name === 'RateLimited' ? 'incomplete' : 'failed';
      const gap = plain.name === 'RateLimited' ? 'rateLimited' : null;
      await setStatus({ ...blankStatus(tokens.uin, started), state, gap, error: plain, retryAt });
      console.warn(`[book] refresh failed: ${plain.name}`);
      return;
    }
    const entries = list.contacts.filter((c) => c.kind !== 'self');
    await serial(async () => {
      if (!current()) return;
      const previous = await readBook();
      const keepPrevious =
        list.gap !== null && previous?.uin === tokens.uin && previous.gap === null;
      if (!keepPrevious) {
        await writeBook({ uin: tokens.uin, entries, gap: list.gap, fetchedAt: now() });
      }
    });
    const retryAt = list.gap === 'rateLimited' ? now() + RATE_LIMITED_WAIT_MS : 0;
    await setStatus({
      ...blankStatus(tokens.uin, started),
      state: list.gap === null ? 'done' : 'incomplete',
      gap: list.gap,
      retryAt,
    });
  }

  /** Groups come from getcontact without members: batchgetcontact gives their counts (§11). */
  async function fillGroups(
    tokens: LoginTokens,
    self: string,
    contacts: readonly BookEntry[],
  ): Promise<readonly BookEntry[]> {
    const groups = contacts.filter((c) => c.kind === 'group').map((c) => c.userName);
    if (groups.length === 0) return contacts;
    const found = new Map<string, BookEntry>();
    try {
      for (let start = 0; start < groups.length; start += BATCH) {
        if (start > 0) await deps.sleep(BATCH_GAP_MS);
        const batch = groups.slice(start, start + BATCH);
        for (const group of await client.batchGetContacts(tokens, batch, self)) {
          found.set(group.userName, group);
        }
      }
    } catch (error) {
      // Member counts are a detail: the book is kept without the ones not fetched, unless the
      // session itself ended.
      if (toPlainError(error).name === 'SessionEnded') throw error;
      console.warn('[book] webwxbatchgetcontact failed; member counts left out:', error);
    }
    return contacts.map((c) => {
      const full = found.get(c.userName);
      if (!full) return c;
      // getcontact's remark and pinyin are the account's own; batchget fills in the members.
      return { ...c, memberCount: full.memberCount || c.memberCount };
    });
  }

  function refresh(): Promise<void> {
    running ??= (async () => {
      const session = await store.get(sessionItem);
      if (!session?.dashboard) return;
      await fetchAll(session.tokens, session.dashboard.profile.userName);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** A full fetch (sign-in, stale snapshot, the user's "Refresh"); joins one in flight. */
    refresh,
    /** Fold a webwxsync reply's contact changes into the stored book (§14). */
    applyChanges(result: Pick<SyncResult, 'modifiedContacts' | 'deletedContacts'>) {
      return serial(async () => {
        const book = await readBook();
        if (!book) return;
        const entries = mergeChanges(book.entries, result);
        if (entries !== book.entries) await writeBook({ ...book, entries });
      });
    },
    /** The book of the signed-in account, as the popup shows it; starts a due retry. */
    async view(): Promise<BookView> {
      const session = await store.get(sessionItem);
      if (!session?.dashboard) return EMPTY_BOOK;
      const uin = session.tokens.uin;
      const [stored, status] = await Promise.all([readBook(), readStatus()]);
      const book = stored?.uin === uin ? stored : null;
      const mine = status?.uin === uin ? status : null;
      const stuck = mine?.state === 'fetching' && now() - mine.since > STUCK_FETCH_MS;
      const due = mine !== null && mine.retryAt > 0 && mine.retryAt <= now();
      if ((!book && (!mine || stuck)) || due || stuck) {
        refresh().catch((error: unknown) => console.warn('[book] refresh:', error));
        return { ...viewOf(book, mine), state: 'fetching' };
      }
      return viewOf(book, mine);
    },
    /** "Clear session": the book and its status go. */
    async clear(): Promise<void> {
      generation += 1;
      running = null;
      await serial(async () => {
        cached = undefined;
        await db.clear();
        cached = null;
      });
    },
    /** The stored entry of a userName (avatars ask for theirs). */
    async entries(): Promise<readonly BookEntry[]> {
      const session = await store.get(sessionItem);
      const book = await readBook();
      return book && book.uin === session?.tokens.uin ? book.entries : [];
    },
    /** For tests: the refresh in flight, if any. */
    settled: async () => {
      await running;
    },
  };
}

function blankStatus(uin: number, since: number): RefreshStatus {
  return { uin, state: 'done', since, gap: null, error: null, retryAt: 0 };
}

/**
 * The entries as the popup gets them: without avatar URLs. The popup asks for avatars by
 * userName (contact-book/handlers.ts), so the URLs, which carry the skey (§12), stay here, and
 * the message is a third smaller.
 */
function forPopup(entries: readonly BookEntry[]): readonly BookEntry[] {
  return entries.map((entry) => ({ ...entry, avatarUrl: '' }));
}

function viewOf(book: StoredBook | null, status: RefreshStatus | null): BookView {
  const base: BookView = {
    ...EMPTY_BOOK,
    entries: forPopup(book?.entries ?? []),
    gap: book?.gap ?? null,
    fetchedAt: book?.fetchedAt ?? 0,
  };
  if (status?.state === 'fetching') return { ...base, state: 'fetching' };
  if (status?.state === 'failed') return { ...base, state: 'failed', error: status.error };
  if (status?.state === 'incomplete') {
    return { ...base, state: 'incomplete', gap: status.gap, retryAt: status.retryAt };
  }
  if (!book) return base;
  return { ...base, state: book.gap === null ? 'ready' : 'incomplete' };
}

export type ContactBook = ReturnType<typeof createContactBook>;

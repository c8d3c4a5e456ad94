import { describe, expect, it, vi } from 'vitest';
import type { BookEntry, ContactList, ContactListGap } from '../../wechat';
import { WeChatError, type WeChatErrorName } from '../../wechat/errors';
import { sessionItem } from '../../shared/storage';
import { createMemoryAreas } from '../../../test/support/storage';
import { createMemoryBookDb } from '../../../test/support/book-db';
import { entry } from '../../../test/support/book-entry';
import { createStore } from '../store';
import type { BookClient } from '../ports';
import { createContactBook } from './keeper';
import { mergeChanges } from './stored-book';
import { storedSession } from '../../../test/support/session';

const session = storedSession();

const list = (names: string[], gap: ContactListGap | null = null): ContactList => ({
  contacts: names.map((n) => entry(n)),
  gap,
  pages: 1,
});

const plain = (name: WeChatErrorName, code?: number) =>
  new WeChatError(name, 'test', { operation: 'webwxgetcontact', url: 'https://wx.qq.com/x', code });

async function setup() {
  const store = createStore(createMemoryAreas());
  await store.set(sessionItem, session);
  const db = createMemoryBookDb();
  const client = {
    getContacts: vi.fn(async (): Promise<ContactList> => list(['@a', '@b', '@@g'])),
    batchGetContacts: vi.fn(async (_t: unknown, names: readonly string[]) =>
      names.map((n) => entry(n, { memberCount: 12 })),
    ),
    fetchImage: vi.fn(async () => null),
  } satisfies BookClient;
  const sleep = vi.fn(async () => undefined);
  const onEnded = vi.fn();
  const book = createContactBook({ client, store, db, now: () => 1000, sleep, onEnded });
  return { store, db, client, book, sleep, onEnded };
}

describe('the address book (docs/protocol.md §10, §11, §14)', () => {
  it('stores a complete fetch with the groups’ member counts', async () => {
    const { book, client } = await setup();
    await book.refresh();
    const view = await book.view();
    expect(view.state).toBe('ready');
    expect(view.entries.map((e) => [e.userName, e.memberCount])).toEqual([
      ['@a', 0],
      ['@b', 0],
      ['@@g', 12],
    ]);
    expect(client.batchGetContacts).toHaveBeenCalledWith(session.tokens, ['@@g'], '@me');
  });

  it('asks for groups 50 at a time, with a pause between calls', async () => {
    const { book, client, sleep } = await setup();
    const groups = Array.from({ length: 120 }, (_, i) => `@@g${i}`);
    client.getContacts.mockResolvedValueOnce(list(groups));
    await book.refresh();
    expect(client.batchGetContacts.mock.calls.map((c) => c[1].length)).toEqual([50, 50, 20]);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('never replaces a complete book with a partial one, and says it is incomplete', async () => {
    const { book, client } = await setup();
    await book.refresh();
    client.getContacts.mockResolvedValueOnce(list(['@a'], 'rateLimited'));
    await book.refresh();
    const view = await book.view();
    expect(view.entries).toHaveLength(3);
    expect(view).toMatchObject({
      state: 'incomplete',
      gap: 'rateLimited',
      retryAt: 1000 + 300_000,
    });
  });

  it('shows the part fetched before a 1205 when there was no book', async () => {
    const { book, client } = await setup();
    client.getContacts.mockResolvedValueOnce(list(['@a'], 'rateLimited'));
    await book.refresh();
    const view = await book.view();
    expect(view).toMatchObject({ state: 'incomplete', gap: 'rateLimited' });
    expect(view.entries.map((e) => e.userName)).toEqual(['@a']);
  });

  it('keeps the previous book on a malformed page, naming the error', async () => {
    const { book, client } = await setup();
    await book.refresh();
    client.getContacts.mockRejectedValueOnce(plain('Malformed'));
    await book.refresh();
    const view = await book.view();
    expect(view.state).toBe('failed');
    expect(view.error?.name).toBe('Malformed');
    expect(view.entries).toHaveLength(3);
  });

  it('ends the session on 1101 while paging', async () => {
    const { book, client, store, onEnded } = await setup();
    client.getContacts.mockRejectedValueOnce(plain('SessionEnded', 1101));
    await book.refresh();
    expect(await store.get(sessionItem)).toBeNull();
    expect(onEnded).toHaveBeenCalled();
  });

  it('folds ModContactList and DelContactList into the stored book', async () => {
    const { book, db } = await setup();
    await book.refresh();
    await book.applyChanges({
      modifiedContacts: [entry('@b', { displayName: 'Bea' }), entry('@new')],
      deletedContacts: ['@a'],
    });
    const stored = db.data.get('book') as { entries: BookEntry[] };
    expect(stored.entries.map((e) => e.displayName)).toEqual(['Bea', '@@g', '@new']);
  });

  it('a failed batchgetcontact keeps the book, without member counts', async () => {
    const { book, client } = await setup();
    client.batchGetContacts.mockRejectedValueOnce(plain('Network'));
    await book.refresh();
    const view = await book.view();
    expect(view.state).toBe('ready');
    expect(view.entries.map((e) => e.memberCount)).toEqual([0, 0, 0]);
  });

  it('a fetch running when the session is cleared writes nothing afterwards', async () => {
    const { book, client, db } = await setup();
    let release: (list: ContactList) => void = () => undefined;
    client.getContacts.mockImplementationOnce(
      () => new Promise<ContactList>((resolve) => (release = resolve)),
    );
    const fetching = book.refresh();
    await vi.waitFor(() => expect(client.getContacts).toHaveBeenCalled());
    await book.clear();
    release(list(['@a']));
    await fetching;
    expect(db.data.size).toBe(0);
  });

  it('clear removes the book and its status', async () => {
    const { book, db } = await setup();
    await book.refresh();
    await book.clear();
    expect(db.data.size).toBe(0);
    expect((await book.entries()).length).toBe(0);
  });

  it('starts a fetch when the popup asks and nothing is stored', async () => {
    const { book, client } = await setup();
    expect((await book.view()).state).toBe('fetching');
    await book.settled();
    expect(client.getContacts).toHaveBeenCalledTimes(1);
    expect((await book.view()).state).toBe('ready');
  });

  it('shows no book of another account', async () => {
    const { book, store } = await setup();
    await book.refresh();
    await store.set(sessionItem, { ...session, tokens: { ...session.tokens, uin: 8 } });
    expect((await book.view()).entries).toEqual([]);
  });
});

describe('mergeChanges', () => {
  it('returns the same array when nothing changed and ignores the account itself', () => {
    const entries = [entry('@a')];
    expect(mergeChanges(entries, { modifiedContacts: [], deletedContacts: [] })).toBe(entries);
    const me = entry('@me', { kind: 'self' });
    expect(mergeChanges(entries, { modifiedContacts: [me], deletedContacts: [] })).toEqual(entries);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { WeChatError, type WeChatErrorName } from '../wechat/errors';
import type { BookEntry, LoginTokens, SyncCheck, SyncKey, SyncResult } from '../wechat';
import { accountItem, loginItem, sessionItem, syncItem } from '../shared/storage';
import { emptyDetails, entry } from '../../test/support/book-entry';
import { createMemoryAreas } from '../../test/support/storage';
import { createStore } from './store';
import type { SyncClient } from './ports';
import { createSyncLoop } from './sync-loop';
import { storedSession } from '../../test/support/session';

const session = storedSession({
  tokens: { ...storedSession().tokens, skey: '@crypt_old' },
  dashboard: {
    contacts: [
      { userName: '@a', displayName: 'Ann', kind: 'person', avatarUrl: '', memberCount: 0 },
    ],
  },
});
const synced: SyncResult = {
  messages: [
    {
      msgId: '1',
      fromUserName: '@a',
      toUserName: '@me',
      createTime: 1,
      kind: 'text',
      sender: '',
      text: 'hello',
    },
  ],
  modifiedContacts: [],
  deletedContacts: [],
  syncKey: [{ key: 1, val: 2 }],
  syncCheckKey: [{ key: 1, val: 3 }],
  skey: '@crypt_new',
};
const err = (name: WeChatErrorName, operation: string, code?: number) =>
  new WeChatError(name, 'test', { operation, url: 'https://webpush.wx.qq.com/x', code });

/** A loop whose synccheck answers are scripted; after the script it stops the loop. */
async function setup(checks: (SyncCheck | Error)[]) {
  const store = createStore(createMemoryAreas());
  await store.set(sessionItem, session);
  await store.set(accountItem, {
    uin: 7,
    hosts: session.tokens.hosts,
    nickName: 'Me',
    avatar: null,
  });
  let now = 1_000_000;
  const onIncoming = vi.fn();
  const onEnded = vi.fn();
  const onMessages = vi.fn(async () => undefined);
  const queue = [...checks];
  const client = {
    syncCheck: vi.fn(async (_tokens: LoginTokens, _keys: SyncKey): Promise<SyncCheck> => {
      const next = queue.shift();
      if (!next) {
        loop.stop();
        return { retcode: 0, selector: 0 };
      }
      if (next instanceof Error) throw next;
      return next;
    }),
    sync: vi.fn(async () => synced),
    batchGetContacts: vi.fn(async (): Promise<BookEntry[]> => []),
    fetchImage: vi.fn(async () => null),
  } satisfies SyncClient;
  const sleep = vi.fn(async (ms: number) => {
    now += ms;
  });
  const loop = createSyncLoop({
    client,
    store,
    now: () => now,
    sleep,
    onIncoming,
    onEnded,
    onMessages,
  });
  const run = async () => {
    loop.ensureRunning();
    await loop.settled();
  };
  return {
    store,
    client,
    loop,
    run,
    onIncoming,
    onEnded,
    onMessages,
    sleep,
    advance: (ms: number) => (now += ms),
  };
}

describe('sync loop', () => {
  it('selector 0: nothing to fetch; selector 2: webwxsync, keys and skey kept', async () => {
    const { store, client, run, onIncoming, onMessages } = await setup([
      { retcode: 0, selector: 0 },
      { retcode: 0, selector: 2 },
    ]);
    await run();
    expect(client.sync).toHaveBeenCalledTimes(1);
    const stored = await store.get(sessionItem);
    expect(stored?.syncKey).toEqual([{ key: 1, val: 2 }]);
    expect(stored?.syncCheckKey).toEqual([{ key: 1, val: 3 }]);
    expect(stored?.tokens.skey).toBe('@crypt_new');
    expect(stored?.dashboard?.unread).toEqual({ '@a': 1 });
    expect(onIncoming).toHaveBeenCalledWith(
      [{ chat: '@a', text: 'hello', carries: null }],
      expect.anything(),
    );
    // Every decoded message goes to the kept chats, with the session as it now stands.
    expect(onMessages).toHaveBeenCalledWith(
      synced.messages,
      expect.objectContaining({ syncKey: [{ key: 1, val: 2 }] }),
    );
    // The next synccheck uses the SyncCheckKey from webwxsync (docs/protocol.md §13).
    expect(client.syncCheck.mock.calls.at(-1)?.[1]).toEqual([{ key: 1, val: 3 }]);
  });

  it('our own synccheck timeout is "nothing new", not a failure', async () => {
    const { store, run } = await setup([err('Timeout', 'synccheck')]);
    await run();
    expect(await store.get(syncItem)).toMatchObject({ failures: 0 });
  });

  it('a network failure keeps the session and backs off 2 s, 4 s …', async () => {
    const { store, run, sleep } = await setup([
      err('Network', 'synccheck'),
      err('Network', 'synccheck'),
      { retcode: 0, selector: 0 },
    ]);
    await run();
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000, 4000]);
    expect(await store.get(sessionItem)).toEqual(session);
    // Recovered: the health record is cleared.
    expect(await store.get(syncItem)).toMatchObject({ failures: 0, retryAt: 0 });
  });

  it('long waits end the loop; the alarm resumes it once the time has come', async () => {
    const { store, client, loop, advance } = await setup([]);
    await store.set(syncItem, { failures: 6, retryAt: 1_000_000 + 64_000, lastError: null });
    loop.ensureRunning();
    await loop.settled();
    expect(client.syncCheck).not.toHaveBeenCalled();
    advance(60_000);
    loop.ensureRunning();
    await loop.settled();
    expect(client.syncCheck).toHaveBeenCalled();
  });

  it('1205 backs off five minutes', async () => {
    const { store, client, loop } = await setup([err('RateLimited', 'synccheck', 1205)]);
    loop.ensureRunning();
    await loop.settled();
    expect(client.syncCheck).toHaveBeenCalledTimes(1);
    expect((await store.get(syncItem)).retryAt).toBe(1_000_000 + 300_000);
  });

  it.each([1100, 1101, 1102])(
    'retcode %i ends the session with the reason, keeps the account',
    async (code) => {
      const { store, run, onEnded } = await setup([err('SessionEnded', 'synccheck', code)]);
      await run();
      expect(await store.get(sessionItem)).toBeNull();
      expect(await store.get(loginItem)).toEqual({
        type: 'idle',
        notice: { type: 'sessionEnded', code },
      });
      expect(await store.get(accountItem)).toMatchObject({ uin: 7 });
      expect(onEnded).toHaveBeenCalled();
    },
  );

  it('after stop(), a reply still in flight changes nothing', async () => {
    const { store, client, loop } = await setup([]);
    let release: (check: SyncCheck) => void = () => undefined;
    client.syncCheck.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    loop.ensureRunning();
    await vi.waitFor(() => expect(client.syncCheck).toHaveBeenCalled());
    loop.stop();
    release({ retcode: 0, selector: 2 });
    await loop.settled();
    expect(client.sync).not.toHaveBeenCalled();
    expect((await store.get(sessionItem))?.syncKey).toEqual(session.syncKey);
  });

  it('names a chat it did not know with webwxbatchgetcontact, without holding up the loop', async () => {
    const { store, client, run } = await setup([{ retcode: 0, selector: 2 }]);
    const stranger = { ...synced.messages[0]!, fromUserName: '@stranger' };
    client.sync.mockResolvedValueOnce({ ...synced, messages: [stranger] });
    client.batchGetContacts.mockResolvedValueOnce([
      entry('@stranger', { displayName: 'Stan', details: emptyDetails('Stan') }),
    ]);
    await run();
    await vi.waitFor(async () => {
      const contacts = (await store.get(sessionItem))?.dashboard?.contacts ?? [];
      expect(contacts.map((c) => c.displayName)).toEqual(['Stan', 'Ann']);
    });
    expect(client.batchGetContacts).toHaveBeenCalledWith(session.tokens, ['@stranger'], '@me');
    expect((await store.get(sessionItem))?.dashboard?.unread).toEqual({ '@stranger': 1 });
  });
});

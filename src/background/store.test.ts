import { describe, expect, it, vi } from 'vitest';
import { accountItem, loginItem, sessionItem, settingsItem, syncItem } from '../shared/storage';
import { createMemoryAreas } from '../../test/support/storage';
import { createStore } from './store';

describe('store', () => {
  it('gives the fallback for a missing item', async () => {
    const store = createStore(createMemoryAreas());
    expect(await store.get(loginItem)).toEqual({ type: 'idle', notice: null });
    expect(await store.get(sessionItem)).toBeNull();
    expect(await store.get(settingsItem)).toEqual({
      forgetOnClose: false,
      notify: false,
      notifyText: false,
      theme: 'system',
    });
  });

  it.each([
    ['login', { type: 'waitingForScan', uuid: 42, tip: 1 }],
    ['login', { type: 'teleported' }],
    ['session', { version: 2, tokens: {}, syncKey: [] }],
    [
      'session',
      {
        version: 1,
        tokens: { uin: '1', sid: 's', skey: 'k', passTicket: 'p', hosts: {} },
        syncKey: [],
      },
    ],
    ['settings', { forgetOnClose: 'sometimes' }],
  ])('treats a stored %s of an unknown shape as absent', async (key, raw) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const areas = createMemoryAreas();
    const area = key === 'login' ? areas.session : areas.local;
    await area.set({ [key]: raw });
    const store = createStore(areas);
    const item = { login: loginItem, session: sessionItem, settings: settingsItem }[key];
    expect(await store.get(item as typeof loginItem)).toEqual(item?.fallback);
  });

  it('decodes settings stored before the theme existed, or with a theme it does not know', async () => {
    // A fresh store each time: a store reads an item once, then from memory.
    const read = async (settings: object) => {
      const areas = createMemoryAreas();
      await areas.local.set({ settings });
      return createStore(areas).get(settingsItem);
    };
    expect(await read({ forgetOnClose: true, notify: true, notifyText: false })).toMatchObject({
      forgetOnClose: true,
      theme: 'system',
    });
    expect((await read({ forgetOnClose: false, theme: 'sepia' })).theme).toBe('system');
    expect((await read({ forgetOnClose: false, theme: 'dark' })).theme).toBe('dark');
  });

  it('removes an auto-area item from both areas', async () => {
    const areas = createMemoryAreas();
    await areas.local.set({ session: 'stale' });
    await areas.session.set({ session: 'stale' });
    await createStore(areas).remove(sessionItem);
    expect(areas.dump()).toEqual({ local: {}, session: {} });
  });
});

describe('store.update', () => {
  it('serialises concurrent read-modify-write of one item', async () => {
    const store = createStore(createMemoryAreas());
    const slow =
      (n: number) =>
      async (v: { forgetOnClose: boolean; notify: boolean; notifyText: boolean }) => {
        await new Promise((r) => setTimeout(r, n));
        return { ...v, notify: !v.notify };
      };
    await Promise.all([
      store.update(settingsItem, slow(20)),
      store.update(settingsItem, slow(1)),
      store.update(settingsItem, slow(5)),
    ]);
    // Three toggles, none lost: off -> on -> off -> on.
    expect((await store.get(settingsItem)).notify).toBe(true);
  });

  it('a failing change does not block the next one', async () => {
    const store = createStore(createMemoryAreas());
    await expect(
      store.update(settingsItem, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await store.update(settingsItem, (v) => ({ ...v, notifyText: true }));
    expect((await store.get(settingsItem)).notifyText).toBe(true);
  });
});

describe('store cache', () => {
  it('reads an item from the area once, then from memory; writes go through', async () => {
    const areas = createMemoryAreas();
    let reads = 0;
    const get = areas.local.get.bind(areas.local);
    areas.local.get = async (key) => {
      reads++;
      return get(key);
    };
    const store = createStore(areas);
    await store.get(settingsItem);
    await store.get(settingsItem);
    expect(reads).toBe(1);
    await store.set(settingsItem, {
      forgetOnClose: false,
      notify: true,
      notifyText: false,
      theme: 'system',
    });
    expect((await store.get(settingsItem)).notify).toBe(true);
    expect(reads).toBe(1);
    expect(areas.dump().local).toEqual({
      settings: { forgetOnClose: false, notify: true, notifyText: false, theme: 'system' },
    });
    await store.remove(settingsItem);
    expect((await store.get(settingsItem)).notify).toBe(false);
    expect(reads).toBe(2);
  });
});

describe('store versions', () => {
  it('counts a session written by a newer release as absent, and migrates an older one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tokens = { uin: 1, sid: 's', skey: 'k', passTicket: 'p', hosts: HOSTS };
    const current = { tokens, syncKey: [], syncCheckKey: [], dashboard: null, savedAt: 0 };
    const newer = createMemoryAreas();
    await newer.local.set({ session: current, 'session:version': 3 });
    expect(await createStore(newer).get(sessionItem)).toBeNull();

    const older = createMemoryAreas();
    await older.local.set({ session: { version: 1, tokens, syncKey: [], dashboard: null } });
    expect(await createStore(older).get(sessionItem)).toEqual({
      tokens,
      syncKey: [],
      syncCheckKey: [],
      dashboard: null,
    });
  });

  it('removes the version key with the value', async () => {
    const areas = createMemoryAreas();
    const store = createStore(areas);
    const tokens = { uin: 1, sid: 's', skey: 'k', passTicket: 'p', hosts: HOSTS };
    await store.set(sessionItem, {
      tokens,
      syncKey: [],
      syncCheckKey: [],
      dashboard: null,
      savedAt: 0,
    });
    expect(Object.keys(areas.dump().local as object)).toEqual(['session', 'session:version']);
    await store.remove(sessionItem);
    expect(areas.dump()).toEqual({ local: {}, session: {} });
  });
});

const HOSTS = { main: 'wx.qq.com', login: 'login.wx.qq.com', file: 'f', push: 'p' };

/**
 * Storage areas whose reads of one key are held until released, to interleave them with
 * writes and removals. Reads of other keys (the settings an 'auto' item consults) pass.
 */
function heldReads(key: string) {
  const areas = createMemoryAreas();
  const held: (() => void)[] = [];
  let arrived: () => void = () => undefined;
  const get = areas.local.get.bind(areas.local);
  areas.local.get = async (keys) => {
    const snapshot = await get(keys); // what storage held when the read began
    if (!keys.includes(key)) return snapshot;
    await new Promise<void>((release) => {
      held.push(release);
      arrived();
    });
    return snapshot;
  };
  return {
    areas,
    /** Resolves once a read of the key has begun and is held. */
    readBegun: () =>
      held.length > 0 ? Promise.resolve() : new Promise<void>((r) => (arrived = r)),
    releaseReads: () => held.splice(0).forEach((release) => release()),
  };
}

/** Releases held reads until `promise` settles (its reads may begin one after another). */
async function settle<T>(promise: Promise<T>, releaseReads: () => void): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    releaseReads();
    await new Promise((r) => setTimeout(r, 0));
  }
  return promise;
}

describe('store: a removal is never undone by a read that began before it', () => {
  const tokens = { uin: 1, sid: 's', skey: 'k', passTicket: 'p', hosts: HOSTS };
  const session = { tokens, syncKey: [], syncCheckKey: [], dashboard: null, savedAt: 0 };

  async function seeded() {
    const held = heldReads('session');
    await held.areas.local.set({ session, 'session:version': 2 });
    return { ...held, store: createStore(held.areas) };
  }

  it('a read in flight while the session is removed does not bring it back', async () => {
    const { areas, readBegun, releaseReads, store } = await seeded();
    const before = store.get(sessionItem); // a fresh worker: nothing cached, a real read
    await readBegun();
    await store.remove(sessionItem);
    expect(await settle(before, releaseReads)).toEqual(session); // it began before the removal
    expect(await settle(store.get(sessionItem), releaseReads)).toBeNull();
    expect(areas.dump().local).toEqual({});
  });

  it('"Clear session" (session, account and sync removed) with reads in flight', async () => {
    const { readBegun, releaseReads, store } = await seeded();
    const reads = [store.get(sessionItem), store.get(sessionItem)];
    await readBegun();
    await Promise.all([
      store.remove(sessionItem),
      store.remove(accountItem),
      store.remove(syncItem),
    ]);
    await settle(Promise.all(reads), releaseReads);
    expect(await settle(store.get(sessionItem), releaseReads)).toBeNull();
  });

  it('an update queued behind a removal sees no session and writes nothing', async () => {
    const { areas, releaseReads, store } = await seeded();
    const removal = store.remove(sessionItem);
    const update = store.update(sessionItem, (current) =>
      current ? { ...current, savedAt: 1 } : current,
    );
    await removal;
    expect(await settle(update, releaseReads)).toBeNull();
    expect(areas.dump().local).toEqual({});
  });

  it('a removal asked for during an update lands after it', async () => {
    const { areas, readBegun, releaseReads, store } = await seeded();
    const update = store.update(sessionItem, (current) =>
      current ? { ...current, savedAt: 5 } : current,
    );
    await readBegun();
    const removal = store.remove(sessionItem);
    await settle(Promise.all([update, removal]), releaseReads);
    expect(areas.dump().local).toEqual({});
    expect(await settle(store.get(sessionItem), releaseReads)).toBeNull();
  });
});

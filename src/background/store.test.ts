import { describe, expect, it, vi } from 'vitest';
import { loginItem, sessionItem, settingsItem } from '../shared/storage';
import { createMemoryAreas, createStore } from './store';

describe('store', () => {
  it('gives the fallback for a missing item', async () => {
    const store = createStore(createMemoryAreas());
    expect(await store.get(loginItem)).toEqual({ type: 'idle', notice: null });
    expect(await store.get(sessionItem)).toBeNull();
    expect(await store.get(settingsItem)).toEqual({ forgetOnClose: false });
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

  it('removes an auto-area item from both areas', async () => {
    const areas = createMemoryAreas();
    await areas.local.set({ session: 'stale' });
    await areas.session.set({ session: 'stale' });
    await createStore(areas).remove(sessionItem);
    expect(areas.dump()).toEqual({ local: {}, session: {} });
  });
});

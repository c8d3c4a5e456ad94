import { describe, expect, it, vi } from 'vitest';
import {
  QR_TRUSTED_MS,
  loginItem,
  sessionItem,
  shownItem,
  trustedView,
  type ShownView,
} from '../shared/storage';
import type { StorageChangeListener } from '../shared/storage-item';
import type { Contact } from '../wechat';
import { createMemoryAreas } from '../../test/support/storage';
import { storedSession } from '../../test/support/session';
import { readView } from './login/view';
import { FIRST_SCREEN_CHATS, keepShownView } from './shown';
import { createStore, type KeyValueArea } from './store';

const ISSUED_AT = 1_700_000_000_000;

/** Memory areas whose writes are reported as browser.storage.onChanged reports them. */
function watchedStore() {
  const areas = createMemoryAreas();
  const listeners = new Set<StorageChangeListener>();
  const report = (area: KeyValueArea, name: string): KeyValueArea => ({
    get: (keys) => area.get(keys),
    async set(items) {
      await area.set(items);
      const changes = Object.fromEntries(
        Object.entries(items).map(([k, v]) => [k, { newValue: v }]),
      );
      for (const l of listeners) l(changes, name);
    },
    async remove(keys) {
      await area.remove(keys);
      for (const l of listeners) l(Object.fromEntries(keys.map((k) => [k, {}])), name);
    },
  });
  const store = createStore({
    local: report(areas.local, 'local'),
    session: report(areas.session, 'session'),
  });
  const events = {
    addListener: (l: StorageChangeListener) => listeners.add(l),
    removeListener: (l: StorageChangeListener) => listeners.delete(l),
  };
  return { store, events, areas };
}

async function kept(setup: Awaited<ReturnType<typeof watchedStore>>): Promise<ShownView | null> {
  const { store, events } = setup;
  const view = () => readView(store, (uuid) => `https://login.weixin.qq.com/l/${uuid}`);
  const refresh = keepShownView({ store, events, view });
  await refresh();
  return store.get(shownItem);
}

describe('the view kept for the popup’s first paint', () => {
  it('follows the login: a QR with the time it was handed out', async () => {
    const setup = watchedStore();
    expect((await kept(setup))?.view).toEqual({ type: 'starting' });
    await setup.store.set(loginItem, {
      type: 'waitingForScan',
      uuid: 'u1==',
      tip: 1,
      notice: null,
      push: false,
      issuedAt: ISSUED_AT,
    });
    await vi.waitFor(async () =>
      expect(await setup.store.get(shownItem)).toEqual({
        view: {
          type: 'qr',
          qrText: 'https://login.weixin.qq.com/l/u1==',
          notice: null,
          account: null,
        },
        qrIssuedAt: ISSUED_AT,
      }),
    );
  });

  it('shows the dashboard without a token, and forgets it when the session is cleared', async () => {
    const setup = watchedStore();
    await setup.store.set(sessionItem, storedSession());
    await setup.store.set(loginItem, { type: 'signedIn' });
    const shown = await kept(setup);
    expect(shown?.view.type).toBe('signedIn');
    const raw = JSON.stringify(setup.areas.dump().session);
    expect(raw).toContain('"nickName":"Me"');
    expect(JSON.stringify(shown)).not.toMatch(/@crypt|"sid"|passTicket/);

    await setup.store.remove(sessionItem);
    await setup.store.set(loginItem, { type: 'idle', notice: { type: 'sessionCleared' } });
    await vi.waitFor(async () =>
      expect((await setup.store.get(shownItem))?.view).toEqual({ type: 'starting' }),
    );
  });

  it('keeps the avatars of the first screen only; the answer brings the rest', async () => {
    const setup = watchedStore();
    const contacts: Contact[] = Array.from({ length: 40 }, (_, i) => ({
      userName: `@c${i}`,
      displayName: `Chat ${i}`,
      kind: 'person',
      avatarUrl: `https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?username=@c${i}`,
      memberCount: 0,
    }));
    const avatars = Object.fromEntries(
      ['@me', ...contacts.map((c) => c.userName)].map((u) => [u, `data:image/jpeg;base64,${u}`]),
    );
    await setup.store.set(sessionItem, storedSession({ dashboard: { contacts, avatars } }));
    await setup.store.set(loginItem, { type: 'signedIn' });
    const shown = await kept(setup);
    if (shown?.view.type !== 'signedIn') throw new Error('no dashboard kept');
    expect(Object.keys(shown.view.dashboard.avatars)).toEqual([
      '@me',
      ...contacts.slice(0, FIRST_SCREEN_CHATS).map((c) => c.userName),
    ]);
    expect(shown.view.dashboard.contacts).toHaveLength(40);
    const answer = await readView(setup.store, (uuid) => uuid);
    expect(answer.type === 'signedIn' && Object.keys(answer.dashboard.avatars)).toHaveLength(41);
  });

  it('removes the kept view when it cannot be rewritten: none rather than a stale one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const setup = watchedStore();
    await setup.store.set(sessionItem, storedSession());
    await kept(setup);
    const view = vi.fn().mockRejectedValue(new Error('quota'));
    await keepShownView({ store: setup.store, events: setup.events, view })();
    expect(await setup.store.get(shownItem)).toBeNull();
  });
});

describe('trustedView', () => {
  const qr: ShownView = {
    view: { type: 'qr', qrText: 'https://login.weixin.qq.com/l/u', notice: null, account: null },
    qrIssuedAt: ISSUED_AT,
  };

  it('paints a QR only while it is young enough to be valid', () => {
    expect(trustedView(qr, ISSUED_AT + 1_000)).toBe(qr.view);
    expect(trustedView(qr, ISSUED_AT + QR_TRUSTED_MS)).toBeNull();
    // A clock set back: the age is unknown, so the QR is not trusted.
    expect(trustedView(qr, ISSUED_AT - 1)).toBeNull();
    expect(trustedView({ ...qr, qrIssuedAt: 0 }, ISSUED_AT)).toBeNull();
  });

  it('paints any other view as kept, and nothing when none is kept', () => {
    const failed: ShownView = {
      view: { type: 'failed', error: { name: 'Network', message: 'offline' } },
      qrIssuedAt: 0,
    };
    expect(trustedView(failed, ISSUED_AT)).toBe(failed.view);
    expect(trustedView(null, ISSUED_AT)).toBeNull();
  });
});

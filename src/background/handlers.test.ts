import { describe, expect, it, vi } from 'vitest';
import { sessionItem, settingsItem, type StoredSession } from '../shared/storage';
import type { Settings, ViewState } from '../shared/view';
import { createMessageHandler } from './handlers';
import type { SessionDriver } from './login/driver';
import { createMemoryAreas } from '../../test/support/storage';
import { createStore } from './store';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const defaults: Settings = {
  forgetOnClose: false,
  notify: false,
  notifyText: false,
  theme: 'system',
};
const popup = { id: 'abcdefghijklmnop', url: `${ORIGIN}src/popup/index.html` };
const qr: ViewState = {
  type: 'qr',
  qrText: 'https://login.weixin.qq.com/l/x==',
  notice: null,
  account: null,
};

const session: StoredSession = {
  tokens: {
    uin: 1,
    sid: 'sid+/',
    skey: '@crypt_1_2',
    passTicket: 'p%2B',
    hosts: {
      main: 'wx.qq.com',
      login: 'login.wx.qq.com',
      file: 'file.wx.qq.com',
      push: 'webpush.wx.qq.com',
    },
  },
  syncKey: [],
  syncCheckKey: [],
  dashboard: null,
  savedAt: 0,
};

function setup() {
  const areas = createMemoryAreas();
  const store = createStore(areas);
  const driver = {
    current: vi.fn(async () => qr),
    peek: vi.fn(async () => qr),
    step: vi.fn(async () => qr),
    newQr: vi.fn(async () => qr),
    pushLogin: vi.fn(async () => qr),
    refresh: vi.fn(async () => qr),
    retry: vi.fn(async () => qr),
    clear: vi.fn(async () => qr),
    idle: vi.fn(async () => undefined),
  } satisfies SessionDriver;
  const chats = {
    open: vi.fn(async () => []),
    list: vi.fn(async () => []),
    send: vi.fn(async () => ({ type: 'queued' as const, localId: '1' })),
    retry: vi.fn(async () => ({ type: 'queued' as const, localId: '1' })),
  };
  const handle = createMessageHandler({
    driver,
    store,
    extensionId: popup.id,
    extensionOrigin: ORIGIN,
    chats,
  });
  return { areas, store, driver, chats, handle };
}

describe('message handler', () => {
  it('answers the extension’s own pages', async () => {
    const { handle, driver } = setup();
    expect(await handle({ name: 'pollLogin', request: {} }, popup)).toEqual({
      ok: true,
      response: qr,
    });
    expect(driver.step).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a web page', { url: 'https://evil.example/' }],
    [
      'another extension',
      { id: 'otherextension', url: 'chrome-extension://otherextension/p.html' },
    ],
    ['a spoofed id from a web page', { id: popup.id, url: 'https://wx.qq.com/' }],
    ['no url at all', { id: popup.id }],
  ])('refuses %s', async (_label, sender) => {
    const { handle, driver } = setup();
    const reply = await handle({ name: 'clearSession', request: {} }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('refused') });
    expect(driver.clear).not.toHaveBeenCalled();
  });

  it.each([null, 'getState', { name: 'eval', request: {} }, { name: 'getState' }])(
    'refuses a malformed message %j',
    async (message) => {
      const { handle } = setup();
      expect(await handle(message, popup)).toMatchObject({ ok: false });
    },
  );

  it('"forget on close" moves the session to storage.session and back', async () => {
    const { handle, store, areas } = setup();
    await store.set(sessionItem, session);
    expect(
      await handle({ name: 'setSettings', request: { ...defaults, forgetOnClose: true } }, popup),
    ).toEqual({
      ok: true,
      response: { ...defaults, forgetOnClose: true },
    });
    expect(areas.dump()).toMatchObject({
      local: { settings: { forgetOnClose: true } },
      session: { session },
    });
    expect(JSON.stringify(areas.dump().local)).not.toContain('sid+/');

    await handle({ name: 'setSettings', request: defaults }, popup);
    expect(areas.dump()).toMatchObject({ local: { session } });
    expect(JSON.stringify(areas.dump().session)).not.toContain('sid+/');
    expect(await store.get(settingsItem)).toEqual(defaults);
  });

  it('keeps the chosen theme, and refuses one it does not know', async () => {
    const { handle, store } = setup();
    const dark = { ...defaults, theme: 'dark' };
    expect(await handle({ name: 'setSettings', request: dark }, popup)).toEqual({
      ok: true,
      response: dark,
    });
    const sepia = { ...defaults, theme: 'sepia' };
    expect(await handle({ name: 'setSettings', request: sepia }, popup)).toMatchObject({
      ok: false,
    });
    expect((await store.get(settingsItem)).theme).toBe('dark');
  });

  it('a change other than "forget on close" leaves the session where it is', async () => {
    const { handle, store, areas } = setup();
    await store.set(sessionItem, session);
    const removed = vi.spyOn(store, 'remove');
    await handle({ name: 'setSettings', request: { ...defaults, theme: 'light' } }, popup);
    expect(removed).not.toHaveBeenCalled();
    expect(areas.dump()).toMatchObject({ local: { session } });
  });

  it('rejects settings of the wrong type without touching the session', async () => {
    const { handle, store } = setup();
    await store.set(sessionItem, session);
    const reply = await handle({ name: 'setSettings', request: { forgetOnClose: 'yes' } }, popup);
    expect(reply).toMatchObject({ ok: false });
    expect(await store.get(sessionItem)).toEqual(session);
  });

  it('passes on the page’s language for WeChat, and only from our pages', async () => {
    const areas = createMemoryAreas();
    const store = createStore(areas);
    const onLocale = vi.fn();
    const { driver, chats } = setup();
    const handle = createMessageHandler({
      driver,
      chats,
      store,
      extensionId: popup.id,
      extensionOrigin: ORIGIN,
      onLocale,
    });
    await handle({ name: 'peekState', request: {}, locale: 'zh_CN' }, popup);
    await handle(
      { name: 'peekState', request: {}, locale: 'en_US' },
      { url: 'https://evil.example/' },
    );
    expect(onLocale.mock.calls).toEqual([['zh_CN']]);
  });

  it('hands chat messages to the chats, and refuses a request without its fields', async () => {
    const { handle, chats } = setup();
    const send = { name: 'sendText', request: { chat: '@a', text: 'hi' } };
    expect(await handle(send, popup)).toEqual({
      ok: true,
      response: { type: 'queued', localId: '1' },
    });
    expect(chats.send).toHaveBeenCalledWith('@a', 'hi');
    const bad = await handle({ name: 'sendText', request: { chat: '@a', text: 5 } }, popup);
    expect(bad.ok).toBe(false);
    expect(chats.send).toHaveBeenCalledTimes(1);
    await handle({ name: 'openChat', request: { chat: '@b' } }, popup);
    expect(chats.open).toHaveBeenCalledWith('@b');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { WeChatError } from '../../wechat/errors';
import type { InitResult, LoginPoll, LoginTokens } from '../../wechat';
import { loginItem, sessionItem } from '../../shared/storage';
import type { LoginClient } from '../ports';
import { createSessionDriver } from './driver';
import { endSession } from './end';
import { createMemoryAreas } from '../../../test/support/storage';
import { createStore } from '../store';

const tokens: LoginTokens = {
  uin: 2801122386,
  sid: 'XlfdM+/3gvmAjCoh',
  skey: '@crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50',
  passTicket: 'kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D',
  hosts: {
    main: 'wx2.qq.com',
    login: 'login.wx2.qq.com',
    file: 'file.wx2.qq.com',
    push: 'webpush.wx2.qq.com',
  },
};
const initResult: InitResult = {
  profile: {
    uin: 2801122386,
    userName: '@self',
    nickName: 'Ada',
    signature: '',
    avatarUrl: 'https://wx2.qq.com/me',
  },
  contacts: [
    {
      userName: '@@g',
      displayName: 'Family',
      kind: 'group',
      avatarUrl: 'https://wx2.qq.com/g',
      memberCount: 3,
    },
  ],
  feeds: [],
  syncKey: [{ key: 1, val: 7 }],
  skey: '@crypt_new',
};
const err = (
  name: ConstructorParameters<typeof WeChatError>[0],
  code?: number,
  serverMessage?: string,
) =>
  new WeChatError(name, 'test', {
    operation: 'op',
    url: 'https://wx2.qq.com/x',
    code,
    serverMessage,
  });

/** A scripted client: each call takes the next scripted answer (value or error). */
function fakeClient(script: {
  polls?: (LoginPoll | Error)[];
  inits?: (InitResult | Error)[];
  exchange?: Error;
}) {
  const polls = [...(script.polls ?? [])];
  const inits = [...(script.inits ?? [initResult])];
  let uuids = 0;
  const next = <T>(queue: (T | Error)[], what: string): Promise<T> => {
    const item = queue.shift();
    if (item === undefined) return Promise.reject(new Error(`unscripted ${what}`));
    return item instanceof Error ? Promise.reject(item) : Promise.resolve(item);
  };
  const client = {
    jslogin: vi.fn(async () => `uuid${++uuids}==`),
    pushLogin: vi.fn(async (_account: Pick<LoginTokens, 'uin' | 'hosts'>) => `push${++uuids}==`),
    qrText: (uuid: string) => `https://login.weixin.qq.com/l/${uuid}`,
    pollLogin: vi.fn((_uuid: string, _tip: 0 | 1) => next(polls, 'poll')),
    exchangeTicket: vi.fn(async () => {
      if (script.exchange) throw script.exchange;
      return tokens;
    }),
    init: vi.fn(() => next(inits, 'init')),
    statusNotify: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    fetchImage: vi.fn(async (url: string) => `data:image/jpeg;base64,${btoa(url)}`),
  } satisfies LoginClient;
  return client;
}

function setup(script: Parameters<typeof fakeClient>[0]) {
  const areas = createMemoryAreas();
  const store = createStore(areas);
  const client = fakeClient(script);
  return {
    client,
    store,
    areas,
    driver: createSessionDriver({ client, store, now: () => Date.now() }),
  };
}

const confirmed: LoginPoll = {
  type: 'confirmed',
  redirectUri: 'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t',
};

describe('session driver', () => {
  it('opens on a QR for the fresh uuid', async () => {
    const { driver, client } = setup({});
    expect(await driver.current()).toEqual({
      type: 'qr',
      qrText: 'https://login.weixin.qq.com/l/uuid1==',
      notice: null,
      account: null,
    });
    expect(client.jslogin).toHaveBeenCalledTimes(1);
    // Reopening the popup shows the same QR, no new jslogin.
    expect(await driver.current()).toMatchObject({
      type: 'qr',
      qrText: 'https://login.weixin.qq.com/l/uuid1==',
    });
    expect(client.jslogin).toHaveBeenCalledTimes(1);
  });

  it('walks 408 -> 201 -> 200 to a stored session and dashboard', async () => {
    const { driver, client, store } = setup({
      polls: [
        { type: 'waiting' },
        { type: 'scanned', avatar: 'data:img/jpg;base64,QQ==' },
        confirmed,
      ],
    });
    await driver.current();
    expect((await driver.step()).type).toBe('qr');
    expect(client.pollLogin).toHaveBeenLastCalledWith('uuid1==', 1);
    expect(await driver.step()).toEqual({ type: 'scanned', avatar: 'data:img/jpg;base64,QQ==' });
    expect(client.pollLogin).toHaveBeenLastCalledWith('uuid1==', 0);
    const done = await driver.step();
    expect(done).toMatchObject({ type: 'signedIn', dashboard: { profile: { nickName: 'Ada' } } });
    expect(client.exchangeTicket).toHaveBeenCalledWith(
      confirmed.type === 'confirmed' ? confirmed.redirectUri : '',
    );
    await driver.idle();
    expect(client.statusNotify).toHaveBeenCalledWith(
      expect.objectContaining({ skey: '@crypt_new' }),
      '@self',
    );
    const session = await store.get(sessionItem);
    expect(session?.tokens.skey).toBe('@crypt_new');
    expect(session?.syncKey).toEqual([{ key: 1, val: 7 }]);
    expect(Object.keys(session?.dashboard?.avatars ?? {}).sort()).toEqual(['@@g', '@self']);
  });

  it('joins concurrent polls into one request', async () => {
    const { driver, client } = setup({ polls: [{ type: 'waiting' }] });
    await driver.current();
    const [a, b] = await Promise.all([driver.step(), driver.step()]);
    expect(a).toEqual(b);
    expect(client.pollLogin).toHaveBeenCalledTimes(1);
  });

  it('replaces an expired QR by itself and says why', async () => {
    const { driver, client } = setup({ polls: [err('QrExpired', 400)] });
    await driver.current();
    expect(await driver.step()).toEqual({
      type: 'qr',
      qrText: 'https://login.weixin.qq.com/l/uuid2==',
      notice: { type: 'qrRenewed' },
      account: null,
    });
    expect(client.jslogin).toHaveBeenCalledTimes(2);
  });

  it('treats our own long-poll timeout as "nothing yet"', async () => {
    const { driver } = setup({ polls: [err('Timeout')] });
    await driver.current();
    expect((await driver.step()).type).toBe('qr');
  });

  it('keeps the tokens when webwxinit fails on the network, and retry signs in', async () => {
    const { driver, store, client } = setup({
      polls: [confirmed],
      inits: [err('Network'), initResult],
    });
    await driver.current();
    expect(await driver.step()).toMatchObject({ type: 'failed', error: { name: 'Network' } });
    expect((await store.get(sessionItem))?.tokens).toEqual(tokens);
    expect(await driver.current()).toMatchObject({ type: 'failed' });
    expect((await driver.retry()).type).toBe('signedIn');
    expect(client.exchangeTicket).toHaveBeenCalledTimes(1);
  });

  it('a session ended by the server returns to the QR with the reason', async () => {
    const { driver, store } = setup({ polls: [confirmed], inits: [err('SessionEnded', 1101)] });
    await driver.current();
    expect(await driver.step()).toMatchObject({
      type: 'qr',
      notice: { type: 'sessionEnded', code: 1101 },
    });
    expect(await store.get(sessionItem)).toBeNull();
  });

  it('shows 1203 with the server message and starts over on a new QR', async () => {
    const message = '为了你的帐号安全，此微信号不能登录网页微信。';
    const { driver } = setup({ polls: [confirmed], exchange: err('LoginBlocked', 1203, message) });
    await driver.current();
    expect(await driver.step()).toMatchObject({
      type: 'failed',
      error: { name: 'LoginBlocked', serverMessage: message },
    });
    expect(await driver.newQr()).toMatchObject({ type: 'qr', notice: null, account: null });
  });

  it('ignores a poll reply for a QR replaced meanwhile', async () => {
    let release: (poll: LoginPoll) => void = () => undefined;
    const { driver, client, store } = setup({});
    client.pollLogin.mockImplementationOnce(
      () => new Promise<LoginPoll>((resolve) => (release = resolve)),
    );
    await driver.current();
    const stale = driver.step();
    await vi.waitFor(() => expect(client.pollLogin).toHaveBeenCalled());
    await store.set(loginItem, {
      type: 'waitingForScan',
      uuid: 'other==',
      tip: 1,
      notice: null,
      push: false,
    });
    release(confirmed);
    await stale;
    expect(await store.get(loginItem)).toMatchObject({ type: 'waitingForScan', uuid: 'other==' });
  });

  it('clear logs out, forgets every token, and says so on the next QR', async () => {
    const { driver, client, store, areas } = setup({ polls: [confirmed] });
    await driver.current();
    await driver.step();
    await driver.idle();
    client.logout.mockRejectedValueOnce(err('Network'));
    expect((await driver.clear()).type).toBe('starting');
    expect(client.logout).toHaveBeenCalledWith(expect.objectContaining({ sid: tokens.sid }));
    expect(await store.get(sessionItem)).toBeNull();
    expect(JSON.stringify(areas.dump())).not.toContain(tokens.sid);
    expect(await driver.current()).toMatchObject({
      type: 'qr',
      notice: { type: 'sessionCleared' },
    });
  });

  it('offers push login once the session ended, and signs in without a QR (§17)', async () => {
    const { driver, client, store } = setup({
      polls: [confirmed, { type: 'scanned', avatar: null }, confirmed],
      inits: [initResult, initResult],
    });
    await driver.current();
    await driver.step();
    await driver.idle();
    await endSession(store, 1101);
    expect(await driver.current()).toMatchObject({
      type: 'qr',
      notice: { type: 'sessionEnded', code: 1101 },
      account: { nickName: 'Ada' },
    });
    expect(await driver.pushLogin()).toMatchObject({
      type: 'pushSent',
      account: { nickName: 'Ada' },
    });
    expect(client.pushLogin).toHaveBeenCalledWith(expect.objectContaining({ uin: tokens.uin }));
    expect((await driver.step()).type).toBe('scanned');
    expect(client.pollLogin).toHaveBeenLastCalledWith('push3==', 1);
    expect((await driver.step()).type).toBe('signedIn');
  });

  it('a refused push login falls back to a QR with a note', async () => {
    const { driver, client, store } = setup({ polls: [confirmed] });
    await driver.current();
    await driver.step();
    await endSession(store, 1100);
    client.pushLogin.mockRejectedValueOnce(err('Rejected', 1));
    expect(await driver.pushLogin()).toMatchObject({ type: 'qr', notice: { type: 'pushFailed' } });
  });

  it('without a known account there is no push login to offer', async () => {
    const { driver, client } = setup({});
    expect(await driver.current()).toMatchObject({ type: 'qr', account: null });
    expect((await driver.pushLogin()).type).toBe('qr');
    expect(client.pushLogin).not.toHaveBeenCalled();
  });

  it('a session cleared while webwxinit refreshes it stays cleared', async () => {
    const { driver, client, store } = setup({ polls: [confirmed] });
    await driver.current();
    await driver.step();
    await driver.idle();
    let answer: (result: InitResult) => void = () => undefined;
    client.init.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const refreshing = driver.refresh();
    await vi.waitFor(() => expect(client.init).toHaveBeenCalledTimes(2));
    await store.remove(sessionItem);
    answer(initResult);
    await refreshing;
    expect(await store.get(sessionItem)).toBeNull();
  });
});

describe('a session stored by an earlier release', () => {
  // Version 1 of the session item: `version: 1` inside the value, no version key beside it,
  // and none of syncCheckKey, avatars, unread (added later). storage.ts migrates it to v2.
  const v1 = {
    version: 1,
    tokens,
    syncKey: [{ key: 1, val: 7 }],
    dashboard: { profile: initResult.profile, contacts: initResult.contacts, feeds: [] },
    savedAt: 1,
  };

  it('still signs in: the dashboard shows, no QR, and webwxinit takes its tokens', async () => {
    const { driver, client, store, areas } = setup({});
    await areas.local.set({ session: v1 });
    await areas.session.set({ login: { type: 'signedIn' } });
    expect(await driver.current()).toMatchObject({
      type: 'signedIn',
      dashboard: { profile: { nickName: 'Ada' }, avatars: {}, unread: {} },
    });
    expect(client.jslogin).not.toHaveBeenCalled();
    await driver.refresh();
    expect(client.init).toHaveBeenCalledWith(tokens);
    await driver.idle();
    // Written back at the current version, with the version kept beside the value.
    const local = areas.dump().local as Record<string, unknown>;
    expect(local['session:version']).toBe(2);
    expect(local['session']).not.toHaveProperty('version');
    expect(await store.get(sessionItem)).toMatchObject({ tokens: { sid: tokens.sid } });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { WeChatError } from '../../wechat/errors';
import type { InitResult, LoginPoll, LoginTokens } from '../../wechat';
import { QR_TRUSTED_MS, loginItem, sessionItem } from '../../shared/storage';
import type { LoginClient } from '../ports';
import { createSessionDriver, type SessionDriver } from './driver';
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

  it('reopened after the QR is too old to trust, shows a new QR without polling the old one', async () => {
    const areas = createMemoryAreas();
    const store = createStore(areas);
    const client = fakeClient({});
    let now = 1_700_000_000_000;
    const driver = createSessionDriver({ client, store, now: () => now });
    await driver.current();
    expect(await store.get(loginItem)).toMatchObject({ uuid: 'uuid1==', issuedAt: now });
    now += QR_TRUSTED_MS - 1;
    expect(await driver.current()).toMatchObject({ qrText: expect.stringContaining('uuid1==') });
    now += 1;
    expect(await driver.current()).toMatchObject({
      type: 'qr',
      qrText: 'https://login.weixin.qq.com/l/uuid2==',
    });
    expect(client.pollLogin).not.toHaveBeenCalled();
    expect(await store.get(loginItem)).toMatchObject({ uuid: 'uuid2==', issuedAt: now });
  });

  it('asked at the opening and again by the first question, while jslogin is out, starts one QR', async () => {
    const store = createStore(createMemoryAreas());
    const client = fakeClient({});
    let answer = (_uuid: string) => undefined as void;
    client.jslogin.mockImplementationOnce(async () => `uuid0==`);
    client.jslogin.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    let now = 1_700_000_000_000;
    const driver = createSessionDriver({ client, store, now: () => now });
    await driver.current();
    // The stored QR is too old, so the opening (popup-opening.ts) asks for a new one...
    now += QR_TRUSTED_MS;
    const atOpening = driver.current();
    await vi.waitFor(() => expect(client.jslogin).toHaveBeenCalledTimes(2));
    // ...and the popup's first question, 50 ms later, joins it.
    const firstQuestion = driver.current();
    answer('uuid1==');
    expect(await firstQuestion).toMatchObject({
      type: 'qr',
      qrText: expect.stringContaining('uuid1=='),
    });
    expect(await atOpening).toEqual(await firstQuestion);
    expect(client.jslogin).toHaveBeenCalledTimes(2);
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
      issuedAt: 0,
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

  it('a poll that fails on the network keeps the QR and tries again quietly, three times', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const blip = err('Network');
    const make = (polls: (LoginPoll | Error)[]) => {
      const store = createStore(createMemoryAreas());
      const client = fakeClient({ polls });
      const sleep = vi.fn(async () => undefined);
      return { client, sleep, driver: createSessionDriver({ client, store, now: () => 1, sleep }) };
    };
    const quiet = make([blip, err('Malformed'), blip, { type: 'scanned', avatar: null }]);
    await quiet.driver.current();
    for (let i = 0; i < 3; i++) expect((await quiet.driver.step()).type).toBe('qr');
    expect(await quiet.driver.step()).toEqual({ type: 'scanned', avatar: null });
    expect(quiet.sleep).toHaveBeenCalledTimes(3);
    expect(quiet.client.jslogin).toHaveBeenCalledTimes(1); // the same QR all along

    const down = make([blip, blip, blip, blip]);
    await down.driver.current();
    for (let i = 0; i < 3; i++) expect((await down.driver.step()).type).toBe('qr');
    expect(await down.driver.step()).toMatchObject({ type: 'failed', error: { name: 'Network' } });
  });

  it('clear removes WeChat cookies too, offline, after the tokens are gone', async () => {
    const areas = createMemoryAreas();
    const store = createStore(areas);
    const client = fakeClient({ polls: [confirmed] });
    const order: string[] = [];
    const forgetCookies = vi.fn(async () => {
      order.push(`cookies (session stored: ${String((await store.get(sessionItem)) !== null)})`);
    });
    const driver = createSessionDriver({ client, store, now: () => 1, forgetCookies });
    await driver.current();
    await driver.step();
    await driver.idle();
    client.logout.mockRejectedValueOnce(err('Network')); // offline
    await driver.clear();
    expect(forgetCookies).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['cookies (session stored: false)']);
  });

  it('a session ended twice (sync loop and address book) leaves the new QR on screen', async () => {
    const { driver, client, store } = setup({ polls: [confirmed] });
    await driver.current();
    await driver.step();
    await driver.idle();
    expect(await endSession(store, tokens.sid, 1101)).toBe(true);
    const shown = await driver.current();
    expect(shown).toMatchObject({ type: 'qr', notice: { type: 'sessionEnded', code: 1101 } });
    // The second report of the same end comes after the new QR was handed out.
    expect(await endSession(store, tokens.sid, 1101)).toBe(false);
    expect(await store.get(loginItem)).toMatchObject({ type: 'waitingForScan', uuid: 'uuid2==' });
    expect(await driver.current()).toEqual(shown);
    expect(client.jslogin).toHaveBeenCalledTimes(2);
  });

  it('the end of an older session leaves the newer one signed in', async () => {
    const { driver, store } = setup({ polls: [confirmed] });
    await driver.current();
    await driver.step();
    await driver.idle();
    expect(await endSession(store, 'an older sid', 1101)).toBe(false);
    expect(await store.get(sessionItem)).toMatchObject({ tokens: { sid: tokens.sid } });
    expect((await driver.current()).type).toBe('signedIn');
  });

  it('offers push login once the session ended, and signs in without a QR (§17)', async () => {
    const { driver, client, store } = setup({
      polls: [confirmed, { type: 'scanned', avatar: null }, confirmed],
      inits: [initResult, initResult],
    });
    await driver.current();
    await driver.step();
    await driver.idle();
    await endSession(store, tokens.sid, 1101);
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
    await endSession(store, tokens.sid, 1100);
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

describe('a step racing another command', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('keeps the QR of a step that read the state while Retry was writing it', async () => {
    // Storage that shows a write at once but acknowledges it later, as a browser may: the
    // step's read misses the cache and gets the state back from storage (keys reordered).
    const areas = createMemoryAreas();
    const write = areas.session.set.bind(areas.session);
    areas.session.set = async (items) => {
      await write(items);
      await sleep(20);
    };
    const store = createStore(areas);
    const client = fakeClient({ polls: [{ type: 'waiting' }] });
    client.jslogin.mockImplementation(async () => {
      await sleep(40);
      return 'uuid1==';
    });
    const driver = createSessionDriver({ client, store, now: () => Date.now() });
    await store.set(loginItem, { type: 'failed', error: err('Timeout'), retry: 'newQr' });

    const retried = driver.retry();
    await sleep(5);
    const polled = driver.step();
    expect((await polled).type).toBe('qr');
    expect((await retried).type).toBe('qr');
    expect(await store.get(loginItem)).toMatchObject({ type: 'waitingForScan', uuid: 'uuid1==' });
    expect(client.jslogin).toHaveBeenCalledTimes(1);
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

describe('the background stopped at any point of a login', () => {
  // One phone and one WeChat server for the whole test; each "worker" is a new store cache and
  // driver over the same storage, as after the browser stopped the background.
  const CALLS = ['jslogin', 'poll 408', 'poll 201', 'poll 200', 'exchange', 'init'] as const;

  function world() {
    const areas = createMemoryAreas();
    const phone: LoginPoll[] = [{ type: 'waiting' }, { type: 'scanned', avatar: null }, confirmed];
    const server = { calls: [] as string[], exchanges: 0, hangAt: -1, stopBefore: -1 };
    const never = <T>() => new Promise<T>(() => undefined);
    /**
     * The call numbered `hangAt` reaches the server but its answer never comes back; the call
     * numbered `stopBefore` never leaves. Either way that worker is gone.
     */
    const call = <T>(name: string, answer: () => T | Promise<T>): Promise<T> => {
      if (server.calls.length === server.stopBefore) return never<T>();
      server.calls.push(name);
      if (server.calls.length - 1 === server.hangAt) {
        void Promise.resolve()
          .then(answer)
          .catch(() => undefined); // the server did its part
        return never<T>();
      }
      return Promise.resolve().then(answer);
    };
    const worker = () => {
      const client = fakeClient({});
      client.jslogin.mockImplementation(() =>
        call('jslogin', () => `uuid${server.calls.length}==`),
      );
      client.pollLogin.mockImplementation(() =>
        // Once confirmed, the phone stays confirmed: every later poll of the QR answers 200.
        call('poll', () => (phone.length > 1 ? phone.shift() : phone[0]) as LoginPoll),
      );
      client.exchangeTicket.mockImplementation(() =>
        call('exchange', () => {
          // docs/protocol.md §4: the ticket is single-use; the server refuses it a second time.
          if (++server.exchanges > 1) throw err('LoginBlocked', 1, 'check ticket failed');
          return tokens;
        }),
      );
      client.init.mockImplementation(() => call('init', () => initResult));
      const store = createStore(areas);
      return { store, driver: createSessionDriver({ client, store, now: () => 1 }) };
    };
    return { areas, phone, server, worker };
  }

  /** Steps until signed in or a fresh QR after an interrupted sign-in, at most 8 steps. */
  async function drive(driver: SessionDriver) {
    let view = await driver.current();
    for (let i = 0; i < 8 && view.type !== 'signedIn'; i++) {
      if (view.type === 'qr' && view.notice?.type === 'signInInterrupted') break;
      view = await driver.step();
    }
    return view;
  }

  it.each(CALLS.map((name, index) => [name, index] as const))(
    'stopped while waiting on %s: resumes without a second ticket exchange',
    async (name, index) => {
      const { server, worker } = world();
      server.hangAt = index;
      const first = worker();
      void drive(first.driver); // hangs on the call numbered `index`; the worker is gone
      await vi.waitFor(() => expect(server.calls.length).toBeGreaterThan(index));

      const view = await drive(worker().driver);
      expect(server.exchanges).toBeLessThanOrEqual(1);
      if (name === 'exchange') {
        // The ticket left and its answer was lost with the worker: a new QR, saying why.
        expect(view).toMatchObject({ type: 'qr', notice: { type: 'signInInterrupted' } });
      } else {
        expect(view).toMatchObject({
          type: 'signedIn',
          dashboard: { profile: { nickName: 'Ada' } },
        });
      }
    },
  );

  it.each(CALLS.map((name, index) => [name, index] as const))(
    'stopped after %s answered, before the next request: resumes with one exchange at most',
    async (name, index) => {
      const { server, worker } = world();
      server.stopBefore = index + 1;
      const first = drive(worker().driver);
      if (index === CALLS.length - 1)
        await first; // after the last answer the login is done
      else await vi.waitFor(() => expect(server.calls.length).toBe(index + 1));
      await new Promise((r) => setTimeout(r, 10)); // the answer is stored
      server.stopBefore = -1;

      const view = await drive(worker().driver);
      expect(server.exchanges).toBeLessThanOrEqual(1);
      if (name === 'poll 200') {
        // The exchange is marked as started before the ticket leaves; stopped in between,
        // the background cannot tell whether it left, so it never sends it again: new QR.
        expect(view).toMatchObject({ type: 'qr', notice: { type: 'signInInterrupted' } });
        expect(server.exchanges).toBe(0);
      } else {
        expect(server.exchanges).toBe(1);
        expect(view).toMatchObject({
          type: 'signedIn',
          dashboard: { profile: { nickName: 'Ada' } },
        });
      }
    },
  );
});

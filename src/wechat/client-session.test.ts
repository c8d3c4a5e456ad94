import { describe, expect, it } from 'vitest';
import { createWeChatClient } from './client';
import {
  block,
  createRouter,
  fixture,
  patchJson,
  text,
  TOKENS,
  type RecordedCall,
  rejectionOf,
} from '../../test/support/wechat';

const NOW = 1_546_211_541_936;
const MM = 'wx2.qq.com/cgi-bin/mmwebwx-bin';
const SELF = '@2ea0ad63b5550c8842c95cb987adea2491fc9e3db0899696f696149cd30688e8';
const KEYS = [
  { key: 1, val: 636444437 },
  { key: 2, val: 636445049 },
  { key: 1000, val: 1463740202 },
];

function client(fetch: typeof globalThis.fetch) {
  return createWeChatClient({ fetch, now: () => NOW, random: () => 0.5 });
}

function json(call: RecordedCall): Record<string, unknown> {
  return JSON.parse(call.body) as Record<string, unknown>;
}

const BASE_REQUEST = {
  Uin: 2801122386,
  Sid: 'XlfdM+/3gvmAjCoh',
  Skey: '@crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50',
  DeviceID: 'e500000000000000',
};

describe('init (docs/protocol.md §8)', () => {
  it('POSTs BaseRequest as JSON with pass_ticket exactly as received', async () => {
    const router = createRouter({ [`${MM}/webwxinit`]: text(fixture('wechat4u_webwxinit.json')) });
    const result = await client(router.fetch).init(TOKENS);
    const call = router.calls[0]!;
    expect(call.method).toBe('POST');
    // The raw query keeps the single-encoded ticket: %2B, not %252B.
    expect(call.url.search).toBe(
      `?r=${~NOW}&lang=zh_CN&pass_ticket=kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D`,
    );
    expect(call.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(json(call)).toEqual({ BaseRequest: BASE_REQUEST });
    expect(result.profile.userName).toBe(SELF);
    expect(result.profile.avatarUrl.startsWith('https://wx2.qq.com/cgi-bin/')).toBe(true);
    expect(result.contacts).toHaveLength(7);
  });

  it('DeviceID is e + 15 digits from random()', async () => {
    const router = createRouter({ [`${MM}/webwxinit`]: text(fixture('wechat4u_webwxinit.json')) });
    const c = createWeChatClient({ fetch: router.fetch, now: () => NOW, random: () => 0.0123 });
    await c.init(TOKENS);
    expect(json(router.calls[0]!)).toMatchObject({ BaseRequest: { DeviceID: 'e012300000000000' } });
  });

  it('Ret 1100 skeleton -> SessionEnded(1100)', async () => {
    const skeleton = block('issue_samples.txt', 'skeleton (Ret=1)').replace(
      '"Ret": 1,',
      '"Ret": 1100,',
    );
    const router = createRouter({ [`${MM}/webwxinit`]: text(skeleton) });
    expect(await rejectionOf(client(router.fetch).init(TOKENS))).toMatchObject({
      name: 'SessionEnded',
      code: 1100,
      operation: 'webwxinit',
    });
  });

  it('HTTP 500 -> Network(500), with the pass_ticket masked in the error URL', async () => {
    const router = createRouter({ [`${MM}/webwxinit`]: text('', { status: 500 }) });
    const error = await rejectionOf(client(router.fetch).init(TOKENS));
    expect(error).toMatchObject({ name: 'Network', code: 500, operation: 'webwxinit' });
    expect(error.url).toContain('pass_ticket=***');
  });
});

describe('statusNotify and logout (docs/protocol.md §9, §16)', () => {
  it('statusNotify sends Code 3 from self to self with a ms ClientMsgId', async () => {
    const router = createRouter({
      [`${MM}/webwxstatusnotify`]: text(
        block('wechat4u_nock_inline_bodies.txt', 'webwxstatusnotify'),
      ),
    });
    await client(router.fetch).statusNotify(TOKENS, SELF);
    const call = router.calls[0]!;
    expect(call.url.searchParams.get('lang')).toBe('zh_CN');
    expect(json(call)).toEqual({
      BaseRequest: BASE_REQUEST,
      Code: 3,
      FromUserName: SELF,
      ToUserName: SELF,
      ClientMsgId: NOW,
    });
  });

  it('statusNotify surfaces a non-zero Ret', async () => {
    const router = createRouter({
      [`${MM}/webwxstatusnotify`]: text('{"BaseResponse":{"Ret":1101,"ErrMsg":""},"MsgID":""}'),
    });
    expect((await rejectionOf(client(router.fetch).statusNotify(TOKENS, SELF))).name).toBe(
      'SessionEnded',
    );
  });

  it('logout POSTs the sid/uin form with an encoded skey and ignores the reply', async () => {
    const router = createRouter({ [`${MM}/webwxlogout`]: text('<html>bye</html>') });
    await expect(client(router.fetch).logout(TOKENS)).resolves.toBeUndefined();
    const call = router.calls[0]!;
    expect(call.url.search).toBe(
      '?redirect=1&type=1&skey=%40crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50',
    );
    expect(call.body).toBe('sid=XlfdM%2B%2F3gvmAjCoh&uin=2801122386');
    expect(call.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
  });
});

describe('syncCheck (docs/protocol.md §13)', () => {
  const SYNCCHECK = 'webpush.wx2.qq.com/cgi-bin/mmwebwx-bin/synccheck';

  it('GETs the push host with the documented params and returns the selector', async () => {
    const router = createRouter({
      [SYNCCHECK]: text('window.synccheck={retcode:"0",selector:"2"}'),
    });
    expect(await client(router.fetch).syncCheck(TOKENS, KEYS)).toEqual({ retcode: 0, selector: 2 });
    const url = router.calls[0]!.url;
    expect(url.search).toBe(
      `?r=${NOW}&skey=%40crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50&sid=XlfdM%2B%2F3gvmAjCoh` +
        `&uin=2801122386&deviceid=e500000000000000&synckey=1_636444437%7C2_636445049%7C1000_1463740202&_=${NOW}`,
    );
  });

  it.each([
    [1100, 'SessionEnded'],
    [1101, 'SessionEnded'],
    [1102, 'SessionEnded'],
    [1205, 'RateLimited'],
    [2, 'Rejected'],
  ])('retcode %i -> %s', async (retcode, name) => {
    const router = createRouter({
      [SYNCCHECK]: text(`window.synccheck={retcode:"${retcode}",selector:"0"}`),
    });
    const error = await rejectionOf(client(router.fetch).syncCheck(TOKENS, KEYS));
    expect(error).toMatchObject({ name, code: retcode, operation: 'synccheck' });
    expect(error.url).toContain('synckey=***');
  });
});

describe('sync (docs/protocol.md §14)', () => {
  it('POSTs SyncKey and rr, and returns the decoded changes', async () => {
    const router = createRouter({ [`${MM}/webwxsync`]: text(fixture('wechat4u_webwxsync.json')) });
    const result = await client(router.fetch).sync(TOKENS, KEYS, SELF);
    const call = router.calls[0]!;
    expect(call.url.search).toBe(
      '?sid=XlfdM%2B%2F3gvmAjCoh&skey=%40crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50' +
        '&lang=zh_CN&pass_ticket=kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D',
    );
    expect(json(call)).toEqual({
      BaseRequest: BASE_REQUEST,
      SyncKey: {
        Count: 3,
        List: [
          { Key: 1, Val: 636444437 },
          { Key: 2, Val: 636445049 },
          { Key: 1000, Val: 1463740202 },
        ],
      },
      rr: ~NOW,
    });
    expect(result.messages.map((m) => m.msgId)).toEqual([
      '4442356190966618405',
      '6599448710267926107',
    ]);
    expect(result.modifiedContacts[0]!.kind).toBe('group');
    expect(result.syncKey).toHaveLength(10);
    expect(result.skey).toBe(TOKENS.skey);
  });

  it('keeps the sent keys when the reply has Count 0 sets', async () => {
    const body = patchJson(fixture('wechat4u_webwxsync.json'), { SyncKey: { Count: 0, List: [] } });
    const router = createRouter({ [`${MM}/webwxsync`]: text(body) });
    const result = await client(router.fetch).sync(TOKENS, KEYS);
    expect(result.syncKey).toEqual(KEYS);
    expect(result.syncCheckKey).toEqual(KEYS);
  });
});

import { describe, expect, it } from 'vitest';
import { createWeChatClient, type WeChatClientDeps } from './client';
import { block, createRouter, text, TOKENS, rejectionOf } from '../../test/support/wechat';

const NOW = 1_546_211_298_739;
const NOCK = 'wechat4u_nock_inline_bodies.txt';
const REDIRECT = block(NOCK, 'tip=0').match(/redirect_uri="([^"]+)"/)![1]!;

function client(fetch: typeof globalThis.fetch, extra: Partial<WeChatClientDeps> = {}) {
  return createWeChatClient({
    fetch,
    now: () => NOW,
    random: () => 0.123456789012345,
    ...extra,
  });
}

describe('jslogin (docs/protocol.md §2)', () => {
  it('GETs the documented URL and returns the uuid', async () => {
    const router = createRouter({ 'login.wx.qq.com/jslogin': text(block(NOCK, 'jslogin')) });
    expect(await client(router.fetch).jslogin()).toBe('4dcaWx3uBw==');
    const call = router.calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.url.href).toBe(
      'https://login.wx.qq.com/jslogin?appid=wx782c26e4c19acffb&redirect_uri=https%3A%2F%2Fwx.qq.com%2Fcgi-bin%2Fmmwebwx-bin%2Fwebwxnewloginpage&fun=new&lang=zh_CN&_=1546211298739',
    );
  });

  it('honours lang and loginHost, and decodes a gbk-labelled reply as UTF-8', async () => {
    const router = createRouter({
      'login.weixin.qq.com/jslogin': text(
        'window.QRLogin.code = 200; window.QRLogin.uuid = "4aDCd-Nv9g==";',
        {
          headers: { 'Content-Type': 'text/html; charset=gbk' },
        },
      ),
    });
    const c = client(router.fetch, { lang: 'en_US', loginHost: 'login.weixin.qq.com' });
    expect(await c.jslogin()).toBe('4aDCd-Nv9g==');
    expect(router.calls[0]!.url.searchParams.get('lang')).toBe('en_US');
  });

  it('code 400 -> Rejected(400); code 200 without uuid -> Malformed', async () => {
    const failed = createRouter({
      'login.wx.qq.com/jslogin': text(block('issue_samples.txt', 'jslogin failure')),
    });
    expect(await rejectionOf(client(failed.fetch).jslogin())).toMatchObject({
      name: 'Rejected',
      code: 400,
      operation: 'jslogin',
    });
    const empty = createRouter({ 'login.wx.qq.com/jslogin': text('window.QRLogin.code = 200;') });
    expect((await rejectionOf(client(empty.fetch).jslogin())).name).toBe('Malformed');
    const junk = createRouter({
      'login.wx.qq.com/jslogin': text('window.QRLogin.code = 200; window.QRLogin.uuid = "a b<c>";'),
    });
    expect((await rejectionOf(client(junk.fetch).jslogin())).name).toBe('Malformed');
  });

  it('qrText is the login.weixin.qq.com/l/ URL (§3)', () => {
    expect(client(createRouter({}).fetch).qrText('4dcaWx3uBw==')).toBe(
      'https://login.weixin.qq.com/l/4dcaWx3uBw==',
    );
  });
});

describe('pollLogin (docs/protocol.md §4)', () => {
  const poll = (body: string, tip: 0 | 1 = 0) => {
    const router = createRouter({ 'login.wx.qq.com/cgi-bin/mmwebwx-bin/login': text(body) });
    return { router, result: client(router.fetch).pollLogin('4dcaWx3uBw==', tip) };
  };

  it('sends loginicon, uuid, tip, r=~now and _', async () => {
    const { router, result } = poll('window.code=408;', 1);
    expect(await result).toEqual({ type: 'waiting' });
    const params = router.calls[0]!.url.searchParams;
    expect(Object.fromEntries(params)).toEqual({
      loginicon: 'true',
      uuid: '4dcaWx3uBw==',
      tip: '1',
      r: String(~NOW),
      _: String(NOW),
    });
  });

  it('201 -> scanned with the data-URL avatar, or null for anything else', async () => {
    const avatar = 'data:img/jpg;base64,/9j/4AAQSkZJRgABAQEASABIAAD';
    expect(await poll(`window.code=201;window.userAvatar = '${avatar}';`).result).toEqual({
      type: 'scanned',
      avatar,
    });
    expect(
      await poll("window.code=201;window.userAvatar = 'data:image/png;base64,iVBO';").result,
    ).toEqual({ type: 'scanned', avatar: 'data:image/png;base64,iVBO' });
    expect(await poll(block(NOCK, 'tip=1')).result).toEqual({ type: 'scanned', avatar: null });
    for (const bad of ['http://evil.example/a.jpg', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(await poll(`window.code=201;window.userAvatar = '${bad}';`).result).toEqual({
        type: 'scanned',
        avatar: null,
      });
    }
  });

  it('200 -> confirmed with the recorded redirect_uri', async () => {
    expect(await poll(block(NOCK, 'tip=0')).result).toEqual({
      type: 'confirmed',
      redirectUri: REDIRECT,
    });
  });

  it.each([
    'http://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t',
    'https://evil.example/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t',
    'https://wx.qq.com.evil.example/x',
    'javascript:alert(1)',
  ])('200 with redirect_uri %s -> Malformed', async (uri) => {
    const error = await rejectionOf(poll(`window.code=200;window.redirect_uri="${uri}";`).result);
    expect(error).toMatchObject({ name: 'Malformed', operation: 'login' });
  });

  it('202 -> cancelled; 400/500/0 -> QrExpired; unknown codes -> Malformed', async () => {
    expect(await poll('window.code=202;').result).toEqual({ type: 'cancelled' });
    for (const code of [400, 500, 0]) {
      const error = await rejectionOf(poll(`window.code=${code};`).result);
      expect(error).toMatchObject({ name: 'QrExpired', code });
    }
    expect((await rejectionOf(poll('window.code=999;').result)).name).toBe('Malformed');
    expect((await rejectionOf(poll('<html>oops</html>').result)).name).toBe('Malformed');
  });

  it('a long-poll with no answer -> Timeout within the timeout', async () => {
    const router = createRouter({
      'login.wx.qq.com/cgi-bin/mmwebwx-bin/login': () => new Promise<Response>(() => undefined),
    });
    const started = performance.now();
    const error = await rejectionOf(client(router.fetch, { timeoutMs: 60 }).pollLogin('u==', 0));
    expect(error).toMatchObject({ name: 'Timeout', operation: 'login' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a rejected fetch -> Network', async () => {
    const error = await rejectionOf(client(createRouter({}).fetch).pollLogin('u==', 0));
    expect(error).toMatchObject({ name: 'Network', operation: 'login' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('exchangeTicket (docs/protocol.md §5)', () => {
  const PAGE = 'wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage';

  it('adds fun=new&version=v2, parses the XML and derives the hosts from the redirect host', async () => {
    const router = createRouter({ [PAGE]: text(block(NOCK, 'webwxnewloginpage')) });
    const tokens = await client(router.fetch).exchangeTicket(REDIRECT);
    expect(router.calls[0]!.url.href).toBe(`${REDIRECT}&fun=new&version=v2`);
    expect(tokens).toEqual({
      uin: 155217200,
      sid: 'PsWd4FvKROR5EVcG',
      skey: '@crypt_8e4ad7fa_2703a47aaf8cd4d3e61b855795e38568',
      passTicket: 'VgRra8tyYbvfTTS3LVlIHdFob0XowE6%2BZV9X1PB9w9w%3D',
      hosts: {
        main: 'wx2.qq.com',
        login: 'login.wx2.qq.com',
        file: 'file.wx2.qq.com',
        push: 'webpush.wx2.qq.com',
      },
    });
  });

  it('reads the XML from a 301 without Location (§5.2)', async () => {
    const router = createRouter({
      [PAGE]: text(block(NOCK, 'webwxnewloginpage'), { status: 301 }),
    });
    expect((await client(router.fetch).exchangeTicket(REDIRECT)).sid).toBe('PsWd4FvKROR5EVcG');
  });

  it('1203 -> LoginBlocked carrying the server message', async () => {
    const body = block('puppet-wechat_1203_blocked.txt', 'en variant');
    const router = createRouter({ [PAGE]: text(body) });
    const error = await rejectionOf(client(router.fetch).exchangeTicket(REDIRECT));
    expect(error).toMatchObject({
      name: 'LoginBlocked',
      code: 1203,
      operation: 'webwxnewloginpage',
    });
    expect(error.serverMessage).toMatch(/^For account security, newly registered WeChat accounts/);
    expect(error.url).not.toContain('A6NZxcl2chBSJUFYj9hPlKMV');
  });

  it('an HTML page instead of the XML -> Malformed', async () => {
    const router = createRouter({ [PAGE]: text('<html><head></head><body>hi</body></html>') });
    expect((await rejectionOf(client(router.fetch).exchangeTicket(REDIRECT))).name).toBe(
      'Malformed',
    );
  });

  it('refuses a redirect_uri off the WeChat hosts without requesting it', async () => {
    const router = createRouter({});
    const error = await rejectionOf(
      client(router.fetch).exchangeTicket('https://evil.example/x?ticket=t'),
    );
    expect(error.name).toBe('Malformed');
    expect(router.calls).toHaveLength(0);
  });
});

describe('pushLogin (docs/protocol.md §17)', () => {
  const PUSH = 'wx2.qq.com/cgi-bin/mmwebwx-bin/webwxpushloginurl';

  it('GETs webwxpushloginurl?uin= on the main host and returns the new uuid', async () => {
    const router = createRouter({ [PUSH]: text('{"ret":"0","msg":"all ok","uuid":"A_1_xxxw=="}') });
    expect(await client(router.fetch).pushLogin(TOKENS)).toBe('A_1_xxxw==');
    expect(router.calls[0]!.url.href).toBe(
      'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxpushloginurl?uin=2801122386',
    );
  });

  it('ret "1" -> Rejected', async () => {
    const router = createRouter({ [PUSH]: text('{"ret":"1","msg":"bad uin"}') });
    expect(await rejectionOf(client(router.fetch).pushLogin(TOKENS))).toMatchObject({
      name: 'Rejected',
      code: 1,
      operation: 'webwxpushloginurl',
    });
  });
});

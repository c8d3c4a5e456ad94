/** webwxnewloginpage (§5) and webwxinit / webwxstatusnotify (§8, §9). */
import { describe, expect, it } from 'vitest';
import { BLOCKED_MESSAGE_2019 } from './config.js';
import { loadFixtures } from './fixtures.js';
import { createSimFetch } from './node-fetch.js';
import { CGI, confirmedRedirect, init, login, post, tag, useSimulator } from './test-helpers.js';

const ctx = useSimulator();

const OK_XML =
  /^<error><ret>0<\/ret><message><\/message><skey>@crypt_[0-9a-f]{8}_[0-9a-f]{32}<\/skey><wxsid>[A-Za-z0-9+/]{16}<\/wxsid><wxuin>\d+<\/wxuin><pass_ticket>[A-Za-z0-9%]+%[0-9A-F]{2}[A-Za-z0-9%]*<\/pass_ticket><isgrayscale>1<\/isgrayscale><\/error>$/;

describe('webwxnewloginpage', () => {
  it('answers 200 text/plain;charset=utf-8 with the exact XML and §5.4 cookies', async () => {
    const redirect = await confirmedRedirect(ctx.sim, ctx.f);
    const r = await ctx.f(`${redirect}&fun=new&version=v2`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain;charset=utf-8');
    const xml = await r.text();
    expect(xml).toMatch(OK_XML);
    expect(decodeURIComponent(tag(xml, 'pass_ticket'))).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const cookies = r.headers.getSetCookie();
    const byName = new Map(cookies.map((c) => [c.split('=')[0], c] as const));
    for (const n of ['wxuin', 'wxsid', 'wxloadtime', 'mm_lang', 'webwxuvid', 'webwx_auth_ticket']) {
      expect(byName.get(n)).toMatch(/; Domain=wx\.qq\.com; Path=\/; Expires=[^;]+; Secure$/);
    }
    expect(byName.get('webwx_data_ticket')).toMatch(/; Domain=\.qq\.com; Path=\/;/);
    expect(byName.get('wxuin')).toMatch(new RegExp(`^wxuin=${tag(xml, 'wxuin')};`));
    expect(cookies.join('\n')).not.toMatch(/HttpOnly|SameSite/);
    // The jar now sends them to the push and file hosts too.
    expect(await ctx.f.jar.getCookieString('https://webpush.wx.qq.com/')).toMatch(/wxsid=/);
    expect(await ctx.f.jar.getCookieString('https://file.wx.qq.com/')).toMatch(
      /webwx_data_ticket=/,
    );
  });

  it('uses Domain=<home host> and .wechat.com for wechat.com accounts', async () => {
    ctx.sim.configure({ homeHost: 'web2.wechat.com' });
    const redirect = await confirmedRedirect(ctx.sim, ctx.f);
    const r = await ctx.f(`${redirect}&fun=new&version=v2`);
    const cookies = r.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/wxsid=[^;]+; Domain=web2\.wechat\.com;/);
    expect(cookies).toMatch(/webwx_data_ticket=[^;]+; Domain=\.wechat\.com;/);
  });

  it('answers 301 without Location (XML + cookies) when version=v2 is missing', async () => {
    const redirect = await confirmedRedirect(ctx.sim, ctx.f);
    const r = await ctx.f(redirect);
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBeNull();
    expect(await r.text()).toMatch(OK_XML);
    expect(r.headers.getSetCookie().length).toBe(7);
    expect(await ctx.f.jar.getCookieString('https://wx.qq.com/')).toMatch(/wxuin=\d+.*wxsid=/);
  });

  it('rejects a reused or unknown ticket with 1203 "check ticket failed" and no cookies', async () => {
    const redirect = await confirmedRedirect(ctx.sim, ctx.f);
    await (await ctx.f(`${redirect}&version=v2`)).text();
    for (const url of [
      `${redirect}&version=v2`,
      redirect.replace(/ticket=[^&]+/, 'ticket=nope@qrticket_0') + '&version=v2',
    ]) {
      const r = await ctx.f(url);
      expect(await r.text()).toBe(
        '<error><ret>1203</ret><message>check ticket failed</message></error>',
      );
      expect(r.headers.getSetCookie()).toEqual([]);
    }
  });

  it('blocks once after phone.ban() with the 2019 wording, or a custom message', async () => {
    ctx.sim.phone.ban();
    let r = await ctx.f(`${await confirmedRedirect(ctx.sim, ctx.f)}&version=v2`);
    expect(await r.text()).toBe(
      `<error><ret>1203</ret><message>${BLOCKED_MESSAGE_2019}</message></error>`,
    );
    expect(r.headers.getSetCookie()).toEqual([]);
    ctx.sim.phone.ban('check ticket failed!');
    r = await ctx.f(`${await confirmedRedirect(ctx.sim, ctx.f)}&version=v2`);
    expect(tag(await r.text(), 'message')).toBe('check ticket failed!');
    r = await ctx.f(`${await confirmedRedirect(ctx.sim, ctx.f)}&version=v2`);
    expect(tag(await r.text(), 'ret')).toBe('0');
  });

  it('mode uos requires client-version 2.0.0 + extspam', async () => {
    ctx.sim.configure({ mode: 'uos' });
    let r = await ctx.f(`${await confirmedRedirect(ctx.sim, ctx.f)}&version=v2`);
    expect(tag(await r.text(), 'ret')).toBe('1203');
    r = await ctx.f(`${await confirmedRedirect(ctx.sim, ctx.f)}&version=v2`, {
      headers: { 'client-version': '2.0.0', extspam: 'Go8FCIkFEokFCggwMDAwMDAwMRAGGvAE' },
    });
    expect(tag(await r.text(), 'ret')).toBe('0');
  });
});

function jsonType(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

describe('webwxinit', () => {
  it('has every fixture key, in order, with the same JSON types, as text/plain', async () => {
    const s = await login(ctx.sim, ctx.f);
    const r = await post(
      ctx.f,
      `https://${s.host}${CGI}/webwxinit?r=-1&pass_ticket=${s.passTicket}`,
      {
        BaseRequest: s.BaseRequest,
      },
    );
    expect(r.headers.get('content-type')).toBe('text/plain');
    const body = (await r.json()) as Record<string, unknown>;
    const fx = loadFixtures().init;
    expect(Object.keys(body)).toEqual(Object.keys(fx));
    for (const k of Object.keys(fx)) expect([k, jsonType(body[k])]).toEqual([k, jsonType(fx[k])]);
    const user = body.User as Record<string, unknown>;
    expect(Object.keys(user)).toEqual(Object.keys(fx.User as object));
    expect(user.Uin).toBe(s.uin);
    expect(body.BaseResponse).toEqual({ Ret: 0, ErrMsg: '' });
    expect(body.Count).toBe((body.ContactList as unknown[]).length);
    expect(body.SKey).toBe(s.skey);
    const keys = body.SyncKey as { Count: number; List: { Key: number }[] };
    expect(keys.List.map((k) => k.Key)).toEqual([1, 2, 3, 1000]);
    expect((body.MPSubscribeMsgList as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(body.ContactList)).toContain(`skey=${s.skey}`);
  });

  it('accepts Uin as a string and any pass_ticket encoding; ignores DeviceID', async () => {
    const s = await login(ctx.sim, ctx.f);
    for (const pt of [s.passTicket, encodeURIComponent(s.passTicket), '']) {
      const r = await post(ctx.f, `https://${s.host}${CGI}/webwxinit?r=1&pass_ticket=${pt}`, {
        BaseRequest: { Uin: String(s.uin), Sid: s.sid, Skey: s.skey },
      });
      expect(((await r.json()) as { BaseResponse: { Ret: number } }).BaseResponse.Ret).toBe(0);
    }
  });

  it('answers Ret 1100 with the full zeroed skeleton without cookies, 1101 with a bad skey', async () => {
    const s = await login(ctx.sim, ctx.f);
    const bare = createSimFetch(ctx.sim);
    const r = await post(bare, `https://${s.host}${CGI}/webwxinit?r=1`, {
      BaseRequest: s.BaseRequest,
    });
    const text = await r.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(Object.keys(loadFixtures().init));
    expect(body.BaseResponse).toEqual({ Ret: 1100, ErrMsg: '' });
    expect(body.SyncKey).toEqual({ Count: 0, List: [] });
    expect(body.ContactList).toEqual([]);
    expect((body.User as Record<string, unknown>).Uin).toBe(0);
    expect(text).toMatch(/^\{"BaseResponse": \{"Ret": 1100,"ErrMsg": ""\},"Count": 0,/);
    const bad = await init(ctx.f, { ...s, BaseRequest: { ...s.BaseRequest, Skey: '@crypt_0_0' } });
    expect(bad.BaseResponse).toEqual({ Ret: 1101, ErrMsg: '' });
  });

  it('statusnotify Code 3 answers {BaseResponse, MsgID} and queues MsgType 51 / code 4', async () => {
    const s = await login(ctx.sim, ctx.f);
    const i = await init(ctx.f, s);
    const me = (i.User as { UserName: string }).UserName;
    const r = await post(
      ctx.f,
      `https://${s.host}${CGI}/webwxstatusnotify?lang=zh_CN&pass_ticket=${s.passTicket}`,
      {
        BaseRequest: s.BaseRequest,
        Code: 3,
        FromUserName: me,
        ToUserName: me,
        ClientMsgId: Date.now(),
      },
    );
    expect(await r.text()).toMatch(
      /^\{"BaseResponse": \{"Ret": 0,"ErrMsg": ""\},"MsgID": "\d{19}"\}$/,
    );
    const sync = await post(
      ctx.f,
      `https://${s.host}${CGI}/webwxsync?sid=${encodeURIComponent(s.sid)}&skey=${s.skey}`,
      {
        BaseRequest: s.BaseRequest,
        SyncKey: i.SyncKey,
        rr: -1,
      },
    );
    const msgs = ((await sync.json()) as { AddMsgList: Record<string, unknown>[] }).AddMsgList;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      MsgType: 51,
      StatusNotifyCode: 4,
      FromUserName: me,
      ToUserName: me,
    });
    expect(String(msgs[0]?.Content)).toMatch(/^&lt;msg&gt;<br\/>&lt;op id='4'&gt;/);
  });
});

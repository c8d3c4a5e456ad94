/** synccheck (§13), webwxsync (§14), webwxsendmsg (§15), webwxlogout (§16). */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimFetch } from './node-fetch.js';
import {
  CGI,
  init,
  login,
  post,
  synccheckUrl,
  SYNCCHECK_RE,
  useSimulator,
  type Keys,
  type LoggedIn,
} from './test-helpers.js';

const ctx = useSimulator();
let s: LoggedIn;
let keys: Keys;
beforeEach(async () => {
  s = await login(ctx.sim, ctx.f);
  keys = (await init(ctx.f, s)).SyncKey as Keys;
});

async function check(
  url = synccheckUrl(s, keys),
  fetcher = ctx.f,
): Promise<[string, string, number]> {
  const t0 = Date.now();
  const r = await fetcher(url);
  expect(r.headers.get('content-type')).toBe('text/javascript');
  const m = SYNCCHECK_RE.exec(await r.text());
  expect(m).not.toBeNull();
  return [m?.[1] ?? '', m?.[2] ?? '', Date.now() - t0];
}

const syncUrl = (): string =>
  `https://${s.host}${CGI}/webwxsync?sid=${encodeURIComponent(s.sid)}&skey=${s.skey}&pass_ticket=${s.passTicket}`;

describe('synccheck', () => {
  it('holds then answers retcode 0 selector 0', async () => {
    const [ret, sel, ms] = await check();
    expect([ret, sel]).toEqual(['0', '0']);
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('answers 1102 without cookies, 1101 for a wrong sid and for an unencoded "+" in sid', async () => {
    expect((await check(synccheckUrl(s, keys), createSimFetch(ctx.sim))).slice(0, 2)).toEqual([
      '1102',
      '0',
    ]);
    expect(
      (await check(synccheckUrl({ ...s, sid: 'AAAAAAAAAAAAAAAA' }, keys))).slice(0, 2),
    ).toEqual(['1101', '0']);
    const raw = synccheckUrl(s, keys).replace(/sid=[^&]+/, `sid=${s.sid}`);
    expect((await check(raw)).slice(0, 2)).toEqual(['1101', '0']);
  });

  it('sends no cookies to a push host of another account domain → 1102 (§6 host mapping)', async () => {
    expect((await check(synccheckUrl(s, keys, 'webpush.weixin.qq.com'))).slice(0, 2)).toEqual([
      '1102',
      '0',
    ]);
  });

  it('answers selector 2 at once while events are pending, until webwxsync advances the key', async () => {
    ctx.sim.phone.message('hello');
    for (let i = 0; i < 2; i++) {
      const [ret, sel, ms] = await check();
      expect([ret, sel]).toEqual(['0', '2']);
      expect(ms).toBeLessThan(140);
    }
    const r = await post(ctx.f, syncUrl(), { BaseRequest: s.BaseRequest, SyncKey: keys, rr: -1 });
    const body = (await r.json()) as { SyncKey: Keys; SyncCheckKey: Keys };
    expect((await check(synccheckUrl(s, body.SyncCheckKey))).slice(0, 2)).toEqual(['0', '0']);
    expect((await check(synccheckUrl(s, body.SyncKey))).slice(0, 2)).toEqual(['0', '0']);
  });

  it('wakes a held synccheck when a message arrives', async () => {
    ctx.sim.configure({ syncHoldMs: 5_000 });
    setTimeout(() => ctx.sim.phone.message('wake up'), 50);
    const [ret, sel, ms] = await check();
    expect([ret, sel]).toEqual(['0', '2']);
    expect(ms).toBeLessThan(2_000);
  });

  it('answers 1101 after kick or webwxlogout, 1100 after phone logout', async () => {
    ctx.sim.phone.kick();
    expect((await check()).slice(0, 2)).toEqual(['1101', '0']);
    expect((await init(ctx.f, s)).BaseResponse).toEqual({ Ret: 1101, ErrMsg: '' });

    s = await login(ctx.sim, ctx.f);
    ctx.sim.phone.logout();
    expect((await check()).slice(0, 2)).toEqual(['1100', '0']);

    s = await login(ctx.sim, ctx.f);
    const r = await ctx.f(
      `https://${s.host}${CGI}/webwxlogout?redirect=1&type=1&skey=${encodeURIComponent(s.skey)}`,
    );
    expect(r.status).toBe(200);
    expect((await check()).slice(0, 2)).toEqual(['1101', '0']);
  });

  it('webwxlogout also works as a cookieless POST with the sid/uin form body', async () => {
    const r = await createSimFetch(ctx.sim)(
      `https://${s.host}${CGI}/webwxlogout?redirect=1&type=0&skey=${encodeURIComponent(s.skey)}`,
      {
        method: 'POST',
        body: new URLSearchParams({ sid: s.sid, uin: String(s.uin) }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
    );
    expect(r.status).toBe(200);
    expect((await check()).slice(0, 2)).toEqual(['1101', '0']);
  });

  it('a second login of the same account kicks the first session (1101)', async () => {
    const other = createSimFetch(ctx.sim);
    await login(ctx.sim, other);
    expect((await check()).slice(0, 2)).toEqual(['1101', '0']);
  });
});

describe('webwxsync', () => {
  it('returns the message with a bare 19-digit NewMsgId, SyncKey + SyncCheckKey, SKey "", cookies', async () => {
    const id = ctx.sim.phone.message('a <b>bold</b>\nline');
    const r = await post(ctx.f, syncUrl(), { BaseRequest: s.BaseRequest, SyncKey: keys, rr: -1 });
    expect(r.headers.get('content-type')).toBe('text/plain');
    const text = await r.text();
    expect(text).toContain(`"NewMsgId": ${id}`);
    expect(text).toMatch(/"NewMsgId": \d{19}[,}]/);
    expect(id).toMatch(/^\d{19}$/);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body.BaseResponse).toEqual({ Ret: 0, ErrMsg: '' });
    expect(body.SKey).toBe('');
    expect(body.ContinueFlag).toBe(0);
    expect(body.AddMsgCount).toBe(1);
    const msg = (body.AddMsgList as Record<string, unknown>[])[0];
    expect(msg).toMatchObject({
      MsgId: id,
      MsgType: 1,
      Content: 'a &lt;b&gt;bold&lt;/b&gt;<br/>line',
    });
    for (const k of ['SyncKey', 'SyncCheckKey']) {
      const v = body[k] as Keys;
      expect(v.Count).toBe(v.List.length);
      expect(v.List.map((x) => x.Key)).toContain(1000);
    }
    for (const k of ['ModContactList', 'DelContactList', 'ModChatRoomMemberList'])
      expect(body[k]).toEqual([]);
    const cookies = r.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/wxloadtime=\d+_expired;/);
    expect(cookies).toMatch(/wxpluginkey=\d+;/);
    // Replaying the old key re-delivers; the new key delivers nothing.
    const again = await post(ctx.f, syncUrl(), {
      BaseRequest: s.BaseRequest,
      SyncKey: body.SyncKey,
      rr: -1,
    });
    expect(((await again.json()) as { AddMsgCount: number }).AddMsgCount).toBe(0);
  });

  it('delivers article pushes as MsgType 49 / AppMsgType 5 and group messages with a sender prefix', async () => {
    ctx.sim.phone.article({ title: 'T', url: 'https://mp.weixin.qq.com/s?x=1' });
    const group = '@@180fa413a597f0f313529f756a974f021ba02ff8f8388c1588c76b844fa71935';
    ctx.sim.phone.message('hi all', group);
    const r = await post(ctx.f, syncUrl(), { BaseRequest: s.BaseRequest, SyncKey: keys });
    const list = ((await r.json()) as { AddMsgList: Record<string, unknown>[] }).AddMsgList;
    expect(list[0]).toMatchObject({
      MsgType: 49,
      AppMsgType: 5,
      Url: 'https://mp.weixin.qq.com/s?x=1',
      FileName: 'T',
    });
    expect(String(list[0]?.Content)).toMatch(/^&lt;msg&gt;&lt;appmsg/);
    expect(list[1]).toMatchObject({ MsgType: 1, FromUserName: group });
    expect(String(list[1]?.Content)).toMatch(/^@[0-9a-f]+:<br\/>hi all$/);
  });

  it('webwxsendmsg echoes LocalID, returns a 19-digit MsgID, answers 1205 when rate limited', async () => {
    const i = await init(ctx.f, s);
    const me = (i.User as { UserName: string }).UserName;
    const Msg = {
      Type: 1,
      Content: 's',
      FromUserName: me,
      ToUserName: 'filehelper',
      LocalID: '15462147414160521',
      ClientMsgId: '15462147414160521',
    };
    let r = await post(
      ctx.f,
      `https://${s.host}${CGI}/webwxsendmsg?lang=zh_CN&pass_ticket=${s.passTicket}`,
      { BaseRequest: s.BaseRequest, Msg, Scene: 0 },
    );
    expect(await r.text()).toMatch(
      /^\{"BaseResponse": \{"Ret": 0,"ErrMsg": ""\},"MsgID": "\d{19}","LocalID": "15462147414160521"\}$/,
    );
    expect((await check()).slice(0, 2)).toEqual(['0', '2']);
    ctx.sim.configure({ rateLimit: true });
    r = await post(ctx.f, `https://${s.host}${CGI}/webwxsendmsg`, {
      BaseRequest: s.BaseRequest,
      Msg,
      Scene: 0,
    });
    expect(((await r.json()) as { BaseResponse: { Ret: number } }).BaseResponse.Ret).toBe(1205);
  });
});

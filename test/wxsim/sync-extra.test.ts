/**
 * Phone-driven sync events and sync failure modes: multi-article pushes (§14), contact changes
 * (ModContactList / DelContactList, selector "4", §13), 1205 rate limiting (§20), a stopped
 * push host, the request history in state(), and messages from people and groups.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseArticlePush } from '../../src/wechat/parse-appmsg.js';
import { parseSync } from '../../src/wechat/parse-json.js';
import { loadFixtures } from './fixtures.js';
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
let me: string;
beforeEach(async () => {
  s = await login(ctx.sim, ctx.f);
  const i = await init(ctx.f, s);
  keys = i.SyncKey as Keys;
  me = (i.User as { UserName: string }).UserName;
});

const GROUP = '@@180fa413a597f0f313529f756a974f021ba02ff8f8388c1588c76b844fa71935';

type JsonObj = Record<string, unknown>;
interface SyncBody {
  BaseResponse: { Ret: number };
  AddMsgCount: number;
  AddMsgList: JsonObj[];
  ModContactCount: number;
  ModContactList: JsonObj[];
  DelContactCount: number;
  DelContactList: JsonObj[];
  SyncKey: Keys;
  SyncCheckKey: Keys;
}

async function check(k = keys): Promise<[string, string, number]> {
  const t0 = Date.now();
  const m = SYNCCHECK_RE.exec(await (await ctx.f(synccheckUrl(s, k))).text());
  expect(m).not.toBeNull();
  return [m?.[1] ?? '', m?.[2] ?? '', Date.now() - t0];
}

const syncUrl = (): string =>
  `https://${s.host}${CGI}/webwxsync?sid=${encodeURIComponent(s.sid)}&skey=${s.skey}&pass_ticket=${s.passTicket}`;

async function syncText(k = keys): Promise<string> {
  const r = await post(ctx.f, syncUrl(), { BaseRequest: s.BaseRequest, SyncKey: k, rr: -1 });
  return r.text();
}

async function sync(k = keys): Promise<SyncBody> {
  return JSON.parse(await syncText(k)) as SyncBody;
}

async function contactList(): Promise<JsonObj[]> {
  const r = await ctx.f(`https://${s.host}${CGI}/webwxgetcontact?r=1&seq=0&skey=${s.skey}`);
  return ((await r.json()) as { MemberList: JsonObj[] }).MemberList;
}

const unescape = (content: string): string =>
  content
    .replace(/<br\/>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const ctl = (path: string, body: unknown): Promise<Response> =>
  fetch(`http://127.0.0.1:${ctx.sim.controlPort}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });

describe('phone.article with several articles', () => {
  it('sends one MsgType 49 push whose mmreader category has count N and N items', async () => {
    const articles = [
      { title: 'One & <1>', url: 'https://mp.weixin.qq.com/s?a=1&idx=1', digest: 'd1' },
      { title: 'Two', cover: 'https://mmbiz.qpic.cn/two.jpg' },
      {},
    ];
    const id = ctx.sim.phone.article({ articles });
    const body = await sync();
    expect(body.AddMsgCount).toBe(1);
    const msg = body.AddMsgList[0] ?? {};
    expect(msg).toMatchObject({
      MsgId: id,
      MsgType: 49,
      AppMsgType: 5,
      Url: 'https://mp.weixin.qq.com/s?a=1&idx=1',
      FileName: 'One & <1>',
    });
    const xml = unescape(String(msg.Content));
    expect(xml).toContain('<category type="20" count="3">');
    expect(xml.match(/<item>/g)).toHaveLength(3);

    // The client's parser reads what the simulator sends.
    const [decoded] = parseSync(
      JSON.stringify(body),
      { operation: 'test', url: syncUrl() },
      { selfUserName: me, mainHost: s.host },
      { syncKey: [], skey: s.skey },
    ).messages;
    const push = decoded === undefined ? null : parseArticlePush(decoded);
    expect(push?.accountUserName).toBe(msg.FromUserName);
    expect(push?.accountName).not.toBe('');
    expect(push?.articles.map((a) => a.title)).toEqual([
      'One & <1>',
      'Two',
      expect.stringMatching(/ #\d+\.3$/),
    ]);
    expect(push?.articles[0]).toMatchObject({ url: articles[0]?.url, digest: 'd1' });
    expect(push?.articles[1]?.cover).toBe('https://mmbiz.qpic.cn/two.jpg');

    // The account's MPSubscribeMsgList gains all three, newest first.
    const list = ((await init(ctx.f, s)).MPSubscribeMsgList as { MPArticleList: JsonObj[] }[])[0];
    expect(list?.MPArticleList.slice(0, 3).map((a) => a.Title)).toEqual(
      push?.articles.map((a) => a.title),
    );
  });

  it('keeps the single-article fields working (count 1) and validates /phone/article', async () => {
    ctx.sim.phone.article({ title: 'Solo' });
    const xml = unescape(String((await sync()).AddMsgList[0]?.Content));
    expect(xml).toContain('count="1"');
    expect(xml.match(/<item>/g)).toHaveLength(1);
    const ok = await ctl('/phone/article', { articles: [{ title: 'A' }, { title: 'B' }] });
    expect(ok.status).toBe(200);
    expect((await ctl('/phone/article', { articles: [] })).status).toBe(400);
    expect((await ctl('/phone/article', { articles: [{ title: 1 }] })).status).toBe(400);
    expect((await ctl('/phone/article', { title: 7 })).status).toBe(400);
  });
});

describe('phone.contact', () => {
  it('an edit goes to ModContactList with the fixture field set; synccheck says "4"', async () => {
    const friend = ctx.sim.phone.contact({ remarkName: 'Mei', nickName: 'Han Meimei' });
    const [ret, sel, ms] = await check();
    expect([ret, sel]).toEqual(['0', '4']);
    expect(ms).toBeLessThan(140);
    const body = await sync();
    expect(body.BaseResponse.Ret).toBe(0);
    expect([body.AddMsgCount, body.ModContactCount, body.DelContactCount]).toEqual([0, 1, 0]);
    const entry = body.ModContactList[0] ?? {};
    expect(Object.keys(entry).sort()).toEqual(
      Object.keys(loadFixtures().modContactTemplate).sort(),
    );
    expect(entry).toMatchObject({
      UserName: friend,
      NickName: 'Han Meimei',
      RemarkName: 'Mei',
      ContactFlag: 3,
    });
    expect(String(entry.HeadImgUrl)).toContain(`skey=${s.skey}`);
    expect((await check(body.SyncCheckKey)).slice(0, 2)).toEqual(['0', '0']);
    // The address book agrees afterwards.
    expect((await contactList()).find((c) => c.UserName === friend)).toMatchObject({
      RemarkName: 'Mei',
    });
  });

  it('a group edit carries the group details with MemberList', async () => {
    ctx.sim.phone.contact({ userName: GROUP, remarkName: 'team' });
    const entry = (await sync()).ModContactList[0];
    expect(entry).toMatchObject({ UserName: GROUP, RemarkName: 'team' });
    expect((entry?.MemberList as unknown[]).length).toBeGreaterThan(0);
  });

  it('selector "2" wins while a message is pending too; both arrive in one webwxsync', async () => {
    ctx.sim.phone.contact({ remarkName: 'x' });
    ctx.sim.phone.message('hi');
    expect((await check()).slice(0, 2)).toEqual(['0', '2']);
    const body = await sync();
    expect([body.AddMsgCount, body.ModContactCount]).toEqual([1, 1]);
  });

  it('remove → DelContactList and gone from webwxgetcontact; add → ModContactList and listed', async () => {
    const friend = ctx.sim.phone.contact({ remove: true });
    expect((await check()).slice(0, 2)).toEqual(['0', '4']);
    let body = await sync();
    expect(body.DelContactCount).toBe(1);
    expect(body.DelContactList).toEqual([{ UserName: friend, ContactFlag: 0 }]);
    expect(body.ModContactList).toEqual([]);
    expect((await contactList()).some((c) => c.UserName === friend)).toBe(false);
    expect(() => ctx.sim.phone.contact({ userName: friend })).toThrow(/no contact/);

    const added = ctx.sim.phone.contact({ add: true, nickName: 'New 😀' });
    expect(added).toMatch(/^@[0-9a-f]{64}$/);
    body = await sync(body.SyncKey);
    expect(body.ModContactList[0]).toMatchObject({ UserName: added, NickName: 'New 😀' });
    expect((await contactList()).some((c) => c.UserName === added)).toBe(true);
    expect(() => ctx.sim.phone.contact({ add: true, userName: added })).toThrow(/already/);
  });

  it('POST /phone/contact plays it over HTTP and validates the body', async () => {
    const r = await ctl('/phone/contact', { remarkName: 'via http' });
    expect(r.status).toBe(200);
    const { result } = (await r.json()) as { result: { userName: string } };
    expect((await sync()).ModContactList[0]).toMatchObject({
      UserName: result.userName,
      RemarkName: 'via http',
    });
    expect((await ctl('/phone/contact', { remove: 'yes' })).status).toBe(400);
    expect((await ctl('/phone/contact', { add: true, remove: true })).status).toBe(400);
    expect((await ctl('/phone/contact', { userName: '@nobody' })).status).toBe(409);
  });
});

describe('syncRateLimit', () => {
  it('synccheck answers retcode 1205 at once, webwxsync Ret 1205, nothing is lost', async () => {
    ctx.sim.phone.message('queued');
    ctx.sim.configure({ syncRateLimit: true });
    const [ret, sel, ms] = await check();
    expect([ret, sel]).toEqual(['1205', '0']);
    expect(ms).toBeLessThan(140);
    const text = await syncText();
    expect(text).toMatch(/^\{"BaseResponse": \{"Ret": 1205,"ErrMsg": ""\}/);
    expect((JSON.parse(text) as SyncBody).AddMsgList).toEqual([]);
    ctx.sim.configure({ syncRateLimit: false });
    expect((await check()).slice(0, 2)).toEqual(['0', '2']);
    expect((await sync()).AddMsgCount).toBe(1);
  });
});

describe('pushHostDown', () => {
  it('resets every connection to a webpush host; the main host keeps answering', async () => {
    ctx.sim.configure({ pushHostDown: true });
    await expect(ctx.f(synccheckUrl(s, keys))).rejects.toThrow();
    await expect(ctx.f(`https://webpush.${s.host}/anything`)).rejects.toThrow();
    expect((await sync()).BaseResponse.Ret).toBe(0);
    const st = ctx.sim.state() as { counts: Record<string, number> };
    expect(st.counts.synccheck).toBe(1);
    ctx.sim.configure({ pushHostDown: false });
    expect((await check()).slice(0, 2)).toEqual(['0', '0']);
  });
});

describe('request history', () => {
  it('keeps well over 50 entries with their time, so requests can be counted per window', async () => {
    const t0 = Date.now();
    const bare = createSimFetch(ctx.sim); // no cookies: synccheck answers 1102 at once
    for (let i = 0; i < 120; i++) await (await bare(synccheckUrl(s, keys))).text();
    const last = ctx.sim.state().lastRequests as {
      method: string;
      url: string;
      endpoint: string;
      at: number;
    }[];
    expect(last.length).toBeGreaterThan(120);
    const window = last.filter((r) => r.at >= t0);
    expect(window.filter((r) => r.endpoint === 'synccheck')).toHaveLength(120);
    const byHost = new Map<string, number>();
    for (const r of window) {
      const host = new URL(r.url).host;
      byHost.set(host, (byHost.get(host) ?? 0) + 1);
    }
    expect(byHost.get(`webpush.${s.host}`)).toBe(120);
    await bare.close();
  });
});

describe('phone.message senders', () => {
  it('from a person: FromUserName is that person, no prefix', async () => {
    const person = '@' + 'ab'.repeat(16);
    ctx.sim.phone.message('direct', person);
    expect((await sync()).AddMsgList[0]).toMatchObject({
      FromUserName: person,
      ToUserName: me,
      MsgType: 1,
      Content: 'direct',
    });
  });

  it('from a group: FromUserName is the group and Content names a member', async () => {
    ctx.sim.phone.message('known group', GROUP);
    const unknown = '@@' + 'cd'.repeat(32);
    ctx.sim.phone.message('unknown group', unknown);
    const [a, b] = (await sync()).AddMsgList;
    expect(a).toMatchObject({ FromUserName: GROUP, ToUserName: me });
    expect(String(a?.Content)).toMatch(/^@[0-9a-f]+:<br\/>known group$/);
    expect(b).toMatchObject({ FromUserName: unknown });
    expect(String(b?.Content)).toMatch(/^@[0-9a-f]+:<br\/>unknown group$/);
  });

  it('POST /phone/message accepts a group sender', async () => {
    const r = await ctl('/phone/message', { text: 'via http', from: GROUP });
    expect(r.status).toBe(200);
    expect((await sync()).AddMsgList[0]).toMatchObject({ FromUserName: GROUP });
  });
});

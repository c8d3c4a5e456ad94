/** webwxgetcontact (§10), webwxbatchgetcontact (§11), avatars (§12), push login (§17), accounts. */
import { describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures.js';
import { createSimFetch } from './node-fetch.js';
import { CGI, init, login, poll, post, useSimulator, type LoggedIn } from './test-helpers.js';

const ctx = useSimulator();

interface Page {
  BaseResponse: { Ret: number };
  MemberCount: number;
  MemberList: { UserName: string; VerifyFlag: number }[];
  Seq: number;
}

async function getPage(s: LoggedIn, seq: number, method = 'GET'): Promise<Page> {
  const url = `https://${s.host}${CGI}/webwxgetcontact?lang=zh_CN&pass_ticket=${s.passTicket}&r=1&seq=${seq}&skey=${s.skey}`;
  const r = method === 'GET' ? await ctx.f(url) : await post(ctx.f, url, {});
  expect(r.headers.get('content-type')).toBe('text/plain');
  return (await r.json()) as Page;
}

describe('webwxgetcontact', () => {
  it('default: one page, fixture entries first, MemberCount = page length, Seq 0 (GET and POST)', async () => {
    const s = await login(ctx.sim, ctx.f);
    for (const method of ['GET', 'POST']) {
      const p = await getPage(s, 0, method);
      expect(p.Seq).toBe(0);
      expect(p.MemberCount).toBe(p.MemberList.length);
      const fx = loadFixtures().getcontact.map((c) => c.UserName);
      expect(p.MemberList.slice(0, fx.length).map((c) => c.UserName)).toEqual(fx);
      expect(Object.keys(p.MemberList[0] ?? {})).toEqual(
        Object.keys(loadFixtures().getcontact[0] ?? {}),
      );
      expect(p.MemberList.filter((c) => c.VerifyFlag & 8).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('large: opaque Seq pages summing to 5,000 unique contacts, last Seq 0', async () => {
    ctx.sim.configure({ account: 'large' });
    const s = await login(ctx.sim, ctx.f);
    let seq = 0;
    const names = new Set<string>();
    let pages = 0;
    do {
      const p = await getPage(s, seq);
      expect(p.BaseResponse.Ret).toBe(0);
      expect(p.MemberCount).toBe(p.MemberList.length);
      for (const c of p.MemberList) names.add(c.UserName);
      seq = p.Seq;
      pages++;
    } while (seq !== 0 && pages < 20);
    expect(pages).toBeGreaterThan(2);
    expect(names.size).toBe(5_000);
    const i = await init(ctx.f, s);
    const mps = i.MPSubscribeMsgList as { MPArticleCount: number; MPArticleList: unknown[] }[];
    expect(mps).toHaveLength(50);
    for (const mp of mps) expect(mp.MPArticleList.length).toBe(mp.MPArticleCount);
    expect(i.User).toMatchObject({ Uin: 2_801_122_386 });
  });

  it('needs the session skey (1101) and cookies (1100)', async () => {
    const s = await login(ctx.sim, ctx.f);
    expect((await getPage({ ...s, skey: '@crypt_0_0' }, 0)).BaseResponse.Ret).toBe(1101);
    const r = await createSimFetch(ctx.sim)(
      `https://${s.host}${CGI}/webwxgetcontact?seq=0&skey=${s.skey}`,
    );
    expect(((await r.json()) as Page).BaseResponse.Ret).toBe(1100);
  });
});

describe('webwxbatchgetcontact', () => {
  it('returns the group with MemberList and EncryChatRoomId; > 50 items → Ret 1', async () => {
    const s = await login(ctx.sim, ctx.f);
    const url = `https://${s.host}${CGI}/webwxbatchgetcontact?type=ex&r=1&lang=zh_CN&pass_ticket=${s.passTicket}`;
    const group = loadFixtures().batchGroups[0];
    let r = await post(ctx.f, url, {
      BaseRequest: s.BaseRequest,
      Count: 1,
      List: [{ UserName: group?.UserName, ChatRoomId: '' }],
    });
    const body = (await r.json()) as { Count: number; ContactList: Record<string, unknown>[] };
    expect(body.Count).toBe(1);
    expect(body.ContactList[0]).toMatchObject({
      UserName: group?.UserName,
      EncryChatRoomId: group?.EncryChatRoomId,
      MemberCount: 1,
    });
    expect(String(body.ContactList[0]?.HeadImgUrl)).toMatch(
      /webwxgetheadimg\?seq=\d+&username=@@[0-9a-f]+&skey=$/,
    );
    const List = Array.from({ length: 51 }, () => ({
      UserName: group?.UserName,
      EncryChatRoomId: '',
    }));
    r = await post(ctx.f, url, { BaseRequest: s.BaseRequest, Count: 51, List });
    expect(((await r.json()) as { BaseResponse: { Ret: number } }).BaseResponse.Ret).toBe(1);
  });
});

describe('avatars', () => {
  it('image/jpeg with cookies; 200 text/html; charset=gbk, 0 bytes without', async () => {
    const s = await login(ctx.sim, ctx.f);
    const path = `${CGI}/webwxgeticon?seq=0&username=filehelper&skey=${s.skey}`;
    let r = await ctx.f(`https://${s.host}${path}`);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(100);
    for (const ep of ['webwxgeticon', 'webwxgetheadimg']) {
      r = await createSimFetch(ctx.sim)(`https://${s.host}${CGI}/${ep}?seq=0&username=@@x&skey=`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=gbk');
      expect(r.headers.get('content-length')).toBe('0');
      expect((await r.arrayBuffer()).byteLength).toBe(0);
    }
  });
});

describe('push login', () => {
  it('needs wxuin + webwx_auth_ticket; the phone then confirms that uuid', async () => {
    const s = await login(ctx.sim, ctx.f);
    await ctx.f(
      `https://${s.host}${CGI}/webwxlogout?redirect=1&type=0&skey=${encodeURIComponent(s.skey)}`,
      { method: 'POST' },
    );
    let r = await createSimFetch(ctx.sim)(`https://${s.host}${CGI}/webwxpushloginurl?uin=${s.uin}`);
    expect(await r.json()).toMatchObject({ ret: '1' });
    r = await ctx.f(`https://${s.host}${CGI}/webwxpushloginurl?uin=${s.uin}`);
    const body = (await r.json()) as { ret: string; msg: string; uuid: string };
    expect(body).toMatchObject({ ret: '0', msg: 'all ok' });
    expect(await poll(ctx.f, body.uuid, 1, false)).toBe('window.code=201;');
    ctx.sim.phone.confirm();
    expect(await poll(ctx.f, body.uuid, 0)).toMatch(
      /^window\.code=200;window\.redirect_uri="https:\/\/wx\.qq\.com\//,
    );
  });
});

describe('hostile account', () => {
  it('carries markup names, dangerous article URLs, entities and every emoji id length', async () => {
    ctx.sim.configure({ account: 'hostile' });
    const s = await login(ctx.sim, ctx.f);
    const i = await init(ctx.f, s);
    const all = JSON.stringify(i) + JSON.stringify(await getPage(s, 0));
    expect(all).toContain('<img src=x onerror=\\"alert(1)\\">');
    expect(all).toContain('"Url":"javascript:alert(1)"');
    expect(all).toContain('data:text/html,');
    expect(all).toContain('&lt;b&gt;');
    for (const id of ['a9', '263a', '1f604', '3320e3', '2764fe0f', '1f1e81f1f3']) {
      expect(all).toContain(`<span class=\\"emoji emoji${id}\\"></span>`);
    }
    expect((i.User as { Uin: number }).Uin).toBeGreaterThan(2 ** 31);
  });
});

/** The real client logs in on every home host (docs/protocol.md §4–§10, §13, §16) over real HTTPS. */
import { describe, expect, it } from 'vitest';
import type { HomeHosts } from '../../src/wechat';
import type { HomeHost } from '../wxsim/config.js';
import { expectError, harness, HOLD_MS, lastRequests, loggedIn, useSimulator } from './helpers';

// docs/protocol.md §6, OFFICIAL table: login/file/push hosts per home (main) host.
const HOMES: readonly (HomeHosts & { main: HomeHost })[] = [
  {
    main: 'wx.qq.com',
    login: 'login.wx.qq.com',
    file: 'file.wx.qq.com',
    push: 'webpush.wx.qq.com',
  },
  {
    main: 'wx2.qq.com',
    login: 'login.wx2.qq.com',
    file: 'file.wx2.qq.com',
    push: 'webpush.wx2.qq.com',
  },
  {
    main: 'wx8.qq.com',
    login: 'login.wx8.qq.com',
    file: 'file.wx8.qq.com',
    push: 'webpush.wx8.qq.com',
  },
  {
    main: 'web.wechat.com',
    login: 'login.web.wechat.com',
    file: 'file.web.wechat.com',
    push: 'webpush.web.wechat.com',
  },
  {
    main: 'web2.wechat.com',
    login: 'login.web2.wechat.com',
    file: 'file.web2.wechat.com',
    push: 'webpush.web2.wechat.com',
  },
];

// The 'default' account is the wechat4u fixture (docs/protocol.md §23) plus a friend, the two MPs
// of MPSubscribeMsgList and filehelper in the contact list.
const DEFAULT_UIN = 155217200;

const ctx = useSimulator();

describe.each(HOMES)('full login on $main', (home) => {
  it('scans, confirms, initialises, syncs, lists contacts and logs out on its hosts', async () => {
    ctx.sim.configure({ homeHost: home.main });
    const { client } = harness(ctx.sim);

    const uuid = await client.jslogin();
    expect(uuid).toMatch(/^[A-Za-z0-9_-]{10}==$/);
    expect(client.qrText(uuid)).toBe(`https://login.weixin.qq.com/l/${uuid}`);

    let t0 = Date.now();
    expect(await client.pollLogin(uuid, 1)).toEqual({ type: 'waiting' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(HOLD_MS - 20);

    const scanAt = Date.now();
    expect(ctx.sim.phone.scan()).toBe(uuid);
    t0 = Date.now();
    const scanned = await client.pollLogin(uuid, 0);
    expect(Date.now() - t0).toBeLessThan(HOLD_MS);
    expect(scanned.type).toBe('scanned');
    const avatar = scanned.type === 'scanned' ? scanned.avatar : null;
    expect(avatar).toMatch(/^data:img\/jpg;base64,\/9j\/[A-Za-z0-9+/=]+$/);

    ctx.sim.phone.confirm();
    const confirmed = await client.pollLogin(uuid, 0);
    if (confirmed.type !== 'confirmed') throw new Error(`got ${confirmed.type}`);
    expect(confirmed.redirectUri).toContain(
      `https://${home.main}/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=`,
    );
    expect(confirmed.redirectUri).toContain(`&uuid=${uuid}&`);

    const raw = await client.exchangeTicket(confirmed.redirectUri);
    expect(raw.hosts).toEqual(home);
    expect(raw.uin).toBe(DEFAULT_UIN);
    const [session] = ctx.sim.state().sessions as { sid: string; skey: string; homeHost: string }[];
    expect(session).toMatchObject({ sid: raw.sid, skey: raw.skey, homeHost: home.main });
    expect(raw.passTicket).toMatch(/^[A-Za-z0-9%._~-]+$/);

    const init = await client.init(raw);
    const tokens = { ...raw, skey: init.skey };
    expect(init.skey).toBe(raw.skey);
    expect(init.profile).toMatchObject({ uin: DEFAULT_UIN, nickName: 'SToneX' });
    expect(init.profile.avatarUrl.startsWith(`https://${home.main}/cgi-bin/mmwebwx-bin/`)).toBe(
      true,
    );
    const self = init.profile.userName;
    expect(init.contacts).toHaveLength(8);
    expect(init.contacts.map((c) => c.displayName)).toEqual(
      expect.arrayContaining(['微信红包', '家庭', 'SToneX', '韩梅梅']),
    );
    expect(init.contacts.find((c) => c.displayName === 'SToneX')?.kind).toBe('self');
    expect(init.contacts.find((c) => c.displayName === '家庭')?.kind).toBe('group');
    expect(init.feeds.map((f) => [f.nickName, f.articles.length])).toEqual([
      ['SegmentFault', 1],
      ['XBOX早知道', 2],
    ]);
    expect(init.feeds[0]?.articles[0]).toMatchObject({
      title: '记一次惊心动魄的前端性能优化之旅',
      url: expect.stringMatching(/^http:\/\/mp\.weixin\.qq\.com\/s\?__biz=MjM5NTEwMTAwNg==/),
    });
    expect(init.syncKey.map((k) => k.key)).toEqual([1, 2, 3, 1000]);

    await expect(client.statusNotify(tokens, self)).resolves.toBeUndefined();
    // statusNotify Code 3 queues a MsgType 51 event (§9), so synccheck answers at once.
    t0 = Date.now();
    expect(await client.syncCheck(tokens, init.syncKey)).toEqual({ retcode: 0, selector: 2 });
    expect(Date.now() - t0).toBeLessThan(HOLD_MS);

    const { contacts } = await client.getContacts(tokens, self);
    expect(contacts).toHaveLength(11);
    const byName = new Map(contacts.map((c) => [c.displayName, c]));
    expect(byName.get('文件传输助手')?.kind).toBe('special');
    expect(byName.get('SegmentFault')?.kind).toBe('official');
    expect(byName.get('韩梅梅')?.kind).toBe('person');
    expect(byName.get('SToneX')?.kind).toBe('self');

    await expect(client.logout(tokens)).resolves.toBeUndefined();
    const ended = await expectError(client.syncCheck(tokens, init.syncKey), 'SessionEnded', 1101);
    expect(ended.operation).toBe('synccheck');
    expect(ended.url.startsWith(`https://${home.push}/cgi-bin/mmwebwx-bin/synccheck?`)).toBe(true);
    expect(ended.url).not.toContain(tokens.sid);

    const after = lastRequests(ctx.sim).filter((r) => r.at >= scanAt);
    expect(after.map((r) => r.endpoint)).toEqual([
      'login',
      'login',
      'newloginpage',
      'webwxinit',
      'webwxstatusnotify',
      'synccheck',
      'webwxgetcontact',
      'webwxlogout',
      'synccheck',
    ]);
    for (const r of after) {
      const host = new URL(r.url).host;
      if (r.endpoint === 'login') expect(host).toBe('login.wx.qq.com');
      else if (r.endpoint === 'synccheck') expect(host).toBe(home.push);
      else expect(host).toBe(home.main);
    }
  });
});

describe('after login on web2.wechat.com', () => {
  it('fetches the avatar with cookies only, and push-logs in again after logout', async () => {
    ctx.sim.configure({ homeHost: 'web2.wechat.com' });
    const { client } = harness(ctx.sim);
    const first = await loggedIn(ctx.sim, client);
    const avatar = await client.fetchImage(first.init.profile.avatarUrl);
    expect(avatar).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(await harness(ctx.sim).client.fetchImage(first.init.profile.avatarUrl)).toBeNull();

    await client.logout(first.tokens);
    const uuid = await client.pushLogin(first.tokens);
    expect(await client.pollLogin(uuid, 1)).toMatchObject({ type: 'scanned' });
    ctx.sim.phone.confirm(uuid);
    const confirmed = await client.pollLogin(uuid, 0);
    if (confirmed.type !== 'confirmed') throw new Error(`got ${confirmed.type}`);
    const tokens = await client.exchangeTicket(confirmed.redirectUri);
    expect(tokens.hosts.main).toBe('web2.wechat.com');
    expect(tokens.uin).toBe(first.tokens.uin);
    expect(tokens.sid).not.toBe(first.tokens.sid);
    expect((await client.init(tokens)).profile.nickName).toBe('SToneX');
  });
});

/** The seeded 'large' and 'hostile' accounts through the real client (§8, §10, §19). */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/wechat';
import { counts, harness, loggedIn, useSimulator } from './helpers';

const TIMEOUT_MS = 5000;

const ctx = useSimulator();

function kinds(contacts: readonly Contact[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of contacts) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
}

describe("'large' account", () => {
  it('init has 50 feeds and a uin above 2^31', async () => {
    ctx.sim.configure({ account: 'large' });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { init } = await loggedIn(ctx.sim, client);
    expect(init.profile).toMatchObject({ uin: 2_801_122_386, nickName: 'Large 大号' });
    expect(init.feeds).toHaveLength(50);
    expect(init.feeds.map((f) => f.articles.length).reduce((a, b) => a + b, 0)).toBe(99);
    expect(init.feeds[0]).toMatchObject({ nickName: '公众号 1', time: 1_700_000_000 });
    expect(init.feeds[0]?.articles[0]?.title).toBe('MP 1 article 1');
    expect(init.contacts).toHaveLength(15);
  });

  it.each([
    { pageSize: 1200, pages: 5 },
    { pageSize: 250, pages: 20 },
  ])(
    'getContacts returns all 5,000 contacts over $pages pages of $pageSize',
    async ({ pageSize, pages }) => {
      ctx.sim.configure({ account: 'large', contactPageSize: pageSize });
      const { client } = harness(ctx.sim, TIMEOUT_MS);
      const { tokens, init } = await loggedIn(ctx.sim, client);
      const { contacts, gap } = await client.getContacts(tokens, init.profile.userName);
      expect(gap).toBeNull();
      expect(counts(ctx.sim).webwxgetcontact).toBe(pages);
      expect(contacts).toHaveLength(5000);
      expect(new Set(contacts.map((c) => c.userName)).size).toBe(5000);
      expect(kinds(contacts)).toEqual({ person: 4649, official: 50, group: 300, special: 1 });
      const zs = contacts.find((c) => c.details.remarkName === '张三');
      expect(zs?.details).toMatchObject({ remarkPyInitial: 'zs', remarkPyQuanPin: 'zhangsan' });
      expect(contacts.at(-1)).toMatchObject({
        userName: 'filehelper',
        displayName: '文件传输助手',
      });
      const avatars = contacts.filter((c) => c.avatarUrl !== '');
      for (const c of avatars)
        expect(c.avatarUrl.startsWith(`https://${tokens.hosts.main}/`)).toBe(true);
    },
  );

  it('a 1205 on the third page returns the two pages before it, marked rateLimited (§20)', async () => {
    ctx.sim.configure({ account: 'large', contactPageSize: 1200, contactRateLimitPage: 3 });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const list = await client.getContacts(tokens, init.profile.userName);
    expect(list).toMatchObject({ gap: 'rateLimited', pages: 3 });
    expect(list.contacts).toHaveLength(2400);
  });
});

describe("'hostile' account", () => {
  it('init decodes names to inert text and drops non-http(s) article URLs', async () => {
    ctx.sim.configure({ account: 'hostile' });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { init } = await loggedIn(ctx.sim, client);
    expect(init.profile).toMatchObject({ uin: 3_000_000_001, nickName: 'Me 😄 & <you>' });
    const names = init.contacts.map((c) => [c.kind, c.displayName]);
    expect(names).toEqual([
      ['group', '</script><script>alert("group")</script>'],
      ['person', '<img src=x onerror="alert(1)">'],
      ['person', '<b>remark</b>'],
      ['person', 'emoji 2: ©'],
      ['person', 'emoji 4: ☺'],
      ['official', '<b onclick="alert(1)">Evil MP</b>'],
    ]);
    expect(init.contacts[0]?.memberCount).toBe(2);

    const articles = init.feeds.flatMap((f) => f.articles);
    expect(articles).toHaveLength(3);
    for (const a of articles) {
      expect(a.url === '' || /^https?:\/\//.test(a.url)).toBe(true);
      expect(a.cover === '' || /^https?:\/\//.test(a.cover)).toBe(true);
    }
    expect(articles[0]).toMatchObject({
      title: '<img src=x onerror=alert(1)>',
      digest: '<i>digest</i>',
      url: '',
      cover: '',
    });
    expect(articles[1]).toMatchObject({ title: 'data url', url: '' });
    expect(articles[2]?.title).toBe('Fine 😄 & dandy');
    expect(articles[2]?.url).toMatch(/^http:\/\/mp\.weixin\.qq\.com\/s\?__biz=/);
    expect(init.feeds.map((f) => f.nickName)).toEqual([
      '<b onclick="alert(1)">Evil MP</b>',
      'Emoji MP ☺',
    ]);
  });

  it('getContacts converts every emoji span length and repairs the truncated span', async () => {
    ctx.sim.configure({ account: 'hostile' });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const { contacts } = await client.getContacts(tokens, init.profile.userName);
    expect(contacts).toHaveLength(13);
    const names = contacts.map((c) => c.displayName);
    expect(names).toEqual(
      expect.arrayContaining([
        'emoji 2: ©',
        'emoji 4: ☺',
        'emoji 5: 😄',
        'emoji 6: 3\u20e3',
        'emoji 8: \u2764\ufe0f',
        'emoji 10: 🇨🇳',
        'emoji 5: 😁',
        'broken 👐',
      ]),
    );
    for (const name of names) expect(name).not.toMatch(/<span|&lt;|&amp;/);
  });
});

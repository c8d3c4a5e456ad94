/**
 * Deterministically generated accounts: 'large' (5,000 contacts over several getcontact pages,
 * docs/protocol.md §10 pagination; 50 MPs with 1–3 articles) and 'hostile' (markup, entities, emoji
 * spans of every id length from §19, dangerous article URLs).
 */
import { clone, loadFixtures, type Contact, type MpArticle, type MpEntry } from './fixtures.js';
import { hexFrom, prng } from './ids.js';
import { blankContact, memberOf, personName, type Account } from './contact-util.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛'];
// The server's pinyin for the characters above (§10 PYQuanPin / PYInitial).
const PINYIN: Readonly<Record<string, string>> = {
  王: 'wang',
  李: 'li',
  张: 'zhang',
  刘: 'liu',
  陈: 'chen',
  杨: 'yang',
  黄: 'huang',
  赵: 'zhao',
  吴: 'wu',
  周: 'zhou',
  伟: 'wei',
  芳: 'fang',
  娜: 'na',
  敏: 'min',
  静: 'jing',
  磊: 'lei',
  洋: 'yang',
  勇: 'yong',
  艳: 'yan',
  杰: 'jie',
  娟: 'juan',
  涛: 'tao',
};
/** The person who carries the remark 张三 (zs / zhangsan), away from webwxinit's chats. */
export const LARGE_REMARKED_INDEX = 4000;
/** Groups in the large account (§11 batchgetcontact fills in their members). */
export const LARGE_GROUPS = 300;
export const LARGE_PEOPLE = 5000 - 50 - LARGE_GROUPS - 1;

/** PYQuanPin / PYInitial as the server writes them: "ZhangWei12" -> "ZW12"-style fields. */
function pinyinFields(name: string): { PYQuanPin: string; PYInitial: string } {
  const points = Array.from(name);
  const full = points.map((p) => PINYIN[p] ?? p).join('');
  const initials = points.map((p) => (PINYIN[p] ?? p).slice(0, 1).toUpperCase()).join('');
  return { PYQuanPin: full, PYInitial: initials };
}
const T0 = 1_700_000_000;

function article(rand: () => number, biz: string, i: number, title: string): MpArticle {
  const mid = 2_650_000_000 + Math.floor(rand() * 1e6);
  return {
    Title: title,
    Digest: `${title} — digest`,
    Cover: `http://mmbiz.qpic.cn/mmbiz/${hexFrom(rand, 40)}/640?wxtype=jpeg&wxfrom=0|0|0`,
    Url: `http://mp.weixin.qq.com/s?__biz=${biz}==&mid=${mid}&idx=${i + 1}&sn=${hexFrom(rand, 32)}&scene=0#rd`,
  };
}

export function largeAccount(): Account {
  const rand = prng(5000);
  const fx = loadFixtures();
  const uin = 2_801_122_386; // > 2^31, as in wechat4u#192
  const user = { ...clone(fx.user), Uin: uin, UserName: personName(rand), NickName: 'Large 大号' };
  const contacts: Contact[] = [];
  const mps: MpEntry[] = [];
  for (let i = 0; i < 50; i++) {
    const c = blankContact({
      UserName: '@' + hexFrom(rand, 32),
      NickName: `公众号 ${i + 1}`,
      ContactFlag: 3,
      VerifyFlag: i % 3 === 0 ? 24 : 8,
      KeyWord: 'gh_',
      Alias: `mp_${i + 1}`,
    });
    contacts.push(c);
    const biz = hexFrom(rand, 14);
    const n = 1 + (i % 3);
    const list = Array.from({ length: n }, (_, k) =>
      article(rand, biz, k, `MP ${i + 1} article ${k + 1}`),
    );
    mps.push({
      UserName: c.UserName,
      MPArticleCount: n,
      MPArticleList: list,
      Time: T0 - i * 600,
      NickName: c.NickName,
    });
  }
  const people: Contact[] = [];
  for (let i = 0; i < LARGE_PEOPLE; i++) {
    const nick = `${SURNAMES[i % SURNAMES.length] ?? ''}${GIVEN[Math.floor(i / 10) % GIVEN.length] ?? ''}${i + 1}`;
    const remark =
      i === LARGE_REMARKED_INDEX
        ? { RemarkName: '张三', RemarkPYQuanPin: 'zhangsan', RemarkPYInitial: 'ZS' }
        : {};
    people.push(
      blankContact({
        UserName: personName(rand),
        NickName: nick,
        ContactFlag: i % 7 === 0 ? 1 : 3,
        Sex: 1 + (i % 2),
        ...pinyinFields(nick),
        ...remark,
        Province: i % 3 === 0 ? '广东' : '',
        City: i % 3 === 0 ? '深圳' : '',
      }),
    );
  }
  const groups = new Map<string, Contact>();
  const groupContacts: Contact[] = [];
  for (let g = 0; g < LARGE_GROUPS; g++) {
    const userName = '@@' + hexFrom(rand, 64);
    const from = (g * 15) % 4000;
    const members = people.slice(from, from + 3 + (g % 40) * 2).map((p) => memberOf(p));
    members.push(memberOf(blankContact({ UserName: user.UserName, NickName: user.NickName })));
    groupContacts.push(
      blankContact({ UserName: userName, NickName: `群聊 ${g + 1}`, ContactFlag: 3 }),
    );
    groups.set(
      userName,
      blankContact({
        UserName: userName,
        NickName: `群聊 ${g + 1}`,
        ContactFlag: 3,
        MemberCount: members.length,
        MemberList: members,
        OwnerUin: uin,
        Statues: 1,
        EncryChatRoomId: '@' + hexFrom(rand, 32),
      }),
    );
  }
  const filehelper = blankContact({
    UserName: 'filehelper',
    NickName: '文件传输助手',
    ContactFlag: 3,
    KeyWord: 'fil',
  });
  // Interleave so every page mixes kinds; 50 + 4649 + 300 + 1 = 5,000.
  contacts.push(...people.slice(0, 2000), ...groupContacts, ...people.slice(2000), filehelper);
  const initContacts = [
    ...groupContacts.slice(0, 5),
    ...contacts.slice(0, 5),
    ...people.slice(0, 5),
  ].map(clone);
  return {
    name: 'large',
    uin,
    user,
    initContacts,
    chatSet: ['filehelper', ...initContacts.map((c) => c.UserName)].join(',') + ',',
    contacts,
    groups,
    mpSubscribe: mps,
    friend: people[0]?.UserName ?? 'filehelper',
  };
}

/** Emoji span ids of every length the server uses (§19): 2, 4, 5, 6, 8, 10 hex + remapped cat face. */
export const HOSTILE_EMOJI_IDS = [
  'a9',
  '263a',
  '1f604',
  '3320e3',
  '2764fe0f',
  '1f1e81f1f3',
  '1f63c',
];
const span = (id: string): string => `<span class="emoji emoji${id}"></span>`;

export function hostileAccount(): Account {
  const rand = prng(666);
  const fx = loadFixtures();
  const uin = 3_000_000_001;
  const user = {
    ...clone(fx.user),
    Uin: uin,
    UserName: personName(rand),
    NickName: `Me ${span('1f604')} &amp; &lt;you&gt;`,
  };
  const xss = blankContact({
    UserName: personName(rand),
    NickName: '<img src=x onerror="alert(1)">',
    Signature: '"\'><svg onload=alert(1)>',
    ContactFlag: 3,
    Sex: 1,
  });
  const entity = blankContact({
    UserName: personName(rand),
    NickName: '&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;x&#39;',
    RemarkName: '&lt;b&gt;remark&lt;/b&gt;',
    ContactFlag: 3,
  });
  const emoji = HOSTILE_EMOJI_IDS.map((id) =>
    blankContact({
      UserName: personName(rand),
      NickName: `emoji ${id.length}: ${span(id)}`,
      ContactFlag: 3,
    }),
  );
  // The truncated span the server sometimes sends (ITCHAT repairs `</span` without `>`, §19).
  const truncated = blankContact({
    UserName: personName(rand),
    NickName: 'broken <span class="emoji emoji1f450"></span',
    ContactFlag: 3,
  });
  const groupName = '@@' + hexFrom(rand, 64);
  const groupNick = '</script><script>alert("group")</script>';
  const group = blankContact({
    UserName: groupName,
    NickName: groupNick,
    ContactFlag: 3,
    MemberCount: 2,
    MemberList: [memberOf(xss, `card ${span('1f1e81f1f3')}`), memberOf(entity)],
    EncryChatRoomId: '@' + hexFrom(rand, 32),
  });
  const mp1 = blankContact({
    UserName: '@' + hexFrom(rand, 32),
    NickName: '<b onclick="alert(1)">Evil MP</b>',
    ContactFlag: 3,
    VerifyFlag: 8,
    KeyWord: 'gh_',
  });
  const mp2 = blankContact({
    UserName: '@' + hexFrom(rand, 32),
    NickName: `Emoji MP ${span('263a')}`,
    ContactFlag: 3,
    VerifyFlag: 24,
  });
  const mpSubscribe: MpEntry[] = [
    {
      UserName: mp1.UserName,
      NickName: mp1.NickName,
      Time: T0,
      MPArticleCount: 2,
      MPArticleList: [
        {
          Title: '<img src=x onerror=alert(1)>',
          Digest: '&lt;i&gt;digest&lt;/i&gt;',
          Cover: 'javascript:alert(2)',
          Url: 'javascript:alert(1)',
        },
        {
          Title: 'data url',
          Digest: '',
          Cover: '',
          Url: 'data:text/html,<script>alert(1)</script>',
        },
      ],
    },
    {
      UserName: mp2.UserName,
      NickName: mp2.NickName,
      Time: T0 - 60,
      MPArticleCount: 1,
      MPArticleList: [article(rand, hexFrom(rand, 14), 0, `Fine ${span('1f604')} &amp; dandy`)],
    },
  ];
  const contacts = [xss, entity, ...emoji, truncated, mp1, mp2];
  const initContacts = [clone(group), ...contacts.slice(0, 4).map(clone), clone(mp1)];
  return {
    name: 'hostile',
    uin,
    user,
    initContacts,
    chatSet: initContacts.map((c) => c.UserName).join(',') + ',',
    contacts: [
      ...contacts,
      blankContact({ UserName: groupName, NickName: groupNick, ContactFlag: 3 }),
    ],
    groups: new Map([[groupName, group]]),
    mpSubscribe,
    friend: xss.UserName,
  };
}

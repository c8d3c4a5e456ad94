import { describe, expect, it } from 'vitest';
import { parseArticlePush } from './parse-appmsg';
import type { WireMessage } from './wire';

const MP = '@e37d2d3c59fdc13f2ac94b9c3e7d0b2d';

// The two escaping layers of the simulator (test/wxsim/messages.ts, http-util escapeContent):
// XML text escaping inside the appmsg, then the whole XML HTML-escaped into Content.
const x = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeContent = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br/>');

interface Item {
  title: string;
  url: string;
  digest: string;
  cover: string;
}

function appmsgXml(name: string, items: readonly Item[]): string {
  const first = items[0] ?? { title: '', url: '', digest: '', cover: '' };
  const body = items
    .map(
      (a) =>
        `<item><title>${x(a.title)}</title><url>${x(a.url)}</url>` +
        `<cover>${x(a.cover)}</cover><digest>${x(a.digest)}</digest></item>`,
    )
    .join('');
  return (
    `<msg><appmsg appid="" sdkver="0"><title>${x(first.title)}</title><des>${x(first.digest)}</des>` +
    `<type>5</type><url>${x(first.url)}</url><mmreader><category type="20" count="${items.length}">` +
    `<name>${x(name)}</name>${body}</category></mmreader></appmsg></msg>`
  );
}

function message(content: string, patch: Partial<WireMessage> = {}): WireMessage {
  return {
    msgId: '1234567890123456789',
    fromUserName: MP,
    toUserName: '@self',
    msgType: 49,
    content,
    createTime: 1700000000,
    appMsgType: 5,
    url: '',
    fileName: '',
    fileSize: 0,
    statusNotifyCode: 0,
    statusNotifyUserName: '',
    ...patch,
  };
}

const push = (xml: string, patch: Partial<WireMessage> = {}) =>
  parseArticlePush(message(escapeContent(xml), patch));

const ITEMS: Item[] = [
  {
    title: 'Vue 3 <Suspense> & you',
    url: 'http://mp.weixin.qq.com/s?__biz=MzA==&mid=1&idx=1&sn=ab#rd',
    digest: 'line one\nline "two"',
    cover: 'http://mmbiz.qpic.cn/mmbiz/abc/640?wx_fmt=jpeg',
  },
  {
    title: '第二篇 😀',
    url: 'https://mp.weixin.qq.com/s?__biz=MzA==&mid=1&idx=2',
    digest: '',
    cover: 'https://mmbiz.qpic.cn/mmbiz/def/640',
  },
  {
    title: "It's third",
    url: 'https://mp.weixin.qq.com/s?idx=3',
    digest: 'd3',
    cover: '',
  },
];

describe('parseArticlePush (docs/protocol.md §14 MsgType 49 / AppMsgType 5)', () => {
  it('decodes a multi-item push in the simulator format, undoing both escaping layers', () => {
    const result = push(appmsgXml('Vue.js & Friends', ITEMS));
    expect(result).toEqual({
      accountUserName: MP,
      accountName: 'Vue.js & Friends',
      time: 1700000000,
      articles: ITEMS,
    });
  });

  it('decodes a single-item push', () => {
    const result = push(appmsgXml('Solo', ITEMS.slice(1, 2)));
    expect(result?.accountName).toBe('Solo');
    expect(result?.articles).toEqual([ITEMS[1]]);
  });

  it('accepts CDATA, an <?xml?> declaration, <br/> line breaks and the publisher name', () => {
    const xml =
      '<?xml version="1.0"?>\n<msg>\n<appmsg appid="" sdkver="0">\n<title><![CDATA[t]]></title>\n' +
      '<type>5</type>\n<mmreader>\n<category type="20" count="1">\n<name></name>\n<item>\n' +
      '<title><![CDATA[CDATA <title> & more]]></title>\n' +
      '<url><![CDATA[http://mp.weixin.qq.com/s?a=1&b=2]]></url>\n' +
      '<digest><![CDATA[]]></digest>\n</item>\n</category>\n' +
      '<publisher>\n<username><![CDATA[gh_x]]></username>\n<nickname><![CDATA[Pub]]></nickname>\n' +
      '</publisher>\n</mmreader>\n</appmsg>\n</msg>';
    const content = escapeContent(xml);
    expect(content).toContain('<br/>');
    const result = parseArticlePush(message(content));
    expect(result?.accountName).toBe('Pub');
    expect(result?.articles).toEqual([
      {
        title: 'CDATA <title> & more',
        digest: '',
        url: 'http://mp.weixin.qq.com/s?a=1&b=2',
        cover: '',
      },
    ]);
  });

  it('also reads raw (unescaped) XML and a sender prefix without decoding entities twice', () => {
    const xml = appmsgXml('Raw', [{ ...ITEMS[0]!, title: 'a &lt; b' }]);
    expect(parseArticlePush(message(xml))?.articles[0]?.title).toBe('a &lt; b');
    const prefixed = `@abc:<br/>${escapeContent(appmsgXml('P', ITEMS.slice(2)))}`;
    expect(parseArticlePush(message(prefixed))?.articles).toEqual([ITEMS[2]]);
  });

  it('falls back to one article from appmsg title/des/url when there is no mmreader', () => {
    const xml =
      '<msg><appmsg appid="" sdkver="0"><title>Link &amp; title</title><des>the des</des>' +
      '<type>5</type><url>https://example.com/a?b=1&amp;c=2</url>' +
      '<thumburl>https://example.com/t.jpg</thumburl></appmsg></msg>';
    expect(push(xml)).toEqual({
      accountUserName: MP,
      accountName: '',
      time: 1700000000,
      articles: [
        {
          title: 'Link & title',
          digest: 'the des',
          url: 'https://example.com/a?b=1&c=2',
          cover: 'https://example.com/t.jpg',
        },
      ],
    });
  });

  it('drops items with an empty title, falling back to appmsg when none is left', () => {
    const items = [{ ...ITEMS[0]!, title: '' }, ITEMS[2]!, { ...ITEMS[1]!, title: '   ' }];
    expect(push(appmsgXml('N', items))?.articles).toEqual([ITEMS[2]]);
    const untitled = appmsgXml('N', [{ ...ITEMS[0]!, title: '' }]).replace(
      /<title>[^<]*<\/title><des>/,
      '<title>Outer</title><des>',
    );
    expect(push(untitled)?.articles.map((a) => a.title)).toEqual(['Outer']);
    expect(push(appmsgXml('N', [{ ...ITEMS[0]!, title: '' }]))).toBeNull();
  });

  it('returns null for other message types and app message types', () => {
    const content = escapeContent(appmsgXml('N', ITEMS));
    expect(parseArticlePush(message(content, { msgType: 1 }))).toBeNull();
    expect(parseArticlePush(message(content, { appMsgType: 6 }))).toBeNull();
    expect(parseArticlePush(message(content, { appMsgType: 0 }))).toBeNull();
  });
});

describe('parseArticlePush on hostile content', () => {
  it('returns null for text that is not appmsg XML', () => {
    for (const content of [
      '',
      'hello',
      '&lt;',
      '<msg>',
      '&lt;msg&gt;&lt;/msg&gt;',
      '&lt;msg&gt;&lt;appmsg&gt;&lt;/appmsg&gt;&lt;/msg&gt;',
      '&lt;msg&gt;&lt;appmsg&gt;&lt;title&gt;',
      '{"title":"json"}',
      '<html><body>502</body></html>',
      '&lt;msg&gt;&lt;__proto__&gt;&lt;appmsg&gt;1&lt;/appmsg&gt;&lt;/__proto__&gt;&lt;/msg&gt;',
    ]) {
      expect(parseArticlePush(message(content)), content).toBeNull();
    }
  });

  it('returns null for a truncated push', () => {
    const content = escapeContent(appmsgXml('N', ITEMS));
    for (const cut of [10, content.length / 2, content.length - 12]) {
      expect(parseArticlePush(message(content.slice(0, Math.floor(cut))))).toBeNull();
    }
  });

  it('returns null for a 1 MB push without spending long on it', () => {
    const many = Array.from({ length: 4000 }, (_, i) => ({ ...ITEMS[0]!, title: `t${i}` }));
    const content = escapeContent(appmsgXml('Big', many));
    expect(content.length).toBeGreaterThan(1_000_000);
    const t0 = Date.now();
    expect(parseArticlePush(message(content))).toBeNull();
    expect(parseArticlePush(message('&lt;msg&gt;' + 'x'.repeat(1 << 20)))).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('survives deep nesting below the size limit', () => {
    const deep = '<a>'.repeat(20_000) + '</a>'.repeat(20_000);
    expect(push(`<msg><appmsg><title>${deep}</title></appmsg></msg>`)).toBeNull();
  });

  it('keeps only http(s) urls', () => {
    const bad = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example/x',
      'file:///etc/passwd',
      'not a url',
    ];
    const items = bad.map((u, i) => ({ title: `t${i}`, url: u, digest: '', cover: u }));
    const result = push(appmsgXml('N', items));
    expect(result?.articles).toHaveLength(bad.length);
    for (const a of result?.articles ?? []) expect([a.url, a.cover]).toEqual(['', '']);
    // An entity-encoded scheme is still a javascript: url once decoded.
    const encoded =
      '<msg><appmsg><title>t</title><url>&#106;avascript:alert(1)</url></appmsg></msg>';
    expect(push(encoded)?.articles[0]?.url).toBe('');
  });

  it('turns nested tags in titles into plain text, never markup', () => {
    const xml =
      '<msg><appmsg><mmreader><category><name>N</name>' +
      '<item><title>a<b>bold</b>c</title><url>https://e.com/</url></item>' +
      '<item><title>&lt;img src=x onerror=alert(1)&gt;</title></item>' +
      '<item><title><script>alert(1)</script></title></item>' +
      '</category></mmreader></appmsg></msg>';
    const titles = push(xml)?.articles.map((a) => a.title);
    expect(titles).toEqual(['ac', '<img src=x onerror=alert(1)>']);
  });

  it('refuses a DOCTYPE (billion laughs) instead of expanding entities', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ).join('') +
      ']><msg><appmsg><title>&lol9;</title><url>https://e.com/</url></appmsg></msg>';
    expect(push(lol)).toBeNull();
    expect(parseArticlePush(message(lol))).toBeNull();
    const sneaky = '<msg><!DOCTYPE x [<!ENTITY a "b">]><appmsg><title>&a;</title></appmsg></msg>';
    expect(push(sneaky)).toBeNull();
  });

  it('leaves undeclared entities as text and never throws', () => {
    const xml = '<msg><appmsg><title>&xxe; &amp;amp;</title></appmsg></msg>';
    expect(push(xml)?.articles[0]?.title).toBe('&xxe; &amp;');
  });
});

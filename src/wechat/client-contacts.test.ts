import { describe, expect, it } from 'vitest';
import { createWeChatClient } from './client';
import {
  createRouter,
  text,
  TOKENS,
  type RecordedCall,
  rejectionOf,
} from '../../test/support/wechat';

const NOW = 1_546_211_541_936;
const MM = 'wx2.qq.com/cgi-bin/mmwebwx-bin';

function client(fetch: typeof globalThis.fetch) {
  return createWeChatClient({ fetch, now: () => NOW, random: () => 0.5 });
}

function json(call: RecordedCall): Record<string, unknown> {
  return JSON.parse(call.body) as Record<string, unknown>;
}

describe('getContacts and batchGetContacts (docs/protocol.md §10, §11)', () => {
  const page = (seq: number, names: string[]) =>
    JSON.stringify({
      BaseResponse: { Ret: 0, ErrMsg: '' },
      MemberCount: names.length,
      MemberList: names.map((UserName) => ({ UserName, NickName: UserName, VerifyFlag: 0 })),
      Seq: seq,
    });

  it('follows Seq until 0', async () => {
    const router = createRouter({
      [`${MM}/webwxgetcontact`]: [
        text(page(111, ['@a', '@b'])),
        text(page(222, ['@c'])),
        text(page(0, ['@d'])),
      ],
    });
    const { contacts, gap, pages } = await client(router.fetch).getContacts(TOKENS, '@b');
    expect(gap).toBeNull();
    expect(pages).toBe(3);
    expect(contacts.map((c) => [c.userName, c.kind])).toEqual([
      ['@a', 'person'],
      ['@b', 'self'],
      ['@c', 'person'],
      ['@d', 'person'],
    ]);
    expect(router.calls.map((c) => c.url.searchParams.get('seq'))).toEqual(['0', '111', '222']);
    expect(router.calls[0]!.url.searchParams.get('skey')).toBe(TOKENS.skey);
  });

  it('stops when Seq repeats and says the list may be incomplete', async () => {
    const router = createRouter({
      [`${MM}/webwxgetcontact`]: [text(page(5, ['@a'])), text(page(5, ['@b']))],
    });
    const list = await client(router.fetch).getContacts(TOKENS);
    expect(list.contacts.map((c) => c.userName)).toEqual(['@a', '@b']);
    expect(list.gap).toBe('repeatedSeq');
    expect(router.calls).toHaveLength(2);
  });

  it('stops after 20 pages of an endless cursor and says so', async () => {
    let seq = 0;
    const router = createRouter({
      [`${MM}/webwxgetcontact`]: () => {
        seq += 1;
        return text(page(seq, [`@u${seq}`]));
      },
    });
    const list = await client(router.fetch).getContacts(TOKENS);
    expect(list.contacts).toHaveLength(20);
    expect(list).toMatchObject({ gap: 'pageLimit', pages: 20 });
    expect(router.calls).toHaveLength(20);
  });

  it('keeps the pages read before a 1205 and names the gap (§20)', async () => {
    const limited = JSON.stringify({ BaseResponse: { Ret: 1205, ErrMsg: '' }, MemberList: [] });
    const router = createRouter({
      [`${MM}/webwxgetcontact`]: [text(page(1, ['@a'])), text(page(2, ['@b'])), text(limited)],
    });
    const list = await client(router.fetch).getContacts(TOKENS);
    expect(list).toMatchObject({ gap: 'rateLimited', pages: 3 });
    expect(list.contacts.map((c) => c.userName)).toEqual(['@a', '@b']);
  });

  it('throws a 1205 on the first page, and a malformed page, as named errors', async () => {
    const limited = JSON.stringify({ BaseResponse: { Ret: 1205, ErrMsg: '' }, MemberList: [] });
    const first = createRouter({ [`${MM}/webwxgetcontact`]: [text(limited)] });
    expect((await rejectionOf(client(first.fetch).getContacts(TOKENS))).name).toBe('RateLimited');
    const broken = createRouter({
      [`${MM}/webwxgetcontact`]: [text(page(1, ['@a'])), text('{"BaseResponse":{"Ret":0}}')],
    });
    expect((await rejectionOf(client(broken.fetch).getContacts(TOKENS))).name).toBe('Malformed');
  });

  it('decodes the card and pinyin fields of each contact (§10)', async () => {
    const reply = JSON.stringify({
      BaseResponse: { Ret: 0 },
      MemberList: [
        {
          UserName: '@z',
          NickName: 'Zhang <span class="emoji emoji1f604"></span>',
          RemarkName: '张三',
          Alias: 'zs_01',
          Signature: 'a &amp; b',
          Province: '广东',
          City: '深圳',
          PYInitial: 'ZHANG',
          PYQuanPin: 'Zhang',
          RemarkPYInitial: 'ZS',
          RemarkPYQuanPin: 'zhang san',
        },
      ],
      Seq: 0,
    });
    const router = createRouter({ [`${MM}/webwxgetcontact`]: [text(reply)] });
    const { contacts } = await client(router.fetch).getContacts(TOKENS);
    expect(contacts[0]).toMatchObject({
      displayName: '张三',
      details: {
        nickName: 'Zhang 😄',
        remarkName: '张三',
        alias: 'zs_01',
        signature: 'a & b',
        region: '广东 深圳',
        pyInitial: 'zhang',
        pyQuanPin: 'zhang',
        remarkPyInitial: 'zs',
        remarkPyQuanPin: 'zhangsan',
      },
    });
  });

  it('batchGetContacts posts at most 50 names per call', async () => {
    const names = Array.from({ length: 120 }, (_, i) => `@@g${i}`);
    const router = createRouter({
      [`${MM}/webwxbatchgetcontact`]: (call) => {
        const list = (json(call)['List'] as { UserName: string }[]).map((item) => ({
          UserName: item.UserName,
          NickName: 'g',
        }));
        return text(
          JSON.stringify({ BaseResponse: { Ret: 0 }, Count: list.length, ContactList: list }),
        );
      },
    });
    const contacts = await client(router.fetch).batchGetContacts(TOKENS, names);
    expect(contacts.map((c) => c.userName)).toEqual(names);
    expect(router.calls.map((c) => json(c)['Count'])).toEqual([50, 50, 20]);
    expect(router.calls[0]!.url.searchParams.get('type')).toBe('ex');
  });
});

describe('fetchImage (docs/protocol.md §12)', () => {
  const AVATAR =
    'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1&username=@a&skey=@crypt_1';

  it('returns a data: URL of the bytes with the image type', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0xff, 0xd9]);
    const router = createRouter({
      [`${MM}/webwxgeticon`]: new Response(bytes, { headers: { 'Content-Type': 'image/jpeg' } }),
    });
    expect(await client(router.fetch).fetchImage(AVATAR)).toBe(
      'data:image/jpeg;base64,/9j/4AAQSkb/2Q==',
    );
    expect(router.calls[0]!.init.credentials).toBe('include');
  });

  it('encodes a 1 MB image exactly', async () => {
    const bytes = Uint8Array.from({ length: 1024 * 1024 + 7 }, (_, i) => (i * 31) & 0xff);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // the PNG signature
    bytes.set([0x49, 0x45, 0x4e, 0x44], bytes.length - 8); // its IEND chunk, then the CRC
    const router = createRouter({
      [`${MM}/webwxgeticon`]: new Response(bytes, {
        headers: { 'Content-Type': 'image/png; q=1' },
      }),
    });
    expect(await client(router.fetch).fetchImage(AVATAR)).toBe(
      `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`,
    );
  });

  it('returns null for the empty reply without cookies (§12)', async () => {
    const empty = createRouter({
      [`${MM}/webwxgeticon`]: new Response('', {
        headers: { 'Content-Type': 'text/html; charset=gbk' },
      }),
    });
    expect(await client(empty.fetch).fetchImage(AVATAR)).toBeNull();
    const zero = createRouter({
      [`${MM}/webwxgeticon`]: new Response(new Uint8Array(0), {
        headers: { 'Content-Type': 'image/jpeg' },
      }),
    });
    expect(await client(zero.fetch).fetchImage(AVATAR)).toBeNull();
  });

  it('judges the image by its bytes, not by Content-Type', async () => {
    const reply = (body: BodyInit, type: string) =>
      createRouter({
        [`${MM}/webwxgeticon`]: new Response(body, { headers: { 'Content-Type': type } }),
      });
    const notImage = [
      reply('<html>error</html>', 'image/jpeg'),
      reply('<svg/>', 'text/xml'),
      reply(new Uint8Array([0xff, 0xd8]), 'image/jpeg'), // cut off before the JPEG marker
      reply(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'image/jpeg'), // no EOI
      reply('GIF89a\x01\0\x01\0', 'image/gif'), // no trailer
      reply('RIFF\0\0\0\0WAVE', 'image/webp'),
    ];
    for (const router of notImage) {
      expect((await rejectionOf(client(router.fetch).fetchImage(AVATAR))).name).toBe('Malformed');
    }
    const gif = reply('GIF89a\x01\0\x01\0;', 'application/octet-stream');
    expect(await client(gif.fetch).fetchImage(AVATAR)).toMatch(/^data:image\/gif;base64,R0lGODlh/);
    const webp = reply('RIFF\x08\0\0\0WEBPVP8 ', 'text/html');
    expect(await client(webp.fetch).fetchImage(AVATAR)).toMatch(/^data:image\/webp;base64,/);
  });

  it('fails with TooLarge past 2 MiB instead of keeping the bytes', async () => {
    const bytes = new Uint8Array(2 * 1024 * 1024 + 1);
    bytes.set([0xff, 0xd8, 0xff]);
    const router = createRouter({
      [`${MM}/webwxgeticon`]: new Response(bytes, { headers: { 'Content-Type': 'image/jpeg' } }),
    });
    expect((await rejectionOf(client(router.fetch).fetchImage(AVATAR))).name).toBe('TooLarge');
  });

  it('fetches only https URLs on WeChat hosts, never sending the cookies elsewhere', async () => {
    const router = createRouter({});
    for (const url of [
      'http://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1',
      'https://tracker.example/pixel.gif',
      'https://wx2.qq.com.evil.example/x',
      'https://user@wx2.qq.com/x',
      'https://wx2.qq.com:8443/x',
    ]) {
      expect((await rejectionOf(client(router.fetch).fetchImage(url))).name).toBe('Malformed');
    }
    expect(router.calls).toHaveLength(0);
  });

  it('refuses non-http(s) URLs without fetching', async () => {
    const router = createRouter({});
    expect((await rejectionOf(client(router.fetch).fetchImage('javascript:alert(1)'))).name).toBe(
      'Malformed',
    );
    expect(router.calls).toHaveLength(0);
  });
});

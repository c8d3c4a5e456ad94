import { describe, expect, it } from 'vitest';
import { parseInit } from './parse-json';
import { block, CTX, fixture, patchJson as patch, thrownBy } from '../../test/support/wechat';

const SELF = '@2ea0ad63b5550c8842c95cb987adea2491fc9e3db0899696f696149cd30688e8';
const INIT = fixture('wechat4u_webwxinit.json');

describe('parseInit (docs/protocol.md §8) on the wechat4u fixture', () => {
  const result = parseInit(INIT, CTX, 'wx2.qq.com', '@crypt_xml');

  it('decodes the profile with an absolute avatar URL on the main host', () => {
    expect(result.profile).toEqual({
      uin: 155217200,
      userName: SELF,
      nickName: 'SToneX',
      signature: 'making the world a better place',
      avatarUrl: `https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1980801123&username=${SELF}&skey=@crypt_8e4ad7fa_2703a47aaf8cd4d3e61b855795e38568`,
    });
  });

  it('decodes and classifies all 7 contacts (Count says 11; the list wins)', () => {
    expect(result.contacts.map((c) => [c.displayName, c.kind])).toEqual([
      ['微信红包', 'official'],
      ['成电食堂', 'official'],
      ['顺丰速运', 'official'],
      ['微信卡券', 'official'],
      ['家庭', 'group'],
      ['微信运动', 'official'],
      ['SToneX', 'self'],
    ]);
    expect(result.contacts[4]!.avatarUrl).toMatch(
      /^https:\/\/wx2\.qq\.com\/cgi-bin\/mmwebwx-bin\/webwxgetheadimg\?seq=625238710&username=@@180fa/,
    );
  });

  it('decodes feeds, sync key and SKey', () => {
    expect(result.feeds.map((f) => [f.nickName, f.time, f.articles.length])).toEqual([
      ['SegmentFault', 1463749351, 1],
      ['XBOX早知道', 1463747450, 2],
    ]);
    expect(result.feeds[0]!.articles[0]).toEqual({
      title: '记一次惊心动魄的前端性能优化之旅',
      digest: '记一次线上事故',
      url: 'http://mp.weixin.qq.com/s?__biz=MjM5NTEwMTAwNg==&mid=2650208222&idx=1&sn=312e2be82eb5282951c9b0b6194c8c09&scene=0#rd',
      cover:
        'http://mmbiz.qpic.cn/mmbiz/aVp1YC8UV0dg6DicB8n6CoVTHv0TodBdme3KnWahTv6tmycKC8O2tXOF8TNkPqf6OOgWV16meEadJrZbiaueecCA/640?wxtype=jpeg&wxfrom=0|0|0',
    });
    expect(result.syncKey).toEqual([
      { key: 1, val: 636444437 },
      { key: 2, val: 636445049 },
      { key: 3, val: 636444675 },
      { key: 1000, val: 1463740202 },
    ]);
    expect(result.skey).toBe('@crypt_8e4ad7fa_2703a47aaf8cd4d3e61b855795e38568');
  });

  it('keeps the XML skey when SKey is empty', () => {
    const text = patch(INIT, { SKey: '' });
    expect(parseInit(text, CTX, 'wx2.qq.com', '@crypt_xml').skey).toBe('@crypt_xml');
  });

  it('accepts Uin as a decimal string (§7)', () => {
    const text = patch(INIT, { 'User.Uin': '2801122386' });
    expect(parseInit(text, CTX, 'wx2.qq.com', '').profile.uin).toBe(2801122386);
  });
});

describe('parseInit error skeletons (docs/protocol.md §8, §20)', () => {
  const skeleton = block('issue_samples.txt', 'webwxinit failure skeleton (Ret=1)');

  it.each([
    [1100, 'SessionEnded'],
    [1101, 'SessionEnded'],
    [1102, 'SessionEnded'],
    [1205, 'RateLimited'],
    [1, 'Rejected'],
    [1025, 'Rejected'],
  ])('Ret %i -> %s with the code', (ret, name) => {
    const text = skeleton.replace('"Ret": 1,', `"Ret": ${ret},`);
    const error = thrownBy(() => parseInit(text, CTX, 'wx.qq.com', ''));
    expect(error.name).toBe(name);
    expect(error.code).toBe(ret);
    expect(error.operation).toBe('test');
  });

  it('passes ErrMsg on as the server message', () => {
    const text = patch(INIT, { BaseResponse: { Ret: 1, ErrMsg: 'param error' } });
    expect(thrownBy(() => parseInit(text, CTX, 'wx.qq.com', '')).serverMessage).toBe('param error');
  });
});

describe('hostile webwxinit replies', () => {
  it.each([
    ['truncated JSON', INIT.slice(0, 500), /not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['no BaseResponse', '{}', /BaseResponse is not an object/],
    ['Ret as string', patch(INIT, { 'BaseResponse.Ret': '0' }), /BaseResponse\.Ret/],
    ['User missing', patch(INIT, { User: undefined }), /User is not an object/],
    ['Uin negative', patch(INIT, { 'User.Uin': -1 }), /User\.Uin/],
    ['UserName a number', patch(INIT, { 'User.UserName': 5 }), /User\.UserName/],
    ['ContactList an object', patch(INIT, { ContactList: {} }), /ContactList is not an array/],
    ['contact null', patch(INIT, { 'ContactList.2': null }), /ContactList\[2\]/],
    [
      'contact UserName missing',
      patch(INIT, { 'ContactList.3.UserName': undefined }),
      /ContactList\[3\]\.UserName/,
    ],
    ['SyncKey Val a string', patch(INIT, { 'SyncKey.List.1.Val': '1' }), /SyncKey\.List\[1\]\.Val/],
  ])('%s -> Malformed naming the field', (_label, text, message) => {
    const error = thrownBy(() => parseInit(text, CTX, 'wx.qq.com', ''));
    expect(error.name).toBe('Malformed');
    expect(error.message).toMatch(message);
  });

  it('defaults cosmetic fields of the wrong type', () => {
    const text = patch(INIT, {
      'ContactList.0.NickName': 42,
      'ContactList.0.MemberCount': 'many',
      'ContactList.0.HeadImgUrl': null,
      MPSubscribeMsgList: [null, { MPArticleList: 'x' }],
    });
    const result = parseInit(text, CTX, 'wx.qq.com', '');
    expect(result.contacts[0]).toMatchObject({ displayName: '', memberCount: 0, avatarUrl: '' });
    expect(result.feeds).toEqual([{ userName: '', nickName: '', time: 0, articles: [] }]);
  });

  it('keeps markup in names inert and drops javascript: article URLs', () => {
    const text = patch(INIT, {
      'ContactList.1.NickName': '<img src=x onerror=alert(1)>',
      'ContactList.2.NickName': '&lt;img src=x onerror=alert(1)&gt;',
      'ContactList.3.HeadImgUrl': 'javascript:alert(1)',
      'MPSubscribeMsgList.0.MPArticleList.0.Url': 'javascript:alert(1)',
      'MPSubscribeMsgList.0.MPArticleList.0.Cover': 'data:image/svg+xml,<svg onload=alert(1)>',
    });
    const result = parseInit(text, CTX, 'wx.qq.com', '');
    expect(result.contacts[1]!.displayName).toBe('<img src=x onerror=alert(1)>');
    expect(result.contacts[2]!.displayName).toBe('<img src=x onerror=alert(1)>');
    expect(result.contacts[3]!.avatarUrl).toBe('');
    expect(result.feeds[0]!.articles[0]).toMatchObject({ url: '', cover: '' });
  });

  it('decodes a 5 MB reply (20 000 contacts) in linear time', () => {
    const contacts = Array.from({ length: 20_000 }, (_, i) => ({
      UserName: `@${i.toString(16).padStart(32, '0')}`,
      NickName: `n${i}<span class="emoji emoji1f604"></span>${'x'.repeat(200)}`,
      HeadImgUrl: `/cgi-bin/mmwebwx-bin/webwxgeticon?seq=${i}`,
      VerifyFlag: i % 2 === 0 ? 0 : 8,
    }));
    const text = patch(INIT, { ContactList: contacts });
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = parseInit(text, CTX, 'wx.qq.com', '');
    expect(result.contacts).toHaveLength(20_000);
    expect(result.contacts[19_999]!.kind).toBe('official');
    expect(result.contacts[0]!.displayName.startsWith('n0\u{1f604}x')).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

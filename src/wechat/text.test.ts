import { describe, expect, it } from 'vitest';
import { classify, cleanText, emojiFromId, safeUrl } from './text';

const span = (id: string) => `<span class="emoji emoji${id}"></span>`;

describe('cleanText emoji spans (docs/protocol.md §19)', () => {
  it.each([
    ['a9', '\u00a9'], // 2 hex: ©
    ['ae', '\u00ae'],
    ['263a', '\u263a'], // 4 hex
    ['1f604', '\u{1f604}'], // 5 hex
    ['3320e3', '3\u20e3'], // 6 hex = 2+4 keycap
    ['00230023', '##'], // 8 hex = 4+4
    ['1f1e81f1f3', '\u{1f1e8}\u{1f1f3}'], // 10 hex = 5+5 flag
    ['1F604', '\u{1f604}'], // upper-case hex
  ])('%s -> %s', (id, expected) => {
    expect(cleanText(`x${span(id)}y`)).toBe(`x${expected}y`);
  });

  it('converts the span from the webwxsync fixture NickName', () => {
    expect(cleanText('吃圡死月不會碼代碼<span class="emoji emoji1f31b"></span>')).toBe(
      '吃圡死月不會碼代碼\u{1f31b}',
    );
  });

  it.each([
    ['1f63c', '\u{1f601}'],
    ['1f639', '\u{1f602}'],
    ['1f63a', '\u{1f603}'],
    ['1f4ab', '\u{1f616}'],
    ['1f64d', '\u{1f614}'],
    ['1f63b', '\u{1f60d}'],
    ['1f63d', '\u{1f618}'],
    ['1f64e', '\u{1f621}'],
    ['1f63f', '\u{1f622}'],
  ])('remaps the wrong cat face %s -> %s (ITCHAT)', (id, expected) => {
    expect(cleanText(span(id))).toBe(expected);
    expect(emojiFromId(id)).toBe(expected);
  });

  it('repairs a truncated `</span` without `>`', () => {
    expect(cleanText('hi<span class="emoji emoji1f450"></span and more')).toBe(
      'hi\u{1f450} and more',
    );
    expect(cleanText('<span class="emoji emoji1f450"></span')).toBe('\u{1f450}');
  });

  it('converts an entity-escaped span as well (names seen escaped, wxBot#11)', () => {
    expect(cleanText('&lt;span class=&quot;emoji emoji1f604&quot;&gt;&lt;/span&gt;!')).toBe(
      '\u{1f604}!',
    );
  });

  it('replaces impossible ids with U+FFFD instead of leaving markup', () => {
    expect(cleanText(span('abc'))).toBe('\ufffd'); // 3 hex: no rule
    expect(cleanText(span('d800'))).toBe('\ufffd'); // lone surrogate
    expect(cleanText(span('00'))).toBe('\ufffd'); // control character
    expect(cleanText(span('d800dc00'))).toBe('\ufffd\ufffd'); // 4+4 surrogate halves
    expect(cleanText(span('1234567'))).toBe('\ufffd'); // 7 hex: no rule
  });
});

describe('cleanText <br/> and entities', () => {
  it('turns <br/> variants into newlines', () => {
    expect(cleanText('a<br/>b<br>c<br />d<BR/>e')).toBe('a\nb\nc\nd\ne');
  });

  it('decodes named, decimal and hex entities', () => {
    expect(cleanText('&lt;a&gt; &amp; &quot;q&quot; &apos;s&#39; &nbsp;&hellip;')).toBe(
      '<a> & "q" \'s\' \u00a0\u2026',
    );
    expect(cleanText('&#20320;&#x597D;&#X1F604;')).toBe('你好\u{1f604}');
    expect(cleanText('&#10;')).toBe('\n');
  });

  it('decodes in one pass, after <br/> (so an escaped <br/> stays text)', () => {
    expect(cleanText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
    expect(cleanText('&lt;br/&gt;')).toBe('<br/>');
  });

  it('leaves unknown or malformed entities alone and rejects impossible code points', () => {
    expect(cleanText('&bogus; &amp &#xD800; &#0; &#99999999;')).toBe(
      '&bogus; &amp \ufffd \ufffd &#99999999;',
    );
  });

  it('keeps an escaped tag as literal text (never markup)', () => {
    const out = cleanText('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toBe('<img src=x onerror=alert(1)>');
    expect(typeof out).toBe('string');
  });

  it('decodes the StatusNotify content shape', () => {
    expect(cleanText("&lt;msg&gt;<br/>&lt;op id='4'&gt;")).toBe("<msg>\n<op id='4'>");
  });
});

describe('safeUrl', () => {
  it('keeps http and https URLs unchanged', () => {
    const url = 'http://mp.weixin.qq.com/s?__biz=MjM5NTEwMTAwNg==&mid=2650208222&idx=1#rd';
    expect(safeUrl(url)).toBe(url);
    expect(safeUrl('https://wx.qq.com/x')).toBe('https://wx.qq.com/x');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative/path',
    'not a url',
    '',
  ])('drops %j', (url) => {
    expect(safeUrl(url)).toBe('');
  });
});

describe('classify (docs/protocol.md §10, §19)', () => {
  const self = '@2ea0ad63b5550c8842c95cb987adea2491fc9e3db0899696f696149cd30688e8';
  it.each([
    [{ UserName: self, VerifyFlag: 0 }, 'self'],
    [{ UserName: '@@180fa413a597f0f313529f756a974f02', VerifyFlag: 0 }, 'group'],
    [{ UserName: '902809793@chatroom' }, 'group'],
    [{ UserName: '@2035c3436177335bc3f0e756e7cc354a', VerifyFlag: 8 }, 'official'],
    [{ UserName: '@7f504ff04e223e8cda9ece47f040c6b7', VerifyFlag: 24 }, 'official'],
    [{ UserName: 'filehelper', VerifyFlag: 0 }, 'special'],
    [{ UserName: 'newsapp' }, 'special'],
    [{ UserName: 'fmessage' }, 'special'],
    [{ UserName: '12345@qqim' }, 'special'],
    [{ UserName: 'x@talkroom' }, 'special'],
    [{ UserName: '@cb02debe048f5f4381b5d6276b686594', VerifyFlag: 0 }, 'person'],
    [{ UserName: '@cb02debe048f5f4381b5d6276b686594', VerifyFlag: 16 }, 'person'],
  ] as const)('%j -> %s', (raw, kind) => {
    expect(classify(raw, self)).toBe(kind);
  });

  it('never calls anything "self" when the own UserName is unknown', () => {
    expect(classify({ UserName: '' }, '')).toBe('person');
    expect(classify({ UserName: '@abc' }, '')).toBe('person');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeMessage } from './message';
import type { WireMessage } from './wire';

const wire = (patch: Partial<WireMessage>): WireMessage => ({
  msgId: '1',
  fromUserName: '@a',
  toUserName: '@me',
  msgType: 1,
  content: 'hi',
  createTime: 200,
  appMsgType: 0,
  url: '',
  fileName: '',
  fileSize: 0,
  statusNotifyCode: 0,
  statusNotifyUserName: '',
  ...patch,
});
const base = { msgId: '1', fromUserName: '@a', toUserName: '@me', createTime: 200 };

describe('decodeMessage (docs/protocol.md §14, §19)', () => {
  it('decodes text: entities, <br/> and the group sender prefix', () => {
    expect(decodeMessage(wire({ content: 'a &lt; b<br/>c' }))).toEqual({
      ...base,
      kind: 'text',
      sender: '',
      text: 'a < b\nc',
    });
    const group = wire({ fromUserName: '@@g', content: '@member123:<br/>dinner &amp; a film?' });
    expect(decodeMessage(group)).toMatchObject({
      kind: 'text',
      fromUserName: '@@g',
      sender: '@member123',
      text: 'dinner & a film?',
    });
  });

  it('reads the phone chat list (MsgType 51, StatusNotifyCode 4); other codes say nothing', () => {
    const order = wire({
      msgType: 51,
      statusNotifyCode: 4,
      statusNotifyUserName: '@mp,@unknown,@a',
    });
    expect(decodeMessage(order)).toEqual({
      ...base,
      kind: 'chatOrder',
      chats: ['@mp', '@unknown', '@a'],
    });
    expect(decodeMessage(wire({ msgType: 51, statusNotifyCode: 2 }))).toEqual({
      ...base,
      kind: 'phoneStatus',
    });
  });

  it('tells system notices (9999, 10000) and recalls (10002) from messages', () => {
    expect(decodeMessage(wire({ msgType: 10000, content: 'X joined &amp; left' }))).toEqual({
      ...base,
      kind: 'system',
      text: 'X joined & left',
    });
    expect(decodeMessage(wire({ msgType: 9999 })).kind).toBe('system');
    expect(decodeMessage(wire({ msgType: 10002 }))).toEqual({
      ...base,
      kind: 'recall',
      recalledMsgId: '',
    });
  });

  it('names the message a recall takes back, escaped or not, and nothing else of it', () => {
    const xml =
      '<sysmsg type="revokemsg"><revokemsg><session>@a</session><oldmsgid>1</oldmsgid>' +
      '<msgid>4442356190966618405</msgid><replacemsg><![CDATA["A" recalled a message]]></replacemsg>' +
      '</revokemsg></sysmsg>';
    const escaped = xml.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const content of [xml, escaped]) {
      expect(decodeMessage(wire({ msgType: 10002, content }))).toMatchObject({
        kind: 'recall',
        recalledMsgId: '4442356190966618405',
      });
    }
    const hostile = '&lt;msgid&gt;12 OR <script>&lt;/msgid&gt;';
    expect(decodeMessage(wire({ msgType: 10002, content: hostile }))).toMatchObject({
      recalledMsgId: '',
    });
  });

  it('decodes an article push (MsgType 49, AppMsgType 5)', () => {
    const xml =
      '<msg><appmsg><title>A</title><type>5</type><mmreader><category count="2"><name>News</name>' +
      '<item><title>New one</title><url>https://mp.weixin.qq.com/s?new</url><digest>d</digest></item>' +
      '<item><title>Old</title><url>https://mp.weixin.qq.com/s?old</url></item>' +
      '</category></mmreader></appmsg></msg>';
    const content = xml.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const push = wire({
      fromUserName: '@mp',
      msgType: 49,
      appMsgType: 5,
      content,
      createTime: 300,
    });
    expect(decodeMessage(push)).toEqual({
      ...base,
      fromUserName: '@mp',
      createTime: 300,
      kind: 'articlePush',
      push: {
        accountUserName: '@mp',
        accountName: 'News',
        time: 300,
        articles: [
          { title: 'New one', digest: 'd', url: 'https://mp.weixin.qq.com/s?new', cover: '' },
          { title: 'Old', digest: '', url: 'https://mp.weixin.qq.com/s?old', cover: '' },
        ],
      },
    });
  });

  it('names what anything else carries; an unusable push is a link', () => {
    expect(decodeMessage(wire({ msgType: 3, content: '' }))).toEqual({
      ...base,
      kind: 'other',
      carries: 'image',
      sender: '',
      detail: { title: '', url: '', size: 0 },
    });
    expect(decodeMessage(wire({ msgType: 62 }))).toMatchObject({ kind: 'other', carries: 'video' });
    expect(decodeMessage(wire({ msgType: 37 }))).toMatchObject({
      kind: 'other',
      carries: 'unknown',
    });
    const broken = wire({ msgType: 49, appMsgType: 5, content: '&lt;msg&gt;' });
    expect(decodeMessage(broken)).toMatchObject({ kind: 'other', carries: 'link' });
  });

  it('keeps what is known of a file and a link, and only http(s) links', () => {
    const file = wire({ msgType: 49, appMsgType: 6, fileName: 'report&amp;.pdf', fileSize: 2048 });
    expect(decodeMessage(file)).toMatchObject({
      kind: 'other',
      carries: 'file',
      detail: { title: 'report&.pdf', url: '', size: 2048 },
    });
    const link = wire({ msgType: 49, appMsgType: 5, fileName: 'Read', url: 'https://e.example/a' });
    expect(decodeMessage(link)).toMatchObject({
      carries: 'link',
      detail: { title: 'Read', url: 'https://e.example/a' },
    });
  });

  it('names the group sender of a picture as it does for text', () => {
    const image = wire({ fromUserName: '@@g', msgType: 3, content: '@m1:<br/>&lt;msg/&gt;' });
    expect(decodeMessage(image)).toMatchObject({ kind: 'other', carries: 'image', sender: '@m1' });
  });

  it('names every attachment kind of §14 by MsgType, never passing on its XML', () => {
    const kinds: [number, number, string][] = [
      [3, 0, 'image'],
      [34, 0, 'voice'],
      [42, 0, 'card'],
      [43, 0, 'video'],
      [47, 0, 'sticker'],
      [48, 0, 'location'],
      [62, 0, 'video'],
      [49, 6, 'file'],
      [49, 2001, 'link'],
      [50, 0, 'unknown'],
      [12345, 0, 'unknown'],
    ];
    const xml = '&lt;msg&gt;&lt;img src="https://evil.example/x"/&gt;&lt;/msg&gt;';
    for (const [msgType, appMsgType, carries] of kinds) {
      const decoded = decodeMessage(wire({ msgType, appMsgType, content: xml }));
      expect(decoded, `MsgType ${msgType}/${appMsgType}`).toMatchObject({ kind: 'other', carries });
      expect(JSON.stringify(decoded)).not.toContain('evil.example');
    }
  });
});

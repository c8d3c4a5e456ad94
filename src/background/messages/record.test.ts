import { describe, expect, it } from 'vitest';
import type { Message } from '../../wechat';
import { chatChange } from './record';

const base = { msgId: '1', fromUserName: '@a', toUserName: '@me', createTime: 5 };
const feed = (user: string) => user === '@mp';
const push = (from: string): Message => ({
  ...base,
  fromUserName: from,
  kind: 'articlePush',
  push: {
    accountUserName: from,
    accountName: '',
    time: 5,
    articles: [
      { title: 'One', digest: '', url: 'https://mp.weixin.qq.com/s?1', cover: '' },
      { title: 'Two', digest: '', url: 'https://mp.weixin.qq.com/s?2', cover: '' },
    ],
  },
});

describe('chatChange: what a decoded message does to the kept chats', () => {
  it('keeps text in the sender’s chat, and the user’s own in the chat it went to', () => {
    expect(chatChange({ ...base, kind: 'text', sender: '', text: 'hi' }, '@me', feed)).toEqual({
      type: 'keep',
      sender: '',
      entry: {
        ...{ msgId: '1', chat: '@a', time: 5, outgoing: false, recalled: false, senderName: '' },
        body: { type: 'text', text: 'hi' },
      },
    });
    const own = { ...base, fromUserName: '@me', toUserName: '@a', kind: 'text' as const };
    expect(chatChange({ ...own, sender: '', text: 'yo' }, '@me', feed)).toMatchObject({
      entry: { chat: '@a', outgoing: true },
    });
  });

  it('names a group sender to look up, only in a group', () => {
    const group = { ...base, fromUserName: '@@g', kind: 'text' as const, sender: '@m', text: 'x' };
    expect(chatChange(group, '@me', feed)).toMatchObject({ sender: '@m', entry: { chat: '@@g' } });
  });

  it('labels attachments with what is known, and keeps unknown kinds as unsupported', () => {
    const file: Message = {
      ...base,
      kind: 'other',
      carries: 'file',
      sender: '',
      detail: { title: 'a.pdf', url: '', size: 10 },
    };
    expect(chatChange(file, '@me', feed)).toMatchObject({
      entry: { body: { type: 'attachment', carries: 'file', title: 'a.pdf', size: 10 } },
    });
    const unknown: Message = {
      ...file,
      carries: 'unknown',
      detail: { title: '', url: '', size: 0 },
    };
    expect(chatChange(unknown, '@me', feed)).toMatchObject({
      entry: { body: { type: 'attachment', carries: 'unknown' } },
    });
  });

  it('keeps a shared link in the person’s chat, and an official push in its chat as a link', () => {
    expect(chatChange(push('@a'), '@me', feed)).toMatchObject({
      entry: {
        chat: '@a',
        body: { carries: 'link', title: 'One', url: 'https://mp.weixin.qq.com/s?1' },
      },
    });
    expect(chatChange(push('@mp'), '@me', feed)).toMatchObject({
      entry: { chat: '@mp', body: { carries: 'link', title: 'One (+1)' } },
    });
  });

  it('turns a recall into a mark on the recalled message; the chat list and phone status keep nothing', () => {
    expect(chatChange({ ...base, kind: 'recall', recalledMsgId: '9' }, '@me', feed)).toEqual({
      type: 'recall',
      msgId: '9',
    });
    expect(chatChange({ ...base, kind: 'recall', recalledMsgId: '' }, '@me', feed).type).toBe(
      'none',
    );
    expect(chatChange({ ...base, kind: 'chatOrder', chats: [] }, '@me', feed).type).toBe('none');
    expect(chatChange({ ...base, kind: 'phoneStatus' }, '@me', feed).type).toBe('none');
  });
});

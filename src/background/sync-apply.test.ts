import { describe, expect, it } from 'vitest';
import type { ArticlePush, Contact, Message, SyncResult } from '../wechat';
import type { Dashboard } from '../shared/view';
import { withDetails } from '../../test/support/book-entry';
import { applySync } from './sync-apply';

const entry = withDetails;
const contact = (userName: string, kind: Contact['kind'], displayName = userName): Contact => ({
  userName,
  displayName,
  kind,
  avatarUrl: '',
  memberCount: 0,
});
const dashboard: Dashboard = {
  profile: { uin: 1, userName: '@me', nickName: 'Me', signature: '', avatarUrl: '' },
  contacts: [
    contact('@a', 'person', 'Ann'),
    contact('@@g', 'group', 'Family'),
    contact('@mp', 'official'),
  ],
  feeds: [
    {
      userName: '@mp',
      nickName: 'News',
      time: 100,
      articles: [{ title: 'Old', digest: '', url: 'https://mp.weixin.qq.com/s?old', cover: '' }],
    },
  ],
  avatars: {},
  unread: {},
};
/** A decoded message (src/wechat/message.ts decodes the wire; its tests cover that part). */
const message = (patch: Partial<Message>): Message =>
  ({
    msgId: String(Math.random()),
    fromUserName: '@a',
    toUserName: '@me',
    createTime: 200,
    kind: 'text',
    sender: '',
    text: 'hi',
    ...patch,
  }) as Message;
const result = (patch: Partial<SyncResult>): SyncResult => ({
  messages: [],
  modifiedContacts: [],
  deletedContacts: [],
  syncKey: [],
  syncCheckKey: [],
  skey: '',
  ...patch,
});
const names = (d: Dashboard) => d.contacts.map((c) => c.userName);

describe('applySync', () => {
  it('counts messages from people and groups, moves their chat to the top', () => {
    const out = applySync(
      dashboard,
      result({
        messages: [
          message({ fromUserName: '@@g', sender: '@member123', text: 'dinner & a film?' }),
          message({ fromUserName: '@a', kind: 'other', carries: 'image' }),
          message({ fromUserName: '@a' }),
        ],
      }),
    );
    expect(out.dashboard.unread).toEqual({ '@@g': 1, '@a': 2 });
    expect(names(out.dashboard)).toEqual(['@a', '@@g', '@mp']);
    expect(out.incoming).toEqual([
      { chat: '@@g', text: 'dinner & a film?', carries: null },
      { chat: '@a', text: '', carries: 'image' },
      { chat: '@a', text: 'hi', carries: null },
    ]);
  });

  it('does not count own messages, status notifications, system notices or official accounts', () => {
    const out = applySync(
      dashboard,
      result({
        messages: [
          message({ fromUserName: '@me', toUserName: '@@g' }),
          message({ kind: 'system', text: '' }),
          message({ fromUserName: '@mp' }),
        ],
      }),
    );
    expect(out.dashboard.unread).toEqual({});
    expect(out.incoming).toEqual([]);
    // Every chat with activity still moves up; the last one active comes first.
    expect(names(out.dashboard)[0]).toBe('@mp');
  });

  it('orders the chats as the phone lists them (MsgType 51, StatusNotifyCode 4)', () => {
    const out = applySync(
      dashboard,
      result({
        messages: [
          message({
            fromUserName: '@me',
            kind: 'chatOrder',
            chats: ['@mp', '@unknown', '@a'],
          }),
        ],
      }),
    );
    expect(names(out.dashboard)).toEqual(['@mp', '@a', '@@g']);
    expect(out.unknownChats).toEqual([]);
  });

  it('applies ModContactList and DelContactList', () => {
    const out = applySync(
      { ...dashboard, unread: { '@a': 3 } },
      result({
        modifiedContacts: [
          entry(contact('@@g', 'group', 'Family (renamed)')),
          entry(contact('@new', 'person', 'Ned')),
        ],
        deletedContacts: ['@a'],
      }),
    );
    expect(out.dashboard.contacts.map((c) => c.displayName)).toEqual([
      'Ned',
      'Family (renamed)',
      '@mp',
    ]);
    expect(out.dashboard.unread).toEqual({});
  });

  it('adds pushed articles to the reading list, newest first, without duplicates', () => {
    const push: ArticlePush = {
      accountUserName: '@mp',
      accountName: 'News',
      time: 300,
      articles: [
        { title: 'New one', digest: 'd', url: 'https://mp.weixin.qq.com/s?new', cover: '' },
        { title: 'Old', digest: '', url: 'https://mp.weixin.qq.com/s?old', cover: '' },
      ],
    };
    const out = applySync(
      dashboard,
      result({
        messages: [message({ fromUserName: '@mp', kind: 'articlePush', push, createTime: 300 })],
      }),
    );
    const feed = out.dashboard.feeds[0];
    expect(feed?.time).toBe(300);
    expect(feed?.articles.map((a) => a.title)).toEqual(['New one', 'Old']);
    expect(out.dashboard.unread).toEqual({});
  });

  it('reports chats it cannot name', () => {
    const out = applySync(
      dashboard,
      result({ messages: [message({ fromUserName: '@stranger' })] }),
    );
    expect(out.unknownChats).toEqual(['@stranger']);
    expect(out.dashboard.unread).toEqual({ '@stranger': 1 });
  });

  it('files a push from an official account in the reading list, a link from a person in their chat', () => {
    const push: ArticlePush = {
      accountUserName: '@a',
      accountName: '',
      time: 300,
      articles: [{ title: 'Look', digest: '', url: 'https://e.example/look', cover: '' }],
    };
    const out = applySync(
      dashboard,
      result({
        messages: [
          message({ fromUserName: '@a', kind: 'articlePush', push }),
          message({
            fromUserName: '@mp',
            kind: 'articlePush',
            push: { ...push, accountUserName: '@mp' },
          }),
        ],
      }),
    );
    expect(out.dashboard.feeds.find((f) => f.userName === '@a')).toBeUndefined();
    expect(out.dashboard.feeds.find((f) => f.userName === '@mp')?.articles[0]?.title).toBe('Look');
    expect(out.dashboard.unread).toEqual({ '@a': 1 });
    expect(out.incoming).toEqual([{ chat: '@a', text: '', carries: 'link' }]);
  });
});

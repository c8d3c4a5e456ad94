import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Message, SentText } from '../../wechat';
import { WeChatError } from '../../wechat/errors';
import { chatsChangedItem, sessionItem } from '../../shared/storage';
import { createMemoryAreas } from '../../../test/support/storage';
import { createStore } from '../store';
import { createChats } from './chats';
import { openMessageDb } from './db';
import { createSenderNames } from './names';
import { storedSession } from '../../../test/support/session';

const session = storedSession({
  tokens: {
    uin: 1,
    sid: 'sid',
    skey: 'skey',
    passTicket: 'p',
    hosts: { main: 'wx.qq.com', login: 'l', file: 'f', push: 'p' },
  },
  syncKey: [],
  dashboard: {
    profile: { uin: 1, userName: '@me', nickName: 'Me', signature: '', avatarUrl: '' },
    contacts: [
      { userName: '@a', displayName: 'Ann', kind: 'person', avatarUrl: '', memberCount: 0 },
    ],
    unread: { '@a': 2, '@b': 1 },
  },
});

let dbCount = 0;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function setup() {
  const store = createStore(createMemoryAreas());
  await store.set(sessionItem, session);
  let next = 0;
  const client = {
    newLocalId: vi.fn(() => `L${++next}`),
    sendText: vi.fn<(...args: unknown[]) => Promise<SentText>>(),
    markRead: vi.fn(async () => undefined),
    groupMembers: vi.fn(async () => [{ userName: '@m1', displayName: 'Bob' }]),
  };
  const now = vi.fn(() => 1_700_000_000_000);
  const db = openMessageDb(`chats-${++dbCount}`);
  const chats = createChats({ client, store, db, now, names: createSenderNames({ client, now }) });
  return { store, client, chats, db };
}

const text = (patch: Partial<Message>): Message =>
  ({
    msgId: '10',
    fromUserName: '@a',
    toUserName: '@me',
    createTime: 1,
    kind: 'text',
    sender: '',
    text: 'hi',
    ...patch,
  }) as Message;

describe('the chats', () => {
  it('keeps synced messages, names group senders, marks recalls and says which chats changed', async () => {
    const { chats, store, client } = await setup();
    await chats.onSync(
      [
        text({}),
        text({ msgId: '11', fromUserName: '@@g', sender: '@m1', text: 'hello all' }),
        text({ msgId: '12', fromUserName: '@me', toUserName: '@a', text: 'from my phone' }),
        { ...text({ msgId: '13' }), kind: 'recall', recalledMsgId: '10' } as Message,
      ],
      session,
    );
    const a = await chats.list('@a');
    expect(a.map((e) => [e.msgId, e.outgoing, e.recalled])).toEqual([
      ['10', false, true],
      ['12', true, false],
    ]);
    expect((await chats.list('@@g'))[0]).toMatchObject({
      senderName: 'Bob',
      body: { text: 'hello all' },
    });
    expect(client.groupMembers).toHaveBeenCalledTimes(1);
    expect([...(await store.get(chatsChangedItem)).chats].sort()).toEqual(['@@g', '@a']);
  });

  it('opening a chat clears its count only and tells the phone (Code 1)', async () => {
    const { chats, store, client } = await setup();
    await chats.open('@a');
    await chats.idle();
    expect(client.markRead).toHaveBeenCalledWith(session.tokens, '@me', '@a');
    expect((await store.get(sessionItem))?.dashboard?.unread).toEqual({ '@b': 1 });
  });

  it('shows a reply as sending, then sent with the server MsgID', async () => {
    const { chats, client } = await setup();
    const reply = deferred<SentText>();
    client.sendText.mockReturnValueOnce(reply.promise);
    expect(await chats.send('@a', 'hi there')).toEqual({ type: 'queued', localId: 'L1' });
    expect((await chats.list('@a'))[0]?.send).toEqual({ state: 'sending', localId: 'L1' });
    expect(client.sendText).toHaveBeenCalledWith(session.tokens, {
      from: '@me',
      to: '@a',
      text: 'hi there',
      localId: 'L1',
    });
    reply.resolve({ msgId: '555', localId: 'L1' });
    await chats.idle();
    expect((await chats.list('@a'))[0]).toMatchObject({ msgId: '555', send: { state: 'sent' } });
    // The server's echo of the sent message (FromUserName = self, §15) is not shown twice.
    await chats.onSync([text({ msgId: '555', fromUserName: '@me', toUserName: '@a' })], session);
    expect(await chats.list('@a')).toHaveLength(1);
  });

  it('a failed send says why; retry sends the same LocalID once, never while in flight', async () => {
    const { chats, client } = await setup();
    client.sendText.mockRejectedValueOnce(
      new WeChatError('RateLimited', 'rate limited (1205)', {
        operation: 'webwxsendmsg',
        url: 'https://wx.qq.com/x',
        code: 1205,
      }),
    );
    await chats.send('@a', 'hi');
    await chats.idle();
    expect((await chats.list('@a'))[0]?.send).toMatchObject({
      state: 'failed',
      error: { name: 'RateLimited' },
    });
    const reply = deferred<SentText>();
    client.sendText.mockReturnValueOnce(reply.promise);
    await chats.retry('@a', 'L1');
    await chats.retry('@a', 'L1');
    expect(client.sendText).toHaveBeenCalledTimes(2);
    expect(client.sendText.mock.calls[1]?.[1]).toMatchObject({ localId: 'L1' });
    reply.resolve({ msgId: '777', localId: 'L1' });
    await chats.idle();
    await chats.retry('@a', 'L1');
    expect(client.sendText).toHaveBeenCalledTimes(2);
    expect((await chats.list('@a'))[0]).toMatchObject({ msgId: '777', send: { state: 'sent' } });
  });

  it('refuses the 11th send in a minute without sending it', async () => {
    const { chats, client } = await setup();
    client.sendText.mockResolvedValue({ msgId: '', localId: '' });
    for (let i = 0; i < 10; i++) expect((await chats.send('@a', `m${i}`)).type).toBe('queued');
    expect(await chats.send('@a', 'one too many')).toEqual({
      type: 'limited',
      retryAt: 1_700_000_060_000,
    });
    await chats.idle();
    expect(client.sendText).toHaveBeenCalledTimes(10);
  });

  it('clear forgets every kept message', async () => {
    const { chats } = await setup();
    await chats.onSync([text({})], session);
    await chats.clear();
    expect(await chats.list('@a')).toEqual([]);
  });
});

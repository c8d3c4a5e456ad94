import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ChatEntry } from '../../shared/chat';
import { openMessageDb } from './db';

let dbCount = 0;
const fresh = (limits?: { perChat: number; total: number }) =>
  openMessageDb(`test-${++dbCount}`, limits);

const entry = (chat: string, msgId: string, text = msgId): ChatEntry => ({
  msgId,
  chat,
  time: 100,
  outgoing: false,
  senderName: '',
  body: { type: 'text', text },
  recalled: false,
});
const ids = (list: readonly ChatEntry[]) => list.map((e) => e.msgId);

describe('the kept messages (IndexedDB)', () => {
  it('keeps each chat in arrival order and skips a MsgId it already has', async () => {
    const db = fresh();
    expect(await db.add([entry('@a', '1'), entry('@b', '2'), entry('@a', '3')])).toEqual([
      '@a',
      '@b',
    ]);
    expect(await db.add([entry('@a', '1', 'again'), entry('@a', '4')])).toEqual(['@a']);
    expect(await db.add([entry('@a', '4')])).toEqual([]);
    const a = await db.list('@a');
    expect(ids(a)).toEqual(['1', '3', '4']);
    expect(a[0]?.body).toEqual({ type: 'text', text: '1' });
    expect(ids(await db.list('@b'))).toEqual(['2']);
  });

  it('drops the oldest of a chat past its bound, and the oldest of all past the total', async () => {
    const db = fresh({ perChat: 3, total: 5 });
    await db.add(['1', '2', '3', '4'].map((id) => entry('@a', id)));
    expect(ids(await db.list('@a'))).toEqual(['2', '3', '4']);
    await db.add([entry('@b', '5'), entry('@b', '6'), entry('@b', '7')]);
    expect(ids(await db.list('@a'))).toEqual(['3', '4']);
    expect(ids(await db.list('@b'))).toEqual(['5', '6', '7']);
  });

  it('changes a message by MsgId and keeps one copy when the sent echo came first', async () => {
    const db = fresh();
    await db.add([entry('@a', 'local:1'), entry('@a', '99')]);
    expect(await db.change('local:1', (e) => ({ ...e, msgId: '99' }))).toBe('@a');
    expect(ids(await db.list('@a'))).toEqual(['99']);
    expect(await db.change('nope', (e) => e)).toBeNull();
  });

  it('forgets everything on clear', async () => {
    const db = fresh();
    await db.add([entry('@a', '1')]);
    await db.clear();
    expect(await db.list('@a')).toEqual([]);
  });
});

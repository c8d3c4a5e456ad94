/** synccheck (§13) and webwxsync (§14) with the real client against the simulator. */
import { describe, expect, it } from 'vitest';
import type { SyncKey } from '../../src/wechat';
import { harness, HOLD_MS, loggedIn, useSimulator } from './helpers';

const TIMEOUT_MS = 3000;

const ctx = useSimulator({ syncHoldMs: HOLD_MS });

const val = (keys: SyncKey, key: number): number | undefined =>
  keys.find((k) => k.key === key)?.val;

describe('sync', () => {
  it('holds with selector 0, reports a text message, syncs it, then is quiet again', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const self = init.profile.userName;
    const friend = init.contacts.find((c) => c.displayName === '韩梅梅');
    expect(friend?.kind).toBe('person');

    let t0 = Date.now();
    expect(await client.syncCheck(tokens, init.syncKey)).toEqual({ retcode: 0, selector: 0 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(HOLD_MS - 20);

    const msgId = ctx.sim.phone.message('hello');
    t0 = Date.now();
    expect(await client.syncCheck(tokens, init.syncKey)).toEqual({ retcode: 0, selector: 2 });
    expect(Date.now() - t0).toBeLessThan(HOLD_MS);

    const result = await client.sync(tokens, init.syncKey, self);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toEqual({
      msgId,
      kind: 'text',
      sender: '',
      text: 'hello',
      fromUserName: friend?.userName,
      toUserName: self,
      createTime: expect.any(Number),
    });
    expect(result.skey).toBe(tokens.skey);
    expect(result.syncKey).not.toEqual(init.syncKey);
    expect(result.syncKey.map((k) => k.key)).toEqual([1, 2, 3, 11, 13, 201, 203, 1000, 1001, 1002]);
    expect(val(result.syncKey, 2)).toBe((val(init.syncKey, 2) ?? 0) + 1);
    expect(result.syncCheckKey).toEqual(result.syncKey);

    t0 = Date.now();
    expect(await client.syncCheck(tokens, result.syncCheckKey)).toEqual({
      retcode: 0,
      selector: 0,
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(HOLD_MS - 20);
    const again = await client.sync(tokens, result.syncKey, self);
    expect(again.messages).toEqual([]);
  });

  it('keeps reporting the message until webwxsync advances the keys', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    ctx.sim.phone.message('twice');
    for (let i = 0; i < 2; i++) {
      expect((await client.syncCheck(tokens, init.syncKey)).selector).toBe(2);
    }
  });

  it('wakes a held synccheck as soon as a message arrives', async () => {
    ctx.sim.configure({ syncHoldMs: 10_000 });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const t0 = Date.now();
    const pending = client.syncCheck(tokens, init.syncKey);
    setTimeout(() => ctx.sim.phone.message('wake up'), 100);
    expect(await pending).toEqual({ retcode: 0, selector: 2 });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('undoes the server’s HTML escaping exactly once, several messages in order', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    // The literal `&amp;` proves the escaping is undone once: the server sends `&amp;amp;`.
    const first = ctx.sim.phone.message('a < b & "c" &amp;');
    const second = ctx.sim.phone.message('line1\nline2');
    const result = await client.sync(tokens, init.syncKey, init.profile.userName);
    expect(result.messages.map((m) => [m.msgId, m.kind === 'text' ? m.text : m.kind])).toEqual([
      [first, 'a < b & "c" &amp;'],
      [second, 'line1\nline2'],
    ]);
  });

  it('reports the status-notify event after statusNotify (MsgType 51, code 4)', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const self = init.profile.userName;
    await client.statusNotify(tokens, self);
    const result = await client.sync(tokens, init.syncKey, self);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ kind: 'chatOrder', fromUserName: self });
  });

  it('passes article pushes with http(s) URLs and blanks javascript: URLs', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const good = ctx.sim.phone.article({ title: 'Good', url: 'https://mp.weixin.qq.com/s?x=1' });
    const bad = ctx.sim.phone.article({ title: 'Bad', url: 'javascript:alert(1)' });
    const result = await client.sync(tokens, init.syncKey, init.profile.userName);
    const byId = new Map(result.messages.map((m) => [m.msgId, m]));
    expect(byId.get(good)).toMatchObject({
      kind: 'articlePush',
      push: { articles: [{ title: 'Good', url: 'https://mp.weixin.qq.com/s?x=1' }] },
    });
    expect(byId.get(bad)).toMatchObject({
      kind: 'articlePush',
      push: { articles: [{ title: 'Bad', url: '' }] },
    });
  });
});

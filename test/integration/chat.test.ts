/** Reading and replying (§9 Code 1, §11 group members, §14 recalls and links, §15 webwxsendmsg). */
import { describe, expect, it } from 'vitest';
import { expectError, harness, HOLD_MS, loggedIn, useSimulator } from './helpers';

const ctx = useSimulator({ syncHoldMs: HOLD_MS });

type SimSession = {
  notified: { code: number; to: string }[];
  sent: { to: string; content: string; localId: string; clientMsgId: string; msgId: string }[];
};
const simSession = () => (ctx.sim.state().sessions as SimSession[]).at(-1);

describe('reading and replying', () => {
  it('sends a text with its LocalID, gets the MsgID, and sync echoes it from self', async () => {
    const { client } = harness(ctx.sim, 3000);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const self = init.profile.userName;
    const friend = init.contacts.find((c) => c.kind === 'person')?.userName ?? '';
    const localId = client.newLocalId();
    expect(localId).toMatch(/^\d{17}$/);
    const reply = await client.sendText(tokens, {
      from: self,
      to: friend,
      text: 'a < b & c',
      localId,
    });
    expect(reply).toEqual({ msgId: expect.stringMatching(/^\d+$/), localId });
    expect(simSession()?.sent).toEqual([
      { to: friend, content: 'a < b & c', localId, clientMsgId: localId, msgId: reply.msgId },
    ]);
    const sync = await client.sync(tokens, init.syncKey, self);
    expect(sync.messages.find((m) => m.msgId === reply.msgId)).toMatchObject({
      kind: 'text',
      fromUserName: self,
      toUserName: friend,
      text: 'a < b & c',
    });
  });

  it('1205 on send is RateLimited', async () => {
    const { client } = harness(ctx.sim, 3000);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    ctx.sim.configure({ rateLimit: true });
    await expectError(
      client.sendText(tokens, {
        from: init.profile.userName,
        to: 'filehelper',
        text: 'x',
        localId: '1',
      }),
      'RateLimited',
    );
    expect(simSession()?.sent).toEqual([]);
  });

  it('marks a chat read with Code 1 to that chat', async () => {
    const { client } = harness(ctx.sim, 3000);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    await client.markRead(tokens, init.profile.userName, '@friend');
    expect(simSession()?.notified.at(-1)).toEqual({ code: 1, to: '@friend' });
  });

  it('names a group sender from the group member list, and decodes a recall and a shared link', async () => {
    const { client } = harness(ctx.sim, 3000);
    const { tokens, init } = await loggedIn(ctx.sim, client);
    const self = init.profile.userName;
    const group = ctx.sim.phone.groups()[0] ?? '';
    const said = ctx.sim.phone.message('hello group', group);
    ctx.sim.phone.recall(said, group);
    ctx.sim.phone.link('Worth a read', 'https://example.com/read');
    const sync = await client.sync(tokens, init.syncKey, self);
    const text = sync.messages.find((m) => m.msgId === said);
    expect(text).toMatchObject({
      kind: 'text',
      text: 'hello group',
      sender: expect.stringMatching(/^@/),
    });
    const sender = text?.kind === 'text' ? text.sender : '';
    const members = await client.groupMembers(tokens, group);
    expect(members.find((m) => m.userName === sender)?.displayName).toBeTruthy();
    expect(sync.messages.find((m) => m.kind === 'recall')).toMatchObject({ recalledMsgId: said });
    expect(sync.messages.find((m) => m.kind === 'articlePush')).toMatchObject({
      push: { articles: [{ title: 'Worth a read', url: 'https://example.com/read' }] },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../test/support/wechat';
import { parseGroupMembers } from './group-members';

describe('parseGroupMembers (docs/protocol.md §11, §19)', () => {
  it('reads the recorded group: group card first, then NickName', () => {
    const text = fixture('wechat4u_webwxbatchgetcontact.json');
    const group = (JSON.parse(text) as { ContactList: { UserName: string }[] }).ContactList[0];
    const members = parseGroupMembers(text, CTX, group?.UserName ?? '');
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) expect(m.userName).toMatch(/^@/);
  });

  it('cleans names (emoji spans, entities) and keeps markup as text; skips members without a name', () => {
    const reply = JSON.stringify({
      BaseResponse: { Ret: 0, ErrMsg: '' },
      ContactList: [
        {
          UserName: '@@g',
          MemberList: [
            {
              UserName: '@a',
              NickName: 'Ann',
              DisplayName: 'Ann &amp; co<span class="emoji emoji1f604"></span>',
            },
            { UserName: '@b', NickName: '&lt;img src=x onerror=alert(1)&gt;' },
            { NickName: 'no user name' },
            'junk',
          ],
        },
      ],
    });
    expect(parseGroupMembers(reply, CTX, '@@g')).toEqual([
      { userName: '@a', displayName: 'Ann & co😄' },
      { userName: '@b', displayName: '<img src=x onerror=alert(1)>' },
    ]);
    expect(parseGroupMembers(reply, CTX, '@@other')).toEqual([]);
  });

  it('a refusal is a named error', () => {
    const reply = JSON.stringify({ BaseResponse: { Ret: 1101, ErrMsg: '' } });
    expect(() => parseGroupMembers(reply, CTX, '@@g')).toThrow(
      expect.objectContaining({ name: 'SessionEnded' }),
    );
  });
});

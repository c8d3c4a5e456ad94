import { describe, expect, it } from 'vitest';
import {
  parseBatchGetContact,
  parseGetContact,
  parsePushLogin,
  parseStatusNotify,
  parseSync,
} from './parse-json';
import { block, CTX, fixture, patchJson as patch, thrownBy } from '../../test/support/wechat';

const SELF = '@2ea0ad63b5550c8842c95cb987adea2491fc9e3db0899696f696149cd30688e8';
const SCOPE = { selfUserName: SELF, mainHost: 'wx2.qq.com' };
const SYNC = fixture('wechat4u_webwxsync.json');

describe('parseSync (docs/protocol.md §14) on the wechat4u fixture', () => {
  const sent = { syncKey: [{ key: 1, val: 1 }], skey: '@crypt_old' };
  const result = parseSync(SYNC, CTX, SCOPE, sent);

  it('decodes messages by MsgId (string), ignoring the imprecise NewMsgId', () => {
    expect(result.messages).toHaveLength(2);
    expect(result.messages[0]).toMatchObject({
      msgId: '4442356190966618405',
      msgType: 51,
      statusNotifyCode: 4,
      createTime: 1463755899,
      fromUserName: SELF,
    });
    expect(result.messages[0]!.statusNotifyUserName.split(',')).toContain('filehelper');
    expect(result.messages[0]!.content.startsWith('&lt;msg&gt;<br/>')).toBe(true);
    expect(result.messages[1]).toEqual({
      msgId: '6599448710267926107',
      fromUserName: SELF,
      toUserName: SELF,
      msgType: 1,
      content: 'Hello World',
      createTime: 1463839052,
      appMsgType: 0,
      url: '',
      fileName: '',
      fileSize: 0,
      statusNotifyCode: 0,
      statusNotifyUserName: '',
    });
  });

  it('decodes the modified group with its emoji and keeps old skey for an empty SKey', () => {
    expect(result.modifiedContacts).toMatchObject([
      {
        userName: '@@3ebf5e3b9aaae4fb002da88d2f96f1266a9ba0940af389ae188e05fde83004d0',
        displayName: 'Vue.js Podcast 群二',
        kind: 'group',
        avatarUrl:
          'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetheadimg?seq=0&username=@@3ebf5e3b9aaae4fb002da88d2f96f1266a9ba0940af389ae188e05fde83004d0&skey=@crypt_8e4ad7fa_2703a47aaf8cd4d3e61b855795e38568',
        memberCount: 462,
      },
    ]);
    expect(result.deletedContacts).toEqual([]);
    expect(result.skey).toBe('@crypt_old');
  });

  it('takes the new SyncKey and falls back to it for synccheck when SyncCheckKey is absent', () => {
    expect(result.syncKey).toHaveLength(10);
    expect(result.syncKey[5]).toEqual({ key: 201, val: 1463755899 });
    expect(result.syncCheckKey).toEqual(result.syncKey);
  });

  it('keeps the old keys when the reply sends Count 0 sets (§14)', () => {
    const text = patch(SYNC, {
      SyncKey: { Count: 0, List: [] },
      SyncCheckKey: { Count: 0, List: [] },
    });
    const out = parseSync(text, CTX, SCOPE, sent);
    expect(out.syncKey).toEqual(sent.syncKey);
    expect(out.syncCheckKey).toEqual(sent.syncKey);
  });

  it('uses SyncCheckKey for synccheck when present, and a non-empty SKey', () => {
    const text = patch(SYNC, {
      SyncCheckKey: { Count: 1, List: [{ Key: 1, Val: 99 }] },
      SKey: '@crypt_new',
      DelContactList: [{ UserName: '@gone' }],
    });
    const out = parseSync(text, CTX, SCOPE, sent);
    expect(out.syncCheckKey).toEqual([{ key: 1, val: 99 }]);
    expect(out.syncKey).toHaveLength(10);
    expect(out.skey).toBe('@crypt_new');
    expect(out.deletedContacts).toEqual(['@gone']);
  });

  it.each([
    ['Ret 1101', { 'BaseResponse.Ret': 1101 }, 'SessionEnded', /1101/],
    ['Ret 1205', { 'BaseResponse.Ret': 1205 }, 'RateLimited', /1205/],
    ['MsgId missing', { 'AddMsgList.1.MsgId': undefined }, 'Malformed', /AddMsgList\[1\]\.MsgId/],
    ['MsgType string', { 'AddMsgList.0.MsgType': '1' }, 'Malformed', /AddMsgList\[0\]\.MsgType/],
    ['ModContactList string', { ModContactList: 'x' }, 'Malformed', /ModContactList/],
    ['SyncKey missing', { SyncKey: undefined }, 'Malformed', /SyncKey/],
    ['DelContactList item', { DelContactList: [7] }, 'Malformed', /DelContactList\[0\]/],
  ])('%s -> %s', (_label, patches, name, message) => {
    const error = thrownBy(() => parseSync(patch(SYNC, patches), CTX, SCOPE, sent));
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
  });

  it('drops a javascript: message Url', () => {
    const text = patch(SYNC, { 'AddMsgList.1.Url': 'javascript:alert(1)' });
    expect(parseSync(text, CTX, SCOPE, sent).messages[1]!.url).toBe('');
  });
});

describe('parseGetContact / parseBatchGetContact (docs/protocol.md §10, §11)', () => {
  it('decodes the webwxgetcontact fixture', () => {
    const page = parseGetContact(fixture('wechat4u_webwxgetcontact.json'), CTX, SCOPE);
    expect(page.seq).toBe(0);
    expect(page.contacts.map((c) => c.kind)).toEqual([
      'official',
      'official',
      'official',
      'official',
      'group',
      'official',
      'self',
    ]);
  });

  it('reads a non-zero Seq, and treats an absent Seq as the last page', () => {
    const text = fixture('wechat4u_webwxgetcontact.json');
    expect(parseGetContact(patch(text, { Seq: 12345 }), CTX, SCOPE).seq).toBe(12345);
    expect(parseGetContact(patch(text, { Seq: undefined }), CTX, SCOPE).seq).toBe(0);
    const error = thrownBy(() => parseGetContact(patch(text, { Seq: '1' }), CTX, SCOPE));
    expect(error.message).toMatch(/Seq/);
  });

  it('decodes the batch fixture despite its stray top-level keys', () => {
    const contacts = parseBatchGetContact(
      fixture('wechat4u_webwxbatchgetcontact.json'),
      CTX,
      SCOPE,
    );
    expect(contacts).toMatchObject([
      {
        userName: '@@180fa413a597f0f313529f756a974f021ba02ff8f8388c1588c76b844fa71935',
        displayName: '家庭',
        kind: 'group',
        avatarUrl:
          'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetheadimg?seq=625238710&username=@@180fa413a597f0f313529f756a974f021ba02ff8f8388c1588c76b844fa71935&skey=',
        memberCount: 1,
      },
    ]);
  });

  it('names an unnamed group after its first members (§19)', () => {
    const text = patch(fixture('wechat4u_webwxbatchgetcontact.json'), {
      'ContactList.0.NickName': '',
      'ContactList.0.MemberList.1': { UserName: '@b', NickName: 'B&amp;B', DisplayName: '' },
    });
    expect(parseBatchGetContact(text, CTX, SCOPE)[0]!.displayName).toBe('SToneX, B&B');
  });
});

describe('parseStatusNotify and parsePushLogin', () => {
  it('reads the recorded statusnotify reply', () => {
    expect(
      parseStatusNotify(block('wechat4u_nock_inline_bodies.txt', 'webwxstatusnotify'), CTX),
    ).toBe('3199705316661781423');
  });

  it('returns the push-login uuid for ret "0"', () => {
    expect(parsePushLogin('{"ret": "0", "msg": "all ok", "uuid": "A_1_xxxw=="}', CTX)).toBe(
      'A_1_xxxw==',
    );
  });

  it('rejects ret "1" with the code and message', () => {
    const error = thrownBy(() => parsePushLogin('{"ret":"1","msg":"bad uin"}', CTX));
    expect(error).toMatchObject({ name: 'Rejected', code: 1, serverMessage: 'bad uin' });
  });

  it.each(['{"ret":"0"}', '{"ret":true,"uuid":"x"}', '{"uuid":"x"}', 'nope'])(
    '%s -> Malformed',
    (text) => {
      expect(thrownBy(() => parsePushLogin(text, CTX)).name).toBe('Malformed');
    },
  );
});

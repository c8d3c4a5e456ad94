/**
 * Seeded accounts. 'default' is the wechat4u fixture data (docs/protocol.md §23) plus the few entries
 * the fixtures trimmed away; 'large' and 'hostile' live in accounts-generated.ts.
 */
import type { AccountName } from './config.js';
import { clone, loadFixtures } from './fixtures.js';
import { prng } from './ids.js';
import { largeAccount, hostileAccount } from './accounts-generated.js';
import { blankContact, personName, type Account } from './contact-util.js';

export type { Account } from './contact-util.js';

function defaultAccount(): Account {
  const fx = loadFixtures();
  const rand = prng(2016);
  const user = clone(fx.user);
  // The fixtures have no friend besides the user: add one person so messages have a sender.
  const friend = blankContact({
    UserName: personName(rand),
    NickName: '韩梅梅',
    ContactFlag: 3,
    Sex: 2,
    Signature: 'hello from the simulator',
    PYInitial: 'HMM',
    PYQuanPin: 'hanmeimei',
    KeyWord: 'han',
  });
  // The two MPs of MPSubscribeMsgList are absent from the trimmed getcontact fixture.
  const mps = fx.mpSubscribe.map((mp, i) =>
    blankContact({
      UserName: mp.UserName,
      NickName: mp.NickName,
      ContactFlag: 3,
      VerifyFlag: i === 0 ? 8 : 24,
      KeyWord: 'gh_',
    }),
  );
  const filehelper = blankContact({
    UserName: 'filehelper',
    NickName: '文件传输助手',
    ContactFlag: 3,
    KeyWord: 'fil',
  });
  const contacts = [...clone(fx.getcontact), friend, ...mps, filehelper];
  const groups = new Map(clone(fx.batchGroups).map((g) => [g.UserName, g] as const));
  return {
    name: 'default',
    uin: user.Uin,
    user,
    initContacts: [...clone(fx.initContacts), clone(friend)],
    chatSet: String(fx.init.ChatSet),
    contacts,
    groups,
    mpSubscribe: clone(fx.mpSubscribe),
    friend: friend.UserName,
  };
}

export function buildAccount(name: AccountName): Account {
  if (name === 'large') return largeAccount();
  if (name === 'hostile') return hostileAccount();
  return defaultAccount();
}

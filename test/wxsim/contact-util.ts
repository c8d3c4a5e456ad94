/** Building blocks for seeded accounts: contact/member shapes of docs/protocol.md §10–§12. */
import type { AccountName } from './config.js';
import { loadFixtures, type Contact, type JsonObj, type MpEntry } from './fixtures.js';
import { hexFrom } from './ids.js';

export interface Account {
  name: AccountName;
  uin: number;
  /** webwxinit.User (§8). */
  user: JsonObj & { Uin: number; UserName: string; NickName: string };
  /** webwxinit.ContactList. */
  initContacts: Contact[];
  /** webwxinit.ChatSet (comma list with trailing comma). */
  chatSet: string;
  /** The whole address book handed out page by page by webwxgetcontact (§10). */
  contacts: Contact[];
  /** webwxbatchgetcontact details for groups, keyed by UserName (§11). */
  groups: Map<string, Contact>;
  /** webwxinit.MPSubscribeMsgList (§8); /phone/article appends to it. */
  mpSubscribe: MpEntry[];
  /** Default sender for /phone/message. */
  friend: string;
}

/** Every contact key of the getcontact fixture, zeroed by type (§10 field list). */
export function blankContact(patch: Partial<Contact> & { UserName: string }): Contact {
  const base = loadFixtures().getcontact[0];
  const out: JsonObj = {};
  for (const [k, v] of Object.entries(base ?? {})) {
    out[k] = typeof v === 'number' ? 0 : typeof v === 'string' ? '' : Array.isArray(v) ? [] : v;
  }
  const c = { ...out, NickName: '', HeadImgUrl: '', VerifyFlag: 0, ContactFlag: 0 } as Contact;
  Object.assign(c, patch);
  c.MemberCount ??= 0;
  c.MemberList ??= [];
  if (!c.HeadImgUrl) c.HeadImgUrl = headImgUrl(c.UserName, 0);
  return c;
}

/** `/cgi-bin/mmwebwx-bin/webwxgeticon?...` for people, `webwxgetheadimg` for groups (§12). */
export function headImgUrl(userName: string, seq: number, skey = '@crypt_00000000_0'): string {
  const ep = userName.startsWith('@@') ? 'webwxgetheadimg' : 'webwxgeticon';
  return `/cgi-bin/mmwebwx-bin/${ep}?seq=${seq}&username=${userName}&skey=${skey}`;
}

/** A group member entry as in the batchgetcontact fixture (§11). */
export function memberOf(c: Contact, displayName = ''): JsonObj {
  return {
    Uin: 0,
    UserName: c.UserName,
    NickName: c.NickName,
    AttrStatus: 0,
    PYInitial: '',
    PYQuanPin: '',
    RemarkPYInitial: '',
    RemarkPYQuanPin: '',
    MemberStatus: 0,
    DisplayName: displayName,
    KeyWord: '',
  };
}

export function personName(rand: () => number): string {
  return '@' + hexFrom(rand, 64);
}

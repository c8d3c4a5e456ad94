/**
 * AddMsgList entries (docs/protocol.md §14), all built on the key set of the webwxsync fixture's
 * MsgType 1 message so every message carries every field. NewMsgId is a bigint so it is written
 * as a bare 19-digit JSON number.
 */
import type { Account } from './accounts.js';
import { clone, loadFixtures, type Contact, type JsonObj, type MpArticle } from './fixtures.js';
import { escapeContent } from './http-util.js';
import { newMsgId } from './ids.js';

function base(from: string, to: string, msgType: number, content: string): JsonObj {
  const id = newMsgId();
  const m = clone(loadFixtures().msgTemplate);
  Object.assign(m, {
    MsgId: id,
    FromUserName: from,
    ToUserName: to,
    MsgType: msgType,
    Content: content,
    CreateTime: Math.floor(Date.now() / 1000),
    NewMsgId: BigInt(id),
  });
  return m;
}

/** MsgType 1. Group messages carry `@<member>:<br/>` before the text (§14, §19). */
export function textMessage(account: Account, from: string, text: string): JsonObj {
  let content = escapeContent(text);
  if (from.startsWith('@@')) {
    // A group the account does not know still names a sender: the default friend.
    const member = account.groups.get(from)?.MemberList[0]?.UserName ?? account.friend;
    if (typeof member === 'string') content = `${member}:<br/>${content}`;
  }
  return base(from, account.user.UserName, 1, content);
}

/**
 * MsgType 10002 recall (§14): the sender took `msgId` back. The sysmsg layout follows the
 * revokemsg XML clients parse (ITCHAT, W4U); **inference** for the exact whitespace.
 */
export function recallMessage(account: Account, from: string, msgId: string): JsonObj {
  const xml =
    `<sysmsg type="revokemsg"><revokemsg><session>${from}</session><oldmsgid>1</oldmsgid>` +
    `<msgid>${msgId}</msgid><replacemsg><![CDATA["Friend" recalled a message]]></replacemsg>` +
    `</revokemsg></sysmsg>`;
  return base(from, account.user.UserName, 10002, escapeContent(xml));
}

/** MsgType 49 / AppMsgType 5 link a person shares (same wire shape as an article push, §14). */
export function linkMessage(account: Account, from: string, title: string, url: string): JsonObj {
  const x = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml =
    `<msg><appmsg appid="" sdkver="0"><title>${x(title)}</title><des></des><type>5</type>` +
    `<url>${x(url)}</url></appmsg></msg>`;
  const m = base(from, account.user.UserName, 49, escapeContent(xml));
  m.AppMsgType = 5;
  m.Url = url;
  m.FileName = title;
  return m;
}

/** Own message echoed back after webwxsendmsg, FromUserName = self (§15). */
export function sentMessage(account: Account, to: string, text: string, msgId: string): JsonObj {
  const m = base(account.user.UserName, to, 1, escapeContent(text));
  m.MsgId = msgId;
  m.NewMsgId = BigInt(msgId);
  return m;
}

/** MsgType 51, StatusNotifyCode 4 (SYNC_CONV) after webwxstatusnotify Code 3 (§9). */
export function statusNotifyMessage(account: Account): JsonObj {
  const names = account.chatSet.split(',').filter(Boolean);
  const xml =
    `<msg>\n<op id='4'>\n<username>${names.join(',')}</username>\n` +
    `<unreadchatlist>\n</unreadchatlist>\n<unreadfunctionlist>\n</unreadfunctionlist>\n</op>\n</msg>`;
  const self = account.user.UserName;
  const m = base(self, self, 51, escapeContent(xml).replace(/&#39;/g, "'"));
  m.StatusNotifyCode = 4;
  m.StatusNotifyUserName = names.join(',');
  return m;
}

/**
 * MsgType 49 / AppMsgType 5 article push from an official account carrying one or more
 * articles. The appmsg XML layout is an **inference** (no fixture carries one): appmsg
 * title/des/url describe the first article, `mmreader/category` (count = N) holds N `item`s.
 * Url/FileName mirror the first article.
 */
export function articleMessage(
  account: Account,
  mpUserName: string,
  articles: MpArticle | readonly MpArticle[],
): JsonObj {
  const list: readonly MpArticle[] = Array.isArray(articles) ? articles : [articles as MpArticle];
  const first = list[0];
  if (!first) throw new Error('articleMessage: no article');
  const x = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const mpName = account.mpSubscribe.find((m) => m.UserName === mpUserName)?.NickName ?? '';
  const items = list
    .map(
      (a) =>
        `<item><title>${x(a.Title)}</title><url>${x(a.Url)}</url>` +
        `<cover>${x(a.Cover)}</cover><digest>${x(a.Digest)}</digest></item>`,
    )
    .join('');
  const xml =
    `<msg><appmsg appid="" sdkver="0"><title>${x(first.Title)}</title><des>${x(first.Digest)}</des>` +
    `<type>5</type><url>${x(first.Url)}</url><mmreader><category type="20" count="${list.length}">` +
    `<name>${x(mpName)}</name>${items}</category></mmreader>` +
    `</appmsg></msg>`;
  const m = base(mpUserName, account.user.UserName, 49, escapeContent(xml));
  m.AppMsgType = 5;
  m.Url = first.Url;
  m.FileName = first.Title;
  return m;
}

/**
 * A ModContactList entry (§14): the fixture entry's key set (UserName, NickName, Sex, …,
 * KeyWord), values taken from the contact where it has the key, the rest zeroed by type.
 */
export function modContactEntry(c: Contact): JsonObj {
  const out: JsonObj = {};
  for (const [k, v] of Object.entries(loadFixtures().modContactTemplate)) {
    if (Object.hasOwn(c, k)) out[k] = clone(c[k]);
    else
      out[k] = typeof v === 'number' ? 0 : typeof v === 'string' ? '' : Array.isArray(v) ? [] : v;
  }
  return out;
}

/**
 * A DelContactList entry. No capture shows one; clients read only UserName (OFFICIAL deletes
 * the chat and contact by it, §14) — **inference**: `{UserName, ContactFlag: 0}`.
 */
export function delContactEntry(userName: string): JsonObj {
  return { UserName: userName, ContactFlag: 0 };
}

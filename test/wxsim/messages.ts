/**
 * AddMsgList entries (protocol.md §14), all built on the key set of the webwxsync fixture's
 * MsgType 1 message so every message carries every field. NewMsgId is a bigint so it is written
 * as a bare 19-digit JSON number.
 */
import type { Account } from './accounts.js';
import { clone, loadFixtures, type JsonObj, type MpArticle } from './fixtures.js';
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
    const member = account.groups.get(from)?.MemberList[0]?.UserName;
    if (typeof member === 'string') content = `${member}:<br/>${content}`;
  }
  return base(from, account.user.UserName, 1, content);
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
 * MsgType 49 / AppMsgType 5 article push from an official account. The appmsg XML layout is an
 * **inference** (no fixture carries one); Url/FileName mirror the article.
 */
export function articleMessage(account: Account, mpUserName: string, a: MpArticle): JsonObj {
  const x = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const mpName = account.mpSubscribe.find((m) => m.UserName === mpUserName)?.NickName ?? '';
  const xml =
    `<msg><appmsg appid="" sdkver="0"><title>${x(a.Title)}</title><des>${x(a.Digest)}</des>` +
    `<type>5</type><url>${x(a.Url)}</url><mmreader><category type="20" count="1">` +
    `<name>${x(mpName)}</name><item><title>${x(a.Title)}</title><url>${x(a.Url)}</url>` +
    `<cover>${x(a.Cover)}</cover><digest>${x(a.Digest)}</digest></item></category></mmreader>` +
    `</appmsg></msg>`;
  const m = base(mpUserName, account.user.UserName, 49, escapeContent(xml));
  m.AppMsgType = 5;
  m.Url = a.Url;
  m.FileName = a.Title;
  return m;
}

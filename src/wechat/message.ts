import { parseArticlePush } from './parse-appmsg';
import { cleanText } from './text';
import type { Attachment, AttachmentDetail, Message, MessageBase } from './types';
import type { WireMessage } from './wire';

/** docs/protocol.md §14 MsgType values the extension tells apart. */
const TEXT = 1;
const STATUS_NOTIFY = 51;
const SYSTEM = new Set([9999, 10000]);
const RECALL = 10002;
/** §14: StatusNotifyCode 4 (SYNC_CONV) carries the phone's chat list in StatusNotifyUserName. */
const SYNC_CONV = 4;
/** §14 MsgType -> what a non-text message carries. */
const ATTACHMENTS: Readonly<Record<number, Attachment>> = {
  3: 'image',
  34: 'voice',
  42: 'card',
  43: 'video',
  47: 'sticker',
  48: 'location',
  49: 'link',
  62: 'video',
};
/** §14: MsgType 49 (app message); AppMsgType 6 is a file attachment. */
const APP = 49;
const APP_FILE = 6;
/**
 * §14 MsgType 10002: Content is `<sysmsg type="revokemsg"><revokemsg>…<msgid>N</msgid>…`,
 * HTML-escaped on the wire; only the digits are read, so nothing else of it is trusted.
 */
const RECALLED_ID = /(?:<|&lt;)msgid(?:>|&gt;)(\d{1,25})(?:<|&lt;)\/msgid/;
/** A group message's content starts with the sender: `@<member>:<br/>` (§14, §19). */
const GROUP_SENDER = /^@([0-9a-z]+):<br\/>/i;

/**
 * One wire message -> what it means (docs/architecture.md principle 4: decode at the
 * boundary). Never throws: content that does not decode as its kind falls back to 'other'
 * (an article push without a usable article is a link) or to empty text.
 */
export function decodeMessage(wire: WireMessage): Message {
  const base: MessageBase = {
    msgId: wire.msgId,
    fromUserName: wire.fromUserName,
    toUserName: wire.toUserName,
    createTime: wire.createTime,
  };
  if (wire.msgType === STATUS_NOTIFY) {
    return wire.statusNotifyCode === SYNC_CONV
      ? { ...base, kind: 'chatOrder', chats: chatList(wire.statusNotifyUserName) }
      : { ...base, kind: 'phoneStatus' };
  }
  const prefix = GROUP_SENDER.exec(wire.content);
  const sender = prefix ? `@${prefix[1]}` : '';
  const content = prefix ? wire.content.slice(prefix[0].length) : wire.content;
  if (wire.msgType === TEXT) return { ...base, kind: 'text', sender, text: cleanText(content) };
  if (SYSTEM.has(wire.msgType)) return { ...base, kind: 'system', text: cleanText(wire.content) };
  if (wire.msgType === RECALL) {
    return { ...base, kind: 'recall', recalledMsgId: RECALLED_ID.exec(wire.content)?.[1] ?? '' };
  }
  const push = parseArticlePush(wire);
  if (push) return { ...base, kind: 'articlePush', push };
  const carries =
    wire.msgType === APP && wire.appMsgType === APP_FILE
      ? 'file'
      : (ATTACHMENTS[wire.msgType] ?? 'unknown');
  return { ...base, kind: 'other', carries, sender, detail: detailOf(wire, carries) };
}

/** Only links and files name something worth showing; the rest is labelled by kind alone. */
function detailOf(wire: WireMessage, carries: Attachment): AttachmentDetail {
  if (carries === 'file') return { title: cleanText(wire.fileName), url: '', size: wire.fileSize };
  if (carries === 'link') return { title: cleanText(wire.fileName), url: wire.url, size: 0 };
  return { title: '', url: '', size: 0 };
}

/** StatusNotifyUserName: comma-separated user names, possibly with repeats or blanks. */
function chatList(names: string): string[] {
  return names.split(',').filter((name) => name !== '');
}

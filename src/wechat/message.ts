import { parseArticlePush } from './parse-appmsg';
import { cleanText } from './text';
import type { Attachment, Message, MessageBase } from './types';
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
  if (wire.msgType === TEXT) {
    const sender = GROUP_SENDER.exec(wire.content);
    return {
      ...base,
      kind: 'text',
      sender: sender ? `@${sender[1]}` : '',
      text: cleanText(sender ? wire.content.slice(sender[0].length) : wire.content),
    };
  }
  if (SYSTEM.has(wire.msgType)) return { ...base, kind: 'system', text: cleanText(wire.content) };
  if (wire.msgType === RECALL) return { ...base, kind: 'recall' };
  const push = parseArticlePush(wire);
  if (push) return { ...base, kind: 'articlePush', push };
  return { ...base, kind: 'other', carries: ATTACHMENTS[wire.msgType] ?? 'unknown' };
}

/** StatusNotifyUserName: comma-separated user names, possibly with repeats or blanks. */
function chatList(names: string): string[] {
  return names.split(',').filter((name) => name !== '');
}

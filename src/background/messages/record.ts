import type { Message } from '../../wechat';
import type { ChatEntry } from '../../shared/chat';

/** What one decoded message does to the kept chats. */
export type ChatChange =
  /** A message to keep; `sender` is a group member's user name to name ('' otherwise). */
  | { readonly type: 'keep'; readonly entry: ChatEntry; readonly sender: string }
  /** MsgType 10002: mark the named message recalled. */
  | { readonly type: 'recall'; readonly msgId: string }
  | { readonly type: 'none' };

/**
 * One decoded webwxsync message -> what the chat keeps (pure). `isFeed` says whether an article
 * push came from an official account (it then names how many more articles it carries).
 */
export function chatChange(
  message: Message,
  self: string,
  isFeed: (userName: string) => boolean,
): ChatChange {
  const outgoing = message.fromUserName === self;
  const chat = outgoing ? message.toUserName : message.fromUserName;
  const base = { msgId: message.msgId, chat, time: message.createTime, outgoing, recalled: false };
  const keep = (body: ChatEntry['body'], sender = ''): ChatChange => ({
    type: 'keep',
    entry: { ...base, senderName: sender, body },
    sender: chat.startsWith('@@') ? sender : '',
  });
  switch (message.kind) {
    case 'text':
      return keep({ type: 'text', text: message.text }, message.sender);
    case 'system':
      return keep({ type: 'system', text: message.text });
    case 'other': {
      const { title, url, size } = message.detail;
      return keep(
        { type: 'attachment', carries: message.carries, title, url, size },
        message.sender,
      );
    }
    case 'articlePush': {
      // A link a person shared looks like a push on the wire (§14 AppMsgType 5): it belongs to
      // their chat. An official account's push is kept in its chat too, as a labelled link;
      // only the push also joins the reading list (sync-apply.ts).
      const first = message.push.articles[0];
      const more = message.push.articles.length - 1;
      const title =
        (first?.title ?? '') + (more > 0 && isFeed(message.fromUserName) ? ` (+${more})` : '');
      return keep({ type: 'attachment', carries: 'link', title, url: first?.url ?? '', size: 0 });
    }
    case 'recall':
      return message.recalledMsgId
        ? { type: 'recall', msgId: message.recalledMsgId }
        : { type: 'none' };
    case 'chatOrder':
    case 'phoneStatus':
      return { type: 'none' };
  }
}

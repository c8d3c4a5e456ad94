import type { SyncResult } from './types';

/**
 * One AddMsgList entry as the server sends it, minimal typed fields (docs/protocol.md §14).
 * Internal to the library: message.ts turns it into a decoded `Message` before anything
 * outside src/wechat sees it.
 */
export interface WireMessage {
  /** The string MsgId; NewMsgId is a JSON number > 2^53 and is ignored (§14). */
  readonly msgId: string;
  readonly fromUserName: string;
  readonly toUserName: string;
  readonly msgType: number;
  /** As the server sent it (HTML-escaped, `<br/>`, emoji spans); run cleanText for display. */
  readonly content: string;
  /** Unix seconds. */
  readonly createTime: number;
  readonly appMsgType: number;
  /** Only http(s) URLs survive decoding; anything else becomes ''. */
  readonly url: string;
  readonly fileName: string;
  /** FileSize of an attachment (a string of digits on the wire, §14); 0 when absent. */
  readonly fileSize: number;
  readonly statusNotifyCode: number;
  readonly statusNotifyUserName: string;
}

/** A decoded webwxsync reply whose messages are still wire records (parse-json.ts). */
export type SyncReply = Omit<SyncResult, 'messages'> & {
  readonly messages: readonly WireMessage[];
};

import { baseRequest, mmUrl, postJson, requestContext, type ClientContext } from './context';
import { checkBaseResponse, optString, parseJsonObject } from './json-read';
import { parseStatusNotify } from './parse-json';
import type { LoginTokens, SentText } from './types';

/** What a text message to send says: who from and to, the words, and its LocalID (§15). */
export interface OutgoingText {
  readonly from: string;
  readonly to: string;
  /** Plain text, not HTML-escaped (§15). */
  readonly text: string;
  /** LocalID = ClientMsgId; the same id on a retry lets the server tell a repeat (§15). */
  readonly localId: string;
}

/**
 * §15: OFFICIAL's id is the 13-digit ms time, a "0" and 3 random digits, a 17-digit string.
 * The caller keeps it with the message, so a retry sends the same one.
 */
export function newLocalId(c: ClientContext): string {
  const random = String(Math.floor(c.random() * 1000)).padStart(3, '0');
  return `${Math.floor(c.now())}0${random}`;
}

/**
 * §15 webwxsendmsg, Type 1. Ret 1205 (sending too fast) is thrown as RateLimited, any other
 * non-zero Ret as Rejected; the reply's MsgID is what webwxsync later echoes (FromUserName = self).
 */
export async function sendText(
  c: ClientContext,
  tokens: LoginTokens,
  message: OutgoingText,
): Promise<SentText> {
  const url = mmUrl(
    tokens.hosts.main,
    'webwxsendmsg',
    `lang=${c.lang}&pass_ticket=${tokens.passTicket}`,
  );
  const ctx = requestContext('webwxsendmsg', url);
  const text = await postJson(c, ctx.operation, url, {
    BaseRequest: baseRequest(c, tokens),
    Msg: {
      Type: 1,
      Content: message.text,
      FromUserName: message.from,
      ToUserName: message.to,
      LocalID: message.localId,
      ClientMsgId: message.localId,
    },
    Scene: 0,
  });
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  // MsgID is a string in every capture; LocalID echoes what was sent (§15).
  return { msgId: optString(root, 'MsgID'), localId: optString(root, 'LocalID', message.localId) };
}

/** §9 webwxstatusnotify Code 1 (READED): the chat was read here, so the phone clears it too. */
export async function markRead(
  c: ClientContext,
  tokens: LoginTokens,
  selfUserName: string,
  chat: string,
): Promise<void> {
  const url = mmUrl(
    tokens.hosts.main,
    'webwxstatusnotify',
    `lang=${c.lang}&pass_ticket=${tokens.passTicket}`,
  );
  const ctx = requestContext('webwxstatusnotify', url);
  const text = await postJson(c, ctx.operation, url, {
    BaseRequest: baseRequest(c, tokens),
    Code: 1,
    FromUserName: selfUserName,
    ToUserName: chat,
    ClientMsgId: c.now(),
  });
  parseStatusNotify(text, ctx);
}

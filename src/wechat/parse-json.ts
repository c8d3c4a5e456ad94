import { malformed, WeChatError, type RequestContext } from './errors';
import {
  checkBaseResponse,
  isObject,
  listOrEmpty,
  mapItems,
  optArray,
  optNumber,
  optString,
  parseJsonObject,
  reqArray,
  reqId,
  reqNumber,
  reqObject,
  reqString,
  reqUin,
  type JsonObject,
} from './json-read';
import {
  absoluteUrl,
  decodeBookEntry,
  decodeContact,
  decodeSyncKey,
  type ContactScope,
} from './parse-contact';
import { cleanText, safeUrl } from './text';
import type {
  Article,
  BookEntry,
  Contact,
  InitResult,
  OfficialAccountFeed,
  Profile,
  SyncKey,
} from './types';
import type { SyncReply, WireMessage } from './wire';

/**
 * Decoders for the webwx* JSON replies (docs/protocol.md §8–§11, §14, §17). Each takes the UTF-8
 * text, checks BaseResponse first (error replies keep the full zeroed skeleton, §8), then
 * decodes only the fields the extension uses.
 */

function decodeContacts(
  items: readonly unknown[],
  label: string,
  scope: ContactScope,
  ctx: RequestContext,
): Contact[] {
  return mapItems(items, label, ctx, (item, path) => decodeContact(item, path, scope, ctx));
}

function decodeBookEntries(
  items: readonly unknown[],
  label: string,
  scope: ContactScope,
  ctx: RequestContext,
): BookEntry[] {
  return mapItems(items, label, ctx, (item, path) => decodeBookEntry(item, path, scope, ctx));
}

function decodeProfile(user: JsonObject, mainHost: string, ctx: RequestContext): Profile {
  return {
    uin: reqUin(user, 'Uin', 'User.', ctx),
    userName: reqString(user, 'UserName', 'User.', ctx),
    nickName: cleanText(optString(user, 'NickName')),
    signature: cleanText(optString(user, 'Signature')),
    avatarUrl: absoluteUrl(optString(user, 'HeadImgUrl'), mainHost),
  };
}

// MPSubscribeMsgList is cosmetic (§8): malformed entries are skipped, not fatal.
function decodeArticle(raw: unknown): Article | null {
  if (!isObject(raw)) return null;
  return {
    title: cleanText(optString(raw, 'Title')),
    digest: cleanText(optString(raw, 'Digest')),
    url: safeUrl(optString(raw, 'Url')),
    cover: safeUrl(optString(raw, 'Cover')),
  };
}

function decodeFeeds(list: readonly unknown[]): OfficialAccountFeed[] {
  const feeds: OfficialAccountFeed[] = [];
  for (const raw of list) {
    if (!isObject(raw)) continue;
    const articles: Article[] = [];
    for (const item of optArray(raw, 'MPArticleList')) {
      const article = decodeArticle(item);
      if (article !== null) articles.push(article);
    }
    feeds.push({
      userName: optString(raw, 'UserName'),
      nickName: cleanText(optString(raw, 'NickName')),
      time: optNumber(raw, 'Time'),
      articles,
    });
  }
  return feeds;
}

/** docs/protocol.md §8. `currentSkey` is the XML skey; a non-empty SKey replaces it (§7). */
export function parseInit(
  text: string,
  ctx: RequestContext,
  mainHost: string,
  currentSkey: string,
): InitResult {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  const profile = decodeProfile(reqObject(root, 'User', '', ctx), mainHost, ctx);
  const scope: ContactScope = { selfUserName: profile.userName, mainHost };
  return {
    profile,
    contacts: decodeContacts(reqArray(root, 'ContactList', '', ctx), 'ContactList', scope, ctx),
    feeds: decodeFeeds(optArray(root, 'MPSubscribeMsgList')),
    syncKey: decodeSyncKey(reqObject(root, 'SyncKey', '', ctx), 'SyncKey.', ctx),
    skey: optString(root, 'SKey') || currentSkey,
  };
}

/** docs/protocol.md §9: `{BaseResponse, MsgID}`; returns MsgID ('' when absent). */
export function parseStatusNotify(text: string, ctx: RequestContext): string {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  return optString(root, 'MsgID');
}

/** §14: FileSize is a string of digits ("FileSize": "1234"); anything else counts as 0. */
function sizeOf(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

function decodeWireMessage(raw: JsonObject, path: string, ctx: RequestContext): WireMessage {
  return {
    msgId: reqId(raw, 'MsgId', path, ctx),
    fromUserName: reqString(raw, 'FromUserName', path, ctx),
    toUserName: reqString(raw, 'ToUserName', path, ctx),
    msgType: reqNumber(raw, 'MsgType', path, ctx),
    content: optString(raw, 'Content'),
    createTime: reqNumber(raw, 'CreateTime', path, ctx),
    appMsgType: optNumber(raw, 'AppMsgType'),
    url: safeUrl(optString(raw, 'Url')),
    fileName: optString(raw, 'FileName'),
    fileSize: sizeOf(raw.FileSize),
    statusNotifyCode: optNumber(raw, 'StatusNotifyCode'),
    statusNotifyUserName: optString(raw, 'StatusNotifyUserName'),
  };
}

/** Reads an optional key set; an empty one (Count 0) means "keep the old keys" (§14). */
function keySetOrNull(root: JsonObject, key: string, ctx: RequestContext): SyncKey | null {
  if (root[key] === undefined) return null;
  const keys = decodeSyncKey(reqObject(root, key, '', ctx), `${key}.`, ctx);
  return keys.length === 0 ? null : keys;
}

/** What the client sent, to fall back on when the reply carries empty keys or SKey. */
export interface SyncState {
  readonly syncKey: SyncKey;
  readonly skey: string;
}

/** docs/protocol.md §14 webwxsync; message.ts then decodes what each message means. */
export function parseSync(
  text: string,
  ctx: RequestContext,
  scope: ContactScope,
  sent: SyncState,
): SyncReply {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  const messages = mapItems(listOrEmpty(root, 'AddMsgList', '', ctx), 'AddMsgList', ctx, (m, p) =>
    decodeWireMessage(m, p, ctx),
  );
  const modified = listOrEmpty(root, 'ModContactList', '', ctx);
  const deleted = mapItems(
    listOrEmpty(root, 'DelContactList', '', ctx),
    'DelContactList',
    ctx,
    (c, p) => reqString(c, 'UserName', p, ctx),
  );
  if (root['SyncKey'] === undefined) throw malformed(ctx, 'SyncKey is missing');
  const syncKey = keySetOrNull(root, 'SyncKey', ctx) ?? sent.syncKey;
  // §13: synccheck uses SyncCheckKey, falling back to SyncKey (absent in 2016 replies).
  const syncCheckKey = keySetOrNull(root, 'SyncCheckKey', ctx) ?? syncKey;
  return {
    messages,
    modifiedContacts: decodeBookEntries(modified, 'ModContactList', scope, ctx),
    deletedContacts: deleted,
    syncKey,
    syncCheckKey,
    skey: optString(root, 'SKey') || sent.skey,
  };
}

export interface ContactPage {
  readonly contacts: readonly BookEntry[];
  /** Pagination cursor; 0 on the last page (§10). */
  readonly seq: number;
}

/** docs/protocol.md §10 webwxgetcontact: `{BaseResponse, MemberCount, MemberList, Seq}`. */
export function parseGetContact(
  text: string,
  ctx: RequestContext,
  scope: ContactScope,
): ContactPage {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  return {
    contacts: decodeBookEntries(reqArray(root, 'MemberList', '', ctx), 'MemberList', scope, ctx),
    // Seq appeared ~2017 (§10); older replies have none, which means "last page".
    seq: root['Seq'] === undefined ? 0 : reqNumber(root, 'Seq', '', ctx),
  };
}

/** docs/protocol.md §11 webwxbatchgetcontact: `{BaseResponse, Count, ContactList}`. */
export function parseBatchGetContact(
  text: string,
  ctx: RequestContext,
  scope: ContactScope,
): BookEntry[] {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  return decodeBookEntries(reqArray(root, 'ContactList', '', ctx), 'ContactList', scope, ctx);
}

/**
 * docs/protocol.md §17 webwxpushloginurl: `{"ret":"0","msg":"all ok","uuid":"…"}`. `ret` is a
 * string ("1" = bad uin); a number is accepted too since OFFICIAL compares loosely.
 */
export function parsePushLogin(text: string, ctx: RequestContext): string {
  const root = parseJsonObject(text, ctx);
  const ret = root['ret'];
  const retText = typeof ret === 'number' ? String(ret) : ret;
  if (typeof retText !== 'string' || !/^-?[0-9]{1,9}$/.test(retText)) {
    throw malformed(ctx, 'ret is not a numeric string');
  }
  if (retText !== '0') {
    const message = optString(root, 'msg');
    throw new WeChatError('Rejected', `push login refused (${retText})`, {
      ...ctx,
      code: Number(retText),
      ...(message === '' ? {} : { serverMessage: message }),
    });
  }
  const uuid = optString(root, 'uuid');
  if (uuid === '') throw malformed(ctx, 'uuid is missing');
  return uuid;
}

import type { RequestContext } from './errors';
import {
  isObject,
  optArray,
  optNumber,
  optString,
  reqArray,
  reqNumber,
  reqString,
  type JsonObject,
} from './json-read';
import { malformed } from './errors';
import { isWeChatUrl } from './hosts';
import { classify, cleanText } from './text';
import type { BookEntry, Contact, ContactDetails, SyncKey } from './types';

/** What contact decoding needs besides the JSON: who "self" is and the main host (§12). */
export interface ContactScope {
  readonly selfUserName: string;
  readonly mainHost: string;
}

/**
 * docs/protocol.md §12: HeadImgUrl is a path on the main host (`/cgi-bin/mmwebwx-bin/webwxgeticon?…`);
 * clients prefix `https://<main>`. A full URL is kept only when it is https on one of WeChat's
 * own hosts: the avatar is fetched with the session's cookies, so any other host would learn
 * them (or, over http, everyone on the way). Anything else means no avatar ('').
 */
export function absoluteUrl(pathOrUrl: string, mainHost: string): string {
  const url =
    pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//')
      ? `https://${mainHost}${pathOrUrl}`
      : pathOrUrl;
  return isWeChatUrl(url) ? url : '';
}

// docs/protocol.md §19 (OFFICIAL): a group without a name shows its first ≤10 members' names.
const GROUP_NAME_MEMBERS = 10;

function memberNames(members: readonly unknown[]): string {
  const names: string[] = [];
  for (const member of members) {
    if (names.length >= GROUP_NAME_MEMBERS) break;
    if (!isObject(member)) continue;
    const name = cleanText(optString(member, 'DisplayName') || optString(member, 'NickName'));
    if (name !== '') names.push(name);
  }
  return names.join(', ');
}

/** One Contact object (webwxinit ContactList, getcontact MemberList, sync ModContactList …). */
export function decodeContact(
  raw: JsonObject,
  path: string,
  scope: ContactScope,
  ctx: RequestContext,
): Contact {
  const userName = reqString(raw, 'UserName', path, ctx);
  if (userName === '') throw malformed(ctx, `${path}UserName is empty`);
  const verifyFlag = optNumber(raw, 'VerifyFlag');
  const kind = classify({ UserName: userName, VerifyFlag: verifyFlag }, scope.selfUserName);
  const members = optArray(raw, 'MemberList');
  // §19: RemarkName || NickName (OFFICIAL getDisplayName).
  let displayName = cleanText(optString(raw, 'RemarkName') || optString(raw, 'NickName'));
  if (displayName === '' && kind === 'group') displayName = memberNames(members);
  return {
    userName,
    displayName,
    kind,
    avatarUrl: absoluteUrl(optString(raw, 'HeadImgUrl'), scope.mainHost),
    // §10: fixtures are trimmed, so MemberCount is trusted when set.
    memberCount: optNumber(raw, 'MemberCount') || members.length,
  };
}

const lowerPinyin = (raw: JsonObject, key: string): string =>
  optString(raw, key)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** The card and search fields of one contact (§10 field list, §19 cleaning). */
export function decodeDetails(raw: JsonObject): ContactDetails {
  const province = cleanText(optString(raw, 'Province'));
  const city = cleanText(optString(raw, 'City'));
  return {
    nickName: cleanText(optString(raw, 'NickName')),
    remarkName: cleanText(optString(raw, 'RemarkName')),
    alias: cleanText(optString(raw, 'Alias')),
    signature: cleanText(optString(raw, 'Signature')),
    region: [province, city].filter((part) => part !== '').join(' '),
    // The server sends pinyin upper- or lower-case, sometimes with spaces (§10): only a–z count.
    pyInitial: lowerPinyin(raw, 'PYInitial'),
    pyQuanPin: lowerPinyin(raw, 'PYQuanPin'),
    remarkPyInitial: lowerPinyin(raw, 'RemarkPYInitial'),
    remarkPyQuanPin: lowerPinyin(raw, 'RemarkPYQuanPin'),
  };
}

/** A contact with its details, for the address book. */
export function decodeBookEntry(
  raw: JsonObject,
  path: string,
  scope: ContactScope,
  ctx: RequestContext,
): BookEntry {
  return { ...decodeContact(raw, path, scope, ctx), details: decodeDetails(raw) };
}

/**
 * `{"Count":4,"List":[{"Key":1,"Val":636444437},…]}` (docs/protocol.md §8, §14). Count is not
 * trusted (it may disagree with List); an empty List is the caller's "keep the old keys" case.
 */
export function decodeSyncKey(raw: JsonObject, path: string, ctx: RequestContext): SyncKey {
  const list = reqArray(raw, 'List', path, ctx);
  return list.map((item, i) => {
    const itemPath = `${path}List[${i}].`;
    if (!isObject(item)) throw malformed(ctx, `${path}List[${i}] is not an object`);
    return {
      key: reqNumber(item, 'Key', itemPath, ctx),
      val: reqNumber(item, 'Val', itemPath, ctx),
    };
  });
}

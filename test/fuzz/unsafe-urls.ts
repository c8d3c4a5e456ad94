/**
 * The URL rules a decoded value must keep (docs/protocol.md §12, §14, §19): links are http(s)
 * or empty; a URL the client fetches with the session's cookies (avatarUrl) is https on a
 * WeChat host; an inline avatar is an image data: URL.
 */
import { isWeChatUrl } from '../../src/wechat/hosts';

const URL_KEY = /(url|uri|cover|href|link|avatar)$/i;

function unsafe(key: string, value: string): boolean {
  if (value === '') return false;
  if (/^avatarUrl$/i.test(key)) return !isWeChatUrl(value);
  if (/^avatar$/i.test(key)) return !/^data:(image\/|img\/jpg;base64,)/.test(value);
  return !/^https?:\/\//i.test(value);
}

/** `key=value` for every string under a URL-like key that breaks the rules, in tree order. */
export function unsafeUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return URL_KEY.test(key) && unsafe(key, value) ? [`${key}=${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item) => unsafeUrls(item, key));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => unsafeUrls(v, k));
  }
  return [];
}

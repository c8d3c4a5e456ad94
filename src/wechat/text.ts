import type { ContactKind } from './types';

// docs/protocol.md §19: ITCHAT remaps ids the server sends for the wrong "cat face" emoji.
const CAT_FACE_REMAP: Readonly<Record<string, string>> = {
  '1f63c': '1f601',
  '1f639': '1f602',
  '1f63a': '1f603',
  '1f4ab': '1f616',
  '1f64d': '1f614',
  '1f63b': '1f60d',
  '1f63d': '1f618',
  '1f64e': '1f621',
  '1f63f': '1f622',
};

// docs/protocol.md §19: `<span class="emoji emoji1f604"></span>`. The closing `>` is optional because
// the server sometimes truncates it (ITCHAT repairs `</span` without `>`). The entity-escaped
// form is accepted too: names sometimes arrive with the span escaped (liuwons/wxBot#11).
const EMOJI_SPAN =
  /(?:<|&lt;)span class=(?:"|&quot;)emoji emoji([0-9a-fA-F]{1,10})(?:"|&quot;)(?:>|&gt;)(?:<|&lt;)\/span(?:>|&gt;)?/g;

const BR = /<br\s*\/?>/gi;

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,7});/g;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  middot: '\u00b7',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  yen: '\u00a5',
  times: '\u00d7',
};

const REPLACEMENT = '\ufffd';

/** One code point from hex, or U+FFFD for controls, surrogates and out-of-range values. */
function codePoint(hex: string): string {
  const value = Number.parseInt(hex, 16);
  const valid =
    Number.isInteger(value) &&
    value >= 0x20 &&
    value <= 0x10ffff &&
    !(value >= 0xd800 && value <= 0xdfff);
  return valid ? String.fromCodePoint(value) : REPLACEMENT;
}

/** docs/protocol.md §19: 2/4/5 hex = one code point, 6 = 2+4 (keycaps), 8 = 4+4, 10 = 5+5 (flags). */
export function emojiFromId(rawId: string): string {
  const lower = rawId.toLowerCase();
  const id = CAT_FACE_REMAP[lower] ?? lower;
  switch (id.length) {
    case 2:
    case 4:
    case 5:
      return codePoint(id);
    case 6:
      return codePoint(id.slice(0, 2)) + codePoint(id.slice(2));
    case 8:
      return codePoint(id.slice(0, 4)) + codePoint(id.slice(4));
    case 10:
      return codePoint(id.slice(0, 5)) + codePoint(id.slice(5));
    default:
      return REPLACEMENT;
  }
}

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(body.slice(2));
  if (body.startsWith('#')) {
    const value = Number.parseInt(body.slice(1), 10);
    // Numeric entities may name tabs/newlines; only reject what cannot be a character.
    if (value === 0x09 || value === 0x0a || value === 0x0d) return String.fromCodePoint(value);
    return codePoint(value.toString(16));
  }
  return NAMED_ENTITIES[body] ?? match;
}

/**
 * Server text (names, signatures, message content) to display text, in the order of
 * docs/protocol.md §19: emoji spans -> Unicode, `<br/>` -> newline, then HTML entities, one pass
 * (so `&amp;lt;` becomes the text `&lt;`). The result is plain text for a text node: an
 * entity-escaped tag becomes literal characters, never markup.
 */
export function cleanText(s: string): string {
  return s
    .replace(EMOJI_SPAN, (_match, id: string) => emojiFromId(id))
    .replace(BR, '\n')
    .replace(ENTITY, decodeEntity);
}

/** Returns `s` only if it parses as an absolute http: or https: URL, else ''. */
export function safeUrl(s: string): string {
  if (s === '') return '';
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? s : '';
  } catch {
    return '';
  }
}

// docs/protocol.md §10: OFFICIAL `_SpUsersList` plus the W4U/WXBOT additions.
const SPECIAL_USERS: ReadonlySet<string> = new Set([
  'weibo',
  'qqmail',
  'fmessage',
  'tmessage',
  'qmessage',
  'qqsync',
  'floatbottle',
  'lbsapp',
  'shakeapp',
  'medianote',
  'qqfriend',
  'readerapp',
  'blogapp',
  'facebookapp',
  'masssendapp',
  'meishiapp',
  'feedsapp',
  'voip',
  'blogappweixin',
  'weixin',
  'brandsessionholder',
  'weixinreminder',
  'wxid_novlwrv3lqwv11',
  'gh_22b87fa7cb3c',
  'officialaccounts',
  'notification_messages',
  'newsapp',
  'filehelper',
  'wxitil',
  'userexperience_alarm',
  'notifymessage',
]);

// docs/protocol.md §10: `@qqim` names are special; `@lbsroom`/`@talkroom` are shielded system ids.
const SPECIAL_SUFFIXES: readonly string[] = ['@qqim', '@lbsroom', '@talkroom'];

/** The raw contact fields classification looks at (names as the server spells them). */
export interface ClassifyFields {
  readonly UserName: string;
  readonly VerifyFlag?: number;
}

/** docs/protocol.md §19 classification: self, group (`@@`), official (`VerifyFlag & 8`), special. */
export function classify(raw: ClassifyFields, selfUserName: string): ContactKind {
  const name = raw.UserName;
  if (selfUserName !== '' && name === selfUserName) return 'self';
  // OFFICIAL /^@@|@chatroom$/: raw `…@chatroom` ids appear inside StatusNotify XML.
  if (name.startsWith('@@') || name.endsWith('@chatroom')) return 'group';
  if (((raw.VerifyFlag ?? 0) & 8) !== 0) return 'official';
  if (SPECIAL_USERS.has(name) || SPECIAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    return 'special';
  }
  return 'person';
}

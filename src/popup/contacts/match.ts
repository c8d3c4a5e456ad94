import type { BookEntry } from '../../wechat';
import { fold, type Folded } from './fold';

/** Which text of the row a match is shown on. */
export type MatchField = 'displayName' | 'nickName' | 'alias';

/** Where the query was found: code-point positions [start, end) in the field's text. */
export interface Match {
  readonly field: MatchField;
  readonly start: number;
  readonly end: number;
}

/** An entry prepared for search once, so each keystroke only compares strings. */
export interface Searchable {
  readonly entry: BookEntry;
  readonly display: Folded;
  readonly nick: Folded;
  readonly alias: Folded;
  /** Pinyin of what is displayed: the remark's when there is a remark (§10, §19). */
  readonly displayPinyin: Pinyin;
  /** Pinyin of the nickname, shown on the nickname line when a remark is displayed. */
  readonly nickPinyin: Pinyin;
}

interface Pinyin {
  readonly initials: string;
  readonly full: string;
  /** Start of each character's syllable in `full`, when they could be told apart; else null. */
  readonly syllables: readonly number[] | null;
}

/**
 * Where each character's syllable starts in the full pinyin, using the initials as guides
 * ("zhangsan" + "zs" -> [0, 5]); null when they do not line up (mixed scripts, odd data).
 */
export function syllableStarts(full: string, initials: string): number[] | null {
  if (initials === '' || full === '' || full[0] !== initials[0]) return null;
  const starts = [0];
  let at = 0;
  for (let i = 1; i < initials.length; i++) {
    const next = full.indexOf(initials[i] ?? '', at + 1);
    if (next < 0) return null;
    starts.push(next);
    at = next;
  }
  return starts;
}

function pinyin(initials: string, full: string): Pinyin {
  return { initials, full, syllables: syllableStarts(full, initials) };
}

export function prepare(entry: BookEntry): Searchable {
  const d = entry.details;
  const hasRemark = d.remarkName !== '';
  return {
    entry,
    display: fold(entry.displayName),
    nick: fold(hasRemark ? d.nickName : ''),
    alias: fold(d.alias),
    displayPinyin: hasRemark
      ? pinyin(d.remarkPyInitial, d.remarkPyQuanPin)
      : pinyin(d.pyInitial, d.pyQuanPin),
    nickPinyin: hasRemark ? pinyin(d.pyInitial, d.pyQuanPin) : pinyin('', ''),
  };
}

function inText(text: Folded, query: string, field: MatchField): Match | null {
  const at = text.text.indexOf(query);
  if (at < 0) return null;
  const start = text.from[at] ?? 0;
  const end = (text.from[at + query.length - 1] ?? start) + 1;
  return { field, start, end };
}

/** A pinyin hit mapped onto the characters it spells; the whole name when that is unclear. */
function inPinyin(p: Pinyin, text: Folded, query: string, field: MatchField): Match | null {
  const whole: Match = { field, start: 0, end: text.points.length };
  const count = text.points.length;
  const byInitials = p.initials.indexOf(query);
  if (byInitials >= 0) {
    if (p.initials.length !== count) return whole;
    return { field, start: byInitials, end: byInitials + query.length };
  }
  const byFull = p.full.indexOf(query);
  if (byFull < 0) return null;
  const starts = p.syllables;
  if (!starts || starts.length !== count) return whole;
  const last = byFull + query.length - 1;
  let start = 0;
  let end = 0;
  starts.forEach((s, i) => {
    if (s <= byFull) start = i;
    if (s <= last) end = i + 1;
  });
  return { field, start, end };
}

const LETTERS = /^[a-z]+$/;

/**
 * Matches a folded query (fold.ts foldQuery) against one entry: the displayed name, then its
 * pinyin (initials "zs", full "zhangsan"), then the nickname behind a remark and its pinyin,
 * then the alias. The first that matches is the one highlighted, so a remark wins over a nickname.
 */
export function matchEntry(s: Searchable, query: string): Match | null {
  const letters = LETTERS.test(query);
  return (
    inText(s.display, query, 'displayName') ??
    (letters ? inPinyin(s.displayPinyin, s.display, query, 'displayName') : null) ??
    inText(s.nick, query, 'nickName') ??
    (letters ? inPinyin(s.nickPinyin, s.nick, query, 'nickName') : null) ??
    inText(s.alias, query, 'alias')
  );
}

export interface Hit {
  readonly item: Searchable;
  readonly match: Match | null;
}

/** Every entry matching the query, in book order; all of them for an empty query. */
export function search(items: readonly Searchable[], query: string): Hit[] {
  if (query === '') return items.map((item) => ({ item, match: null }));
  const out: Hit[] = [];
  for (const item of items) {
    const match = matchEntry(item, query);
    if (match) out.push({ item, match });
  }
  return out;
}

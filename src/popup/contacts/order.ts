import type { BookEntry, ContactKind } from '../../wechat';
import { prepare, type Searchable } from './match';

/** What the Show drop-down offers; 'all' is everything but WeChat's own services (kept apart). */
export type Shown = 'all' | 'person' | 'group' | 'official' | 'special';

export const SHOWN: readonly Shown[] = ['all', 'person', 'group', 'official', 'special'];

export function isShown(kind: ContactKind, shown: Shown): boolean {
  if (shown === 'all') return kind === 'person' || kind === 'group' || kind === 'official';
  return kind === shown;
}

/**
 * A sort key close to how WeChat orders its address book: by the pinyin of what is shown
 * (the server's, §10), else the name itself, lower-cased. Plain string comparison keeps
 * sorting 5,000 entries cheap.
 */
function sortKey(entry: BookEntry): string {
  const d = entry.details;
  const pinyin = d.remarkName !== '' ? d.remarkPyQuanPin : d.pyQuanPin;
  return pinyin !== '' ? pinyin : entry.displayName.toLowerCase();
}

/** Every entry in display order, once per book. */
export function sortBook(entries: readonly BookEntry[]): BookEntry[] {
  const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ entry }) => entry);
}

/** Every entry prepared for search (folded text, pinyin syllables), in the order given. */
export function prepareBook(sorted: readonly BookEntry[]): Searchable[] {
  return sorted.map(prepare);
}

export function countKinds(entries: readonly BookEntry[]): Record<Shown, number> {
  const counts: Record<Shown, number> = { all: 0, person: 0, group: 0, official: 0, special: 0 };
  for (const entry of entries) {
    if (entry.kind === 'self') continue;
    counts[entry.kind] += 1;
    if (isShown(entry.kind, 'all')) counts.all += 1;
  }
  return counts;
}

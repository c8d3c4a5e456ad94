import type { BookEntry, ContactKind, ContactListGap, PlainError, SyncResult } from '../../wechat';

/** What the book database keeps for one account (background/contact-book/db.ts). */
export interface StoredBook {
  /** The account the book belongs to: another account's book is never shown. */
  readonly uin: number;
  readonly entries: readonly BookEntry[];
  /** null when the book was read to Seq 0 (docs/protocol.md §10). */
  readonly gap: ContactListGap | null;
  readonly fetchedAt: number;
}

/** How the last refresh went; kept beside the book, so a failure never touches the book. */
export interface RefreshStatus {
  readonly uin: number;
  readonly state: 'fetching' | 'done' | 'incomplete' | 'failed';
  readonly since: number;
  readonly gap: ContactListGap | null;
  readonly error: PlainError | null;
  readonly retryAt: number;
}

const KINDS: readonly ContactKind[] = ['self', 'person', 'group', 'official', 'special'];
const GAPS: readonly (ContactListGap | null)[] = [null, 'pageLimit', 'repeatedSeq', 'rateLimited'];
const DETAIL_KEYS = [
  'nickName',
  'remarkName',
  'alias',
  'signature',
  'region',
  'pyInitial',
  'pyQuanPin',
  'remarkPyInitial',
  'remarkPyQuanPin',
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isEntry(v: unknown): v is BookEntry {
  if (!isRecord(v) || !isRecord(v['details'])) return false;
  const details = v['details'];
  return (
    typeof v['userName'] === 'string' &&
    typeof v['displayName'] === 'string' &&
    KINDS.includes(v['kind'] as ContactKind) &&
    typeof v['avatarUrl'] === 'string' &&
    typeof v['memberCount'] === 'number' &&
    DETAIL_KEYS.every((key) => typeof details[key] === 'string')
  );
}

/**
 * Decode what IndexedDB gave back (docs/architecture.md principle 4): a record of another shape
 * (an older release, a damaged database) counts as no book, so a fresh fetch replaces it.
 */
export function decodeStoredBook(value: unknown): StoredBook | null {
  if (!isRecord(value)) return null;
  const { uin, entries, gap, fetchedAt } = value;
  if (typeof uin !== 'number' || typeof fetchedAt !== 'number') return null;
  if (!GAPS.includes(gap as ContactListGap | null)) return null;
  if (!Array.isArray(entries) || !entries.every(isEntry)) return null;
  return { uin, entries, gap: gap as ContactListGap | null, fetchedAt };
}

const STATES: readonly RefreshStatus['state'][] = ['fetching', 'done', 'incomplete', 'failed'];

export function decodeRefreshStatus(value: unknown): RefreshStatus | null {
  if (!isRecord(value)) return null;
  const { uin, state, since, gap, error, retryAt } = value;
  if (typeof uin !== 'number' || typeof since !== 'number' || typeof retryAt !== 'number') {
    return null;
  }
  if (!STATES.includes(state as RefreshStatus['state'])) return null;
  if (!GAPS.includes(gap as ContactListGap | null)) return null;
  const plain = isRecord(error) && typeof error['name'] === 'string' ? error : null;
  if (error !== null && plain === null) return null;
  return {
    uin,
    state: state as RefreshStatus['state'],
    since,
    gap: gap as ContactListGap | null,
    error: plain as PlainError | null,
    retryAt,
  };
}

/**
 * ModContactList / DelContactList from webwxsync (docs/protocol.md §14) folded into the book
 * without a refetch: a changed contact replaces its entry in place, a new one is added, a
 * deleted one goes. Returns the same array when nothing changed (no write needed).
 */
export function mergeChanges(
  entries: readonly BookEntry[],
  changes: Pick<SyncResult, 'modifiedContacts' | 'deletedContacts'>,
): readonly BookEntry[] {
  const { modifiedContacts, deletedContacts } = changes;
  if (modifiedContacts.length === 0 && deletedContacts.length === 0) return entries;
  const deleted = new Set(deletedContacts);
  const changed = new Map(modifiedContacts.map((c) => [c.userName, c]));
  const out: BookEntry[] = [];
  for (const entry of entries) {
    if (deleted.has(entry.userName)) continue;
    const next = changed.get(entry.userName);
    out.push(next ?? entry);
    changed.delete(entry.userName);
  }
  // The account itself shows up in ModContactList when its profile changes; it is no contact.
  for (const added of changed.values()) {
    if (added.kind !== 'self' && !deleted.has(added.userName)) out.push(added);
  }
  return out;
}

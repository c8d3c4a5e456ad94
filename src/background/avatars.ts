import type { Contact, LoginTokens } from '../wechat';
import { sessionItem } from '../shared/storage';
import type { Dashboard } from '../shared/view';
import type { AvatarClient } from './ports';
import type { Store } from './store';

/** How many avatars one call fetches at most (the popup shows the first chats first). */
const AVATARS_PER_CALL = 25;
/** A few at a time: enough to fill the popup quickly, few enough not to look like a burst. */
const CONCURRENCY = 4;
/** Avatars that arrived are saved this often while others are still on their way. */
const SAVE_EVERY_MS = 300;
/**
 * The snapshot stays far inside storage.local's quota (10 MB in Chrome without
 * unlimitedStorage): at most this many avatars, each at most this long as a data: URL (an avatar
 * is a small JPEG of a few KB; a larger picture is shown as the initial instead).
 */
export const MAX_AVATARS = 300;
export const MAX_AVATAR_CHARS = 200_000;
/** A failed avatar is tried again after these waits, then not again in this background's life. */
const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;

type Person = Pick<Contact, 'userName' | 'avatarUrl'>;

/** Failed avatars and when each may be tried again; kept for the life of the background. */
export interface AvatarLedger {
  readonly failures: Map<string, { readonly count: number; readonly retryAt: number }>;
}
export const createAvatarLedger = (): AvatarLedger => ({ failures: new Map() });
const sharedLedger = createAvatarLedger();

export interface AvatarOptions {
  readonly onSaved?: (tokens: LoginTokens, dashboard: Dashboard) => Promise<void>;
  readonly now?: () => number;
  readonly ledger?: AvatarLedger;
}

/**
 * Avatars need the WeChat cookies, so the background fetches them as data: URLs and keeps
 * them with the dashboard (docs/protocol.md §12). Already known ones are skipped, and so are
 * failed ones until their retry time. Each request has its own short timeout (the client's),
 * and what arrived is saved as it comes, so one slow avatar does not hold up the rest. A reply
 * that is empty, not a whole image or fails is never saved: the popup shows the initial.
 */
export async function fetchAvatars(
  client: AvatarClient,
  store: Store,
  people: readonly Person[],
  options: AvatarOptions = {},
): Promise<void> {
  const { now = Date.now, ledger = sharedLedger, onSaved } = options;
  const known = (await store.get(sessionItem))?.dashboard?.avatars ?? {};
  const due = (c: Person) => (ledger.failures.get(c.userName)?.retryAt ?? 0) <= now();
  const room = Math.max(0, MAX_AVATARS - Object.keys(known).length);
  const wanted = people
    .filter((c) => c.avatarUrl !== '' && !known[c.userName] && due(c))
    .slice(0, Math.min(AVATARS_PER_CALL, room));
  if (wanted.length === 0) return;

  let pending: Record<string, string> = {};
  let lastSave = now();
  const save = async () => {
    const batch = pending;
    pending = {};
    lastSave = now();
    if (Object.keys(batch).length === 0) return;
    const saved = await store.update(sessionItem, (session) => {
      if (!session?.dashboard) return session;
      const avatars = { ...session.dashboard.avatars, ...batch };
      return { ...session, dashboard: { ...session.dashboard, avatars } };
    });
    if (saved?.dashboard && onSaved) await onSaved(saved.tokens, saved.dashboard);
  };

  let next = 0;
  const worker = async () => {
    for (let item = wanted[next++]; item; item = wanted[next++]) {
      const image = await client.fetchImage(item.avatarUrl).catch((error: unknown) => {
        console.warn('[avatars] not fetched:', error);
        return null;
      });
      if (image && image.length <= MAX_AVATAR_CHARS) {
        ledger.failures.delete(item.userName);
        pending[item.userName] = image;
        if (now() - lastSave >= SAVE_EVERY_MS) await save();
      } else {
        recordFailure(ledger, item.userName, now());
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await save();
}

function recordFailure(ledger: AvatarLedger, userName: string, at: number): void {
  const count = (ledger.failures.get(userName)?.count ?? 0) + 1;
  const wait = RETRY_AFTER_MS[count - 1] ?? Number.POSITIVE_INFINITY;
  ledger.failures.set(userName, { count, retryAt: at + wait });
}

/**
 * The avatars the stored dashboard still lacks, tried again where their retry time has come
 * (the popup opening is the occasion: that is when a missing picture is seen).
 */
export async function retryMissingAvatars(
  client: AvatarClient,
  store: Store,
  options: Omit<AvatarOptions, 'onSaved'> = {},
): Promise<void> {
  const dashboard = (await store.get(sessionItem))?.dashboard;
  if (!dashboard) return;
  const people = [dashboard.profile, ...dashboard.contacts];
  await fetchAvatars(client, store, people, options);
}

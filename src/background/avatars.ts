import type { Contact, LoginTokens } from '../wechat';
import { sessionItem } from '../shared/storage';
import type { Dashboard } from '../shared/view';
import type { AvatarClient } from './ports';
import type { Store } from './store';

/** How many avatars one call fetches at most (the popup shows the first chats first). */
const AVATARS_PER_CALL = 25;
const CONCURRENCY = 4;

/**
 * Avatars need the WeChat cookies, so the background fetches them as data: URLs and keeps
 * them with the dashboard (docs/protocol.md §12). Already known ones are skipped.
 */
export async function fetchAvatars(
  client: AvatarClient,
  store: Store,
  people: readonly Pick<Contact, 'userName' | 'avatarUrl'>[],
  onSaved?: (tokens: LoginTokens, dashboard: Dashboard) => Promise<void>,
): Promise<void> {
  const known = (await store.get(sessionItem))?.dashboard?.avatars ?? {};
  const wanted = people
    .filter((c) => c.avatarUrl !== '' && !known[c.userName])
    .slice(0, AVATARS_PER_CALL);
  if (wanted.length === 0) return;
  const found: Record<string, string> = {};
  let next = 0;
  const worker = async () => {
    for (let item = wanted[next++]; item; item = wanted[next++]) {
      const image = await client.fetchImage(item.avatarUrl).catch(() => null);
      if (image) found[item.userName] = image;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const saved = await store.update(sessionItem, (session) => {
    if (!session?.dashboard) return session;
    const avatars = { ...session.dashboard.avatars, ...found };
    return { ...session, dashboard: { ...session.dashboard, avatars } };
  });
  if (saved?.dashboard && onSaved) await onSaved(saved.tokens, saved.dashboard);
}

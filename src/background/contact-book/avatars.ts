import type { BookEntry } from '../../wechat';
import type { BookClient } from '../ports';

/** The bounds of the avatar cache (README "Address book"). */
export const AVATAR_CACHE_MAX_COUNT = 400;
export const AVATAR_CACHE_MAX_BYTES = 8 * 1024 * 1024;
/** Requests in flight at once: a screenful trickles in instead of bursting (§12, §20). */
const CONCURRENCY = 3;
/** One popup request asks for at most a screenful and a little more. */
export const AVATARS_PER_REQUEST = 30;

/**
 * Contact avatars on demand (docs/protocol.md §12): the page needs the session's cookies, so
 * the background fetches the rows the popup has on screen, a few at a time, and keeps the
 * data: URLs in a least-recently-used cache bounded by count and bytes. A 0-byte or failed
 * reply is remembered as `null` (the popup draws a placeholder), so it is not asked again.
 */
export function createBookAvatars(client: Pick<BookClient, 'fetchImage'>) {
  const cache = new Map<string, string | null>();
  let bytes = 0;
  const inFlight = new Map<string, Promise<string | null>>();

  function remember(key: string, value: string | null) {
    const old = cache.get(key);
    if (old) bytes -= old.length;
    cache.delete(key);
    cache.set(key, value);
    if (value) bytes += value.length;
    for (const [oldest, image] of cache) {
      if (cache.size <= AVATAR_CACHE_MAX_COUNT && bytes <= AVATAR_CACHE_MAX_BYTES) break;
      cache.delete(oldest);
      if (image) bytes -= image.length;
    }
  }

  function one(entry: BookEntry): Promise<string | null> {
    const key = entry.avatarUrl;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const job = client
      .fetchImage(key)
      .catch(() => null)
      .then((image) => {
        remember(key, image);
        inFlight.delete(key);
        return image;
      });
    inFlight.set(key, job);
    return job;
  }

  return {
    /** userName -> data: URL, or null for "draw the placeholder". */
    async get(entries: readonly BookEntry[]): Promise<Record<string, string | null>> {
      const out: Record<string, string | null> = {};
      const wanted: BookEntry[] = [];
      for (const entry of entries.slice(0, AVATARS_PER_REQUEST)) {
        if (entry.avatarUrl === '') out[entry.userName] = null;
        else if (cache.has(entry.avatarUrl)) {
          const hit = cache.get(entry.avatarUrl) ?? null;
          remember(entry.avatarUrl, hit); // most recently used
          out[entry.userName] = hit;
        } else wanted.push(entry);
      }
      let next = 0;
      const worker = async () => {
        for (let entry = wanted[next++]; entry; entry = wanted[next++]) {
          out[entry.userName] = await one(entry);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return out;
    },
    clear(): void {
      cache.clear();
      bytes = 0;
    },
    /** For tests and the README: what the cache holds. */
    size: () => ({ count: cache.size, bytes }),
  };
}

export type BookAvatars = ReturnType<typeof createBookAvatars>;

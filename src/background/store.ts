import { settingsItem, type StorageItem } from '../shared/storage';
import { readStored, storedEntries, versionKey } from '../shared/storage-item';

/** Typed access to extension storage; every read is migrated and decoded (shared/storage-item.ts). */
export interface Store {
  get<T>(item: StorageItem<T>): Promise<T>;
  set<T>(item: StorageItem<T>, value: T): Promise<void>;
  /**
   * Read, change and write one item with no other update of it in between (within this
   * background): the sync loop and the avatar fetch both change the session.
   */
  update<T>(item: StorageItem<T>, change: (current: T) => T | Promise<T>): Promise<T>;
  /** Removes the item; an 'auto' item from both areas. */
  remove(item: StorageItem<unknown>): Promise<void>;
}

/** The part of `browser.storage` a store needs: two key-value areas. */
export interface StorageAreas {
  readonly local: KeyValueArea;
  readonly session: KeyValueArea;
}
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export function createStore(areas: StorageAreas): Store {
  // Every write of a key (set, update, remove) waits for the one before it, so writes land in
  // the order they were asked for.
  const queues = new Map<string, Promise<unknown>>();
  // A write-through cache of decoded values. The background is the only writer of extension
  // storage (the pages ask it through messages), so what it wrote last is what is stored; a
  // new worker starts with an empty cache. Reads on the sign-in path cost no round trip.
  const cache = new Map<KeyValueArea, Map<string, unknown>>([
    [areas.local, new Map()],
    [areas.session, new Map()],
  ]);
  const cached = (area: KeyValueArea) => cache.get(area) as Map<string, unknown>;
  // Bumped by every write and removal of a key. A read or write fills the cache only if no
  // other write or removal of that key began while it awaited storage: a read that started
  // before "Clear session" must not put the cleared session back into the cache.
  const generations = new Map<string, number>();
  const generation = (key: string) => generations.get(key) ?? 0;
  const bump = (key: string) => {
    const next = generation(key) + 1;
    generations.set(key, next);
    return next;
  };

  async function areaOf(item: StorageItem<unknown>): Promise<KeyValueArea> {
    if (item.area !== 'auto') return areas[item.area];
    return (await read(settingsItem, areas.local)).forgetOnClose ? areas.session : areas.local;
  }

  async function read<T>(item: StorageItem<T>, area: KeyValueArea): Promise<T> {
    if (cached(area).has(item.key)) return cached(area).get(item.key) as T;
    const started = generation(item.key);
    const stored = await area.get([item.key, versionKey(item)]);
    const value = readStored(item, stored[item.key], stored[versionKey(item)]);
    if (generation(item.key) === started) cached(area).set(item.key, value);
    return value;
  }

  async function write<T>(item: StorageItem<T>, area: KeyValueArea, value: T): Promise<void> {
    const mine = bump(item.key);
    cached(area).delete(item.key);
    await area.set(storedEntries(item, value));
    if (generation(item.key) === mine) cached(area).set(item.key, value);
  }

  async function removeFrom(area: KeyValueArea, item: StorageItem<unknown>): Promise<void> {
    bump(item.key);
    cached(area).delete(item.key);
    await area.remove([item.key, versionKey(item)]);
  }

  /** Runs `task` after every earlier write of the key has settled. */
  function inOrder<R>(key: string, task: () => Promise<R>): Promise<R> {
    const next = (queues.get(key) ?? Promise.resolve()).then(task);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.finally(() => queues.get(key) === settled && queues.delete(key));
    return next;
  }

  return {
    async get(item) {
      return read(item, await areaOf(item));
    },
    set(item, value) {
      return inOrder(item.key, async () => write(item, await areaOf(item), value));
    },
    update(item, change) {
      return inOrder(item.key, async () => {
        const area = await areaOf(item);
        const current = await read(item, area);
        const value = await change(current);
        // Nothing changed: no write (and an item removed meanwhile is not written back).
        if (value !== current) await write(item, area, value);
        return value;
      });
    },
    remove(item) {
      const from = item.area === 'auto' ? [areas.local, areas.session] : [areas[item.area]];
      return inOrder(item.key, async () => {
        await Promise.all(from.map((area) => removeFrom(area, item)));
      });
    },
  };
}

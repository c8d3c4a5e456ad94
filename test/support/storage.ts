/**
 * Test-only: in-memory storage areas with the shape of `browser.storage.local/session`, for
 * the background's unit tests (src/background/store.ts takes any StorageAreas).
 */
import type { KeyValueArea, StorageAreas } from '../../src/background/store';

type MemoryArea = KeyValueArea & { data: Map<string, unknown> };

function memoryArea(): MemoryArea {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      // Values are cloned in and out, as the browser serialises them.
      const found = keys.filter((key) => data.has(key));
      return Object.fromEntries(found.map((key) => [key, structuredClone(data.get(key))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const key of keys) data.delete(key);
    },
  };
}

export function createMemoryAreas(): StorageAreas & { dump(): Record<string, unknown> } {
  const local = memoryArea();
  const session = memoryArea();
  return {
    local,
    session,
    dump: () => ({
      local: Object.fromEntries(local.data),
      session: Object.fromEntries(session.data),
    }),
  };
}

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
      return Object.fromEntries(found.map((key) => [key, keysSorted(data.get(key))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const key of keys) data.delete(key);
    },
  };
}

/**
 * A copy with every object's keys in sorted order, as Chromium's storage hands values back
 * (Firefox keeps the order they were written in): code that compares by key order fails here.
 */
function keysSorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysSorted);
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return structuredClone(value);
  }
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, keysSorted(v)]));
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

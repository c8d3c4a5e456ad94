/** Test-only: the address book's database in memory, cloned in and out as IndexedDB does. */
import type { BookDb, BookKey } from '../../src/background/contact-book/db';

export function createMemoryBookDb(): BookDb & { data: Map<BookKey, unknown> } {
  const data = new Map<BookKey, unknown>();
  return {
    data,
    async read(key) {
      return structuredClone(data.get(key));
    },
    async write(key, value) {
      data.set(key, structuredClone(value));
    },
    async clear() {
      data.clear();
    },
  };
}

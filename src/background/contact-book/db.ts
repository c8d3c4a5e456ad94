/**
 * Where the address book lives: IndexedDB in the background's origin (no permission needed,
 * no quota trouble at 5,000 contacts, survives worker stops and browser restarts). One object
 * store, two records: the book and the status of the last refresh. Written whole, in one
 * transaction, so a reader sees the old book or the new one, never half of each.
 */
export interface BookDb {
  read(key: BookKey): Promise<unknown>;
  write(key: BookKey, value: unknown): Promise<void>;
  /** Removes both records ("Clear session"). */
  clear(): Promise<void>;
}

export type BookKey = 'book' | 'status';

/** The database's name: the chat store keeps its own database. */
export const BOOK_DB_NAME = 'wechat-contacts';
const STORE = 'records';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function createIndexedDbBookDb(factory: IDBFactory): BookDb {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= (() => {
      const request = factory.open(BOOK_DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      return promised(request).catch((error: unknown) => {
        opened = null;
        throw error;
      });
    })();
    return opened;
  };
  return {
    async read(key) {
      const db = await open();
      return promised(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
    },
    async write(key, value) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(value, key);
      await done(tx);
    },
    async clear() {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
    },
  };
}

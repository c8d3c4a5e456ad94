/**
 * A storage item: key, area, fallback, the version of the shape written now, the steps that
 * bring an older stored shape up to it, and a decoder for the current shape
 * (docs/architecture.md "Storage items"). Storage outlives the code that wrote it, so what is
 * read back is migrated, then decoded; nothing reads a raw stored value.
 */
export interface StorageItem<T> {
  readonly key: string;
  /** 'auto' = local, or session when the user chose to forget the session on close. */
  readonly area: 'local' | 'session' | 'auto';
  readonly fallback: T;
  /** The shape written now. Version 1 is stored without a version key (see versionKey). */
  readonly version: number;
  /** Validates a value of the current version; undefined when it is not one. */
  readonly decode: (raw: unknown) => T | undefined;
  /** `migrations[n]` turns a version n-1 value into a version n value. */
  readonly migrations: Readonly<Record<number, (older: unknown) => unknown>>;
}

export interface ItemDefinition<T> {
  readonly key: string;
  readonly area: StorageItem<T>['area'];
  readonly fallback: T;
  readonly decode: (raw: unknown) => T | undefined;
  /** Defaults to 1. Raising it needs a migration to the new version. */
  readonly version?: number;
  readonly migrations?: StorageItem<T>['migrations'];
}

export function defineItem<T>(definition: ItemDefinition<T>): StorageItem<T> {
  const item = { version: 1, migrations: {}, ...definition };
  for (let v = 2; v <= item.version; v++) {
    // A gap would make every older stored value unreadable: fail when the module loads.
    if (!item.migrations[v]) throw new Error(`storage item ${item.key}: no migration to v${v}`);
  }
  return item;
}

/**
 * Where an item's version is kept: a key beside it, written in the same `set` call. Items
 * stored before versions existed have none, which reads as version 1, so they need no
 * rewrite; an item still at version 1 never writes one.
 */
export const versionKey = (item: StorageItem<unknown>): string => `${item.key}:version`;

/** What to write for a value: the value, and its version when that is past 1. */
export function storedEntries<T>(item: StorageItem<T>, value: T): Record<string, unknown> {
  return item.version > 1
    ? { [item.key]: value, [versionKey(item)]: item.version }
    : { [item.key]: value };
}

/**
 * A stored value -> the current shape, or the fallback. A value from a newer version counts
 * as absent: this code cannot know what the newer fields mean, and reading tokens wrongly is
 * worse than signing in again (only a downgrade gets there). So does a value that does not
 * decode (a manual edit, a migration that could not make sense of it).
 */
export function readStored<T>(item: StorageItem<T>, raw: unknown, storedVersion: unknown): T {
  if (raw === undefined) return item.fallback;
  const from = typeof storedVersion === 'number' ? storedVersion : 1;
  let value: unknown = raw;
  let decoded: T | undefined;
  if (Number.isInteger(from) && from >= 1 && from <= item.version) {
    for (let v = from + 1; v <= item.version; v++) value = item.migrations[v]?.(value);
    decoded = item.decode(value);
  }
  if (decoded === undefined) {
    console.warn(
      `[storage] ${item.key}: stored value (v${String(from)}) is not usable, using the default`,
    );
    return item.fallback;
  }
  return decoded;
}

/** The part of `browser.storage.onChanged` a watcher needs. */
export interface StorageChangeEvents {
  addListener(listener: StorageChangeListener): void;
  removeListener(listener: StorageChangeListener): void;
}
export type StorageChangeListener = (
  changes: Record<string, { newValue?: unknown }>,
  areaName: string,
) => void;

const inArea = (item: StorageItem<unknown>, areaName: string) =>
  item.area === 'auto' ? areaName === 'local' || areaName === 'session' : areaName === item.area;

/**
 * Calls `onValue` with the item's new value, decoded, whenever it changes in storage (in any
 * context). Returns the function that stops watching.
 */
export function watchItem<T>(
  events: StorageChangeEvents,
  item: StorageItem<T>,
  onValue: (value: T) => void,
): () => void {
  const listener: StorageChangeListener = (changes, areaName) => {
    const change = changes[item.key];
    if (!change || !inArea(item, areaName)) return;
    // The version key changes only with the value, in the same event; when it did not change,
    // the value was written by this code, at the current version.
    const version =
      versionKey(item) in changes ? changes[versionKey(item)]?.newValue : item.version;
    onValue(readStored(item, change.newValue, version));
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}

/** Calls `onChange` once per storage change that touches any of the items. */
export function watchItems(
  events: StorageChangeEvents,
  items: readonly StorageItem<unknown>[],
  onChange: () => void,
): () => void {
  const listener: StorageChangeListener = (changes, areaName) => {
    if (items.some((item) => item.key in changes && inArea(item, areaName))) onChange();
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}

import { describe, expect, it, vi } from 'vitest';
import {
  defineItem,
  readStored,
  storedEntries,
  watchItem,
  watchItems,
  type StorageChangeListener,
} from './storage-item';

const isNumber = (v: unknown) => (typeof v === 'number' ? v : undefined);
// v1 was a bare count; v2 wraps it; v3 adds a label.
const counter = defineItem<{ n: number; label: string }>({
  key: 'counter',
  area: 'local',
  fallback: { n: 0, label: '' },
  version: 3,
  migrations: {
    2: (v1) => ({ n: v1 }),
    3: (v2) => ({ ...(v2 as object), label: 'old' }),
  },
  decode: (raw) => {
    const value = raw as { n?: unknown; label?: unknown };
    return isNumber(value?.n) !== undefined && typeof value.label === 'string'
      ? (raw as { n: number; label: string })
      : undefined;
  },
});

describe('storage items (versions and migrations)', () => {
  it('runs every step from the stored version, in order', () => {
    expect(readStored(counter, 5, undefined)).toEqual({ n: 5, label: 'old' });
    expect(readStored(counter, { n: 5 }, 2)).toEqual({ n: 5, label: 'old' });
    expect(readStored(counter, { n: 5, label: 'new' }, 3)).toEqual({ n: 5, label: 'new' });
  });

  it('counts a newer, a nonsensical or an undecodable value as absent', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(readStored(counter, { n: 5, label: 'x' }, 4)).toEqual(counter.fallback);
    expect(readStored(counter, { n: 5, label: 'x' }, 0)).toEqual(counter.fallback);
    expect(readStored(counter, { n: 5, label: 'x' }, 2.5)).toEqual(counter.fallback);
    expect(readStored(counter, { n: 'five', label: 'x' }, 3)).toEqual(counter.fallback);
    expect(readStored(counter, undefined, 3)).toEqual(counter.fallback);
  });

  it('writes the version beside the value once it is past 1', () => {
    expect(storedEntries(counter, { n: 1, label: '' })).toEqual({
      counter: { n: 1, label: '' },
      'counter:version': 3,
    });
    const plain = defineItem({ key: 'plain', area: 'local', fallback: 0, decode: isNumber });
    expect(storedEntries(plain, 1)).toEqual({ plain: 1 });
  });

  it('refuses a definition with a missing step', () => {
    expect(() =>
      defineItem({ key: 'gap', area: 'local', fallback: 0, decode: isNumber, version: 2 }),
    ).toThrow(/no migration to v2/);
  });
});

function fakeEvents() {
  const listeners = new Set<StorageChangeListener>();
  return {
    addListener: (l: StorageChangeListener) => listeners.add(l),
    removeListener: (l: StorageChangeListener) => listeners.delete(l),
    fire: (changes: Record<string, { newValue?: unknown }>, area: string) =>
      listeners.forEach((l) => l(changes, area)),
    count: () => listeners.size,
  };
}

describe('watching storage items', () => {
  it('hands the watcher its own item, decoded, from its own area only', () => {
    const events = fakeEvents();
    const seen = vi.fn();
    const stop = watchItem(events, counter, seen);
    events.fire({ other: { newValue: 1 } }, 'local');
    events.fire({ counter: { newValue: { n: 2, label: 'x' } } }, 'session');
    expect(seen).not.toHaveBeenCalled();
    events.fire({ counter: { newValue: { n: 2, label: 'x' } } }, 'local');
    events.fire({ counter: { newValue: 7 }, 'counter:version': { newValue: 1 } }, 'local');
    events.fire({ counter: {} }, 'local');
    expect(seen.mock.calls).toEqual([
      [{ n: 2, label: 'x' }],
      [{ n: 7, label: 'old' }],
      [counter.fallback],
    ]);
    stop();
    expect(events.count()).toBe(0);
  });

  it('calls a watcher of several items once per change', () => {
    const events = fakeEvents();
    const auto = defineItem({ key: 'auto', area: 'auto', fallback: 0, decode: isNumber });
    const changed = vi.fn();
    watchItems(events, [counter, auto], changed);
    events.fire({ counter: { newValue: 1 }, auto: { newValue: 2 } }, 'local');
    events.fire({ auto: { newValue: 3 } }, 'session');
    events.fire({ auto: { newValue: 3 } }, 'sync');
    events.fire({ unrelated: { newValue: 3 } }, 'local');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

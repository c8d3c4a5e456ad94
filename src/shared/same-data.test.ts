import { describe, expect, it } from 'vitest';
import { sameData } from './same-data';

describe('sameData', () => {
  it('ignores the order of keys, as storage reorders them', () => {
    expect(sameData({ type: 'idle', notice: null }, { notice: null, type: 'idle' })).toBe(true);
    expect(
      sameData(
        { a: { x: 1, y: [1, { p: 'q', r: 's' }] } },
        { a: { y: [1, { r: 's', p: 'q' }], x: 1 } },
      ),
    ).toBe(true);
  });

  it('tells different values apart', () => {
    expect(sameData({ type: 'idle' }, { type: 'failed' })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData({ a: null }, { a: undefined })).toBe(false);
    expect(sameData('1', 1)).toBe(false);
  });

  it('counts a key set to undefined as absent', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });
});

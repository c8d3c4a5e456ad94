import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { awaitsFreshQr, drawQr, type DrawingStore } from './qr-drawing';

const TEXT = 'https://login.weixin.qq.com/l/Ab3dEf9hIj==';

function memory(): NonNullable<DrawingStore> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

/** The dark modules the path draws, as "x,y". */
function modules(path: string): Set<string> {
  return new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));
}

describe('drawQr', () => {
  it('draws every dark module of the encoded QR, and only those', () => {
    const qr = encode(TEXT, { border: 2, ecc: 'M' });
    const drawn = drawQr(TEXT, undefined);
    const expected = new Set<string>();
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && expected.add(`${x},${y}`)));
    expect(drawn.size).toBe(qr.size);
    expect(modules(drawn.path)).toEqual(expected);
  });

  it('keeps the last QR drawn and gives it back for the same text only', () => {
    const store = memory();
    const first = drawQr(TEXT, store);
    store.data.set('qr-drawn', JSON.stringify({ ...first, path: 'M0 0h1v1h-1z' }));
    // Same text: what was kept (here altered, to show it was read, not drawn again).
    expect(drawQr(TEXT, store).path).toBe('M0 0h1v1h-1z');
    // Another text: drawn afresh, and kept instead.
    const other = drawQr(`${TEXT}x`, store);
    expect(modules(other.path).size).toBeGreaterThan(100);
    expect(JSON.parse(store.data.get('qr-drawn') ?? '{}').text).toBe(`${TEXT}x`);
  });

  it('draws afresh when what was kept is not a drawing, or storage fails', () => {
    const store = memory();
    const fresh = drawQr(TEXT, undefined);
    for (const kept of ['{', 'null', '[]', JSON.stringify({ text: TEXT, size: '29', path: 1 })]) {
      store.data.set('qr-drawn', kept);
      expect(drawQr(TEXT, store)).toEqual(fresh);
    }
    const failing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(drawQr(TEXT, failing)).toEqual(fresh);
  });
});

describe('awaitsFreshQr', () => {
  it('holds while the QR is still being fetched, kept "starting" included', () => {
    expect(awaitsFreshQr(null)).toBe(true);
    expect(awaitsFreshQr({ type: 'starting' })).toBe(true);
  });

  it('does not hold for a kept QR, which comes with its drawing, nor past the QR', () => {
    expect(
      awaitsFreshQr({ type: 'qr', qrText: 'https://x/l/a', notice: null, account: null }),
    ).toBe(false);
    expect(awaitsFreshQr({ type: 'scanned', avatar: null })).toBe(false);
    expect(awaitsFreshQr({ type: 'signingIn' })).toBe(false);
  });
});

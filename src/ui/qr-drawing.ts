import { encode } from 'uqr';

export interface Drawn {
  readonly text: string;
  readonly size: number;
  readonly path: string;
}

/**
 * The last QR drawn, kept in the page's localStorage: encoding takes up to ~10 ms in a fresh
 * popup (npm run bench), and a reopened popup usually shows the same QR again. It holds only
 * the QR's own text and shape; anything else read back is ignored.
 */
const DRAWN_KEY = 'qr-drawn';

/** The part of the page's localStorage the drawing needs; absent, nothing is kept. */
export type DrawingStore = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** The QR for `text` as one SVG path of unit squares, on a grid of `size` modules. */
export function drawQr(text: string, store: DrawingStore): Drawn {
  try {
    const kept = JSON.parse(store?.getItem(DRAWN_KEY) ?? 'null') as Partial<Drawn> | null;
    if (kept?.text === text && Number.isInteger(kept.size) && typeof kept.path === 'string') {
      return kept as Drawn;
    }
  } catch {
    // Unreadable: drawn again below.
  }
  const qr = encode(text, { border: 2, ecc: 'M' });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const fresh = { text, size: qr.size, path };
  try {
    store?.setItem(DRAWN_KEY, JSON.stringify(fresh));
  } catch {
    // No storage (quota, a private window): drawn each time, which is only slower.
  }
  return fresh;
}

/** The page's localStorage, or none where reading it throws (storage blocked for the origin). */
export function pageStorage(): DrawingStore {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

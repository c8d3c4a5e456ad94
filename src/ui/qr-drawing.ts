import { encode } from 'uqr';
import type { ViewState } from '../shared/view';

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

/** How every login QR is encoded. */
const QR_OPTIONS = { border: 2, ecc: 'M' } as const;

/** A text of the login QR's shape (docs/protocol.md §3): what the warm-up encodes. */
const SAMPLE_TEXT = 'https://login.weixin.qq.com/l/Ab3dEf9hIj==';

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
  const qr = encode(text, QR_OPTIONS);
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

/**
 * Whether a popup that first paints `first` is waiting for a QR it has never drawn: nothing
 * kept yet, or the background still fetching one ('starting', which the background keeps as
 * soon as the popup's navigation starts a QR, background/popup-opening.ts). A kept QR comes
 * with its drawing, and a signed-in popup draws none.
 */
export function awaitsFreshQr(first: ViewState | null): boolean {
  return first === null || first.type === 'starting';
}

/**
 * Encodes a sample once and keeps nothing: the first encoding in a fresh page takes ~9 ms (the
 * encoder's code is not compiled yet), a later one 1–3 ms. Run while the popup waits on the
 * network for its first QR, so the QR itself is drawn sooner (npm run bench: open → QR).
 */
export function warmQrEncoder(): void {
  encode(SAMPLE_TEXT, QR_OPTIONS);
}

/** The page's localStorage, or none where reading it throws (storage blocked for the origin). */
export function pageStorage(): DrawingStore {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

import { getBytes, requestContext, type ClientContext } from './context';
import { malformed } from './errors';
import { isWeChatUrl } from './hosts';

// String.fromCharCode.apply takes its arguments on the stack; 32 KiB chunks stay well inside
// every engine's limit and keep the conversion linear.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK))));
  }
  return btoa(parts.join(''));
}

// The formats an avatar comes in, told by their first and last bytes: a reply that says
// image/jpeg but carries an error page, or an image cut off on the way, is not a picture
// (§12, §25). Each format marks its end: JPEG's EOI marker, PNG's IEND chunk, GIF's trailer,
// and WebP's RIFF header states the file's length.
interface Format {
  readonly type: string;
  readonly starts: (b: Uint8Array) => boolean;
  readonly complete: (b: Uint8Array) => boolean;
}

const FORMATS: readonly Format[] = [
  {
    type: 'image/jpeg',
    starts: (b) => bytesAt(b, 0, [0xff, 0xd8, 0xff]),
    // Some encoders leave a few padding bytes after EOI.
    complete: (b) => indexOfPair(b.subarray(Math.max(0, b.length - 32)), 0xff, 0xd9) !== -1,
  },
  {
    type: 'image/png',
    starts: (b) => bytesAt(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    complete: (b) => b.length >= 20 && asciiAt(b, b.length - 8, 'IEND'),
  },
  {
    type: 'image/gif',
    starts: (b) => asciiAt(b, 0, 'GIF87a') || asciiAt(b, 0, 'GIF89a'),
    complete: (b) => b[b.length - 1] === 0x3b,
  },
  {
    type: 'image/webp',
    starts: (b) => asciiAt(b, 0, 'RIFF') && asciiAt(b, 8, 'WEBP'),
    complete: (b) => b.length >= 12 && riffLength(b) === b.length - 8,
  },
];

function bytesAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

function asciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
  return bytesAt(
    bytes,
    offset,
    [...text].map((ch) => ch.charCodeAt(0)),
  );
}

function indexOfPair(bytes: Uint8Array, first: number, second: number): number {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === first && bytes[i + 1] === second) return i;
  }
  return -1;
}

function riffLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
}

/** The image type of complete JPEG, PNG, GIF or WebP bytes; null for anything else. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const format = FORMATS.find((f) => f.starts(bytes));
  return format !== undefined && format.complete(bytes) ? format.type : null;
}

/**
 * Fetches an avatar (or other cookie-protected image) into a `data:` URL the popup can show
 * without cookies. Only https URLs on WeChat's hosts are fetched (the cookies go with them).
 * docs/protocol.md §12: without the session cookies the server answers 200 with an empty
 * body -> null (no picture for now). Bytes that are not a whole JPEG, PNG, GIF or WebP -> Malformed,
 * whatever Content-Type says, so a broken reply is never kept as a picture.
 */
export async function fetchImage(c: ClientContext, url: string): Promise<string | null> {
  const ctx = requestContext('fetchImage', url);
  if (!isWeChatUrl(url)) throw malformed(ctx, 'image URL is not https on a WeChat host');
  // Its own short timeout: one avatar that hangs must not hold up the others for long.
  const response = await getBytes(c, ctx.operation, url, c.quickTimeoutMs);
  if (response.bytes.length === 0) return null;
  const type = sniffImageType(response.bytes);
  if (type === null) throw malformed(ctx, 'reply is not a whole JPEG, PNG, GIF or WebP image');
  return `data:${type};base64,${bytesToBase64(response.bytes)}`;
}

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

// The formats an avatar comes in, told by their first bytes: a reply that says image/jpeg but
// carries an error page or a truncated body is not an image (§12, §25).
const SIGNATURES: readonly { readonly type: string; readonly test: (b: Uint8Array) => boolean }[] =
  [
    { type: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
    {
      type: 'image/png',
      test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    },
    { type: 'image/gif', test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
    { type: 'image/webp', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  ];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return startsWith(
    bytes.subarray(offset),
    [...text].map((ch) => ch.charCodeAt(0)),
  );
}

/** The image type the bytes really are, or null. */
export function sniffImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.type ?? null;
}

/**
 * Fetches an avatar (or other cookie-protected image) into a `data:` URL the popup can show
 * without cookies. Only https URLs on WeChat's hosts are fetched (the cookies go with them).
 * docs/protocol.md §12: without the session cookies the server answers 200 with an empty
 * body -> null (no picture for now). Bytes that are not a JPEG, PNG, GIF or WebP -> Malformed,
 * whatever Content-Type says, so a broken reply is never kept as a picture.
 */
export async function fetchImage(c: ClientContext, url: string): Promise<string | null> {
  const ctx = requestContext('fetchImage', url);
  if (!isWeChatUrl(url)) throw malformed(ctx, 'image URL is not https on a WeChat host');
  const response = await getBytes(c, ctx.operation, url);
  if (response.bytes.length === 0) return null;
  const type = sniffImageType(response.bytes);
  if (type === null) throw malformed(ctx, 'reply is not a JPEG, PNG, GIF or WebP image');
  return `data:${type};base64,${bytesToBase64(response.bytes)}`;
}

import { getBytes, requestContext, type ClientContext } from './context';
import { malformed } from './errors';
import { safeUrl } from './text';

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

/** `image/jpeg; foo=bar` -> `image/jpeg`, or null when it is not an image type. */
function imageType(contentType: string): string | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^image\/[a-z0-9.+-]+$/.test(type) ? type : null;
}

/**
 * Fetches an avatar (or other cookie-protected image) into a `data:` URL the popup can show
 * without cookies. docs/protocol.md §12: without the session cookies the server answers
 * 200 `text/html; charset=gbk` with an empty body -> null, as does any non-image reply.
 */
export async function fetchImage(c: ClientContext, url: string): Promise<string | null> {
  const ctx = requestContext('fetchImage', url);
  if (safeUrl(url) === '') throw malformed(ctx, 'image URL is not http(s)');
  const response = await getBytes(c, ctx.operation, url);
  const type = imageType(response.contentType);
  if (type === null || response.bytes.length === 0) return null;
  return `data:${type};base64,${bytesToBase64(response.bytes)}`;
}

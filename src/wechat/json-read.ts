import { malformed, WeChatError, type RequestContext } from './errors';

/**
 * Small hand-written readers for the webwx* JSON replies. Required fields throw Malformed
 * naming the field path; optional/cosmetic fields fall back to a default when missing or of
 * the wrong type (docs/architecture.md principle 4: decode at the boundary).
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** docs/protocol.md §18: bodies are UTF-8 JSON whatever the Content-Type says. */
export function parseJsonObject(text: string, ctx: RequestContext): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed(ctx, 'reply is not JSON', error);
  }
  if (!isObject(value)) throw malformed(ctx, 'reply is not a JSON object');
  return value;
}

export function reqObject(
  o: JsonObject,
  key: string,
  path: string,
  ctx: RequestContext,
): JsonObject {
  const value = o[key];
  if (!isObject(value)) throw malformed(ctx, `${path}${key} is not an object`);
  return value;
}

export function reqArray(
  o: JsonObject,
  key: string,
  path: string,
  ctx: RequestContext,
): readonly unknown[] {
  const value = o[key];
  if (!Array.isArray(value)) throw malformed(ctx, `${path}${key} is not an array`);
  return value;
}

export function reqString(o: JsonObject, key: string, path: string, ctx: RequestContext): string {
  const value = o[key];
  if (typeof value !== 'string') throw malformed(ctx, `${path}${key} is not a string`);
  return value;
}

export function reqNumber(o: JsonObject, key: string, path: string, ctx: RequestContext): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw malformed(ctx, `${path}${key} is not a number`);
  }
  return value;
}

/** MsgId-style ids: a string, or a safe integer some fakes send as a bare number. */
export function reqId(o: JsonObject, key: string, path: string, ctx: RequestContext): string {
  const value = o[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw malformed(ctx, `${path}${key} is not an id string`);
}

/** §7: Uin is a number from OFFICIAL but a decimal string in other captures; accept both. */
export function reqUin(o: JsonObject, key: string, path: string, ctx: RequestContext): number {
  const value = o[key];
  const uin = typeof value === 'string' && /^[0-9]{1,10}$/.test(value) ? Number(value) : value;
  if (typeof uin !== 'number' || !Number.isSafeInteger(uin) || uin < 0 || uin > 0xffffffff) {
    throw malformed(ctx, `${path}${key} is not a uin`);
  }
  return uin;
}

export function optString(o: JsonObject, key: string, fallback = ''): string {
  const value = o[key];
  return typeof value === 'string' ? value : fallback;
}

export function optNumber(o: JsonObject, key: string, fallback = 0): number {
  const value = o[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function optArray(o: JsonObject, key: string): readonly unknown[] {
  const value = o[key];
  return Array.isArray(value) ? value : [];
}

/** A list that may be absent (-> []) but, when present, must be an array. */
export function listOrEmpty(
  o: JsonObject,
  key: string,
  path: string,
  ctx: RequestContext,
): readonly unknown[] {
  return o[key] === undefined ? [] : reqArray(o, key, path, ctx);
}

/** Maps `decode` over list items, naming the element in errors (`ContactList[3].`). */
export function mapItems<T>(
  items: readonly unknown[],
  label: string,
  ctx: RequestContext,
  decode: (item: JsonObject, itemPath: string) => T,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) throw malformed(ctx, `${label}[${i}] is not an object`);
    out.push(decode(item, `${label}[${i}].`));
  }
  return out;
}

/**
 * BaseResponse.Ret (docs/protocol.md §8, §14, §20): 1100/1101/1102 -> SessionEnded,
 * 1205 -> RateLimited, any other non-zero -> Rejected; ErrMsg becomes the server message.
 */
export function checkBaseResponse(root: JsonObject, ctx: RequestContext): void {
  const base = reqObject(root, 'BaseResponse', '', ctx);
  const ret = reqNumber(base, 'Ret', 'BaseResponse.', ctx);
  if (ret === 0) return;
  throw retError(ret, optString(base, 'ErrMsg'), ctx);
}

/** The named error for a non-zero server code (BaseResponse.Ret or synccheck retcode). */
export function retError(code: number, serverMessage: string, ctx: RequestContext): WeChatError {
  const context = { ...ctx, code, ...(serverMessage === '' ? {} : { serverMessage }) };
  if (code === 1100 || code === 1101 || code === 1102) {
    return new WeChatError('SessionEnded', `session ended (${code})`, context);
  }
  if (code === 1205) return new WeChatError('RateLimited', 'rate limited (1205)', context);
  return new WeChatError('Rejected', `server refused (${code})`, context);
}

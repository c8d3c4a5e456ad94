import { WeChatError, type RequestContext } from './errors';

/** The request layer's dependencies; timers default to the globals (injectable for tests). */
export interface HttpDeps {
  readonly fetch: typeof fetch;
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

export interface HttpRequest {
  readonly operation: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  readonly contentType?: string;
  readonly timeoutMs?: number;
  /** Largest body accepted, in bytes; a longer one fails with TooLarge (reply-limits.ts). */
  readonly maxBytes: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Content-Type header as sent ('' when absent); used only to label image bytes. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** For replies a person waits on with nothing to see yet (ClientContext.quickTimeoutMs). */
export const QUICK_TIMEOUT_MS = 8_000;
/**
 * Upper bound for any request: the server holds long-polls ~25 s (§4, §13) and a
 * background worker may be stopped at ~30 s (docs/architecture.md), so stay below both.
 */
export const MAX_TIMEOUT_MS = 24_000;

// Query values that are credentials (§7) are masked in error URLs (errors.ts: "without
// secrets in the query where possible") because errors travel to the UI and to logs.
const SECRET_PARAM = /([?&](?:skey|sid|pass_ticket|ticket|uin|wxuin|deviceid|synckey)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAM, '$1***');
}

const utf8 = new TextDecoder('utf-8');

/** docs/protocol.md §18: bodies are UTF-8 whatever Content-Type says (even `charset=gbk`). */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

function clampTimeout(ms: number | undefined): number {
  const value = ms ?? DEFAULT_TIMEOUT_MS;
  return Math.min(Math.max(value, 1), MAX_TIMEOUT_MS);
}

/**
 * One HTTP exchange. `credentials: 'include'` lets the browser's own cookie jar carry the
 * session (§18, §22b: Set-Cookie is invisible to fetch). `redirect: 'follow'` because a 301
 * without Location is then handed back as-is with its body (§5.2, §22b), while 'manual'
 * would give an opaque response. Fails with Timeout (whole exchange, body included),
 * Network (fetch rejected, body unreadable, or HTTP status >= 400 with code = status).
 */
export async function request(deps: HttpDeps, req: HttpRequest): Promise<HttpResponse> {
  const ctx: RequestContext = { operation: req.operation, url: redactUrl(req.url) };
  const timeoutMs = clampTimeout(req.timeoutMs);
  // Detached calls on purpose: browser fetch/setTimeout throw "Illegal invocation" when
  // called as methods of another object (deps.fetch(...)).
  const doFetch = deps.fetch;
  const startTimer = deps.setTimeout ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const stopTimer =
    deps.clearTimeout ??
    ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const controller = new AbortController();
  let timer: unknown;
  // Raced against the exchange so a fetch that ignores the abort signal still times out.
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = startTimer(() => {
      reject(new WeChatError('Timeout', `no reply within ${timeoutMs} ms`, ctx));
      controller.abort();
    }, timeoutMs);
  });
  const exchange = (async (): Promise<HttpResponse> => {
    let response: Response;
    try {
      response = await doFetch(req.url, {
        method: req.method,
        credentials: 'include',
        redirect: 'follow',
        signal: controller.signal,
        ...(req.body === undefined ? {} : { body: req.body }),
        ...(req.contentType === undefined ? {} : { headers: { 'Content-Type': req.contentType } }),
      });
    } catch (error) {
      throw new WeChatError('Network', 'request failed', ctx, error);
    }
    if (response.status >= 400) {
      // Drain nothing: the body of an error page is of no use and may be large.
      throw new WeChatError('Network', `HTTP ${response.status}`, {
        ...ctx,
        code: response.status,
      });
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      bytes: await readBody(response, req.maxBytes, ctx, controller),
    };
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    stopTimer(timer);
    // The loser of the race must not surface as an unhandled rejection.
    exchange.catch(() => undefined);
    timeout.catch(() => undefined);
  }
}

function tooLarge(ctx: RequestContext, maxBytes: number): WeChatError {
  return new WeChatError('TooLarge', `reply larger than ${maxBytes} bytes`, ctx);
}

/**
 * The body, read chunk by chunk so a reply over `maxBytes` is cut off as soon as it is known
 * to be too long (Content-Length first, then the bytes as they arrive): memory stays bounded
 * and a huge reply is not downloaded in full.
 */
async function readBody(
  response: Response,
  maxBytes: number,
  ctx: RequestContext,
  controller: AbortController,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    controller.abort();
    throw tooLarge(ctx, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    if (response.body === null) return new Uint8Array(0);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        controller.abort();
        // Not awaited: cancelling one branch of a tee'd body settles only with the other.
        reader.cancel().catch(() => undefined);
        throw tooLarge(ctx, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof WeChatError) throw error;
    throw new WeChatError('Network', 'reading the reply failed', ctx, error);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** request() then the body as UTF-8 text. */
export async function requestText(deps: HttpDeps, req: HttpRequest): Promise<string> {
  return decodeUtf8((await request(deps, req)).bytes);
}

/** Reply plumbing shared by every endpoint (content types and cookie attributes of docs/protocol.md §18, §5.4). */
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string;
}

/** JSON endpoints answer `text/plain` without charset, UTF-8 bytes (§8, §18). */
export const CT_JSON = 'text/plain';
/** jslogin, login poll, synccheck (§2, §4, §13). */
export const CT_JS = 'text/javascript';
/** newloginpage XML (§5.2). */
export const CT_XML = 'text/plain;charset=utf-8';
/** Empty avatar without cookies (§12). */
export const CT_EMPTY_GBK = 'text/html; charset=gbk';

export function reply(
  status: number,
  contentType: string,
  body: Buffer | string,
  extra: Reply['headers'] = {},
): Reply {
  return { status, headers: { 'Content-Type': contentType, ...extra }, body };
}

/**
 * Serialise like the real server: `"Key": value` with one space after the colon and none after
 * commas (CAPTURE-2018 `{"BaseResponse": {"Ret": 0,"ErrMsg": ""},"MsgID": "…"}`). `bigint` values
 * are written as bare numbers — that is how NewMsgId (> 2^53) reaches clients (§14).
 */
export function wxJson(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(wxJson).join(',') + ']';
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${JSON.stringify(k)}: ${wxJson(x)}`);
    return '{' + parts.join(',') + '}';
  }
  return 'null';
}

export function jsonReply(v: unknown, extra: Reply['headers'] = {}): Reply {
  return reply(200, CT_JSON, Buffer.from(wxJson(v), 'utf8'), extra);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    if (!out.has(k)) out.set(k, part.slice(i + 1).trim());
  }
  return out;
}

/**
 * `name=value; Domain=…; Path=/; Expires=…; Secure` — attributes as captured in §5.4 (no HttpOnly,
 * no SameSite; browsers treat a missing SameSite as Lax, fine for extension background fetches).
 */
export function setCookie(name: string, value: string, domain: string, lifetimeMs: number): string {
  const expires = new Date(Date.now() + lifetimeMs).toUTCString();
  return `${name}=${value}; Domain=${domain}; Path=/; Expires=${expires}; Secure`;
}

export function readBody(req: IncomingMessage, limit = 4 << 20): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Bodies are JSON whatever the Content-Type says (ITCHAT sends `ContentType:` — §18). */
export function parseJsonBody(body: Buffer): Record<string, unknown> | null {
  const text = body.toString('utf8').trim();
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    t.unref();
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A wake-up point for long polls: `wait` resolves when `notify` runs, on timeout or on abort. */
export class Signal {
  private waiters = new Set<() => void>();
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(t);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, Math.max(0, ms));
      t.unref();
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
  notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** HTML-escape message text the way Content arrives (§14: `&lt;`, `&gt;`, `&amp;`, `<br/>`). */
export function escapeContent(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br/>');
}

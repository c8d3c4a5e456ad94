/** Request context and the session check of docs/protocol.md §22.5 / §18. */
import type { IncomingMessage } from 'node:http';
import type { HostKind } from './config.js';
import type { Reply } from './http-util.js';
import type { Session } from './session.js';
import type { SimState } from './state.js';

export interface Ctx {
  req: IncomingMessage;
  url: URL;
  host: string;
  kind: HostKind;
  cookies: Map<string, string>;
  body: Buffer;
  /** Body parsed as JSON whatever the Content-Type (§18), or null. */
  json: Record<string, unknown> | null;
  sim: SimState;
  /** Aborted when the client goes away (ends long polls early). */
  signal: AbortSignal;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export type Auth = { ok: true; session: Session } | { ok: false; ret: number };

/** Session from the wxuin/wxsid cookies alone: missing → 1100, unknown → 1101, dead → 1100/1101. */
export function cookieSession(ctx: Ctx, missingRet = 1100): Auth {
  const uin = ctx.cookies.get('wxuin');
  const sid = ctx.cookies.get('wxsid');
  if (!uin || !sid) return { ok: false, ret: missingRet };
  const s = ctx.sim.sessionBySid(sid);
  if (!s || String(s.uin) !== uin) return { ok: false, ret: 1101 };
  if (s.status === 'phoneLogout') return { ok: false, ret: 1100 };
  if (s.status !== 'active') return { ok: false, ret: 1101 };
  return { ok: true, session: s };
}

/**
 * JSON endpoints: cookies (wxuin, wxsid) + BaseRequest {Uin (number or string), Sid, Skey};
 * DeviceID is ignored (§7). For GET endpoints the skey comes from the query string instead.
 * No BaseRequest in a POST body → Ret 1 (param error, §20).
 */
export function authenticate(ctx: Ctx): Auth {
  const c = cookieSession(ctx);
  if (!c.ok) return c;
  const s = c.session;
  const br = ctx.json?.BaseRequest;
  if (br === undefined) {
    if (ctx.req.method === 'GET' || ctx.json === null || Object.keys(ctx.json).length === 0) {
      return ctx.url.searchParams.get('skey') === s.skey ? c : { ok: false, ret: 1101 };
    }
    return { ok: false, ret: 1 };
  }
  if (typeof br !== 'object' || br === null) return { ok: false, ret: 1 };
  const { Uin, Sid, Skey } = br as { Uin?: unknown; Sid?: unknown; Skey?: unknown };
  if (String(Uin) !== String(s.uin) || Sid !== s.sid || Skey !== s.skey)
    return { ok: false, ret: 1101 };
  return c;
}

export const baseResponse = (ret: number): { Ret: number; ErrMsg: string } => ({
  Ret: ret,
  ErrMsg: '',
});

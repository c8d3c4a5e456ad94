/** Main host: webwxnewloginpage — credential exchange (§5, §22.4). */
import { dataTicketDomain, type HomeHost } from './config.js';
import { CT_XML, reply, setCookie, type Reply } from './http-util.js';
import type { Ctx } from './routes-common.js';

const HOUR = 3_600_000;
const TEN_YEARS = 10 * 365 * 24 * HOUR;

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTTP 200 with version=v2, else 301 with no Location and the same body (§5.2 quirk). */
function statusFor(ctx: Ctx): number {
  return ctx.url.searchParams.get('version') === 'v2' ? 200 : 301;
}

/** Failure: only <ret> and <message>, no session cookies (§5.3). */
function fail(ctx: Ctx, message: string): Reply {
  const body = `<error><ret>1203</ret><message>${xmlEscape(message)}</message></error>`;
  return reply(statusFor(ctx), CT_XML, body);
}

export function newLoginPage(ctx: Ctx): Reply {
  const sim = ctx.sim;
  const q = ctx.url.searchParams;
  const t = sim.tickets.get(q.get('ticket') ?? '');
  const entry = t ? sim.logins.get(t.uuid) : undefined;
  const uuid = q.get('uuid');
  // Single-use ticket, bound to its uuid and to the host of the redirect_uri (our choice: §4 only says a ticket is single-use).
  if (!t || t.used || !entry || (uuid !== null && uuid !== t.uuid) || entry.homeHost !== ctx.host) {
    return fail(ctx, 'check ticket failed');
  }
  t.used = true;
  if (sim.banNext !== null) {
    const message = sim.banNext;
    sim.banNext = null;
    return fail(ctx, message);
  }
  const uosOk = ctx.req.headers['client-version'] === '2.0.0' && !!ctx.req.headers.extspam;
  if (sim.config.mode === 'blocked' || (sim.config.mode === 'uos' && !uosOk)) {
    return fail(ctx, sim.config.blockedMessage);
  }
  const home = ctx.host as HomeHost;
  const s = sim.openSession(home, entry.account ?? sim.config.account);
  const lang = /^[A-Za-z_]{2,10}$/.test(q.get('lang') ?? '') ? (q.get('lang') as string) : 'zh_CN';
  const body =
    `<error><ret>0</ret><message></message><skey>${s.skey}</skey><wxsid>${s.sid}</wxsid>` +
    `<wxuin>${s.uin}</wxuin><pass_ticket>${encodeURIComponent(s.passTicket)}</pass_ticket>` +
    `<isgrayscale>1</isgrayscale></error>`;
  // §5.4: Domain=<main host> for all but webwx_data_ticket (.qq.com / .wechat.com).
  const cookies = [
    setCookie('wxuin', String(s.uin), home, 12 * HOUR),
    setCookie('wxsid', s.sid, home, 12 * HOUR),
    setCookie('wxloadtime', String(s.createdAt), home, 12 * HOUR),
    setCookie('mm_lang', lang, home, 12 * HOUR),
    setCookie('webwx_data_ticket', s.dataTicket, dataTicketDomain(home), 12 * HOUR),
    setCookie('webwxuvid', s.uvid, home, TEN_YEARS),
    setCookie('webwx_auth_ticket', s.authTicket, home, TEN_YEARS),
  ];
  return reply(statusFor(ctx), CT_XML, body, { 'Set-Cookie': cookies });
}

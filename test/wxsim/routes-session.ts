/** Main host: webwxsendmsg (§15), webwxlogout (§16), webwxpushloginurl (§17), avatars (§12). */
import { AVATAR_JPEG } from './image.js';
import { CT_EMPTY_GBK, jsonReply, reply, type Reply } from './http-util.js';
import { newMsgId } from './ids.js';
import { sentMessage } from './messages.js';
import { authenticate, baseResponse, cookieSession, type Ctx } from './routes-common.js';
import type { HomeHost } from './config.js';

/** `{BaseResponse, MsgID:"<19 digits>", LocalID:<as sent>}`; rate-limit mode → Ret 1205. */
export function webwxsendmsg(ctx: Ctx): Reply {
  const a = authenticate(ctx);
  const msg = (ctx.json?.Msg ?? {}) as {
    Content?: unknown;
    ToUserName?: unknown;
    LocalID?: unknown;
    ClientMsgId?: unknown;
  };
  if (!a.ok) return jsonReply({ BaseResponse: baseResponse(a.ret), MsgID: '', LocalID: '' });
  if (ctx.sim.config.rateLimit)
    return jsonReply({ BaseResponse: baseResponse(1205), MsgID: '', LocalID: '' });
  if (typeof msg.ToUserName !== 'string' || typeof msg.Content !== 'string') {
    return jsonReply({ BaseResponse: baseResponse(1), MsgID: '', LocalID: '' });
  }
  const id = newMsgId();
  a.session.sent.push({
    to: msg.ToUserName,
    content: msg.Content,
    localId: String(msg.LocalID ?? ''),
    clientMsgId: String(msg.ClientMsgId ?? ''),
    msgId: id,
  });
  a.session.enqueue(sentMessage(a.session.account, msg.ToUserName, msg.Content, id));
  return jsonReply({ BaseResponse: baseResponse(0), MsgID: id, LocalID: msg.LocalID ?? '' });
}

/**
 * GET or POST, with or without the `sid`/`uin` form body (§16). The session is found by cookie,
 * by form body, or by the skey query param; it then answers 1101 everywhere. Body: empty 200.
 */
export function webwxlogout(ctx: Ctx): Reply {
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const sid = ctx.cookies.get('wxsid') ?? form.get('sid') ?? undefined;
  const skey = ctx.url.searchParams.get('skey');
  const s = ctx.sim.sessionBySid(sid) ?? ctx.sim.sessions.find((x) => x.skey === skey);
  s?.kill('loggedOut');
  return reply(200, 'text/html', '');
}

/** Needs wxuin + webwx_auth_ticket cookies; ret is a string (§17). */
export function webwxpushloginurl(ctx: Ctx): Reply {
  const sim = ctx.sim;
  const uin = Number(ctx.url.searchParams.get('uin') ?? ctx.cookies.get('wxuin'));
  const ticket = ctx.cookies.get('webwx_auth_ticket');
  const known = sim.authTickets.get(uin);
  if (!ticket || known !== ticket || String(uin) !== ctx.cookies.get('wxuin')) {
    // Failure wording beyond `ret: "1"` is not in any source (inference).
    return jsonReply({ ret: '1', msg: 'param error' });
  }
  const last = [...sim.sessions].reverse().find((s) => s.uin === uin);
  const home = (last?.homeHost ??
    (ctx.kind === 'main' ? ctx.host : sim.config.homeHost)) as HomeHost;
  const e = sim.newLogin('zh_CN', {
    homeHost: home,
    account: last?.account.name ?? sim.config.account,
  });
  return jsonReply({ ret: '0', msg: 'all ok', uuid: e.uuid });
}

/** With session cookies → image/jpeg; without → 200 text/html; charset=gbk, 0 bytes (§12). */
export function avatar(ctx: Ctx): Reply {
  if (!cookieSession(ctx).ok) return reply(200, CT_EMPTY_GBK, Buffer.alloc(0));
  return reply(200, 'image/jpeg', AVATAR_JPEG, { 'Cache-Control': 'max-age=604800' });
}

/** Login host: jslogin (§2), /qrcode (§3), the login long-poll (§4). */
import { AVATAR_JPEG, JPEG } from './image.js';
import { CT_JS, reply, type Reply } from './http-util.js';
import { pollLogin } from './login-state.js';
import type { Ctx } from './routes-common.js';

const APPID = 'wx782c26e4c19acffb';

/** Params from the query, or from a form body (WEIXINBOT POSTs them form-encoded, §2). */
function param(ctx: Ctx, name: string): string | null {
  const q = ctx.url.searchParams.get(name);
  if (q !== null) return q;
  if (ctx.body.length === 0) return null;
  return new URLSearchParams(ctx.body.toString('utf8')).get(name);
}

const js = (body: string): Reply =>
  reply(200, CT_JS, body, { 'Cache-Control': 'no-cache, must-revalidate' });

/** GET|POST /jslogin — `window.QRLogin.code = 200; window.QRLogin.uuid = "…";` (§2, §22.1). */
export function jslogin(ctx: Ctx): Reply {
  const appid = param(ctx, 'appid');
  if (appid !== APPID || ctx.sim.config.jsloginFail) {
    return js('window.QRLogin.code = 400; window.QRLogin.error = "";');
  }
  const rawLang = param(ctx, 'lang') ?? 'zh_CN';
  const lang = /^[A-Za-z_-]{2,10}$/.test(rawLang) ? rawLang : 'zh_CN';
  const e = ctx.sim.newLogin(lang);
  return js(`window.QRLogin.code = 200; window.QRLogin.uuid = "${e.uuid}";`);
}

/** GET /qrcode/<uuid> — any JPEG (§3). */
export function qrcode(): Reply {
  return reply(200, 'image/jpeg', JPEG, { 'Cache-Control': 'no-cache' });
}

/** GET /cgi-bin/mmwebwx-bin/login?loginicon=true&uuid=…&tip=1|0 (§4, §22.3). */
export async function loginPoll(ctx: Ctx): Promise<Reply> {
  const sim = ctx.sim;
  const uuid = ctx.url.searchParams.get('uuid') ?? '';
  const e = sim.logins.get(uuid);
  if (!e) return js('window.code=400;');
  sim.currentUuid = uuid;
  const result = await pollLogin(e, {
    tip: ctx.url.searchParams.get('tip') === '1',
    holdMs: sim.config.loginHoldMs,
    lifetimeMs: sim.config.qrLifetimeMs,
    signal: ctx.signal,
  });
  switch (result) {
    case 'timeout':
    case 'waiting':
      return js('window.code=408;');
    case 'scanned':
      return js(
        ctx.url.searchParams.get('loginicon') === 'true'
          ? `window.code=201;window.userAvatar = 'data:img/jpg;base64,${AVATAR_JPEG.toString('base64')}';`
          : 'window.code=201;',
      );
    case 'confirmed':
      return js(`window.code=200;window.redirect_uri="${sim.redirectUri(e)}";`);
    case 'cancelled':
      return js('window.code=202;');
    case 'expired':
      return js('window.code=400;');
  }
}

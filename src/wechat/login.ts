import { malformed, WeChatError, type RequestContext } from './errors';
import { hostsFor } from './hosts';
import { getText, mmUrl, requestContext, tilde, type ClientContext } from './context';
import { checkRedirect, parseJsLogin, parseLoginPoll } from './parse-js';
import { parseLoginXml } from './parse-login-xml';
import { parsePushLogin } from './parse-json';
import type { LoginPoll, LoginTokens } from './types';

// docs/protocol.md §2: every library uses this appid for web login.
const APP_ID = 'wx782c26e4c19acffb';
const NEW_LOGIN_PAGE = 'https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage';
// §2: uuids are ~12 URL-safe base64 chars ending `==`; a loose bound keeps junk out of URLs.
const UUID = /^[A-Za-z0-9_\-+/=]{4,64}$/;

function checkUuid(uuid: string | undefined, ctx: RequestContext): string {
  if (uuid === undefined || !UUID.test(uuid)) throw malformed(ctx, 'uuid missing or malformed');
  return uuid;
}

/** §2 jslogin: a new login uuid. code != 200 -> Rejected; 200 without uuid -> Malformed. */
export async function jslogin(c: ClientContext): Promise<string> {
  const url =
    `https://${c.loginHost}/jslogin?appid=${APP_ID}` +
    `&redirect_uri=${encodeURIComponent(NEW_LOGIN_PAGE)}&fun=new&lang=${c.lang}&_=${c.now()}`;
  const ctx = requestContext('jslogin', url);
  const reply = parseJsLogin(await getText(c, ctx.operation, url, c.quickTimeoutMs), ctx);
  if (reply.code !== 200) {
    throw new WeChatError('Rejected', `jslogin code ${reply.code}`, { ...ctx, code: reply.code });
  }
  return checkUuid(reply.uuid, ctx);
}

/** §3: the text every library encodes into the QR code itself. */
export function qrText(uuid: string): string {
  return `https://login.weixin.qq.com/l/${uuid}`;
}

/**
 * §4 one login long-poll step. `tip` 1 on the first poll after jslogin/pushLogin, then 0.
 * 400/500/0 -> QrExpired; a client-side Timeout is thrown as such (the caller re-polls).
 */
export async function pollLogin(c: ClientContext, uuid: string, tip: 0 | 1): Promise<LoginPoll> {
  const url = mmUrl(
    c.loginHost,
    'login',
    `loginicon=true&uuid=${encodeURIComponent(uuid)}&tip=${tip}&r=${tilde(c)}&_=${c.now()}`,
  );
  const ctx = requestContext('login', url);
  const reply = parseLoginPoll(await getText(c, ctx.operation, url, c.longPollTimeoutMs), ctx);
  switch (reply.code) {
    case 408:
      return { type: 'waiting' };
    case 201:
      return { type: 'scanned', avatar: reply.avatar ?? null };
    case 200:
      return { type: 'confirmed', redirectUri: checkRedirect(reply.redirectUri, ctx) };
    case 202:
      return { type: 'cancelled' };
    case 400:
    case 500:
    case 0:
      throw new WeChatError('QrExpired', `QR code expired (${reply.code})`, {
        ...ctx,
        code: reply.code,
      });
    default:
      throw malformed(ctx, `unknown login code ${reply.code}`);
  }
}

/**
 * §5 webwxnewloginpage: OFFICIAL adds `&fun=new&version=v2` (§5.1). The reply may be HTTP 200
 * or a 301 without Location; both carry the XML (§5.2) and request() returns either.
 */
export async function exchangeTicket(c: ClientContext, redirectUri: string): Promise<LoginTokens> {
  const checkCtx = requestContext('webwxnewloginpage', redirectUri);
  const host = new URL(checkRedirect(redirectUri, checkCtx)).host;
  const url = `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}fun=new&version=v2`;
  const ctx = requestContext('webwxnewloginpage', url);
  const credentials = parseLoginXml(await getText(c, ctx.operation, url), ctx);
  return { ...credentials, hosts: hostsFor(host) };
}

/** §17 push login: asks the phone to confirm; returns the uuid to poll with tip=1. */
/** Push login needs only the account, not a live session (§17): the cookies do the rest. */
export async function pushLogin(
  c: ClientContext,
  tokens: Pick<LoginTokens, 'uin' | 'hosts'>,
): Promise<string> {
  const url = mmUrl(tokens.hosts.main, 'webwxpushloginurl', `uin=${tokens.uin}`);
  const ctx = requestContext('webwxpushloginurl', url);
  return checkUuid(parsePushLogin(await getText(c, ctx.operation, url), ctx), ctx);
}

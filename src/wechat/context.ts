import type { RequestContext } from './errors';
import { MAX_TIMEOUT_MS, request, requestText, type HttpDeps, type HttpResponse } from './http';
import { redactUrl } from './http';
import { REPLY_LIMITS, type LimitedOperation } from './reply-limits';
import type { LoginTokens } from './types';

/** Everything the endpoint functions share; built once by createWeChatClient. */
export interface ClientContext {
  readonly http: HttpDeps;
  readonly now: () => number;
  readonly random: () => number;
  readonly lang: 'zh_CN' | 'en_US';
  /** Ordinary requests. */
  readonly timeoutMs: number;
  /**
   * Requests a person is looking at an empty screen for (jslogin: the QR itself): a tiny reply
   * the server never holds, so a short wait, and a clear error with a retry comes sooner.
   */
  readonly quickTimeoutMs: number;
  /** Long-polls (login, synccheck): as long as allowed, still below the ~25 s hold (§4, §13). */
  readonly longPollTimeoutMs: number;
  readonly loginHost: string;
}

export const MM_PATH = '/cgi-bin/mmwebwx-bin';

export function mmUrl(host: string, endpoint: string, query: string): string {
  return `https://${host}${MM_PATH}/${endpoint}?${query}`;
}

/** OFFICIAL `r=~new Date()` (§4, §8): the int32 bitwise-not of the ms time; never checked. */
export function tilde(c: ClientContext): number {
  return ~c.now();
}

/** §7: OFFICIAL getDeviceID — 'e' + 15 digits of Math.random(), new on every call. */
export function deviceId(c: ClientContext): string {
  const digits = c.random().toFixed(15).slice(2, 17);
  return `e${digits.padEnd(15, '0')}`;
}

export interface BaseRequest {
  readonly Uin: number;
  readonly Sid: string;
  readonly Skey: string;
  readonly DeviceID: string;
}

/** §7: every JSON POST carries BaseRequest; Uin is a number (OFFICIAL after init). */
export function baseRequest(c: ClientContext, tokens: LoginTokens): BaseRequest {
  return { Uin: tokens.uin, Sid: tokens.sid, Skey: tokens.skey, DeviceID: deviceId(c) };
}

/** The operation's name stays a literal type, so the helpers below can look up its limit. */
export function requestContext<Operation extends string>(
  operation: Operation,
  url: string,
): RequestContext & { readonly operation: Operation } {
  return { operation, url: redactUrl(url) };
}

export function getText(
  c: ClientContext,
  operation: LimitedOperation,
  url: string,
  timeoutMs = c.timeoutMs,
): Promise<string> {
  const maxBytes = REPLY_LIMITS[operation];
  return requestText(c.http, { operation, url, method: 'GET', timeoutMs, maxBytes });
}

export function getBytes(
  c: ClientContext,
  operation: LimitedOperation,
  url: string,
  timeoutMs = c.timeoutMs,
): Promise<HttpResponse> {
  const maxBytes = REPLY_LIMITS[operation];
  return request(c.http, { operation, url, method: 'GET', timeoutMs, maxBytes });
}

/** §8: OFFICIAL posts JSON as `application/json;charset=UTF-8`. */
export function postJson(
  c: ClientContext,
  operation: LimitedOperation,
  url: string,
  body: unknown,
  timeoutMs = c.timeoutMs,
): Promise<string> {
  return requestText(c.http, {
    operation,
    maxBytes: REPLY_LIMITS[operation],
    url,
    method: 'POST',
    body: JSON.stringify(body),
    contentType: 'application/json;charset=UTF-8',
    timeoutMs,
  });
}

export function postForm(
  c: ClientContext,
  operation: LimitedOperation,
  url: string,
  form: string,
): Promise<string> {
  return requestText(c.http, {
    operation,
    maxBytes: REPLY_LIMITS[operation],
    url,
    method: 'POST',
    body: form,
    contentType: 'application/x-www-form-urlencoded',
    timeoutMs: c.timeoutMs,
  });
}

export function clampLongPoll(ms: number | undefined): number {
  return Math.min(ms ?? MAX_TIMEOUT_MS, MAX_TIMEOUT_MS);
}

import { malformed, type RequestContext } from './errors';
import { isMainHost } from './hosts';
import type { SyncCheck } from './types';

/**
 * Parsers for the JavaScript-assignment replies (jslogin, login poll, synccheck). They are
 * never evaluated (docs/architecture.md: "what not to copy: eval"): the whole body must be a
 * sequence of `window.<name> = <literal>` statements, matched from position 0 with a sticky
 * regex, so anything else in the body is rejected as Malformed.
 */

// One statement: a double- or single-quoted string without escapes, an integer, or a flat
// `{…}` object literal (synccheck). `;` or a newline separates statements (§4: both seen).
const STATEMENT =
  /[ \t\r\n]*window\.([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*(?:"([^"\\\r\n]*)"|'([^'\\\r\n]*)'|(-?[0-9]{1,10})|(\{[^{}\r\n]*\}))[ \t]*;?/y;
const TRAILING_SPACE = /^[ \t\r\n]*$/;

/** A literal as written: quoted string, integer, or `{…}` object text. */
export interface JsValue {
  readonly kind: 'string' | 'integer' | 'object';
  readonly text: string;
}

/** Reads every `window.x = …` assignment of the body into a map (later ones win). */
export function readAssignments(body: string, ctx: RequestContext): Map<string, JsValue> {
  const values = new Map<string, JsValue>();
  let position = 0;
  while (position < body.length) {
    STATEMENT.lastIndex = position;
    const match = STATEMENT.exec(body);
    if (match === null) {
      if (TRAILING_SPACE.test(body.slice(position))) break;
      throw malformed(ctx, `unexpected text at offset ${position}`);
    }
    const [whole, name, double, single, integer, object] = match;
    if (whole.length === 0 || name === undefined) break;
    const quoted = double ?? single;
    if (quoted !== undefined) values.set(name, { kind: 'string', text: quoted });
    else if (integer !== undefined) values.set(name, { kind: 'integer', text: integer });
    else values.set(name, { kind: 'object', text: object ?? '' });
    position += whole.length;
  }
  if (values.size === 0) throw malformed(ctx, 'no window assignment in reply');
  return values;
}

function readCode(values: Map<string, JsValue>, name: string, ctx: RequestContext): number {
  const raw = values.get(name);
  if (raw?.kind !== 'integer' || !/^[0-9]{1,4}$/.test(raw.text)) {
    throw malformed(ctx, `${name} missing or not a number`);
  }
  return Number(raw.text);
}

function readString(values: Map<string, JsValue>, name: string): string | undefined {
  const raw = values.get(name);
  return raw?.kind === 'string' ? raw.text : undefined;
}

export interface JsLoginReply {
  readonly code: number;
  readonly uuid?: string;
}

/** docs/protocol.md §2: `window.QRLogin.code = 200; window.QRLogin.uuid = "…";` */
export function parseJsLogin(body: string, ctx: RequestContext): JsLoginReply {
  const values = readAssignments(body, ctx);
  const code = readCode(values, 'QRLogin.code', ctx);
  const uuid = readString(values, 'QRLogin.uuid');
  return uuid === undefined || uuid === '' ? { code } : { code, uuid };
}

export interface LoginPollReply {
  readonly code: number;
  /** Present only when it is https on a home host (checkRedirect). */
  readonly redirectUri?: string;
  /** Present only when it is an inline image. */
  readonly avatar?: string;
}

/** §4 code 200: redirect_uri must be https on a known home host, or the reply is Malformed. */
export function checkRedirect(raw: string | undefined, ctx: RequestContext): string {
  let url: URL | null = null;
  try {
    url = raw === undefined ? null : new URL(raw);
  } catch {
    url = null;
  }
  if (raw === undefined || url === null || url.protocol !== 'https:' || !isMainHost(url.host)) {
    throw malformed(ctx, 'redirect_uri is not https on a WeChat host');
  }
  return raw;
}

// §4: OFFICIAL shows `data:img/jpg;base64,`; other image data URLs are accepted too. Anything
// else (http URLs, javascript:) is dropped so the UI only ever gets an inline image.
function inlineAvatar(avatar: string | undefined): string | undefined {
  if (avatar === undefined) return undefined;
  return avatar.startsWith('data:img/jpg;base64,') || avatar.startsWith('data:image/')
    ? avatar
    : undefined;
}

/**
 * docs/protocol.md §4: `window.code=201;window.userAvatar = '…';` / `window.code=200;…redirect_uri="…";`
 * The URLs are checked here, so no caller can receive an unsafe one.
 */
export function parseLoginPoll(body: string, ctx: RequestContext): LoginPollReply {
  const values = readAssignments(body, ctx);
  const code = readCode(values, 'code', ctx);
  const rawRedirect = readString(values, 'redirect_uri');
  const redirectUri = rawRedirect === undefined ? undefined : checkRedirect(rawRedirect, ctx);
  const avatar = inlineAvatar(readString(values, 'userAvatar'));
  return {
    code,
    ...(redirectUri === undefined ? {} : { redirectUri }),
    ...(avatar === undefined ? {} : { avatar }),
  };
}

// docs/protocol.md §13: `{retcode:"0",selector:"2"}` — unquoted keys, so not JSON.
const SYNCCHECK_OBJECT =
  /^\{\s*retcode\s*:\s*"([0-9]{1,6})"\s*,\s*selector\s*:\s*"([0-9]{1,6})"\s*\}$/;

/** docs/protocol.md §13: `window.synccheck={retcode:"0",selector:"2"}` (no semicolon). */
export function parseSyncCheck(body: string, ctx: RequestContext): SyncCheck {
  const raw = readAssignments(body, ctx).get('synccheck');
  const match = raw?.kind === 'object' ? SYNCCHECK_OBJECT.exec(raw.text) : null;
  if (match === null) throw malformed(ctx, 'window.synccheck missing or not {retcode,selector}');
  return { retcode: Number(match[1]), selector: Number(match[2]) };
}

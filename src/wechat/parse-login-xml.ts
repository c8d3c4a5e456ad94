import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { malformed, WeChatError, type RequestContext } from './errors';
import type { LoginTokens } from './types';

/** What webwxnewloginpage yields; the client adds the hosts (docs/protocol.md §5.2, §6). */
export type LoginCredentials = Omit<LoginTokens, 'hosts'>;

// Tag values stay strings (parseTagValue: false): pass_ticket is percent-encoded text and
// wxuin must not go through a float conversion (§7: it may exceed 2^31).
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

const PRE_ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * docs/protocol.md §5.3 (PUPPET `preHtmlToXml`): a browser may show the XML escaped inside
 * `<pre>`. Found with indexOf, not a lazy regex, to stay linear on hostile input.
 */
function unwrapPre(body: string): string {
  const open = body.indexOf('<pre');
  if (open === -1) return body;
  const contentStart = body.indexOf('>', open);
  const close = body.lastIndexOf('</pre>');
  if (contentStart === -1 || close <= contentStart) return body;
  return body
    .slice(contentStart + 1, close)
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => PRE_ENTITIES[entity] ?? entity);
}

function field(root: Record<string, unknown>, name: string): string | undefined {
  const value = root[name];
  return typeof value === 'string' ? value : undefined;
}

function blocked(ctx: RequestContext, code: number, message: string): WeChatError {
  return new WeChatError('LoginBlocked', message === '' ? 'web login refused' : message, {
    ...ctx,
    code,
    serverMessage: message,
  });
}

// OFFICIAL parses this reply with tag regexes (§5.2); used only when the XML is not
// well-formed, e.g. a raw `&` in a server message, so a refusal is still reported as one.
function regexFallback(xml: string, ctx: RequestContext, cause: unknown): never {
  const ret = /<ret>\s*(-?[0-9]{1,9})\s*<\/ret>/.exec(xml)?.[1];
  if (ret !== undefined && Number(ret) !== 0) {
    const message = /<message>([^<]*)<\/message>/.exec(xml)?.[1] ?? '';
    throw blocked(ctx, Number(ret), message.trim());
  }
  throw malformed(ctx, 'reply is not the login XML', cause);
}

// The XML library throws plain errors on some inputs its validator lets through (an open
// processing instruction, a `__proto__` tag, nesting past its depth limit): every throw of
// the library becomes Malformed, so no reply can end as an unknown error.
function parseXml(xml: string, ctx: RequestContext): unknown {
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(xml);
  } catch (error) {
    throw malformed(ctx, 'reply is not the login XML', error);
  }
  if (valid !== true) regexFallback(xml, ctx, valid.err.msg);
  try {
    return parser.parse(xml) as unknown;
  } catch (error) {
    throw malformed(ctx, 'reply is not the login XML', error);
  }
}

/**
 * Parses `<error><ret>0</ret>…<skey/><wxsid/><wxuin/><pass_ticket/></error>` (docs/protocol.md §5.2).
 * `ret != 0` or missing credentials -> LoginBlocked carrying the server's message (§5.3);
 * a body that is not this XML at all -> Malformed.
 */
export function parseLoginXml(body: string, ctx: RequestContext): LoginCredentials {
  const xml = unwrapPre(body).trim();
  // The reply never has a DOCTYPE; refusing one rules out entity-expansion tricks.
  if (xml.includes('<!')) throw malformed(ctx, 'unexpected DOCTYPE or CDATA in login XML');
  const parsed = parseXml(xml, ctx);
  const root =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)['error']
      : undefined;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw malformed(ctx, 'reply has no <error> root');
  }
  const fields = root as Record<string, unknown>;
  const retText = field(fields, 'ret');
  if (retText === undefined || !/^-?[0-9]{1,9}$/.test(retText)) throw malformed(ctx, '<ret>');
  const ret = Number(retText);
  const message = field(fields, 'message') ?? '';
  if (ret !== 0) throw blocked(ctx, ret, message);

  const skey = field(fields, 'skey');
  const sid = field(fields, 'wxsid');
  const uinText = field(fields, 'wxuin');
  // §5.2/§22b: ret 0 without credentials is how a limited account shows up (ITCHAT).
  if (!skey || !sid || !uinText) throw blocked(ctx, ret, message);
  // §7: wxuin is a decimal uint32.
  const uin = /^[0-9]{1,10}$/.test(uinText) ? Number(uinText) : Number.NaN;
  if (!(uin > 0 && uin <= 0xffffffff)) throw malformed(ctx, '<wxuin> is not a uint32');
  // §7: pass_ticket is loosely checked by the server; keep it as received (already encoded).
  const passTicket = field(fields, 'pass_ticket') ?? '';
  // It is pasted into query strings verbatim, so it must not carry `&`, `#` or spaces.
  if (!/^[A-Za-z0-9%+/=_.~-]*$/.test(passTicket)) throw malformed(ctx, '<pass_ticket>');
  return { uin, sid, skey, passTicket };
}

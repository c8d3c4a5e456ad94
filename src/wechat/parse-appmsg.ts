import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanText, safeUrl } from './text';
import type { Article, ArticlePush } from './types';
import type { WireMessage } from './wire';

/**
 * Official-account article pushes (docs/protocol.md §14: MsgType 49, AppMsgType 5 "url"). Content is
 * the appmsg XML, HTML-escaped once (`&lt;msg&gt;…`, `<br/>` for newlines, §19). The
 * `msg/appmsg/mmreader/category/item` layout is not in any recorded fixture: it follows what
 * bots print for MP pushes and the simulator (test/wxsim/messages.ts), so every field is
 * optional and anything unexpected yields null, never an exception.
 */

const MSG_TYPE_APP = 49;
const APP_MSG_TYPE_URL = 5;

// Real pushes are a few KB (a handful of items); anything far bigger is not worth parsing.
const MAX_CONTENT_CHARS = 256 * 1024;

// Entity decoding is left to cleanText (text) and decodeXmlEntities (urls) so each layer is
// decoded exactly once and no DOCTYPE entity is ever expanded. Values stay strings.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const BR = /<br\s*\/?>/gi;
const XML_ENTITY = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;
const XML_NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function numericEntity(body: string): string {
  const value =
    body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
  const ok = value >= 0x09 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return ok ? String.fromCodePoint(value) : '\ufffd';
}

/** One pass of XML's predefined + numeric entities (`&amp;lt;` becomes `&lt;`, not `<`). */
function decodeXmlEntities(s: string): string {
  return s.replace(XML_ENTITY, (_m, body: string) => XML_NAMED[body] ?? numericEntity(body));
}

type XmlNode = Record<string, unknown>;

function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, name) ? (node as XmlNode)[name] : undefined;
}

/** A tag's text; a tag with nested markup keeps only its own text (`#text`). */
function rawText(node: unknown, name: string): string {
  const value = child(node, name);
  if (typeof value === 'string') return value;
  const own = child(value, '#text');
  return typeof own === 'string' ? own : '';
}

const text = (node: unknown, name: string): string => cleanText(rawText(node, name)).trim();
const url = (node: unknown, name: string): string =>
  safeUrl(decodeXmlEntities(rawText(node, name)).trim());

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

const MSG_OPEN = /<msg[\s>]/;
const ESCAPED_MSG_OPEN = /&lt;msg[\s&]/;

/**
 * Content -> XML text: `<br/>` (outer markup) to newlines, then the outer escaping undone.
 * Content that already holds raw `<msg>` XML is taken as is, so inner entities are not decoded
 * twice. A prefix before `<msg` (`@sender:<br/>` when forwarded into a group, §19, or an
 * `<?xml?>` declaration) is dropped.
 */
function unescapeContent(content: string): string | null {
  const raw = content.search(MSG_OPEN);
  const escaped = content.search(ESCAPED_MSG_OPEN);
  const xml =
    raw !== -1 && (escaped === -1 || raw < escaped)
      ? content
      : decodeXmlEntities(content.replace(BR, '\n'));
  // The payload never carries a DOCTYPE; refusing one rules out entity-expansion tricks.
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) return null;
  const start = xml.search(MSG_OPEN);
  return start === -1 ? null : xml.slice(start).trim();
}

function parseXml(xml: string): unknown {
  try {
    if (XMLValidator.validate(xml) !== true) return null;
    return parser.parse(xml);
  } catch {
    // fast-xml-parser throws on reserved names (`__proto__`) and very deep nesting.
    return null;
  }
}

function itemArticle(item: unknown): Article {
  return {
    title: text(item, 'title'),
    digest: text(item, 'digest'),
    url: url(item, 'url'),
    cover: url(item, 'cover'),
  };
}

/**
 * docs/protocol.md §14: an MP article push (MsgType 49 / AppMsgType 5) to the account and its
 * articles; null for any other message or for content that is not usable appmsg XML.
 */
export function parseArticlePush(message: WireMessage): ArticlePush | null {
  if (message.msgType !== MSG_TYPE_APP || message.appMsgType !== APP_MSG_TYPE_URL) return null;
  if (message.content.length > MAX_CONTENT_CHARS) return null;
  const xml = unescapeContent(message.content);
  if (xml === null) return null;
  const appmsg = child(child(parseXml(xml), 'msg'), 'appmsg');
  if (appmsg === undefined) return null;

  const mmreader = child(appmsg, 'mmreader');
  const categories = list(child(mmreader, 'category'));
  let articles = categories
    .flatMap((category) => list(child(category, 'item')))
    .map(itemArticle)
    .filter((a) => a.title !== '');
  if (articles.length === 0) {
    // No mmreader (or no titled item): the appmsg itself describes one link.
    const single: Article = {
      title: text(appmsg, 'title'),
      digest: text(appmsg, 'des'),
      url: url(appmsg, 'url'),
      cover: url(appmsg, 'thumburl'),
    };
    articles = single.title === '' ? [] : [single];
  }
  if (articles.length === 0) return null;

  const categoryName = categories.map((c) => text(c, 'name')).find((n) => n !== '');
  return {
    accountUserName: message.fromUserName,
    accountName: categoryName ?? text(child(mmreader, 'publisher'), 'nickname'),
    time: message.createTime,
    articles,
  };
}

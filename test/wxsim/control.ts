/** Control API (plain HTTP, own port): plays the phone, sets config and faults, shows state. */
import http from 'node:http';
import type { SimApi } from './api.js';
import type { SimConfig } from './config.js';
import type { FaultKind } from './faults.js';
import { readBody } from './http-util.js';
import { PHONE_PAGE } from './phone-page.js';
import { PhoneError, type ArticleFields, type ArticleInput, type ContactPatch } from './state.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

function send(res: http.ServerResponse, status: number, v: unknown): void {
  const body = JSON.stringify(v);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS });
  res.end(body);
}

function obj(body: Buffer): Record<string, unknown> {
  const t = body.toString('utf8').trim();
  if (!t) return {};
  const v: unknown = JSON.parse(t);
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error('body must be a JSON object');
  return v as Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function optStr(b: Record<string, unknown>, k: string): string | undefined {
  const v = b[k];
  if (v !== undefined && typeof v !== 'string') throw new Error(`${k}: string`);
  return v;
}

function optBool(b: Record<string, unknown>, k: string): boolean | undefined {
  const v = b[k];
  if (v !== undefined && typeof v !== 'boolean') throw new Error(`${k}: boolean`);
  return v;
}

function articleFields(b: Record<string, unknown>): ArticleFields {
  return {
    title: optStr(b, 'title'),
    url: optStr(b, 'url'),
    digest: optStr(b, 'digest'),
    cover: optStr(b, 'cover'),
  };
}

function articleInput(b: Record<string, unknown>): ArticleInput {
  const input: ArticleInput = { from: optStr(b, 'from'), ...articleFields(b) };
  if (b.articles !== undefined) {
    if (!Array.isArray(b.articles) || b.articles.length === 0)
      throw new Error('articles: non-empty array');
    input.articles = (b.articles as unknown[]).map((a) => {
      if (typeof a !== 'object' || a === null || Array.isArray(a))
        throw new Error('articles[]: object');
      return articleFields(a as Record<string, unknown>);
    });
  }
  return input;
}

function contactPatch(b: Record<string, unknown>): ContactPatch {
  return {
    userName: optStr(b, 'userName'),
    nickName: optStr(b, 'nickName'),
    remarkName: optStr(b, 'remarkName'),
    remove: optBool(b, 'remove'),
    add: optBool(b, 'add'),
  };
}

type Action = (b: Record<string, unknown>) => unknown;

export function createControl(api: SimApi): http.Server {
  const p = api.phone;
  const actions: Record<string, Action> = {
    '/phone/scan': (b) => ({ uuid: p.scan(str(b.uuid)) }),
    '/phone/confirm': (b) => ({ uuid: p.confirm(str(b.uuid)) }),
    '/phone/cancel': (b) => ({ uuid: p.cancel(str(b.uuid)) }),
    '/phone/expire': (b) => ({ uuid: p.expire(str(b.uuid)) }),
    '/phone/ban': (b) => p.ban(str(b.message)),
    '/phone/kick': () => p.kick(),
    '/phone/logout': () => p.logout(),
    '/phone/message': (b) => {
      const text = str(b.text);
      if (text === undefined) throw new Error('text: string required');
      return { msgId: p.message(text, str(b.from)) };
    },
    '/phone/article': (b) => ({ msgId: p.article(articleInput(b)) }),
    '/phone/recall': (b) => {
      const msgId = str(b.msgId);
      if (msgId === undefined) throw new Error('msgId: string required');
      return { msgId: p.recall(msgId, str(b.from)) };
    },
    '/phone/link': (b) => ({
      msgId: p.link(str(b.title) ?? 'A link', str(b.url) ?? 'https://example.com/', str(b.from)),
    }),
    '/phone/contact': (b) => ({ userName: p.contact(contactPatch(b)) }),
    '/config': (b) => api.configure(b as Partial<SimConfig>),
    '/fault': (b) => {
      const times = b.times === undefined ? undefined : Number(b.times);
      api.fault(String(b.endpoint), (b.fault ?? null) as FaultKind | null, times);
      return api.state().faults;
    },
    '/reset': () => api.reset(),
  };
  return http.createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://control').pathname;
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        return res.end();
      }
      if (req.method === 'GET' && path === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(PHONE_PAGE);
      }
      if (req.method === 'GET' && path === '/state') return send(res, 200, api.state());
      const action = req.method === 'POST' ? actions[path] : undefined;
      if (!action)
        return send(res, 404, { ok: false, error: `no route ${req.method ?? ''} ${path}` });
      try {
        const result = action(obj(await readBody(req)));
        send(res, 200, { ok: true, result: result ?? null });
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        send(res, err instanceof PhoneError ? 409 : 400, { ok: false, error: msg });
      }
    })();
  });
}

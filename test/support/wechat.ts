/**
 * Test-only helpers for the protocol client's unit tests: the recorded payloads in
 * test/fixtures/wechat (docs/protocol.md §23) and a tiny in-memory fetch router.
 */
import { readFileSync } from 'node:fs';
import { WeChatError, type RequestContext } from '../../src/wechat/errors';
import { hostsFor } from '../../src/wechat/hosts';
import type { LoginTokens } from '../../src/wechat/types';

const FIXTURES = new URL('../fixtures/wechat/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export interface FixtureBlock {
  readonly title: string;
  readonly body: string;
}

/** Splits a `## title` / body fixture text file into its blocks (bodies trimmed). */
export function fixtureBlocks(name: string): FixtureBlock[] {
  const blocks: { title: string; lines: string[] }[] = [];
  for (const line of fixture(name).split('\n')) {
    if (line.startsWith('## ')) blocks.push({ title: line.slice(3), lines: [] });
    else blocks.at(-1)?.lines.push(line);
  }
  return blocks.map((b) => ({ title: b.title, body: b.lines.join('\n').trim() }));
}

/** The body of the first block whose title contains `titlePart`. */
export function block(name: string, titlePart: string): string {
  const found = fixtureBlocks(name).find((b) => b.title.includes(titlePart));
  if (found === undefined) throw new Error(`no block "${titlePart}" in ${name}`);
  return found.body;
}

export const CTX: RequestContext = { operation: 'test', url: 'https://example.test/' };

export const TOKENS: LoginTokens = {
  uin: 2801122386,
  sid: 'XlfdM+/3gvmAjCoh',
  skey: '@crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50',
  passTicket: 'kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D',
  hosts: hostsFor('wx2.qq.com'),
};

export interface RecordedCall {
  readonly url: URL;
  readonly method: string;
  readonly body: string;
  readonly headers: Headers;
  readonly init: RequestInit;
}

type Reply = Response | ((call: RecordedCall) => Response | Promise<Response>);

/**
 * A fake fetch that answers by `host + pathname` and records every call. Unrouted
 * requests reject like a network failure would.
 */
export function createRouter(routes: Record<string, Reply | Reply[]>) {
  const calls: RecordedCall[] = [];
  const queues = new Map<string, Reply[]>(
    Object.entries(routes).map(([key, value]) => [
      key,
      Array.isArray(value) ? [...value] : [value],
    ]),
  );
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? init.body : '',
      headers: new Headers(init.headers),
      init,
    };
    calls.push(call);
    const queue = queues.get(url.host + url.pathname);
    // The last reply of a route repeats; earlier ones are used once each.
    const reply = queue !== undefined && queue.length > 1 ? queue.shift() : queue?.[0];
    if (reply === undefined) throw new TypeError(`fetch failed: no route for ${url.href}`);
    return typeof reply === 'function' ? reply(call) : reply.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export function text(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/plain' }, ...init });
}

/**
 * A JSON text with values replaced by dotted path (`'ContactList.3.UserName'`, array
 * indexes as numbers); `undefined` deletes the key (JSON.stringify drops it).
 */
export function patchJson(text: string, patches: Record<string, unknown>): string {
  const root: unknown = JSON.parse(text);
  for (const [path, value] of Object.entries(patches)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node = root as Record<string, unknown>;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    node[last] = value;
  }
  return JSON.stringify(root);
}

/** The WeChatError `run` throws; fails the test if it returns or throws something else. */
export function thrownBy(run: () => unknown): WeChatError {
  try {
    run();
  } catch (error) {
    if (error instanceof WeChatError) return error;
    throw new Error(`expected a WeChatError, got ${String(error)}`);
  }
  throw new Error('expected a WeChatError, nothing was thrown');
}

/** The WeChatError `promise` rejects with; fails the test otherwise. */
export async function rejectionOf(promise: Promise<unknown>): Promise<WeChatError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WeChatError) return error;
    throw new Error(`expected a WeChatError, got ${String(error)}`);
  }
  throw new Error('expected a WeChatError, the promise resolved');
}

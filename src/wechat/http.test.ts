import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { MAX_TIMEOUT_MS, redactUrl, request, requestText } from './http';
import { rejectionOf } from '../../test/support/wechat';

type FetchFn = typeof globalThis.fetch;

const LIMIT = 1024 * 1024;

const URL_ =
  'https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxinit?r=1&pass_ticket=abc%2B&skey=%40crypt_1';

function fetchReturning(response: Response) {
  return vi.fn<FetchFn>(async () => response);
}

describe('request', () => {
  it('sends credentials and follows redirects, with method, body and content type', async () => {
    const fetch = fetchReturning(new Response('ok'));
    await request(
      { fetch },
      {
        operation: 'op',
        url: URL_,
        method: 'POST',
        maxBytes: LIMIT,
        body: '{}',
        contentType: 'application/json',
      },
    );
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(init).toMatchObject({
      method: 'POST',
      body: '{}',
      credentials: 'include',
      redirect: 'follow',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads the body of a 301 without Location (docs/protocol.md §5.2)', async () => {
    const fetch = fetchReturning(new Response('<error><ret>0</ret></error>', { status: 301 }));
    const response = await request(
      { fetch },
      { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT },
    );
    expect(response.status).toBe(301);
    expect(new TextDecoder().decode(response.bytes)).toBe('<error><ret>0</ret></error>');
  });

  it('decodes as UTF-8 even when the server says charset=gbk (§18)', async () => {
    const body = new TextEncoder().encode('window.QRLogin.code = 200; /* 微信 */');
    const fetch = fetchReturning(
      new Response(body, { headers: { 'Content-Type': 'text/html; charset=gbk' } }),
    );
    expect(
      await requestText({ fetch }, { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT }),
    ).toBe('window.QRLogin.code = 200; /* 微信 */');
  });

  it('maps a rejected fetch to Network with the cause and a redacted URL', async () => {
    const cause = new TypeError('Failed to fetch');
    const fetch = vi.fn<FetchFn>(async () => {
      throw cause;
    });
    const error = await rejectionOf(
      request({ fetch }, { operation: 'webwxinit', url: URL_, method: 'GET', maxBytes: LIMIT }),
    );
    expect(error).toMatchObject({ name: 'Network', operation: 'webwxinit' });
    expect(error.cause).toBe(cause);
    expect(error.url).toBe(
      'https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxinit?r=1&pass_ticket=***&skey=***',
    );
    expect(error.message).not.toContain('abc%2B');
  });

  it('maps HTTP >= 400 to Network with code = status', async () => {
    for (const status of [400, 404, 500, 503]) {
      const fetch = fetchReturning(new Response('oops', { status }));
      const error = await rejectionOf(
        request({ fetch }, { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT }),
      );
      expect(error).toMatchObject({ name: 'Network', code: status });
    }
  });

  it('times out a fetch that never answers (even one ignoring the signal)', async () => {
    let signal: AbortSignal | undefined;
    const fetch = vi.fn<FetchFn>((_url, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const started = performance.now();
    const error = await rejectionOf(
      request(
        { fetch },
        { operation: 'login', url: URL_, method: 'GET', maxBytes: LIMIT, timeoutMs: 50 },
      ),
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ name: 'Timeout', operation: 'login' });
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('times out a body that never ends', async () => {
    const stream = new ReadableStream<Uint8Array>({ start: () => undefined });
    const fetch = fetchReturning(new Response(stream));
    const error = await rejectionOf(
      request(
        { fetch },
        { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT, timeoutMs: 50 },
      ),
    );
    expect(error.name).toBe('Timeout');
  });

  it('uses injected timers, caps the timeout below 25 s and clears the timer', async () => {
    const setTimer = vi.fn((_cb: () => void, _ms: number) => 'handle');
    const clearTimer = vi.fn();
    const fetch = vi.fn<FetchFn>(async () => new Response('ok'));
    const deps = { fetch, setTimeout: setTimer, clearTimeout: clearTimer };
    await request(deps, {
      operation: 'op',
      url: URL_,
      method: 'GET',
      maxBytes: LIMIT,
      timeoutMs: 60_000,
    });
    await request(deps, { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT });
    expect(setTimer.mock.calls.map((call) => call[1])).toEqual([MAX_TIMEOUT_MS, 20_000]);
    expect(MAX_TIMEOUT_MS).toBeLessThan(25_000);
    expect(clearTimer).toHaveBeenCalledWith('handle');
    expect(clearTimer).toHaveBeenCalledTimes(2);
  });

  it('calls fetch detached, not as a method of deps (browser "Illegal invocation")', async () => {
    let receiver: unknown = 'unset';
    const deps = {
      fetch: async function (this: unknown) {
        receiver = this; // eslint-disable-line @typescript-eslint/no-this-alias
        return new Response('ok');
      } as typeof fetch,
    };
    await request(deps, { operation: 'op', url: URL_, method: 'GET', maxBytes: LIMIT });
    expect(receiver).toBeUndefined();
  });
});

describe('request with the real Node fetch (localhost only)', () => {
  it('hands back a 301 without Location in follow mode, body included (§22b)', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(301, { 'Content-Type': 'text/plain' });
      res.end('<error><ret>0</ret><message>OK</message></error>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await request(
        { fetch: globalThis.fetch },
        {
          operation: 'webwxnewloginpage',
          url: `http://127.0.0.1:${port}/x`,
          method: 'GET',
          maxBytes: LIMIT,
        },
      );
      expect(response.status).toBe(301);
      expect(new TextDecoder().decode(response.bytes)).toContain('<message>OK</message>');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('reply size limits', () => {
  it('accepts a body of exactly the limit', async () => {
    const fetch = fetchReturning(new Response('x'.repeat(100)));
    const response = await request(
      { fetch },
      { operation: 'op', url: URL_, method: 'GET', maxBytes: 100 },
    );
    expect(response.bytes.length).toBe(100);
  });

  it('fails with TooLarge one byte past the limit, with no Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(60));
        controller.enqueue(new Uint8Array(41));
        controller.close();
      },
    });
    const fetch = fetchReturning(new Response(stream));
    const error = await rejectionOf(
      request({ fetch }, { operation: 'webwxinit', url: URL_, method: 'GET', maxBytes: 100 }),
    );
    expect(error).toMatchObject({ name: 'TooLarge', operation: 'webwxinit' });
    expect(error.message).toContain('larger than 100 bytes');
  });

  it('fails at once on a declared Content-Length over the limit, without reading', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
    });
    const fetch = fetchReturning(
      new Response(stream, { headers: { 'Content-Length': String(13_000_000) } }),
    );
    const error = await rejectionOf(
      request({ fetch }, { operation: 'op', url: URL_, method: 'GET', maxBytes: 8_000_000 }),
    );
    expect(error.name).toBe('TooLarge');
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-pull once; nothing was read
  });

  it('stops downloading an endless reply from a real server', async () => {
    let sent = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (sent < 50 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 50 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      pump();
      res.on('close', () => res.removeAllListeners('drain'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await rejectionOf(
        request(
          { fetch: globalThis.fetch },
          {
            operation: 'webwxinit',
            url: `http://127.0.0.1:${port}/`,
            method: 'GET',
            maxBytes: 1024 * 1024,
          },
        ),
      );
      expect(error.name).toBe('TooLarge');
      expect(sent).toBeLessThan(10 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('redactUrl', () => {
  it('masks credentials in the query and keeps everything else', () => {
    expect(
      redactUrl(
        'https://webpush.wx.qq.com/cgi-bin/mmwebwx-bin/synccheck?r=1&skey=%40c&sid=a%2Bb&uin=1&deviceid=e1&synckey=1_2&_=3',
      ),
    ).toBe(
      'https://webpush.wx.qq.com/cgi-bin/mmwebwx-bin/synccheck?r=1&skey=***&sid=***&uin=***&deviceid=***&synckey=***&_=3',
    );
    expect(redactUrl('https://wx2.qq.com/x?ticket=T@qrticket_0&uuid=u==&lang=zh_CN')).toBe(
      'https://wx2.qq.com/x?ticket=***&uuid=u==&lang=zh_CN',
    );
  });
});

/**
 * `fetch` for Node integration tests: real HTTPS to the real WeChat host names through the
 * simulator's CONNECT proxy (TLS verified against the simulator's certificate), with a
 * tough-cookie jar applied to every request and response — including the 301 of §5.2.
 * Redirects are never followed (there is nothing to follow: the 301 has no Location).
 */
import { CookieJar } from 'tough-cookie';
import { ProxyAgent, fetch as undiciFetch, type RequestInit as UndiciInit } from 'undici';

export interface SimLike {
  proxyPort: number;
  caPem: string;
}

export type SimFetch = typeof fetch & { jar: CookieJar; close(): Promise<void> };

export function createSimFetch(sim: SimLike, jar: CookieJar = new CookieJar()): SimFetch {
  const agent = new ProxyAgent({
    uri: `http://127.0.0.1:${sim.proxyPort}`,
    requestTls: { ca: sim.caPem },
  });
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(
      init?.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    const cookie = await jar.getCookieString(url);
    if (cookie) headers.set('Cookie', cookie);
    const res = await undiciFetch(url, {
      ...(init as UndiciInit | undefined),
      headers,
      redirect: init?.redirect ?? 'manual',
      dispatcher: agent,
    } as UndiciInit);
    for (const sc of res.headers.getSetCookie())
      await jar.setCookie(sc, url, { ignoreError: true });
    return res as unknown as Response;
  };
  return Object.assign(f as typeof fetch, { jar, close: () => agent.close() });
}

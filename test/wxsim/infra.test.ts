/** Faults, latency, the CONNECT proxy, unknown paths and the HTTP control API. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { OVERSIZE_BYTES } from './faults.js';
import { APPID, CGI, getUuid, login, post, useSimulator } from './test-helpers.js';

const ctx = useSimulator();

const JSLOGIN = `https://login.wx.qq.com/jslogin?appid=${APPID}&fun=new&lang=zh_CN`;

describe('faults', () => {
  it('http500 for `times` requests, then normal again', async () => {
    ctx.sim.fault('jslogin', 'http500', 2);
    expect((await ctx.f(JSLOGIN)).status).toBe(500);
    expect((await ctx.f(JSLOGIN)).status).toBe(500);
    expect((await ctx.f(JSLOGIN)).status).toBe(200);
  });

  it('reset makes fetch reject', async () => {
    ctx.sim.fault('jslogin', 'reset', 1);
    await expect(ctx.f(JSLOGIN)).rejects.toThrow();
    expect((await ctx.f(JSLOGIN)).status).toBe(200);
  });

  it('hang never answers; the client has to abort', async () => {
    ctx.sim.fault('synccheck', 'hang');
    const t0 = Date.now();
    await expect(
      ctx.f(`https://webpush.wx.qq.com${CGI}/synccheck?r=1`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    ctx.sim.fault('synccheck', null);
  });

  it('malformed truncates the body so it no longer parses', async () => {
    const s = await login(ctx.sim, ctx.f);
    ctx.sim.fault('webwxinit', 'malformed', 1);
    const r = await post(ctx.f, `https://${s.host}${CGI}/webwxinit?r=1`, {
      BaseRequest: s.BaseRequest,
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text.startsWith('{"BaseResponse": {"Ret": 0')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('oversize pads the real reply to 13 MB and it still parses', async () => {
    const s = await login(ctx.sim, ctx.f);
    ctx.sim.fault('webwxinit', 'oversize', 1);
    const r = await post(ctx.f, `https://${s.host}${CGI}/webwxinit?r=1`, {
      BaseRequest: s.BaseRequest,
    });
    const text = await r.text();
    expect(Buffer.byteLength(text)).toBe(OVERSIZE_BYTES);
    expect((JSON.parse(text) as { User: { NickName: string } }).User.NickName).toBe('SToneX');
  });

  it('applies latencyMs to every reply', async () => {
    ctx.sim.configure({ latencyMs: 200 });
    const t0 = Date.now();
    await getUuid(ctx.f);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('rejects unknown endpoints and fault kinds', () => {
    expect(() => ctx.sim.fault('nope', 'http500')).toThrow(/unknown endpoint/);
    expect(() => ctx.sim.fault('login', 'explode' as 'http500')).toThrow(/unknown fault/);
  });
});

describe('hosts and proxy', () => {
  it('404s unknown paths and hosts outside the host table', async () => {
    expect((await ctx.f(`https://wx.qq.com${CGI}/webwxnothing`)).status).toBe(404);
    expect((await ctx.f('https://login.wx.qq.com/cgi-bin/mmwebwx-bin/synccheck')).status).toBe(404);
    expect((await ctx.f('https://mp.weixin.qq.com/')).status).toBe(404);
  });

  function connect(target: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const sock = net.connect(ctx.sim.proxyPort, '127.0.0.1', () => {
        sock.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
      });
      sock.once('data', (d) => {
        resolve(d.toString('latin1').split('\r\n')[0] ?? '');
        sock.destroy();
      });
      sock.once('error', reject);
    });
  }

  it('tunnels :443 and refuses other ports with 403; plain HTTP proxying is 403', async () => {
    expect(await connect('wx.qq.com:443')).toBe('HTTP/1.1 200 Connection Established');
    expect(await connect('wx.qq.com:80')).toBe('HTTP/1.1 403 Forbidden');
    expect(await connect('example.com:8443')).toBe('HTTP/1.1 403 Forbidden');
    const r = await fetch(`http://127.0.0.1:${ctx.sim.proxyPort}/`);
    expect(r.status).toBe(403);
  });
});

describe('control API', () => {
  const ctl = (path: string, body?: unknown): Promise<Response> =>
    fetch(`http://127.0.0.1:${ctx.sim.controlPort}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('plays the phone over HTTP and reports state', async () => {
    const uuid = await getUuid(ctx.f);
    let r = await ctl('/phone/scan', {});
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(await r.json()).toEqual({ ok: true, result: { uuid } });
    r = await ctl('/phone/kick', {});
    expect(r.status).toBe(409);
    r = await ctl('/state');
    const st = (await r.json()) as {
      uuid: string;
      loginState: string;
      counts: Record<string, number>;
      lastRequests: { url: string }[];
    };
    expect(st).toMatchObject({ uuid, loginState: 'scanned', counts: { jslogin: 1 } });
    expect(st.lastRequests[0]?.url).toMatch(/^https:\/\/login\.wx\.qq\.com\/jslogin\?appid=/);
  });

  it('validates /config and /fault; /reset gives fresh state', async () => {
    expect((await ctl('/config', { homeHost: 'evil.com' })).status).toBe(400);
    expect((await ctl('/config', { homeHost: 'wx8.qq.com', syncHoldMs: 10 })).status).toBe(200);
    expect(ctx.sim.state()).toMatchObject({ config: { homeHost: 'wx8.qq.com', syncHoldMs: 10 } });
    expect(
      (await ctl('/fault', { endpoint: 'webwxsync', fault: 'http500', times: 1 })).status,
    ).toBe(200);
    expect(ctx.sim.state()).toMatchObject({
      faults: { webwxsync: { fault: 'http500', times: 1 } },
    });
    await ctl('/reset', {});
    expect(ctx.sim.state()).toMatchObject({
      faults: {},
      config: { homeHost: 'wx.qq.com', syncHoldMs: 150 },
    });
  });

  it('serves the phone page with its buttons', async () => {
    const r = await ctl('/');
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    for (const b of ['Scan', 'Confirm', 'Cancel', 'Expire', 'Ban', 'Kick', 'Send message'])
      expect(html).toContain(`>${b}</button>`);
  });
});

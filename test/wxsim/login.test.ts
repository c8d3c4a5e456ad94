/** jslogin (§2), /qrcode (§3) and the login long-poll (§4) against docs/protocol.md. */
import { describe, expect, it } from 'vitest';
import { APPID, CGI, confirmedRedirect, getUuid, poll, useSimulator } from './test-helpers.js';

const ctx = useSimulator();

describe('jslogin', () => {
  it('answers the exact §2 body as text/javascript on GET and POST', async () => {
    for (const method of ['GET', 'POST']) {
      const r = await ctx.f(`https://login.wx.qq.com/jslogin?appid=${APPID}&fun=new&lang=zh_CN`, {
        method,
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/javascript');
      expect(await r.text()).toMatch(
        /^window\.QRLogin\.code = 200; window\.QRLogin\.uuid = "[A-Za-z0-9_-]{10}==";$/,
      );
    }
  });

  it('accepts a form body (WEIXINBOT) and other login hosts', async () => {
    const r = await ctx.f('https://login.weixin.qq.com/jslogin', {
      method: 'POST',
      body: `appid=${APPID}&fun=new&lang=zh_CN&_=1`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(await r.text()).toMatch(/window\.QRLogin\.code = 200;/);
  });

  it('fails with the §2 error form without appid or in fail mode', async () => {
    let r = await ctx.f('https://login.wx.qq.com/jslogin?fun=new');
    expect(await r.text()).toBe('window.QRLogin.code = 400; window.QRLogin.error = "";');
    ctx.sim.configure({ jsloginFail: true });
    r = await ctx.f(`https://login.wx.qq.com/jslogin?appid=${APPID}&fun=new`);
    expect(await r.text()).toBe('window.QRLogin.code = 400; window.QRLogin.error = "";');
  });

  it('serves a JPEG at /qrcode/<uuid>', async () => {
    const uuid = await getUuid(ctx.f);
    const r = await ctx.f(`https://login.weixin.qq.com/qrcode/${uuid}`);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    const b = Buffer.from(await r.arrayBuffer());
    expect(b.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });
});

describe('login poll', () => {
  it('holds, then answers 408 (also with tip=1 before any scan)', async () => {
    const uuid = await getUuid(ctx.f);
    for (const tip of [0, 1] as const) {
      const t0 = Date.now();
      expect(await poll(ctx.f, uuid, tip)).toBe('window.code=408;');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    }
  });

  it('returns 201 at once when the phone scans during a held poll', async () => {
    ctx.sim.configure({ loginHoldMs: 5_000 });
    const uuid = await getUuid(ctx.f);
    const t0 = Date.now();
    const p = poll(ctx.f, uuid, 0);
    setTimeout(() => ctx.sim.phone.scan(), 50);
    expect(await p).toMatch(
      /^window\.code=201;window\.userAvatar = 'data:img\/jpg;base64,\/9j\/[A-Za-z0-9+/=]+';$/,
    );
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('gives the avatar only with loginicon=true; tip=1 reports scanned immediately; tip=0 holds', async () => {
    ctx.sim.configure({ loginHoldMs: 400 });
    const uuid = await getUuid(ctx.f);
    ctx.sim.phone.scan();
    expect(await poll(ctx.f, uuid, 1, false)).toBe('window.code=201;');
    let t0 = Date.now();
    expect(await poll(ctx.f, uuid, 1)).toMatch(/^window\.code=201;window\.userAvatar = '/);
    expect(Date.now() - t0).toBeLessThan(300);
    t0 = Date.now();
    expect(await poll(ctx.f, uuid, 0)).toBe('window.code=408;');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it('answers 200 with a §4 redirect_uri on the configured home host', async () => {
    for (const home of ['wx.qq.com', 'wx2.qq.com', 'web.wechat.com'] as const) {
      ctx.sim.configure({ homeHost: home });
      const redirect = await confirmedRedirect(ctx.sim, ctx.f);
      const re = new RegExp(
        `^https://${home.replace(/\./g, '\\.')}/cgi-bin/mmwebwx-bin/webwxnewloginpage\\?ticket=[A-Za-z0-9_-]{24}@qrticket_0&uuid=[A-Za-z0-9_-]{10}==&lang=zh_CN&scan=\\d{10}$`,
      );
      expect(redirect).toMatch(re);
    }
  });

  it('keeps the one-line 200 body shape', async () => {
    const uuid = await getUuid(ctx.f);
    ctx.sim.phone.scan();
    ctx.sim.phone.confirm();
    expect(await poll(ctx.f, uuid, 0)).toMatch(
      /^window\.code=200;window\.redirect_uri="https:\/\/wx\.qq\.com\/[^"]+";$/,
    );
  });

  it('answers 202 after cancel, or 408 + rescannable in cancelMode 408', async () => {
    let uuid = await getUuid(ctx.f);
    ctx.sim.phone.scan();
    ctx.sim.phone.cancel();
    expect(await poll(ctx.f, uuid, 0)).toBe('window.code=202;');
    ctx.sim.configure({ cancelMode: '408' });
    uuid = await getUuid(ctx.f);
    ctx.sim.phone.scan();
    ctx.sim.phone.cancel();
    expect(await poll(ctx.f, uuid, 0)).toBe('window.code=408;');
    ctx.sim.phone.scan();
    expect(await poll(ctx.f, uuid, 0, false)).toBe('window.code=201;');
  });

  it('answers 400 after expire, after the QR lifetime, and for unknown uuids', async () => {
    let uuid = await getUuid(ctx.f);
    ctx.sim.phone.expire();
    expect(await poll(ctx.f, uuid, 0)).toBe('window.code=400;');
    ctx.sim.configure({ qrLifetimeMs: 100, loginHoldMs: 5_000 });
    uuid = await getUuid(ctx.f);
    const t0 = Date.now();
    expect(await poll(ctx.f, uuid, 0)).toBe('window.code=400;');
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(() => ctx.sim.phone.scan()).toThrow(/expired/);
    expect(await poll(ctx.f, 'nosuchuuid==', 0)).toBe('window.code=400;');
  });

  it('lets the phone act on an explicit uuid or the /l/<uuid> QR text', async () => {
    const first = await getUuid(ctx.f);
    await getUuid(ctx.f);
    expect(ctx.sim.phone.scan(`https://login.weixin.qq.com/l/${first}`)).toBe(first);
    expect(await poll(ctx.f, first, 1, false)).toBe('window.code=201;');
  });

  it('counts requests per endpoint in state()', async () => {
    await getUuid(ctx.f);
    await ctx.f(`https://login.wx.qq.com${CGI}/login?uuid=x&tip=1`);
    const st = ctx.sim.state() as {
      counts: Record<string, number>;
      uuid: string;
      loginState: string;
    };
    expect(st.counts.jslogin).toBe(1);
    expect(st.counts.login).toBe(1);
    expect(st.loginState).toBe('waiting');
  });
});

import { describe, expect, it } from 'vitest';
import { forgetWeChatCookies, type CookieJar, type JarCookie } from './cookies';

/** A cookie jar that sends a cookie to a URL the way browsers match Domain and Path. */
function jar(cookies: JarCookie[]): CookieJar & { left: JarCookie[] } {
  const left = [...cookies];
  const sentTo = (url: string) => (c: JarCookie) => {
    const { hostname, pathname } = new URL(url);
    const domain = c.domain.replace(/^\./, '');
    const hostMatch = c.domain.startsWith('.')
      ? hostname === domain || hostname.endsWith(`.${domain}`)
      : hostname === domain;
    return hostMatch && pathname.startsWith(c.path);
  };
  return {
    left,
    getAll: async ({ url }) => left.filter(sentTo(url)),
    remove: async ({ url, name }) => {
      const i = left.findIndex((c) => c.name === name && sentTo(url)(c));
      if (i !== -1) left.splice(i, 1);
    },
  };
}

describe('forgetWeChatCookies', () => {
  it('removes the session, the .qq.com ticket and the long-lived push-login cookies', async () => {
    const other = { name: 'sid', domain: 'example.com', path: '/' };
    const qqMail = { name: 'qm', domain: 'mail.qq.com', path: '/' };
    const cookies = jar([
      { name: 'wxuin', domain: 'wx2.qq.com', path: '/' },
      { name: 'wxsid', domain: 'wx2.qq.com', path: '/' },
      { name: 'webwx_data_ticket', domain: '.qq.com', path: '/' },
      { name: 'webwxuvid', domain: 'wx2.qq.com', path: '/' },
      { name: 'webwx_auth_ticket', domain: 'wx2.qq.com', path: '/' },
      { name: 'mm_lang', domain: 'web.wechat.com', path: '/' },
      other,
      qqMail,
    ]);
    expect(await forgetWeChatCookies(cookies)).toBe(6);
    // Cookies no WeChat host would be sent are none of our business.
    expect(cookies.left).toEqual([other, qqMail]);
  });

  it('does nothing, and needs no network, when there is nothing to remove', async () => {
    expect(await forgetWeChatCookies(jar([]))).toBe(0);
  });
});

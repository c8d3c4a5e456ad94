import type { HomeHosts } from './types';

/**
 * The hosts an account can live on. The main host is the host of `window.redirect_uri`
 * (docs/protocol.md §4, §6). These five are the home hosts of the official client's table;
 * wechat4u's 2016 push-host table also names web1.wechat.com and web1.wechatapp.com, which no
 * newer source shows (§6).
 */
/**
 * Where a login starts: jslogin and the login poll (docs/protocol.md §2, §4), until the account's
 * own home hosts are known. The popup's HTML opens a connection to it in advance (a
 * `<link rel="preconnect">`, test/conventions/preconnect.test.ts).
 */
export const DEFAULT_LOGIN_HOST = 'login.wx.qq.com';

export const MAIN_HOSTS: readonly string[] = [
  'wx.qq.com',
  'wx2.qq.com',
  'wx8.qq.com',
  'web.wechat.com',
  'web2.wechat.com',
];

// docs/protocol.md §6, OFFICIAL table (webwxApp.js L7362–7393): substring tests on the host,
// first match wins. The order matters: 'wx2.qq.com' must be tested before 'qq.com'.
const TABLE: readonly { readonly contains: string; readonly suffix: string }[] = [
  { contains: 'wx2.qq.com', suffix: 'wx2.qq.com' },
  { contains: 'wx8.qq.com', suffix: 'wx8.qq.com' },
  { contains: 'qq.com', suffix: 'wx.qq.com' },
  { contains: 'web2.wechat.com', suffix: 'web2.wechat.com' },
  { contains: 'wechat.com', suffix: 'web.wechat.com' },
];

/** Home hosts for a redirect_uri host; `main` is always the redirect host itself (§6). */
export function hostsFor(redirectHost: string): HomeHosts {
  const row = TABLE.find((entry) => redirectHost.includes(entry.contains));
  if (row === undefined) {
    // §6 default row: no match keeps the historical weixin.qq.com login/push hosts.
    return {
      main: redirectHost,
      login: 'login.weixin.qq.com',
      file: 'file.wx.qq.com',
      push: 'webpush.weixin.qq.com',
    };
  }
  return {
    main: redirectHost,
    login: `login.${row.suffix}`,
    file: `file.${row.suffix}`,
    push: `webpush.${row.suffix}`,
  };
}

/**
 * Every host the extension may talk to (manifest host permissions): main/login/file/push for
 * each home host, plus login.weixin.qq.com (QR text, §3) and webpush.weixin.qq.com (§6 default).
 */
export const WECHAT_HOSTS: readonly string[] = [
  ...new Set([
    ...MAIN_HOSTS.flatMap((host) => {
      const hosts = hostsFor(host);
      return [hosts.main, hosts.login, hosts.file, hosts.push];
    }),
    'login.weixin.qq.com',
    'webpush.weixin.qq.com',
  ]),
];

/**
 * True for an https URL on one of WeChat's hosts, on the default port, with no user info:
 * the only URLs the client fetches with the session's cookies (avatars and media, §12).
 */
export function isWeChatUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    WECHAT_HOSTS.includes(url.hostname)
  );
}

/** True when `host` is one of the home hosts a login may redirect to (§4 code 200). */
export function isMainHost(host: string): boolean {
  return MAIN_HOSTS.includes(host);
}

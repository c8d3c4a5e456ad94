/** Simulator knobs (docs/protocol.md §22) and the host table (docs/protocol.md §6). */

export type HomeHost =
  'wx.qq.com' | 'wx2.qq.com' | 'wx8.qq.com' | 'web.wechat.com' | 'web2.wechat.com';
export const HOME_HOSTS: readonly HomeHost[] = [
  'wx.qq.com',
  'wx2.qq.com',
  'wx8.qq.com',
  'web.wechat.com',
  'web2.wechat.com',
];

export type AccountName = 'default' | 'large' | 'hostile';
export const ACCOUNT_NAMES: readonly AccountName[] = ['default', 'large', 'hostile'];

/** newloginpage behaviour (§22.4): accept / always 1203 / 1203 unless UOS headers (§5.1). */
export type LoginPageMode = 'ok' | 'blocked' | 'uos';
export const LOGIN_PAGE_MODES: readonly LoginPageMode[] = ['ok', 'blocked', 'uos'];

/** 2019–2020 wording of the 1203 block (issue_samples.txt, EverydayWechat#179). */
export const BLOCKED_MESSAGE_2019 =
  '为了你的帐号安全，此微信号不能登录网页微信。你可以使用Windows微信或Mac微信在电脑端登录。Windows微信下载地址：https://pc.weixin.qq.com  Mac微信下载地址：https://mac.weixin.qq.com';

export interface SimConfig {
  /** Host put in the 200 redirect_uri (§4); decides the account's cookie domain (§5.4). */
  homeHost: HomeHost;
  /** login long-poll hold before 408 (§4, ~25 s real). */
  loginHoldMs: number;
  /** synccheck hold before selector "0" (§13, ~25 s real). */
  syncHoldMs: number;
  /** A QR (uuid) answers 400 after this long (§4, §24: no source gives the lifetime; 5 min is our choice). */
  qrLifetimeMs: number;
  /** Extra delay before every HTTPS reply. */
  latencyMs: number;
  /** Which seeded account logs in next. */
  account: AccountName;
  /** newloginpage mode (§22.4). */
  mode: LoginPageMode;
  /** `<message>` of the 1203 block (§5.3). */
  blockedMessage: string;
  /** jslogin answers `window.QRLogin.code = 400;` (§2 error form). */
  jsloginFail: boolean;
  /** Phone "cancel": 202 (OFFICIAL) or back to 408 and rescannable (WWDK-DOC) — §4. */
  cancelMode: '202' | '408';
  /** webwxsendmsg answers Ret 1205 (§15). */
  rateLimit: boolean;
  /**
   * synccheck answers `retcode:"1205"` and webwxsync `Ret 1205` (§20: 1205 = frequency limit;
   * that synccheck reports it as a retcode is an inference from OFFICIAL's enum comment, §13).
   */
  syncRateLimit: boolean;
  /** Every request to a webpush.* host gets its socket destroyed without a reply (host down). */
  pushHostDown: boolean;
  /** webwxgetcontact page size (§10: pages of a few hundred to 1700+). */
  contactPageSize: number;
  /** webwxgetcontact answers Ret 1205 for this page of the walk (1-based; 0 = never, §20). */
  contactRateLimitPage: number;
}

export const DEFAULT_CONFIG: SimConfig = {
  homeHost: 'wx.qq.com',
  loginHoldMs: 25_000,
  syncHoldMs: 25_000,
  qrLifetimeMs: 5 * 60_000,
  latencyMs: 0,
  account: 'default',
  mode: 'ok',
  blockedMessage: BLOCKED_MESSAGE_2019,
  jsloginFail: false,
  cancelMode: '202',
  rateLimit: false,
  syncRateLimit: false,
  pushHostDown: false,
  contactPageSize: 1200,
  contactRateLimitPage: 0,
};

/** Validate a JSON patch from the control API; throws with a readable message. */
export function checkConfigPatch(patch: unknown): Partial<SimConfig> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error('config patch must be a JSON object');
  }
  const out: Partial<SimConfig> = {};
  for (const [k, v] of Object.entries(patch)) {
    switch (k) {
      case 'homeHost':
        out.homeHost = oneOf(k, v, HOME_HOSTS);
        break;
      case 'account':
        out.account = oneOf(k, v, ACCOUNT_NAMES);
        break;
      case 'mode':
        out.mode = oneOf(k, v, LOGIN_PAGE_MODES);
        break;
      case 'cancelMode':
        out.cancelMode = oneOf(k, v, ['202', '408'] as const);
        break;
      case 'loginHoldMs':
      case 'syncHoldMs':
      case 'qrLifetimeMs':
      case 'latencyMs':
      case 'contactPageSize':
      case 'contactRateLimitPage':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${k}: number`);
        out[k] =
          k === 'contactPageSize'
            ? Math.max(1, Math.floor(v))
            : k === 'contactRateLimitPage'
              ? Math.floor(v)
              : v;
        break;
      case 'jsloginFail':
      case 'rateLimit':
      case 'syncRateLimit':
      case 'pushHostDown':
        if (typeof v !== 'boolean') throw new Error(`${k}: boolean`);
        out[k] = v;
        break;
      case 'blockedMessage':
        if (typeof v !== 'string') throw new Error(`${k}: string`);
        out.blockedMessage = v;
        break;
      default:
        throw new Error(`unknown config key ${k}`);
    }
  }
  return out;
}

function oneOf<T extends string>(key: string, v: unknown, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a === v);
  if (hit === undefined) throw new Error(`${key}: one of ${allowed.join(', ')}`);
  return hit;
}

export type HostKind = 'login' | 'main' | 'push' | 'file';

/**
 * Classify a Host header. Main hosts are the five of §6; login/file/push hosts are the OFFICIAL
 * prefixes plus the 2016 `webpushN.` variants (W4U a4eeb81) and login.weixin.qq.com (ITCHAT).
 */
export function classifyHost(
  hostHeader: string | undefined,
): { kind: HostKind; host: string } | null {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!/(^|\.)(qq\.com|wechat\.com)$/.test(host)) return null;
  if ((HOME_HOSTS as readonly string[]).includes(host)) return { kind: 'main', host };
  if (host.startsWith('login.')) return { kind: 'login', host };
  if (/^webpush\d*\./.test(host)) return { kind: 'push', host };
  if (host.startsWith('file.')) return { kind: 'file', host };
  return null;
}

/** Cookie domain for webwx_data_ticket: `.qq.com` or `.wechat.com` (§5.4). */
export function dataTicketDomain(home: HomeHost): string {
  return home.endsWith('wechat.com') ? '.wechat.com' : '.qq.com';
}

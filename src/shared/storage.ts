import type { PlainError } from '../wechat/errors';
import type { LoginTokens, SyncKey } from '../wechat/types';
import type { Dashboard, Notice, Settings } from './view';

/**
 * Every storage item, once: key, area, fallback and a decoder. Storage can hold an old or
 * broken shape (an earlier version, a manual edit), so what is read back is decoded, and a
 * value that does not decode counts as absent (architecture.md "State and commands").
 */
export interface StorageItem<T> {
  readonly key: string;
  /** 'auto' = local, or session when the user chose to forget the session on close. */
  readonly area: 'local' | 'session' | 'auto';
  readonly fallback: T;
  readonly decode: (raw: unknown) => T | undefined;
}

/** Transient login progress (uuid, scan avatar): storage.session, gone with the browser. */
export type LoginState =
  | { readonly type: 'idle'; readonly notice: Notice | null }
  | {
      readonly type: 'waitingForScan';
      readonly uuid: string;
      readonly tip: 0 | 1;
      readonly notice: Notice | null;
    }
  | { readonly type: 'scanned'; readonly uuid: string; readonly avatar: string | null }
  | { readonly type: 'signingIn'; readonly redirectUri: string }
  | { readonly type: 'signedIn' }
  | { readonly type: 'failed'; readonly error: PlainError; readonly retry: 'newQr' | 'init' };

/** A signed-in session: tokens plus the dashboard snapshot (null until webwxinit answered). */
export interface StoredSession {
  readonly version: 1;
  readonly tokens: LoginTokens;
  readonly syncKey: SyncKey;
  readonly dashboard: Dashboard | null;
  readonly savedAt: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

function decodeSettings(raw: unknown): Settings | undefined {
  if (!isObject(raw) || typeof raw.forgetOnClose !== 'boolean') return undefined;
  return { forgetOnClose: raw.forgetOnClose };
}

function decodeLogin(raw: unknown): LoginState | undefined {
  if (!isObject(raw) || !isString(raw.type)) return undefined;
  switch (raw.type) {
    case 'idle':
    case 'signedIn':
      return raw as LoginState;
    case 'waitingForScan':
      return isString(raw.uuid) && (raw.tip === 0 || raw.tip === 1)
        ? (raw as LoginState)
        : undefined;
    case 'scanned':
      return isString(raw.uuid) ? (raw as LoginState) : undefined;
    case 'signingIn':
      return isString(raw.redirectUri) ? (raw as LoginState) : undefined;
    case 'failed':
      return isObject(raw.error) && (raw.retry === 'newQr' || raw.retry === 'init')
        ? (raw as LoginState)
        : undefined;
    default:
      return undefined;
  }
}

function decodeTokens(raw: unknown): LoginTokens | undefined {
  if (!isObject(raw) || !isObject(raw.hosts)) return undefined;
  const { uin, sid, skey, passTicket, hosts } = raw;
  const hostsOk = ['main', 'login', 'file', 'push'].every((k) => isString(hosts[k]));
  if (
    typeof uin !== 'number' ||
    !isString(sid) ||
    !isString(skey) ||
    !isString(passTicket) ||
    !hostsOk
  ) {
    return undefined;
  }
  return raw as unknown as LoginTokens;
}

function decodeSession(raw: unknown): StoredSession | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.syncKey)) return undefined;
  if (!decodeTokens(raw.tokens)) return undefined;
  const dashboard = raw.dashboard;
  if (dashboard !== null && !(isObject(dashboard) && isObject(dashboard.profile))) return undefined;
  return raw as unknown as StoredSession;
}

export const settingsItem: StorageItem<Settings> = {
  key: 'settings',
  area: 'local',
  fallback: { forgetOnClose: false },
  decode: decodeSettings,
};

export const loginItem: StorageItem<LoginState> = {
  key: 'login',
  area: 'session',
  fallback: { type: 'idle', notice: null },
  decode: decodeLogin,
};

export const sessionItem: StorageItem<StoredSession | null> = {
  key: 'session',
  area: 'auto',
  fallback: null,
  decode: decodeSession,
};

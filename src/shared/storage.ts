import type { PlainError, HomeHosts, LoginTokens, SyncKey } from '../wechat';
import { defineItem, type StorageItem } from './storage-item';
import {
  THEMES,
  type Dashboard,
  type Notice,
  type Settings,
  type Theme,
  type ViewState,
} from './view';

export type { StorageItem } from './storage-item';

/*
 * Every storage item, once: key, area, fallback, version, migrations and a decoder
 * (storage-item.ts). Storage can hold an older or broken shape (an earlier release, a manual
 * edit), so what is read back is migrated and decoded, and a value that does not decode counts
 * as absent (docs/architecture.md "State and commands").
 */

/** Transient login progress (uuid, scan avatar): storage.session, gone with the browser. */
export type LoginState =
  | { readonly type: 'idle'; readonly notice: Notice | null }
  | {
      readonly type: 'waitingForScan';
      readonly uuid: string;
      readonly tip: 0 | 1;
      readonly notice: Notice | null;
      /** The uuid came from push login: the phone was asked directly, no QR is shown. */
      readonly push: boolean;
      /** When WeChat handed out the uuid (ms); 0 when not known (stored by an older release). */
      readonly issuedAt: number;
    }
  /** The user chose push login; the background asks webwxpushloginurl next. */
  | { readonly type: 'pushRequested' }
  | { readonly type: 'scanned'; readonly uuid: string; readonly avatar: string | null }
  | {
      readonly type: 'signingIn';
      readonly redirectUri: string;
      /**
       * Set, and stored, just before the single-use ticket is sent (docs/protocol.md §4, §5):
       * a worker that stops during the exchange must not send it a second time.
       */
      readonly exchangeStarted: boolean;
    }
  | { readonly type: 'signedIn' }
  | { readonly type: 'failed'; readonly error: PlainError; readonly retry: 'newQr' | 'init' };

/**
 * A signed-in session: tokens plus the dashboard snapshot (null until webwxinit answered).
 * Version 2; version 1 carried `version: 1` inside the value and could lack the fields marked
 * "since v2" (migrateSessionV1).
 */
export interface StoredSession {
  readonly tokens: LoginTokens;
  /** For webwxsync (docs/protocol.md §14). */
  readonly syncKey: SyncKey;
  /** For synccheck; falls back to syncKey when empty (docs/protocol.md §13). */
  readonly syncCheckKey: SyncKey;
  readonly dashboard: Dashboard | null;
  /** When webwxinit last refreshed the dashboard (ms). */
  readonly savedAt: number;
}

/**
 * The account last signed in here. Not a token: with the browser's WeChat cookies it lets
 * push login ask the phone to confirm without a QR (docs/protocol.md §17). Removed by "Clear session".
 */
export interface KnownAccount {
  readonly uin: number;
  readonly hosts: HomeHosts;
  readonly nickName: string;
  readonly avatar: string | null;
}

/** Health of the sync loop, so a restarted worker keeps its backoff. */
export interface SyncStatus {
  /** Failures in a row; 0 when the last round reached WeChat. */
  readonly failures: number;
  /** Do not start a round before this time (ms). */
  readonly retryAt: number;
  readonly lastError: PlainError | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

const flag = (v: unknown): boolean => v === true;
/** A dashboard's keyed parts: the profile, the avatars and the unread counts. */
const hasDashboardParts = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && isObject(v.profile) && isObject(v.avatars) && isObject(v.unread);
const finiteOr = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

function decodeSettings(raw: unknown): Settings | undefined {
  if (!isObject(raw) || typeof raw.forgetOnClose !== 'boolean') return undefined;
  // Keys added later get their defaults (off, the system's theme), so an older value still decodes.
  return {
    forgetOnClose: raw.forgetOnClose,
    notify: flag(raw.notify),
    notifyText: flag(raw.notifyText),
    theme: (THEMES as readonly unknown[]).includes(raw.theme) ? (raw.theme as Theme) : 'system',
  };
}

function decodeLogin(raw: unknown): LoginState | undefined {
  if (!isObject(raw) || !isString(raw.type)) return undefined;
  switch (raw.type) {
    case 'idle':
    case 'signedIn':
    case 'pushRequested':
      return raw as LoginState;
    case 'waitingForScan':
      return isString(raw.uuid) && (raw.tip === 0 || raw.tip === 1)
        ? ({ ...raw, push: flag(raw.push), issuedAt: finiteOr(raw.issuedAt, 0) } as LoginState)
        : undefined;
    case 'scanned':
      return isString(raw.uuid) ? (raw as LoginState) : undefined;
    case 'signingIn':
      return isString(raw.redirectUri)
        ? ({ ...raw, exchangeStarted: flag(raw.exchangeStarted) } as LoginState)
        : undefined;
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
  if (!isObject(raw) || !Array.isArray(raw.syncKey) || !Array.isArray(raw.syncCheckKey)) {
    return undefined;
  }
  if (!decodeTokens(raw.tokens)) return undefined;
  const dashboard = raw.dashboard;
  if (dashboard === null) return raw as unknown as StoredSession;
  return hasDashboardParts(dashboard) ? (raw as unknown as StoredSession) : undefined;
}

/**
 * v1 -> v2: the version moves out of the value (storage-item.ts keeps it beside), and the
 * fields added after the first release (syncCheckKey, avatars, unread) get their defaults.
 */
function migrateSessionV1(raw: unknown): unknown {
  if (raw === null) return null;
  if (!isObject(raw) || raw.version !== 1) return undefined;
  const { version: _version, ...rest } = raw;
  const dashboard = rest.dashboard;
  return {
    ...rest,
    syncCheckKey: Array.isArray(rest.syncCheckKey) ? rest.syncCheckKey : [],
    dashboard: isObject(dashboard)
      ? {
          ...dashboard,
          avatars: isObject(dashboard.avatars) ? dashboard.avatars : {},
          unread: isObject(dashboard.unread) ? dashboard.unread : {},
        }
      : dashboard,
  };
}

function decodeAccount(raw: unknown): KnownAccount | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || typeof raw.uin !== 'number' || !isString(raw.nickName)) return undefined;
  if (!isObject(raw.hosts) || !isString(raw.hosts.main)) return undefined;
  return raw as unknown as KnownAccount;
}

function decodeSync(raw: unknown): SyncStatus | undefined {
  if (!isObject(raw)) return undefined;
  if (typeof raw.failures !== 'number' || typeof raw.retryAt !== 'number') return undefined;
  return raw as unknown as SyncStatus;
}

export const settingsItem: StorageItem<Settings> = defineItem({
  key: 'settings',
  area: 'local',
  fallback: { forgetOnClose: false, notify: false, notifyText: false, theme: 'system' },
  decode: decodeSettings,
});

export const loginItem: StorageItem<LoginState> = defineItem({
  key: 'login',
  area: 'session',
  fallback: { type: 'idle', notice: null },
  decode: decodeLogin,
});

export const sessionItem: StorageItem<StoredSession | null> = defineItem({
  key: 'session',
  area: 'auto',
  fallback: null,
  version: 2,
  migrations: { 2: migrateSessionV1 },
  decode: decodeSession,
});

export const accountItem: StorageItem<KnownAccount | null> = defineItem({
  key: 'account',
  area: 'auto',
  fallback: null,
  decode: decodeAccount,
});

export const syncItem: StorageItem<SyncStatus> = defineItem({
  key: 'sync',
  area: 'session',
  fallback: { failures: 0, retryAt: 0, lastError: null },
  decode: decodeSync,
});

/**
 * Which chats' kept messages changed last (the messages themselves are in IndexedDB, which has
 * no change events): an open chat view watches this and reads its chat again. storage.session:
 * nothing here outlives the browser.
 */
export interface ChatsChanged {
  readonly chats: readonly string[];
  /** Grows with every change, so the same chats changing twice is still a change. */
  readonly revision: number;
}

function decodeChatsChanged(raw: unknown): ChatsChanged | undefined {
  if (!isObject(raw) || typeof raw.revision !== 'number' || !Array.isArray(raw.chats)) {
    return undefined;
  }
  if (!raw.chats.every((chat) => typeof chat === 'string')) return undefined;
  return { chats: raw.chats as string[], revision: raw.revision };
}

export const chatsChangedItem: StorageItem<ChatsChanged> = defineItem({
  key: 'chatsChanged',
  area: 'session',
  fallback: { chats: [], revision: 0 },
  decode: decodeChatsChanged,
});

/**
 * What the popup paints before the background answers: the view the background would answer
 * now (background/shown.ts keeps it), and when its QR was handed out. It holds no token, only
 * what the popup is shown anyway. storage.session: gone with the browser.
 */
export interface ShownView {
  readonly view: ViewState;
  /** When the QR in `view` was handed out (ms); 0 when it shows none or the time is unknown. */
  readonly qrIssuedAt: number;
}

const VIEW_CHECKS: Record<ViewState['type'], (view: Record<string, unknown>) => boolean> = {
  starting: () => true,
  signingIn: () => true,
  qr: (v) => isString(v.qrText) && (v.notice === null || isObject(v.notice)),
  pushSent: (v) => isObject(v.account) && isString(v.account.nickName),
  scanned: (v) => v.avatar === null || isString(v.avatar),
  failed: (v) => isObject(v.error) && isString(v.error.name),
  signedIn: (v) =>
    (v.connection === 'ok' || v.connection === 'retrying') &&
    hasDashboardParts(v.dashboard) &&
    Array.isArray(v.dashboard.contacts) &&
    Array.isArray(v.dashboard.feeds),
};

function decodeShown(raw: unknown): ShownView | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || !isObject(raw.view) || !isString(raw.view.type)) return undefined;
  const check = (VIEW_CHECKS as Record<string, (view: Record<string, unknown>) => boolean>)[
    raw.view.type
  ];
  if (!check?.(raw.view)) return undefined;
  return { view: raw.view as unknown as ViewState, qrIssuedAt: finiteOr(raw.qrIssuedAt, 0) };
}

export const shownItem: StorageItem<ShownView | null> = defineItem({
  key: 'shown',
  area: 'session',
  fallback: null,
  decode: decodeShown,
});

/**
 * How long a QR is shown again without asking WeChat first. No source gives a QR's lifetime
 * (docs/protocol.md §4, §24); a QR older than this is replaced at once instead of being polled
 * for its 400. Too short costs one jslogin; too long, one poll that answers 400.
 */
export const QR_TRUSTED_MS = 4 * 60_000;

/** A QR handed out at `issuedAt` may still be shown at `now` (QR_TRUSTED_MS). */
export function qrTrusted(issuedAt: number, now: number): boolean {
  const age = now - issuedAt;
  return age >= 0 && age < QR_TRUSTED_MS;
}

/** The stored view, unless it is a QR too old to show. */
export function trustedView(shown: ShownView | null, now: number): ViewState | null {
  if (!shown) return null;
  return shown.view.type !== 'qr' || qrTrusted(shown.qrIssuedAt, now) ? shown.view : null;
}

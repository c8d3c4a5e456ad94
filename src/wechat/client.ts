import { clampLongPoll, type ClientContext } from './context';
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, QUICK_TIMEOUT_MS } from './http';
import { exchangeTicket, jslogin, pollLogin, pushLogin, qrText } from './login';
import { DEFAULT_LOGIN_HOST } from './hosts';
import { groupMembers } from './group-members';
import { fetchImage } from './media';
import {
  batchGetContacts,
  getContacts,
  init,
  logout,
  statusNotify,
  sync,
  syncCheck,
} from './post-login';
import { markRead, newLocalId, sendText, type OutgoingText } from './send';
import type {
  GroupMember,
  BookEntry,
  ContactList,
  InitResult,
  LoginPoll,
  LoginTokens,
  SyncCheck,
  SyncKey,
  SentText,
  SyncResult,
} from './types';

export type { OutgoingText } from './send';

export interface WeChatClientDeps {
  /** Browser/Node fetch; the browser's cookie jar keeps the session (§18, §22b). */
  readonly fetch: typeof fetch;
  /** Milliseconds since the epoch (cache busters, ClientMsgId). */
  readonly now: () => number;
  /** Uniform [0, 1) for DeviceID (§7). */
  readonly random: () => number;
  /** WeChat's `lang` parameter; a function when the UI language can change while running. */
  readonly lang?: 'zh_CN' | 'en_US' | (() => 'zh_CN' | 'en_US');
  /** Per-request timeout; default 20 s, capped at 24 s (also used for the long-polls if set). */
  readonly timeoutMs?: number;
  /** jslogin/login-poll host; default login.wx.qq.com (§2, §4). */
  readonly loginHost?: string;
  /** Timer hooks for tests; default the globals. */
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/** The WeChat web protocol, one method per endpoint; every error is a named WeChatError. */
export interface WeChatClient {
  jslogin(): Promise<string>;
  qrText(uuid: string): string;
  pollLogin(uuid: string, tip: 0 | 1): Promise<LoginPoll>;
  exchangeTicket(redirectUri: string): Promise<LoginTokens>;
  init(tokens: LoginTokens): Promise<InitResult>;
  statusNotify(tokens: LoginTokens, selfUserName: string): Promise<void>;
  logout(tokens: LoginTokens): Promise<void>;
  syncCheck(tokens: LoginTokens, syncKey: SyncKey): Promise<SyncCheck>;
  sync(tokens: LoginTokens, syncKey: SyncKey, selfUserName?: string): Promise<SyncResult>;
  /** The whole address book; `gap` says why it may be incomplete (§10). */
  getContacts(tokens: LoginTokens, selfUserName?: string): Promise<ContactList>;
  batchGetContacts(
    tokens: LoginTokens,
    userNames: readonly string[],
    selfUserName?: string,
  ): Promise<BookEntry[]>;
  pushLogin(account: Pick<LoginTokens, 'uin' | 'hosts'>): Promise<string>;
  fetchImage(url: string): Promise<string | null>;
  /** A fresh LocalID/ClientMsgId for a message to send (§15); keep it for a retry. */
  newLocalId(): string;
  /** §15 webwxsendmsg, text only. 1205 is thrown as RateLimited. */
  sendText(tokens: LoginTokens, message: OutgoingText): Promise<SentText>;
  /** §9 webwxstatusnotify Code 1: the chat was read here. */
  markRead(tokens: LoginTokens, selfUserName: string, chat: string): Promise<void>;
  /** §11 one group's members, for the names of group senders (§19). */
  groupMembers(tokens: LoginTokens, group: string): Promise<GroupMember[]>;
}

export function createWeChatClient(deps: WeChatClientDeps): WeChatClient {
  const c: ClientContext = {
    http: {
      fetch: deps.fetch,
      ...(deps.setTimeout === undefined ? {} : { setTimeout: deps.setTimeout }),
      ...(deps.clearTimeout === undefined ? {} : { clearTimeout: deps.clearTimeout }),
    },
    now: deps.now,
    random: deps.random,
    get lang() {
      return typeof deps.lang === 'function' ? deps.lang() : (deps.lang ?? 'zh_CN');
    },
    timeoutMs: Math.min(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
    longPollTimeoutMs: clampLongPoll(deps.timeoutMs),
    quickTimeoutMs: Math.min(deps.timeoutMs ?? QUICK_TIMEOUT_MS, QUICK_TIMEOUT_MS),
    loginHost: deps.loginHost ?? DEFAULT_LOGIN_HOST,
  };
  return {
    jslogin: () => jslogin(c),
    qrText,
    pollLogin: (uuid, tip) => pollLogin(c, uuid, tip),
    exchangeTicket: (redirectUri) => exchangeTicket(c, redirectUri),
    init: (tokens) => init(c, tokens),
    statusNotify: (tokens, selfUserName) => statusNotify(c, tokens, selfUserName),
    logout: (tokens) => logout(c, tokens),
    syncCheck: (tokens, syncKey) => syncCheck(c, tokens, syncKey),
    sync: (tokens, syncKey, selfUserName) => sync(c, tokens, syncKey, selfUserName),
    getContacts: (tokens, selfUserName) => getContacts(c, tokens, selfUserName),
    batchGetContacts: (tokens, userNames, selfUserName) =>
      batchGetContacts(c, tokens, userNames, selfUserName),
    pushLogin: (account) => pushLogin(c, account),
    fetchImage: (url) => fetchImage(c, url),
    newLocalId: () => newLocalId(c),
    sendText: (tokens, message) => sendText(c, tokens, message),
    markRead: (tokens, selfUserName, chat) => markRead(c, tokens, selfUserName, chat),
    groupMembers: (tokens, group) => groupMembers(c, tokens, group),
  };
}

/** All mutable simulator state plus the phone's actions (docs/protocol.md §4, §13, §17). */
import { buildAccount, type Account } from './accounts.js';
import { DEFAULT_CONFIG, type AccountName, type HomeHost, type SimConfig } from './config.js';
import { Faults, newRequestLog, type RequestLog } from './faults.js';
import { randomBytes } from 'node:crypto';
import { blankContact } from './contact-util.js';
import type { Contact, MpArticle } from './fixtures.js';
import { newMsgId, newTicket, newUuid } from './ids.js';
import { LoginEntry } from './login-state.js';
import {
  articleMessage,
  delContactEntry,
  linkMessage,
  modContactEntry,
  recallMessage,
  textMessage,
} from './messages.js';
import { withSkey } from './routes-webwx.js';
import { Session } from './session.js';

export class PhoneError extends Error {}

export interface ArticleFields {
  title?: string;
  url?: string;
  digest?: string;
  cover?: string;
}

/** `articles` (one push with N mmreader items) wins over the single-article fields. */
export interface ArticleInput extends ArticleFields {
  /** UserName of one of the account's official accounts (default: the first). */
  from?: string;
  articles?: ArticleFields[];
}

/** A contact change on the phone (§14 ModContactList / DelContactList). */
export interface ContactPatch {
  /** Default: the account's default friend; with `add`, a new random `@…` name. */
  userName?: string;
  nickName?: string;
  remarkName?: string;
  /** Delete the contact → DelContactList. */
  remove?: boolean;
  /** A new contact (friend request accepted) → ModContactList. */
  add?: boolean;
}

export class SimState {
  config: SimConfig;
  logins = new Map<string, LoginEntry>();
  /** The uuid the phone acts on: the newest one handed out by jslogin/pushloginurl or polled. */
  currentUuid: string | null = null;
  tickets = new Map<string, { uuid: string; used: boolean }>();
  sessions: Session[] = [];
  /** uin -> webwx_auth_ticket (long-lived, §5.4/§17). */
  authTickets = new Map<number, string>();
  /** One-shot block for the next newloginpage (/phone/ban). */
  banNext: string | null = null;
  faults = new Faults();
  log: RequestLog = newRequestLog();
  private accounts = new Map<AccountName, Account>();

  constructor(private readonly initial: Partial<SimConfig>) {
    this.config = { ...DEFAULT_CONFIG, ...initial };
  }

  reset(): void {
    for (const s of this.sessions) s.kill('loggedOut');
    for (const e of this.logins.values()) e.set('expired');
    Object.assign(this, new SimState(this.initial));
  }

  account(name: AccountName): Account {
    let a = this.accounts.get(name);
    if (!a) {
      a = buildAccount(name);
      this.accounts.set(name, a);
    }
    return a;
  }

  newLogin(lang: string, push: LoginEntry['push'] = null): LoginEntry {
    const e = new LoginEntry(newUuid(), lang, push);
    this.logins.set(e.uuid, e);
    this.currentUuid = e.uuid;
    return e;
  }

  redirectUri(e: LoginEntry): string {
    const host = e.homeHost ?? this.config.homeHost;
    return (
      `https://${host}/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=${e.ticket ?? ''}` +
      `&uuid=${e.uuid}&lang=${e.lang}&scan=${e.scanAt}`
    );
  }

  /** Create the session for a redeemed ticket; an older web session of the same account is kicked (1101). */
  openSession(homeHost: HomeHost, accountName: AccountName): Session {
    const account = this.account(accountName);
    for (const s of this.sessions) if (s.uin === account.uin) s.kill('kicked');
    const s = new Session(account, homeHost, this.authTickets.get(account.uin));
    this.authTickets.set(s.uin, s.authTicket);
    this.sessions.push(s);
    return s;
  }

  sessionBySid(sid: string | undefined): Session | undefined {
    return sid === undefined ? undefined : this.sessions.find((s) => s.sid === sid);
  }

  newestActiveSession(): Session {
    const s = [...this.sessions].reverse().find((x) => x.status === 'active');
    if (!s) throw new PhoneError('no active session');
    return s;
  }

  /** `uuid` may also be the QR text `https://login.weixin.qq.com/l/<uuid>` (§3). */
  private currentLogin(uuid?: string): LoginEntry {
    const wanted = uuid?.replace(/^.*\/l\//, '') ?? this.currentUuid;
    const e = wanted ? this.logins.get(wanted) : undefined;
    if (!e) throw new PhoneError('no login uuid yet (call jslogin first)');
    e.checkExpiry(this.config.qrLifetimeMs);
    return e;
  }

  // ---- the phone ----

  scan(uuid?: string): string {
    const e = this.currentLogin(uuid);
    if (e.status !== 'waiting') throw new PhoneError(`uuid ${e.uuid} is ${e.status}`);
    e.scanAt = Math.floor(Date.now() / 1000);
    e.set('scanned');
    return e.uuid;
  }

  /** Confirm; scans first when the QR was not scanned yet (a phone cannot confirm unseen). */
  confirm(uuid?: string): string {
    const e = this.currentLogin(uuid);
    if (e.status === 'waiting') this.scan(e.uuid);
    if (e.status !== 'scanned') throw new PhoneError(`uuid ${e.uuid} is ${e.status}`);
    e.ticket = newTicket();
    e.homeHost ??= this.config.homeHost;
    e.account ??= this.config.account;
    this.tickets.set(e.ticket, { uuid: e.uuid, used: false });
    e.set('confirmed');
    return e.uuid;
  }

  /** 202 (OFFICIAL) or, in cancelMode '408', back to waiting and rescannable (WWDK-DOC) — §4. */
  cancel(uuid?: string): string {
    const e = this.currentLogin(uuid);
    if (e.status !== 'waiting' && e.status !== 'scanned')
      throw new PhoneError(`uuid ${e.uuid} is ${e.status}`);
    if (this.config.cancelMode === '408') {
      e.reported = null;
      e.set('waiting');
    } else e.set('cancelled');
    return e.uuid;
  }

  expire(uuid?: string): string {
    const e = this.currentLogin(uuid);
    e.set('expired');
    return e.uuid;
  }

  ban(message?: string): void {
    this.banNext = message ?? this.config.blockedMessage;
  }

  kick(): void {
    this.newestActiveSession().kill('kicked');
  }

  logout(): void {
    this.newestActiveSession().kill('phoneLogout');
  }

  message(text: string, from?: string): string {
    const s = this.newestActiveSession();
    const m = textMessage(s.account, from ?? s.account.friend, text);
    s.enqueue(m);
    return String(m.MsgId);
  }

  /** The sender takes a message back (MsgType 10002); returns the recall's own MsgId. */
  recall(msgId: string, from?: string): string {
    const s = this.newestActiveSession();
    const m = recallMessage(s.account, from ?? s.account.friend, msgId);
    s.enqueue(m);
    return String(m.MsgId);
  }

  /** A person (not an official account) shares a link (MsgType 49 / AppMsgType 5). */
  link(title: string, url: string, from?: string): string {
    const s = this.newestActiveSession();
    const m = linkMessage(s.account, from ?? s.account.friend, title, url);
    s.enqueue(m);
    return String(m.MsgId);
  }

  /** The UserNames of the account's groups (for group messages). */
  groupNames(): string[] {
    return [...this.newestActiveSession().account.groups.keys()];
  }

  article(input: ArticleInput = {}): string {
    const s = this.newestActiveSession();
    const mps = s.account.mpSubscribe;
    const mp = mps.find((m) => m.UserName === input.from) ?? mps[0];
    if (!mp) throw new PhoneError('account has no official accounts');
    const fields = input.articles ?? [input];
    if (fields.length === 0) throw new Error('articles: at least one article');
    const n = mp.MPArticleList.length + 1;
    const mid = newMsgId().slice(0, 10);
    const list: MpArticle[] = fields.map((f, i) => ({
      Title: f.title ?? `${mp.NickName} #${n}${fields.length > 1 ? `.${i + 1}` : ''}`,
      Digest: f.digest ?? 'digest',
      Cover: f.cover ?? 'http://mmbiz.qpic.cn/mmbiz/wxsim/640?wxtype=jpeg&wxfrom=0|0|0',
      Url: f.url ?? `http://mp.weixin.qq.com/s?__biz=wxsim==&mid=${mid}&idx=${i + 1}#rd`,
    }));
    mp.MPArticleList.unshift(...list);
    mp.MPArticleCount = mp.MPArticleList.length;
    mp.Time = Math.floor(Date.now() / 1000);
    const m = articleMessage(s.account, mp.UserName, list);
    s.enqueue(m);
    return String(m.MsgId);
  }

  /**
   * A contact added, edited (nick/remark) or removed on the phone: the account's address book
   * changes (so later webwxgetcontact agrees) and the next webwxsync carries a ModContactList
   * or DelContactList entry; synccheck reports selector "4" (§13, see Session.enqueueContact).
   * Returns the contact's UserName.
   */
  contact(patch: ContactPatch = {}): string {
    const s = this.newestActiveSession();
    const acc = s.account;
    if (patch.add && patch.remove) throw new Error('add and remove exclude each other');
    const userName =
      patch.userName ?? (patch.add ? '@' + randomBytes(32).toString('hex') : acc.friend);
    // Group details (with MemberList) first: they make the fuller ModContactList entry.
    const copies = [
      ...[acc.groups.get(userName)].filter((c): c is Contact => c !== undefined),
      ...acc.contacts.filter((c) => c.UserName === userName),
      ...acc.initContacts.filter((c) => c.UserName === userName),
    ];
    if (patch.add) {
      if (copies.length > 0) throw new PhoneError(`${userName} is already a contact`);
      const c = blankContact({ UserName: userName, NickName: 'wxsim friend', ContactFlag: 3 });
      acc.contacts.push(c);
      copies.push(c);
    }
    const current = copies[0];
    if (!current) throw new PhoneError(`no contact ${userName}`);
    if (patch.remove) {
      acc.contacts = acc.contacts.filter((c) => c.UserName !== userName);
      acc.initContacts = acc.initContacts.filter((c) => c.UserName !== userName);
      acc.groups.delete(userName);
      s.enqueueContact(delContactEntry(userName), true);
      return userName;
    }
    for (const c of copies) {
      if (patch.nickName !== undefined) c.NickName = patch.nickName;
      if (patch.remarkName !== undefined) c.RemarkName = patch.remarkName;
    }
    s.enqueueContact(modContactEntry(withSkey(current, s.skey)), false);
    return userName;
  }

  snapshot(): Record<string, unknown> {
    const cur = this.currentUuid ? this.logins.get(this.currentUuid) : undefined;
    cur?.checkExpiry(this.config.qrLifetimeMs);
    return {
      config: this.config,
      uuid: this.currentUuid,
      loginState: cur?.status ?? null,
      logins: [...this.logins.values()].map((e) => ({
        uuid: e.uuid,
        state: e.status,
        push: !!e.push,
        ticket: e.ticket,
      })),
      sessions: this.sessions.map((s) => ({
        uin: s.uin,
        sid: s.sid,
        skey: s.skey,
        homeHost: s.homeHost,
        account: s.account.name,
        status: s.status,
        events: s.seq,
        notified: s.notified,
        sent: s.sent,
      })),
      banNext: this.banNext,
      faults: this.faults.list(),
      counts: this.log.counts,
      lastRequests: this.log.last,
    };
  }
}

/**
 * One web session (after webwxnewloginpage): credentials (§7), SyncKey bookkeeping (§13, §14) and
 * the queue of pending events that synccheck/webwxsync hand out.
 */
import { randomInt } from 'node:crypto';
import type { Account } from './accounts.js';
import type { HomeHost } from './config.js';
import type { JsonObj } from './fixtures.js';
import { Signal } from './http-util.js';
import { newAuthTicket, newDataTicket, newPassTicket, newSid, newSkey, newUvid } from './ids.js';

/** active; 'kicked'/'loggedOut' answer 1101, 'phoneLogout' answers 1100 (§13 retcode table). */
export type SessionStatus = 'active' | 'kicked' | 'loggedOut' | 'phoneLogout';

/** The webwxsync list an event lands in (§14). */
export type SyncList = 'AddMsgList' | 'ModContactList' | 'DelContactList';

export interface SyncEvent {
  seq: number;
  /** synccheck selector this event raises (§13: "2" new message, "4" contact changed). */
  selector: '2' | '4' | '6' | '7';
  list: SyncList;
  /** The list entry: an AddMsgList message or a Mod/DelContactList contact. */
  entry: JsonObj;
}

export interface SyncKeyList {
  Count: number;
  List: { Key: number; Val: number }[];
}

export class Session {
  readonly sid = newSid();
  readonly skey = newSkey();
  /** Raw base64; the XML carries it percent-encoded (§5.2). */
  readonly passTicket = newPassTicket();
  readonly dataTicket = newDataTicket();
  readonly uvid = newUvid();
  readonly createdAt = Math.floor(Date.now() / 1000);
  status: SessionStatus = 'active';
  readonly events: SyncEvent[] = [];
  seq = 0;
  readonly changed = new Signal();
  /** webwxstatusnotify calls received: Code and ToUserName (§9; Code 1 = a chat was read). */
  readonly notified: { code: number; to: string }[] = [];
  /** webwxsendmsg calls accepted: ToUserName, Content, LocalID and ClientMsgId as sent (§15). */
  readonly sent: {
    to: string;
    content: string;
    localId: string;
    clientMsgId: string;
    msgId: string;
  }[] = [];
  /** Opaque getcontact cursors: Seq value -> offset (§10). */
  readonly contactCursors = new Map<number, number>();
  private readonly base = {
    k1: 636_000_000 + randomInt(400_000),
    k2: 636_400_000 + randomInt(400_000),
    k3: 636_000_000 + randomInt(400_000),
  };

  constructor(
    readonly account: Account,
    readonly homeHost: HomeHost,
    /** Long-lived; survives logout so push login (§17) works. */
    readonly authTicket: string = newAuthTicket(),
  ) {}

  get uin(): number {
    return this.account.uin;
  }

  get userName(): string {
    return this.account.user.UserName;
  }

  enqueue(msg: JsonObj, selector: SyncEvent['selector'] = '2'): void {
    this.push('AddMsgList', msg, selector);
  }

  /**
   * A contact change for ModContactList / DelContactList. Selector "4" (§13 table: contact
   * changed; "6" is also reported for add/delete by OPENWECHAT — **inference**: "4" for all).
   */
  enqueueContact(entry: JsonObj, removed: boolean): void {
    this.push(removed ? 'DelContactList' : 'ModContactList', entry, '4');
  }

  private push(list: SyncList, entry: JsonObj, selector: SyncEvent['selector']): void {
    this.seq += 1;
    this.events.push({ seq: this.seq, selector, list, entry });
    this.changed.notify();
  }

  kill(status: Exclude<SessionStatus, 'active'>): void {
    if (this.status === 'active') this.status = status;
    this.changed.notify();
  }

  /** Initial keys 1, 2, 3, 1000 (§8); key 2 encodes how many events the holder has seen. */
  initSyncKey(): SyncKeyList {
    const list = [
      { Key: 1, Val: this.base.k1 },
      { Key: 2, Val: this.base.k2 + this.seq },
      { Key: 3, Val: this.base.k3 },
      { Key: 1000, Val: this.createdAt },
    ];
    return { Count: list.length, List: list };
  }

  /** Keys after a webwxsync: 1,2,3,11,13,201,203,1000,1001,1002 as in the fixture (§14). */
  syncKey(): SyncKeyList {
    const lastMsg = [...this.events].reverse().find((e) => e.list === 'AddMsgList');
    const lastTime = Number(lastMsg?.entry.CreateTime ?? this.createdAt);
    const list = [
      { Key: 1, Val: this.base.k1 },
      { Key: 2, Val: this.base.k2 + this.seq },
      { Key: 3, Val: this.base.k3 },
      { Key: 11, Val: this.base.k2 + this.seq - 31 },
      { Key: 13, Val: this.base.k1 - 10_000 },
      { Key: 201, Val: lastTime },
      { Key: 203, Val: this.createdAt - 3_000 },
      { Key: 1000, Val: this.createdAt + 50 },
      { Key: 1001, Val: this.createdAt + 30 },
      { Key: 1002, Val: this.createdAt - 21_000 },
    ];
    return { Count: list.length, List: list };
  }

  /** How many events a key list (SyncKey or SyncCheckKey, §13: accept either) has consumed. */
  seenFrom(pairs: { Key: number; Val: number }[]): number {
    const k2 = pairs.find((p) => p.Key === 2)?.Val;
    if (k2 === undefined || k2 < this.base.k2) return 0;
    return Math.min(k2 - this.base.k2, this.seq);
  }

  pendingAfter(seen: number): SyncEvent[] {
    return this.events.filter((e) => e.seq > seen);
  }
}

/** `1_636444437|2_636445049` (already URL-decoded) -> pairs; garbage is skipped. */
export function parseSyncKeyParam(s: string): { Key: number; Val: number }[] {
  return s
    .split('|')
    .map((p) => p.split('_'))
    .filter((kv) => kv.length === 2 && /^\d+$/.test(kv[0] ?? '') && /^\d+$/.test(kv[1] ?? ''))
    .map(([k, v]) => ({ Key: Number(k), Val: Number(v) }));
}

/** SyncKey object from a webwxsync body. */
export function parseSyncKeyBody(v: unknown): { Key: number; Val: number }[] | null {
  if (typeof v !== 'object' || v === null) return null;
  const list = (v as { List?: unknown }).List;
  if (!Array.isArray(list)) return null;
  const out: { Key: number; Val: number }[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { Key, Val } = item as { Key?: unknown; Val?: unknown };
    if (typeof Key === 'number' && typeof Val === 'number') out.push({ Key, Val });
  }
  return out;
}

/** QR login state per uuid and the long-poll rules of docs/protocol.md §4 / §22.3. */
import type { AccountName, HomeHost } from './config.js';
import { Signal } from './http-util.js';

/** waiting→408, scanned→201, confirmed→200, cancelled→202, expired→400 (§4 code table). */
export type LoginStatus = 'waiting' | 'scanned' | 'confirmed' | 'cancelled' | 'expired';

export class LoginEntry {
  status: LoginStatus = 'waiting';
  /** Last status a poll reported; a poll returns at once when the status moved on since. */
  reported: LoginStatus | null = null;
  ticket: string | null = null;
  /** Unix seconds of the scan (`scan=` in redirect_uri). */
  scanAt = 0;
  homeHost: HomeHost | null = null;
  account: AccountName | null = null;
  readonly changed = new Signal();
  readonly createdAt = Date.now();

  constructor(
    readonly uuid: string,
    readonly lang: string,
    /** Push login (§17): the phone already shows the confirm prompt. */
    readonly push: { homeHost: HomeHost; account: AccountName } | null = null,
  ) {
    if (push) {
      this.status = 'scanned';
      this.scanAt = Math.floor(Date.now() / 1000);
      this.homeHost = push.homeHost;
      this.account = push.account;
    }
  }

  set(status: LoginStatus): void {
    this.status = status;
    this.changed.notify();
  }

  /** QR lifetime only runs while nobody has confirmed (§24: no source gives the lifetime). */
  checkExpiry(lifetimeMs: number): void {
    if ((this.status === 'waiting' || this.status === 'scanned') && this.msLeft(lifetimeMs) <= 0) {
      this.status = 'expired';
    }
  }

  msLeft(lifetimeMs: number): number {
    return this.createdAt + lifetimeMs - Date.now();
  }

  /** Should a poll answer now (vs. keep holding)? `tip=1` reports any non-initial state (§4). */
  answersNow(tip: boolean): boolean {
    if (this.status === 'waiting') return false;
    if (tip) return true;
    // scanned is the only state that is held again once reported; terminal states repeat.
    return this.status !== 'scanned' || this.reported !== 'scanned';
  }
}

export interface LoginPollParams {
  tip: boolean;
  holdMs: number;
  lifetimeMs: number;
  signal?: AbortSignal;
}

/** Run one long-poll: hold until the state moves, the hold ends, or the QR expires. */
export async function pollLogin(
  e: LoginEntry,
  p: LoginPollParams,
): Promise<LoginStatus | 'timeout'> {
  e.checkExpiry(p.lifetimeMs);
  if (!e.answersNow(p.tip)) {
    const until = Date.now() + p.holdMs;
    while (!e.answersNow(p.tip) && !p.signal?.aborted) {
      const left = Math.min(until - Date.now(), e.msLeft(p.lifetimeMs));
      if (left <= 0) break;
      await e.changed.wait(left, p.signal);
      e.checkExpiry(p.lifetimeMs);
    }
    e.checkExpiry(p.lifetimeMs);
    if (!e.answersNow(p.tip)) return 'timeout';
  }
  e.reported = e.status;
  return e.status;
}

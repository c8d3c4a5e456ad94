/** The phone/fault/config API, shared by the in-process Simulator and the HTTP control port. */
import { checkConfigPatch, type SimConfig } from './config.js';
import { FAULT_KINDS, toEndpoint, type FaultKind } from './faults.js';
import type { ArticleInput, ContactPatch, SimState } from './state.js';

export interface PhoneApi {
  /** Scan the newest uuid, or the given uuid / `…/l/<uuid>` QR text (→ 201). */
  scan(uuid?: string): string;
  /** Confirm (→ 200 + redirect_uri); scans first if needed. */
  confirm(uuid?: string): string;
  /** Cancel on the phone (→ 202, or 408 + rescannable in cancelMode '408'). */
  cancel(uuid?: string): string;
  /** Expire the QR (→ 400). */
  expire(uuid?: string): string;
  /** Next webwxnewloginpage answers 1203 with this message (default: config.blockedMessage). */
  ban(message?: string): void;
  /** Newest session → 1101 ("logged in elsewhere"). */
  kick(): void;
  /** Newest session → 1100 ("logged out on the phone"). */
  logout(): void;
  /**
   * Incoming MsgType 1 text message; returns its MsgId. `from` (default: the account's friend)
   * is a person `@…` or a group `@@…` (then Content starts `@<member>:<br/>`, §14).
   */
  message(text: string, from?: string): string;
  /**
   * Incoming MsgType 49 article push from an official account (one message; `articles` gives
   * N mmreader items, else one from the single-article fields); returns its MsgId.
   */
  article(input?: ArticleInput): string;
  /** The sender takes message `msgId` back (MsgType 10002); returns the recall's MsgId. */
  recall(msgId: string, from?: string): string;
  /** A person shares a link (MsgType 49 / AppMsgType 5, not an official account); returns MsgId. */
  link(title: string, url: string, from?: string): string;
  /** The UserNames of the signed-in account's groups. */
  groups(): string[];
  /** Contact added/edited/removed → ModContactList/DelContactList (selector "4"); returns UserName. */
  contact(patch?: ContactPatch): string;
}

export interface SimApi {
  phone: PhoneApi;
  configure(patch: Partial<SimConfig>): SimConfig;
  fault(endpoint: string, fault: FaultKind | null, times?: number): void;
  reset(): void;
  state(): Record<string, unknown>;
}

export function makeApi(sim: SimState): SimApi {
  return {
    phone: {
      scan: (uuid) => sim.scan(uuid),
      confirm: (uuid) => sim.confirm(uuid),
      cancel: (uuid) => sim.cancel(uuid),
      expire: (uuid) => sim.expire(uuid),
      ban: (message) => sim.ban(message),
      kick: () => sim.kick(),
      logout: () => sim.logout(),
      message: (text, from) => sim.message(text, from),
      article: (input) => sim.article(input),
      contact: (patch) => sim.contact(patch),
      recall: (msgId, from) => sim.recall(msgId, from),
      link: (title, url, from) => sim.link(title, url, from),
      groups: () => sim.groupNames(),
    },
    configure(patch) {
      Object.assign(sim.config, checkConfigPatch(patch));
      return sim.config;
    },
    fault(endpoint, fault, times) {
      const ep = toEndpoint(endpoint);
      if (!ep) throw new Error(`unknown endpoint ${endpoint}`);
      if (fault !== null && !FAULT_KINDS.includes(fault))
        throw new Error(`unknown fault ${String(fault)}`);
      if (times !== undefined && (!Number.isInteger(times) || times < 1))
        throw new Error('times: integer ≥ 1');
      sim.faults.set(ep, fault, times);
    },
    reset: () => sim.reset(),
    state: () => sim.snapshot(),
  };
}

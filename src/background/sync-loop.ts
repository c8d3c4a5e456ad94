import {
  toPlainError,
  type PlainError,
  type Contact,
  type LoginTokens,
  type Message,
  type SyncResult,
} from '../wechat';
import { sessionItem, syncItem, type StoredSession } from '../shared/storage';
import type { Dashboard } from '../shared/view';
import { fetchAvatars } from './avatars';
import { endSession } from './login/end';
import type { SyncClient } from './ports';
import type { Store } from './store';
import { applySync, type IncomingMessage } from './sync-apply';

export interface SyncLoopDeps {
  readonly client: SyncClient;
  readonly store: Store;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** New messages from people and groups (badge, notifications). */
  readonly onIncoming: (messages: readonly IncomingMessage[], dashboard: Dashboard) => void;
  /** The server ended the session (1100/1101/1102); storage already says so. */
  readonly onEnded: () => void;
  /** Every decoded message of a sync, after the dashboard took it in (the kept chats). */
  readonly onMessages?: (messages: readonly Message[], session: StoredSession) => Promise<void>;
  /** ModContactList / DelContactList of each sync (§14), for the address book. */
  readonly onContactChanges?: (result: SyncResult) => void;
}

/** Waits up to this long happen in place; longer ones end the loop and the alarm resumes it. */
const WAIT_IN_PLACE_MS = 20_000;
// A minute at most between tries while WeChat cannot be reached: a chat that comes back quickly
// matters more than the one request a minute it costs.
const MAX_BACKOFF_MS = 60_000;
/** 1205 (docs/protocol.md §20): the official page logs out; we wait longer instead. */
export const RATE_LIMITED_WAIT_MS = 5 * 60_000;

type RoundOutcome = 'again' | 'stop';

/**
 * The sync loop (docs/protocol.md §13–14): synccheck long-polls on the push host, webwxsync when
 * the selector is not "0". Keys and health are in storage, so a stopped worker resumes; the
 * alarm (sync-alarm.ts) calls ensureRunning. No heartbeat is ever sent to anyone.
 */
export function createSyncLoop(deps: SyncLoopDeps) {
  const { client, store, now } = deps;
  let generation = 0;
  let running: { generation: number; done: Promise<void> } | null = null;

  async function round(gen: number): Promise<RoundOutcome> {
    const session = await store.get(sessionItem);
    if (!session?.dashboard || gen !== generation) return 'stop';
    const wait = (await store.get(syncItem)).retryAt - now();
    if (wait > WAIT_IN_PLACE_MS) return 'stop';
    if (wait > 0) await deps.sleep(wait);
    if (gen !== generation) return 'stop';
    try {
      const keys = session.syncCheckKey.length > 0 ? session.syncCheckKey : session.syncKey;
      const check = await client.syncCheck(session.tokens, keys);
      if (gen !== generation) return 'stop';
      // §13: any selector other than "0" means there is something to fetch.
      if (check.selector !== 0) await syncOnce(session, gen);
      await healthy();
      return 'again';
    } catch (error) {
      return failed(toPlainError(error), gen, session.tokens.sid);
    }
  }

  async function syncOnce(session: StoredSession, gen: number): Promise<void> {
    const self = session.dashboard?.profile.userName ?? '';
    const result = await client.sync(session.tokens, session.syncKey, self);
    if (gen !== generation) return;
    let applied: ReturnType<typeof applySync> | null = null;
    const updated = await store.update(sessionItem, (current) => {
      if (!current?.dashboard || current.tokens.sid !== session.tokens.sid) return current;
      applied = applySync(current.dashboard, result);
      return {
        ...current,
        tokens: { ...current.tokens, skey: result.skey },
        syncKey: result.syncKey,
        syncCheckKey: result.syncCheckKey,
        dashboard: applied.dashboard,
      };
    });
    const done = applied as ReturnType<typeof applySync> | null;
    if (!done || !updated) return;
    if (result.modifiedContacts.length > 0 || result.deletedContacts.length > 0) {
      deps.onContactChanges?.(result);
    }
    // Kept before the next synccheck, so an open chat shows the message within this round.
    if (result.messages.length > 0) {
      await deps
        .onMessages?.(result.messages, updated)
        .catch((error: unknown) => console.warn('[sync] keeping messages failed:', error));
    }
    if (done.incoming.length > 0) deps.onIncoming(done.incoming, done.dashboard);
    // Naming new chats (and fetching their avatars) must not hold up the next synccheck.
    if (done.unknownChats.length > 0) {
      nameUnknownChats(session.tokens, self, done.unknownChats).catch((error: unknown) =>
        console.warn('[sync] naming new chats failed:', error),
      );
    }
  }

  /** A message from a chat not in the list: webwxbatchgetcontact gives its name (§11). */
  async function nameUnknownChats(tokens: LoginTokens, self: string, names: readonly string[]) {
    const found = await client.batchGetContacts(tokens, names, self).catch((error: unknown) => {
      console.warn('[sync] webwxbatchgetcontact failed:', error);
      return [] as Contact[];
    });
    if (found.length === 0) return;
    await store.update(sessionItem, (current) => {
      if (!current?.dashboard) return current;
      const have = new Set(current.dashboard.contacts.map((c) => c.userName));
      const fresh = found.filter((c) => !have.has(c.userName));
      const contacts = [...fresh, ...current.dashboard.contacts];
      return { ...current, dashboard: { ...current.dashboard, contacts } };
    });
    await fetchAvatars(client, store, found);
  }

  async function healthy(): Promise<void> {
    const status = await store.get(syncItem);
    if (status.failures > 0 || status.retryAt > 0) await store.remove(syncItem);
  }

  async function failed(error: PlainError, gen: number, sid: string): Promise<RoundOutcome> {
    if (gen !== generation) return 'stop';
    // Our own client timeout on the synccheck long-poll just means "nothing new" (§13).
    if (error.name === 'Timeout' && error.operation === 'synccheck') {
      await healthy();
      return 'again';
    }
    if (error.name === 'SessionEnded') {
      if (await endSession(store, sid, error.code ?? 1101)) deps.onEnded();
      return 'stop';
    }
    // A network blip is not a logout: keep the session, back off, try again.
    const failures = (await store.get(syncItem)).failures + 1;
    const delay =
      error.name === 'RateLimited'
        ? RATE_LIMITED_WAIT_MS
        : Math.min(1000 * 2 ** failures, MAX_BACKOFF_MS);
    await store.set(syncItem, { failures, retryAt: now() + delay, lastError: error });
    console.warn(`[sync] ${error.name} (${failures} in a row); next try in ${delay / 1000} s`);
    return 'again';
  }

  return {
    /** Starts the loop unless it already runs or is backing off past the in-place wait. */
    ensureRunning(): void {
      if (running?.generation === generation) return;
      const gen = generation;
      const done = (async () => {
        while ((await round(gen)) === 'again') {
          /* next round */
        }
      })()
        .catch((error: unknown) => console.error('[sync] loop stopped by an error:', error))
        .finally(() => {
          if (running?.generation === gen) running = null;
        });
      running = { generation: gen, done };
    },
    /** Stops after the round in flight; its result is dropped. */
    stop(): void {
      generation++;
    },
    /** For tests: resolves when the current loop has ended. */
    async settled(): Promise<void> {
      await running?.done;
    },
  };
}

export type SyncLoop = ReturnType<typeof createSyncLoop>;

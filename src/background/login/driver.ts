import { toPlainError } from '../../wechat';
import {
  accountItem,
  qrTrusted,
  loginItem,
  sessionItem,
  syncItem,
  type LoginState,
} from '../../shared/storage';
import type { ViewState } from '../../shared/view';
import { sameData } from '../../shared/same-data';
import {
  nextEffect,
  transition,
  type Effect,
  type LoginEvent,
  type SessionPresence,
} from './machine';
import { readView } from './view';
import type { LoginClient } from '../ports';
import { createSignIn } from './sign-in';
import type { Store } from '../store';

/** What the rest of the background learns from the driver (the sync loop starts and stops). */
export interface SessionHooks {
  signedIn(): void;
  signedOut(): void;
  /** "Clear session": what other stores keep for the account goes too (the kept chats, the address book). */
  cleared?(): Promise<void>;
}

export interface SessionDriver {
  /** The state to show; starts a login (QR) when nothing is in progress. */
  current(): Promise<ViewState>;
  /** The state as stored, starting nothing. */
  peek(): Promise<ViewState>;
  /** One step of the login; concurrent calls join the step in flight. */
  step(): Promise<ViewState>;
  newQr(): Promise<ViewState>;
  /** Ask the known account's phone to confirm, without a QR (docs/protocol.md §17). */
  pushLogin(): Promise<ViewState>;
  retry(): Promise<ViewState>;
  /** webwxinit again with the stored tokens (a stale snapshot at start-up). */
  refresh(): Promise<ViewState>;
  clear(): Promise<ViewState>;
  /** Resolves when background work started by a step (avatars, status notify) has settled. */
  idle(): Promise<void>;
}

const NO_HOOKS: SessionHooks = { signedIn: () => undefined, signedOut: () => undefined };

export interface SessionDriverDeps {
  readonly client: LoginClient;
  readonly store: Store;
  /** Milliseconds since the epoch: when a snapshot was saved (resume.ts refreshes old ones). */
  readonly now: () => number;
  readonly hooks?: SessionHooks;
  /** Removes WeChat's cookies from the browser (cookies.ts); "Clear session" ends with it. */
  readonly forgetCookies?: () => Promise<unknown>;
  /** Waits between quiet retries of a failed login poll; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * A login poll that fails on the network (or with a garbled reply) while its QR is still valid
 * is tried again quietly, this many times in a row, a second apart: a blip must not throw away
 * a QR the person may be scanning at that very moment.
 */
const QUIET_POLL_RETRIES = 3;
const QUIET_POLL_WAIT_MS = 1_000;
const TRANSIENT: ReadonlySet<string> = new Set(['Network', 'Malformed']);

export function createSessionDriver(deps: SessionDriverDeps): SessionDriver {
  const { client, store, hooks = NO_HOOKS } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // Failed polls in a row, per QR; in memory only (a new worker starts counting afresh).
  const pollFailures = new Map<string, number>();
  let inFlight: Promise<ViewState> | null = null;
  const background = new Set<Promise<void>>();

  /** Fire-and-forget with a label: never a floating promise (docs/architecture.md principle 6). */
  function detach(label: string, work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => console.warn(`[session] ${label}:`, error));
    background.add(tracked);
    void tracked.finally(() => background.delete(tracked));
  }
  const signIn = createSignIn({ client, store, detach, now: deps.now });
  const view = () => readView(store, (uuid) => client.qrText(uuid));

  async function presence(): Promise<SessionPresence> {
    const session = await store.get(sessionItem);
    if (!session) return 'none';
    return session.dashboard ? 'complete' : 'tokensOnly';
  }

  async function apply(before: LoginState, event: LoginEvent): Promise<void> {
    // Another command (new QR, clear) may have replaced the state while we waited on WeChat.
    const now = await store.get(loginItem);
    if (!sameData(now, before)) {
      console.debug(`[session] ${event.type} dropped: the login moved on to ${now.type}`);
      return;
    }
    await store.set(loginItem, transition(before, event));
    if (event.type === 'signedIn') hooks.signedIn();
  }

  async function perform(effect: Effect): Promise<LoginEvent | null> {
    switch (effect.type) {
      case 'none':
        return null;
      case 'issueQr':
        try {
          return { type: 'qrIssued', uuid: await client.jslogin(), at: deps.now() };
        } catch (error) {
          return { type: 'failed', error: toPlainError(error) };
        }
      case 'issuePush':
        return issuePush();
      case 'poll':
        return poll(effect.uuid, effect.tip);
      case 'exchange':
        return signIn.exchange(effect.redirectUri);
      case 'abandonExchange':
        console.warn('[session] the background stopped during the ticket exchange; new QR');
        return { type: 'restart', notice: { type: 'signInInterrupted' } };
      case 'init':
        return signIn.init();
    }
  }

  async function issuePush(): Promise<LoginEvent> {
    const account = await store.get(accountItem);
    if (!account) return { type: 'pushFailed' };
    try {
      return { type: 'pushIssued', uuid: await client.pushLogin(account), at: deps.now() };
    } catch (error) {
      console.warn('[session] push login failed, falling back to a QR:', error);
      return { type: 'pushFailed' };
    }
  }

  async function poll(uuid: string, tip: 0 | 1): Promise<LoginEvent> {
    try {
      const answer = await client.pollLogin(uuid, tip);
      pollFailures.delete(uuid);
      return { type: 'polled', uuid, poll: answer };
    } catch (error) {
      const plain = toPlainError(error);
      if (plain.name === 'Timeout') return { type: 'pollTimedOut', uuid };
      if (plain.name === 'QrExpired') return { type: 'qrExpired', uuid };
      const failures = (pollFailures.get(uuid) ?? 0) + 1;
      if (TRANSIENT.has(plain.name) && failures <= QUIET_POLL_RETRIES) {
        pollFailures.set(uuid, failures);
        console.warn(`[session] login poll failed (${failures} in a row), trying again:`, error);
        await sleep(QUIET_POLL_WAIT_MS);
        return { type: 'pollTimedOut', uuid };
      }
      pollFailures.delete(uuid);
      return { type: 'failed', error: plain };
    }
  }

  /**
   * One step: at most one long-poll, then at once whatever it unlocked (the ticket exchange
   * and webwxinit after a confirm, a fresh QR after an expiry or an ended session), each
   * effect at most once, so a step never waits on two long-polls.
   */
  async function runStep(): Promise<ViewState> {
    const done = new Set<Effect['type']>();
    for (;;) {
      const [before, present] = await Promise.all([store.get(loginItem), presence()]);
      const effect = nextEffect(before, present);
      if (effect.type === 'none' || done.has(effect.type)) break;
      if (effect.type === 'poll' && done.size > 0) break;
      done.add(effect.type);
      let basis = before;
      if (effect.type === 'exchange') {
        // Stored before the single-use ticket leaves (docs/protocol.md §4, §5): a background
        // stopped during the exchange resumes to a new QR instead of sending it again.
        basis = transition(before, { type: 'exchangeStarted' });
        await store.set(loginItem, basis);
      }
      const event = await perform(effect);
      if (event) await apply(basis, event);
    }
    return view();
  }

  function step(): Promise<ViewState> {
    inFlight ??= runStep().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /** Replace the login state once the step in flight has settled, then take a step. */
  async function restartWith(state: LoginState): Promise<ViewState> {
    await inFlight?.catch(() => undefined);
    await store.set(loginItem, state);
    return step();
  }

  return {
    async current() {
      const [login, present] = await Promise.all([store.get(loginItem), presence()]);
      if (
        login.type === 'waitingForScan' &&
        !login.push &&
        !qrTrusted(login.issuedAt, deps.now())
      ) {
        // Too old to show (QR_TRUSTED_MS): a new QR at once, not a poll that answers 400 first.
        return restartWith({ type: 'idle', notice: login.notice });
      }
      const needsWork =
        (login.type === 'idle' || login.type === 'signedIn') && present !== 'complete';
      return needsWork ? step() : view();
    },
    peek: view,
    step,
    async newQr() {
      if ((await presence()) !== 'none') return view();
      return restartWith({ type: 'idle', notice: null });
    },
    async pushLogin() {
      if ((await presence()) !== 'none' || !(await store.get(accountItem))) return view();
      return restartWith({ type: 'pushRequested' });
    },
    async retry() {
      const login = await store.get(loginItem);
      const initAgain = login.type === 'failed' && login.retry === 'init';
      return restartWith(initAgain ? { type: 'signedIn' } : { type: 'idle', notice: null });
    },
    async refresh() {
      if ((await presence()) !== 'complete') return view();
      const event = await signIn.init();
      if (event.type === 'restart') {
        // The login state already says why (session ended, or cleared meanwhile): keep it.
        hooks.signedOut();
        return step();
      }
      // A refresh that fails on the network keeps the old snapshot: nothing is lost.
      if (event.type === 'signedIn') hooks.signedIn();
      return view();
    },
    async clear() {
      await inFlight?.catch(() => undefined);
      hooks.signedOut();
      const session = await store.get(sessionItem);
      if (session) {
        // Best effort: the session ends server-side too; offline, we still forget it here.
        await client.logout(session.tokens).catch((error: unknown) => {
          console.warn('[session] webwxlogout failed; tokens removed anyway:', error);
        });
      }
      // A deliberate sign-out forgets the account too: no push login offered afterwards.
      await Promise.all([
        store.remove(sessionItem),
        store.remove(accountItem),
        store.remove(syncItem),
        hooks.cleared?.(),
      ]);
      // WeChat's own cookies too (docs/protocol.md §5.4): with `webwx_auth_ticket` left behind,
      // push login would still work for whoever uses this browser next. Local, so offline too.
      await deps.forgetCookies?.().catch((error: unknown) => {
        console.warn('[session] removing WeChat cookies failed:', error);
      });
      await store.set(loginItem, { type: 'idle', notice: { type: 'sessionCleared' } });
      return view();
    },
    async idle() {
      await Promise.all([...background]);
    },
  };
}

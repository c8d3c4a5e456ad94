import { toPlainError, type PlainError } from '../wechat/errors';
import type { InitResult, LoginPoll, LoginTokens, Profile, Contact } from '../wechat/types';
import { loginItem, sessionItem, type LoginState, type StoredSession } from '../shared/storage';
import type { Dashboard, Notice, ViewState } from '../shared/view';
import {
  nextEffect,
  transition,
  type Effect,
  type LoginEvent,
  type SessionPresence,
} from './login-machine';
import type { Store } from './store';

/** The protocol client calls the driver needs (src/wechat/client.ts provides them). */
export interface LoginClient {
  jslogin(): Promise<string>;
  qrText(uuid: string): string;
  pollLogin(uuid: string, tip: 0 | 1): Promise<LoginPoll>;
  exchangeTicket(redirectUri: string): Promise<LoginTokens>;
  init(tokens: LoginTokens): Promise<InitResult>;
  statusNotify(tokens: LoginTokens, selfUserName: string): Promise<void>;
  logout(tokens: LoginTokens): Promise<void>;
  fetchImage(url: string): Promise<string | null>;
}

/** How many recent chats get their avatar fetched after sign-in (the popup shows these first). */
const AVATARS_TO_FETCH = 24;
const AVATAR_CONCURRENCY = 4;

export interface SessionDriver {
  /** The state to show; starts a login (QR) when nothing is in progress. */
  current(): Promise<ViewState>;
  /** The state as stored, starting nothing. */
  peek(): Promise<ViewState>;
  /** One step of the login; concurrent calls join the step in flight. */
  step(): Promise<ViewState>;
  newQr(): Promise<ViewState>;
  retry(): Promise<ViewState>;
  clear(): Promise<ViewState>;
  /** Resolves when background work started by a step (avatars, status notify) has settled. */
  idle(): Promise<void>;
}

export function createSessionDriver(client: LoginClient, store: Store): SessionDriver {
  let inFlight: Promise<ViewState> | null = null;
  const background = new Set<Promise<void>>();

  /** Fire-and-forget with a label: never a floating promise (architecture.md principle 6). */
  function detach(label: string, work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => console.warn(`[session] ${label}:`, error));
    background.add(tracked);
    void tracked.finally(() => background.delete(tracked));
  }

  async function presence(): Promise<SessionPresence> {
    const session = await store.get(sessionItem);
    if (!session) return 'none';
    return session.dashboard ? 'complete' : 'tokensOnly';
  }

  async function view(): Promise<ViewState> {
    const [login, session] = await Promise.all([store.get(loginItem), store.get(sessionItem)]);
    if (login.type === 'failed') return { type: 'failed', error: login.error };
    if (session?.dashboard) return { type: 'signedIn', dashboard: session.dashboard };
    if (session) return { type: 'signingIn' };
    return loginView(login);
  }

  function loginView(login: LoginState): ViewState {
    switch (login.type) {
      case 'waitingForScan':
        return { type: 'qr', qrText: client.qrText(login.uuid), notice: login.notice };
      case 'scanned':
        return { type: 'scanned', avatar: login.avatar };
      case 'signingIn':
      case 'signedIn':
        return { type: 'signingIn' };
      case 'idle':
      case 'failed':
        return { type: 'starting' };
    }
  }

  async function apply(before: LoginState, event: LoginEvent): Promise<void> {
    // Another command (new QR, clear) may have replaced the state while we waited on WeChat.
    const now = await store.get(loginItem);
    if (JSON.stringify(now) !== JSON.stringify(before)) return;
    await store.set(loginItem, transition(before, event));
  }

  async function perform(effect: Effect): Promise<LoginEvent | null> {
    switch (effect.type) {
      case 'none':
        return null;
      case 'issueQr':
        return attempt(async () => ({ type: 'qrIssued', uuid: await client.jslogin() }));
      case 'poll':
        return poll(effect.uuid, effect.tip);
      case 'exchange':
        return exchange(effect.redirectUri);
      case 'init':
        return initStored();
    }
  }

  async function attempt(work: () => Promise<LoginEvent>): Promise<LoginEvent> {
    try {
      return await work();
    } catch (error) {
      return { type: 'failed', error: toPlainError(error) };
    }
  }

  async function poll(uuid: string, tip: 0 | 1): Promise<LoginEvent> {
    try {
      return { type: 'polled', uuid, poll: await client.pollLogin(uuid, tip) };
    } catch (error) {
      const plain = toPlainError(error);
      if (plain.name === 'Timeout') return { type: 'pollTimedOut', uuid };
      if (plain.name === 'QrExpired') return { type: 'qrExpired', uuid };
      return { type: 'failed', error: plain };
    }
  }

  async function exchange(redirectUri: string): Promise<LoginEvent> {
    let tokens: LoginTokens;
    try {
      tokens = await client.exchangeTicket(redirectUri);
    } catch (error) {
      return { type: 'failed', error: toPlainError(error) };
    }
    // Tokens are saved before webwxinit: a failed init must never lose a valid session.
    await store.set(sessionItem, {
      version: 1,
      tokens,
      syncKey: [],
      dashboard: null,
      savedAt: Date.now(),
    } satisfies StoredSession);
    return initStored();
  }

  async function initStored(): Promise<LoginEvent> {
    const session = await store.get(sessionItem);
    if (!session) return { type: 'restart', notice: null };
    let result: InitResult;
    try {
      result = await client.init(session.tokens);
    } catch (error) {
      const plain = toPlainError(error);
      if (plain.name === 'SessionEnded') return endSession(plain);
      return { type: 'initFailed', error: plain };
    }
    const tokens = { ...session.tokens, skey: result.skey || session.tokens.skey };
    const dashboard: Dashboard = {
      profile: result.profile,
      contacts: result.contacts,
      feeds: result.feeds,
      avatars: session.dashboard?.avatars ?? {},
    };
    await store.set(sessionItem, { ...session, tokens, syncKey: result.syncKey, dashboard });
    detach('webwxstatusnotify', client.statusNotify(tokens, result.profile.userName));
    detach('avatars', fetchAvatars(result.profile, result.contacts));
    return { type: 'signedIn' };
  }

  async function endSession(error: PlainError): Promise<LoginEvent> {
    await store.remove(sessionItem);
    const notice: Notice = { type: 'sessionEnded', code: error.code ?? 1101 };
    return { type: 'restart', notice };
  }

  /** Avatars need the WeChat cookies, so the background fetches them as data: URLs. */
  async function fetchAvatars(profile: Profile, contacts: readonly Contact[]): Promise<void> {
    const wanted = [profile, ...contacts.slice(0, AVATARS_TO_FETCH)]
      .filter((c) => c.avatarUrl !== '')
      .map((c) => ({ userName: c.userName, url: c.avatarUrl }));
    const found: Record<string, string> = {};
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const item = wanted[next++];
        if (!item) break;
        const image = await client.fetchImage(item.url).catch(() => null);
        if (image) found[item.userName] = image;
      }
    };
    await Promise.all(Array.from({ length: AVATAR_CONCURRENCY }, worker));
    const session = await store.get(sessionItem);
    if (!session?.dashboard || session.dashboard.profile.userName !== profile.userName) return;
    const avatars = { ...session.dashboard.avatars, ...found };
    await store.set(sessionItem, { ...session, dashboard: { ...session.dashboard, avatars } });
  }

  /**
   * One step: at most one long-poll, then at once whatever it unlocked (the ticket exchange
   * and webwxinit after a confirm, a fresh QR after an expiry or an ended session), each
   * effect at most once, so a step never waits on two long-polls.
   */
  async function runStep(): Promise<ViewState> {
    const done = new Set<Effect['type']>();
    for (;;) {
      const before = await store.get(loginItem);
      const effect = nextEffect(before, await presence());
      if (effect.type === 'none' || done.has(effect.type)) break;
      if (effect.type === 'poll' && done.size > 0) break;
      done.add(effect.type);
      const event = await perform(effect);
      if (event) await apply(before, event);
    }
    return view();
  }

  function step(): Promise<ViewState> {
    inFlight ??= runStep().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    async current() {
      const login = await store.get(loginItem);
      const needsWork =
        (login.type === 'idle' || login.type === 'signedIn') && (await presence()) !== 'complete';
      return needsWork ? step() : view();
    },
    peek: view,
    step,
    async newQr() {
      await inFlight?.catch(() => undefined);
      if ((await presence()) !== 'none') return view();
      await store.set(loginItem, { type: 'idle', notice: null });
      return step();
    },
    async retry() {
      await inFlight?.catch(() => undefined);
      const login = await store.get(loginItem);
      const restart: LoginState =
        login.type === 'failed' && login.retry === 'init'
          ? { type: 'signedIn' }
          : { type: 'idle', notice: null };
      await store.set(loginItem, restart);
      return step();
    },
    async clear() {
      await inFlight?.catch(() => undefined);
      const session = await store.get(sessionItem);
      if (session) {
        // Best effort: the session ends server-side too; offline, we still forget it here.
        await client.logout(session.tokens).catch((error: unknown) => {
          console.warn('[session] webwxlogout failed; tokens removed anyway:', error);
        });
      }
      await store.remove(sessionItem);
      await store.set(loginItem, { type: 'idle', notice: { type: 'sessionCleared' } });
      return view();
    },
    async idle() {
      await Promise.all([...background]);
    },
  };
}

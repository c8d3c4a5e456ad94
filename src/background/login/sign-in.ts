import { toPlainError, type InitResult, type LoginTokens } from '../../wechat';
import { accountItem, sessionItem, type StoredSession } from '../../shared/storage';
import type { Dashboard } from '../../shared/view';
import type { LoginEvent } from './machine';
import { fetchAvatars } from '../avatars';
import { endSession } from './end';
import type { LoginClient } from '../ports';
import type { Store } from '../store';

export type Detach = (label: string, work: Promise<void>) => void;

/** Ticket exchange and webwxinit: from a confirmed QR to a stored, complete session. */
export interface SignInDeps {
  readonly client: LoginClient;
  readonly store: Store;
  /** Runs follow-up work (avatars, status notify) without holding up the sign-in. */
  readonly detach: Detach;
  readonly now: () => number;
}

export function createSignIn(deps: SignInDeps) {
  const { client, store, detach, now } = deps;
  async function exchange(redirectUri: string): Promise<LoginEvent> {
    let tokens: LoginTokens;
    try {
      tokens = await client.exchangeTicket(redirectUri);
    } catch (error) {
      return { type: 'failed', error: toPlainError(error) };
    }
    // Tokens are saved before webwxinit: a failed init must never lose a valid session.
    const session: StoredSession = {
      tokens,
      syncKey: [],
      syncCheckKey: [],
      dashboard: null,
      savedAt: now(),
    };
    await store.set(sessionItem, session);
    return { type: 'exchanged' };
  }

  /** webwxinit with the stored tokens: after sign-in, on retry, and to refresh a stale snapshot. */
  async function init(): Promise<LoginEvent> {
    const session = await store.get(sessionItem);
    if (!session) return { type: 'restart', notice: null };
    let result: InitResult;
    try {
      result = await client.init(session.tokens);
    } catch (error) {
      const plain = toPlainError(error);
      if (plain.name !== 'SessionEnded') return { type: 'initFailed', error: plain };
      await endSession(store, session.tokens.sid, plain.code ?? 1101);
      return { type: 'restart', notice: { type: 'sessionEnded', code: plain.code ?? 1101 } };
    }
    const tokens = { ...session.tokens, skey: result.skey || session.tokens.skey };
    // update, not set: the sync loop may have changed the session meanwhile (a refresh at
    // start-up), so avatars and unread counts come from what is stored now. A session cleared
    // meanwhile stays cleared.
    const stored = await store.update(sessionItem, (current) =>
      current
        ? {
            ...current,
            tokens,
            syncKey: result.syncKey,
            syncCheckKey: [],
            dashboard: {
              profile: result.profile,
              contacts: result.contacts,
              feeds: result.feeds,
              avatars: current.dashboard?.avatars ?? {},
              unread: current.dashboard?.unread ?? {},
            },
            savedAt: now(),
          }
        : null,
    );
    if (!stored?.dashboard) return { type: 'restart', notice: null };
    detach('remember account', rememberAccount(tokens, stored.dashboard));
    detach('webwxstatusnotify', client.statusNotify(tokens, result.profile.userName));
    const people = [result.profile, ...result.contacts];
    detach('avatars', fetchAvatars(client, store, people, { onSaved: rememberAccount, now }));
    return { type: 'signedIn' };
  }

  async function rememberAccount(tokens: LoginTokens, dashboard: Dashboard): Promise<void> {
    const { profile, avatars } = dashboard;
    const avatar = avatars[profile.userName] ?? null;
    await store.set(accountItem, {
      uin: tokens.uin,
      hosts: tokens.hosts,
      nickName: profile.nickName,
      avatar,
    });
  }

  return { exchange, init };
}

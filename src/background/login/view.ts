import {
  accountItem,
  loginItem,
  sessionItem,
  syncItem,
  type KnownAccount,
  type LoginState,
} from '../../shared/storage';
import type { AccountCard, ViewState } from '../../shared/view';
import type { Store } from '../store';

/** How many sync failures in a row before the dashboard says it is reconnecting. */
const RETRYING_AFTER_FAILURES = 2;

/** The popup's state, derived from storage only: what is stored is what is shown. */
export async function readView(store: Store, qrText: (uuid: string) => string): Promise<ViewState> {
  const [login, session, account, sync] = await Promise.all([
    store.get(loginItem),
    store.get(sessionItem),
    store.get(accountItem),
    store.get(syncItem),
  ]);
  if (login.type === 'failed') return { type: 'failed', error: login.error };
  if (session?.dashboard) {
    const connection = sync.failures >= RETRYING_AFTER_FAILURES ? 'retrying' : 'ok';
    return { type: 'signedIn', dashboard: session.dashboard, connection };
  }
  if (session) return { type: 'signingIn' };
  return loginView(login, account, qrText);
}

function card(account: KnownAccount | null): AccountCard | null {
  return account && { nickName: account.nickName, avatar: account.avatar };
}

function loginView(
  login: LoginState,
  account: KnownAccount | null,
  qrText: (uuid: string) => string,
): ViewState {
  switch (login.type) {
    case 'waitingForScan': {
      const known = card(account);
      if (login.push && known) return { type: 'pushSent', account: known };
      return { type: 'qr', qrText: qrText(login.uuid), notice: login.notice, account: known };
    }
    case 'scanned':
      return { type: 'scanned', avatar: login.avatar };
    case 'signingIn':
    case 'signedIn':
      return { type: 'signingIn' };
    case 'pushRequested':
    case 'idle':
    case 'failed':
      return { type: 'starting' };
  }
}

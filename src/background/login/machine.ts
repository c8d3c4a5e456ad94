import type { PlainError, LoginPoll } from '../../wechat';
import type { LoginState } from '../../shared/storage';
import type { Notice } from '../../shared/view';

/**
 * The login as a pure state machine (docs/architecture.md principle 5). The shell asks
 * `nextEffect` what to do for the stored state, performs it with the protocol client, and
 * feeds the outcome back through `transition`. Nothing here touches the network or storage.
 */

/** What the session looks like from the machine's point of view. */
export type SessionPresence = 'none' | 'tokensOnly' | 'complete';

export type Effect =
  | { readonly type: 'issueQr' }
  /** Push login: webwxpushloginurl for the known account (docs/protocol.md §17). */
  | { readonly type: 'issuePush' }
  | { readonly type: 'poll'; readonly uuid: string; readonly tip: 0 | 1 }
  /** Marks the exchange as started (stored first), then sends the ticket. */
  | { readonly type: 'exchange'; readonly redirectUri: string }
  /** A ticket sent by a background that stopped before the reply: never send it again. */
  | { readonly type: 'abandonExchange' }
  | { readonly type: 'init' }
  | { readonly type: 'none' };

export type LoginEvent =
  /** `at`: when the uuid was handed out (ms), kept to judge how long a QR can be trusted. */
  | { readonly type: 'qrIssued'; readonly uuid: string; readonly at: number }
  | { readonly type: 'pushIssued'; readonly uuid: string; readonly at: number }
  /** Push login refused or failed: fall back to a QR, with a note. */
  | { readonly type: 'pushFailed' }
  | { readonly type: 'polled'; readonly uuid: string; readonly poll: LoginPoll }
  /** Our own client timeout on the long-poll: nothing happened yet (docs/protocol.md §4, 408). */
  | { readonly type: 'pollTimedOut'; readonly uuid: string }
  | { readonly type: 'qrExpired'; readonly uuid: string }
  /** Just before the ticket leaves: recorded so a restart never sends it twice. */
  | { readonly type: 'exchangeStarted' }
  /** The ticket gave tokens, now stored: webwxinit comes next. */
  | { readonly type: 'exchanged' }
  | { readonly type: 'signedIn' }
  /** webwxinit failed but the tokens are valid and kept: retry re-runs init only. */
  | { readonly type: 'initFailed'; readonly error: PlainError }
  | { readonly type: 'failed'; readonly error: PlainError }
  | { readonly type: 'restart'; readonly notice: Notice | null };

export function nextEffect(state: LoginState, session: SessionPresence): Effect {
  switch (state.type) {
    case 'idle':
      return session === 'none' ? { type: 'issueQr' } : initIfIncomplete(session);
    case 'pushRequested':
      return { type: 'issuePush' };
    case 'waitingForScan':
      return { type: 'poll', uuid: state.uuid, tip: state.tip };
    case 'scanned':
      // docs/protocol.md §4: after the first reply every poll uses tip=0.
      return { type: 'poll', uuid: state.uuid, tip: 0 };
    case 'signingIn':
      // Tokens stored means the exchange is done (a QR login starts only with no session).
      if (session !== 'none') return { type: 'init' };
      return state.exchangeStarted
        ? { type: 'abandonExchange' }
        : { type: 'exchange', redirectUri: state.redirectUri };
    case 'signedIn':
      return initIfIncomplete(session);
    case 'failed':
      return { type: 'none' };
  }
}

function initIfIncomplete(session: SessionPresence): Effect {
  return session === 'tokensOnly' ? { type: 'init' } : { type: 'none' };
}

const uuidOf = (state: LoginState): string | null =>
  state.type === 'waitingForScan' || state.type === 'scanned' ? state.uuid : null;

export function transition(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'restart':
      return { type: 'idle', notice: event.notice };
    case 'qrIssued':
      return state.type === 'idle'
        ? {
            type: 'waitingForScan',
            uuid: event.uuid,
            tip: 1,
            notice: state.notice,
            push: false,
            issuedAt: event.at,
          }
        : state;
    case 'pushIssued':
      // §17: the push uuid is polled like a QR's, starting with tip=1.
      return state.type === 'pushRequested'
        ? {
            type: 'waitingForScan',
            uuid: event.uuid,
            tip: 1,
            notice: null,
            push: true,
            issuedAt: event.at,
          }
        : state;
    case 'pushFailed':
      return state.type === 'pushRequested'
        ? { type: 'idle', notice: { type: 'pushFailed' } }
        : state;
    case 'exchangeStarted':
      return state.type === 'signingIn' ? { ...state, exchangeStarted: true } : state;
    case 'exchanged':
    case 'signedIn':
      return { type: 'signedIn' };
    case 'initFailed':
      return { type: 'failed', error: event.error, retry: 'init' };
    case 'failed':
      return { type: 'failed', error: event.error, retry: 'newQr' };
    case 'polled':
    case 'pollTimedOut':
    case 'qrExpired':
      // A reply for a QR that is no longer shown (new QR asked meanwhile) changes nothing.
      return uuidOf(state) === event.uuid ? onPollOutcome(state, event) : state;
  }
}

function onPollOutcome(
  state: LoginState,
  event: Extract<LoginEvent, { type: 'polled' | 'pollTimedOut' | 'qrExpired' }>,
): LoginState {
  if (event.type === 'qrExpired') return { type: 'idle', notice: { type: 'qrRenewed' } };
  if (event.type === 'pollTimedOut') return afterWaiting(state);
  const { poll } = event;
  switch (poll.type) {
    case 'waiting':
      return afterWaiting(state);
    case 'scanned':
      return { type: 'scanned', uuid: event.uuid, avatar: poll.avatar };
    case 'confirmed':
      return { type: 'signingIn', redirectUri: poll.redirectUri, exchangeStarted: false };
    case 'cancelled':
      // docs/protocol.md §4, 202: the official page fetches a new QR.
      return { type: 'idle', notice: { type: 'cancelledOnPhone' } };
  }
}

/** 408 keeps the screen as it is; a QR poll switches to tip=0 after its first reply. */
function afterWaiting(state: LoginState): LoginState {
  return state.type === 'waitingForScan' ? { ...state, tip: 0 } : state;
}

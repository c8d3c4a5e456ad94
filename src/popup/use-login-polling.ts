import { useEffect } from 'preact/hooks';
import { browser } from '../ui/ext';
import { loginItem, sessionItem, syncItem } from '../shared/storage';
import { watchItems } from '../shared/storage-item';
import type { ViewState } from '../shared/view';
import { send } from '../ui/messaging';

const LOGIN_IN_PROGRESS: ReadonlySet<ViewState['type']> = new Set([
  'starting',
  'qr',
  'pushSent',
  'scanned',
  'signingIn',
]);
const RETRY_AFTER_MS = 1_000;

/**
 * While a login is in progress, keep asking the background for one long-poll step at a time
 * (docs/architecture.md: the popup drives, the background owns the state). Once signed in, follow
 * storage so avatars fetched afterwards appear without reopening the popup.
 */
export function useLoginPolling(
  state: ViewState | null,
  setState: (state: ViewState) => void,
  setTrouble: (message: string | null) => void,
) {
  useEffect(() => {
    if (!state || !LOGIN_IN_PROGRESS.has(state.type)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    send('pollLogin', {}).then(
      (next) => {
        if (!live) return;
        setTrouble(null);
        setState(next);
      },
      (error: Error) => {
        if (!live) return;
        setTrouble(error.message);
        timer = setTimeout(() => live && setState({ ...state }), RETRY_AFTER_MS);
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [state]);

  const signedIn = state?.type === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    const refresh = () => send('peekState', {}).then(setState, (e: Error) => setTrouble(e.message));
    const stop = watchItems(browser.storage.onChanged, [sessionItem, loginItem, syncItem], () => {
      void refresh();
    });
    // A change written before this listener existed (avatars land quickly) is read once here.
    void refresh();
    return stop;
  }, [signedIn]);
}

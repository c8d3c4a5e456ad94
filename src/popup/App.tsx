import { useEffect, useState } from 'preact/hooks';
import type { ViewState } from '../shared/view';
import { send } from '../ui/messaging';
import { errorWords } from '../ui/error-words';
import { noticeWords } from '../ui/notice-words';
import { t } from '../ui/i18n';
import type { Command } from './command';
import { DashboardView } from './DashboardView';
import { FailedView } from './FailedView';
import { PermissionView } from './PermissionView';
import { PushSentView } from './PushSentView';
import { QrView } from './QrView';
import { ScannedView } from './ScannedView';
import { StatusView } from './StatusView';
import { useHostPermission } from './use-host-permission';
import { useLoginPolling } from './use-login-polling';
import { usePaintMark } from './paint-mark';
import { usePreparedFormatters } from './use-prepared-formatters';

/**
 * One view per state (docs/architecture.md); the background owns the state, we only render it.
 * `initial` is the view it keeps in storage for a first paint (background/shown.ts), until
 * `firstState`, its answer, arrives.
 */
export function App({
  firstState,
  initial,
}: {
  firstState: Promise<ViewState>;
  initial: ViewState | null;
}) {
  const permission = useHostPermission();
  const [state, setState] = useState<ViewState | null>(initial);
  const [trouble, setTrouble] = useState<string | null>(null);

  useEffect(() => {
    firstState.then(setState, (e: Error) => setTrouble(e.message));
  }, [firstState]);
  // Host access granted from the permission view: whatever failed without it starts over.
  const [wasMissing, setWasMissing] = useState(false);
  const command: Command = (name) => {
    send(name, {}).then(setState, (e: Error) => setTrouble(e.message));
  };
  useEffect(() => {
    if (permission === 'missing') setWasMissing(true);
    if (permission === 'granted' && wasMissing) command('retry');
  }, [permission]);
  useLoginPolling(state, setState, setTrouble);
  usePreparedFormatters(state);
  // What is painted: the state's view, unless host access is known to be missing.
  usePaintMark(permission === 'missing' ? 'permission' : (state?.type ?? 'loading'));

  return (
    <div
      class="popup"
      data-state={permission === 'granted' ? (state?.type ?? 'loading') : 'permission'}
    >
      {permission === 'missing' ? (
        <PermissionView />
      ) : state ? (
        <StateView state={state} command={command} />
      ) : (
        // Painted before the background answers: never an empty popup (a first request to
        // WeChat can take seconds, and a failed one ends in the failed view with Retry).
        <StatusView text={t('connecting')} />
      )}
      <p class="live visually-hidden" role="status" aria-live="polite">
        {state && permission === 'granted' ? statusWords(state) : ''}
      </p>
      {trouble && (
        <p class="trouble" role="alert">
          {t('errorUnknown')}
        </p>
      )}
    </div>
  );
}

/** One sentence per state for screen readers; the views show the same words visibly. */
function statusWords(state: ViewState): string {
  switch (state.type) {
    case 'starting':
      return t('starting');
    case 'qr':
      // The catalog joins the two sentences: languages differ in the space between them.
      return state.notice
        ? t('noticeThenPrompt', [noticeWords(state.notice), t('scanPrompt')])
        : t('scanPrompt');
    case 'scanned':
      return t('scannedStatus');
    case 'pushSent':
      return t('pushSentText', state.account.nickName);
    case 'signingIn':
      return t('signingIn');
    case 'signedIn':
      return t('signedInAs', state.dashboard.profile.nickName);
    case 'failed':
      return errorWords(state.error);
  }
}

function StateView({ state, command }: { state: ViewState; command: Command }) {
  switch (state.type) {
    case 'starting':
      return <StatusView text={t('starting')} />;
    case 'qr':
      return <QrView state={state} command={command} />;
    case 'scanned':
      return <ScannedView avatar={state.avatar} />;
    case 'pushSent':
      return <PushSentView account={state.account} command={command} />;
    case 'signingIn':
      return <StatusView text={t('signingIn')} />;
    case 'signedIn':
      return (
        <DashboardView
          dashboard={state.dashboard}
          connection={state.connection}
          command={command}
        />
      );
    case 'failed':
      return <FailedView error={state.error} command={command} />;
  }
}

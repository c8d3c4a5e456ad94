import { useState } from 'preact/hooks';
import type { ChatEntry } from '../shared/chat';
import { errorWords } from '../ui/error-words';
import { formatNumber, t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { MessageBody } from './MessageBody';

/** One message in the chat view: who (in groups), what, when, and for a reply its state. */
export function Entry({
  entry,
  group,
  clock,
  onRetry,
}: {
  entry: ChatEntry;
  group: boolean;
  clock: string;
  onRetry: () => void;
}) {
  const system = entry.body.type === 'system';
  const side = system ? 'system' : entry.outgoing ? 'out' : 'in';
  const sender = entry.senderName || t('groupMember');
  return (
    <li class="msg" data-side={side} data-state={entry.send?.state} data-recalled={entry.recalled}>
      {group && side === 'in' && <p class="msg-sender">{sender}</p>}
      <div class="bubble">
        <MessageBody body={entry.body} />
        {entry.recalled && <p class="msg-recalled">{t('msgRecalled')}</p>}
      </div>
      <p class="msg-meta">
        <span class="visually-hidden">{entry.outgoing ? t('you') : ''} </span>
        {clock}
        {entry.send && <SendState entry={entry} onRetry={onRetry} />}
      </p>
    </li>
  );
}

function SendState({ entry, onRetry }: { entry: ChatEntry; onRetry: () => void }) {
  const [held, setHeld] = useState<string | null>(null);
  const status = entry.send;
  if (!status) return null;
  if (status.state === 'sending') return <span class="msg-status"> · {t('msgSending')}</span>;
  if (status.state === 'sent') return <span class="msg-status"> · {t('msgSent')}</span>;
  const retry = () => {
    send('retrySend', { chat: entry.chat, localId: status.localId }).then((outcome) => {
      // The local limit also holds a retry back, and says for how long.
      const seconds =
        outcome.type === 'limited' ? Math.ceil((outcome.retryAt - Date.now()) / 1000) : 0;
      setHeld(seconds > 0 ? t('sendLimited', formatNumber(seconds)) : null);
      onRetry();
    }, onRetry);
  };
  return (
    <span class="msg-failed">
      {' · '}
      {held ?? t('msgFailed', errorWords(status.error))}{' '}
      <button type="button" class="link" onClick={retry}>
        {t('retry')}
      </button>
    </span>
  );
}

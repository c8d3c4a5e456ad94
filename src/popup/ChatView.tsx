import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Contact } from '../wechat';
import { formatClock, formatDay, t } from '../ui/i18n';
import { Composer } from './Composer';
import { Entry } from './MessageItem';
import { useChat } from './use-chat';

const dayKey = (seconds: number) => new Date(seconds * 1000).toDateString();

/**
 * One chat: the messages kept since sign-in, newest at the bottom, with a day line where the
 * day changes; the user's own on the other side; a reply box; a back control.
 */
export function ChatView({ contact, onBack }: { contact: Contact; onBack: () => void }) {
  const { entries, failed, reload } = useChat(contact.userName);
  const log = useRef<HTMLDivElement>(null);
  const group = contact.kind === 'group';
  // Newest at the bottom: every change scrolls there before it is painted.
  useLayoutEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [entries]);
  useEffect(() => {
    // Escape while an input method is composing only cancels the composition.
    const back = (event: KeyboardEvent) => event.key === 'Escape' && !event.isComposing && onBack();
    document.addEventListener('keydown', back);
    return () => document.removeEventListener('keydown', back);
  }, [onBack]);
  return (
    <section class="chat" aria-labelledby="chat-title" data-chat={contact.userName}>
      <header class="chat-header">
        <button
          type="button"
          class="icon-button chat-back"
          title={t('chatBack')}
          aria-label={t('chatBack')}
          onClick={onBack}
        >
          <span aria-hidden="true">←</span>
        </button>
        <h2 id="chat-title" class="chat-title">
          {contact.displayName}
        </h2>
      </header>
      <div
        class="chat-log"
        ref={log}
        role="log"
        tabIndex={0}
        aria-label={t('chatLog', contact.displayName)}
      >
        {failed && <p class="empty">{t('errorUnknown')}</p>}
        {entries?.length === 0 && <p class="empty">{t('chatEmpty')}</p>}
        {entries && entries.length > 0 && (
          <ol class="messages">
            {entries.map((entry, i) => {
              const before = entries[i - 1];
              const newDay = !before || dayKey(before.time) !== dayKey(entry.time);
              return [
                newDay && (
                  <li key={`day-${entry.msgId}`} class="day">
                    <time dateTime={new Date(entry.time * 1000).toISOString()}>
                      {formatDay(entry.time * 1000)}
                    </time>
                  </li>
                ),
                <Entry
                  key={entry.msgId}
                  entry={entry}
                  group={group}
                  clock={formatClock(entry.time * 1000)}
                  onRetry={reload}
                />,
              ];
            })}
          </ol>
        )}
      </div>
      <Composer chat={contact.userName} name={contact.displayName} onSent={reload} />
    </section>
  );
}

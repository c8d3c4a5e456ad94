import { useEffect, useRef, useState } from 'preact/hooks';
import type { SendOutcome } from '../shared/chat';
import { formatNumber, t } from '../ui/i18n';
import { send } from '../ui/messaging';

/**
 * The reply box. Enter sends, Shift+Enter is a new line (and Enter while an input method is
 * composing, as for Chinese, only ends the composition). Sending is only ever this key press
 * or the button: nothing here sends on its own.
 */
export function Composer({
  chat,
  name,
  onSent,
}: {
  chat: string;
  name: string;
  onSent: () => void;
}) {
  const [draft, setDraft] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  // Opening a chat is usually to answer it: the keyboard starts in the reply box.
  useEffect(() => input.current?.focus(), [chat]);
  const submit = () => {
    const text = draft;
    if (text.trim() === '') return;
    send('sendText', { chat, text }).then(
      (outcome: SendOutcome) => {
        if (outcome.type === 'limited') {
          const seconds = Math.max(1, Math.ceil((outcome.retryAt - Date.now()) / 1000));
          setRefusal(t('sendLimited', formatNumber(seconds)));
          return;
        }
        setRefusal(null);
        setDraft('');
        onSent();
      },
      () => setRefusal(t('errorUnknown')),
    );
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {refusal && (
        <p class="composer-refusal" role="alert">
          {refusal}
        </p>
      )}
      <div class="composer-row">
        <textarea
          ref={input}
          class="composer-input"
          rows={2}
          aria-label={t('replyTo', name)}
          placeholder={t('replyPlaceholder')}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="primary" disabled={draft.trim() === ''}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}

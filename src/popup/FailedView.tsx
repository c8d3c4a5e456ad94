import type { PlainError } from '../wechat';
import { errorWords } from '../ui/error-words';
import { t } from '../ui/i18n';
import type { Command } from './command';

export function FailedView({ error, command }: { error: PlainError; command: Command }) {
  if (error.name === 'LoginBlocked') {
    // 1203: WeChat's own explanation, shown as text (docs/protocol.md §5.3).
    return (
      <section class="center failed" data-error={error.name}>
        <h1>{t('blockedTitle')}</h1>
        <p>{t('blockedHint')}</p>
        <blockquote class="server-message">{error.serverMessage ?? ''}</blockquote>
        <button type="button" class="primary" onClick={() => command('newQr')}>
          {t('startOver')}
        </button>
      </section>
    );
  }
  return (
    <section class="center failed" data-error={error.name}>
      <h1 class="visually-hidden">{t('failedTitle')}</h1>
      <p>{errorWords(error)}</p>
      <button type="button" class="primary" onClick={() => command('retry')}>
        {t('retry')}
      </button>
    </section>
  );
}

import type { ViewState } from '../shared/view';
import { noticeWords } from '../ui/error-words';
import { t } from '../ui/i18n';
import { QrCode } from '../ui/QrCode';
import type { Command } from './App';

export function QrView({
  state,
  command,
}: {
  state: Extract<ViewState, { type: 'qr' }>;
  command: Command;
}) {
  return (
    <section class="center">
      {state.notice && <p class="notice">{noticeWords(state.notice)}</p>}
      <QrCode text={state.qrText} label={t('qrAlt')} />
      <p class="prompt">{t('scanPrompt')}</p>
      <button type="button" class="link" onClick={() => command('newQr')}>
        {t('newQr')}
      </button>
    </section>
  );
}

import type { AccountCard, ViewState } from '../shared/view';
import { Avatar } from '../ui/Avatar';
import { noticeWords } from '../ui/notice-words';
import { t } from '../ui/i18n';
import { QrCode } from '../ui/QrCode';
import type { Command } from './command';

export function QrView({
  state,
  command,
}: {
  state: Extract<ViewState, { type: 'qr' }>;
  command: Command;
}) {
  return (
    <section class="center">
      {/* The QR is the heading's content in effect; a visible title would crowd it. */}
      <h1 class="visually-hidden">{t('qrTitle')}</h1>
      {state.notice && <p class="notice">{noticeWords(state.notice)}</p>}
      {state.account && <PushOffer account={state.account} command={command} />}
      <QrCode text={state.qrText} label={t('qrAlt')} />
      <p class="prompt">{t('scanPrompt')}</p>
      <button type="button" class="link" onClick={() => command('newQr')}>
        {t('newQr')}
      </button>
    </section>
  );
}

/** The account known here can sign in by a prompt on the phone, no scan (docs/protocol.md §17). */
function PushOffer({ account, command }: { account: AccountCard; command: Command }) {
  return (
    <div class="push-offer">
      <Avatar src={account.avatar} name={account.nickName} size={32} />
      <span class="push-offer-text">{t('pushOffer', account.nickName)}</span>
      <button
        type="button"
        class="primary small"
        id="push-login"
        onClick={() => command('pushLogin')}
      >
        {t('pushButton')}
      </button>
    </div>
  );
}

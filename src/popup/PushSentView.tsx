import type { AccountCard } from '../shared/view';
import { Avatar } from '../ui/Avatar';
import { t } from '../ui/i18n';
import type { Command } from './command';

/** Push login sent: the phone shows a prompt; the QR stays one click away. */
export function PushSentView({ account, command }: { account: AccountCard; command: Command }) {
  return (
    <section class="center">
      <Avatar src={account.avatar} name={account.nickName} size={96} />
      <h1>{t('pushSentTitle')}</h1>
      <p class="prompt">{t('pushSentText', account.nickName)}</p>
      <button type="button" class="link" id="use-qr" onClick={() => command('newQr')}>
        {t('useQrInstead')}
      </button>
    </section>
  );
}

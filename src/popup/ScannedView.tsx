import { Avatar } from '../ui/Avatar';
import { t } from '../ui/i18n';

export function ScannedView({ avatar }: { avatar: string | null }) {
  return (
    <section class="center">
      <Avatar src={avatar} name="?" size={96} />
      <h1>{t('scannedTitle')}</h1>
      <p class="prompt">{t('confirmOnPhone')}</p>
    </section>
  );
}

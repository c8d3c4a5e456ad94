import { browser } from '../ui/ext';
import { t } from '../ui/i18n';
import { wechatOrigins } from './use-host-permission';

export function PermissionView() {
  // permissions.request must run inside the click (a user gesture), not after an await.
  const ask = () => {
    browser.permissions.request({ origins: wechatOrigins() }).catch((error: unknown) => {
      console.warn('[popup] permission request failed:', error);
    });
  };
  return (
    <section class="center">
      <h1>{t('permissionTitle')}</h1>
      <p>{t('permissionNeeded')}</p>
      <button type="button" class="primary" onClick={ask}>
        {t('permissionGrant')}
      </button>
    </section>
  );
}

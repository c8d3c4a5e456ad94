import { useEffect, useState } from 'preact/hooks';
import { browser } from '../ui/ext';

export type PermissionStatus = 'checking' | 'granted' | 'missing';

/** The WeChat hosts from the manifest: what the background needs to sign in. */
export function wechatOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/**
 * Firefox lets the user withhold MV3 host permissions (docs/testing.md): check at every
 * popup open and, when missing, ask from a click (PermissionView).
 */
export function useHostPermission(): PermissionStatus {
  const [status, setStatus] = useState<PermissionStatus>('checking');
  useEffect(() => {
    const check = () =>
      browser.permissions
        .contains({ origins: wechatOrigins() })
        .then((ok) => setStatus(ok ? 'granted' : 'missing'))
        .catch(() => setStatus('granted'));
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return status;
}

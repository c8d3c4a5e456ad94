/**
 * The one manifest (manifest.json) and the two variants the build writes: vite.config.ts passes
 * `manifestFor(target)` to CRXJS, and the convention tests (test/conventions/) check the same
 * objects, so what is tested is what ships.
 */
import baseManifest from '../manifest.json' with { type: 'json' };
import { WECHAT_HOSTS } from '../src/wechat/hosts.ts';

export type Browser = 'chrome' | 'firefox';

/** The manifest as written in manifest.json. */
export type BaseManifest = typeof baseManifest;

/** What manifestFor returns: the source manifest with one background key, minus the other browser's keys. */
export interface BuiltManifest {
  permissions: string[];
  host_permissions: string[];
  optional_permissions: string[];
  background: { service_worker?: string; scripts?: string[]; type: string };
  [key: string]: unknown;
}

/** `https://<host>/*` for every host in src/wechat/hosts.ts, in the table's order. */
export function hostPermissionsFromTable(): string[] {
  return WECHAT_HOSTS.map((host) => `https://${host}/*`);
}

/**
 * The first difference between manifest.json's host_permissions and the host table, or null.
 * The build refuses to run on a difference (see manifestFor), and a convention test says which.
 */
export function hostPermissionDrift(
  manifest: { host_permissions: string[] } = baseManifest,
): string | null {
  const fromTable = hostPermissionsFromTable();
  const missing = fromTable.filter((origin) => !manifest.host_permissions.includes(origin));
  const extra = manifest.host_permissions.filter((origin) => !fromTable.includes(origin));
  if (missing.length === 0 && extra.length === 0) return null;
  return [
    missing.length ? `missing from manifest.json host_permissions: ${missing.join(', ')}` : '',
    extra.length ? `in manifest.json but not in src/wechat/hosts.ts: ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The Content-Security-Policy of every extension page (popup, options, Firefox's event page,
 * Chrome's service worker), tighter than either browser's default: our own scripts and styles
 * only, images from the extension or data: URLs (avatars arrive as data: URLs), requests only to
 * the extension and WeChat's hosts (the same list as host_permissions), no plugins, no <base>,
 * no form posts.
 */
export function contentSecurityPolicy(hostPermissions: readonly string[]): string {
  const origins = hostPermissions.map((pattern) => pattern.replace(/\/\*$/, ''));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${origins.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Firefox gets background.scripts (Firefox MV3 runs an event page) and the gecko settings;
 * Chrome gets background.service_worker, minimum_chrome_version, and no gecko keys (it warns
 * on them). Both get the same content_security_policy.
 */
export function manifestFor(browser: Browser): BuiltManifest {
  const drift = hostPermissionDrift();
  if (drift !== null) throw new Error(`manifest.json and src/wechat/hosts.ts disagree: ${drift}`);
  const {
    background: source,
    browser_specific_settings,
    minimum_chrome_version,
    ...common
  } = structuredClone(baseManifest);
  const csp = { extension_pages: contentSecurityPolicy(common.host_permissions) };
  if (browser === 'firefox') {
    return {
      ...common,
      content_security_policy: csp,
      background: { scripts: source.scripts, type: source.type },
      browser_specific_settings,
    };
  }
  return {
    ...common,
    minimum_chrome_version,
    content_security_policy: csp,
    background: { service_worker: source.service_worker, type: source.type },
  };
}

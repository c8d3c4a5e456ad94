import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { hostPermissionDrift, hostPermissionsFromTable, manifestFor } from '../../scripts/manifest';
import { WECHAT_HOSTS } from '../../src/wechat/hosts';

// manifest.json lists host_permissions by hand (so it reads on its own); src/wechat/hosts.ts is
// what the client talks to. The two must name the same hosts.
describe('manifest.json host_permissions and src/wechat/hosts.ts', () => {
  it('name the same hosts', () => {
    expect(hostPermissionDrift()).toBeNull();
    expect([...manifest.host_permissions].sort()).toEqual(
      WECHAT_HOSTS.map((host) => `https://${host}/*`).sort(),
    );
  });

  it('a drift is reported, and the build refuses it', () => {
    const extra = { host_permissions: [...manifest.host_permissions, 'https://example.com/*'] };
    expect(hostPermissionDrift(extra)).toMatch(/example\.com/);
    const missing = { host_permissions: manifest.host_permissions.slice(1) };
    expect(hostPermissionDrift(missing)).toMatch(/missing/);
  });

  it.each(['chrome', 'firefox'] as const)(
    'the %s build asks for exactly those hosts',
    (browser) => {
      expect(manifestFor(browser).host_permissions).toEqual(manifest.host_permissions);
      expect([...manifestFor(browser).host_permissions].sort()).toEqual(
        hostPermissionsFromTable().sort(),
      );
    },
  );
});

describe('release metadata', () => {
  it('package.json and manifest.json carry the same version', () => {
    expect(manifest.version).toBe(pkg.version);
  });

  it('Chrome gets minimum_chrome_version and a service worker, no gecko keys', () => {
    const chrome = manifestFor('chrome');
    // 120: the first Chrome whose alarms fire every 30 s (periodInMinutes: 0.5, src/background/main.ts).
    expect(chrome.minimum_chrome_version).toBe('120');
    expect(chrome.background).toEqual({ service_worker: 'src/background/main.ts', type: 'module' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('Firefox gets an event page and an id addons.mozilla.org accepts', () => {
    const firefox = manifestFor('firefox');
    expect(firefox.background).toEqual({ scripts: ['src/background/main.ts'], type: 'module' });
    const gecko = manifest.browser_specific_settings.gecko;
    // A GUID in braces, or name@domain on a domain that is not a documentation example.
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko.id).not.toMatch(/example\.(org|com|net)/);
  });
});

describe('content_security_policy.extension_pages', () => {
  it.each(['chrome', 'firefox'] as const)(
    '%s: own scripts only, requests only to WeChat',
    (browser) => {
      const manifest = manifestFor(browser);
      const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual([
        "'self'",
        ...manifest.host_permissions.map((pattern) => pattern.replace(/\/\*$/, '')),
      ]);
      expect(csp).not.toMatch(/unsafe-|\*|http:/);
    },
  );
});

import type { Runtime } from 'webextension-polyfill';
import { WECHAT_HOSTS } from '../wechat';
import { settingsItem } from '../shared/storage';
import type { Store } from './store';

/** The part of `browser.cookies` this needs; tests hand in a fake. */
export interface CookieJar {
  getAll(details: { url: string }): Promise<readonly JarCookie[]>;
  remove(details: { url: string; name: string; storeId?: string }): Promise<unknown>;
}
export interface JarCookie {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly storeId?: string;
}

/**
 * Removes every cookie the browser would send to one of WeChat's hosts (docs/protocol.md §5.4:
 * `wxuin`, `wxsid`, `webwx_data_ticket` on `.qq.com`, the long-lived `webwxuvid` and
 * `webwx_auth_ticket` that push login rides on, §17). Purely local: it works offline. Returns
 * how many were removed.
 */
export async function forgetWeChatCookies(jar: CookieJar): Promise<number> {
  const seen = new Map<string, JarCookie>();
  for (const host of WECHAT_HOSTS) {
    for (const cookie of await jar.getAll({ url: `https://${host}/` })) {
      seen.set(`${cookie.storeId ?? ''}|${cookie.domain}|${cookie.path}|${cookie.name}`, cookie);
    }
  }
  await Promise.all(
    [...seen.values()].map((cookie) =>
      jar.remove({
        url: `https://${cookie.domain.replace(/^\./, '')}${cookie.path}`,
        name: cookie.name,
        ...(cookie.storeId === undefined ? {} : { storeId: cookie.storeId }),
      }),
    ),
  );
  return seen.size;
}

/**
 * "Forget the session when the browser closes": the session itself lived in storage.session
 * and is gone, but WeChat's long-lived cookies (webwxuvid, webwx_auth_ticket) survive a
 * restart. Nothing can run as the browser closes, so they go as the next one starts.
 */
export function installCookieForgetting(deps: {
  readonly store: Store;
  readonly jar: CookieJar;
  readonly onStartup: Runtime.Static['onStartup'];
}): void {
  deps.onStartup.addListener(() => {
    forgetIfAsked(deps.store, deps.jar).catch((error: unknown) =>
      console.warn('[cookies] forgetting at start-up failed:', error),
    );
  });
}

async function forgetIfAsked(store: Store, jar: CookieJar): Promise<void> {
  if ((await store.get(settingsItem)).forgetOnClose) await forgetWeChatCookies(jar);
}

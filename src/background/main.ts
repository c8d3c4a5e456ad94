import browser, { type Runtime } from 'webextension-polyfill';
import { createWeChatClient } from '../wechat';
import { settingsItem } from '../shared/storage';
import { installBadge } from './badge';
import { createMessageHandler } from './handlers';
import { keepAliveWhile } from './keep-alive';
import { notifyIncoming } from './notifier';
import { resumeSession } from './resume';
import { createSessionDriver } from './session';
import { createStore } from './store';
import { createSyncLoop } from './sync-loop';

// Entry: wires the protocol client, storage, the login driver and the sync loop. Listeners are
// registered synchronously at the top level, as MV3 requires for a worker woken by an event.
const SYNC_ALARM = 'sync';
const log = (label: string) => (error: unknown) => console.warn(`[main] ${label}:`, error);

const store = createStore(browser.storage);
/** WeChat's lang follows the translation the pages show (_locales: wechatLang), sent with
 * every message: a worker's own locale can differ from its pages'. */
const wechatLang = (locale: string): 'zh_CN' | 'en_US' =>
  locale.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en_US';
let lang = wechatLang(browser.i18n.getMessage('wechatLang'));
const client = createWeChatClient({
  fetch: keepAliveWhile((input, init) => fetch(input, init)),
  now: () => Date.now(),
  random: () => Math.random(),
  lang: () => lang,
});
const loop = createSyncLoop({
  client,
  store,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onIncoming: (messages, dashboard) => {
    store
      .get(settingsItem)
      .then((settings) => notifyIncoming(messages, dashboard, settings))
      .catch(log('notifications'));
  },
  onEnded: () => console.info('[main] the server ended the session'),
});
const driver = createSessionDriver(client, store, {
  signedIn: () => loop.ensureRunning(),
  signedOut: () => loop.stop(),
});
const handle = createMessageHandler({
  driver,
  store,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  onLocale: (locale) => {
    lang = wechatLang(locale);
  },
});

// Returning the promise is how an answer is sent (polyfill semantics, both browsers).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handle(message, sender),
);

installBadge();

// The alarm restarts the sync loop after the browser stopped the worker (Chrome allows 30 s;
// Firefox may round up to a minute — docs/testing.md).
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) loop.ensureRunning();
});
browser.alarms
  .get(SYNC_ALARM)
  .then((alarm) => {
    if (!alarm) browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
  })
  .catch(log('alarm'));

resumeSession(store, driver, loop, () => Date.now()).catch(log('resume'));

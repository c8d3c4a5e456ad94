import browser, { type Runtime } from 'webextension-polyfill';
import { createWeChatClient } from '../wechat';
import { retryMissingAvatars } from './avatars';
import { installBadge } from './badge';
import { forgetWeChatCookies, installCookieForgetting } from './cookies';
import { createMessageHandler } from './handlers';
import { keepAliveWhile } from './keep-alive';
import { installLanguage } from './language';
import { notifyWithStoredSettings } from './notifier';
import { installPopupOpening, routingWorker } from './popup-opening';
import { warmIntlSoon } from './intl-warm-up';
import { resumeSession } from './resume';
import { keepShownView } from './shown';
import { createSessionDriver } from './login/driver';
import { installChats } from './messages/install';
import { createBookAvatars } from './contact-book/avatars';
import { createIndexedDbBookDb } from './contact-book/db';
import { bookHandlers } from './contact-book/handlers';
import { createContactBook } from './contact-book/keeper';
import { createStore } from './store';
import { installSyncAlarm } from './sync-alarm';
import { createSyncLoop } from './sync-loop';

// Entry: wires the protocol client, storage, the login driver and the sync loop, and nothing
// else. Listeners are registered synchronously at the top level, as MV3 requires for a worker
// woken by an event.
const now = () => Date.now();

const store = createStore(browser.storage);
const language = installLanguage();
const client = createWeChatClient({
  fetch: keepAliveWhile((input, init) => fetch(input, init)),
  now,
  random: () => Math.random(),
  lang: language.current,
});
const chats = installChats({ client, store, now });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const book = createContactBook({ client, store, db: createIndexedDbBookDb(indexedDB), now, sleep });
const bookAvatars = createBookAvatars(client);
const loop = createSyncLoop({
  client,
  store,
  now,
  sleep,
  onIncoming: notifyWithStoredSettings(store),
  onEnded: () => console.info('[main] the server ended the session'),
  onMessages: chats.onSync,
  onContactChanges: (result) => {
    book.applyChanges(result).catch((error: unknown) => console.warn('[main] book merge:', error));
  },
});
const driver = createSessionDriver({
  client,
  store,
  now,
  hooks: {
    signedIn: () => {
      loop.ensureRunning();
      // Off the critical path: the dashboard is already stored when the book starts paging.
      book.refresh().catch((error: unknown) => console.warn('[main] book refresh:', error));
    },
    signedOut: () => loop.stop(),
    cleared: async () => {
      bookAvatars.clear();
      await Promise.all([chats.clear(), book.clear()]);
    },
  },
  forgetCookies: () => forgetWeChatCookies(browser.cookies),
});
const handle = createMessageHandler({
  driver,
  store,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  onLocale: language.follow,
  onOpen: () => retryMissingAvatars(client, store, { now }),
  chats,
  book: bookHandlers(book, bookAvatars),
});

// Returning the promise is how an answer is sent (polyfill semantics, both browsers).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handle(message, sender),
);
// Chromium: what the popup's first question needs starts as its page starts (popup-opening.ts).
const popupPath = browser.runtime.getManifest().action?.default_popup;
if (popupPath) installPopupOpening(routingWorker(globalThis), popupPath, () => driver.current());
installBadge();
keepShownView({ store, events: browser.storage.onChanged, view: driver.peek });
installSyncAlarm(loop);
installCookieForgetting({ store, jar: browser.cookies, onStartup: browser.runtime.onStartup });

resumeSession({ store, driver, loop, now }).then(
  // Signed in: the popup's next opening paints the dashboard (intl-warm-up.ts).
  (signedIn) => signedIn && warmIntlSoon(browser.i18n.getMessage('lang')),
  (error: unknown) => console.warn('[main] resume:', error),
);

import browser, { type Runtime } from 'webextension-polyfill';
import { createWeChatClient } from '../wechat';
import { createMessageHandler } from './handlers';
import { createSessionDriver } from './session';
import { createStore } from './store';
import { keepAliveWhile } from './keep-alive';

// Entry: wires the protocol client, storage and message handler; the work is done elsewhere.
const store = createStore(browser.storage);
const client = createWeChatClient({
  fetch: keepAliveWhile((input, init) => fetch(input, init)),
  now: () => Date.now(),
  random: () => Math.random(),
  lang: browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en_US',
});
const handle = createMessageHandler({
  driver: createSessionDriver(client, store),
  store,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

// Returning the promise is how an answer is sent (polyfill semantics, both browsers).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handle(message, sender),
);

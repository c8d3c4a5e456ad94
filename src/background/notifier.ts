import browser from 'webextension-polyfill';
import { ATTACHMENT_WORDS } from '../shared/attachment-words';
import { settingsItem } from '../shared/storage';
import type { Dashboard, Settings } from '../shared/view';
import type { Store } from './store';
import type { IncomingMessage } from './sync-apply';

const LABELS = ATTACHMENT_WORDS;

/**
 * Optional desktop notifications (off by default): one per chat, titled with the sender's
 * name; the message text only when the user allowed it. The `notifications` permission is
 * optional and asked for from the options page when the user switches this on.
 */
export async function notifyIncoming(
  messages: readonly IncomingMessage[],
  dashboard: Dashboard,
  settings: Settings,
): Promise<void> {
  if (
    !settings.notify ||
    !(await browser.permissions.contains({ permissions: ['notifications'] }))
  ) {
    return;
  }
  const byChat = new Map<string, IncomingMessage[]>();
  for (const m of messages) byChat.set(m.chat, [...(byChat.get(m.chat) ?? []), m]);
  for (const [chat, list] of byChat) {
    const contact = dashboard.contacts.find((c) => c.userName === chat);
    const last = list[list.length - 1];
    if (!last) continue;
    const count = dashboard.unread[chat] ?? list.length;
    const body = settings.notifyText
      ? last.text || browser.i18n.getMessage(LABELS[last.carries ?? 'unknown'])
      : browser.i18n.getMessage('newMessages', String(count));
    await browser.notifications.create(`chat:${chat}`, {
      type: 'basic',
      iconUrl: dashboard.avatars[chat] ?? browser.runtime.getURL('icons/icon-128.png'),
      title: contact?.displayName || browser.i18n.getMessage('extShortName'),
      message: body,
    });
  }
}

/** The sync loop's `onIncoming`: notifies with the settings stored at that moment. */
export function notifyWithStoredSettings(store: Store) {
  return (messages: readonly IncomingMessage[], dashboard: Dashboard): void => {
    store
      .get(settingsItem)
      .then((settings) => notifyIncoming(messages, dashboard, settings))
      .catch((error: unknown) => console.warn('[notifier]', error));
  };
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../ui/ext';
import type { Dashboard } from '../shared/view';
import { Avatar } from '../ui/Avatar';
import { formatNumber, t } from '../ui/i18n';
import { Tabs } from '../ui/Tabs';
import type { Command } from './command';
import { ArticleList } from './ArticleList';
import { ContactList } from './ContactList';
import { lazyView } from './lazy-view';

// Not on the first paint: an open chat and the address book load after it (lazy-view.tsx).
const ChatView = lazyView(() => import('./ChatView').then((m) => m.ChatView));
const ContactsPanel = lazyView(() =>
  import('./contacts/ContactsPanel').then((m) => m.ContactsPanel),
);

type Tab = 'chats' | 'articles' | 'contacts';

export function DashboardView({
  dashboard,
  connection,
  command,
}: {
  dashboard: Dashboard;
  connection: 'ok' | 'retrying';
  command: Command;
}) {
  const [tab, setTab] = useState<Tab>('chats');
  const [chat, setChat] = useState<string | null>(null);
  const { profile, contacts, feeds, avatars } = dashboard;
  const shownUnread = useShownUnread(dashboard.unread);
  const hasUnread = Object.keys(dashboard.unread).length > 0;
  // Showing the chats is reading them: the counts and the toolbar badge are cleared.
  useEffect(() => {
    if (tab === 'chats' && hasUnread) command('markSeen');
  }, [tab, hasUnread]);
  const openContact = chat ? contacts.find((c) => c.userName === chat) : undefined;
  // Back from a chat: focus returns to its row, so the keyboard is where it was.
  const closeChat = useCallback(() => {
    const closed = chat;
    setChat(null);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`.contact-open[data-chat="${CSS.escape(closed ?? '')}"]`)
        ?.focus(),
    );
  }, [chat]);
  useEffect(() => {
    ChatView.preload();
    ContactsPanel.preload();
  }, []);
  const articleCount = feeds.reduce((n, feed) => n + feed.articles.length, 0);
  return (
    // An open chat covers the tabs (popup.css); they stay mounted, so going back finds the
    // list as it was.
    <section class="dashboard" data-chat-open={openContact ? true : undefined}>
      <header class="profile">
        <Avatar src={avatars[profile.userName]} name={profile.nickName} size={44} />
        <div class="who">
          <h1 class="nickname">{profile.nickName}</h1>
          {profile.signature && <p class="signature">{profile.signature}</p>}
        </div>
        <button
          type="button"
          class="icon-button"
          title={t('settings')}
          aria-label={t('settings')}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </header>
      {connection === 'retrying' && (
        <p class="reconnecting" role="status">
          {t('reconnecting')}
        </p>
      )}
      {openContact && <ChatView contact={openContact} onBack={closeChat} />}
      <Tabs
        label={t('dashboardTabs')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'chats',
            label: t('recentChats', formatNumber(contacts.length)),
            content: (
              <ContactList
                contacts={contacts}
                avatars={avatars}
                unread={shownUnread}
                onOpen={(contact) => setChat(contact.userName)}
              />
            ),
          },
          {
            id: 'articles',
            label: t('articles', formatNumber(articleCount)),
            content: <ArticleList feeds={feeds} />,
          },
          {
            id: 'contacts',
            label: t('contactsTab'),
            content: <ContactsPanel />,
          },
        ]}
      />
    </section>
  );
}

/**
 * The counts seen while the popup is open stay visible after they are marked seen, so the
 * person still sees which chats were new; the next opening starts from zero.
 */
function useShownUnread(unread: Readonly<Record<string, number>>): Record<string, number> {
  const [shown, setShown] = useState<Record<string, number>>(() => ({ ...unread }));
  useEffect(() => {
    setShown((before) => {
      const merged = { ...before };
      for (const [chat, n] of Object.entries(unread)) merged[chat] = Math.max(merged[chat] ?? 0, n);
      return merged;
    });
  }, [unread]);
  return shown;
}

import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Dashboard } from '../shared/view';
import { Avatar } from '../ui/Avatar';
import { t } from '../ui/i18n';
import { ArticleList } from './ArticleList';
import { ContactList } from './ContactList';

type Tab = 'chats' | 'articles';

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const [tab, setTab] = useState<Tab>('chats');
  const { profile, contacts, feeds, avatars } = dashboard;
  const articleCount = feeds.reduce((n, feed) => n + feed.articles.length, 0);
  return (
    <section class="dashboard">
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
          ⚙
        </button>
      </header>
      <nav class="tabs" role="tablist">
        <TabButton
          id="chats"
          current={tab}
          onSelect={setTab}
          label={`${t('recentChats')} (${contacts.length})`}
        />
        <TabButton
          id="articles"
          current={tab}
          onSelect={setTab}
          label={`${t('articles')} (${articleCount})`}
        />
      </nav>
      <div class="panel" role="tabpanel">
        {tab === 'chats' ? (
          <ContactList contacts={contacts} avatars={avatars} />
        ) : (
          <ArticleList feeds={feeds} />
        )}
      </div>
    </section>
  );
}

function TabButton(props: { id: Tab; current: Tab; label: string; onSelect: (tab: Tab) => void }) {
  const selected = props.id === props.current;
  return (
    <button
      type="button"
      role="tab"
      class="tab"
      data-tab={props.id}
      aria-selected={selected}
      onClick={() => props.onSelect(props.id)}
    >
      {props.label}
    </button>
  );
}

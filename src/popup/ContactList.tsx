import type { Contact } from '../wechat';
import { Avatar } from '../ui/Avatar';
import { formatNumber, t, tPlural } from '../ui/i18n';

function kindLabel(contact: Contact): string | null {
  switch (contact.kind) {
    case 'group':
      return contact.memberCount > 0
        ? tPlural('groupMembers', contact.memberCount)
        : t('kindGroup');
    case 'official':
      return t('kindOfficial');
    case 'special':
      return t('kindSpecial');
    case 'self':
      return t('you');
    case 'person':
      return null;
  }
}

export function ContactList({
  contacts,
  avatars,
  unread,
  onOpen,
}: {
  contacts: readonly Contact[];
  avatars: Readonly<Record<string, string>>;
  unread: Readonly<Record<string, number>>;
  /** Opens a chat (the chat view); without it the rows are not buttons. */
  onOpen?: (contact: Contact) => void;
}) {
  if (contacts.length === 0) return <p class="empty">{t('noChats')}</p>;
  return (
    <ul class="contacts">
      {contacts.map((contact) => {
        const label = kindLabel(contact);
        const count = unread[contact.userName] ?? 0;
        const row = (
          <>
            <Avatar src={avatars[contact.userName]} name={contact.displayName} />
            <span class="contact-name">{contact.displayName}</span>
            {label && <span class={`badge badge-${contact.kind}`}>{label}</span>}
            {count > 0 && (
              <span class="unread" title={t('unreadCount', formatNumber(count))}>
                {formatNumber(count)}
              </span>
            )}
          </>
        );
        return (
          <li key={contact.userName} class="contact" data-kind={contact.kind}>
            {onOpen ? (
              <button
                type="button"
                class="contact-open"
                data-chat={contact.userName}
                onClick={() => onOpen(contact)}
              >
                {row}
              </button>
            ) : (
              row
            )}
          </li>
        );
      })}
    </ul>
  );
}

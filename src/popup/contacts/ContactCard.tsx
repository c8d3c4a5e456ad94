import { useEffect, useRef } from 'preact/hooks';
import type { BookEntry } from '../../wechat';
import { formatNumber, t } from '../../ui/i18n';
import { BookAvatar } from './BookAvatar';

function kindName(entry: BookEntry): string {
  switch (entry.kind) {
    case 'group':
      return t('kindGroup');
    case 'official':
      return t('kindOfficial');
    case 'special':
      return t('kindSpecial');
    default:
      return t('kindPerson');
  }
}

/**
 * A contact's card: name, remark, nickname, WeChat ID, signature, region, and a group's member
 * count. Every value is the server's text, shown as text. Focus goes to its heading on opening;
 * "Back" (or Escape) returns to the list.
 */
export function ContactCard({
  entry,
  avatar,
  onClose,
}: {
  entry: BookEntry;
  avatar: string | null | undefined;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entry.userName]);
  const d = entry.details;
  const rows: [string, string][] = [
    [t('contactKind'), kindName(entry)],
    [t('contactRemark'), d.remarkName],
    [t('contactNickname'), d.nickName],
    [t('contactAlias'), d.alias],
    [t('contactSignature'), d.signature],
    [t('contactRegion'), d.region],
  ];
  if (entry.kind === 'group') rows.push([t('contactMembers'), formatNumber(entry.memberCount)]);
  return (
    <section
      class="contact-card"
      aria-labelledby="contact-card-name"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <button type="button" class="link back" onClick={onClose}>
        <span aria-hidden="true">← </span>
        {t('contactBack')}
      </button>
      <div class="card-head">
        <BookAvatar src={avatar} name={entry.displayName} />
        <h2 id="contact-card-name" ref={heading} tabIndex={-1}>
          {entry.displayName}
        </h2>
      </div>
      <dl class="card-fields">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label} class="card-field">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

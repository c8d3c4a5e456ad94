import type { BookEntry } from '../../wechat';
import { t, tPlural } from '../../ui/i18n';
import { BookAvatar } from './BookAvatar';
import { Highlight } from './Highlight';
import type { Match } from './match';

export function kindWords(entry: BookEntry): string | null {
  switch (entry.kind) {
    case 'group':
      return entry.memberCount > 0 ? tPlural('groupMembers', entry.memberCount) : t('kindGroup');
    case 'official':
      return t('kindOfficial');
    case 'special':
      return t('kindSpecial');
    default:
      return null;
  }
}

/** One contact: a button that opens its card; the matched part of its name is marked. */
export function ContactRow({
  entry,
  match,
  avatar,
  onOpen,
}: {
  entry: BookEntry;
  match: Match | null;
  avatar: string | null | undefined;
  onOpen: (entry: BookEntry) => void;
}) {
  const kind = kindWords(entry);
  const second =
    match?.field === 'nickName'
      ? entry.details.nickName
      : match?.field === 'alias'
        ? entry.details.alias
        : null;
  return (
    <button
      type="button"
      class="book-row"
      data-user={entry.userName}
      data-kind={entry.kind}
      onClick={() => onOpen(entry)}
    >
      <BookAvatar src={avatar} name={entry.displayName} />
      <span class="book-text">
        <span class="book-name">
          {match?.field === 'displayName' ? (
            <Highlight text={entry.displayName} start={match.start} end={match.end} />
          ) : (
            entry.displayName
          )}
        </span>
        {second !== null && match && (
          <span class="book-second">
            <Highlight text={second} start={match.start} end={match.end} />
          </span>
        )}
      </span>
      {kind && <span class={`badge badge-${entry.kind}`}>{kind}</span>}
    </button>
  );
}

import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { BookEntry } from '../../wechat';
import type { BookView } from '../../shared/contact-book';
import { errorWords } from '../../ui/error-words';
import { formatNumber, t, tPlural } from '../../ui/i18n';
import { Spinner } from '../../ui/Spinner';
import { ContactCard } from './ContactCard';
import { ContactRow } from './ContactRow';
import { foldQuery } from './fold';
import { search, type Match } from './match';
import { countKinds, isShown, SHOWN, sortBook, type Shown } from './order';
import { usePrepared } from './use-prepared';
import { useVisibleAvatars } from './use-avatars';
import { VirtualList } from './VirtualList';

/** The list's height (px): with the profile, the tabs and the search it fills the 600 px popup. */
const LIST_HEIGHT = 352;
/** A notice above the search takes two lines: the list gives up their room (no second scrollbar). */
const NOTICE_HEIGHT = 60;

interface Hit {
  readonly entry: BookEntry;
  readonly match: Match | null;
}

const SHOWN_KEYS: Record<Shown, string> = {
  all: 'contactsShowAll',
  person: 'contactsShowPeople',
  group: 'contactsShowGroups',
  official: 'contactsShowOfficial',
  special: 'contactsShowSpecial',
};

function hasNotice(book: BookView): boolean {
  return (
    (book.state === 'failed' && book.error !== null) ||
    book.state === 'incomplete' ||
    (book.state !== 'fetching' && book.gap !== null)
  );
}

function Notice({ book }: { book: BookView }) {
  if (!hasNotice(book)) return null;
  if (book.state === 'failed' && book.error) {
    return (
      <p class="notice book-notice" role="status">
        {t('contactsFailed', errorWords(book.error))}
      </p>
    );
  }
  const words = book.gap === 'rateLimited' ? t('contactsRateLimited') : t('contactsIncomplete');
  return (
    <p class="notice book-notice" role="status" data-gap={book.gap ?? ''}>
      {words}
    </p>
  );
}

/** The Contacts tab: the whole address book, searchable, a card per contact. */
export function ContactBookView({ book, refresh }: { book: BookView | null; refresh: () => void }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<Shown>('all');
  const [open, setOpen] = useState<BookEntry | null>(null);
  const [visible, setVisible] = useState<readonly string[]>([]);
  const entries = book?.entries ?? [];
  const sorted = useMemo(() => sortBook(entries), [entries]);
  const counts = useMemo(() => countKinds(entries), [entries]);
  const prepared = usePrepared(sorted);
  const folded = foldQuery(query);
  const hits = useMemo(() => {
    // Before the first query the rows need no search data: the first paint waits for nothing.
    const found: Hit[] =
      folded === ''
        ? sorted.map((entry) => ({ entry, match: null }))
        : search(prepared.get(), folded).map((hit) => ({
            entry: hit.item.entry,
            match: hit.match,
          }));
    return found.filter((hit) => isShown(hit.entry.kind, shown));
  }, [sorted, prepared, folded, shown]);
  const avatars = useVisibleAvatars(visible);
  // Measured in the page (npm run bench): from a keystroke to the updated rows in the DOM.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('book-query', 'mark').length === 0) return;
    performance.measure('book-search', 'book-query');
    performance.clearMarks('book-query');
  }, [hits]);
  useLayoutEffect(() => {
    if (hits.length > 0 && performance.getEntriesByName('book-rows').length === 0) {
      performance.mark('book-rows');
    }
  }, [hits]);

  if (!book || (book.state === 'fetching' && entries.length === 0)) {
    return (
      <div class="center" role="status">
        <Spinner />
        <p class="prompt">{t('contactsLoading')}</p>
      </div>
    );
  }
  const card = open && (
    <ContactCard
      entry={open}
      avatar={avatars[open.userName]}
      onClose={() => {
        const name = open.userName;
        setOpen(null);
        // Back on the row that opened the card, when it is still drawn.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLButtonElement>(`.book-row[data-user="${CSS.escape(name)}"]`)
            ?.focus(),
        );
      }}
    />
  );
  const total = counts.person + counts.group + counts.official + counts.special;
  return (
    <>
      {card}
      <div class="book" hidden={open !== null}>
        <Notice book={book} />
        <div class="book-tools">
          <label class="visually-hidden" for="book-search">
            {t('contactsSearch')}
          </label>
          <input
            id="book-search"
            class="book-search"
            type="search"
            value={query}
            placeholder={t('contactsSearchHint')}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => {
              performance.mark('book-query');
              setQuery((event.currentTarget as HTMLInputElement).value);
            }}
          />
          <button
            type="button"
            class="icon-button"
            title={t('contactsRefresh')}
            aria-label={t('contactsRefresh')}
            disabled={book.state === 'fetching'}
            onClick={refresh}
          >
            <span aria-hidden="true">⟳</span>
          </button>
        </div>
        <div class="book-tools">
          <label for="book-shown">{t('contactsShow')}</label>
          <select
            id="book-shown"
            value={shown}
            onChange={(event) =>
              setShown((event.currentTarget as HTMLSelectElement).value as Shown)
            }
          >
            {SHOWN.map((kind) => (
              <option key={kind} value={kind}>
                {t(SHOWN_KEYS[kind], formatNumber(counts[kind]))}
              </option>
            ))}
          </select>
        </div>
        <p class="book-count" role="status" data-total={total}>
          {folded === ''
            ? tPlural('contactsTotal', total)
            : tPlural('contactsMatches', hits.length)}
        </p>
        {hits.length === 0 ? (
          <p class="empty">{folded === '' ? t('contactsNone') : t('contactsNoMatch')}</p>
        ) : (
          <VirtualList<Hit>
            items={hits}
            label={t('contactsList')}
            height={hasNotice(book) ? LIST_HEIGHT - NOTICE_HEIGHT : LIST_HEIGHT}
            itemKey={(hit) => hit.entry.userName}
            onVisible={(items) => setVisible(items.map((hit) => hit.entry.userName))}
            render={(hit) => (
              <ContactRow
                entry={hit.entry}
                match={hit.match}
                avatar={avatars[hit.entry.userName]}
                onOpen={setOpen}
              />
            )}
          />
        )}
      </div>
    </>
  );
}

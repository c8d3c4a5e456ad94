import { ContactBookView } from './ContactBookView';
import { useContactBook } from './use-contact-book';

/**
 * The Contacts tab's content. The book is asked for when the dashboard has been painted
 * (useContactBook's effect runs after paint), not when the tab is clicked: the message with
 * 5,000 entries takes ~40 ms, and opening the tab then draws from memory.
 */
export function ContactsPanel() {
  const { book, refresh } = useContactBook();
  return <ContactBookView book={book} refresh={refresh} />;
}

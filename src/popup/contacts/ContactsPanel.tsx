import { useEffect, useState } from 'preact/hooks';
import { ContactBookView } from './ContactBookView';
import { useContactBook } from './use-contact-book';

/**
 * The Contacts tab's content. The book is asked for only once the tab is first opened, so
 * the popup's opening costs nothing for it; after that it stays, and switching tabs is free.
 */
export function ContactsPanel({ active }: { active: boolean }) {
  const [opened, setOpened] = useState(active);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  return opened ? <Loaded /> : null;
}

function Loaded() {
  const { book, refresh } = useContactBook();
  return <ContactBookView book={book} refresh={refresh} />;
}

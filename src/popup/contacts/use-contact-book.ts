import { useEffect, useState } from 'preact/hooks';
import type { BookView } from '../../shared/contact-book';
import { send } from '../../ui/messaging';

/** How often the popup asks again while the background is still paging (§10). */
const POLL_MS = 1_500;

/**
 * The address book from the background: asked for once when the Contacts tab opens, then
 * again every POLL_MS while a fetch runs. `refresh` asks for a full fetch.
 */
export function useContactBook(): {
  book: BookView | null;
  refresh: () => void;
} {
  const [book, setBook] = useState<BookView | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      send('getContactBook', {})
        .then((view) => {
          if (!alive) return;
          setBook(view);
          if (view.state === 'fetching') timer = setTimeout(ask, POLL_MS);
        })
        .catch((error: unknown) => console.warn('[contacts] getContactBook:', error));
    };
    ask();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [asked]);
  const refresh = () => {
    send('refreshContactBook', {})
      .then((view) => {
        setBook(view);
        setAsked((n) => n + 1);
      })
      .catch((error: unknown) => console.warn('[contacts] refreshContactBook:', error));
  };
  return { book, refresh };
}

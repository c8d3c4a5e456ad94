import type { BookHandlers } from '../handlers';
import type { BookAvatars } from './avatars';
import { AVATARS_PER_REQUEST } from './avatars';
import type { ContactBook } from './keeper';

/** The book's answers to the popup: its view, a refresh on request, avatars of rows on screen. */
export function bookHandlers(book: ContactBook, avatars: BookAvatars): BookHandlers {
  return {
    view: () => book.view(),
    async refresh() {
      // The popup is answered at once; it asks again for the result.
      book.refresh().catch((error: unknown) => console.warn('[book] refresh:', error));
      return { ...(await book.view()), state: 'fetching' };
    },
    async avatars(userNames) {
      const wanted = new Set(userNames.slice(0, AVATARS_PER_REQUEST));
      // Only avatars of the book's own entries: the popup names contacts, never URLs.
      const entries = (await book.entries()).filter((e) => wanted.has(e.userName));
      return avatars.get(entries);
    },
  };
}

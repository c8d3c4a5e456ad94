import { useEffect, useMemo } from 'preact/hooks';
import type { BookEntry } from '../../wechat';
import type { Searchable } from './match';
import { prepareBook } from './order';

/**
 * The book's search data, made once per book right after the first rows are painted (so the
 * first keystroke finds it ready), or on the spot if a query comes first.
 */
export function usePrepared(sorted: readonly BookEntry[]): { get(): Searchable[] } {
  const holder = useMemo(() => {
    let made: Searchable[] | null = null;
    return {
      get() {
        made ??= prepareBook(sorted);
        return made;
      },
    };
  }, [sorted]);
  useEffect(() => {
    const timer = setTimeout(() => holder.get(), 50);
    return () => clearTimeout(timer);
  }, [holder]);
  return holder;
}

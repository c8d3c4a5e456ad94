import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Fixed row height (px): popup.css gives .book-item the same. */
export const ROW_HEIGHT = 48;
/** Rows drawn above and below the visible ones, so a short scroll shows no gap. */
const OVERSCAN = 4;

/**
 * A list that draws only the rows in view (plus a few): the number of elements follows the
 * viewport, not the size of the book. Each row says its place in the whole list
 * (aria-setsize / aria-posinset), so a screen reader announces "12 of 5,000".
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  label: string;
  height: number;
  itemKey: (item: T) => string;
  render: (item: T) => ComponentChildren;
  onVisible?: (items: readonly T[]) => void;
}) {
  const { items, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // A new list (another query) starts at its top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [items]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const shown = items.slice(first, last);
  const inView = items.slice(
    Math.floor(top / ROW_HEIGHT),
    Math.min(items.length, Math.ceil((top + height) / ROW_HEIGHT)),
  );
  const { onVisible } = props;
  useEffect(() => onVisible?.(inView), [first, last, items]);
  return (
    <div
      ref={box}
      class="book-scroll"
      style={{ height: `${height}px` }}
      onScroll={(event) => setTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div
        class="book-list"
        role="list"
        aria-label={props.label}
        style={{ height: `${items.length * ROW_HEIGHT}px` }}
      >
        {shown.map((item, i) => (
          <div
            key={props.itemKey(item)}
            class="book-item"
            role="listitem"
            aria-setsize={items.length}
            aria-posinset={first + i + 1}
            style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
          >
            {props.render(item)}
          </div>
        ))}
      </div>
    </div>
  );
}

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

  /**
   * Up/Down, Page Up/Down, Home/End move the focus between rows, also to rows not drawn yet:
   * the list scrolls the row into view, then focuses its button once it is drawn.
   */
  const onKeyDown = (event: KeyboardEvent) => {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const scroller = box.current;
    if (!from || !scroller) return;
    const at = Number(from.dataset['index']);
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: items.length - 1,
    };
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, wanted));
    const rowTop = next * ROW_HEIGHT;
    if (rowTop < scroller.scrollTop) scroller.scrollTop = rowTop;
    else if (rowTop + ROW_HEIGHT > scroller.scrollTop + height) {
      scroller.scrollTop = rowTop + ROW_HEIGHT - height;
    }
    setTop(scroller.scrollTop);
    const focus = () => {
      const row = scroller.querySelector<HTMLElement>(`[data-index="${next}"] button`);
      if (row) row.focus();
      else requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  };
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
        onKeyDown={onKeyDown}
      >
        {shown.map((item, i) => (
          <div
            key={props.itemKey(item)}
            class="book-item"
            role="listitem"
            aria-setsize={items.length}
            aria-posinset={first + i + 1}
            data-index={first + i}
            style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
          >
            {props.render(item)}
          </div>
        ))}
      </div>
    </div>
  );
}

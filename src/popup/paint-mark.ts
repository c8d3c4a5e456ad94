import { useLayoutEffect } from 'preact/hooks';

/**
 * A User Timing mark, `popup:<view>`, on the frame that first paints each kind of view: how
 * `npm run bench` times the real toolbar popup, where nothing can be injected before the
 * page's own scripts (it shows in the browser's performance tools as well).
 */
export function usePaintMark(view: string): void {
  useLayoutEffect(() => {
    const name = `popup:${view}`;
    if (performance.getEntriesByName(name).length > 0) return;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(name).length === 0) performance.mark(name);
    });
  }, [view]);
}

/**
 * The WAI-ARIA tabs pattern's keys: ArrowLeft/ArrowRight move to the previous/next tab
 * (wrapping), Home/End to the first/last. Any other key: null, the browser handles it.
 */
export function tabAfterKey<T>(key: string, tabs: readonly T[], current: T): T | null {
  const last = tabs.length - 1;
  const at = tabs.indexOf(current);
  if (last < 0 || at < 0) return null;
  switch (key) {
    case 'ArrowRight':
      return tabs[at === last ? 0 : at + 1] ?? null;
    case 'ArrowLeft':
      return tabs[at === 0 ? last : at - 1] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[last] ?? null;
    default:
      return null;
  }
}

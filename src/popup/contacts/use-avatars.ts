import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../ui/messaging';

/** Rows must stay on screen this long before their avatars are asked for (fast scrolling). */
const SETTLE_MS = 120;

/**
 * Avatars of the rows on screen only (docs/protocol.md §12): after scrolling settles, the
 * background is asked for the visible rows it has not answered yet. `null` = placeholder.
 */
export function useVisibleAvatars(
  visible: readonly string[],
): Readonly<Record<string, string | null>> {
  const [avatars, setAvatars] = useState<Record<string, string | null>>({});
  const asked = useRef(new Set<string>());
  const key = visible.join(',');
  useEffect(() => {
    const wanted = visible.filter((name) => !asked.current.has(name));
    if (wanted.length === 0) return;
    const timer = setTimeout(() => {
      for (const name of wanted) asked.current.add(name);
      send('getContactAvatars', { userNames: wanted })
        .then((found) => setAvatars((before) => ({ ...before, ...found })))
        .catch((error: unknown) => {
          for (const name of wanted) asked.current.delete(name);
          console.warn('[contacts] avatars:', error);
        });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return avatars;
}

/**
 * The local send limit. docs/protocol.md §15, §20: WeChat answers 1205 to a burst (users
 * measured about 60 quick sends; one a second went through), and a 1205 can end web sign-in
 * for the account. Ten a minute stays far below that and is plenty for replies typed by hand.
 */
export const SENDS_PER_WINDOW = 10;
export const WINDOW_MS = 60_000;

export type Gate = { readonly ok: true } | { readonly ok: false; readonly retryAt: number };

/** A sliding window: at most `max` takes in any `windowMs`. */
export function createRateLimit(now: () => number, max = SENDS_PER_WINDOW, windowMs = WINDOW_MS) {
  const taken: number[] = [];
  return {
    take(): Gate {
      const at = now();
      while (taken.length > 0 && (taken[0] ?? 0) <= at - windowMs) taken.shift();
      if (taken.length >= max) return { ok: false, retryAt: (taken[0] ?? at) + windowMs };
      taken.push(at);
      return { ok: true };
    },
  };
}

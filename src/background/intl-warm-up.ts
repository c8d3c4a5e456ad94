/**
 * The first Intl number or date formatter made in a renderer process sets up ICU (its data, the
 * time zone): 20–40 ms on a 2-core machine, once per process; later ones, in any of the
 * process's pages or its worker, take under 1 ms. The worker shares its process with the
 * extension's pages, so when it starts signed in (the browser started with a kept session) it
 * makes a number and a date formatter of its own (of the kinds the dashboard uses, ui/i18n.ts),
 * in idle time, and the popup's first opening paints the dashboard without ICU's set-up: on a
 * restarted Chromium its first paint came at 68 ms instead of 76 (alternating runs, median of 8).
 */

/** After the worker's own start-up and its first sync check. */
export const INTL_WARM_UP_DELAY_MS = 1_000;

export function warmIntlSoon(
  language: string,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
): void {
  schedule(() => {
    try {
      new Intl.NumberFormat(language).format(0);
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
    } catch {
      // A tag Intl refuses (a translation without its `lang`): only a warm-up is lost.
    }
  }, INTL_WARM_UP_DELAY_MS);
}

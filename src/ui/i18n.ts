import { browser } from './ext';
import { pluralKey } from './plural';

/** Every user-visible string comes from _locales (English and Simplified Chinese). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language of the translation the pages show, from the catalog itself (`lang`). Not
 * i18n.getUILanguage(): that is the browser's language, which differs whenever the browser's
 * language has no catalog here and the default (English) is shown.
 */
export const uiLanguage = (): string => t('lang');

/**
 * One formatter per language, made once: an Intl constructor costs far more than a format, and
 * a dashboard formats a number or picks a plural on every row.
 */
function perLanguage<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => {
    let value = made.get(language);
    if (value === undefined) made.set(language, (value = make(language)));
    return value;
  };
}
const numberFormat = perLanguage((language) => new Intl.NumberFormat(language));
const pluralRules = perLanguage((language) => new Intl.PluralRules(language));
const dateTimeFormat = perLanguage(
  (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
);
const dayFormat = perLanguage(
  (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
);
const clockFormat = perLanguage(
  (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
);

/** A number written the way the shown language writes it. */
export const formatNumber = (n: number): string => numberFormat(uiLanguage()).format(n);

/** A moment (ms since the epoch) as a date and a time: when an article was pushed. */
export const formatDateTime = (ms: number): string => dateTimeFormat(uiLanguage()).format(ms);

/** The day of a moment (ms since the epoch): a chat's day separator. */
export const formatDay = (ms: number): string => dayFormat(uiLanguage()).format(ms);

/** The hour and minute of a moment (ms since the epoch): beside a chat message. */
export const formatClock = (ms: number): string => clockFormat(uiLanguage()).format(ms);

/**
 * Makes the shown language's formatters before they are needed. The first Intl number or date
 * formatter in a renderer costs 20–40 ms in Chromium on a 2-core machine (ICU's set-up, the time
 * zone; later ones take well under 1 ms), paid once per process: the popup pays it while a
 * person scans the QR rather than after confirm, when the dashboard renders (npm run bench:
 * confirm → dashboard).
 */
export function prepareFormatters(): void {
  const language = uiLanguage();
  numberFormat(language).format(0);
  pluralRules(language).select(0);
  for (const format of [dateTimeFormat, dayFormat, clockFormat]) format(language).format(0);
}

/**
 * A message with a count: `key_one`, `key_other` … picked by the shown language's plural
 * rules; the count is the first substitution, formatted for that language.
 */
export function tPlural(key: string, count: number, ...more: string[]): string {
  const name = pluralKey(key, pluralRules(uiLanguage()).select(count), (k) =>
    Boolean(browser.i18n.getMessage(k)),
  );
  return t(name, [formatNumber(count), ...more]);
}

/** The page follows the shown translation: <html lang> and <title>. */
export function localizePage(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}

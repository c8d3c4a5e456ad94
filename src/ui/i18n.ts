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

/** A number written the way the shown language writes it. */
export const formatNumber = (n: number): string => new Intl.NumberFormat(uiLanguage()).format(n);

/**
 * A message with a count: `key_one`, `key_other` … picked by the shown language's plural
 * rules; the count is the first substitution, formatted for that language.
 */
export function tPlural(key: string, count: number, ...more: string[]): string {
  const name = pluralKey(key, new Intl.PluralRules(uiLanguage()).select(count), (k) =>
    Boolean(browser.i18n.getMessage(k)),
  );
  return t(name, [formatNumber(count), ...more]);
}

/** The page follows the shown translation: <html lang> and <title>. */
export function localizePage(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}

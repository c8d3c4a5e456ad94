import browser from 'webextension-polyfill';

/** Every user-visible string comes from _locales (English and Simplified Chinese). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export const uiLanguage = (): string => browser.i18n.getUILanguage();

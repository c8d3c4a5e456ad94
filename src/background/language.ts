import browser from 'webextension-polyfill';

export type WeChatLang = 'zh_CN' | 'en_US';

/** WeChat's `lang` for a page's locale: Chinese for any zh locale, English otherwise. */
export function wechatLang(locale: string): WeChatLang {
  return locale.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en_US';
}

export interface LanguageChoice {
  /** The lang to send with the next request. */
  current(): WeChatLang;
  /** A page said which translation it shows (shared/messages.ts Envelope.locale). */
  follow(locale: string): void;
}

/**
 * WeChat's lang follows the translation the pages show (_locales: wechatLang), sent with every
 * message: a worker's own locale can differ from its pages'. Until a page speaks, the
 * worker's own translation decides.
 */
export function installLanguage(): LanguageChoice {
  let lang = wechatLang(browser.i18n.getMessage('wechatLang'));
  return {
    current: () => lang,
    follow: (locale) => {
      lang = wechatLang(locale);
    },
  };
}

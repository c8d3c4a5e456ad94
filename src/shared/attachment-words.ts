import type { Attachment } from '../wechat';

/**
 * The catalog key (_locales) that names what a message carries: the notifier's text for a
 * message that is not text, and the chat view's label for it.
 */
export const ATTACHMENT_WORDS: { readonly [A in Attachment]: string } = {
  image: 'msgImage',
  voice: 'msgVoice',
  card: 'msgCard',
  video: 'msgVideo',
  sticker: 'msgSticker',
  location: 'msgLocation',
  link: 'msgLink',
  file: 'msgFile',
  unknown: 'msgOther',
};

import { send } from '../ui/messaging';

/**
 * The popup's first question to the background, asked as soon as this module is evaluated,
 * before the views render: the QR is one WeChat round trip away, and the page's own
 * start-up should not come first (npm run bench: open-to-QR).
 */
export const firstState = send('getState', {});

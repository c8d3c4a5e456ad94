import type { Browser } from 'webextension-polyfill';

/**
 * The pages' extension API: `browser` in Firefox, `chrome` in Chromium, whose Manifest V3
 * methods return promises as well (Chrome 120+, the manifest's minimum). The pages need
 * nothing more, so the popup does without the polyfill: less to load and evaluate before its
 * first question to the background (npm run bench). The background keeps the polyfill.
 */
const scope = globalThis as { browser?: Browser; chrome?: Browser };
export const browser = (scope.browser ?? scope.chrome) as Browser;

import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const distChrome = `${repoRoot}dist/chrome`;
export const distFirefox = `${repoRoot}dist/firefox`;
export const screenshotDir = `${repoRoot}artifacts/screenshots`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

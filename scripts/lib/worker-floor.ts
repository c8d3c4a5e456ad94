import { openingRoutes } from '../../src/background/popup-opening';
import { POPUP_PATH } from '../../test/e2e/harness/popup-page';
import { buildCopy } from './build-copy';

/**
 * The worker floor: what a stopped service worker costs before its first request when it holds
 * nothing of ours. A copy of the build whose worker is woken as ours is, by the popup's
 * navigation (src/background/popup-opening.ts: the same `openingRoutes`, a fetch listener), and
 * sends the same jslogin request then (docs/protocol.md §2); the popup's `getState` gets that
 * QR, so the popup paints as usual and `popup-open.ts` times it like the real worker. Other
 * questions get no answer (the popup then retries; the bench has what it measured by then).
 */
const FLOOR_WORKER = `
const APPID = 'wx782c26e4c19acffb';
const POPUP = '/${POPUP_PATH}';
let qr = null;
function issueQr() {
  const url = 'https://login.wx.qq.com/jslogin?appid=' + APPID + '&fun=new&lang=en_US&_=' + Date.now();
  qr ??= fetch(url)
    .then((response) => response.text())
    .then((text) => 'https://login.weixin.qq.com/l/' + ((/uuid = "([^"]+)"/.exec(text) || [])[1] || ''));
  return qr;
}
self.addEventListener('install', (event) => {
  event.waitUntil(event.addRoutes(${JSON.stringify(openingRoutes(POPUP_PATH))}));
});
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate' && new URL(event.request.url).pathname === POPUP) issueQr();
});
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (!message || message.name !== 'getState') return false;
  issueQr()
    .then((qrText) => reply({ ok: true, response: { type: 'qr', qrText, notice: null, account: null } }))
    .catch((error) => reply({ ok: false, error: String(error) }));
  return true;
});
`;

/** A copy of dist/chrome whose worker is the floor worker above (removeBuildCopy deletes it). */
export function workerFloorCopy(): string {
  return buildCopy({ 'service-worker-loader.js': FLOOR_WORKER });
}

import { buildCopy } from './build-copy';

/**
 * The worker floor: what a stopped service worker costs before its first request when it holds
 * nothing of ours. A copy of the build whose worker is one listener: on the popup's `getState`
 * it sends the same jslogin request (docs/protocol.md §2) and answers with the QR, so the popup
 * paints as usual and `popup-open.ts` times it like the real worker. Other questions get no
 * answer (the popup then retries; the bench has what it measured by then).
 */
const FLOOR_WORKER = `
const APPID = 'wx782c26e4c19acffb';
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (!message || message.name !== 'getState') return false;
  const url = 'https://login.wx.qq.com/jslogin?appid=' + APPID + '&fun=new&lang=en_US&_=' + Date.now();
  fetch(url)
    .then((response) => response.text())
    .then((text) => {
      const uuid = (/uuid = "([^"]+)"/.exec(text) || [])[1] || '';
      const qrText = 'https://login.weixin.qq.com/l/' + uuid;
      reply({ ok: true, response: { type: 'qr', qrText, notice: null, account: null } });
    })
    .catch((error) => reply({ ok: false, error: String(error) }));
  return true;
});
`;

/** A copy of dist/chrome whose worker is the floor worker above (removeBuildCopy deletes it). */
export function workerFloorCopy(): string {
  return buildCopy({ 'service-worker-loader.js': FLOOR_WORKER });
}

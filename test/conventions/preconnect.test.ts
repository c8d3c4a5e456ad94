import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_HOST } from '../../src/wechat/hosts';

const popupHtml = readFileSync(new URL('../../src/popup/index.html', import.meta.url), 'utf8');

const preconnects = [...popupHtml.matchAll(/<link\s+rel="preconnect"\s+href="([^"]+)"/g)].map(
  (m) => m[1],
);

// The popup opens its connection to the login host before the background asks for a QR; a
// preconnect to any other host would be a connection paid for nothing.
describe('the popup preconnects', () => {
  it('to the host the client asks for a login uuid, and nowhere else', () => {
    expect(preconnects).toEqual([`https://${DEFAULT_LOGIN_HOST}`]);
  });

  it('before its stylesheets and scripts are fetched', () => {
    const at = popupHtml.indexOf('rel="preconnect"');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(popupHtml.indexOf('rel="stylesheet"'));
    expect(at).toBeLessThan(popupHtml.indexOf('<script'));
  });
});

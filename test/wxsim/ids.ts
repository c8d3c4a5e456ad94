/** Identifier shapes from docs/protocol.md §2 (uuid), §4 (ticket), §7 (uin/sid/skey/pass_ticket/MsgId). */
import { randomBytes, randomInt } from 'node:crypto';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pick(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)] ?? 'A';
  return s;
}

const b64url = (n: number): string =>
  randomBytes(n).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
/**
 * 12 chars ending `==`: URL-safe base64 of 7 bytes, so the 10th char is one of A/Q/g/w exactly
 * like the samples `gbyKnbsmqQ==`, `4dcaWx3uBw==`, `gd94hc3_fg==` (§2).
 */
export const newUuid = (): string => b64url(7);
/** 24 URL-safe base64 chars (18 bytes) + `@qrticket_0` (§4, `AaXdHpmbWGYo_ZOk7ylAnnCY`). */
export const newTicket = (): string => b64url(18) + '@qrticket_0';
/** 16 chars of base64 that can contain `+` and `/` (e.g. `XlfdM+/3gvmAjCoh`). */
export const newSid = (): string => {
  const s = pick(B64, 16);
  // Make sure every session id exercises the URL-encoding pitfall of §7.
  return s.slice(0, 5) + '+/' + s.slice(7);
};
/** `@crypt_<8 hex>_<32 hex>`. */
export const newSkey = (): string =>
  `@crypt_${randomBytes(4).toString('hex')}_${randomBytes(16).toString('hex')}`;
/** Raw (not yet percent-encoded) base64 pass_ticket, 64 chars incl. `+`, `/`, `=`. */
export const newPassTicket = (): string => {
  const s = randomBytes(47).toString('base64'); // 64 chars ending '='
  return s.slice(0, 10) + '+' + s.slice(11, 20) + '/' + s.slice(21);
};
/** webwx_data_ticket: 24 base64 chars. */
export const newDataTicket = (): string => randomBytes(18).toString('base64');
export const newAuthTicket = (): string => randomBytes(48).toString('base64');
/** webwxuvid: 96 hex chars. */
export const newUvid = (): string => randomBytes(48).toString('hex');
/** 19-digit message id below 2^63 (first digit 1–8) so it still fits a signed int64. */
export const newMsgId = (): string => String(randomInt(1, 9)) + pick('0123456789', 18);

/** Deterministic PRNG (mulberry32) for the generated accounts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hexFrom(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

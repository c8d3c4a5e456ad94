import { describe, expect, it } from 'vitest';
import { parseLoginXml } from './parse-login-xml';
import { block, CTX, fixtureBlocks, thrownBy } from '../../test/support/wechat';

const CAPTURE_2018 =
  '<error><ret>0</ret><message></message><skey>@crypt_63d18dea_a7de6934c67e2f89ac399fa35b689a50</skey><wxsid>5YpLHmVgWwH5LxN1</wxsid><wxuin>176666155</wxuin><pass_ticket>kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D</pass_ticket><isgrayscale>1</isgrayscale></error>';

describe('parseLoginXml success (docs/protocol.md §5.2)', () => {
  it('reads the recorded wechat4u reply', () => {
    expect(
      parseLoginXml(block('wechat4u_nock_inline_bodies.txt', 'webwxnewloginpage'), CTX),
    ).toEqual({
      uin: 155217200,
      sid: 'PsWd4FvKROR5EVcG',
      skey: '@crypt_8e4ad7fa_2703a47aaf8cd4d3e61b855795e38568',
      passTicket: 'VgRra8tyYbvfTTS3LVlIHdFob0XowE6%2BZV9X1PB9w9w%3D',
    });
  });

  it('keeps pass_ticket percent-encoded and a uin above 2^31 exact', () => {
    const xml = CAPTURE_2018.replace('176666155', '2801122386');
    const tokens = parseLoginXml(xml, CTX);
    expect(tokens.uin).toBe(2801122386);
    expect(tokens.passTicket).toBe('kbmy5Jt9nj%2BJzBaJZYNpUBQyBwRTejeXq1sM%2FYH7iOI%3D');
    expect(tokens.sid).toBe('5YpLHmVgWwH5LxN1');
  });

  it('does not coerce numeric-looking values (pass_ticket, sid stay strings)', () => {
    const xml = CAPTURE_2018.replace(
      /<pass_ticket>.*<\/pass_ticket>/,
      '<pass_ticket>1e5</pass_ticket>',
    ).replace('5YpLHmVgWwH5LxN1', '0012');
    const tokens = parseLoginXml(xml, CTX);
    expect(tokens.passTicket).toBe('1e5');
    expect(tokens.sid).toBe('0012');
  });
});

describe('parseLoginXml refusals (docs/protocol.md §5.3)', () => {
  const blocked = fixtureBlocks('puppet-wechat_1203_blocked.txt');
  const samples = fixtureBlocks('issue_samples.txt').filter((b) => b.title.includes('1203'));

  it.each([...blocked, ...samples].map((b) => [b.title, b.body]))(
    '%s -> LoginBlocked 1203 with the server message',
    (_title, body) => {
      const error = thrownBy(() => parseLoginXml(body, CTX));
      expect(error.name).toBe('LoginBlocked');
      expect(error.code).toBe(1203);
      expect(error.serverMessage).toMatch(/./);
      expect(error.serverMessage).not.toMatch(/<|&lt;/);
    },
  );

  it('unwraps the <pre>-escaped browser form to the same message as the raw XML', () => {
    const pre = thrownBy(() => parseLoginXml(blocked[0]!.body, CTX));
    const raw = thrownBy(() => parseLoginXml(blocked[1]!.body, CTX));
    expect(pre.serverMessage).toBe(
      '当前登录环境异常。为了你的帐号安全，暂时不能登录web微信。你可以通过Windows微信、Mac微信或者手机客户端微信登录。',
    );
    expect(raw.serverMessage).toBe(pre.serverMessage);
  });

  it('reads "check ticket failed" with whitespace around the tags', () => {
    const body = block('issue_samples.txt', 'check ticket failed');
    expect(thrownBy(() => parseLoginXml(body, CTX)).serverMessage).toBe('check ticket failed');
  });

  it('treats ret 0 without wxsid/wxuin/skey as blocked, with the message', () => {
    for (const tag of ['skey', 'wxsid', 'wxuin']) {
      const xml = CAPTURE_2018.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), '').replace(
        '<message></message>',
        '<message>limited</message>',
      );
      const error = thrownBy(() => parseLoginXml(xml, CTX));
      expect(error.name).toBe('LoginBlocked');
      expect(error.serverMessage).toBe('limited');
    }
  });

  it('still reports a refusal when the XML is not well-formed (raw & in the message)', () => {
    const error = thrownBy(() =>
      parseLoginXml('<error><ret>1203</ret><message>Mac & Windows only</message></error>', CTX),
    );
    expect(error.name).toBe('LoginBlocked');
    expect(error.serverMessage).toBe('Mac & Windows only');
  });
});

describe('parseLoginXml hostile input', () => {
  it.each([
    ['an HTML page', '<html><head><title>x</title></head><body>hello</body></html>'],
    ['plain text', 'Bad Gateway'],
    ['empty', ''],
    ['a truncated reply', CAPTURE_2018.slice(0, 120)],
    ['a wrong root', '<ok><ret>0</ret></ok>'],
    ['nested ret', '<error><ret><b>0</b></ret></error>'],
    ['a non-numeric uin', CAPTURE_2018.replace('176666155', '17666x155')],
    ['a uin above 2^32', CAPTURE_2018.replace('176666155', '4294967296')],
    ['a pass_ticket with &', CAPTURE_2018.replace('kbmy5Jt9', 'kb&amp;x=1')],
    [
      'a DOCTYPE entity bomb',
      '<!DOCTYPE e [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><error><ret>0</ret><message>&b;</message></error>',
    ],
  ])('%s -> Malformed', (_label, body) => {
    expect(thrownBy(() => parseLoginXml(body, CTX)).name).toBe('Malformed');
  });

  it('parses a 5 MB message without trouble', () => {
    const body = `<error><ret>1203</ret><message>${'x'.repeat(5 * 1024 * 1024)}</message></error>`;
    const started = performance.now();
    expect(thrownBy(() => parseLoginXml(body, CTX)).serverMessage).toHaveLength(5 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

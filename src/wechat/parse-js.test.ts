import { describe, expect, it } from 'vitest';
import { WeChatError } from './errors';
import { parseJsLogin, parseLoginPoll, parseSyncCheck } from './parse-js';
import { block, CTX, fixtureBlocks } from '../../test/support/wechat';

const NOCK = 'wechat4u_nock_inline_bodies.txt';

function malformedOf(run: () => unknown): WeChatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeChatError);
    expect((error as WeChatError).name).toBe('Malformed');
    return error as WeChatError;
  }
  throw new Error('expected a Malformed error');
}

describe('parseJsLogin (docs/protocol.md §2)', () => {
  it('reads code and uuid from the recorded reply', () => {
    expect(parseJsLogin(block(NOCK, 'jslogin'), CTX)).toEqual({ code: 200, uuid: '4dcaWx3uBw==' });
  });

  it('reads the CAPTURE-2018 shape and the failure form without uuid', () => {
    expect(
      parseJsLogin('window.QRLogin.code = 200; window.QRLogin.uuid = "gd94hc3_fg==";', CTX),
    ).toEqual({ code: 200, uuid: 'gd94hc3_fg==' });
    expect(parseJsLogin(block('issue_samples.txt', 'jslogin failure'), CTX)).toEqual({ code: 400 });
  });

  it.each([
    '',
    'window.QRLogin.uuid = "abc";',
    'alert(1); window.QRLogin.code = 200;',
    'window.QRLogin.code = 200; window.QRLogin.uuid = "a"; alert(1)',
    'window.QRLogin.code = "200";',
    '<html>502 Bad Gateway</html>',
  ])('rejects %j as Malformed', (body) => {
    const error = malformedOf(() => parseJsLogin(body, CTX));
    expect(error.operation).toBe('test');
    expect(error.url).toBe(CTX.url);
  });
});

describe('parseLoginPoll (docs/protocol.md §4)', () => {
  it('reads the recorded 201 and 200 replies', () => {
    expect(parseLoginPoll(block(NOCK, 'tip=1'), CTX)).toEqual({ code: 201 });
    expect(parseLoginPoll(block(NOCK, 'tip=0'), CTX)).toEqual({
      code: 200,
      redirectUri:
        'https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=A6NZxcl2chBSJUFYj9hPlKMV@qrticket_0&uuid=4dcaWx3uBw==&lang=zh_CN&scan=1463755895',
    });
  });

  it('reads 408, 400, and 201 with the single-quoted avatar', () => {
    expect(parseLoginPoll('window.code=408;', CTX)).toEqual({ code: 408 });
    expect(parseLoginPoll('window.code=400;', CTX)).toEqual({ code: 400 });
    expect(
      parseLoginPoll(
        "window.code=201;window.userAvatar = 'data:img/jpg;base64,/9j/4AAQSkZJRg==';",
        CTX,
      ),
    ).toEqual({ code: 201, avatar: 'data:img/jpg;base64,/9j/4AAQSkZJRg==' });
  });

  it('accepts `;` or newline separation (WECHAT4J-DOC vs CAPTURE-2018)', () => {
    const uri =
      'https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t@qrticket_0&uuid=u==';
    const expected = { code: 200, redirectUri: uri };
    expect(parseLoginPoll(`window.code=200;window.redirect_uri="${uri}";`, CTX)).toEqual(expected);
    expect(parseLoginPoll(`window.code=200;\nwindow.redirect_uri="${uri}";`, CTX)).toEqual(
      expected,
    );
    expect(parseLoginPoll(`window.code=200\nwindow.redirect_uri="${uri}"\n`, CTX)).toEqual(
      expected,
    );
    expect(parseLoginPoll(`window.code = 200;\r\n window.redirect_uri = "${uri}";`, CTX)).toEqual(
      expected,
    );
  });

  it('handles a 5 MB avatar linearly', () => {
    const avatar = `data:img/jpg;base64,${'A'.repeat(5 * 1024 * 1024)}`;
    const started = performance.now();
    expect(
      parseLoginPoll(`window.code=201;window.userAvatar = '${avatar}';`, CTX).avatar,
    ).toHaveLength(avatar.length);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    'window.code=201;window.userAvatar = \'x\'; fetch("//evil")',
    'window.code=;',
    'window.redirect_uri="https://wx.qq.com/";',
    'window.code=200;window.redirect_uri="https://wx.qq.com/"+document.cookie;',
    `window.code=201;${"window.userAvatar = 'x'".repeat(3)}${'('.repeat(100_000)}`,
  ])('rejects %j as Malformed', (body) => {
    malformedOf(() => parseLoginPoll(body, CTX));
  });
});

describe('parseSyncCheck (docs/protocol.md §13)', () => {
  it('reads every recorded synccheck body', () => {
    const recorded = block(NOCK, 'synccheck').split('\n');
    expect(recorded.map((b) => parseSyncCheck(b, CTX))).toEqual([
      { retcode: 0, selector: 0 },
      { retcode: 0, selector: 2 },
      { retcode: 2, selector: 2 },
    ]);
    const seen = fixtureBlocks('issue_samples.txt')
      .find((b) => b.title.startsWith('synccheck bodies'))!
      .body.split('\n')
      .map((line) => parseSyncCheck(line.split('#')[0]!.trim(), CTX));
    expect(seen).toEqual([
      { retcode: 1100, selector: 0 },
      { retcode: 1101, selector: 0 },
      { retcode: 1102, selector: 0 },
      { retcode: 0, selector: 3 },
      { retcode: 0, selector: 6 },
      { retcode: 0, selector: 2 },
    ]);
  });

  it('accepts a trailing semicolon and whitespace', () => {
    expect(parseSyncCheck('window.synccheck={retcode:"0",selector:"7"};\n', CTX)).toEqual({
      retcode: 0,
      selector: 7,
    });
  });

  it.each([
    'window.synccheck={retcode:0,selector:2}',
    'window.synccheck={"retcode":"0","selector":"2"}',
    'window.synccheck={retcode:"0"}',
    'window.code=408;',
    'window.synccheck={retcode:"0",selector:"2"} + alert(1)',
    '',
  ])('rejects %j as Malformed', (body) => {
    malformedOf(() => parseSyncCheck(body, CTX));
  });
});

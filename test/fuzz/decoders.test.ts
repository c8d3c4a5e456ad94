/**
 * Fuzzing every decoder of the library: recorded replies (test/fixtures/wechat), mutated by
 * fast-check, must decode into values or fail with a named WeChatError — never another throw,
 * never a hang, and never a result that carries an unsafe URL. The run is bounded (FUZZ_RUNS
 * per decoder, default 400) and seeded (FUZZ_SEED), so a failure replays.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeChatError } from '../../src/wechat/errors';
import { parseGroupMembers } from '../../src/wechat/group-members';
import { hostsFor } from '../../src/wechat/hosts';
import { decodeMessage } from '../../src/wechat/message';
import { parseArticlePush } from '../../src/wechat/parse-appmsg';
import { parseJsLogin, parseLoginPoll, parseSyncCheck } from '../../src/wechat/parse-js';
import {
  parseBatchGetContact,
  parseGetContact,
  parseInit,
  parsePushLogin,
  parseStatusNotify,
  parseSync,
} from '../../src/wechat/parse-json';
import { parseLoginXml } from '../../src/wechat/parse-login-xml';
import { CTX, fixture, fixtureBlocks } from '../support/wechat';
import { buildAccount } from '../wxsim/accounts';
import { wxJson } from '../wxsim/http-util';
import { articleMessage, statusNotifyMessage, textMessage } from '../wxsim/messages';
import { mutatedReply } from './mutate';
import { unsafeUrls } from './unsafe-urls';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const SLOW_MS = 1_000;

const scope = { selfUserName: '@self', mainHost: 'wx2.qq.com' };
const sent = { syncKey: [{ key: 1, val: 1 }], skey: '@crypt_1' };

const blocks = (file: string, titlePart: string) =>
  fixtureBlocks(file)
    .filter((b) => b.title.includes(titlePart))
    .flatMap((b) => b.body.split('\n').filter((line) => line.trim() !== ''));
const NOCK = 'wechat4u_nock_inline_bodies.txt';
const firstGroup = String(
  (
    JSON.parse(fixture('wechat4u_webwxbatchgetcontact.json')) as {
      ContactList: { UserName: string }[];
    }
  ).ContactList[0]?.UserName,
);

const account = buildAccount('default');
const mp = account.mpSubscribe[0]!;
const group = [...account.groups.keys()][0]!;
// A webwxsync reply with one message of each kind the simulator can send.
const messagesSync = wxJson({
  ...JSON.parse(fixture('wechat4u_webwxsync.json')),
  AddMsgList: [
    articleMessage(account, mp.UserName, mp.MPArticleList),
    textMessage(account, group, 'hello <b>&amp;</b>'),
    statusNotifyMessage(account),
  ],
});

/** Every decoder, with the replies it is seeded from and how to call it. */
const DECODERS: Record<string, { seeds: string[]; decode: (body: string) => unknown }> = {
  parseJsLogin: {
    seeds: [...blocks(NOCK, 'jslogin'), 'window.QRLogin.code = 400; window.QRLogin.uuid = "";'],
    decode: (body) => parseJsLogin(body, CTX),
  },
  parseLoginPoll: {
    seeds: [
      ...blocks(NOCK, '/login?'),
      "window.code=201;window.userAvatar = 'data:img/jpg;base64,/9j/4A==';",
    ],
    decode: (body) => parseLoginPoll(body, CTX),
  },
  parseSyncCheck: {
    seeds: blocks(NOCK, 'synccheck'),
    decode: (body) => parseSyncCheck(body, CTX),
  },
  parseLoginXml: {
    seeds: [
      ...fixtureBlocks(NOCK)
        .filter((b) => b.title.includes('webwxnewloginpage'))
        .map((b) => b.body),
      ...fixtureBlocks('puppet-wechat_1203_blocked.txt').map((b) => b.body),
    ],
    decode: (body) => parseLoginXml(body, CTX),
  },
  parseInit: {
    seeds: [fixture('wechat4u_webwxinit.json')],
    decode: (body) => parseInit(body, CTX, 'wx2.qq.com', '@crypt_0'),
  },
  parseStatusNotify: {
    seeds: blocks(NOCK, 'webwxstatusnotify'),
    decode: (body) => parseStatusNotify(body, CTX),
  },
  parseSync: {
    seeds: [fixture('wechat4u_webwxsync.json'), messagesSync],
    decode: (body) => parseSync(body, CTX, scope, sent),
  },
  parseGetContact: {
    seeds: [fixture('wechat4u_webwxgetcontact.json')],
    decode: (body) => parseGetContact(body, CTX, scope),
  },
  parseBatchGetContact: {
    seeds: [fixture('wechat4u_webwxbatchgetcontact.json')],
    decode: (body) => parseBatchGetContact(body, CTX, scope),
  },
  parseGroupMembers: {
    seeds: [fixture('wechat4u_webwxbatchgetcontact.json')],
    // The fixture's first group; a mutated reply may name it or not.
    decode: (body) => parseGroupMembers(body, CTX, firstGroup),
  },
  parsePushLogin: {
    seeds: ['{"ret":"0","msg":"all ok","uuid":"4dcaWx3uBw=="}', '{"ret":"1","msg":"bad uin"}'],
    decode: (body) => parsePushLogin(body, CTX),
  },
  // These two take a message record: fed the messages of mutated webwxsync replies.
  decodeMessage: {
    seeds: [messagesSync],
    decode: (body) => parseSync(body, CTX, scope, sent).messages.map(decodeMessage),
  },
  parseArticlePush: {
    seeds: [messagesSync],
    decode: (body) => parseSync(body, CTX, scope, sent).messages.map(parseArticlePush),
  },
};

/** Pieces of the decoders above, reached through them rather than on their own. */
const PARTS: ReadonlySet<string> = new Set([
  'parseJsonObject', // the first step of every JSON decoder
  'decodeContact', // each contact of init, getcontact, batchgetcontact and sync
  'decodeBookEntry', // each contact of getcontact, batchgetcontact and sync, with its details
  'decodeDetails', // the card and pinyin fields of those
  'decodeSyncKey', // the key sets of init and sync
  'decodeUtf8', // bytes to text, before any decoder
]);

/** Runs one decode; a named error is an answer, anything else thrown is a finding. */
function outcome(decode: (body: string) => unknown, body: string): unknown {
  const started = performance.now();
  let result: unknown;
  try {
    result = decode(body);
  } catch (error) {
    if (!(error instanceof WeChatError)) {
      throw new Error(
        `threw ${String(error)} (not a named error) for ${JSON.stringify(body.slice(0, 300))}`,
      );
    }
    result = undefined;
  }
  const took = performance.now() - started;
  if (took > SLOW_MS) throw new Error(`took ${Math.round(took)} ms for ${body.length} chars`);
  return result;
}

describe('decoder fuzzing', () => {
  it('covers every decoder in the library', async () => {
    const dir = new URL('../../src/wechat/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const found: string[] = [];
    for (const file of files) {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function' && /^(parse|decode)[A-Z]/.test(name)) found.push(name);
      }
    }
    expect(found.filter((name) => !PARTS.has(name)).sort()).toEqual(Object.keys(DECODERS).sort());
  });

  it('the seeds themselves decode', () => {
    for (const [name, { seeds, decode }] of Object.entries(DECODERS)) {
      expect(seeds.length, name).toBeGreaterThan(0);
      for (const seed of seeds) expect(() => outcome(decode, seed), name).not.toThrow();
    }
  });

  for (const [name, { seeds, decode }] of Object.entries(DECODERS)) {
    it(`${name}: mutated replies give a value or a named error, with safe URLs only`, () => {
      fc.assert(
        fc.property(mutatedReply(seeds), (body) => {
          const found = unsafeUrls(outcome(decode, body));
          if (found.length > 0) throw new Error(`unsafe URL in the result: ${found.join(', ')}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});

describe('unsafeUrls', () => {
  it('finds scripts, other schemes and cookie-bearing URLs off WeChat', () => {
    const avatar = `https://${hostsFor('wx2.qq.com').main}/cgi-bin/mmwebwx-bin/webwxgeticon?x=1`;
    expect(
      unsafeUrls({
        url: 'javascript:alert(1)',
        list: [{ cover: 'data:text/html,x' }, { redirectUri: 'https://wx.qq.com/x' }],
        avatarUrl: 'https://evil.example/a.jpg',
        avatar: 'data:image/png;base64,AAAA',
        ok: [{ url: 'https://mp.weixin.qq.com/s?x' }, { avatarUrl: avatar }, { url: '' }],
      }),
    ).toEqual([
      'url=javascript:alert(1)',
      'cover=data:text/html,x',
      'avatarUrl=https://evil.example/a.jpg',
    ]);
  });
});

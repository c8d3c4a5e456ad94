/** Typed access to the recorded payloads in test/fixtures/wechat (docs/protocol.md §23). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './paths.js';

export type JsonObj = Record<string, unknown>;

/** A contact as webwxgetcontact / webwxinit / webwxbatchgetcontact carry it (§10, §11). */
export interface Contact extends JsonObj {
  UserName: string;
  NickName: string;
  HeadImgUrl: string;
  VerifyFlag: number;
  ContactFlag: number;
  MemberCount: number;
  MemberList: JsonObj[];
}

export interface MpArticle {
  Title: string;
  Digest: string;
  Cover: string;
  Url: string;
}

/** One MPSubscribeMsgList entry (§8). */
export interface MpEntry {
  UserName: string;
  MPArticleCount: number;
  MPArticleList: MpArticle[];
  Time: number;
  NickName: string;
}

/** Raised at start-up when a recorded payload is not where the simulator reads it. */
export class MissingFixtureError extends Error {
  override readonly name = 'MissingFixtureError';
  constructor(readonly file: string) {
    super(`recorded payload missing: ${file} (the simulator reads test/fixtures/wechat/)`);
  }
}

export function readFixture(name: string): string {
  const file = path.join(fixturesDir, name);
  if (!existsSync(file)) throw new MissingFixtureError(file);
  return readFileSync(file, 'utf8');
}

function readJson(name: string): JsonObj {
  const v: unknown = JSON.parse(readFixture(name));
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`${name}: not an object`);
  return v as JsonObj;
}

function asContacts(v: unknown, what: string): Contact[] {
  if (!Array.isArray(v)) throw new Error(`${what}: not an array`);
  return v.map((c: unknown) => {
    const o = c as Contact;
    if (typeof o.UserName !== 'string') throw new Error(`${what}: contact without UserName`);
    return o;
  });
}

export interface Fixtures {
  init: JsonObj;
  initContacts: Contact[];
  user: JsonObj & { Uin: number; UserName: string; NickName: string };
  mpSubscribe: MpEntry[];
  getcontact: Contact[];
  batchGroups: Contact[];
  /** One AddMsgList entry (MsgType 1) used as the key template for every message we emit. */
  msgTemplate: JsonObj;
  /** The webwxsync Profile object (§14). */
  profileTemplate: JsonObj;
  /** The fixture's ModContactList entry (a group): its keys are the §14 ModContact field set. */
  modContactTemplate: JsonObj;
  /** The skey baked into the fixture's HeadImgUrl values; rewritten per session. */
  fixtureSkey: string;
}

function firstObject(v: unknown, what: string): JsonObj {
  const first: unknown = Array.isArray(v) ? v[0] : undefined;
  if (typeof first !== 'object' || first === null) throw new Error(`${what}: no entry`);
  return first as JsonObj;
}

let cached: Fixtures | null = null;

export function loadFixtures(): Fixtures {
  if (cached) return cached;
  const init = readJson('wechat4u_webwxinit.json');
  const gc = readJson('wechat4u_webwxgetcontact.json');
  const bg = readJson('wechat4u_webwxbatchgetcontact.json');
  const sync = readJson('wechat4u_webwxsync.json');
  const msgs = sync.AddMsgList;
  const text = Array.isArray(msgs) ? (msgs as JsonObj[]).find((m) => m.MsgType === 1) : undefined;
  if (!text) throw new Error('webwxsync fixture: no MsgType 1 message');
  const user = init.User as Fixtures['user'];
  cached = {
    init,
    initContacts: asContacts(init.ContactList, 'webwxinit.ContactList'),
    user,
    mpSubscribe: init.MPSubscribeMsgList as MpEntry[],
    getcontact: asContacts(gc.MemberList, 'webwxgetcontact.MemberList'),
    batchGroups: asContacts(bg.ContactList, 'webwxbatchgetcontact.ContactList'),
    msgTemplate: text,
    profileTemplate: sync.Profile as JsonObj,
    modContactTemplate: firstObject(sync.ModContactList, 'webwxsync.ModContactList'),
    fixtureSkey: String(init.SKey),
  };
  return cached;
}

/** Deep copy (fixtures are shared and must never be mutated). */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

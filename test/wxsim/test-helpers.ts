/** Shared setup for the wxsim tests: a started simulator and a scripted QR login. */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from './index.js';
import { createSimFetch, type SimFetch } from './node-fetch.js';

export const APPID = 'wx782c26e4c19acffb';
export const CGI = '/cgi-bin/mmwebwx-bin';

/** A simulator that exists from beforeAll on: read `sim` in hooks and tests only. */
export interface StartedSimulator {
  readonly sim: Simulator;
}

/**
 * Starts a simulator in beforeAll and stops it in afterAll (after-hooks run in reverse order, so
 * after-hooks registered later run before the stop). The building block of each test tier's
 * useSimulator (here, test/integration/helpers.ts, test/e2e/harness/simulator.ts).
 */
export function simulatorHooks(options: SimulatorOptions): StartedSimulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(async () => {
    await sim?.stop();
  });
  return {
    get sim() {
      if (!sim) throw new Error('the simulator is not started yet (use it in hooks and tests)');
      return sim;
    },
  };
}

/** The file's simulator and the fetch (with a fresh cookie jar) of the running test. */
export interface SimContext extends StartedSimulator {
  readonly f: SimFetch;
}

/**
 * Registers a wxsim test file's lifecycle: one simulator for the file (150 ms holds unless
 * `opts` says otherwise) and, before each test, a reset and a fresh fetch. Call it at the top
 * of the file, before the file's own hooks.
 */
export function useSimulator(opts: SimulatorOptions = {}): SimContext {
  const started = simulatorHooks({ loginHoldMs: 150, syncHoldMs: 150, ...opts });
  let f: SimFetch | undefined;
  beforeEach(() => {
    started.sim.reset();
    f = createSimFetch(started.sim);
  });
  return {
    get sim() {
      return started.sim;
    },
    get f() {
      if (!f) throw new Error('no fetch before the first beforeEach');
      return f;
    },
  };
}

export async function getUuid(f: SimFetch, loginHost = 'login.wx.qq.com'): Promise<string> {
  const r = await f(`https://${loginHost}/jslogin?appid=${APPID}&fun=new&lang=zh_CN&_=1`);
  const m = /window\.QRLogin\.uuid = "([^"]+)";/.exec(await r.text());
  expect(m).not.toBeNull();
  return m?.[1] ?? '';
}

export async function poll(
  f: SimFetch,
  uuid: string,
  tip: 0 | 1,
  loginicon = true,
): Promise<string> {
  const icon = loginicon ? 'loginicon=true&' : '';
  const r = await f(`https://login.wx.qq.com${CGI}/login?${icon}uuid=${uuid}&tip=${tip}&r=-1&_=2`);
  return r.text();
}

/** Runs jslogin → confirm → poll 200 and returns the redirect_uri. */
export async function confirmedRedirect(sim: Simulator, f: SimFetch): Promise<string> {
  const uuid = await getUuid(f);
  sim.phone.confirm();
  const body = await poll(f, uuid, 0);
  const m = /window\.redirect_uri="([^"]+)";/.exec(body);
  expect(m, body).not.toBeNull();
  return m?.[1] ?? '';
}

export interface LoggedIn {
  xml: string;
  uin: number;
  sid: string;
  skey: string;
  passTicket: string;
  host: string;
  BaseRequest: { Uin: number; Sid: string; Skey: string; DeviceID: string };
}

export const tag = (xml: string, t: string): string =>
  new RegExp(`<${t}>(.*?)</${t}>`).exec(xml)?.[1] ?? '';

export async function login(sim: Simulator, f: SimFetch): Promise<LoggedIn> {
  const redirect = await confirmedRedirect(sim, f);
  const r = await f(`${redirect}&fun=new&version=v2`);
  const xml = await r.text();
  expect(tag(xml, 'ret')).toBe('0');
  const uin = Number(tag(xml, 'wxuin'));
  const sid = tag(xml, 'wxsid');
  const skey = tag(xml, 'skey');
  return {
    xml,
    uin,
    sid,
    skey,
    passTicket: tag(xml, 'pass_ticket'),
    host: new URL(redirect).host,
    BaseRequest: { Uin: uin, Sid: sid, Skey: skey, DeviceID: 'e123456789012345' },
  };
}

export function post(f: SimFetch, url: string, body: unknown): Promise<Response> {
  return f(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
  });
}

export async function init(f: SimFetch, s: LoggedIn): Promise<Record<string, unknown>> {
  const r = await post(f, `https://${s.host}${CGI}/webwxinit?r=-1&pass_ticket=${s.passTicket}`, {
    BaseRequest: s.BaseRequest,
  });
  return (await r.json()) as Record<string, unknown>;
}

export type Keys = { Count: number; List: { Key: number; Val: number }[] };

export function synccheckUrl(s: LoggedIn, keys: Keys, pushHost = `webpush.${s.host}`): string {
  const q = new URLSearchParams({
    r: String(Date.now()),
    skey: s.skey,
    sid: s.sid,
    uin: String(s.uin),
    deviceid: 'e123456789012345',
    synckey: keys.List.map((k) => `${k.Key}_${k.Val}`).join('|'),
    _: '3',
  });
  return `https://${pushHost}${CGI}/synccheck?${q.toString()}`;
}

export const SYNCCHECK_RE = /^window\.synccheck=\{retcode:"(\d+)",selector:"(\d+)"\}$/;

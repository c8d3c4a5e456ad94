/** Shared setup for the client <-> simulator integration tests (real HTTPS through wxsim). */
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import {
  createWeChatClient,
  type InitResult,
  type LoginTokens,
  type WeChatClient,
  type WeChatErrorName,
} from '../../src/wechat';
// The error class is the library's own; the product sees errors as plain values (toPlainError).
import { WeChatError } from '../../src/wechat/errors';
import type { SimConfig, Simulator } from '../wxsim/index.js';
import { createSimFetch, type SimFetch } from '../wxsim/node-fetch.js';
import { simulatorHooks, type StartedSimulator } from '../wxsim/test-helpers.js';

export const HOLD_MS = 250;

/** A client and its fetch; every fetch made here is closed by closeAll(). */
export interface Harness {
  readonly fetch: SimFetch;
  readonly client: WeChatClient;
}

const open: SimFetch[] = [];

/**
 * Registers a test file's lifecycle: one simulator for the file (holds of HOLD_MS), reset before
 * each test and then configured with `perTest` when given; every harness() fetch is closed after
 * each test and, before the simulator stops, at the end. Call it before the file's own hooks.
 */
export function useSimulator(perTest?: Partial<SimConfig>): StartedSimulator {
  const ctx = simulatorHooks({ loginHoldMs: HOLD_MS, syncHoldMs: HOLD_MS });
  afterAll(async () => {
    await closeAll();
  });
  beforeEach(() => {
    ctx.sim.reset();
    if (perTest) ctx.sim.configure(perTest);
  });
  afterEach(async () => {
    await closeAll();
  });
  return ctx;
}

export function harness(sim: Simulator, timeoutMs?: number): Harness {
  const fetch = createSimFetch(sim);
  open.push(fetch);
  const client = createWeChatClient({
    fetch,
    now: () => Date.now(),
    random: () => Math.random(),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { fetch, client };
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((f) => f.close()));
}

/** jslogin -> phone confirms -> poll 200 -> the redirect_uri. */
export async function confirmedRedirect(sim: Simulator, client: WeChatClient): Promise<string> {
  const uuid = await client.jslogin();
  sim.phone.confirm(uuid);
  const poll = await client.pollLogin(uuid, 1);
  if (poll.type !== 'confirmed') throw new Error(`expected confirmed, got ${poll.type}`);
  return poll.redirectUri;
}

export async function loginTokens(sim: Simulator, client: WeChatClient): Promise<LoginTokens> {
  return client.exchangeTicket(await confirmedRedirect(sim, client));
}

export interface Session {
  readonly tokens: LoginTokens;
  readonly init: InitResult;
}

/** Full QR login plus webwxinit; tokens carry the skey init handed back (§7). */
export async function loggedIn(sim: Simulator, client: WeChatClient): Promise<Session> {
  const raw = await loginTokens(sim, client);
  const init = await client.init(raw);
  return { tokens: { ...raw, skey: init.skey }, init };
}

/** Awaits `promise`, expecting a WeChatError with this name (and code, when given). */
export async function expectError(
  promise: Promise<unknown>,
  name: WeChatErrorName,
  code?: number,
): Promise<WeChatError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WeChatError);
  const error = caught as WeChatError;
  expect({ name: error.name, message: error.message }).toMatchObject({ name });
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly endpoint: string;
  readonly at: number;
}

export function lastRequests(sim: Simulator): LoggedRequest[] {
  const last = sim.state().lastRequests;
  if (!Array.isArray(last)) throw new Error('state().lastRequests is not an array');
  return last as LoggedRequest[];
}

export function counts(sim: Simulator): Record<string, number> {
  return sim.state().counts as Record<string, number>;
}

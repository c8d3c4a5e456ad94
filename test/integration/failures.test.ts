/** Every failure the client can meet ends in the right named WeChatError, within its timeout. */
import { describe, expect, it } from 'vitest';
import type { WeChatClient, WeChatErrorName } from '../../src/wechat';
import type { FaultKind } from '../wxsim/index.js';
import {
  confirmedRedirect,
  counts,
  expectError,
  harness,
  loggedIn,
  loginTokens,
  useSimulator,
} from './helpers';

const TIMEOUT_MS = 1500;
// Slack for TLS setup and scheduling on a loaded machine; a hang would exceed it by far.
const SLACK_MS = 700;

const ctx = useSimulator();

describe('login refusals', () => {
  it('reports an expired QR as QrExpired (lifetime ran out during the poll)', async () => {
    ctx.sim.configure({ qrLifetimeMs: 150, loginHoldMs: 10_000 });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const uuid = await client.jslogin();
    const t0 = Date.now();
    const error = await expectError(client.pollLogin(uuid, 1), 'QrExpired', 400);
    expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS);
    expect(error.operation).toBe('login');
  });

  it('reports a QR expired on the phone as QrExpired', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const uuid = await client.jslogin();
    ctx.sim.phone.expire(uuid);
    await expectError(client.pollLogin(uuid, 0), 'QrExpired', 400);
  });

  it('reports a cancel on the phone as {type: cancelled}', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const uuid = await client.jslogin();
    ctx.sim.phone.scan(uuid);
    expect((await client.pollLogin(uuid, 1)).type).toBe('scanned');
    ctx.sim.phone.cancel(uuid);
    expect(await client.pollLogin(uuid, 0)).toEqual({ type: 'cancelled' });
  });

  it('reports a ban as LoginBlocked 1203 with the server message as configured', async () => {
    const message = 'Web WeChat is disabled for this account & <all> others. 请使用客户端';
    ctx.sim.configure({ blockedMessage: message });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const redirect = await confirmedRedirect(ctx.sim, client);
    ctx.sim.phone.ban();
    const error = await expectError(client.exchangeTicket(redirect), 'LoginBlocked', 1203);
    expect(error.serverMessage).toBe(message);
    expect(error.operation).toBe('webwxnewloginpage');
    expect(error.url).not.toMatch(/ticket=[A-Za-z0-9]/);
  });

  it("reports mode 'blocked' as LoginBlocked with the 2019 wording", async () => {
    ctx.sim.configure({ mode: 'blocked' });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const redirect = await confirmedRedirect(ctx.sim, client);
    const error = await expectError(client.exchangeTicket(redirect), 'LoginBlocked', 1203);
    expect(error.serverMessage).toMatch(/^为了你的帐号安全，此微信号不能登录网页微信。/);
    expect(error.serverMessage).toContain('https://pc.weixin.qq.com');
  });

  it("reports a reused ticket as LoginBlocked 'check ticket failed'", async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const redirect = await confirmedRedirect(ctx.sim, client);
    const tokens = await client.exchangeTicket(redirect);
    expect(tokens.uin).toBeGreaterThan(0);
    const error = await expectError(client.exchangeTicket(redirect), 'LoginBlocked', 1203);
    expect(error.serverMessage).toBe('check ticket failed');
  });

  it('reports a failing jslogin as Rejected with code 400', async () => {
    ctx.sim.configure({ jsloginFail: true });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const error = await expectError(client.jslogin(), 'Rejected', 400);
    expect(error.operation).toBe('jslogin');
  });
});

/** Does what the step needs first, then returns the call that meets the fault. */
type Prepare = (client: WeChatClient) => Promise<() => Promise<unknown>>;

const STEPS: readonly { endpoint: string; operation: string; prepare: Prepare }[] = [
  { endpoint: 'jslogin', operation: 'jslogin', prepare: (c) => Promise.resolve(() => c.jslogin()) },
  {
    endpoint: 'login',
    operation: 'login',
    prepare: async (c) => {
      const uuid = await c.jslogin();
      return () => c.pollLogin(uuid, 1);
    },
  },
  {
    endpoint: 'newloginpage',
    operation: 'webwxnewloginpage',
    prepare: async (c) => {
      const redirect = await confirmedRedirect(ctx.sim, c);
      return () => c.exchangeTicket(redirect);
    },
  },
  {
    endpoint: 'webwxinit',
    operation: 'webwxinit',
    prepare: async (c) => {
      const tokens = await loginTokens(ctx.sim, c);
      return () => c.init(tokens);
    },
  },
  {
    endpoint: 'webwxstatusnotify',
    operation: 'webwxstatusnotify',
    prepare: async (c) => {
      const s = await loggedIn(ctx.sim, c);
      return () => c.statusNotify(s.tokens, s.init.profile.userName);
    },
  },
  {
    endpoint: 'synccheck',
    operation: 'synccheck',
    prepare: async (c) => {
      const s = await loggedIn(ctx.sim, c);
      return () => c.syncCheck(s.tokens, s.init.syncKey);
    },
  },
  {
    endpoint: 'webwxsync',
    operation: 'webwxsync',
    prepare: async (c) => {
      const s = await loggedIn(ctx.sim, c);
      return () => c.sync(s.tokens, s.init.syncKey, s.init.profile.userName);
    },
  },
  {
    endpoint: 'webwxgetcontact',
    operation: 'webwxgetcontact',
    prepare: async (c) => {
      const s = await loggedIn(ctx.sim, c);
      return () => c.getContacts(s.tokens, s.init.profile.userName);
    },
  },
];

const FAULTS: readonly { fault: FaultKind; name: WeChatErrorName; code: number | undefined }[] = [
  { fault: 'http500', name: 'Network', code: 500 },
  { fault: 'reset', name: 'Network', code: undefined },
  { fault: 'hang', name: 'Timeout', code: undefined },
  { fault: 'malformed', name: 'Malformed', code: undefined },
  // docs/protocol.md §8 etc.: a 13 MB reply is cut off at the endpoint's limit.
  { fault: 'oversize', name: 'TooLarge', code: undefined },
];

const MATRIX = STEPS.flatMap((step) => FAULTS.map((f) => ({ ...step, ...f })));

describe('server faults', () => {
  it.each(MATRIX)(
    '$endpoint + $fault -> $name',
    async ({ endpoint, operation, prepare, fault, name, code }) => {
      const { client } = harness(ctx.sim, TIMEOUT_MS);
      const call = await prepare(client);
      const before = counts(ctx.sim)[endpoint] ?? 0;
      ctx.sim.fault(endpoint, fault, 1);
      const t0 = Date.now();
      const error = await expectError(call(), name);
      const elapsed = Date.now() - t0;
      expect(error.code).toBe(code);
      expect(error.operation).toBe(operation);
      expect(counts(ctx.sim)[endpoint]).toBe(before + 1);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      if (fault === 'hang') expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect((ctx.sim.state().faults as Record<string, unknown>)[endpoint]).toBeUndefined();
    },
  );
});

describe('session ends', () => {
  it('reports a kick (logged in elsewhere) as SessionEnded 1101 from synccheck and sync', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const s = await loggedIn(ctx.sim, client);
    ctx.sim.phone.kick();
    await expectError(client.syncCheck(s.tokens, s.init.syncKey), 'SessionEnded', 1101);
    await expectError(client.sync(s.tokens, s.init.syncKey), 'SessionEnded', 1101);
  });

  it('reports a logout on the phone as SessionEnded 1100', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const s = await loggedIn(ctx.sim, client);
    ctx.sim.phone.logout();
    const t0 = Date.now();
    await expectError(client.syncCheck(s.tokens, s.init.syncKey), 'SessionEnded', 1100);
    expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS);
    await expectError(client.getContacts(s.tokens), 'SessionEnded', 1100);
  });

  it('wakes a held synccheck when the phone logs out', async () => {
    ctx.sim.configure({ syncHoldMs: 10_000 });
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const s = await loggedIn(ctx.sim, client);
    const t0 = Date.now();
    const pending = client.syncCheck(s.tokens, s.init.syncKey);
    setTimeout(() => ctx.sim.phone.logout(), 100);
    await expectError(pending, 'SessionEnded', 1100);
    expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS);
  });

  it('reports init without session cookies as SessionEnded 1100', async () => {
    const { client } = harness(ctx.sim, TIMEOUT_MS);
    const tokens = await loginTokens(ctx.sim, client);
    const other = harness(ctx.sim, TIMEOUT_MS);
    expect(await other.fetch.jar.getCookieString(`https://${tokens.hosts.main}/`)).toBe('');
    await expectError(other.client.init(tokens), 'SessionEnded', 1100);
    // Without cookies synccheck answers 1102 (§13), also a session end.
    await expectError(other.client.syncCheck(tokens, []), 'SessionEnded', 1102);
    // The session itself is still fine for the fetch that holds the cookies.
    const init = await client.init(tokens);
    expect(init.profile.nickName).toBe('SToneX');
  });
});

/**
 * wxsim — a fake WeChat web server that behaves like docs/protocol.md (§22 checklist): one HTTPS
 * server for all WeChat hosts, a CONNECT proxy in front of it, and a control API that plays the
 * phone. Everything listens on 127.0.0.1.
 */
import type { AddressInfo, Server, Socket } from 'node:net';
import { makeApi, type PhoneApi } from './api.js';
import { makeCertificate } from './cert.js';
import { checkConfigPatch, type SimConfig } from './config.js';
import { createControl } from './control.js';
import { loadFixtures } from './fixtures.js';
import type { FaultKind } from './faults.js';
import { createProxy } from './proxy.js';
import { createWxServer } from './server.js';
import { SimState } from './state.js';

export type { SimConfig } from './config.js';
export type { FaultKind } from './faults.js';
export type { PhoneApi } from './api.js';

export interface Simulator {
  httpsPort: number;
  proxyPort: number;
  controlPort: number;
  /** PEM of the self-signed certificate (it is its own CA). */
  caPem: string;
  phone: PhoneApi;
  configure(patch: Partial<SimConfig>): SimConfig;
  fault(endpoint: string, fault: FaultKind | null, times?: number): void;
  reset(): void;
  state(): Record<string, unknown>;
  stop(): Promise<void>;
}

export type SimulatorOptions = Partial<SimConfig> & {
  httpsPort?: number;
  proxyPort?: number;
  controlPort?: number;
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const { httpsPort = 0, proxyPort = 0, controlPort = 0, ...config } = options;
  // Read the recorded payloads now, so missing data stops the start with the file's name
  // instead of a sign-in that hangs at webwxinit.
  loadFixtures();
  const sim = new SimState(checkConfigPatch(config));
  const api = makeApi(sim);
  const cert = makeCertificate();
  const wx = createWxServer(sim, cert);
  const actualHttps = await listen(wx.server, httpsPort);
  const proxy = createProxy(() => actualHttps);
  const control = createControl(api);
  const actualProxy = await listen(proxy.server, proxyPort);
  const actualControl = await listen(control, controlPort);
  return {
    httpsPort: actualHttps,
    proxyPort: actualProxy,
    controlPort: actualControl,
    caPem: cert.cert,
    ...api,
    async stop() {
      sim.reset(); // wakes every held poll
      for (const s of wx.hung) (s as Socket).destroy();
      for (const s of proxy.sockets) s.destroy();
      wx.server.closeAllConnections();
      control.closeAllConnections();
      await Promise.all([close(wx.server), close(proxy.server), close(control)]);
    },
  };
}

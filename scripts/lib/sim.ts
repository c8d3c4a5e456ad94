import net from 'node:net';
import { startSimulator, type SimConfig, type Simulator } from '../../test/wxsim/index';

/** The demo's usual ports; any one that is taken is replaced by an ephemeral port. */
export const PREFERRED_PORTS = { httpsPort: 8443, proxyPort: 8080, controlPort: 8090 } as const;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Starts the simulator (127.0.0.1 only) on the preferred ports where they are free. */
export async function startOnPreferredPorts(config: Partial<SimConfig>): Promise<Simulator> {
  const [https, proxy, control] = await Promise.all([
    isFree(PREFERRED_PORTS.httpsPort),
    isFree(PREFERRED_PORTS.proxyPort),
    isFree(PREFERRED_PORTS.controlPort),
  ]);
  return startSimulator({
    ...config,
    httpsPort: https ? PREFERRED_PORTS.httpsPort : 0,
    proxyPort: proxy ? PREFERRED_PORTS.proxyPort : 0,
    controlPort: control ? PREFERRED_PORTS.controlPort : 0,
  });
}

export function describePorts(sim: Simulator): string {
  return [
    `  WeChat HTTPS (every *.qq.com / *.wechat.com host): https://127.0.0.1:${sim.httpsPort}`,
    `  CONNECT proxy:                                     127.0.0.1:${sim.proxyPort}`,
    `  control API + phone page:                          http://127.0.0.1:${sim.controlPort}/`,
  ].join('\n');
}

/**
 * CLI: tsx test/wxsim/main.ts [--https-port N] [--proxy-port N] [--control-port N]
 *        [--home wx2.qq.com] [--hold-ms N] [--account large]
 * Prints one JSON line {"httpsPort","proxyPort","controlPort"} then human-readable lines.
 */
import { startSimulator, type SimulatorOptions } from './index.js';
import { checkConfigPatch } from './config.js';

function parseArgs(argv: string[]): SimulatorOptions {
  const opts: SimulatorOptions = {};
  const num = (v: string | undefined, flag: string): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[i + 1];
    i++;
    switch (flag) {
      case '--https-port':
        opts.httpsPort = num(v, flag);
        break;
      case '--proxy-port':
        opts.proxyPort = num(v, flag);
        break;
      case '--control-port':
        opts.controlPort = num(v, flag);
        break;
      case '--home':
        Object.assign(opts, checkConfigPatch({ homeHost: v }));
        break;
      case '--hold-ms':
        opts.loginHoldMs = opts.syncHoldMs = num(v, flag);
        break;
      case '--account':
        Object.assign(opts, checkConfigPatch({ account: v }));
        break;
      default:
        throw new Error(`unknown argument ${flag ?? ''}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const sim = await startSimulator(parseArgs(process.argv.slice(2)));
  const { httpsPort, proxyPort, controlPort } = sim;
  process.stdout.write(JSON.stringify({ httpsPort, proxyPort, controlPort }) + '\n');
  process.stdout.write(`wxsim: HTTPS on 127.0.0.1:${httpsPort} (all WeChat hosts)\n`);
  process.stdout.write(`wxsim: CONNECT proxy on 127.0.0.1:${proxyPort}\n`);
  process.stdout.write(`wxsim: phone/control on http://127.0.0.1:${controlPort}/\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`wxsim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});

/**
 * `npm start`: build, start the simulator, and show the extension signing in.
 * With a display (DISPLAY set): a visible Chromium with the popup and the simulator's phone page
 * in two tabs, until Ctrl-C. Without one: headless, the sign-in walks itself through and the
 * screenshots land in artifacts/demo/. Everything talks to 127.0.0.1 only.
 */
import type { Simulator } from '../test/wxsim/index';
import { launchChromium, type LoadedExtension } from '../test/e2e/harness/browsers';
import { build } from './lib/build';
import { interactive, stopRequested, walkThrough } from './lib/demo-flow';
import { describePorts, startOnPreferredPorts } from './lib/sim';

async function main(): Promise<number> {
  const headful = Boolean(process.env.DISPLAY);
  // Our own Ctrl-C handling (not puppeteer's), so the finally below always runs.
  const stop = stopRequested();
  let sim: Simulator | undefined;
  let ext: LoadedExtension | undefined;
  try {
    build();
    // A realistic long-poll hold, no artificial latency.
    sim = await startOnPreferredPorts({ loginHoldMs: 3_000, syncHoldMs: 3_000, latencyMs: 0 });
    console.log(`Simulator (127.0.0.1 only):\n${describePorts(sim)}`);
    console.log(
      headful ? 'Display found: launching Chromium.' : 'No DISPLAY: headless walk-through.',
    );
    ext = await launchChromium(sim, undefined, { headless: !headful, handleSignals: false });
    if (headful) {
      await interactive(sim, ext, stop);
      return 0;
    }
    const walk = walkThrough(sim, ext).then(() => 'done');
    walk.catch(() => undefined); // when interrupted, the walk fails as the browser closes
    const outcome = await Promise.race([walk, stop]);
    if (outcome !== 'done') {
      console.log(`\nInterrupted (${outcome}); stopping …`);
      return 130;
    }
    console.log('Demo done: screenshots above.');
    return 0;
  } catch (error) {
    console.error('\ndemo failed:', error);
    return 1;
  } finally {
    await ext?.close().catch(() => undefined);
    await sim?.stop();
  }
}

process.exitCode = await main();

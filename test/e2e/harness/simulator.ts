import { beforeEach } from 'vitest';
import type { SimConfig } from '../../wxsim/index';
import { simulatorHooks, type StartedSimulator } from '../../wxsim/test-helpers';

export interface UseSimulatorOptions {
  /** false: one simulator state for the whole suite (no reset between tests). Default true. */
  readonly resetEachTest?: boolean;
}

/**
 * Registers a suite's simulator: started with `config` in beforeAll, stopped in afterAll and,
 * unless `resetEachTest` is false, reset and given `config` again before each test. Call it
 * before the suite's own hooks, so the browser launches after the simulator is up (and its
 * beforeEach sees a fresh simulator) and is closed before the simulator stops.
 */
export function useSimulator(
  config: Partial<SimConfig>,
  { resetEachTest = true }: UseSimulatorOptions = {},
): StartedSimulator {
  const ctx = simulatorHooks(config);
  if (resetEachTest) {
    beforeEach(() => {
      ctx.sim.reset();
      ctx.sim.configure(config);
    });
  }
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(simulatorReport(ctx.sim.state())));
  });
  return ctx;
}

/** What the simulator saw last: read beside a failed test's message (a stall shows who waited). */
function simulatorReport(state: Record<string, unknown>): string {
  const requests = (state.lastRequests ?? []) as { method: string; url: string; at: number }[];
  const recent = requests.slice(-25).map((r) => {
    const url = r.url.replace(/([?&](?:skey|sid|uin|pass_ticket|ticket)=)[^&]+/g, '$1…');
    return `  ${new Date(r.at).toISOString().slice(11, 23)} ${r.method} ${url}`;
  });
  const logins = JSON.stringify(state.logins);
  return [
    `[simulator] at ${new Date().toISOString().slice(11, 23)}, logins ${logins}`,
    ...recent,
  ].join('\n');
}

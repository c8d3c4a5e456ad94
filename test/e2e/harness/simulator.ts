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
  return ctx;
}

import { defineConfig } from 'vitest/config';

// Real browsers against the simulator: one file at a time (two cores), generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

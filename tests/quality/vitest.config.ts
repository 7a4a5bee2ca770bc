import { defineConfig } from 'vitest/config';

// Independent checkers (docs/quality.md): tools installed by scripts/quality/install-tools.sh,
// run on the real artefacts; every finding is fixed or waived in tests/quality/waivers.ts.
export default defineConfig({
  test: {
    include: ['tests/quality/**/*.test.ts'],
    globalSetup: ['tests/chart/helpers/global-setup.ts', 'tests/quality/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});

import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The cluster suite: one real cluster (global setup), the chart installed once, files run one at
// a time in the order of their names, since each one builds on the release the previous left.
class InNameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    // KEEP_CLUSTER=1 leaves the cluster up for a look around, so the teardown checks cannot run.
    exclude: process.env.KEEP_CLUSTER ? ['tests/cluster/99-teardown.test.ts'] : [],
    globalSetup: ['tests/cluster/support/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: InNameOrder },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The global teardown runs down.sh.
    teardownTimeout: 300_000,
  },
});

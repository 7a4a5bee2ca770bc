import { defineConfig } from 'vitest/config';

// Every database test runs on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
const databaseProjects = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['apps/*/test/unit/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
        },
      },
      ...databaseProjects.map((engine) => ({
        extends: true,
        test: {
          name: engine,
          include: ['apps/api/test/api/**/*.test.ts'],
          env: { TEST_DB: engine },
        },
      })),
      {
        extends: true,
        test: {
          name: 'process',
          include: ['apps/api/test/process/**/*.test.ts'],
          fileParallelism: false,
          // Each test starts real servers, up to two in a row; give a loaded machine room.
          testTimeout: 120_000,
        },
      },
    ],
  },
});

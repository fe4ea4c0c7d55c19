import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        // Integration and e2e share one Neo4j, started once per run by the global setup and stopped after.
        test: {
          name: 'db',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          // Pages wait on real HTTP and a real database on a shared 2-core machine: a second is tight.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/event-loop.ts'],
    pool: 'forks',
    // Generous: a slow or busy machine must not fail a correct change. Long synchronous work stays out of the
    // workers (test/setup/event-loop.ts reports any stretch over a second), so the runner's RPC is answered.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { RENDERER_ALIASES } from './vite.renderer.config';

/**
 * The files that take longest (measured: 30–105 s each on a 2-core machine; the rest take under 16 s).
 * They start first, one per worker, so the short files fill in beside them and no long file runs alone
 * at the end.
 */
const LONGEST_FIRST = ['restore-kill', 'sync-kill', 'sync-properties', 'generate', 'reports', 'cli'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}.test.ts`));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  // Tests import renderer modules (i18n, the API client), which use the renderer's aliases.
  resolve: { alias: RENDERER_ALIASES },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/event-loop.ts'],
    pool: 'forks',
    // One worker per core. Vitest's default leaves one core unused (cores − 1), which on a 2-core machine
    // ran every file one after another (600 s measured). The long files mostly wait on child processes.
    maxWorkers: Math.max(2, os.availableParallelism()),
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
    // Generous: a slow or busy machine must not fail a correct change. Long synchronous work stays out of the
    // workers (test/setup/event-loop.ts reports any stretch over a second), so the runner's RPC is answered.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

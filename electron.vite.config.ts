import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      // The merge, sheet, backup, snapshot and search-check workers and the core's process are bundles of their own beside index.js (db/sync/merge-job.ts,
      // db/import/sheet-job.ts and main.ts find them there).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          'merge-worker': resolve(__dirname, 'db/sync/merge-worker.ts'),
          'sheet-worker': resolve(__dirname, 'db/import/sheet-worker.ts'),
          'backup-worker': resolve(__dirname, 'db/backup-worker.ts'),
          'snapshot-worker': resolve(__dirname, 'db/snapshot-worker.ts'),
          'search-check-worker': resolve(__dirname, 'db/search-check-worker.ts'),
          // A share of the open's check of a large file (db/open.ts).
          'quick-check-worker': resolve(__dirname, 'db/quick-check-worker.ts'),
          // The core's own process (db/core-thread.ts): a utility process that owns the database connection.
          'core-thread': resolve(__dirname, 'db/core-thread.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS.
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } },
    },
  },
  renderer: rendererConfig,
});

/**
 * The CLI and the browser mode's server as one bundle, with the core's workers beside it (out/cli/), as
 * electron-vite builds them for the desktop app: `npm run build` runs this. A process started from a bundle is
 * ready in about 0.2 s of CPU, where tsx first compiles the sources (1.1–1.5 s measured, and the merge worker
 * again). `npm run serve` and the e2e tests run out/cli/main.js; `npm run cli` and the package's command still run
 * the sources. The tests bundle their own child processes with the same function (test/bundle.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * Bundle `entry` (a path under the checkout) as `outdir/<name>.js` for node, with the merge, sheet, backup, snapshot and search-check workers
 * beside it, where db/worker-entry.ts looks for them. Dependencies stay in node_modules and
 * load as they do from the sources (better-sqlite3's native module, exceljs when first needed).
 */
export async function bundleForNode(name: string, entry: string, outdir: string): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      [name]: entry,
      'merge-worker': 'db/sync/merge-worker.ts',
      'sheet-worker': 'db/import/sheet-worker.ts',
      'backup-worker': 'db/backup-worker.ts',
      'snapshot-worker': 'db/snapshot-worker.ts',
      'search-check-worker': 'db/search-check-worker.ts',
      'quick-check-worker': 'db/quick-check-worker.ts',
      'core-thread': 'db/core-thread.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return path.join(outdir, `${name}.js`);
}

if (require.main === module) {
  const outdir = path.join(ROOT, 'out', 'cli');
  rm(outdir, { recursive: true, force: true })
    .then(() => bundleForNode('main', 'cli/main.ts', outdir))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/**
 * The TypeScript a test starts as a child process (the CLI, the kill tests' children), bundled once per test
 * worker and started with plain node. A bundle is ready in about 0.2 s of CPU, where tsx first compiles the
 * sources (1.1–1.5 s measured) for every process, and the tests start hundreds. Built fresh from the sources in
 * each run (scripts/build-cli.ts, esbuild off the worker's event loop), so a test never runs code older than what it tests.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../scripts/build-cli';

const ROOT = path.resolve(__dirname, '..');
/** Under the checkout, so that the bundled core finds the migrations folder above it (db/open.ts). */
const DIR = path.join(ROOT, 'node_modules', '.cache', 'pt-test-bundles', String(process.pid));
const built = new Map<string, Promise<string>>();
let cleanup = false;

/**
 * `entry` (a path under the checkout) bundled as `<name>.js`, with the core's workers beside it where
 * db/worker-entry.ts looks for them: the file to run with `node`.
 */
export function bundled(entry: string): Promise<string> {
  const name = path.basename(entry, '.ts');
  let file = built.get(entry);
  if (!file) {
    if (!cleanup) {
      cleanup = true;
      process.once('exit', () => rmSync(DIR, { recursive: true, force: true }));
    }
    file = bundleForNode(name, entry, path.join(DIR, name));
    built.set(entry, file);
  }
  return file;
}

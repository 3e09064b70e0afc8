/**
 * The TypeScript a test starts as a child process (the CLI, the kill tests' children), bundled once per test
 * worker and started with plain node. A bundle is ready in about 0.2 s of CPU, where tsx first compiles the
 * sources (1.1–1.5 s measured) for every process, and the tests start hundreds. Built fresh from the sources in
 * each run (scripts/build-cli.ts, esbuild off the worker's event loop), so a test never runs code older than what it tests.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../scripts/build-cli';

const ROOT = path.resolve(__dirname, '..');
/** Under the checkout, so that the bundled core finds the migrations folder above it (db/open.ts). */
const PARENT = path.join(ROOT, 'node_modules', '.cache', 'pt-test-bundles');
const DIR = path.join(PARENT, String(process.pid));
const built = new Map<string, Promise<string>>();
let cleanup = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeBundlesOfEndedWorkers(): void {
  let names: string[];
  try {
    names = readdirSync(PARENT);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(path.join(PARENT, name), { recursive: true, force: true });
  }
}

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
      // vitest ends its forks with SIGTERM, which skips 'exit': the folders of workers that are gone go here.
      removeBundlesOfEndedWorkers();
    }
    file = bundleForNode(name, entry, path.join(DIR, name));
    built.set(entry, file);
  }
  return file;
}

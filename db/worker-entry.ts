/** Where a worker thread's code is, from the sources or from a build (the merge, sheet and backup workers). */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `source` is the worker's path under db/ without its extension (`sync/merge-worker`). From the sources (tsx) that
 * file runs through tsx's require hook; from a build, the worker's own bundle `<name>.js` beside the bundle that
 * runs this (out/main, out/cli), or one folder up when this code landed in a shared chunk (out/main/chunks).
 */
export function workerEntry(source: string): { file: string; execArgv: string[] } {
  // tsx/cjs resolved here: --require would look in the working folder
  if (__filename.endsWith('.ts')) return { file: path.join(__dirname, `${source}.ts`), execArgv: ['--require', require.resolve('tsx/cjs')] };
  const name = `${path.basename(source)}.js`;
  const beside = path.join(__dirname, name);
  return { file: existsSync(beside) ? beside : path.join(__dirname, '..', name), execArgv: [] };
}

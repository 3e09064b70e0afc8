/**
 * The desktop harness, test side: lays out the BUILT app the way it runs (in a checkout, or as
 * electron-builder.yml packages it), with the stand-in `electron` where the app requires it and
 * the Node build of better-sqlite3 made unloadable (as Electron's runtime refuses it), then starts
 * its main process in a child process (test/desktop/app-process.ts) and talks to it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../db/api';
import type { AppState } from './app-process';
import type { HarnessRequest, HarnessResponse, LaunchConfig } from './protocol';

export const ROOT = path.resolve(__dirname, '../..');
/**
 * Where the built app comes from: this checkout, or (PT_HARNESS_APP_ROOT) another checkout's
 * build, to show what the harness finds in an older version of the app.
 */
const APP_ROOT = process.env.PT_HARNESS_APP_ROOT ?? ROOT;
export const BUILT_MAIN = path.join(APP_ROOT, 'out', 'main', 'index.js');
const NODE_BUILD = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const TSX_CJS = require.resolve('tsx/cjs');

export interface AppLayout {
  root: string;
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
  mainFile: string;
  /** Where the app looks for its Electron build of better-sqlite3. */
  electronAddon: string;
}

export interface LayoutOptions {
  /** As installed (resources/app.asar, app.asar.unpacked, resources/migrations), or as in a checkout. */
  packaged: boolean;
  /** 'present': a copy of the Node build where the app loads its Electron build; 'missing': none (`npm run dev` before `npm run native`). */
  electronAddon: 'present' | 'missing';
}

/** node_modules for the laid-out app: every package linked, but better-sqlite3 copied with an unloadable default build, and `electron` the stand-in. */
function nodeModules(target: string): void {
  mkdirSync(target, { recursive: true });
  const source = path.join(ROOT, 'node_modules');
  for (const name of readdirSync(source)) {
    if (name.startsWith('.') || name === 'better-sqlite3' || name === 'electron') continue;
    symlinkSync(path.join(source, name), path.join(target, name), 'junction');
  }
  const sqlite = path.join(target, 'better-sqlite3');
  cpSync(path.join(source, 'better-sqlite3', 'lib'), path.join(sqlite, 'lib'), { recursive: true });
  copyFileSync(path.join(source, 'better-sqlite3', 'package.json'), path.join(sqlite, 'package.json'));
  mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  // Electron refuses the Node build ("compiled against a different Node.js version"): here it fails to load too (ERR_DLOPEN_FAILED).
  writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'The Node build of better-sqlite3 does not load in Electron.\n');
  const electron = path.join(target, 'electron');
  mkdirSync(electron);
  writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  writeFileSync(path.join(electron, 'index.js'), `module.exports = require(${JSON.stringify(path.join(__dirname, 'stand-in.ts'))});\n`);
}

/** The built app laid out in a temporary folder (removed by `removeLayout`). */
export function layoutApp(options: LayoutOptions): AppLayout {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pt-desktop-'));
  const resourcesPath = options.packaged ? path.join(root, 'resources') : path.join(root, 'app', 'node_modules', 'electron', 'dist', 'resources');
  const appPath = options.packaged ? path.join(resourcesPath, 'app.asar') : path.join(root, 'app');
  // The folders electron-builder.yml ships: out/ and package.json inside the asar, native/ unpacked from it, migrations as a resource.
  for (const part of ['main', 'preload']) cpSync(path.join(APP_ROOT, 'out', part), path.join(appPath, 'out', part), { recursive: true });
  symlinkSync(path.join(APP_ROOT, 'out', 'renderer'), path.join(appPath, 'out', 'renderer'), 'junction');
  copyFileSync(path.join(APP_ROOT, 'package.json'), path.join(appPath, 'package.json'));
  nodeModules(path.join(appPath, 'node_modules'));
  const nativeBase = options.packaged ? path.join(resourcesPath, 'app.asar.unpacked') : appPath;
  const electronAddon = path.join(nativeBase, 'native', 'electron', 'better_sqlite3.node');
  if (options.electronAddon === 'present') {
    mkdirSync(path.dirname(electronAddon), { recursive: true });
    copyFileSync(NODE_BUILD, electronAddon);
  }
  cpSync(path.join(APP_ROOT, 'migrations'), options.packaged ? path.join(resourcesPath, 'migrations') : path.join(appPath, 'migrations'), { recursive: true });
  return { root, appPath, resourcesPath, isPackaged: options.packaged, mainFile: path.join(appPath, 'out', 'main', 'index.js'), electronAddon };
}

export function removeLayout(layout: AppLayout): void {
  rmSync(layout.root, { recursive: true, force: true });
}

export interface LaunchOptions {
  userData: string;
  locale?: string;
  args?: string[];
  holdReady?: boolean;
}

export interface RunningApp {
  request<T = unknown>(request: HarnessRequest): Promise<T>;
  /** Call an operation through the page's window.api (preload, IPC, the main process's door). */
  invoke<T = unknown>(name: string, input?: unknown): Promise<Envelope<T>>;
  state(): Promise<AppState>;
  /** Poll the app's state until `check` holds (or fail after `ms`). */
  waitFor(check: (state: AppState) => boolean, what: string, ms?: number): Promise<AppState>;
  stop(): Promise<void>;
  output(): string;
}

/** Start the laid-out app's main process in a child process and wait until it has loaded. */
export async function launchApp(layout: AppLayout, options: LaunchOptions): Promise<RunningApp> {
  const scratch = path.join(layout.root, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const config: LaunchConfig = {
    standIn: {
      appPath: layout.appPath,
      resourcesPath: layout.resourcesPath,
      isPackaged: layout.isPackaged,
      userData: options.userData,
      scratch,
      locale: options.locale ?? 'en-US',
    },
    mainFile: layout.mainFile,
    executable: layout.isPackaged ? path.join(layout.root, 'partnership-tracker') : path.join(layout.appPath, 'node_modules', '.bin', 'electron'),
    args: options.args ?? (layout.isPackaged ? [] : ['.']),
    holdReady: !!options.holdReady,
  };
  const child: ChildProcess = fork(path.join(__dirname, 'app-process.ts'), [], {
    cwd: layout.root,
    execArgv: ['--require', TSX_CJS],
    env: { ...process.env, PT_HARNESS_LAUNCH: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited: string | null = null;
  const loaded = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  child.on('message', (message: HarnessResponse) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.error));
  });
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
    for (const waiter of pending.values()) waiter.reject(new Error(`the app's process ${exited}:\n${output}`));
    pending.clear();
  });
  await loaded;

  const request = <T>(req: HarnessRequest): Promise<T> => {
    if (exited) return Promise.reject(new Error(`the app's process ${exited}:\n${output}`));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ id, request: req });
    });
  };
  const state = () => request<AppState>({ op: 'state' });
  return {
    request,
    invoke: <T>(name: string, input: unknown = {}) => request<Envelope<T>>({ op: 'invoke', name, input }),
    state,
    async waitFor(check, what, ms = 20_000) {
      const until = Date.now() + ms;
      for (;;) {
        const current = await state();
        if (check(current)) return current;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${JSON.stringify(current.timeline)}\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await gone;
    },
    output: () => output,
  };
}

/** A database with the sample data and `partnerships` more, written by the core in a process of its own. */
export async function seedDatabase(file: string, partnerships: number): Promise<void> {
  const child = fork(path.join(__dirname, 'seed.ts'), [file, String(partnerships)], {
    execArgv: ['--require', TSX_CJS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding ${file} failed (${code})`);
}

import { spawn } from 'node:child_process';
import { bundled } from './bundle';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core, type CoreOptions } from '../db/core';
import { createRegistry, type Envelope, type OperationRegistry } from '../db/api';
import { ApiError, createClient } from '../renderer/src/api/client';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh directory removed after the test. */
export function tempDir(prefix = 'pt-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new database file in a temp dir, opened (and migrated) through the real core, closed after the test. */
export async function tempCore(options: CoreOptions = {}): Promise<Core> {
  const file = path.join(tempDir(), 'test.db');
  const core = await openCore(file, { appVersion: '0.0.0-test', ...options });
  cleanups.push(() => core.sqlite.open && core.close());
  return core;
}

/** The contract called in this process, as a shell's door (the browser mode's server in tests). */
export function inProcess(core: Core, registry: OperationRegistry = createRegistry()): (name: string, input: unknown) => Promise<Envelope<unknown>> {
  return (name, input) => registry.callAsync(core, name, input);
}

/**
 * The file a person chose in a shell's dialog (or named on the CLI's command line), as the shell grants it: the page,
 * and every test that acts as one, then holds only the handle.
 */
export async function chosen(api: ReturnType<typeof localClient>, mode: 'read' | 'write', file: string): Promise<string> {
  return (await api['files.grant']({ path: file, mode })).file;
}

/** A job of the core polled until it ends (or 10 s pass): its last state. */
export async function jobEnd(api: ReturnType<typeof localClient>, id: string) {
  let job = await api['jobs.get']({ id });
  for (let i = 0; i < 400 && job.status === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = await api['jobs.get']({ id });
  }
  return job;
}

/** The contract as a shell sees it: envelopes serialized as over IPC/HTTP, then the typed client. */
export function localClient(core: Core, registry: OperationRegistry = createRegistry()) {
  return createClient(async (name, input) => JSON.parse(JSON.stringify(await registry.callAsync(core, name, input))) as Envelope<unknown>);
}

/**
 * The tables a test compares: every table of the file; of the search index, `search_docs` (which
 * record each index entry is), not the contentless FTS5 tables, which hold no rows to read.
 */
export function dataTableNames(sqlite: Core['sqlite']): string[] {
  return sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'search_grams%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
}

/** Every compared table with every row, in storage order: "nothing written" means this does not change. */
export function dumpTables(sqlite: Core['sqlite']): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    dataTableNames(sqlite).map((name) => [name, sqlite.prepare(`SELECT rowid, * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]]),
  );
}

/** The whole database as one string: "nothing written" means this does not change. */
export function dumpText(core: Core): string {
  return JSON.stringify(dumpTables(core.sqlite));
}

/** The translated error a contract call was refused with (fails if it was not refused). */
export async function rejected(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

export interface ProcessRun {
  code: number | null;
  stdout: string;
  /** Trimmed. */
  stderr: string;
}

/**
 * Run a command to its end without holding this worker's event loop (spawnSync would, for as long as the command
 * runs: a CLI run or a bench at S is seconds to a minute, and vitest's RPC times out on a slow machine).
 */
export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
}

const ROOT_DIR = path.resolve(__dirname, '..');

/**
 * The CLI from this checkout's sources, bundled (test/bundle.ts), in English unless `env` says otherwise.
 * test/unit/cli.test.ts also runs it as a user does, through the package's command and tsx.
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [await bundled('cli/main.ts'), ...args], {
    cwd: ROOT_DIR,
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
}

/**
 * Fill `file` (new or empty) with generated data, as `cli generate` does, in a child process: seconds of synchronous
 * writing in this worker would keep it from answering the test runner. Open it afterwards through the core.
 */
export async function generateInChild(file: string, seed: number, scale: 'S' | 'M' = 'S'): Promise<void> {
  const run = await runCli(['generate', '--db', file, '--scale', scale, '--seed', String(seed)]);
  if (run.code !== 0) throw new Error(`cli generate failed: ${run.stderr}`);
}

/**
 * The dashboard's quiet partnerships on `today`, recounted from the records (no maintained fact): live active and
 * negotiating partnerships begun before the window whose latest live meeting up to `today` is older than the window,
 * or that never met; never met first, then the longest silent, then by title. What `quietPartnerships` must return.
 */
export function recountQuiet(core: Core, today: string, quietDays = 180): { rows: unknown[]; total: number } {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - quietDays);
  const rows = core.sqlite
    .prepare(
      `SELECT id, title, titleZh, titleEn, status, lastMeeting FROM (
         SELECT p.id, p.title, p.title_zh AS titleZh, p.title_en AS titleEn, p.status,
                (SELECT max(m.date) FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
                  WHERE mp.partnership_id = p.id AND mp.deleted_at IS NULL AND m.deleted_at IS NULL AND m.date <= @today) AS lastMeeting
           FROM partnerships p
          WHERE p.deleted_at IS NULL AND p.status IN ('active', 'negotiating')
            AND min(coalesce(p.term_start, p.created_at), coalesce(p.status_since, p.created_at), substr(p.created_at, 1, 10)) < @quietBefore)
        WHERE lastMeeting IS NULL OR lastMeeting < @quietBefore
        ORDER BY lastMeeting IS NOT NULL, lastMeeting, title, id`,
    )
    .all({ today, quietBefore: day.toISOString().slice(0, 10) });
  return { rows, total: rows.length };
}

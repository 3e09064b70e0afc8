import { spawn } from 'node:child_process';
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
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'search_grams%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Every compared table with every row, in storage order: "nothing written" means this does not change. */
export function dumpTables(sqlite: Core['sqlite']): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(dataTableNames(sqlite).map((name) => [name, sqlite.prepare(`SELECT rowid, * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]]));
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

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a person runs it (tsx cli/main.ts), asynchronously so several runs go at once. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const root = path.resolve(__dirname, '..');
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'cli', 'main.ts'), ...args], { cwd: root, env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
}

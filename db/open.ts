/**
 * Opening a database file: refuse what is not ours or is from a newer version (leaving
 * it untouched), back up before migrating, migrate in one transaction with foreign keys
 * off on the connection, check foreign keys before committing, then set the pragmas.
 */
import { existsSync, openSync, readSync, closeSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { AppError } from './errors';
import { newBackupPath } from './backup-files';
import { createPrivateFile, ensurePrivateDir, partialPathFor, restrictFile } from './private-files';
import { Worker } from 'node:worker_threads';
import { openSqlite, quickCheckShare, quickCheckTables, tablesToCheck } from './sqlite';
import { workerEntry } from './worker-entry';
import type { QuickCheckWork } from './quick-check-worker';
import { isSearchIndexTable } from './search';

export const MIGRATIONS_TABLE = '__drizzle_migrations';
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Folder of drizzle-kit migrations (with meta/_journal.json). */
  migrationsFolder?: string;
  /** better-sqlite3 native addon to load (the Electron build inside the desktop app). */
  nativeBinding?: string;
  /** Open without writing anything: no migration, no pragmas that change the file. */
  readonly?: boolean;
  /** Where backups go (before a migration, merge, restore; daily; manual); default: `backups/` beside the database. */
  backupDir?: string;
  /**
   * A worker's own connection to a file this process has open: it was checked and migrated when the
   * process opened it, so the checks (a quick_check reads the whole file: seconds at L) are skipped.
   */
  attached?: boolean;
  /** A file at least this large (bytes) has its check shared with a worker thread; default PARALLEL_CHECK_BYTES. */
  parallelCheckBytes?: number;
}

/**
 * From this size on, the open's check of the tables runs in two threads at once, this one and a worker: at L (1.3 GB)
 * the check is most of a start (0.7 s of CPU), a worker's start about 0.05 s.
 */
export const PARALLEL_CHECK_BYTES = 64 * 1024 * 1024;

export interface OpenedDatabase {
  sqlite: Database.Database;
  path: string;
  /** Number of migrations applied to this file. */
  schemaVersion: number;
  /** The schema version this build of the app writes. */
  latestSchemaVersion: number;
  /** The backup made before migrating, if a migration ran on existing data. */
  backupPath: string | null;
  migrationsApplied: number;
}

/**
 * The nearest folder at or above `start` that holds `name`: the checkout's root, whether this code runs from
 * its sources (db/, cli/) or from a bundle under out/ (out/cli/).
 */
export function findUp(start: string, name: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, name))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The migrations folder of this checkout or install (CLI, tests; Electron passes its own). */
export function defaultMigrationsFolder(): string {
  const fromEnv = process.env.PT_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  return path.join(findUp(__dirname, 'migrations') ?? path.resolve(__dirname, '..'), 'migrations');
}

export function loadMigrations(folder: string = defaultMigrationsFolder()): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: folder });
}

const notOurs = (file: string, why: LocalizedReason): AppError =>
  new AppError('not_a_database', {
    zh: `“${file}”不是伙伴关系管理的数据库文件（${why.zh}）。请选择由本应用创建或导出的文件。`,
    en: `"${file}" is not a Partnership Tracker database (${why.en}). Choose a file this app created or exported.`,
  });

interface LocalizedReason {
  zh: string;
  en: string;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

interface AppliedMigration {
  hash: string;
  createdAt: number;
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

function readApplied(sqlite: Database.Database): AppliedMigration[] {
  if (!tableExists(sqlite, MIGRATIONS_TABLE)) return [];
  return (
    sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`).all() as {
      hash: string;
      createdAt: number | string;
    }[]
  ).map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

/** Compare what a file has applied with what this build knows; throw if the file is newer or foreign. */
export function classifySchema(
  file: string,
  applied: AppliedMigration[],
  known: MigrationMeta[],
  hasOtherTables: boolean,
): { version: number; pending: MigrationMeta[] } {
  if (applied.length === 0 && hasOtherTables) {
    throw notOurs(file, { zh: '其中有其他应用的数据表', en: 'it holds tables of another application' });
  }
  const knownHashes = known.map((m) => m.hash);
  // Every version of this app starts from the same first migration: a file that did not is another app's.
  if (applied.length > 0 && knownHashes.length > 0 && applied[0]!.hash !== knownHashes[0]) {
    throw notOurs(file, { zh: '其中是其他应用的数据库结构', en: 'its schema history is another application’s' });
  }
  const lastKnown = known.at(-1)?.folderMillis ?? 0;
  const futureByDate = applied.some((m) => m.createdAt > lastKnown);
  const unknown = applied.filter((m) => !knownHashes.includes(m.hash));
  if (futureByDate || applied.length > known.length || unknown.length > 0) {
    throw new AppError('future_database', {
      zh: `“${file}”由更新版本的伙伴关系管理创建（数据库版本 ${applied.length}，本版本支持到 ${known.length}）。请先更新本应用再打开它；文件未作任何改动。`,
      en: `"${file}" was written by a newer version of Partnership Tracker (database version ${applied.length}; this version supports up to ${known.length}). Update the app, then open it again; the file has not been changed.`,
    });
  }
  // Applied migrations must be exactly the first N known ones, in order; drizzle would skip a gap silently.
  applied.forEach((m, i) => {
    if (m.hash !== knownHashes[i]) {
      throw new AppError('migration_failed', {
        zh: `“${file}”的数据库版本记录与本应用不一致（第 ${i + 1} 步）。文件未作改动；请联系技术支持。`,
        en: `The schema history of "${file}" does not match this app's (step ${i + 1}). The file has not been changed; contact support.`,
      });
    }
  });
  return { version: applied.length, pending: known.slice(applied.length) };
}

/**
 * A write killed midway (a `generate` or `sample` in its one transaction, a migration) leaves a hot
 * rollback journal or a WAL beside the file. A read-only connection cannot roll a hot journal back
 * and refuses the file, so `check` (and every later open) would call a sound file "not ours". A
 * read-write connection that reads one row lets SQLite roll it back (or recover the WAL) exactly as
 * the next write would; a journal that another live process is still writing is not hot, and is
 * left alone.
 */
function recoverInterruptedWrite(file: string, nativeBinding?: string): void {
  const journal = `${file}-journal`;
  const hot = (existsSync(journal) && statSync(journal).size > 0) || existsSync(`${file}-wal`);
  if (!hot) return;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqlite(file, { fileMustExist: true, nativeBinding });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    // Not recoverable here (no write access, not SQLite): the read-only probe says why.
  } finally {
    sqlite?.close();
  }
}

/**
 * A worker that checks tables beside this thread, taking them from `next` (db/quick-check-worker.ts): its answer, or
 * null if it could not run (the caller then checks every table itself).
 */
function quickCheckBeside(file: string, tables: string[], next: Int32Array, nativeBinding?: string): Promise<string | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const entry = workerEntry('quick-check-worker');
      const work: QuickCheckWork = { file, tables, next: next.buffer as SharedArrayBuffer, ...(nativeBinding ? { nativeBinding } : {}) };
      worker = new Worker(entry.file, { workerData: work, execArgv: entry.execArgv });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (answer: string) => resolve(answer));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/**
 * quick_check of the records and everything else but the search index, which is derived: the core checks it after
 * the start, in the background, and rebuilds it if damaged (db/search-check.ts); it is 0.5 s of the 1.4 s at L. A
 * large file's tables are shared with a worker; the answer is this thread's and the worker's, both complete.
 */
async function quickCheckRecords(probe: Database.Database, file: string, options: InspectOptions): Promise<string> {
  const which = (name: string) => !isSearchIndexTable(name);
  if (statSync(file).size < (options.parallelCheckBytes ?? PARALLEL_CHECK_BYTES)) return quickCheckTables(probe, which);
  const tables = tablesToCheck(probe, which);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const beside = quickCheckBeside(file, tables, next, options.nativeBinding);
  const mine = quickCheckShare(probe, tables, next);
  const theirs = await beside;
  if (mine !== 'ok') return mine;
  // The worker failed (it may have taken a table and not checked it): every table again, here.
  return theirs ?? quickCheckTables(probe, which);
}

type InspectOptions = Pick<OpenOptions, 'nativeBinding' | 'parallelCheckBytes'>;

async function inspect(file: string, known: MigrationMeta[], options: InspectOptions) {
  const { nativeBinding } = options;
  recoverInterruptedWrite(file, nativeBinding);
  const header = readHeader(file);
  if (header.length === 0) return { version: 0, pending: known, hasData: false };
  if (header.length < 16 || header.toString('latin1') !== SQLITE_HEADER) {
    throw notOurs(file, { zh: '文件头不是 SQLite 数据库', en: 'it does not start with a SQLite header' });
  }
  let probe: Database.Database;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    // A missing Electron build of the addon is named as such: the user's file is not foreign.
    if (error instanceof AppError) throw error;
    throw notOurs(file, { zh: 'SQLite 无法打开它', en: 'SQLite cannot open it' });
  }
  try {
    const quick = await quickCheckRecords(probe, file, options);
    if (quick !== 'ok') {
      throw new AppError('corrupt_database', {
        zh: `“${file}”已损坏（完整性检查：${String(quick)}）。请从备份恢复。`,
        en: `"${file}" is damaged (integrity check: ${String(quick)}). Restore it from a backup.`,
      });
    }
    const tables = probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const applied = readApplied(probe);
    const hasOtherTables = tables.some((t) => t.name !== MIGRATIONS_TABLE);
    const result = classifySchema(file, applied, known, hasOtherTables);
    return { ...result, hasData: hasOtherTables };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notOurs(file, { zh: 'SQLite 无法读取它', en: 'SQLite cannot read it' });
  } finally {
    probe.close();
  }
}

/** Apply pending migrations in one transaction, foreign keys off on the connection, checked before commit. */
export function applyMigrations(sqlite: Database.Database, pending: MigrationMeta[]): void {
  if (pending.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
      const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`);
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        record.run(migration.hash, migration.folderMillis);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError('migration_failed', {
          zh: `数据库升级会破坏 ${violations.length} 处记录关联，已取消；文件保持原样。`,
          en: `The database upgrade would break ${violations.length} links between records and was cancelled; the file is unchanged.`,
        });
      }
      const applied = sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number };
      sqlite.pragma(`user_version = ${applied.n}`);
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const known = loadMigrations(options.migrationsFolder);
  if (options.attached) {
    const sqlite = openSqlite(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    // The file is in WAL mode already (a setting the file keeps); these belong to each connection.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    return { sqlite, path: file, schemaVersion: known.length, latestSchemaVersion: known.length, backupPath: null, migrationsApplied: 0 };
  }
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && options.readonly) {
    throw notOurs(file, { zh: '文件不存在', en: 'the file does not exist' });
  }
  const state = exists ? await inspect(file, known, options) : { version: 0, pending: known, hasData: false };

  if (options.readonly) {
    const sqlite = openSqlite(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    sqlite.pragma('query_only = ON');
    return {
      sqlite,
      path: file,
      schemaVersion: state.version,
      latestSchemaVersion: known.length,
      backupPath: null,
      migrationsApplied: 0,
    };
  }

  // Personal data: the file (and so its journal and WAL, which take its mode) readable by the user only.
  if (!existsSync(file)) {
    ensurePrivateDir(path.dirname(path.resolve(file)));
    createPrivateFile(file);
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) if (suffix === '' || existsSync(file + suffix)) restrictFile(file + suffix);
  const sqlite = openSqlite(file, { nativeBinding: options.nativeBinding });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    let backupPath: string | null = null;
    if (state.pending.length > 0 && state.hasData) {
      backupPath = newBackupPath(file, `before-v${state.version + 1}`, new Date(), options.backupDir);
      // Written under a temporary name and renamed when complete: a kill mid-backup leaves no file that looks whole.
      const partial = partialPathFor(backupPath);
      createPrivateFile(partial);
      await sqlite.backup(partial);
      renameSync(partial, backupPath);
    }
    applyMigrations(sqlite, state.pending);
    sqlite.pragma('foreign_keys = ON');
    return {
      sqlite,
      path: file,
      schemaVersion: known.length,
      latestSchemaVersion: known.length,
      backupPath,
      migrationsApplied: state.pending.length,
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

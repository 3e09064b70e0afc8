/**
 * Automatic and manual backups of the open database, all in one folder (db/backup-files.ts):
 * daily, before every migration, merge and import, before a restore, and on request. Backups
 * are written with VACUUM INTO under a temporary name, never by copying the live file.
 * Restoring copies a checked backup into the live database with SQLite's backup API, after
 * backing up the current state.
 */
import { earlierOfficeIds, isOwnOfficeId, keepOfficeIdAfterRestore } from './office-id';
import { copyFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Core } from './core';
import { keepBackupsSchema } from '../common/inputs/settings';
import { AppError, cancelledError } from './errors';
import { openDatabase } from './open';
import { ensureSearchIndex } from './search';
import { backupFolder, newBackupPath, parseBackupName, type BackupReason } from './backup-files';
import { createPrivateFile, partialPathFor, privateTempDir } from './private-files';
import { Worker } from 'node:worker_threads';
import { workerEntry } from './worker-entry';
import { SNAPSHOT_DONE, SNAPSHOT_RUNNING, SNAPSHOT_WAITING, writeSnapshot } from './snapshot';

export type { BackupReason } from './backup-files';

export interface BackupInfo {
  name: string;
  reason: BackupReason;
  /** Bytes. */
  size: number;
  /** ISO time the backup was made. */
  time: string;
}

export const DEFAULT_KEEP_BACKUPS = 14;
export const META_KEEP_BACKUPS = 'keep_backups';

/** A backup's bare file name, as listed: never a path (no separator, no `.` or `..`). */
const backupName = z
  .string()
  .min(1)
  .max(400)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..');
export const backupRestoreInput = z.strictObject({ name: backupName });
export const backupDeleteInput = z.strictObject({ name: backupName });

/** Databases with a restore under way: their backups are not deleted meanwhile (the restore reads one and writes another). */
const restoring = new WeakSet<Core>();

/** How many automatic backups are kept (Settings). */
export function keepBackups(core: Core): number {
  const parsed = keepBackupsSchema.safeParse(Number(core.getMeta(META_KEEP_BACKUPS)));
  return parsed.success ? parsed.data : DEFAULT_KEEP_BACKUPS;
}

function folderOf(core: Core): string {
  return backupFolder(core.opened.path, core.openOptions.backupDir);
}

/** Every backup of this database in the folder, newest first. */
export function listBackups(core: Core): BackupInfo[] {
  const dir = folderOf(core);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(core.opened.path, name);
    if (!parsed) continue;
    try {
      const stat = statSync(path.join(dir, name));
      if (stat.isFile()) list.push({ name, reason: parsed.reason, size: stat.size, time: parsed.time });
    } catch {
      // removed meanwhile
    }
  }
  return list.sort((a, b) => (a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time)));
}

const writeFailed = (target: string) =>
  new AppError('internal', {
    zh: `无法写入备份“${target}”。请检查该位置是否可写、空间是否足够。`,
    en: `Cannot write the backup "${target}". Check that the location is writable and has enough space.`,
  });

/** A consistent snapshot (VACUUM INTO) under `tag`; must not run inside a transaction. Returns its path. */
export function writeBackup(core: Core, tag: string, backupDir: string | undefined = core.openOptions.backupDir, at: Date = core.now()): string {
  const target = newBackupPath(core.opened.path, tag, at, backupDir);
  // Written under a temporary name and renamed when complete: a kill mid-backup leaves no file that looks whole.
  const partial = partialPathFor(target);
  try {
    createPrivateFile(partial);
    core.sqlite.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  } catch {
    rmSync(partial, { force: true });
    throw writeFailed(target);
  }
  return target;
}

const TAGS: Record<Exclude<BackupReason, 'migration'>, string> = {
  daily: 'daily',
  manual: 'manual',
  merge: 'before-merge',
  import: 'before-import',
  'before-restore': 'before-restore',
};

/** A backup being written in another thread: its path, and `finish`, which waits for it (throwing if it failed). */
export interface RunningBackup {
  path: string;
  finish(): void;
}

/** How long a snapshot worker may take to start before the backup is written in this thread instead. */
const WORKER_START_MS = 60_000;

/**
 * Start a backup under `tag` in a worker thread (db/snapshot-worker.ts) while this thread goes on: it reads the last
 * committed state, so started while this connection holds the write lock, it is the database as it was before the
 * transaction, whatever the transaction writes meanwhile. `finish` must be called before that transaction commits.
 */
export function startBackup(core: Core, tag: string, backupDir: string | undefined = core.openOptions.backupDir, at: Date = core.now()): RunningBackup {
  const target = newBackupPath(core.opened.path, tag, at, backupDir);
  const partial = partialPathFor(target);
  try {
    createPrivateFile(partial);
  } catch {
    throw writeFailed(target);
  }
  const { nativeBinding } = core.openOptions;
  const job = { dbPath: core.opened.path, partial, target, ...(nativeBinding ? { nativeBinding } : {}) };
  const state = new Int32Array(new SharedArrayBuffer(4));
  const entry = workerEntry('snapshot-worker');
  const worker = new Worker(entry.file, { workerData: { ...job, state }, execArgv: entry.execArgv });
  // Its outcome is read from `state`; an error of the worker itself (it did not load) shows as never starting.
  worker.on('error', () => undefined);
  let finished: boolean | null = null;
  return {
    path: target,
    finish() {
      if (finished === null) {
        if (Atomics.wait(state, 0, SNAPSHOT_WAITING, WORKER_START_MS) === 'timed-out') {
          void worker.terminate();
          finished = writeSnapshot(job);
        } else {
          while (Atomics.load(state, 0) === SNAPSHOT_RUNNING) Atomics.wait(state, 0, SNAPSHOT_RUNNING);
          finished = Atomics.load(state, 0) === SNAPSHOT_DONE;
        }
      }
      if (!finished) throw writeFailed(target);
    },
  };
}

/** Make a backup, then prune the automatic ones beyond the kept number. */
export function createBackup(core: Core, reason: Exclude<BackupReason, 'migration'> = 'manual'): BackupInfo {
  const target = writeBackup(core, TAGS[reason]);
  pruneBackups(core);
  const made = listBackups(core).find((b) => b.name === path.basename(target));
  if (!made) throw writeFailed(target);
  return made;
}

/**
 * Keep the newest N automatic backups (daily, migration, merge, import, before-restore).
 * Manual ones are kept: a person made each on purpose, and N is about the automatic flow.
 */
export function pruneBackups(core: Core): string[] {
  const keep = keepBackups(core);
  const automatic = listBackups(core).filter((b) => b.reason !== 'manual');
  const removed = automatic.slice(keep).map((b) => b.name);
  for (const name of removed) rmSync(path.join(folderOf(core), name), { force: true });
  return removed;
}

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Whether the day's backup (UTC day) is in the folder: a listing of it, nothing read from the database. */
export function hasDailyBackup(core: Core): boolean {
  const today = dayOf(core.now().toISOString());
  return listBackups(core).some((b) => b.reason === 'daily' && dayOf(b.time) === today);
}

/** Make the day's backup unless one was made today (UTC day); call when the app or serve opens the database. */
export function ensureDailyBackup(core: Core): BackupInfo | null {
  if (core.sqlite.readonly || hasDailyBackup(core)) return null;
  return createBackup(core, 'daily');
}

const notABackup = (name: string) =>
  new AppError('not_found', {
    zh: `找不到备份“${name}”。请从备份列表中选择。`,
    en: `There is no backup "${name}". Choose one from the list of backups.`,
  });

const unusable = (name: string, why: { zh: string; en: string }) =>
  new AppError('not_a_database', {
    zh: `备份“${name}”无法恢复：${why.zh}。当前数据未作改动。`,
    en: `The backup "${name}" cannot be restored: ${why.en}. The current data has not been changed.`,
  });

const restoreUnderWay = () =>
  new AppError('conflict', {
    zh: '正在恢复备份。请等恢复完成后再试。',
    en: 'A backup is being restored. Try again when the restore has finished.',
  });

/**
 * Delete one listed backup file (a name from backups.list, nothing else: never a path, never a file
 * of another database). Refused while a restore is under way.
 */
export function deleteBackup(core: Core, name: string): { deleted: string } {
  if (restoring.has(core)) throw restoreUnderWay();
  const entry = listBackups(core).find((b) => b.name === name);
  if (!entry) throw notABackup(name);
  try {
    rmSync(path.join(folderOf(core), entry.name));
  } catch {
    throw new AppError('internal', {
      zh: `无法删除备份“${name}”。请检查备份文件夹是否可写。`,
      en: `Cannot delete the backup "${name}". Check that the backups folder is writable.`,
    });
  }
  return { deleted: entry.name };
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The backup of the state just replaced. */
  safetyBackup: BackupInfo;
}

export interface RestoreOptions {
  /** Called between the steps of the page copy into the live file (inside its write transaction), with the pages left. */
  onCopyProgress?: (remainingPages: number, totalPages: number) => void;
  /**
   * Cancelled: honoured while the backup is checked, until the safety backup of the current state is made; from
   * there the copy into the live file (one write transaction) runs to its end.
   */
  signal?: AbortSignal;
}

const restoreCancelled = () => cancelledError({ zh: '已取消恢复：数据库保持原样。', en: 'Restore cancelled: the database is as it was.' });
const stopIfCancelled = async (signal: AbortSignal | undefined) => {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw restoreCancelled();
};

/**
 * Restore a listed backup: check a private copy (opens, quick_check, ours, same installation;
 * an older schema is migrated in the copy), back up the current state, then copy the pages
 * into the live database with the backup API (one write transaction on the live file: a crash
 * leaves the old or the new content, never a mix: test/unit/restore-kill.test.ts). Refused while
 * another restore of the same database is under way.
 */
export async function restoreBackup(core: Core, name: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const entry = listBackups(core).find((b) => b.name === name);
  if (!entry) throw notABackup(name);
  if (restoring.has(core)) throw restoreUnderWay();
  restoring.add(core);
  try {
    return await restoreListed(core, entry, options);
  } finally {
    restoring.delete(core);
  }
}

async function restoreListed(core: Core, entry: BackupInfo, options: RestoreOptions): Promise<RestoreResult> {
  const name = entry.name;
  const work = privateTempDir('restore');
  try {
    const copy = path.join(work, 'restore.db');
    copyFileSync(path.join(folderOf(core), entry.name), copy);
    let source;
    try {
      source = await openDatabase(copy, {
        ...(core.openOptions.migrationsFolder ? { migrationsFolder: core.openOptions.migrationsFolder } : {}),
        ...(core.openOptions.nativeBinding ? { nativeBinding: core.openOptions.nativeBinding } : {}),
        backupDir: work,
      });
    } catch (error) {
      const why = error instanceof AppError ? error.localized : { zh: 'SQLite 无法打开它', en: 'SQLite cannot open it' };
      throw unusable(name, why);
    }
    try {
      const origin = (source.sqlite.prepare("SELECT value FROM meta WHERE key = 'origin_id'").get() as { value: string } | undefined)?.value;
      // This office's own backup, made under its id now or an earlier one (a moved or copied file takes a new id).
      if (!isOwnOfficeId(core.sqlite, core.clock.origin, origin)) {
        throw unusable(name, { zh: '它来自另一个安装（另一个办公室的数据库）', en: 'it comes from another installation (another office’s database)' });
      }
      await stopIfCancelled(options.signal);
      const safety = createBackup(core, 'before-restore');
      // The office keeps the id it has now: written into the private copy first, so the page copy carries it
      // in the same step (a crash leaves the old file or the new one, each with this office's id).
      keepOfficeIdAfterRestore(source.sqlite, core.opened.path, core.clock.origin, earlierOfficeIds(core.sqlite));
      // Large steps: the live file stays locked for as short a time as possible.
      await source.sqlite.backup(core.opened.path, {
        progress: ({ remainingPages, totalPages }) => {
          options.onCopyProgress?.(remainingPages, totalPages);
          return 1 << 20;
        },
      });
      ensureSearchIndex(core);
      return { restored: entry, safetyBackup: safety };
    } finally {
      source.sqlite.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

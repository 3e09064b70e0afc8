/** Export and import of whole database files, as a user runs them (Sync view, File menu, CLI). */
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError, cancelledError } from '../errors';
import { uuidv7 } from '../ids';
import { createPrivateFile, fsyncFile, partialPathFor, PARTIAL_NOTE, privateTempDir, writeDurable, writePrivateFile } from '../private-files';
import type { Core } from '../core';
import { countRecords } from '../info';
import { startBackup, type RunningBackup } from '../backups';
import { openSqlite } from '../sqlite';
import { ENCRYPTED_MAGIC, encryptBytes, encryptBytesAsync, type ScryptParams } from './crypto';
import { invalidFileError, openIncomingFile, type InvalidValue, type OpenIncomingOptions } from './incoming';
import { mergeIncoming, MERGE_ORDER, type ApplyOptions, type EntityCounts, type FieldConflict, type DuplicateCandidate } from './merge';
import type { RecordEntity } from '../schema';

export interface ExportResult {
  path: string;
  bytes: number;
  encrypted: boolean;
  counts: Record<RecordEntity, number>;
}

/** One export under way: its target, the partial written beside it, and its private temp folder. */
interface ExportJob {
  target: string;
  partial: string;
  work: string;
  /** The plaintext snapshot: in the private temp folder when encrypted, else the partial itself. */
  snapshotPath: string;
}

export type ExportStep = 'snapshot' | 'sealed' | 'written';

export interface ExportOptions {
  passphrase?: string;
  scrypt?: ScryptParams;
  /** Called as each step completes (the kill test times its kills from these). */
  onStep?: (step: ExportStep) => void;
  /** Cancelled: the export stops at its next step, and leaves neither the partial file nor its temp folder. */
  signal?: AbortSignal;
}

const exportCancelled = () => cancelledError({ zh: '已取消导出：未写入任何文件。', en: 'Export cancelled: no file was written.' });

function exportFailed(job: ExportJob, error: unknown): never {
  rmSync(job.partial, { force: true });
  rmSync(job.work, { recursive: true, force: true });
  if (error instanceof AppError) throw error;
  throw new AppError('internal', {
    zh: `无法写入“${job.target}”。请检查该位置是否可写、空间是否足够。`,
    en: `Cannot write "${job.target}". Check that the location is writable and has enough space.`,
  });
}

/** The consistent snapshot (VACUUM INTO: never a copy of the live file), as a plain rollback-journal file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file at `file` is one an export may replace: none there, empty, a SQLite file or an encrypted export. */
function replaceableByExport(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    if (!statSync(file).isFile()) return false;
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return true;
    return head.subarray(0, read).equals(SQLITE_HEADER) || head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function startExport(core: Core, outPath: string, options: ExportOptions): ExportJob {
  const target = path.resolve(outPath);
  if (target === path.resolve(core.opened.path)) {
    throw new AppError('invalid_input', { zh: '不能导出到正在使用的数据库文件本身。', en: 'Cannot export onto the database file that is in use.' });
  }
  if (!replaceableByExport(target)) {
    throw new AppError('invalid_input', {
      zh: `“${path.basename(target)}”已存在，且不是本应用的数据库文件：导出不会覆盖它。请换一个文件名。`,
      en: `“${path.basename(target)}” exists and is not a Partnership Tracker database: an export never replaces it. Choose another name.`,
    });
  }
  const work = privateTempDir('export');
  const partial = partialPathFor(target);
  const job = { target, partial, work, snapshotPath: options.passphrase ? path.join(work, 'snapshot.db') : partial };
  try {
    // Noted first, so the next start can remove the partial if this process is killed.
    writePrivateFile(path.join(work, PARTIAL_NOTE), partial);
    createPrivateFile(job.snapshotPath);
    core.sqlite.prepare('VACUUM INTO ?').run(job.snapshotPath);
    // A plain rollback-journal file: the sqlite3 tool, or another office, opens it as it is.
    const snapshot = openSqlite(job.snapshotPath, { nativeBinding: core.openOptions.nativeBinding });
    snapshot.pragma('journal_mode = DELETE');
    snapshot.close();
    options.onStep?.('snapshot');
    return job;
  } catch (error) {
    return exportFailed(job, error);
  }
}

/** The sealed bytes (or the plain snapshot) flushed under the partial name, renamed over the target, logged. */
function completeExport(core: Core, job: ExportJob, sealed: Buffer | null, options: ExportOptions): ExportResult {
  try {
    if (sealed) {
      rmSync(job.snapshotPath, { force: true });
      options.onStep?.('sealed');
      writeDurable(job.partial, sealed);
    } else {
      fsyncFile(job.partial);
    }
    options.onStep?.('written');
    renameSync(job.partial, job.target);
  } catch (error) {
    exportFailed(job, error);
  }
  rmSync(job.work, { recursive: true, force: true });
  const counts = countRecords(core);
  core.sqlite
    .prepare('INSERT INTO sync_log (id, direction, at, file_name, peer_origin, peer_office, peer_hlc, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(uuidv7(), 'export', core.now().toISOString(), path.basename(job.target), null, null, core.clock.current(), JSON.stringify(counts));
  return { path: job.target, bytes: statSync(job.target).size, encrypted: !!sealed, counts };
}

/**
 * Write everything to `outPath`, optionally encrypted. The target is written whole under a partial
 * name beside it and then renamed over it, so an older export at that name survives a crash intact
 * or is replaced whole. An encrypted export's plaintext snapshot is made in a private (0700) temp
 * folder on the local disk, never in the target's folder (a USB stick keeps deleted files
 * readable). A killed export's partial file and temp folder are removed at the next start.
 */
export function exportDatabase(core: Core, outPath: string, options: ExportOptions = {}): ExportResult {
  const job = startExport(core, outPath, options);
  let sealed: Buffer | null = null;
  try {
    if (options.passphrase) sealed = encryptBytes(readFileSync(job.snapshotPath), options.passphrase, options.scrypt);
  } catch (error) {
    exportFailed(job, error);
  }
  return completeExport(core, job, sealed, options);
}

/** exportDatabase with the key derived off the calling thread (the contract's and the CLI's export). */
export async function exportDatabaseAsync(core: Core, outPath: string, options: ExportOptions = {}): Promise<ExportResult> {
  if (options.signal?.aborted) throw exportCancelled();
  const job = startExport(core, outPath, options);
  let sealed: Buffer | null = null;
  try {
    // A cancel asked for while the snapshot was made arrives now.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw exportCancelled();
    if (options.passphrase) sealed = await encryptBytesAsync(readFileSync(job.snapshotPath), options.passphrase, options.scrypt);
    if (options.signal?.aborted) throw exportCancelled();
  } catch (error) {
    exportFailed(job, error);
  }
  return completeExport(core, job, sealed, options);
}

export interface MergeSummary {
  fileName: string;
  peerOffice: string | null;
  peerOrigin: string | null;
  encrypted: boolean;
  added: number;
  changed: number;
  deleted: number;
  conflicts: number;
  entities: Record<RecordEntity, EntityCounts>;
  conflictList: FieldConflict[];
  duplicates: DuplicateCandidate[];
  clockAheadMs: number;
  /** Set when applied. */
  syncId: string | null;
  /** Values that break the domain rules (a dry run asked to list them; such a file is refused). */
  invalid: InvalidValue[];
  /** How many records break the rules. */
  invalidCount: number;
  /** Why such a file is refused, in both languages, naming the first bad value (null when nothing breaks the rules). */
  refusal: { zh: string; en: string } | null;
  backupPath: string | null;
}

export interface MergeFileOptions extends Omit<OpenIncomingOptions, 'judgedByMerge'>, ApplyOptions {
  dryRun?: boolean;
  /** With dryRun: list every value that breaks the rules instead of refusing the file. */
  listInvalid?: boolean;
  /** Where the backup made before merging goes; default the core's backup folder. */
  backupDir?: string;
}

/**
 * Validate, then (unless a dry run) merge in one transaction, reading the file as a stream, with the backup before
 * the merge written meanwhile by another thread (the database as the merge found it, under its write lock). A clock
 * too far ahead is refused before the backup; a refusal while merging rolls back. A file refused for its values
 * (judged as the merge reads them) leaves no backup, as when the open judged them.
 */
export function mergeFile(core: Core, file: string, options: MergeFileOptions = {}): MergeSummary {
  // The incoming file is opened with the core's addon build and migrations (the desktop app's own, not Node's or a bundle chunk's).
  const { migrationsFolder, nativeBinding } = core.openOptions;
  // The merge judges the records it reads against the rules (in its transaction), not the open.
  const source = openIncomingFile(file, { migrationsFolder, nativeBinding, ...options, judgedByMerge: true });
  try {
    let backup: RunningBackup | null = null;
    let result: ReturnType<typeof mergeIncoming>;
    try {
      result = mergeIncoming(core, source, {
        ...options,
        listInvalid: !!options.dryRun && !!options.listInvalid,
        whileMerging: () => (backup = startBackup(core, 'before-merge', options.backupDir ?? core.openOptions.backupDir)),
      });
    } catch (error) {
      // Nothing of the file was merged: the backup made for it is this database as it is.
      if (backup && error instanceof AppError && error.code === 'invalid_input') rmSync((backup as RunningBackup).path, { force: true });
      throw error;
    }
    const backupPath = (backup as RunningBackup | null)?.path ?? null;
    const refused = result.invalidCount > 0;
    // Only a dry run that asked for the list gets a file that breaks the rules this far: nothing of it is merged, so nothing is counted.
    const none = { added: 0, changed: 0, deleted: 0, conflicts: 0 };
    return {
      fileName: source.fileName,
      peerOffice: source.office,
      peerOrigin: source.origin,
      encrypted: source.encrypted,
      ...(refused ? none : result.totals),
      entities: refused ? (Object.fromEntries(MERGE_ORDER.map((e) => [e, { ...none }])) as Record<RecordEntity, EntityCounts>) : result.counts,
      conflictList: refused ? [] : result.conflicts,
      duplicates: refused ? [] : result.duplicates,
      clockAheadMs: result.clockAheadMs,
      syncId: result.syncId,
      backupPath,
      invalid: result.invalid,
      invalidCount: result.invalidCount,
      refusal: refused ? invalidFileError(source.fileName, result.invalid[0]!, result.invalidCount).localized : null,
    };
  } finally {
    source.close();
  }
}

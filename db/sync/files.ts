/** Export and import of whole database files, as a user runs them (Sync view, File menu, CLI). */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { uuidv7 } from '../ids';
import type { Core } from '../core';
import { countRecords } from '../info';
import { writeBackup } from '../backups';
import { openSqlite } from '../sqlite';
import { encryptBytes, type ScryptParams } from './crypto';
import { openIncomingFile, type OpenIncomingOptions } from './incoming';
import { checkClockSkew, clockAheadOf, mergeIncoming, type ApplyOptions, type EntityCounts, type FieldConflict, type DuplicateCandidate } from './merge';
import type { RecordEntity } from '../schema';

export interface ExportResult {
  path: string;
  bytes: number;
  encrypted: boolean;
  counts: Record<RecordEntity, number>;
}

/** Write a consistent snapshot of everything (VACUUM INTO: never a copy of the live file), optionally encrypted. */
export function exportDatabase(core: Core, outPath: string, options: { passphrase?: string; scrypt?: ScryptParams } = {}): ExportResult {
  const target = path.resolve(outPath);
  if (target === path.resolve(core.opened.path)) {
    throw new AppError('invalid_input', { zh: '不能导出到正在使用的数据库文件本身。', en: 'Cannot export onto the database file that is in use.' });
  }
  const temp = `${target}.${uuidv7()}.partial`;
  try {
    core.sqlite.prepare('VACUUM INTO ?').run(temp);
    // A plain rollback-journal file: the sqlite3 tool, or another office, opens it as it is.
    const snapshot = openSqlite(temp, { nativeBinding: core.openOptions.nativeBinding });
    snapshot.pragma('journal_mode = DELETE');
    snapshot.close();
    if (options.passphrase) {
      writeFileSync(target, encryptBytes(readFileSync(temp), options.passphrase, options.scrypt));
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, target);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('internal', {
      zh: `无法写入“${target}”。请检查该位置是否可写、空间是否足够。`,
      en: `Cannot write "${target}". Check that the location is writable and has enough space.`,
    });
  }
  const counts = countRecords(core);
  core.sqlite
    .prepare('INSERT INTO sync_log (id, direction, at, file_name, peer_origin, peer_office, peer_hlc, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(uuidv7(), 'export', core.now().toISOString(), path.basename(target), null, null, core.clock.current(), JSON.stringify(counts));
  return { path: target, bytes: statSync(target).size, encrypted: !!options.passphrase, counts };
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
  backupPath: string | null;
}

export interface MergeFileOptions extends OpenIncomingOptions, ApplyOptions {
  dryRun?: boolean;
  /** Where the backup made before merging goes; default the core's backup folder. */
  backupDir?: string;
}

/**
 * Validate, then (unless a dry run) back up and merge in one transaction, reading the file as a
 * stream. A clock too far ahead is refused before the backup; a refusal while merging rolls back.
 */
export function mergeFile(core: Core, file: string, options: MergeFileOptions = {}): MergeSummary {
  // The incoming file is opened with the core's addon build and migrations (the desktop app's own, not Node's or a bundle chunk's).
  const { migrationsFolder, nativeBinding } = core.openOptions;
  const source = openIncomingFile(file, { migrationsFolder, nativeBinding, ...options });
  try {
    let backupPath: string | null = null;
    if (!options.dryRun) {
      checkClockSkew(clockAheadOf(core, source.maxHlc), options.acceptClockSkew);
      backupPath = writeBackup(core, 'before-merge', options.backupDir ?? core.openOptions.backupDir);
    }
    const result = mergeIncoming(core, source, options);
    return {
      fileName: source.fileName,
      peerOffice: source.office,
      peerOrigin: source.origin,
      encrypted: source.encrypted,
      ...result.totals,
      entities: result.counts,
      conflictList: result.conflicts,
      duplicates: result.duplicates,
      clockAheadMs: result.clockAheadMs,
      syncId: result.syncId,
      backupPath,
    };
  } finally {
    source.close();
  }
}

/**
 * Where backups go and how they are named, shared by the migration backup (db/open.ts), the
 * merge backup (db/sync/files.ts) and db/backups.ts, so the Backups view lists them all:
 *   <backupDir>/<db file name>.<tag>.<UTC time>.bak
 * tag: daily | manual | before-restore | before-import | before-merge | before-vN (migration).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-files';

export type BackupReason = 'daily' | 'migration' | 'merge' | 'import' | 'before-restore' | 'manual';

/** The default folder: `backups/` beside the database file. */
export function backupFolder(dbFile: string, backupDir?: string): string {
  return backupDir ?? path.join(path.dirname(dbFile), 'backups');
}

export function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A new backup path for that tag (the folder is created); never one that exists already. */
export function newBackupPath(dbFile: string, tag: string, date: Date, backupDir?: string): string {
  const dir = backupFolder(dbFile, backupDir);
  ensurePrivateDir(dir);
  let at = date.getTime();
  for (;;) {
    const candidate = path.join(dir, `${path.basename(dbFile)}.${tag}.${stampOf(new Date(at))}.bak`);
    if (!existsSync(candidate) && !readdirSync(dir).some((name) => name.startsWith(`${path.basename(candidate)}.`) && name.endsWith('.partial')))
      return candidate;
    at += 1;
  }
}

export function reasonOfTag(tag: string): BackupReason | null {
  if (/^before-v\d+$/.test(tag)) return 'migration';
  if (tag === 'before-merge') return 'merge';
  if (tag === 'before-import') return 'import';
  if (tag === 'before-restore' || tag === 'daily' || tag === 'manual') return tag;
  return null;
}

/** Parse a name written by newBackupPath for this database file; null for anything else. */
export function parseBackupName(dbFile: string, name: string): { reason: BackupReason; time: string } | null {
  const base = path.basename(dbFile);
  if (!name.startsWith(`${base}.`)) return null;
  const match = /^([a-z0-9-]+)\.(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.bak$/.exec(name.slice(base.length + 1));
  if (!match) return null;
  const reason = reasonOfTag(match[1]!);
  if (!reason) return null;
  const time = `${match[2]}T${match[3]}:${match[4]}:${match[5]}.${match[6]}Z`;
  return Number.isNaN(Date.parse(time)) ? null : { reason, time };
}

/**
 * One office, one id (issue #15). The office id (meta `origin_id`) is part of every stamp the office
 * writes; two offices that share one would issue equal stamps and never see each other's concurrent
 * edits as conflicts. A database copied to set up a second office, or an export opened as a working
 * database, carries the first office's id, so the id is tied to the file it was made for: its device
 * and inode (`origin_file`). Opened as another file, the database takes an id of its own
 * before its first write and keeps the ids it had before (`origin_history`), so its own backups still
 * restore. A fresh id is always safe: only stamps carry it.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { uuidv7 } from './ids';

export const META_ORIGIN = 'origin_id';
export const META_ORIGIN_FILE = 'origin_file';
export const META_ORIGIN_HISTORY = 'origin_history';
/** The meta keys that say which office a file belongs to: they differ between copies of one database. */
export const OFFICE_ID_KEYS = [META_ORIGIN, META_ORIGIN_FILE, META_ORIGIN_HISTORY] as const;

/** The identity of a database file on disk, or null when it has none (in memory, or it cannot be read). */
export function fileIdentity(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    // Moving a file keeps its identity; a copy does not. Not the creation time: where statx is missing it
    // reads as ctime, which every chmod changes.
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

function readMeta(sqlite: Database.Database, key: string): string | null {
  return (sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The ids this database had before its current one, oldest first. */
export function earlierOfficeIds(sqlite: Database.Database): string[] {
  try {
    const parsed: unknown = JSON.parse(readMeta(sqlite, META_ORIGIN_HISTORY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The office id of the database open at `file`, writable: its own, or a new one if the file is a copy
 * of another (then the old one joins the history). One transaction, before any other write.
 */
export function claimOfficeId(sqlite: Database.Database, file: string): string {
  const identity = fileIdentity(file);
  const kept = (current: string | null) => !!current && (identity === null || readMeta(sqlite, META_ORIGIN_FILE) === identity);
  const current = readMeta(sqlite, META_ORIGIN);
  if (kept(current)) return current!;
  // Decided again inside a write transaction: two processes opening one file at once take one id.
  return sqlite
    .transaction(() => {
      const now = readMeta(sqlite, META_ORIGIN);
      if (kept(now)) return now!;
      // A file from before ids were tied to files may be such a copy too: it takes a new id once.
      const origin = uuidv7();
      if (now) writeMeta(sqlite, META_ORIGIN_HISTORY, JSON.stringify([...new Set([...earlierOfficeIds(sqlite), now])]));
      writeMeta(sqlite, META_ORIGIN, origin);
      if (identity !== null) writeMeta(sqlite, META_ORIGIN_FILE, identity);
      return origin;
    })
    .immediate();
}

/** Whether a backup stamped with `origin` was made by this office, under its id now or an earlier one. */
export function isOwnOfficeId(sqlite: Database.Database, current: string, origin: string | undefined): boolean {
  return origin !== undefined && (origin === current || earlierOfficeIds(sqlite).includes(origin));
}

/**
 * In a backup's private copy, before its pages replace the live file's (`file`): the office keeps the id
 * it has now (a backup does not turn it back into the office it was), with every earlier id of both in
 * its history, and the live file's identity.
 */
export function keepOfficeIdAfterRestore(sqlite: Database.Database, file: string, current: string, historyBefore: string[]): void {
  const restored = readMeta(sqlite, META_ORIGIN);
  const history = [...new Set([...historyBefore, ...earlierOfficeIds(sqlite), ...(restored && restored !== current ? [restored] : [])])].filter(
    (id) => id !== current,
  );
  const identity = fileIdentity(file);
  // Only what differs: restoring this office's own backup of this file changes nothing here.
  const wanted: [string, string | null][] = [
    [META_ORIGIN, current],
    [META_ORIGIN_HISTORY, history.length > 0 || readMeta(sqlite, META_ORIGIN_HISTORY) !== null ? JSON.stringify(history) : null],
    [META_ORIGIN_FILE, identity],
  ];
  sqlite.transaction(() => {
    for (const [key, value] of wanted) if (value !== null && readMeta(sqlite, key) !== value) writeMeta(sqlite, key, value);
  })();
}

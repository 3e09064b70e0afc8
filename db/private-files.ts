/**
 * Files only the user can read, and nothing half-made left behind.
 *
 * Databases, backups, exports and temporary files hold personal data of officials: they are
 * created 0600 (folders the app creates, 0700), so other accounts on the computer cannot read
 * them. Every file the app writes whole goes first to a partial name beside its target
 * (`<target>.<pid>-<random>.partial`), then is renamed over it: a kill leaves the target as it
 * was, and the partial is removed at the next start (once the process that wrote it is gone).
 * Temporary folders (`pt-<kind>-<pid>-XXXXXX` in the system temp folder) are swept the same way.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** The folder, created 0700 where the app creates it (an existing folder is left as the user set it). */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Make an existing file readable by its owner only (no-op where the system has no such modes). */
export function restrictFile(file: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // gone, or on a file system without modes (FAT on a USB stick)
  }
}

/**
 * An empty file created 0600, for SQLite to write into (VACUUM INTO and the backup API accept an
 * empty file and keep its mode; their journals take the database file's mode).
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  restrictFile(file);
}

/** Write bytes to `file` (0600). */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  restrictFile(file);
}

/** Bytes to `file` (0600), flushed to the disk before returning (it is about to be renamed over a target). */
export function writeDurable(file: string, data: Uint8Array): void {
  const fd = openSync(file, 'w', PRIVATE_FILE_MODE);
  try {
    for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset, Math.min(data.length - offset, 1 << 24));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  restrictFile(file);
}

/** Flush a written file to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** In a temp folder: the path of the partial file its process writes elsewhere (an export's target folder). */
export const PARTIAL_NOTE = 'partial-target';

const PARTIAL = /\.(\d+)-[0-9a-f]{8}\.partial$/;

/** A partial name beside `target` that records which process writes it. */
export function partialPathFor(target: string): string {
  return `${target}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process its parent has not reaped yet (a zombie) still answers signal 0, but writes nothing.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^Z/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true; // no /proc (macOS, Windows): signal 0 is the answer
  }
}

/** True for a partial file (or temp folder) whose writer is no longer running. */
export function isStalePartial(name: string): boolean {
  const match = PARTIAL.exec(name);
  return !!match && !processAlive(Number(match[1]));
}

/** Write `data` to `target` whole: a 0600 partial beside it, then renamed over it. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const partial = partialPathFor(target);
  try {
    writeDurable(partial, typeof data === 'string' ? Buffer.from(data) : data);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Remove stale partial files in `dir` (left by a killed process); returns the names removed. */
export function removeStalePartials(dir: string): string[] {
  const removed: string[] = [];
  for (const name of namesIn(dir)) {
    if (!isStalePartial(name)) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // in use or not ours to remove
    }
  }
  return removed;
}

export type TempKind = 'export' | 'import' | 'restore' | 'sheet' | 'build';

/** A private (0700) folder in the system temp folder, named after this process so a later start can sweep it. */
export function privateTempDir(kind: TempKind): string {
  return mkdtempSync(path.join(os.tmpdir(), `pt-${kind}-${process.pid}-`));
}

const TEMP_DIR = /^pt-(export|import|restore|sheet|build)-(\d+)-[A-Za-z0-9]{6}$/;

/** Remove temp folders of processes that are gone (a killed export leaves its plaintext snapshot there). */
export function removeStaleTempDirs(root: string = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of namesIn(root)) {
    const match = TEMP_DIR.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    try {
      // An export killed mid-write: its partial file beside the target goes too.
      let noted: string | null = null;
      try {
        noted = readFileSync(path.join(root, name, PARTIAL_NOTE), 'utf8');
      } catch {
        // no note
      }
      if (noted && isStalePartial(noted)) rmSync(noted, { force: true });
      rmSync(path.join(root, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // not ours to remove
    }
  }
  return removed;
}

/**
 * What a killed write left behind, removed at start: partial files beside the database and in its
 * backup folder, and temp folders (with the export partials they note) of processes that are gone.
 */
export function removeLeftoversOfKilledWrites(dbFile: string, backupDir: string): string[] {
  return [...removeStalePartials(path.dirname(path.resolve(dbFile))), ...removeStalePartials(backupDir), ...removeStaleTempDirs()];
}

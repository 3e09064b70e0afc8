import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../db/open';
import { AppError } from '../../db/errors';
import { tempDir } from '../helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

describe('opening a database file', () => {
  it('creates a new file at the latest schema with WAL, foreign keys and a busy timeout, and makes no backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.db');
    const opened = await openDatabase(file);
    expect(opened.schemaVersion).toBe(loadMigrations().length);
    expect(opened.backupPath).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    opened.sqlite.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    const again = await openDatabase(file);
    expect(again.migrationsApplied).toBe(0);
    again.sqlite.close();
  });

  it('refuses a database written by a newer version, with a clear message, leaving it byte-for-byte untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.db');
    const opened = await openDatabase(file);
    // A newer app applied one more migration than this build knows.
    opened.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.UTC(2031, 0, 1));
    opened.sqlite.exec('CREATE TABLE future_feature (id TEXT PRIMARY KEY)');
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.sqlite.pragma('journal_mode = DELETE');
    opened.sqlite.close();
    const before = sha(file);
    const filesBefore = readdirSync(dir).sort();

    const error = await refusal(openDatabase(file));
    expect(error.code).toBe('future_database');
    expect(error.localized.en).toMatch(/newer version.*Update the app/);
    expect(error.localized.zh).toMatch(/更新版本.*更新本应用/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  // A large file's check is shared with a worker thread (db/quick-check-worker.ts): forced here on a small one.
  it.each([
    ['in this thread', {}],
    ['shared with a worker', { parallelCheckBytes: 0 }],
  ])('refuses a file whose records table is damaged, naming the damage, after opening it while it was sound (checked %s)', async (_how, checkOptions) => {
    const dir = tempDir();
    const file = path.join(dir, 'office.db');
    const opened = await openDatabase(file);
    const insert = opened.sqlite.prepare(
      "INSERT INTO organizations (id, display_name, country, kind, created_at, updated_at, hlc, origin) VALUES (?, ?, 'BG', 'city', '2026-01-01', '2026-01-01', ?, 'o')",
    );
    opened.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, `City ${i} ${'x'.repeat(200)}`, `h${i}`);
    })();
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // A leaf page of the organizations table, and the page size, before closing.
    const page = opened.sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'organizations' AND pagetype = 'leaf' LIMIT 1 OFFSET 5").pluck().get() as number;
    const pageSize = opened.sqlite.pragma('page_size', { simple: true }) as number;
    opened.sqlite.close();
    const again = await openDatabase(file, checkOptions);
    again.sqlite.close();

    const bytes = readFileSync(file);
    bytes.fill(0xff, (page - 1) * pageSize, (page - 1) * pageSize + 64);
    writeFileSync(file, bytes);
    const refused = await refusal(openDatabase(file, checkOptions));
    expect(refused.code).toBe('corrupt_database');
    expect(refused.localized.en).toMatch(/is damaged \(integrity check: [\s\S]+\)\. Restore it from a backup\./);
    expect(refused.localized.zh).toMatch(/已损坏/);
  });

  it('refuses random bytes and a database of another application, changing neither', async () => {
    const dir = tempDir();
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, randomBytes(8192));
    const junkSha = sha(junk);
    expect((await refusal(openDatabase(junk))).code).toBe('not_a_database');
    expect(sha(junk)).toBe(junkSha);

    const other = path.join(dir, 'other.db');
    const sqlite = new Database(other);
    sqlite.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
    sqlite.close();
    const otherSha = sha(other);
    const error = await refusal(openDatabase(other));
    expect(error.code).toBe('not_a_database');
    expect(error.localized.en).toMatch(/another application/);
    expect(sha(other)).toBe(otherSha);
    expect(existsSync(`${other}-wal`)).toBe(false);
  });

  it('refuses a schema history that does not match this build instead of skipping a step', async () => {
    const file = path.join(tempDir(), 'gap.db');
    const opened = await openDatabase(file);
    opened.sqlite.prepare('UPDATE __drizzle_migrations SET hash = ? WHERE id = (SELECT max(id) FROM __drizzle_migrations)').run('0'.repeat(64));
    opened.sqlite.close();
    const error = await refusal(openDatabase(file));
    expect(['migration_failed', 'future_database']).toContain(error.code);
  });

  it('refuses a database of another app that also uses drizzle migrations as not ours, not as a newer version', async () => {
    const file = path.join(tempDir(), 'other-drizzle.db');
    const sqlite = new Database(file);
    sqlite.exec(
      'CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric); CREATE TABLE invoices (id INTEGER PRIMARY KEY)',
    );
    sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('a'.repeat(64), Date.UTC(2035, 0, 1));
    sqlite.close();
    const before = sha(file);
    const error = await refusal(openDatabase(file));
    expect(error.code).toBe('not_a_database');
    expect(error.localized.en).toMatch(/another application/);
    expect(sha(file)).toBe(before);
  });
});

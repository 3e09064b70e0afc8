import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, openDatabase } from '../../../db/open';
import { tempDir } from '../../helpers';
import { FILL_ROWS, fillAtVersion1, snapshotRows } from './fill';

/** A database at migration 0000 filled with rows in every table, children pointing at organizations. */
function databaseAtVersion1(): { file: string; before: Record<string, unknown[]> } {
  const file = path.join(tempDir(), 'office.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  applyMigrations(sqlite, loadMigrations().slice(0, 1));
  fillAtVersion1(sqlite);
  const before = snapshotRows(sqlite);
  sqlite.close();
  return { file, before };
}

describe('migration 0001: organization coordinate checks (rebuilds the organizations table)', () => {
  it('keeps every row of every table, including the children of the rebuilt table', async () => {
    const { file, before } = databaseAtVersion1();
    expect(before.organizations).toHaveLength(FILL_ROWS);
    expect(before.partnership_parties).toHaveLength(2 * FILL_ROWS);

    const opened = await openDatabase(file);
    const latest = loadMigrations().length;
    expect(opened.migrationsApplied).toBe(latest - 1);
    expect(opened.schemaVersion).toBe(latest);
    expect(snapshotRows(opened.sqlite)).toEqual(before);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(latest);
    opened.sqlite.close();
  });

  it('backs the file up first, and the backup is the database as it was', async () => {
    const { file, before } = databaseAtVersion1();
    const opened = await openDatabase(file);
    expect(opened.backupPath).not.toBeNull();
    opened.sqlite.close();
    expect(existsSync(opened.backupPath!)).toBe(true);
    const backup = new Database(opened.backupPath!, { readonly: true });
    expect(snapshotRows(backup)).toEqual(before);
    expect((backup.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(1);
    backup.close();
    expect(readFileSync(opened.backupPath!).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('after the upgrade, coordinates out of range are refused by the database itself', async () => {
    const { file } = databaseAtVersion1();
    const opened = await openDatabase(file);
    const insert = opened.sqlite.prepare(
      `INSERT INTO organizations (id, created_at, updated_at, hlc, origin, display_name, latitude) VALUES ('x', 't', 't', 'h', 'o', 'Nowhere', ?)`,
    );
    expect(() => insert.run(123)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(45)).not.toThrow();
    opened.sqlite.close();
  });

  it('is all or nothing: a failing upgrade leaves every row and the schema version as they were', async () => {
    const { file, before } = databaseAtVersion1();
    // A row that violates the new CHECK makes the rebuild fail half-way.
    const sqlite = new Database(file);
    sqlite.prepare("UPDATE organizations SET latitude = 200 WHERE display_name = 'City 5' OR name_en = 'City 5'").run();
    const withBadRow = snapshotRows(sqlite);
    sqlite.close();
    expect(withBadRow).not.toEqual(before);
    await expect(openDatabase(file)).rejects.toThrow(/CHECK constraint failed/);
    const after = new Database(file, { readonly: true });
    expect(snapshotRows(after)).toEqual(withBadRow);
    expect((after.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(1);
    after.close();
  });
});

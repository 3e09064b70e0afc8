/** Fill a database at a given schema with rows in every table, children pointing at parents. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { applyMigrations, loadMigrations, openDatabase } from '../../../db/open';
import { tempDir } from '../../helpers';

const T = '2024-05-01T08:00:00.000Z';
const STAMP = '001714550400000-000000-office-a';
const common = { created_at: T, updated_at: T, hlc: STAMP, origin: 'office-a', field_stamps: '{}' };

function insert(sqlite: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  sqlite
    .prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...Object.values(row));
}

/** The id of the filled row `n` of a kind (1 programmes, 2 organizations, 3 partnerships, … 8 meetings: see below). */
export const filledId = (kind: number, n: number) => `0190${String(kind).padStart(4, '0')}-0000-7000-8000-${String(n).padStart(12, '0')}`;
const id = filledId;

/** Rows per table written by `fillAtVersion1`: enough to notice any loss. */
export const FILL_ROWS = 20;

/** Rows valid for the schema of migration 0000 (the first one). */
export function fillAtVersion1(sqlite: Database.Database): void {
  const fill = sqlite.transaction(() => {
    insert(sqlite, 'programmes', { id: id(1, 1), ...common, name_zh: '中欧智慧城市合作', name_en: 'EU–China Smart City Cooperation' });
    for (let n = 0; n < FILL_ROWS; n++) {
      insert(sqlite, 'organizations', {
        id: id(2, n), ...common, display_name: `城市 ${n} / City ${n}`, name_zh: `城市${n}`, name_en: `City ${n}`,
        aliases: JSON.stringify([`Город ${n}`]), country: n % 2 ? 'CN' : 'BG', kind: 'city', latitude: 23 + n / 10, longitude: 116 + n / 10,
        deleted_at: n === 3 ? T : null,
      });
    }
    for (let n = 0; n < FILL_ROWS; n++) {
      insert(sqlite, 'partnerships', {
        id: id(3, n), ...common, title: `合作 ${n}`, kind: 'sister_city', status: 'active', status_since: '2017-05-31',
        programme_id: n % 2 ? id(1, 1) : null, topics: '["smart_city"]',
      });
      insert(sqlite, 'partnership_parties', { id: id(4, 2 * n), ...common, partnership_id: id(3, n), organization_id: id(2, n) });
      insert(sqlite, 'partnership_parties', { id: id(4, 2 * n + 1), ...common, partnership_id: id(3, n), organization_id: id(2, (n + 1) % FILL_ROWS) });
      insert(sqlite, 'partnership_status_history', { id: id(5, n), ...common, partnership_id: id(3, n), status: 'active', started_on: '2017-05-31' });
      insert(sqlite, 'milestones', {
        id: id(6, n), ...common, partnership_id: id(3, n), title: `联合声明 ${n}`, date: '2017-05', date_precision: 'month',
        kind: 'joint_statement', status: 'done',
      });
      insert(sqlite, 'contacts', { id: id(7, n), ...common, name: `联系人 ${n}`, organization_id: id(2, n) });
      insert(sqlite, 'meetings', { id: id(8, n), ...common, title: `会见 ${n}`, date: '2024-04-30', format: 'in_person', kind: 'incoming_delegation' });
      insert(sqlite, 'meeting_partnerships', { id: id(9, n), ...common, meeting_id: id(8, n), partnership_id: id(3, n) });
      insert(sqlite, 'meeting_attendees', {
        id: id(10, n), ...common, meeting_id: id(8, n), contact_id: id(7, n), side: 'partner', organization_id: id(2, n), is_interpreter: 0,
      });
      insert(sqlite, 'tasks', { id: id(11, n), ...common, title: `跟进 ${n}`, status: 'open', priority: 'normal', partnership_id: id(3, n), meeting_id: id(8, n), due_on: '2024-05-15' });
      const sha = String(n).padStart(64, 'a');
      insert(sqlite, 'blobs', { sha256: sha, size: 3, data: Buffer.from([1, 2, n]), created_at: T });
      insert(sqlite, 'attachments', { id: id(12, n), ...common, sha256: sha, file_name: `mou-${n}.pdf`, size: 3, partnership_id: id(3, n) });
      insert(sqlite, 'change_log', { entity: 'organizations', row_id: id(2, n), field: 'display_name', value: '"x"', hlc: STAMP, origin: 'office-a', via: 'local', recorded_at: T });
      insert(sqlite, 'conflicts', { id: id(13, n), entity: 'organizations', row_id: id(2, n), field: 'notes', winning_hlc: STAMP, losing_hlc: STAMP, detected_at: T });
      insert(sqlite, 'sync_log', { id: id(14, n), direction: 'import', at: T, file_name: `f${n}.db` });
      insert(sqlite, 'duplicate_candidates', { id: id(15, n), entity: 'organizations', local_id: id(2, n), imported_id: id(2, (n + 2) % FILL_ROWS), detected_at: T });
    }
    insert(sqlite, 'meta', { key: 'office_name', value: '汕头市外事局' });
  });
  fill();
}

/**
 * Every row of every user table, for before/after comparison (the search index is derived, and filled by the core;
 * partnership_meetings, partnership_facts and task_counts are derived, and filled by migration 0007; timeline_order by 0012;
 * meeting_counts by 0013; map_partnerships and its always empty map_refresh by 0014; quiet_order and its always empty
 * quiet_refresh by 0017).
 */
export function snapshotRows(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' AND name NOT IN ('__drizzle_migrations', 'partnership_meetings', 'partnership_facts', 'task_counts', 'timeline_order', 'meeting_counts', 'map_partnerships', 'map_refresh', 'quiet_order', 'quiet_refresh') ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => {
      const key = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).get(name) as { name: string }).name;
      return [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY "${key}"`).all()];
    }),
  );
}

/** A database file with the first `migrations` migrations applied, filled with rows in every table, and its rows. */
export function filledDatabaseAt(migrations: number): { file: string; before: Record<string, unknown[]> } {
  const file = path.join(tempDir(), 'office.db');
  const sqlite = new Database(file);
  applyMigrations(sqlite, loadMigrations().slice(0, migrations));
  fillAtVersion1(sqlite);
  const before = snapshotRows(sqlite);
  sqlite.close();
  return { file, before };
}

/** EXPLAIN QUERY PLAN of a statement, its steps joined on one line. */
export const planText = (sqlite: Database.Database, sql: string, ...params: unknown[]): string =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

/**
 * A filled database at the first `migrations` migrations, opened by the app (which applies the rest): every row is
 * still there and every link still leads somewhere.
 */
export async function migratedFrom(migrations: number): Promise<Database.Database> {
  const { file, before } = filledDatabaseAt(migrations);
  const opened = await openDatabase(file);
  expect(opened.migrationsApplied).toBe(loadMigrations().length - migrations);
  expect(snapshotRows(opened.sqlite)).toEqual(before);
  expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
  return opened.sqlite;
}

/**
 * Run each of `writes` on a migrated database, with foreign keys off (a merge may bring a child before its parent),
 * and after each one `check` what the triggers keep (the write is named in a failure).
 */
export function afterEachWrite(sqlite: Database.Database, writes: string[], check: (write: string) => void): void {
  sqlite.pragma('foreign_keys = OFF');
  for (const write of writes) {
    sqlite.prepare(write).run();
    check(write);
  }
}

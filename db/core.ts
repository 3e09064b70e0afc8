/**
 * The core: an open database plus what every operation needs (clock, origin, office),
 * and the stamped write primitives every domain module uses, so no write skips its stamps.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { recordTables, type RecordEntity } from './schema';
import { HybridLogicalClock, MAX_STAMP_MS } from './hlc';
import { STAMP_PATTERN, stampSql } from './rules';
import { uuidv7 } from './ids';
import { claimOfficeId, META_ORIGIN } from './office-id';
import { openDatabase, type OpenedDatabase, type OpenOptions } from './open';
import { AppError, notFound } from './errors';
import { JobRegistry } from './jobs';
import { FileGrants } from './file-grants';
import { ensureSearchIndex, indexRecord } from './search';
import { backupFolder } from './backup-files';
import { removeLeftoversOfKilledWrites } from './private-files';
import { statementOf } from './prepared';

/**
 * What a shell needs besides the contract (db/api.ts) to open and close the core: the checkout's root, the check of a
 * file before it is opened (`cli check`), and writing an output whole or not at all. cli/ and electron/ import db/
 * only through db/api, db/core and db/errors (eslint.config.mjs).
 */
export { findUp } from './open';
export { checkDatabase } from './check';
export { writeFileAtomic } from './private-files';
export { startCoreThreads, READER_OPERATIONS, type CoreDoor, type CorePort, type CoreThreadsOptions } from './core-host';
export type { CoreThreadReply, CoreThreadRequest } from './core-protocol';

export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface CoreOptions extends OpenOptions {
  appVersion?: string;
  /** Wall clock for stamps and dates; tests pin it. */
  now?: () => Date;
}

/** What a shell lends the core: things only a shell can do (render a PDF with its browser engine). */
export interface CoreServices {
  renderPdf?: (html: string) => Promise<Buffer>;
}

export interface Core {
  opened: OpenedDatabase;
  /** How the file was opened: a worker thread opens its own connection the same way. */
  openOptions: CoreOptions;
  services: CoreServices;
  jobs: JobRegistry;
  /** The files a person chose in a shell, by handle (db/file-grants.ts): the only files the contract reads or writes. */
  files: FileGrants;
  sqlite: OpenedDatabase['sqlite'];
  db: Drizzle;
  clock: HybridLogicalClock;
  appVersion: string;
  now: () => Date;
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  close(): void;
}

const META_HLC = 'hlc_last';

/**
 * The clock's last stamp as stored, or, when it cannot be read or lies beyond the latest time (a file
 * damaged by an older version), the highest sound stamp of the change log: never an unreadable one.
 */
function lastStamp(sqlite: OpenedDatabase['sqlite'], stored: string | null): string | null {
  if (stored !== null && STAMP_PATTERN.test(stored) && Number(stored.slice(0, 15)) <= MAX_STAMP_MS) return stored;
  const best = sqlite
    .prepare(`SELECT max(hlc) FROM change_log WHERE ${stampSql('hlc')}`)
    .pluck()
    .get() as string | null;
  if (stored !== null)
    console.error(`hlc_last ${JSON.stringify(stored.slice(0, 80))} is not a stamp the app can write; the clock continues from ${String(best)}`);
  return best;
}

export async function openCore(file: string, options: CoreOptions = {}): Promise<Core> {
  const opened = await openDatabase(file, options);
  const sqlite = opened.sqlite;
  const db = drizzle(sqlite, { schema });
  const now = options.now ?? (() => new Date());
  const getMeta = (key: string): string | null =>
    (statementOf(sqlite, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const setMeta = (key: string, value: string): void => {
    statementOf(sqlite, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  };
  // Read-only, the file's id as it is (or none); writable, an id of this file's own (db/office-id.ts).
  const origin = options.readonly ? (getMeta(META_ORIGIN) ?? 'readonly') : claimOfficeId(sqlite, opened.path);
  const clock = new HybridLogicalClock(origin, lastStamp(sqlite, getMeta(META_HLC)), () => now().getTime());
  const core: Core = {
    opened,
    sqlite,
    db,
    clock,
    appVersion: options.appVersion ?? '0.0.0',
    openOptions: options,
    services: {},
    jobs: new JobRegistry(),
    files: new FileGrants(),
    now,
    getMeta,
    setMeta,
    close: () => sqlite.close(),
  };
  ensureSearchIndex(core);
  if (!options.readonly && !options.attached) removeLeftoversOfKilledWrites(file, backupFolder(file, options.backupDir));
  return core;
}

/** Column JS key -> SQL column name, for a record table. */
export function columnNames(entity: RecordEntity): Record<string, string> {
  const columns = getTableColumns(recordTables[entity]);
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, column.name]));
}

export function tableName(entity: RecordEntity): string {
  return getTableName(recordTables[entity]);
}

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'hlc', 'origin', 'fieldStamps']);

type SqlValue = string | number | bigint | Buffer | null;

function toSql(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}

interface StoredRow {
  id: string;
  deleted_at: string | null;
  field_stamps: string;
  [column: string]: unknown;
}

function readStored(core: Core, entity: RecordEntity, id: string): StoredRow | undefined {
  return statementOf(core.sqlite, `SELECT * FROM "${tableName(entity)}" WHERE id = ?`).get(id) as StoredRow | undefined;
}

interface ChangeLogEntry {
  hlc: string;
  origin: string;
  office: string | null;
  via: string;
  at: string;
}

function logChanges(core: Core, entity: RecordEntity, id: string, changes: [string, SqlValue][], entry: ChangeLogEntry): void {
  const insert = statementOf(
    core.sqlite,
    'INSERT OR IGNORE INTO change_log (entity, row_id, field, value, hlc, origin, office, via, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [column, value] of changes) {
    const json = JSON.stringify(Buffer.isBuffer(value) ? null : typeof value === 'bigint' ? Number(value) : value);
    insert.run(entity, id, column, json, entry.hlc, entry.origin, entry.office, entry.via, entry.at);
  }
}

function localEntry(core: Core, hlc: string): ChangeLogEntry {
  return { hlc, origin: core.clock.origin, office: core.getMeta('office_name'), via: 'local', at: core.now().toISOString() };
}

/**
 * field_stamps as stored, keys sorted: offices that hold the same stamps then hold the same text,
 * whichever order their fields were first stamped in (locally or by a merge).
 */
export function serializeStamps(stamps: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(stamps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

function persistClock(core: Core): void {
  core.setMeta(META_HLC, core.clock.current());
}

/** Values keyed by JS field name -> [SQL column, SQL value], skipping bookkeeping and undefined. */
function fieldChanges(entity: RecordEntity, values: Record<string, unknown>, withTombstone = false): [string, SqlValue][] {
  const names = columnNames(entity);
  const changes: [string, SqlValue][] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || (BOOKKEEPING.has(key) && !(withTombstone && key === 'deletedAt'))) continue;
    const column = names[key];
    if (!column) throw new Error(`${entity} has no field ${key}`);
    changes.push([column, toSql(value)]);
  }
  return changes;
}

/**
 * One INSERT of a whole record, every field stamped with `stamp.hlc` (or, for a fixed record written in two
 * revisions, with `fieldStamp` of its column, the row's stamps being the later revision's). Returns whether a row was written.
 */
function insertStamped(
  core: Core,
  entity: RecordEntity,
  changes: [string, SqlValue][],
  stamp: FixedStamp,
  onConflict: 'fail' | 'ignore',
  fieldStamp?: (column: string) => string,
): boolean {
  // A record written in two revisions: its stamps as a merge of the later write leaves them (sorted keys, see serializeStamps).
  const stamps = fieldStamp
    ? serializeStamps(Object.fromEntries(changes.map(([column]) => [column, fieldStamp(column)])))
    : JSON.stringify(Object.fromEntries(changes.map(([column]) => [column, stamp.hlc])));
  const rowHlc = stamp.later?.hlc ?? stamp.hlc;
  const updatedAt = stamp.later?.at ?? stamp.at;
  const columns = ['id', 'created_at', 'updated_at', 'hlc', 'origin', 'field_stamps', ...changes.map(([c]) => c)];
  const params: SqlValue[] = [stamp.id, stamp.at, updatedAt, rowHlc, stamp.origin, stamps, ...changes.map(([, v]) => v)];
  const sql = `INSERT INTO "${tableName(entity)}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return statementOf(core.sqlite, onConflict === 'ignore' ? `${sql} ON CONFLICT(id) DO NOTHING` : sql).run(...params).changes > 0;
}

/** Insert a record; every given field gets the same fresh stamp. Returns the new id. */
export function insertRecord(core: Core, entity: RecordEntity, values: Record<string, unknown>, id: string = uuidv7()): string {
  const changes = fieldChanges(entity, values);
  const hlc = core.clock.now();
  insertStamped(core, entity, changes, { id, hlc, origin: core.clock.origin, at: core.now().toISOString() }, 'fail');
  indexRecord(core.sqlite, entity, id);
  logChanges(core, entity, id, changes, localEntry(core, hlc));
  persistClock(core);
  return id;
}

/** Update the fields that actually change; each gets a fresh stamp. Returns the SQL names of changed fields. */
export function updateRecord(core: Core, entity: RecordEntity, id: string, patch: Record<string, unknown>): string[] {
  const stored = readStored(core, entity, id);
  if (!stored) throw notFound(entity, id);
  const changes = fieldChanges(entity, patch, true).filter(([column, next]) => {
    const current = stored[column] as SqlValue;
    return !(Buffer.isBuffer(next) && Buffer.isBuffer(current) ? next.equals(current) : next === current);
  });
  if (changes.length === 0) return [];
  const hlc = core.clock.now();
  const stamps = JSON.parse(stored.field_stamps) as Record<string, string>;
  for (const [column] of changes) stamps[column] = hlc;
  const sets = changes.map(([c]) => `"${c}" = ?`).join(', ');
  statementOf(core.sqlite, `UPDATE "${tableName(entity)}" SET ${sets}, updated_at = ?, hlc = ?, origin = ?, field_stamps = ? WHERE id = ?`).run(
    ...changes.map(([, v]) => v),
    core.now().toISOString(),
    hlc,
    core.clock.origin,
    serializeStamps(stamps),
    id,
  );
  indexRecord(core.sqlite, entity, id);
  logChanges(core, entity, id, changes, localEntry(core, hlc));
  persistClock(core);
  return changes.map(([c]) => c);
}

/** Soft delete: the tombstone is a stamped field like any other. */
export function deleteRecord(core: Core, entity: RecordEntity, id: string): void {
  const stored = readStored(core, entity, id);
  if (!stored) throw notFound(entity, id);
  if (stored.deleted_at) return;
  updateRecord(core, entity, id, { deletedAt: core.now().toISOString() });
}

export function restoreRecord(core: Core, entity: RecordEntity, id: string): void {
  const stored = readStored(core, entity, id);
  if (!stored) throw notFound(entity, id);
  if (!stored.deleted_at) return;
  updateRecord(core, entity, id, { deletedAt: null });
}

/** The record, or not_found if it does not exist (or is deleted, unless asked for). */
export function requireLive(core: Core, entity: RecordEntity, id: string, allowDeleted = false): StoredRow {
  const stored = readStored(core, entity, id);
  if (!stored || (!allowDeleted && stored.deleted_at)) throw notFound(entity, id);
  return stored;
}

export function assertWritable(core: Core): void {
  if (core.opened.sqlite.readonly) {
    throw new AppError('forbidden', {
      zh: '数据库以只读方式打开，无法保存更改。',
      en: 'The database is open read-only; changes cannot be saved.',
    });
  }
}

export interface FixedStamp {
  id: string;
  /** HLC stamp used for every field (but the `later` ones). */
  hlc: string;
  origin: string;
  /** created_at and updated_at */
  at: string;
  /**
   * Fields (JS names) written again later (a newer revision of the sample): they carry `later.hlc`, and the row's
   * hlc and updated_at are the later write's. The row is then the row an office holds after merging that write
   * into the record as first written: the same stamps, the same text.
   */
  later?: { hlc: string; at: string; fields: readonly string[] };
}

/**
 * Insert a record with a fixed id and fixed stamps (sample data): two offices that load the
 * same records hold identical rows, so a merge between them changes nothing. Does nothing if
 * the id already exists.
 */
export function insertFixedRecord(core: Core, entity: RecordEntity, values: Record<string, unknown>, stamp: FixedStamp): boolean {
  const changes = fieldChanges(entity, values);
  const names = columnNames(entity);
  const laterColumns = new Set((stamp.later?.fields ?? []).map((field) => names[field] ?? field));
  const fieldStamp = (column: string) => (stamp.later && laterColumns.has(column) ? stamp.later.hlc : stamp.hlc);
  if (stamp.later && ![...laterColumns].every((column) => changes.some(([c]) => c === column))) {
    throw new Error(`${entity} ${stamp.id}: a later field is not among the values`);
  }
  if (!insertStamped(core, entity, changes, stamp, 'ignore', stamp.later ? fieldStamp : undefined)) return false;
  indexRecord(core.sqlite, entity, stamp.id);
  const entry = { origin: stamp.origin, office: 'sample', via: 'sample' };
  logChanges(
    core,
    entity,
    stamp.id,
    changes.filter(([column]) => !laterColumns.has(column)),
    { ...entry, hlc: stamp.hlc, at: stamp.at },
  );
  if (stamp.later) {
    logChanges(
      core,
      entity,
      stamp.id,
      changes.filter(([column]) => laterColumns.has(column)),
      { ...entry, hlc: stamp.later.hlc, at: stamp.later.at },
    );
  }
  core.clock.receive(stamp.later && stamp.later.hlc > stamp.hlc ? stamp.later.hlc : stamp.hlc);
  persistClock(core);
  return true;
}

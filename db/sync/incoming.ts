/**
 * An incoming file, validated before anything is written: size, header (or decryption), quick_check,
 * schema version (newer refused), expected tables and columns, every value's type and domain rule (one SQL scan per
 * table; only rows it flags are read into JS and checked exactly), blob checksums, and each table's
 * highest stamp. For a merge the records are judged by the merge itself instead (`judgedByMerge`): it judges
 * exactly the records it reads, under its own transaction. It is then read as a stream (pages ordered by id), never whole. It is opened
 * read-only with trusted_schema off (better-sqlite3 runs in defensive mode), inside one read
 * transaction; only known columns of known tables are read, through explicit column lists, so its
 * triggers and views never run.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import { AppError, type LocalizedText } from '../errors';
import { classifySchema, loadMigrations, MIGRATIONS_TABLE } from '../open';
import * as schemaModule from '../schema';
import { blobs, changeLog, recordTables, syncLog, type RecordEntity } from '../schema';
import { acceptedRowSql, checkRow, mimeMatchesBytes, REASON_TEXT, stamp, stampSql, type IssueReason } from '../rules';
import { entityNames } from '../errors';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { decryptBytes, isEncrypted } from './crypto';
import { openSqlite, quickCheckTables } from '../sqlite';
import { isSearchIndexTable } from '../search';

export const DEFAULT_MAX_IMPORT_BYTES = 2 * 1024 ** 3;
/** No text field of a record is this long; a file that has one is not ours, or is hostile. */
export const MAX_TEXT_CHARS = 1_000_000;

export type SqlValue = string | number | Buffer | null;
export type Row = Record<string, SqlValue>;

export interface ChangeLogRow {
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  hlc: string;
  origin: string;
  office: string | null;
}

export interface IncomingFile {
  fileName: string;
  origin: string | null;
  office: string | null;
  schemaVersion: number;
  encrypted: boolean;
  /** Record rows by entity, every known column by SQL name. */
  records: Record<RecordEntity, Row[]>;
  blobs: BlobRow[];
  changeLog: ChangeLogRow[];
  /** What the sending office has imported: origin -> highest stamp seen from it. */
  knownPeers: Record<string, string>;
  /** Highest stamp in the file. */
  maxHlc: string;
}

export interface OpenIncomingOptions {
  /**
   * The merge judges the records against the domain rules as it reads them (IncomingSource.judge): the open then
   * checks only the file itself (its schema, integrity, stamps' upper bound, blobs), not record by record.
   */
  judgedByMerge?: boolean;
  passphrase?: string;
  maxBytes?: number;
  migrationsFolder?: string;
  nativeBinding?: string;
}

const refuse = (file: string, zh: string, en: string, code: 'not_a_database' | 'future_database' | 'corrupt_database' = 'not_a_database') =>
  new AppError(code, { zh: `无法导入“${file}”：${zh}本地数据库未作任何改动。`, en: `Cannot import "${file}": ${en} The local database has not been changed.` });

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

type AnyColumn = Column;

function checkValue(file: string, table: string, column: AnyColumn, value: unknown): SqlValue {
  const where = `${table}.${column.name}`;
  const wrong = () => refuse(file, `字段 ${where} 中有类型不正确的值。`, `the field ${where} holds a value of the wrong type.`);
  if (value === null || value === undefined) {
    if (column.notNull) throw wrong();
    return null;
  }
  switch (column.columnType) {
    case 'SQLiteText': {
      if (typeof value !== 'string') throw wrong();
      if (value.length > MAX_TEXT_CHARS) {
        throw refuse(file, `字段 ${where} 中有超长文本。`, `the field ${where} holds an oversized text.`);
      }
      const allowed = (column as unknown as { enumValues?: string[] }).enumValues;
      if (allowed && allowed.length > 0 && !allowed.includes(value)) throw wrong();
      return value;
    }
    case 'SQLiteReal':
    case 'SQLiteInteger':
    case 'SQLiteBoolean':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong();
      return value;
    case 'SQLiteBlobBuffer':
      if (!Buffer.isBuffer(value)) throw wrong();
      return value;
    default:
      if (typeof value === 'string' || typeof value === 'number' || Buffer.isBuffer(value)) return value;
      throw wrong();
  }
}

export interface BlobRow {
  sha256: string;
  size: number;
  data: Buffer;
  created_at: string;
}

export const STAMP = /^\d{15}-\d{6}-.+$/;

/** One value that breaks the domain rules: where it is and why. */
export interface InvalidValue {
  entity: RecordEntity;
  table: string;
  id: string;
  field: string;
  reason: IssueReason;
  /** The reason in both UI languages. */
  message: LocalizedText;
}

/** At most this many invalid values are listed; all are counted. */
export const MAX_LISTED = 10_000;

/** Values that break the domain rules, as they are found. */
export class InvalidList {
  readonly items: InvalidValue[] = [];
  count = 0;
  add(entity: RecordEntity, id: string, field: string, reason: IssueReason): void {
    this.count += 1;
    if (this.items.length >= MAX_LISTED) return;
    const table: string = getTableName(recordTables[entity]);
    this.items.push({ entity, table, id, field, reason, message: REASON_TEXT[reason] });
  }
}

/**
 * A file refused for its values, in one line: the first bad value (table, field, record, why) and how
 * many other records break the rules (`merge --dry-run --json` lists them all).
 */
export function invalidFileError(fileName: string, first: InvalidValue, count: number): AppError {
  const others = count - 1;
  const name = entityNames[first.entity] ?? { zh: first.table, en: first.table };
  const where = `${first.table}.${first.field}`;
  return new AppError('invalid_input', {
    zh:
      `无法导入“${fileName}”：${name.zh}记录 ${first.id.slice(0, 64)} 的字段 ${where} ${first.message.zh}` +
      `${others > 0 ? `；另有 ${others} 条记录也不符合规则` : ''}（用 merge --dry-run --json 可列出全部）。整个文件未被合并，本地数据库未作任何改动。`,
    en:
      `Cannot import "${fileName}": the field ${where} of ${name.en} ${first.id.slice(0, 64)} ${first.message.en}` +
      `${others > 0 ? `, and ${others} other record${others === 1 ? ' breaks' : 's break'} the rules too` : ''} (merge --dry-run --json lists them all). ` +
      `Nothing from the file was merged; the local database has not been changed.`,
  });
}

export function damagedStamps(fileName: string, entity: string): AppError {
  return new AppError('not_a_database', {
    zh: `无法导入“${fileName}”：${entity} 中的同步标记已损坏。本地数据库未作任何改动。`,
    en: `Cannot import "${fileName}": the sync stamps in ${entity} are damaged. The local database has not been changed.`,
  });
}

/** A record's field_stamps, refused unless a JSON object of stamps. */
export function parseStamps(fileName: string, entity: string, raw: SqlValue | undefined): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' || !STAMP.test(v))) {
    throw damagedStamps(fileName, entity);
  }
  return parsed as Record<string, string>;
}

/** The change-log columns a merge reads, in the order a stream gives them. */
export const CHANGE_LOG_COLUMNS = ['entity', 'row_id', 'field', 'value', 'hlc', 'origin', 'office'] as const;

/** A record's id, hlc and field_stamps: enough to see that it equals ours. */
export type RecordKey = [id: string, hlc: string, fieldStamps: string];

/** A validated file as a merge reads it: in pages and rows, never whole. */
export interface IncomingSource {
  readonly fileName: string;
  readonly origin: string | null;
  readonly office: string | null;
  readonly schemaVersion: number;
  readonly encrypted: boolean;
  /** Highest stamp in the file ('' when it has none). */
  readonly maxHlc: string;
  /** Rows a merge goes through (records, blobs, change log): the progress total. */
  readonly total: number;
  /** Highest change-log stamp per origin. */
  versionVector(): Map<string, string>;
  /** Every record's key, in pages ascending by id. */
  recordKeys(entity: RecordEntity): Iterable<RecordKey[]>;
  /** One record, every known column by SQL name. */
  record(entity: RecordEntity, id: string): Row;
  /**
   * Judge the records with these ids against the domain rules, adding each broken one to `into`. A merge hands it
   * every record it will read (all but those the same as ours) before reading them. Nothing to do when the open
   * judged every record (opened without `judgedByMerge`).
   */
  judge(entity: RecordEntity, ids: readonly string[], into: InvalidList): void;
  /** [sha256, created_at] of every blob, in pages. */
  blobKeys(): Iterable<[string, string][]>;
  blob(sha256: string): BlobRow;
  /** Change-log rows, values in CHANGE_LOG_COLUMNS order. */
  changeLog(): Iterable<SqlValue[]>;
  close(): void;
}

const PAGE = 1000;
const RECORD_TABLES = Object.entries(recordTables) as [RecordEntity, Table][];

const columnsOf = (table: Table) => Object.values(getTableColumns(table)) as AnyColumn[];
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * SQL true only for values checkValue accepts. It may be false for some accepted ones (a long text in
 * few UTF-16 units); those rows are read and checked in JS, so the SQL never decides a refusal alone.
 */
function acceptedSql(column: AnyColumn): string {
  const c = `"${column.name}"`;
  let ok: string;
  switch (column.columnType) {
    case 'SQLiteText': {
      const allowed = (column as unknown as { enumValues?: string[] }).enumValues;
      // Bytes of the stored encoding are never fewer than JS's UTF-16 units.
      ok = `typeof(${c}) = 'text' AND octet_length(${c}) <= ${MAX_TEXT_CHARS}`;
      if (allowed && allowed.length > 0) ok += ` AND ${c} COLLATE BINARY IN (${allowed.map(sqlText).join(', ')})`;
      break;
    }
    case 'SQLiteReal':
    case 'SQLiteInteger':
    case 'SQLiteBoolean':
      ok = `typeof(${c}) = 'integer' OR (typeof(${c}) = 'real' AND abs(${c}) <= 1.7976931348623157e308)`;
      break;
    case 'SQLiteBlobBuffer':
      ok = `typeof(${c}) = 'blob'`;
      break;
    default:
      ok = `typeof(${c}) <> 'null'`;
  }
  return column.notNull ? `(${ok})` : `(${c} IS NULL OR ${ok})`;
}

interface CheckedTable {
  columns: AnyColumn[];
  rows: number;
  /** max(hlc) for a record table. */
  maxHlc?: string | null;
  /** A record table judged later: judge the records with these ids. */
  judgeIds?: (ids: readonly string[], into: InvalidList) => void;
}

interface TableRules {
  entity: RecordEntity;
  /** Where the scan lists the records that break a rule; null: none is judged by the scan, each is judged when its id is handed to `judgeIds`. */
  invalid: InvalidList | null;
}

const flagged = (accepted: string) => `CASE WHEN ${accepted} THEN 0 ELSE 1 END`;

/**
 * Check that a table and its known columns are there and every value has its type (for a record table, every domain
 * rule). One scan counts the rows, flags the suspect ones and, for a record table, finds the highest stamp.
 */
function checkTable(file: string, sqlite: Database.Database, table: Table, withHlc = false, rules?: TableRules): CheckedTable {
  const name = getTableName(table);
  const kind = sqlite.prepare('SELECT type FROM sqlite_master WHERE name = ?').get(name) as { type: string } | undefined;
  if (!kind || kind.type !== 'table') {
    throw refuse(file, `缺少数据表 ${name}。`, `the table ${name} is missing.`);
  }
  const present = new Set((sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name));
  const columns = columnsOf(table);
  for (const column of columns) {
    if (!present.has(column.name)) throw refuse(file, `缺少字段 ${name}.${column.name}。`, `the column ${name}.${column.name} is missing.`);
  }
  const suspect = flagged([...columns.map(acceptedSql), ...(rules ? [`(${acceptedRowSql(rules.entity, name)})`] : [])].join(' AND '));
  const later = rules?.invalid === null;
  const stats = sqlite
    .prepare(`SELECT count(*) AS n${later ? '' : `, total(${suspect}) AS suspect`}${withHlc ? ', max(hlc COLLATE BINARY) AS maxHlc' : ''} FROM "${name}"`)
    .get() as { n: number; suspect?: number; maxHlc?: string | null };
  const select = `SELECT ${quoted(columns.map((c) => c.name))} FROM "${name}" WHERE`;
  const judge = (rows: Iterable<Record<string, unknown>>, invalid: InvalidList | null | undefined) => {
    for (const row of rows) {
      if (!rules || !invalid) {
        for (const column of columns) checkValue(file, name, column, row[column.name]);
        continue;
      }
      // A record table: every domain rule, each broken one listed (the whole file is then refused).
      const issues = checkRow(rules.entity, row);
      if (issues.length > 0) invalid.add(rules.entity, typeof row.id === 'string' ? row.id : String(row.id), issues[0]!.field, issues[0]!.reason);
    }
  };
  if (!later) {
    if (stats.suspect! > 0) judge(sqlite.prepare(`${select} ${suspect}`).iterate() as Iterable<Record<string, unknown>>, rules?.invalid);
    return { columns, rows: stats.n, maxHlc: stats.maxHlc };
  }
  // The same rules, on the records with the ids given; an id that is not text (never one of ours) is looked up alone.
  const byIds = sqlite.prepare(`${select} id COLLATE BINARY IN (SELECT value FROM json_each(?)) AND ${suspect}`);
  const byOddId = sqlite.prepare(`${select} id IS ? AND ${suspect}`);
  const judgeIds = (ids: readonly string[], into: InvalidList) => {
    const texts = ids.filter((id) => typeof id === 'string');
    if (texts.length > 0) judge(byIds.iterate(JSON.stringify(texts)) as Iterable<Record<string, unknown>>, into);
    for (const id of ids) if (typeof id !== 'string') judge(byOddId.iterate(id) as Iterable<Record<string, unknown>>, into);
  };
  return { columns, rows: stats.n, maxHlc: stats.maxHlc, judgeIds };
}

/** Read in pages by `key`, which an index must order (as in every file the app writes): else each page would scan the table. */
function pager(file: string, sqlite: Database.Database, table: string, key: string, columns: readonly string[]) {
  const select = `SELECT ${quoted(columns)} FROM "${table}"`;
  const order = `ORDER BY "${key}" COLLATE BINARY LIMIT ${PAGE}`;
  const next = sqlite.prepare(`${select} WHERE "${key}" COLLATE BINARY > ? ${order}`).raw();
  const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${next.source}`).all('') as { detail: string }[]).map((p) => p.detail);
  if (plan.length !== 1 || !/^SEARCH .* USING (COVERING INDEX|INDEX|PRIMARY KEY)/.test(plan[0]!)) {
    throw refuse(file, `数据表 ${table} 缺少索引。`, `the table ${table} lacks its index.`);
  }
  const first = sqlite.prepare(`${select} ${order}`).raw();
  return function* pages<T extends unknown[]>(): Generator<T[]> {
    let page = first.all() as T[];
    while (page.length > 0) {
      // Ascending (binary) within a page and `>` between pages: a key twice shows as two equal neighbours.
      for (let i = 1; i < page.length; i++) {
        if (page[i]![0] === page[i - 1]![0]) throw refuse(file, `数据表 ${table} 中有重复的编号。`, `the table ${table} holds the same key twice.`);
      }
      yield page;
      if (page.length < PAGE) return;
      page = next.all(page.at(-1)![0]) as T[];
    }
  };
}

/**
 * quick_check of the tables a merge reads (not the search index's: a merge never reads it, and indexes what it writes
 * itself; 0.45 s of an L file's 1.4), and a file no shorter than its header says.
 */
function quickCheck(db: Database.Database, fileSize: number): boolean {
  const pages = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  if (pages > fileSize) return false;
  return quickCheckTables(db, (name) => !isSearchIndexTable(name)) === 'ok';
}

interface OpenedFile {
  source: IncomingSource;
  sqlite: Database.Database;
}

function openFile(file: string, options: OpenIncomingOptions): OpenedFile {
  const fileName = path.basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw refuse(fileName, '文件不存在或无法读取。', 'the file does not exist or cannot be read.');
  }
  if (size === 0) throw refuse(fileName, '文件是空的。', 'the file is empty.');
  if (size > (options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES)) {
    throw refuse(fileName, '文件超过了大小上限。', 'the file is larger than the import limit.');
  }
  const head = readHead(file, 16);
  let plainPath = file;
  let tempDir: string | null = null;
  const encrypted = isEncrypted(head);
  if (encrypted) {
    const plain = decryptBytes(readFileSync(file), options.passphrase);
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'pt-import-'));
    plainPath = path.join(tempDir, 'incoming.db');
    writeFileSync(plainPath, plain, { mode: 0o600 });
  }
  const removeTemp = () => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  let sqlite: Database.Database | null = null;
  try {
    const plainHead = encrypted ? readHead(plainPath, 16) : head;
    if (plainHead.toString('latin1') !== 'SQLite format 3\u0000') {
      throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
    }
    try {
      sqlite = openSqlite(plainPath, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
      sqlite.pragma('trusted_schema = OFF');
      sqlite.pragma('query_only = ON');
      // One read transaction: validation and the merge's reads see the same content.
      sqlite.exec('BEGIN');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse(fileName, 'SQLite 无法打开它。', 'SQLite cannot open it.');
    }
    const db = sqlite;
    let quick: boolean;
    try {
      quick = quickCheck(db, statSync(plainPath).size);
    } catch {
      quick = false;
    }
    if (!quick) throw refuse(fileName, '文件已损坏或不完整。', 'the file is damaged or incomplete.', 'corrupt_database');
    // Ours are UTF-8: ids then sort alike (binary) here and in the local database.
    if (db.pragma('encoding', { simple: true }) !== 'UTF-8') {
      throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
    }
    const known = loadMigrations(options.migrationsFolder);
    const hasMigrations = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
    if (!hasMigrations) throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
    const applied = (
      db.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`).all() as { hash: string; createdAt: number }[]
    ).map((m) => ({ hash: String(m.hash), createdAt: Number(m.createdAt) }));
    let version: number;
    try {
      version = classifySchema(fileName, applied, known, true).version;
    } catch (error) {
      if (error instanceof AppError && error.code === 'future_database') {
        throw refuse(
          fileName,
          '它由更新版本的应用导出。请先更新本应用。',
          'it was exported by a newer version of the app. Update the app first.',
          'future_database',
        );
      }
      if (error instanceof AppError && error.code === 'not_a_database') {
        throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
      }
      throw error;
    }

    refuseUnknownSchema(fileName, db);

    const keyPages = new Map<RecordEntity, () => Generator<RecordKey[]>>();
    const recordStatements = new Map<RecordEntity, Database.Statement>();
    const judges = new Map<RecordEntity, NonNullable<CheckedTable['judgeIds']>>();
    let total = 0;
    const tableMax: [RecordEntity, unknown][] = [];
    const later = !!options.judgedByMerge;
    const invalid = new InvalidList();
    for (const [entity, table] of RECORD_TABLES) {
      const checked = checkTable(fileName, db, table, true, { entity, invalid: later ? null : invalid });
      if (checked.judgeIds) judges.set(entity, checked.judgeIds);
      const name = getTableName(table);
      keyPages.set(entity, pager(fileName, db, name, 'id', ['id', 'hlc', 'field_stamps']));
      recordStatements.set(entity, db.prepare(`SELECT ${quoted(checked.columns.map((c) => c.name))} FROM "${name}" WHERE id COLLATE BINARY = ?`));
      total += checked.rows;
      tableMax.push([entity, checked.maxHlc]);
    }
    total += checkTable(fileName, db, blobs).rows;
    const blobPages = pager(fileName, db, 'blobs', 'sha256', ['sha256', 'created_at']);
    // Blobs are addressed by their hash and never rewritten: bytes that do not match it would stay wrong for good.
    for (const blob of db.prepare('SELECT sha256, size, data FROM blobs').iterate() as Iterable<{ sha256: string; size: number; data: Buffer }>) {
      if (blob.size !== blob.data.length || createHash('sha256').update(blob.data).digest('hex') !== blob.sha256) {
        throw refuse(
          fileName,
          '其中附件的内容已损坏（与校验值不符）。',
          'the contents of an attachment are damaged (they do not match their checksum).',
          'corrupt_database',
        );
      }
    }
    const attachmentBytes = attachmentBytesCheck(db);
    if (later) {
      const judgeAttachments = judges.get('attachments')!;
      judges.set('attachments', (ids, into) => {
        judgeAttachments(ids, into);
        attachmentBytes(into, ids);
      });
    } else attachmentBytes(invalid);
    total += checkTable(fileName, db, changeLog).rows;
    checkChangeLogStamps(fileName, db);
    checkTable(fileName, db, syncLog);
    // A highest stamp the rules refuse is a record that breaks them, never one the same as ours: the file is refused
    // here, as without judgedByMerge (every record judged), before the clock-skew check could speak of that stamp.
    if (later && tableMax.some(([, max]) => max !== null && max !== undefined && !stamp.safeParse(max).success)) {
      for (const [entity, table] of RECORD_TABLES) checkTable(fileName, db, table, false, { entity, invalid });
      attachmentBytes(invalid);
    }
    if (invalid.count > 0) throw invalidFileError(fileName, invalid.items[0]!, invalid.count);

    // The clock-skew check needs the highest stamp before anything is merged.
    let maxHlc = '';
    for (const [entity, max] of tableMax) {
      if (max === null || max === undefined) continue;
      if (typeof max !== 'string' || !STAMP.test(max)) throw damagedStamps(fileName, entity);
      if (max > maxHlc) maxHlc = max;
    }
    const vector = new Map<string, string>();
    for (const { origin, hlc } of db.prepare('SELECT origin, max(hlc COLLATE BINARY) AS hlc FROM change_log GROUP BY origin COLLATE BINARY').all() as {
      origin: string;
      hlc: string;
    }[]) {
      vector.set(origin, hlc);
      if (hlc > maxHlc) maxHlc = hlc;
    }
    if (maxHlc !== '' && !STAMP.test(maxHlc)) throw damagedStamps(fileName, 'change_log');

    const metaRows = db.prepare("SELECT key, value FROM meta WHERE key IN ('origin_id', 'office_name')").all() as { key: string; value: unknown }[];
    const meta = Object.fromEntries(metaRows.filter((r) => typeof r.value === 'string').map((r) => [r.key, r.value as string]));
    const blobStatement = db.prepare('SELECT sha256, size, data, created_at FROM blobs WHERE sha256 COLLATE BINARY = ?');
    const changeStatement = db.prepare(`SELECT ${quoted(CHANGE_LOG_COLUMNS)} FROM change_log`).raw();
    const source: IncomingSource = {
      fileName,
      origin: meta.origin_id ?? null,
      office: meta.office_name ?? null,
      schemaVersion: version,
      encrypted,
      maxHlc,
      total,
      versionVector: () => new Map(vector),
      recordKeys: (entity) => readingFile(fileName, keyPages.get(entity)!()),
      record: (entity, id) => whileReading(fileName, () => recordStatements.get(entity)!.get(id) as Row),
      judge: (entity, ids, into) => {
        const judge = judges.get(entity);
        if (judge) whileReading(fileName, () => judge(ids, into));
      },
      blobKeys: () => readingFile(fileName, blobPages<[string, string]>()),
      blob: (sha256) => whileReading(fileName, () => blobStatement.get(sha256) as BlobRow),
      changeLog: () => readingFile(fileName, changeStatement.iterate() as Iterable<SqlValue[]>),
      close: () => {
        try {
          db.close();
        } finally {
          removeTemp();
        }
      },
    };
    return { source, sqlite: db };
  } catch (error) {
    try {
      sqlite?.close();
    } finally {
      removeTemp();
    }
    // Whatever SQLite or a parser throws on a damaged file is a reason to refuse it, never "something unexpected".
    if (error instanceof AppError) throw error;
    throw refuse(fileName, '文件已损坏或不完整。', 'the file is damaged or incomplete.', 'corrupt_database');
  }
}

/** A read from the file that fails (damage past the checks) refuses the file, by name. */
function whileReading<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(fileName, '文件已损坏或不完整。', 'the file is damaged or incomplete.', 'corrupt_database');
  }
}

function* readingFile<T>(fileName: string, rows: Iterable<T>): Generator<T> {
  const iterator = whileReading(fileName, () => rows[Symbol.iterator]());
  for (;;) {
    const next = whileReading(fileName, () => iterator.next());
    if (next.done) return;
    yield next.value;
  }
}

/** Tables the app's schema has, and tables SQLite or the search index keep for themselves. */
const SCHEMA_TABLES: Table[] = (Object.values(schemaModule) as unknown[]).filter((value): value is Table => is(value, SQLiteTable));
const KNOWN_TABLES = new Set(SCHEMA_TABLES.map((table) => getTableName(table)));
const isInternalTable = (name: string) => name === MIGRATIONS_TABLE || name.startsWith('sqlite_') || name.startsWith('search_');

/**
 * A table or a column this version does not know is data a newer version wrote: merging would drop it
 * without a word. Refused with the one line a person can act on.
 */
function refuseUnknownSchema(fileName: string, db: Database.Database): void {
  const newer = () =>
    refuse(
      fileName,
      '它由更新版本的应用导出（含有本版本不认识的数据表或字段）。请先更新本应用。',
      'it was exported by a newer version of the app (it has tables or columns this version does not know). Update the app first.',
      'future_database',
    );
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const name of tables) {
    if (isInternalTable(name)) continue;
    if (!KNOWN_TABLES.has(name)) throw newer();
  }
  for (const table of SCHEMA_TABLES) {
    const name = getTableName(table);
    if (!tables.includes(name)) continue;
    const known = new Set(columnsOf(table).map((c) => c.name));
    const present = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[];
    if (present.some((column) => !known.has(column))) throw newer();
  }
}

/**
 * An attachment's size must be its bytes' size, and its declared type must agree with them: of every attachment, or
 * of those with the ids given.
 */
function attachmentBytesCheck(db: Database.Database): (invalid: InvalidList, ids?: readonly string[]) => void {
  const select = `SELECT a.id, a.size, a.mime_type AS mimeType, b.size AS blobSize, substr(b.data, 1, 16) AS head
                    FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
                   WHERE (a.size IS NOT b.size OR a.mime_type IS NOT NULL)`;
  const all = db.prepare(select);
  const byIds = db.prepare(`${select} AND a.id COLLATE BINARY IN (SELECT value FROM json_each(?))`);
  return (invalid, ids) => {
    const rows = (ids ? byIds.all(JSON.stringify(ids.filter((id) => typeof id === 'string'))) : all.all()) as {
      id: string;
      size: unknown;
      mimeType: unknown;
      blobSize: number;
      head: Buffer;
    }[];
    for (const row of rows) {
      if (row.size !== row.blobSize) invalid.add('attachments', String(row.id), 'size', 'range');
      else if (typeof row.mimeType === 'string' && Buffer.isBuffer(row.head) && !mimeMatchesBytes(row.mimeType, row.head))
        invalid.add('attachments', String(row.id), 'mime_type', 'not_allowed');
    }
  };
}

/** Every change-log stamp well-formed and no later than the largest time the app can write. */
function checkChangeLogStamps(fileName: string, db: Database.Database): void {
  const flagged = db
    .prepare(`SELECT hlc FROM change_log WHERE NOT (${stampSql('hlc')})`)
    .pluck()
    .all() as unknown[];
  if (flagged.some((value) => !stamp.safeParse(value).success)) throw damagedStamps(fileName, 'change_log');
}

/** Validate a file from another office and open it for a merge to read. Throws a translated AppError when it is refused. */
export function openIncomingFile(file: string, options: OpenIncomingOptions = {}): IncomingSource {
  return openFile(file, options).source;
}

/** Validate and read a whole file (tests and tools; a merge streams through openIncomingFile instead). */
export function readIncomingFile(file: string, options: OpenIncomingOptions = {}): IncomingFile {
  const { source, sqlite } = openFile(file, options);
  try {
    const read = (table: Table) => sqlite.prepare(`SELECT ${quoted(columnsOf(table).map((c) => c.name))} FROM "${getTableName(table)}"`).all() as Row[];
    const records = {} as Record<RecordEntity, Row[]>;
    for (const [entity, table] of RECORD_TABLES) records[entity] = read(table);
    const knownPeers: Record<string, string> = {};
    for (const row of read(syncLog)) {
      const peer = row.peer_origin;
      const stamp = row.peer_hlc;
      if (row.direction === 'import' && typeof peer === 'string' && typeof stamp === 'string' && stamp > (knownPeers[peer] ?? '')) knownPeers[peer] = stamp;
    }
    return {
      fileName: source.fileName,
      origin: source.origin,
      office: source.office,
      schemaVersion: source.schemaVersion,
      encrypted: source.encrypted,
      records,
      blobs: read(blobs) as unknown as BlobRow[],
      changeLog: read(changeLog) as unknown as ChangeLogRow[],
      knownPeers,
      maxHlc: source.maxHlc,
    };
  } finally {
    source.close();
  }
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function* inPages<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += PAGE) yield items.slice(i, i + PAGE);
}

/** A source over rows already in memory (the sync property runs' in-process snapshots). */
export function snapshotSource(file: IncomingFile): IncomingSource {
  const byId = new Map(RECORD_TABLES.map(([entity]) => [entity, new Map(file.records[entity].map((row) => [row.id as string, row]))]));
  const blobsByHash = new Map(file.blobs.map((b) => [b.sha256, b]));
  const vector = new Map<string, string>();
  for (const { origin, hlc } of file.changeLog) if (hlc > (vector.get(origin) ?? '')) vector.set(origin, hlc);
  return {
    fileName: file.fileName,
    origin: file.origin,
    office: file.office,
    schemaVersion: file.schemaVersion,
    encrypted: file.encrypted,
    maxHlc: file.maxHlc,
    total: Object.values(file.records).reduce((n, rows) => n + rows.length, 0) + file.blobs.length + file.changeLog.length,
    versionVector: () => new Map(vector),
    recordKeys: (entity) =>
      inPages(
        file.records[entity].map((row): RecordKey => [row.id as string, row.hlc as string, row.field_stamps as string]).sort((a, b) => byteOrder(a[0], b[0])),
      ),
    record: (entity, id) => byId.get(entity)!.get(id)!,
    judge: (entity, ids, into) => {
      for (const id of ids) {
        const issue = checkRow(entity, byId.get(entity)!.get(id)!)[0];
        if (issue) into.add(entity, id, issue.field, issue.reason);
      }
    },
    blobKeys: () => inPages(file.blobs.map((b): [string, string] => [b.sha256, b.created_at]).sort((a, b) => byteOrder(a[0], b[0]))),
    blob: (sha256) => blobsByHash.get(sha256)!,
    changeLog: () => file.changeLog.map((row) => CHANGE_LOG_COLUMNS.map((c) => row[c])),
    close: () => undefined,
  };
}

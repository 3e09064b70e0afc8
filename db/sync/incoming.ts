/**
 * An incoming file, validated before anything else: size, header (or decryption), quick_check,
 * schema version (newer refused), expected tables and columns, and every value's type. It is
 * opened read-only with trusted_schema off (better-sqlite3 runs in defensive mode); only known
 * columns of known tables are read, through explicit column lists, so its triggers and views never run.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import { AppError } from '../errors';
import { classifySchema, loadMigrations, MIGRATIONS_TABLE } from '../open';
import { blobs, changeLog, recordTables, syncLog, type RecordEntity } from '../schema';
import { decryptBytes, isEncrypted } from './crypto';

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
  blobs: { sha256: string; size: number; data: Buffer; created_at: string }[];
  changeLog: ChangeLogRow[];
  /** What the sending office has imported: origin -> highest stamp seen from it. */
  knownPeers: Record<string, string>;
  /** Highest stamp in the file. */
  maxHlc: string;
}

export interface OpenIncomingOptions {
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
  const wrong = () =>
    refuse(file, `字段 ${where} 中有类型不正确的值。`, `the field ${where} holds a value of the wrong type.`);
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

function readTable(file: string, sqlite: Database.Database, table: Parameters<typeof getTableColumns>[0]): Row[] {
  const name = getTableName(table);
  const kind = sqlite.prepare('SELECT type FROM sqlite_master WHERE name = ?').get(name) as { type: string } | undefined;
  if (!kind || kind.type !== 'table') {
    throw refuse(file, `缺少数据表 ${name}。`, `the table ${name} is missing.`);
  }
  const present = new Set((sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name));
  const columns = Object.values(getTableColumns(table)) as AnyColumn[];
  for (const column of columns) {
    if (!present.has(column.name)) throw refuse(file, `缺少字段 ${name}.${column.name}。`, `the column ${name}.${column.name} is missing.`);
  }
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const rows = sqlite.prepare(`SELECT ${list} FROM "${name}"`).all() as Record<string, unknown>[];
  return rows.map((row) => {
    const checked: Row = {};
    for (const column of columns) checked[column.name] = checkValue(file, name, column, row[column.name]);
    return checked;
  });
}

/** Validate and read a file from another office. Throws a translated AppError when it is refused. */
export function readIncomingFile(file: string, options: OpenIncomingOptions = {}): IncomingFile {
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
  try {
    const plainHead = encrypted ? readHead(plainPath, 16) : head;
    if (plainHead.toString('latin1') !== 'SQLite format 3\u0000') {
      throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
    }
    let sqlite: Database.Database;
    try {
      sqlite = new Database(plainPath, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      sqlite.pragma('trusted_schema = OFF');
      sqlite.pragma('query_only = ON');
    } catch {
      throw refuse(fileName, 'SQLite 无法打开它。', 'SQLite cannot open it.');
    }
    try {
      let quick: unknown;
      try {
        quick = sqlite.pragma('quick_check', { simple: true });
      } catch {
        quick = 'unreadable';
      }
      if (quick !== 'ok') throw refuse(fileName, '文件已损坏或不完整。', 'the file is damaged or incomplete.', 'corrupt_database');
      const known = loadMigrations(options.migrationsFolder);
      const hasMigrations = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
      if (!hasMigrations) throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
      const applied = (sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`).all() as { hash: string; createdAt: number }[]).map(
        (m) => ({ hash: String(m.hash), createdAt: Number(m.createdAt) }),
      );
      let version: number;
      try {
        version = classifySchema(fileName, applied, known, true).version;
      } catch (error) {
        if (error instanceof AppError && error.code === 'future_database') {
          throw refuse(fileName, '它由更新版本的应用导出。请先更新本应用。', 'it was exported by a newer version of the app. Update the app first.', 'future_database');
        }
        if (error instanceof AppError && error.code === 'not_a_database') {
          throw refuse(fileName, '它不是伙伴关系管理导出的数据库文件。', 'it is not a database file exported by Partnership Tracker.');
        }
        throw error;
      }
      const records = {} as Record<RecordEntity, Row[]>;
      for (const [entity, table] of Object.entries(recordTables) as [RecordEntity, (typeof recordTables)[RecordEntity]][]) {
        records[entity] = readTable(fileName, sqlite, table);
      }
      const blobRows = readTable(fileName, sqlite, blobs) as unknown as IncomingFile['blobs'];
      // Blobs are addressed by their hash and never rewritten: bytes that do not match it would stay wrong for good.
      for (const blob of blobRows) {
        if (blob.size !== blob.data.length || createHash('sha256').update(blob.data).digest('hex') !== blob.sha256) {
          throw refuse(fileName, '其中附件的内容已损坏（与校验值不符）。', 'the contents of an attachment are damaged (they do not match their checksum).', 'corrupt_database');
        }
      }
      const changeRows = readTable(fileName, sqlite, changeLog) as unknown as ChangeLogRow[];
      const syncRows = readTable(fileName, sqlite, syncLog);
      const metaRows = sqlite.prepare("SELECT key, value FROM meta WHERE key IN ('origin_id', 'office_name')").all() as { key: string; value: unknown }[];
      const meta = Object.fromEntries(metaRows.filter((r) => typeof r.value === 'string').map((r) => [r.key, r.value as string]));
      const knownPeers: Record<string, string> = {};
      for (const row of syncRows) {
        const peer = row.peer_origin;
        const stamp = row.peer_hlc;
        if (row.direction === 'import' && typeof peer === 'string' && typeof stamp === 'string' && stamp > (knownPeers[peer] ?? '')) knownPeers[peer] = stamp;
      }
      let maxHlc = '';
      for (const rows of Object.values(records)) for (const row of rows) if (typeof row.hlc === 'string' && row.hlc > maxHlc) maxHlc = row.hlc;
      for (const row of changeRows) if (row.hlc > maxHlc) maxHlc = row.hlc;
      return {
        fileName,
        origin: meta.origin_id ?? null,
        office: meta.office_name ?? null,
        schemaVersion: version,
        encrypted,
        records,
        blobs: blobRows,
        changeLog: changeRows,
        knownPeers,
        maxHlc,
      };
    } finally {
      sqlite.close();
    }
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

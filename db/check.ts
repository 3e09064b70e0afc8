/**
 * `check`: is this file a sound Partnership Tracker database? Opens read-only and writes nothing,
 * except that a write killed midway is rolled back first, as any open would (db/open.ts).
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { AppError } from './errors';
import { openDatabase, type OpenOptions } from './open';
import * as schema from './schema';
import { recordTables, type RecordEntity } from './schema';

export interface CheckReport {
  ok: true;
  path: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  integrity: 'ok';
  counts: Record<RecordEntity, number>;
  deleted: Record<RecordEntity, number>;
}

const allTables = Object.values(schema).filter(
  (value): value is typeof schema.organizations =>
    typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
);

export async function checkDatabase(file: string, options: OpenOptions = {}): Promise<CheckReport> {
  const opened = await openDatabase(file, { ...options, readonly: true });
  try {
    const sqlite = opened.sqlite;
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      throw new AppError('corrupt_database', {
        zh: `“${file}”已损坏（完整性检查：${String(integrity)}）。请从备份恢复。`,
        en: `"${file}" is damaged (integrity check: ${String(integrity)}). Restore it from a backup.`,
      });
    }
    for (const table of allTables) {
      const name = getTableName(table);
      const present = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name));
      if (present.size === 0 && opened.schemaVersion === opened.latestSchemaVersion) {
        throw missing(file, name);
      }
      if (present.size === 0) continue;
      for (const column of Object.values(getTableColumns(table))) {
        if (!present.has(column.name)) throw missing(file, `${name}.${column.name}`);
      }
    }
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) {
      throw new AppError('corrupt_database', {
        zh: `“${file}”中有 ${fk.length} 处记录关联断开。请从备份恢复。`,
        en: `"${file}" has ${fk.length} broken links between records. Restore it from a backup.`,
      });
    }
    const counts = {} as Record<RecordEntity, number>;
    const deleted = {} as Record<RecordEntity, number>;
    for (const [entity, table] of Object.entries(recordTables) as [RecordEntity, (typeof recordTables)[RecordEntity]][]) {
      const row = sqlite
        .prepare(`SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS live, count(*) FILTER (WHERE deleted_at IS NOT NULL) AS dead FROM "${getTableName(table)}"`)
        .get() as { live: number; dead: number };
      counts[entity] = row.live;
      deleted[entity] = row.dead;
    }
    return {
      ok: true,
      path: file,
      schemaVersion: opened.schemaVersion,
      latestSchemaVersion: opened.latestSchemaVersion,
      integrity: 'ok',
      counts,
      deleted,
    };
  } finally {
    opened.sqlite.close();
  }
}

function missing(file: string, what: string): AppError {
  return new AppError('not_a_database', {
    zh: `“${file}”缺少应有的数据表或字段 ${what}，不是完整的伙伴关系管理数据库。`,
    en: `"${file}" lacks the table or column ${what}; it is not a complete Partnership Tracker database.`,
  });
}

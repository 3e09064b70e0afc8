/**
 * `check`: is this file a sound Partnership Tracker database? Opens read-only and writes nothing,
 * except that a write killed midway is rolled back first, as any open would (db/open.ts).
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { AppError, type LocalizedText } from './errors';
import { openDatabase, type OpenedDatabase, type OpenOptions } from './open';
import { stamp, stampSql, stampsSql } from './rules';
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
  (value): value is typeof schema.organizations => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
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
    if (opened.schemaVersion === opened.latestSchemaVersion) checkStamps(file, sqlite);
    const counts = {} as Record<RecordEntity, number>;
    const deleted = {} as Record<RecordEntity, number>;
    for (const [entity, table] of Object.entries(recordTables) as [RecordEntity, (typeof recordTables)[RecordEntity]][]) {
      const row = sqlite
        .prepare(
          `SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS live, count(*) FILTER (WHERE deleted_at IS NOT NULL) AS dead FROM "${getTableName(table)}"`,
        )
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

/**
 * The clock and the stamps: hlc_last a stamp the app can read and continue from, no earlier than any
 * stamp this office issued; every record's stamps sound (stampsSql). A file that fails here would fail
 * to open, or issue a stamp twice, at its next write.
 */
function checkStamps(file: string, sqlite: OpenedDatabase['sqlite']): void {
  const damaged = (what: LocalizedText) =>
    new AppError('corrupt_database', {
      zh: `“${file}”的同步标记已损坏：${what.zh}。请从备份恢复。`,
      en: `"${file}" has damaged sync stamps: ${what.en}. Restore it from a backup.`,
    });
  const meta = (key: string) => (sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as unknown) ?? null;
  const last = meta('hlc_last');
  const origin = meta('origin_id');
  if (last !== null && !stamp.safeParse(last).success) {
    throw damaged({
      zh: `时钟记录 hlc_last（${String(last).slice(0, 40)}）无法读取或超出时间上限`,
      en: `the clock's last stamp hlc_last (${String(last).slice(0, 40)}) cannot be read or lies beyond the latest time`,
    });
  }
  const issued = sqlite.prepare('SELECT max(hlc) FROM change_log WHERE origin = ?').pluck().get(origin) as string | null;
  if (issued !== null && (last === null || String(last) < issued)) {
    throw damaged({
      zh: '时钟记录 hlc_last 早于本办公室已发出的同步标记',
      en: "the clock's last stamp hlc_last is earlier than stamps this office already issued",
    });
  }
  const badLog = sqlite
    .prepare(`SELECT count(*) FROM change_log WHERE NOT (${stampSql('hlc')})`)
    .pluck()
    .get() as number;
  if (badLog > 0) throw damaged({ zh: `变更记录中有 ${badLog} 个无效的同步标记`, en: `${badLog} change-log stamps are not valid` });
  for (const entity of Object.keys(recordTables) as RecordEntity[]) {
    const name = getTableName(recordTables[entity]);
    const bad = sqlite
      .prepare(`SELECT count(*) FROM "${name}" WHERE NOT (${stampsSql(entity, name)})`)
      .pluck()
      .get() as number;
    if (bad > 0) throw damaged({ zh: `${name} 中有 ${bad} 条记录的同步标记无效`, en: `${bad} records in ${name} have invalid stamps` });
  }
}

function missing(file: string, what: string): AppError {
  return new AppError('not_a_database', {
    zh: `“${file}”缺少应有的数据表或字段 ${what}，不是完整的伙伴关系管理数据库。`,
    en: `"${file}" lacks the table or column ${what}; it is not a complete Partnership Tracker database.`,
  });
}

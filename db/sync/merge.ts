/**
 * Merge another office's file into this one: last writer wins per field, by HLC stamp.
 *
 * - Deletes are the `deleted_at` field with its own stamp, so an edit and a delete merge like any two writes.
 * - A conflict is two writes of one field that neither side had seen when it wrote the other (judged
 *   by version vectors: the highest stamp each side holds from each origin, from its change log).
 *   The winner is applied; the loser is kept in `conflicts` for a person to review and flip.
 * - The change log is merged as a union, so every value anyone wrote stays in the record's history.
 * - Same file twice: nothing changes. A into B and B into A: identical record content.
 */
import { AppError } from '../errors';
import { parseHlc } from '../hlc';
import { uuidv7 } from '../ids';
import { serializeStamps, tableName, type Core } from '../core';
import type { RecordEntity } from '../schema';
import { indexRecords } from '../search';
import type { ChangeLogRow, IncomingFile, Row, SqlValue } from './incoming';

/** Parents before children, so links are never dangling. */
export const MERGE_ORDER: RecordEntity[] = [
  'organizations',
  'programmes',
  'partnerships',
  'partnershipParties',
  'partnershipStatusHistory',
  'milestones',
  'contacts',
  'meetings',
  'meetingPartnerships',
  'meetingAttendees',
  'tasks',
  'attachments',
];

const META_COLUMNS = new Set(['id', 'created_at', 'updated_at', 'hlc', 'origin', 'field_stamps']);
/** An incoming clock this far ahead of ours is shown and needs a person's confirmation. */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60 * 1000;

export interface EntityCounts {
  added: number;
  changed: number;
  deleted: number;
  conflicts: number;
}

export interface FieldConflict {
  entity: RecordEntity;
  rowId: string;
  field: string;
  winningValue: SqlValue;
  winningHlc: string;
  losingValue: SqlValue;
  losingHlc: string;
  /** true when this office's value won and the incoming one is kept as the loser. */
  localWon: boolean;
}

export interface DuplicateCandidate {
  localId: string;
  importedId: string;
  name: string;
}

interface RowUpdate {
  entity: RecordEntity;
  id: string;
  set: Record<string, SqlValue>;
  stamps: Record<string, string>;
  meta: { updated_at: string; hlc: string; origin: string } | null;
}

export interface MergePlan {
  fileName: string;
  peerOrigin: string | null;
  peerOffice: string | null;
  encrypted: boolean;
  counts: Record<RecordEntity, EntityCounts>;
  totals: EntityCounts;
  conflicts: FieldConflict[];
  duplicates: DuplicateCandidate[];
  /** How far the file's newest stamp is ahead of this machine's clock (0 when not ahead). */
  clockAheadMs: number;
  maxHlc: string;
  inserts: { entity: RecordEntity; row: Row }[];
  updates: RowUpdate[];
  blobs: IncomingFile['blobs'];
  changeLog: ChangeLogRow[];
}

const STAMP = /^\d{15}-\d{6}-.+$/;

function damagedStamps(fileName: string, entity: string): AppError {
  return new AppError('not_a_database', {
    zh: `无法导入“${fileName}”：${entity} 中的同步标记已损坏。本地数据库未作任何改动。`,
    en: `Cannot import "${fileName}": the sync stamps in ${entity} are damaged. The local database has not been changed.`,
  });
}

function parseStamps(fileName: string, entity: string, raw: SqlValue | undefined): Record<string, string> {
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

function versionVector(entries: Iterable<{ origin: string; hlc: string }>): Map<string, string> {
  const vector = new Map<string, string>();
  for (const { origin, hlc } of entries) if (hlc > (vector.get(origin) ?? '')) vector.set(origin, hlc);
  return vector;
}

function seen(vector: Map<string, string>, stamp: string): boolean {
  return (vector.get(parseHlc(stamp).origin) ?? '') >= stamp;
}

function sameValue(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return (a ?? null) === (b ?? null);
}

const emptyCounts = (): EntityCounts => ({ added: 0, changed: 0, deleted: 0, conflicts: 0 });

function normalizedNames(row: Row): string[] {
  const names = [row.display_name, row.name_zh, row.name_en, row.name_local];
  try {
    const aliases = JSON.parse(String(row.aliases ?? '[]')) as unknown;
    if (Array.isArray(aliases)) names.push(...aliases.filter((a): a is string => typeof a === 'string'));
  } catch {
    // unreadable aliases only lose duplicate detection, never data
  }
  return names
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ''));
}

/** Work out what merging `incoming` would do, without writing anything. */
export function planMerge(core: Core, incoming: IncomingFile): MergePlan {
  const sqlite = core.sqlite;
  const localVector = versionVector(sqlite.prepare('SELECT origin, max(hlc) AS hlc FROM change_log GROUP BY origin').all() as { origin: string; hlc: string }[]);
  const incomingVector = versionVector(incoming.changeLog);
  const counts = Object.fromEntries(MERGE_ORDER.map((e) => [e, emptyCounts()])) as Record<RecordEntity, EntityCounts>;
  const plan: MergePlan = {
    fileName: incoming.fileName,
    peerOrigin: incoming.origin,
    peerOffice: incoming.office,
    encrypted: incoming.encrypted,
    counts,
    totals: emptyCounts(),
    conflicts: [],
    duplicates: [],
    clockAheadMs: 0,
    maxHlc: incoming.maxHlc,
    inserts: [],
    updates: [],
    blobs: [],
    changeLog: [],
  };

  for (const entity of MERGE_ORDER) {
    const table = tableName(entity);
    const select = sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
    for (const theirs of incoming.records[entity]) {
      const id = theirs.id as string;
      const theirStamps = parseStamps(incoming.fileName, entity, theirs.field_stamps);
      if (typeof theirs.hlc !== 'string' || !STAMP.test(theirs.hlc)) throw damagedStamps(incoming.fileName, entity);
      const ours = select.get(id) as Row | undefined;
      if (!ours) {
        plan.inserts.push({ entity, row: theirs });
        counts[entity].added += 1;
        if (theirs.deleted_at) counts[entity].deleted += 1;
        continue;
      }
      const ourStamps = JSON.parse(String(ours.field_stamps)) as Record<string, string>;
      const update: RowUpdate = { entity, id, set: {}, stamps: { ...ourStamps }, meta: null };
      let valueChanged = false;
      const fields = new Set([...Object.keys(theirs), ...Object.keys(ours)].filter((f) => !META_COLUMNS.has(f)));
      for (const field of fields) {
        if (!(field in theirs)) continue;
        const ourStamp = ourStamps[field] ?? '';
        const theirStamp = theirStamps[field] ?? '';
        if (theirStamp === ourStamp) continue;
        const theirsWin = theirStamp > ourStamp;
        const differs = !sameValue(ours[field], theirs[field]);
        if (theirsWin) {
          update.stamps[field] = theirStamp;
          if (differs) {
            update.set[field] = theirs[field]!;
            valueChanged = true;
            if (field === 'deleted_at' && theirs.deleted_at && !ours.deleted_at) counts[entity].deleted += 1;
          }
        }
        // A conflict: both wrote the field, the values differ, and neither had seen the other's write.
        if (differs && ourStamp && theirStamp && !seen(incomingVector, ourStamp) && !seen(localVector, theirStamp)) {
          const winnerOurs = !theirsWin;
          plan.conflicts.push({
            entity,
            rowId: id,
            field,
            winningValue: winnerOurs ? ours[field]! : theirs[field]!,
            winningHlc: winnerOurs ? ourStamp : theirStamp,
            losingValue: winnerOurs ? theirs[field]! : ours[field]!,
            losingHlc: winnerOurs ? theirStamp : ourStamp,
            localWon: winnerOurs,
          });
          counts[entity].conflicts += 1;
        }
      }
      const stampsChanged = Object.keys(update.stamps).some((f) => update.stamps[f] !== ourStamps[f]);
      if (typeof theirs.hlc === 'string' && theirs.hlc > String(ours.hlc)) {
        update.meta = { updated_at: String(theirs.updated_at), hlc: theirs.hlc, origin: String(theirs.origin) };
      }
      if (valueChanged || stampsChanged || update.meta) plan.updates.push(update);
      if (valueChanged) counts[entity].changed += 1;
    }
  }

  // Likely duplicates: a new organization with the same normalized name (any script) and country as a local one.
  const localOrganizations = sqlite
    .prepare('SELECT id, display_name, name_zh, name_en, name_local, aliases, country FROM organizations WHERE deleted_at IS NULL')
    .all() as Row[];
  const byKey = new Map<string, string>();
  for (const org of localOrganizations) for (const name of normalizedNames(org)) byKey.set(`${org.country ?? ''}|${name}`, org.id as string);
  const decided = new Set(
    (sqlite.prepare("SELECT local_id || '|' || imported_id AS pair FROM duplicate_candidates").all() as { pair: string }[]).map((r) => r.pair),
  );
  for (const { entity, row } of plan.inserts) {
    if (entity !== 'organizations' || row.deleted_at) continue;
    const match = normalizedNames(row)
      .map((name) => byKey.get(`${row.country ?? ''}|${name}`))
      .find((id) => id !== undefined);
    if (match && !decided.has(`${match}|${row.id as string}`)) {
      plan.duplicates.push({ localId: match, importedId: row.id as string, name: String(row.display_name) });
    }
  }

  // Blobs missing here, and blobs both offices stored independently: the earlier created_at is kept on both sides.
  const haveBlob = sqlite.prepare('SELECT created_at FROM blobs WHERE sha256 = ?');
  plan.blobs = incoming.blobs.filter((b) => {
    const ours = haveBlob.get(b.sha256) as { created_at: string } | undefined;
    return !ours || b.created_at < ours.created_at;
  });
  const haveChange = sqlite.prepare('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
  plan.changeLog = incoming.changeLog.filter((c) => !haveChange.get(c.entity, c.row_id, c.field, c.hlc));

  if (incoming.maxHlc) {
    const ahead = parseHlc(incoming.maxHlc).ms - core.now().getTime();
    plan.clockAheadMs = ahead > 0 ? ahead : 0;
  }
  for (const c of Object.values(counts)) {
    plan.totals.added += c.added;
    plan.totals.changed += c.changed;
    plan.totals.deleted += c.deleted;
    plan.totals.conflicts += c.conflicts;
  }
  return plan;
}

export interface ApplyOptions {
  /** The person confirmed adopting a clock more than 5 minutes ahead. */
  acceptClockSkew?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Apply a plan inside one transaction (the caller's backup comes first). Returns the sync_log id. */
export function applyMerge(core: Core, plan: MergePlan, options: ApplyOptions = {}): string {
  if (plan.clockAheadMs > CLOCK_SKEW_LIMIT_MS && !options.acceptClockSkew) {
    const minutes = Math.round(plan.clockAheadMs / 60000);
    throw new AppError('conflict', {
      zh: `该文件的时间比本机快约 ${minutes} 分钟。请检查两台电脑的时钟，确认后再合并。未作任何改动。`,
      en: `This file's clock is about ${minutes} minutes ahead of this computer's. Check both clocks, then confirm to merge. Nothing was changed.`,
    });
  }
  const sqlite = core.sqlite;
  const syncId = uuidv7();
  const total = plan.inserts.length + plan.updates.length + plan.changeLog.length + plan.blobs.length;
  let done = 0;
  const tick = () => {
    done += 1;
    if (options.onProgress && (done % 500 === 0 || done === total)) options.onProgress(done, total);
  };
  const run = sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    for (const blob of plan.blobs) {
      sqlite
        .prepare(
          `INSERT INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(sha256) DO UPDATE SET created_at = excluded.created_at WHERE excluded.created_at < blobs.created_at`,
        )
        .run(blob.sha256, blob.size, blob.data, blob.created_at);
      tick();
    }
    for (const { entity, row } of plan.inserts) {
      const columns = Object.keys(row);
      sqlite
        .prepare(`INSERT INTO "${tableName(entity)}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...columns.map((c) => row[c] ?? null));
      tick();
    }
    for (const update of plan.updates) {
      const set: Record<string, SqlValue> = { ...update.set, field_stamps: serializeStamps(update.stamps), ...(update.meta ?? {}) };
      const columns = Object.keys(set);
      sqlite
        .prepare(`UPDATE "${tableName(update.entity)}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`)
        .run(...columns.map((c) => set[c] ?? null), update.id);
      tick();
    }
    indexRecords(sqlite, [...plan.inserts.map(({ entity, row }) => ({ entity, id: row.id as string })), ...plan.updates.map((u) => ({ entity: u.entity, id: u.id }))]);
    const log = sqlite.prepare(
      'INSERT OR IGNORE INTO change_log (entity, row_id, field, value, hlc, origin, office, via, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const at = core.now().toISOString();
    for (const c of plan.changeLog) {
      log.run(c.entity, c.row_id, c.field, c.value, c.hlc, c.origin, c.office, syncId, at);
      tick();
    }
    const known = sqlite.prepare('SELECT 1 FROM conflicts WHERE entity = ? AND row_id = ? AND field = ? AND losing_hlc = ?');
    const addConflict = sqlite.prepare(
      `INSERT INTO conflicts (id, entity, row_id, field, winning_value, winning_hlc, losing_value, losing_hlc, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of plan.conflicts) {
      if (known.get(c.entity, c.rowId, c.field, c.losingHlc)) continue;
      addConflict.run(uuidv7(), c.entity, c.rowId, c.field, JSON.stringify(jsonable(c.winningValue)), c.winningHlc, JSON.stringify(jsonable(c.losingValue)), c.losingHlc, at);
    }
    const addDuplicate = sqlite.prepare('INSERT INTO duplicate_candidates (id, entity, local_id, imported_id, detected_at) VALUES (?, ?, ?, ?, ?)');
    for (const d of plan.duplicates) addDuplicate.run(uuidv7(), 'organizations', d.localId, d.importedId, at);
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new AppError('corrupt_database', {
        zh: `该文件中有 ${violations.length} 处记录关联断开，已取消合并。未作任何改动。`,
        en: `The file has ${violations.length} broken links between records; the merge was cancelled. Nothing was changed.`,
      });
    }
    sqlite
      .prepare('INSERT INTO sync_log (id, direction, at, file_name, peer_origin, peer_office, peer_hlc, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(syncId, 'import', at, plan.fileName, plan.peerOrigin, plan.peerOffice, plan.maxHlc || null, JSON.stringify({ ...plan.totals, entities: plan.counts }));
    if (plan.maxHlc) {
      core.clock.receive(plan.maxHlc);
      core.setMeta('hlc_last', core.clock.current());
    }
  });
  run.immediate();
  return syncId;
}

function jsonable(value: SqlValue): string | number | null {
  return Buffer.isBuffer(value) ? null : value;
}

/**
 * Merge another office's file into this one: last writer wins per field, by HLC stamp.
 *
 * - Deletes are the `deleted_at` field with its own stamp, so an edit and a delete merge like any two writes.
 * - A conflict is two writes of one field that neither side had seen when it wrote the other (judged
 *   by version vectors: the highest stamp each side holds from each origin, from its change log).
 *   The winner is applied; the loser is kept in `conflicts` for a person to review and flip.
 * - The change log is merged as a union, so every value anyone wrote stays in the record's history.
 * - Same file twice: nothing changes. A into B and B into A: identical record content.
 * - One pass over the file, never held whole: records page by page, each page's ids looked up here
 *   at once; a record whose hlc and field_stamps equal ours costs nothing more. Writes go straight
 *   to the open transaction, so memory does not grow with the file.
 * - The pass judges against the domain rules every record of the file it reads (all but those the same
 *   as ours), in its own transaction, before reading them; one that breaks a rule refuses the whole file.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { HybridLogicalClock, parseHlc } from '../hlc';
import { uuidv7 } from '../ids';
import { serializeStamps, tableName, type Core } from '../core';
import { getTableColumns } from 'drizzle-orm';
import { recordTables, type RecordEntity } from '../schema';
import { CLOCK_SKEW_LIMIT_MS, MERGE_ORDER as COMMON_MERGE_ORDER } from '../../common/sync';
import { indexRecord, withIndexBatched } from '../search';
import {
  CHANGE_LOG_COLUMNS,
  damagedStamps,
  InvalidList,
  invalidFileError,
  parseStamps,
  STAMP,
  type IncomingSource,
  type InvalidValue,
  type RecordKey,
  type Row,
  type SqlValue,
} from './incoming';

/** Parents before children, so links are never dangling (common/sync.ts: the Sync view lists them in this order). */
export const MERGE_ORDER: readonly RecordEntity[] = COMMON_MERGE_ORDER;

const META_COLUMNS = new Set(['id', 'created_at', 'updated_at', 'hlc', 'origin', 'field_stamps']);
export { CLOCK_SKEW_LIMIT_MS };

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

function versionVector(entries: Iterable<{ origin: string; hlc: string }>): Map<string, string> {
  const vector = new Map<string, string>();
  for (const { origin, hlc } of entries) if (hlc > (vector.get(origin) ?? '')) vector.set(origin, hlc);
  return vector;
}

function seen(vector: Map<string, string>, stamp: string): boolean {
  return (vector.get(parseHlc(stamp).origin) ?? '') >= stamp;
}

/** The same hlc and field_stamps as ours: the same content. */
const sameAsOurs = (ours: RecordKey | undefined, [, hlc, stamps]: RecordKey): boolean => !!ours && ours[1] === hlc && ours[2] === stamps;

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
    .map((n) =>
      n
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}]+/gu, ''),
    );
}

export interface ApplyOptions {
  /** The person confirmed adopting a clock more than 5 minutes ahead. */
  acceptClockSkew?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface MergeOptions extends ApplyOptions {
  /** Work out what merging would do (counts, conflicts, duplicates) and write nothing. */
  dryRun?: boolean;
  /** With dryRun: list every value that breaks the rules (`invalid`) instead of refusing the file. */
  listInvalid?: boolean;
  /**
   * Work started once the merge holds the write lock, and finished (`finish`, which may throw) before it commits: the
   * backup before the merge, written by another thread while the merge runs. Finished too when the merge fails.
   */
  whileMerging?: () => { finish(): void };
}

export interface MergeResult {
  counts: Record<RecordEntity, EntityCounts>;
  totals: EntityCounts;
  conflicts: FieldConflict[];
  duplicates: DuplicateCandidate[];
  /** How far the file's newest stamp is ahead of this machine's clock (0 when not ahead). */
  clockAheadMs: number;
  /** The sync_log row written; null for a dry run. */
  syncId: string | null;
  /** Values that break the domain rules (a dry run with listInvalid; else such a file is refused); counts are then partial. */
  invalid: InvalidValue[];
  /** How many records break the rules (the list may stop at MAX_LISTED). */
  invalidCount: number;
}

/** How far `maxHlc` is ahead of this machine's clock, in ms (0 when not ahead). */
export function clockAheadOf(core: Core, maxHlc: string): number {
  if (!maxHlc) return 0;
  const ahead = parseHlc(maxHlc).ms - core.now().getTime();
  return ahead > 0 ? ahead : 0;
}

/** Refuse a clock too far ahead unless a person confirmed it: before anything is written, the backup included. */
export function checkClockSkew(clockAheadMs: number, accepted: boolean | undefined): void {
  if (clockAheadMs > CLOCK_SKEW_LIMIT_MS && !accepted) {
    const minutes = Math.round(clockAheadMs / 60000);
    throw new AppError('conflict', {
      zh: `该文件的时间比本机快约 ${minutes} 分钟。请检查两台电脑的时钟，确认后再合并。未作任何改动。`,
      en: `This file's clock is about ${minutes} minutes ahead of this computer's. Check both clocks, then confirm to merge. Nothing was changed.`,
    });
  }
}

/**
 * Merge `source` in one transaction (the caller's backup comes first), or with `dryRun` only work
 * out what that would do. A refusal part way (damaged stamps, broken links) rolls everything back.
 */
export function mergeIncoming(core: Core, source: IncomingSource, options: MergeOptions = {}): MergeResult {
  const sqlite = core.sqlite;
  const clockAheadMs = clockAheadOf(core, source.maxHlc);
  // A dry run reads one consistent snapshot of this database, and writes nothing.
  if (options.dryRun) return sqlite.transaction(() => mergePass(core, source, clockAheadMs, false, options).result).deferred();
  checkClockSkew(clockAheadMs, options.acceptClockSkew);
  sqlite.exec('BEGIN IMMEDIATE');
  let alongside: { finish(): void } | undefined;
  try {
    alongside = options.whileMerging?.();
    sqlite.pragma('defer_foreign_keys = ON');
    // Records written are indexed for search in large batches (FTS5 writes least when given many docs at once).
    const pass = withIndexBatched(sqlite, () => mergePass(core, source, clockAheadMs, true, options));
    const finishing = alongside;
    alongside = undefined;
    finishing?.finish();
    commitChecked(sqlite, pass.written);
    if (source.maxHlc) core.clock.receive(source.maxHlc);
    return pass.result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    try {
      alongside?.finish();
    } catch {
      // the merge's own error is the one to report
    }
    throw error;
  }
}

/** Commit; links left broken fail the commit (foreign keys are deferred), and are then counted in the tables written. */
function commitChecked(sqlite: Database.Database, written: ReadonlySet<string>): void {
  try {
    sqlite.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    let broken = 0;
    for (const table of written) broken += (sqlite.pragma(`foreign_key_check("${table}")`) as unknown[]).length;
    throw new AppError('corrupt_database', {
      zh: `该文件中有 ${broken} 处记录关联断开，已取消合并。未作任何改动。`,
      en: `The file has ${broken} broken links between records; the merge was cancelled. Nothing was changed.`,
    });
  }
}

/** One pass over the file: compare, count, and (when writing) write. */
function mergePass(
  core: Core,
  source: IncomingSource,
  clockAheadMs: number,
  writing: boolean,
  options: MergeOptions,
): { result: MergeResult; written: Set<string> } {
  const sqlite = core.sqlite;
  const fileName = source.fileName;
  const localVector = versionVector(
    sqlite.prepare('SELECT origin, max(hlc) AS hlc FROM change_log GROUP BY origin').all() as { origin: string; hlc: string }[],
  );
  const incomingVector = source.versionVector();
  const counts = Object.fromEntries(MERGE_ORDER.map((e) => [e, emptyCounts()])) as Record<RecordEntity, EntityCounts>;
  const conflicts: FieldConflict[] = [];
  const duplicates: DuplicateCandidate[] = [];
  const written = new Set<string>();
  const invalid = new InvalidList();
  const syncId = uuidv7();
  const at = core.now().toISOString();
  const report = writing ? options.onProgress : undefined;
  let done = 0;
  const tick = () => {
    done += 1;
    if (report && done % 500 === 0) report(done, source.total);
  };

  // Blobs missing here, and blobs both offices stored independently: the earlier created_at is kept on both sides.
  const haveBlob = sqlite.prepare('SELECT created_at FROM blobs WHERE sha256 = ?');
  const putBlob = sqlite.prepare(
    `INSERT INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET created_at = excluded.created_at WHERE excluded.created_at < blobs.created_at`,
  );
  for (const page of writing ? source.blobKeys() : []) {
    for (const [sha256, createdAt] of page) {
      tick();
      const ours = haveBlob.get(sha256) as { created_at: string } | undefined;
      if (ours && createdAt >= ours.created_at) continue;
      const blob = source.blob(sha256);
      putBlob.run(blob.sha256, blob.size, blob.data, blob.created_at);
      written.add('blobs');
    }
  }

  for (const entity of MERGE_ORDER) {
    const table = tableName(entity);
    const localKeys = sqlite.prepare(`SELECT id, hlc, field_stamps FROM "${table}" WHERE id BETWEEN ? AND ?`).raw();
    const localRow = sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
    const insertStatements = new Map<string, Database.Statement>();
    const updateStatements = new Map<string, Database.Statement>();
    const likelyDuplicate = entity === 'organizations' ? duplicateFinder(sqlite) : null;
    // The fields a merge compares: every known column but the bookkeeping ones.
    const fields = new Set(
      Object.values(getTableColumns(recordTables[entity]))
        .map((c) => c.name)
        .filter((f) => !META_COLUMNS.has(f)),
    );
    for (const page of source.recordKeys(entity)) {
      const ours = new Map<string, RecordKey>();
      for (const key of localKeys.all(page[0]![0], page.at(-1)![0]) as RecordKey[]) ours.set(key[0], key);
      // The same stamps as ours: the same content, never read. Every other record is judged before it is read.
      const differ = page.map((key) => !sameAsOurs(ours.get(key[0]), key));
      const read = page.filter((_, i) => differ[i]).map(([id]) => id);
      if (read.length > 0) source.judge(entity, read, invalid);
      let wrote = false;
      for (const [i, [id, hlc, stamps]] of page.entries()) {
        tick();
        // A file that breaks the rules is refused whole: the rest of it is only judged, to count what else does.
        if (!differ[i] || invalid.count > 0) continue;
        const ourKey = ours.get(id);
        const theirStamps = parseStamps(fileName, entity, stamps);
        if (!STAMP.test(hlc)) throw damagedStamps(fileName, entity);
        const ourStamps = ourKey ? (JSON.parse(ourKey[2]) as Record<string, string>) : null;
        // Ours newer field by field and no conflict possible: neither record needs reading whole.
        if (ourKey && ourStamps && hlc <= ourKey[1] && !stampsMatter(fields, ourStamps, theirStamps, localVector, incomingVector)) continue;
        const theirs = source.record(entity, id);
        if (ourStamps === null) {
          counts[entity].added += 1;
          if (theirs.deleted_at) counts[entity].deleted += 1;
          const match = likelyDuplicate && !theirs.deleted_at ? likelyDuplicate(theirs) : undefined;
          if (match) duplicates.push({ localId: match, importedId: id, name: String(theirs.display_name) });
          if (writing) {
            const columns = Object.keys(theirs);
            const shape = columns.join(',');
            let insert = insertStatements.get(shape);
            if (!insert) {
              insert = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
              insertStatements.set(shape, insert);
            }
            insert.run(...columns.map((c) => theirs[c] ?? null));
            indexRecord(sqlite, entity, id);
            wrote = true;
          }
          continue;
        }
        const our = localRow.get(id) as Row;
        const newStamps = { ...ourStamps };
        const set: Record<string, SqlValue> = {};
        let valueChanged = false;
        for (const field of fields) {
          const ourStamp = ourStamps[field] ?? '';
          const theirStamp = theirStamps[field] ?? '';
          if (theirStamp === ourStamp) continue;
          const theirsWin = theirStamp > ourStamp;
          const differs = !sameValue(our[field], theirs[field]);
          if (theirsWin) {
            newStamps[field] = theirStamp;
            if (differs) {
              set[field] = theirs[field]!;
              valueChanged = true;
              if (field === 'deleted_at' && theirs.deleted_at && !our.deleted_at) counts[entity].deleted += 1;
            }
          }
          // A conflict: both wrote the field, the values differ, and neither had seen the other's write.
          if (differs && ourStamp && theirStamp && !seen(incomingVector, ourStamp) && !seen(localVector, theirStamp)) {
            const winnerOurs = !theirsWin;
            conflicts.push({
              entity,
              rowId: id,
              field,
              winningValue: winnerOurs ? our[field]! : theirs[field]!,
              winningHlc: winnerOurs ? ourStamp : theirStamp,
              losingValue: winnerOurs ? theirs[field]! : our[field]!,
              losingHlc: winnerOurs ? theirStamp : ourStamp,
              localWon: winnerOurs,
            });
            counts[entity].conflicts += 1;
          }
        }
        const deleteEdit = deleteEditConflict(fields, our, theirs, ourStamps, theirStamps, localVector, incomingVector);
        if (deleteEdit) {
          conflicts.push({ entity, rowId: id, field: 'deleted_at', losingValue: null, ...deleteEdit });
          counts[entity].conflicts += 1;
        }
        if (valueChanged) counts[entity].changed += 1;
        const stampsChanged = Object.keys(newStamps).some((f) => newStamps[f] !== ourStamps[f]);
        const newerRow = hlc > String(our.hlc);
        if (!writing || !(valueChanged || stampsChanged || newerRow)) continue;
        const values: Record<string, SqlValue> = {
          ...set,
          field_stamps: serializeStamps(newStamps),
          ...(newerRow ? { updated_at: String(theirs.updated_at), hlc, origin: String(theirs.origin) } : {}),
        };
        const columns = Object.keys(values);
        const shape = columns.join(',');
        let update = updateStatements.get(shape);
        if (!update) {
          update = sqlite.prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`);
          updateStatements.set(shape, update);
        }
        update.run(...columns.map((c) => values[c] ?? null), id);
        indexRecord(sqlite, entity, id);
        wrote = true;
      }
      if (wrote) written.add(table);
    }
  }

  if (invalid.count > 0) {
    if (writing || !options.listInvalid) throw invalidFileError(fileName, invalid.items[0]!, invalid.count);
  }
  // The change log is a union; its unique index drops what is here already.
  if (writing) {
    const log = sqlite.prepare(
      `INSERT OR IGNORE INTO change_log (${CHANGE_LOG_COLUMNS.join(', ')}, via, recorded_at) VALUES (${CHANGE_LOG_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    );
    for (const row of source.changeLog()) {
      log.run(...row, syncId, at);
      tick();
    }
  }

  const totals = emptyCounts();
  for (const c of Object.values(counts)) {
    totals.added += c.added;
    totals.changed += c.changed;
    totals.deleted += c.deleted;
    totals.conflicts += c.conflicts;
  }
  const result: MergeResult = {
    counts,
    totals,
    conflicts,
    duplicates,
    clockAheadMs,
    syncId: writing ? syncId : null,
    invalid: invalid.items,
    invalidCount: invalid.count,
  };
  if (!writing) return { result, written };

  const known = sqlite.prepare('SELECT 1 FROM conflicts WHERE entity = ? AND row_id = ? AND field = ? AND losing_hlc = ?');
  const addConflict = sqlite.prepare(
    `INSERT INTO conflicts (id, entity, row_id, field, winning_value, winning_hlc, losing_value, losing_hlc, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of conflicts) {
    if (known.get(c.entity, c.rowId, c.field, c.losingHlc)) continue;
    addConflict.run(
      uuidv7(),
      c.entity,
      c.rowId,
      c.field,
      JSON.stringify(jsonable(c.winningValue)),
      c.winningHlc,
      JSON.stringify(jsonable(c.losingValue)),
      c.losingHlc,
      at,
    );
  }
  const addDuplicate = sqlite.prepare('INSERT INTO duplicate_candidates (id, entity, local_id, imported_id, detected_at) VALUES (?, ?, ?, ?, ?)');
  for (const d of duplicates) addDuplicate.run(uuidv7(), 'organizations', d.localId, d.importedId, at);
  sqlite
    .prepare('INSERT INTO sync_log (id, direction, at, file_name, peer_origin, peer_office, peer_hlc, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(syncId, 'import', at, fileName, source.origin, source.office, source.maxHlc || null, JSON.stringify({ ...totals, entities: counts }));
  if (source.maxHlc) {
    // Persisted with the merge; this connection's clock moves once it has committed.
    const clock = new HybridLogicalClock(core.clock.origin, core.clock.current());
    clock.receive(source.maxHlc);
    core.setMeta('hlc_last', clock.current());
  }
  if (report) report(source.total, source.total);
  return { result, written };
}

/**
 * A record deleted at one office while another edited it, neither having seen the other's write: the
 * delete stands (the edit is applied to the deleted record), and the pair is listed as a conflict on
 * `deleted_at` whose losing value (null: the record live) carries the edit's stamp, so flipping it
 * brings the record back with the edit.
 */
function deleteEditConflict(
  fields: ReadonlySet<string>,
  our: Row,
  theirs: Row,
  ourStamps: Record<string, string>,
  theirStamps: Record<string, string>,
  localVector: Map<string, string>,
  incomingVector: Map<string, string>,
): Pick<FieldConflict, 'winningValue' | 'winningHlc' | 'losingHlc' | 'localWon'> | null {
  const ourDelete = ourStamps.deleted_at ?? '';
  const theirDelete = theirStamps.deleted_at ?? '';
  const deleterOurs = ourDelete >= theirDelete;
  const deleted = deleterOurs ? our.deleted_at : theirs.deleted_at;
  if (!deleted) return null;
  const deleteStamp = deleterOurs ? ourDelete : theirDelete;
  const editor = deleterOurs ? theirs : our;
  if (editor.deleted_at) return null;
  const editorStamps = deleterOurs ? theirStamps : ourStamps;
  // What each side had seen when it wrote: the deleter's vector and the editor's.
  const deleterVector = deleterOurs ? localVector : incomingVector;
  const editorVector = deleterOurs ? incomingVector : localVector;
  if (seen(editorVector, deleteStamp)) return null;
  let edit = '';
  for (const field of fields) {
    if (field === 'deleted_at') continue;
    const stamp = editorStamps[field];
    if (stamp && stamp > edit && !seen(deleterVector, stamp)) edit = stamp;
  }
  if (!edit) return null;
  return { winningValue: deleted, winningHlc: deleteStamp, losingHlc: edit, localWon: deleterOurs };
}

/** Whether their stamps win a field here or may hold a conflict; when neither, the records need no comparing. */
function stampsMatter(
  fields: ReadonlySet<string>,
  ours: Record<string, string>,
  theirs: Record<string, string>,
  localVector: Map<string, string>,
  incomingVector: Map<string, string>,
): boolean {
  for (const field of Object.keys(theirs)) {
    if (!fields.has(field)) continue;
    const ourStamp = ours[field] ?? '';
    const theirStamp = theirs[field]!;
    if (theirStamp === ourStamp) continue;
    if (theirStamp > ourStamp) return true;
    if (ourStamp && !seen(incomingVector, ourStamp) && !seen(localVector, theirStamp)) return true;
  }
  return false;
}

/**
 * Likely duplicates: a new organization with the same normalized name (any script) and country as a
 * local one, judged against the organizations here before the merge, less pairs a person decided.
 */
function duplicateFinder(sqlite: Database.Database): (row: Row) => string | undefined {
  const localOrganizations = sqlite
    .prepare('SELECT id, display_name, name_zh, name_en, name_local, aliases, country FROM organizations WHERE deleted_at IS NULL')
    .all() as Row[];
  const byKey = new Map<string, string>();
  for (const org of localOrganizations) for (const name of normalizedNames(org)) byKey.set(`${org.country ?? ''}|${name}`, org.id as string);
  const decided = new Set(
    (sqlite.prepare("SELECT local_id || '|' || imported_id AS pair FROM duplicate_candidates").all() as { pair: string }[]).map((r) => r.pair),
  );
  return (row) => {
    const match = normalizedNames(row)
      .map((name) => byKey.get(`${row.country ?? ''}|${name}`))
      .find((id) => id !== undefined);
    return match && !decided.has(`${match}|${row.id as string}`) ? match : undefined;
  };
}

function jsonable(value: SqlValue): string | number | null {
  return Buffer.isBuffer(value) ? null : value;
}

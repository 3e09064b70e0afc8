/** What a person reviews after merging: the exchange log, conflicts to flip, likely duplicates. */
import { z } from 'zod';
import { AppError } from '../errors';
import { updateRecord, columnNames, type Core } from '../core';
import { recordTables, type RecordEntity } from '../schema';
import { idSchema } from '../validation';
import { MAX_STAMP_MS } from '../hlc';

export interface SyncLogEntry {
  id: string;
  direction: 'import' | 'export';
  at: string;
  fileName: string;
  peerOffice: string | null;
  counts: { added?: number; changed?: number; deleted?: number; conflicts?: number };
}

export function listSyncLog(core: Core): SyncLogEntry[] {
  return (
    core.sqlite
      .prepare('SELECT id, direction, at, file_name AS fileName, peer_office AS peerOffice, counts FROM sync_log ORDER BY at DESC, id DESC LIMIT 200')
      .all() as (Omit<SyncLogEntry, 'counts'> & { counts: string })[]
  ).map((row) => ({ ...row, counts: JSON.parse(row.counts) as SyncLogEntry['counts'] }));
}

export interface ConflictView {
  id: string;
  entity: RecordEntity;
  rowId: string;
  field: string;
  winningValue: unknown;
  losingValue: unknown;
  winningHlc: string;
  losingHlc: string;
  detectedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  /** Who wrote each value and when (from its stamp): the office's name when known, and the instant. */
  winningOffice: string | null;
  winningAt: string | null;
  losingOffice: string | null;
  losingAt: string | null;
  /** 'delete_edit': deleted at one office while edited at another; flipping brings the record back with the edit. */
  kind: 'value' | 'delete_edit';
}

export const conflictListInput = z.strictObject({ includeResolved: z.boolean().optional() }).default({});
export const conflictResolveInput = z.strictObject({ id: idSchema, choice: z.enum(['keep', 'flip']) });

export function listConflicts(core: Core, input: z.output<typeof conflictListInput>): ConflictView[] {
  return (
    core.sqlite
      .prepare(
        `SELECT id, entity, row_id AS rowId, field, winning_value AS winningValue, losing_value AS losingValue, winning_hlc AS winningHlc,
                losing_hlc AS losingHlc, detected_at AS detectedAt, resolved_at AS resolvedAt, resolution
           FROM conflicts ${input.includeResolved ? '' : 'WHERE resolved_at IS NULL'} ORDER BY detected_at DESC, id`,
      )
      .all() as (Omit<ConflictView, 'winningValue' | 'losingValue' | 'winningOffice' | 'winningAt' | 'losingOffice' | 'losingAt' | 'kind'> & {
      winningValue: string | null;
      losingValue: string | null;
    })[]
  ).map((row) => {
    const winningValue = row.winningValue === null ? null : (JSON.parse(row.winningValue) as unknown);
    const losingValue = row.losingValue === null ? null : (JSON.parse(row.losingValue) as unknown);
    const winner = stampFacts(core, row.winningHlc);
    const loser = stampFacts(core, row.losingHlc);
    return {
      ...row,
      winningValue,
      losingValue,
      winningOffice: winner.office,
      winningAt: winner.at,
      losingOffice: loser.office,
      losingAt: loser.at,
      kind: row.field === 'deleted_at' && winningValue !== null && losingValue === null ? 'delete_edit' : 'value',
    };
  });
}

/** The office (by name, when any exchange or change named it) and the instant behind a stamp. */
function stampFacts(core: Core, stamp: string): { office: string | null; at: string | null } {
  const match = /^(\d{15})-\d{6}-(.+)$/.exec(stamp);
  if (!match) return { office: null, at: null };
  const ms = Number(match[1]);
  const at = ms <= MAX_STAMP_MS ? new Date(ms).toISOString() : null;
  const origin = match[2]!;
  if (origin === core.clock.origin) return { office: core.getMeta('office_name'), at };
  const office =
    (core.sqlite.prepare('SELECT office FROM change_log WHERE origin = ? AND office IS NOT NULL LIMIT 1').pluck().get(origin) as string | undefined) ??
    (core.sqlite.prepare('SELECT peer_office FROM sync_log WHERE peer_origin = ? AND peer_office IS NOT NULL ORDER BY at DESC LIMIT 1').pluck().get(origin) as
      string | undefined) ??
    null;
  return { office, at };
}

/** Keep the merged value, or flip to the other one: a new write that every office will then receive. */
export function resolveConflict(core: Core, input: z.output<typeof conflictResolveInput>): ConflictView[] {
  const conflict = listConflicts(core, { includeResolved: true }).find((c) => c.id === input.id);
  if (!conflict) {
    throw new AppError('not_found', { zh: '找不到该冲突，可能已处理。', en: 'No such conflict; it may have been resolved already.' });
  }
  if (input.choice === 'flip') {
    if (!(conflict.entity in recordTables))
      throw new AppError('not_found', { zh: '冲突所指的记录类型未知。', en: 'The conflict refers to an unknown kind of record.' });
    const key = Object.entries(columnNames(conflict.entity)).find(([, column]) => column === conflict.field)?.[0];
    if (!key) throw new AppError('not_found', { zh: '冲突所指的字段未知。', en: 'The conflict refers to an unknown field.' });
    updateRecord(core, conflict.entity, conflict.rowId, { [key]: conflict.losingValue });
  }
  core.sqlite.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(core.now().toISOString(), input.choice, input.id);
  return listConflicts(core, {});
}

export interface DuplicateView {
  id: string;
  localId: string;
  localName: string | null;
  importedId: string;
  importedName: string | null;
  detectedAt: string;
  decision: 'linked' | 'kept_apart' | null;
}

export const duplicateDecideInput = z.strictObject({ id: idSchema, decision: z.enum(['linked', 'kept_apart']) });

export function listDuplicates(core: Core): DuplicateView[] {
  return core.sqlite
    .prepare(
      `SELECT d.id, d.local_id AS localId, l.display_name AS localName, d.imported_id AS importedId, i.display_name AS importedName,
              d.detected_at AS detectedAt, d.decision
         FROM duplicate_candidates d
         LEFT JOIN organizations l ON l.id = d.local_id
         LEFT JOIN organizations i ON i.id = d.imported_id
        ORDER BY d.decision IS NOT NULL, d.detected_at DESC`,
    )
    .all() as DuplicateView[];
}

/** Record a person's decision. Linking is recorded now; folding the two records into one comes with the merge UI. */
export function decideDuplicate(core: Core, input: z.output<typeof duplicateDecideInput>): DuplicateView[] {
  const result = core.sqlite
    .prepare('UPDATE duplicate_candidates SET decision = ?, decided_at = ? WHERE id = ?')
    .run(input.decision, core.now().toISOString(), input.id);
  if (result.changes === 0) throw new AppError('not_found', { zh: '找不到该重复项。', en: 'No such duplicate candidate.' });
  return listDuplicates(core);
}

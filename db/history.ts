/**
 * A record's change history from change_log: every field write, local or merged, with the
 * value before it (the previous write of that field in stamp order), who and when.
 */
import { z } from 'zod';
import type { Core } from './core';
import { notFound } from './errors';
import { idSchema } from './validation';
import { recordTables, type RecordEntity } from './schema';
import { tableName } from './core';
import { parseHlc } from './hlc';

export const historyListInput = z.strictObject({
  entity: z.enum(Object.keys(recordTables) as [RecordEntity, ...RecordEntity[]]),
  id: idSchema,
});

export interface HistoryEntry {
  /** Column name as stored (e.g. "status", "display_name"). */
  field: string;
  /** The value before this change (decoded JSON); null when the field had none. */
  oldValue: unknown;
  newValue: unknown;
  /**
   * For a field that points to another record (partnership_id, organization_id …): that record's name
   * (a partnership's title, an organization's display name …) before and after; null otherwise.
   */
  oldName: string | null;
  newName: string | null;
  /** True for the first recorded write of the field (the record was created or the field first set). */
  first: boolean;
  office: string | null;
  origin: string;
  /** When this installation recorded it (ISO). */
  recordedAt: string;
  /** When it was written, by the writer's clock (ISO, from the stamp). */
  writtenAt: string;
  hlc: string;
  /** 'local', 'sample', 'generated' or 'merge'. */
  via: 'local' | 'sample' | 'generated' | 'merge';
  /** For a change that came by merge: the imported file and the office that sent it. */
  merge: { syncId: string; fileName: string; peerOffice: string | null; at: string } | null;
}

interface Row {
  field: string;
  value: string | null;
  hlc: string;
  origin: string;
  office: string | null;
  via: string;
  recorded_at: string;
  file_name: string | null;
  peer_office: string | null;
  sync_at: string | null;
}

const decode = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
};

/** What each reference field points to, and how that record is named. */
const REFERENCES: Record<string, string> = {
  partnership_id: 'SELECT title FROM partnerships WHERE id = ?',
  organization_id: 'SELECT display_name FROM organizations WHERE id = ?',
  meeting_id: 'SELECT title FROM meetings WHERE id = ?',
  contact_id: 'SELECT name FROM contacts WHERE id = ?',
  programme_id: "SELECT COALESCE(name_zh || ' / ' || name_en, name_zh, name_en) FROM programmes WHERE id = ?",
};

/** Newest first. */
export function listHistory(core: Core, input: z.output<typeof historyListInput>): HistoryEntry[] {
  const exists = core.sqlite.prepare(`SELECT 1 FROM "${tableName(input.entity)}" WHERE id = ?`).get(input.id);
  if (!exists) throw notFound(input.entity, input.id);
  const rows = core.sqlite
    .prepare(
      `SELECT c.field, c.value, c.hlc, c.origin, c.office, c.via, c.recorded_at, s.file_name, s.peer_office, s.at AS sync_at
       FROM change_log c LEFT JOIN sync_log s ON s.id = c.via
       WHERE c.entity = ? AND c.row_id = ? ORDER BY c.hlc, c.seq`,
    )
    .all(input.entity, input.id) as Row[];
  const names = new Map<string, string | null>();
  const nameOf = (field: string, value: unknown): string | null => {
    const query = REFERENCES[field];
    if (!query || typeof value !== 'string') return null;
    const key = `${field}/${value}`;
    if (!names.has(key)) names.set(key, (core.sqlite.prepare(query).pluck().get(value) as string | null | undefined) ?? null);
    return names.get(key)!;
  };
  const last = new Map<string, unknown>();
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const newValue = decode(row.value);
    const first = !last.has(row.field);
    const oldValue = first ? null : last.get(row.field);
    last.set(row.field, newValue);
    const merged = row.file_name !== null;
    const via = merged ? 'merge' : row.via === 'sample' || row.via === 'generated' ? row.via : 'local';
    entries.push({
      field: row.field,
      oldValue,
      newValue,
      oldName: nameOf(row.field, oldValue),
      newName: nameOf(row.field, newValue),
      first,
      office: row.office,
      origin: row.origin,
      recordedAt: row.recorded_at,
      writtenAt: new Date(parseHlc(row.hlc).ms).toISOString(),
      hlc: row.hlc,
      via,
      merge: merged ? { syncId: row.via, fileName: row.file_name!, peerOffice: row.peer_office, at: row.sync_at! } : null,
    });
  }
  return entries.reverse();
}

/**
 * The domain rules of every stored record, one set per table, beside the schema: what a value in a
 * column may be (enums, calendar dates full and partial, times, ISO country codes, JSON lists, e-mail,
 * text lengths equal to the forms' limits, numbers in range, booleans, UUIDs, timestamps, stamps) and
 * what a whole row must satisfy (known keys only in field_stamps, no field stamp later than the row's,
 * a milestone's date as precise as it says).
 *
 * Used by every door a record comes in by: the contract's inputs take their limits and value shapes
 * from here (LIMITS, calendarDate, partialDate, meetingTime, countryCode, ...), and a merge checks every
 * row of the incoming file against `recordRules` before anything is written (db/sync/incoming.ts).
 *
 * Each column rule has a zod schema (the judge) and a SQL predicate that is true only for values the
 * schema accepts: a file's tables are scanned once in SQL and only the rows it flags are read into JS
 * and judged by zod, so the SQL never refuses a value alone and large files stay fast.
 */
import { z } from 'zod';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { calendarDate, COUNTRY_CODES, countryCode, email, LIMITS, meetingTime, partialDate, UUID_PATTERN } from '../common/inputs/fields';
import { MAX_ATTACHMENT_BYTES } from '../common/limits';
import {
  ATTENDEE_SIDES,
  DATE_PRECISIONS,
  MEETING_FORMATS,
  MEETING_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  ORGANIZATION_KINDS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  recordTables,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TOPICS,
  type RecordEntity,
} from './schema';
import { MAX_STAMP_MS } from './hlc';

/** The largest attachment the app stores. */
export { MAX_ATTACHMENT_BYTES };

export { MAX_STAMP_MS };

// Text lengths, country codes and value shapes are shared with the forms: defined in common/inputs/fields.ts.
export { calendarDate, COUNTRY_CODES, countryCode, email, LIMITS, meetingTime, partialDate };

/** An instant as the app writes it: Date#toISOString(). */
export const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((v) => {
    const d = new Date(v);
    return !Number.isNaN(d.getTime()) && d.toISOString() === v;
  });
/** An installation's origin id: a UUID, or a fixed name (`sample`, `generated-<seed>`). */
const ORIGIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const STAMP_PATTERN = /^(\d{15})-(\d{6})-([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;
/** A well-formed HLC stamp no later than the largest time the app can write. */
export const stamp = z.string().refine(
  (v) => {
    const m = STAMP_PATTERN.exec(v);
    return !!m && Number(m[1]) <= MAX_STAMP_MS;
  },
  { message: 'stamp' },
);
export const uuid = z.string().regex(UUID_PATTERN);

/** What the bytes of a file are, from their first bytes; null when the bytes do not say. */
export function sniffMimeType(data: Buffer): string | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => data[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  return null;
}

/** Declared types a sniffed kind of bytes may carry (zip: the office formats are zip archives). */
const COMPATIBLE: Record<string, (declared: string) => boolean> = {
  'application/pdf': (d) => d === 'application/pdf',
  'image/png': (d) => d === 'image/png',
  'image/jpeg': (d) => d === 'image/jpeg' || d === 'image/jpg' || d === 'image/pjpeg',
  'image/gif': (d) => d === 'image/gif',
  'image/webp': (d) => d === 'image/webp',
  'application/zip': (d) => d === 'application/zip' || d === 'application/x-zip-compressed' || d.startsWith('application/vnd.') || d === 'application/epub+zip',
};
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,99}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,99}$/;
export const mimeType = z.string().max(LIMITS.mimeType).regex(MIME);

/**
 * Whether a declared MIME type agrees with the stored bytes: bytes that say what they are must be
 * declared as that, and a declared type that the sniffer knows must be backed by such bytes.
 */
export function mimeMatchesBytes(declared: string | null, data: Buffer): boolean {
  if (declared === null) return true;
  const type = declared.toLowerCase();
  const sniffed = sniffMimeType(data);
  if (sniffed) return COMPATIBLE[sniffed]!(type);
  return !Object.entries(COMPATIBLE).some(([kind, compatible]) => kind !== 'application/zip' && compatible(type));
}

/** One column's rule: the zod schema that judges, and a SQL predicate true only for values it accepts. */
export interface ColumnRule {
  zod: z.ZodType;
  sql: (column: string) => string;
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
const rule = (zod: z.ZodType, sql: (c: string) => string): ColumnRule => ({ zod, sql });
const nullable = (r: ColumnRule): ColumnRule => rule(r.zod.nullable(), (c) => `(${c} IS NULL OR (${r.sql(c)}))`);

/** Text of at most `max` UTF-16 units (UTF-8 bytes are never fewer), non-empty when required. */
const text = (max: number, required = false): ColumnRule =>
  rule(
    z
      .string()
      .min(required ? 1 : 0)
      .max(max),
    (c) => `typeof(${c}) = 'text' AND octet_length(${c}) ${required ? 'BETWEEN 1 AND' : '<='} ${max}`,
  );
const optText = (max: number) => nullable(text(max));
const enumOf = (values: readonly [string, ...string[]]): ColumnRule =>
  rule(z.enum(values), (c) => `typeof(${c}) = 'text' AND ${c} COLLATE BINARY IN (${values.map(sqlText).join(', ')})`);
const HEX = '[0-9a-f]';
const uuidGlob = [8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-');
const uuidRule = rule(uuid, (c) => `typeof(${c}) = 'text' AND length(${c}) = 36 AND ${c} GLOB '${uuidGlob}'`);
const dateRule = rule(calendarDate, (c) => `typeof(${c}) = 'text' AND length(${c}) = 10 AND date(${c}) IS ${c}`);
const partialDateRule = rule(
  partialDate,
  (c) =>
    `typeof(${c}) = 'text' AND CASE length(${c}) WHEN 10 THEN date(${c}) IS ${c} WHEN 7 THEN date(${c} || '-01') IS ${c} || '-01' ` +
    `WHEN 4 THEN ${c} GLOB '[0-9][0-9][0-9][0-9]' ELSE 0 END`,
);
const timeRule = rule(meetingTime, (c) => `typeof(${c}) = 'text' AND ${c} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${c} < '24'`);
const timestampRule = rule(timestamp, (c) => `typeof(${c}) = 'text' AND length(${c}) = 24 AND strftime('%Y-%m-%dT%H:%M:%fZ', ${c}) IS ${c}`);
const countryRule = rule(
  z.string().refine((v) => COUNTRY_CODES.has(v), { message: 'country' }),
  (c) => `typeof(${c}) = 'text' AND ${c} COLLATE BINARY IN (${[...COUNTRY_CODES].map(sqlText).join(', ')})`,
);
const realIn = (min: number, max: number): ColumnRule =>
  rule(z.number().min(min).max(max), (c) => `typeof(${c}) IN ('integer', 'real') AND ${c} BETWEEN ${min} AND ${max}`);
const intIn = (min: number, max: number): ColumnRule =>
  rule(z.number().int().min(min).max(max), (c) => `typeof(${c}) = 'integer' AND ${c} BETWEEN ${min} AND ${max}`);
const booleanRule = rule(z.union([z.literal(0), z.literal(1)]), (c) => `typeof(${c}) = 'integer' AND ${c} IN (0, 1)`);
/** The SQL of a stamp rule: shape, digits, origin characters, and no later than MAX_STAMP_MS. */
export const stampSql = (c: string): string =>
  `typeof(${c}) = 'text' AND length(${c}) BETWEEN 24 AND 87 AND ${c} GLOB '${'[0-9]'.repeat(15)}-${'[0-9]'.repeat(6)}-[A-Za-z0-9]*' ` +
  `AND NOT substr(${c}, 24) GLOB '*[^A-Za-z0-9_-]*' AND substr(${c}, 1, 15) <= '${String(MAX_STAMP_MS).padStart(15, '0')}'`;
const stampRule = rule(stamp, stampSql);
const originRule = rule(
  z.string().regex(ORIGIN),
  (c) => `typeof(${c}) = 'text' AND length(${c}) BETWEEN 1 AND 64 AND ${c} GLOB '[A-Za-z0-9]*' AND NOT ${c} GLOB '*[^A-Za-z0-9_-]*'`,
);

/** A JSON array of non-empty strings, each of at most `itemMax` units, from `allowed` when given. */
function jsonStrings(maxItems: number, itemMax: number, allowed?: readonly string[]): ColumnRule {
  const item = allowed ? z.enum(allowed as [string, ...string[]]) : z.string().min(1).max(itemMax);
  const list = z.array(item).max(maxItems);
  const zod = z.string().refine(
    (v) => {
      try {
        return list.safeParse(JSON.parse(v)).success;
      } catch {
        return false;
      }
    },
    { message: 'json' },
  );
  const itemSql = allowed ? `j.value COLLATE BINARY NOT IN (${allowed.map(sqlText).join(', ')})` : `octet_length(j.value) NOT BETWEEN 1 AND ${itemMax}`;
  return rule(
    zod,
    (c) =>
      `typeof(${c}) = 'text' AND json_valid(${c}) AND json_type(${c}) = 'array' AND json_array_length(${c}) <= ${maxItems} ` +
      `AND NOT EXISTS (SELECT 1 FROM json_each(${c}) j WHERE j.type <> 'text' OR ${itemSql})`,
  );
}

const bookkeeping = {
  id: uuidRule,
  created_at: timestampRule,
  updated_at: timestampRule,
  deleted_at: nullable(timestampRule),
  hlc: stampRule,
  origin: originRule,
  // field_stamps is judged on the whole row (known keys, stamps no later than the row's): see fieldStampsIssue.
  field_stamps: rule(z.string(), (c) => `typeof(${c}) = 'text'`),
};

/** Column rules by SQL column name, for every record table. */
export const columnRules: Record<RecordEntity, Record<string, ColumnRule>> = {
  organizations: {
    ...bookkeeping,
    display_name: text(LIMITS.name, true),
    name_zh: optText(LIMITS.name),
    name_en: optText(LIMITS.name),
    name_local: optText(LIMITS.name),
    aliases: jsonStrings(LIMITS.aliases, LIMITS.name),
    country: nullable(countryRule),
    region: optText(LIMITS.shortText),
    kind: enumOf(ORGANIZATION_KINDS),
    latitude: nullable(realIn(-90, 90)),
    longitude: nullable(realIn(-180, 180)),
    notes: optText(LIMITS.notes),
    source: optText(LIMITS.source),
  },
  programmes: {
    ...bookkeeping,
    name_zh: optText(LIMITS.title),
    name_en: optText(LIMITS.title),
    started_on: nullable(partialDateRule),
    ended_on: nullable(partialDateRule),
    description: optText(LIMITS.notes),
    source: optText(LIMITS.source),
  },
  partnerships: {
    ...bookkeeping,
    title: text(LIMITS.title, true),
    title_zh: optText(LIMITS.title),
    title_en: optText(LIMITS.title),
    kind: enumOf(PARTNERSHIP_KINDS),
    status: enumOf(PARTNERSHIP_STATUSES),
    status_since: nullable(partialDateRule),
    programme_id: nullable(uuidRule),
    topics: jsonStrings(TOPICS.length, 100, TOPICS),
    owner: optText(LIMITS.shortText),
    summary: optText(LIMITS.notes),
    rationale: optText(LIMITS.notes),
    term_start: nullable(dateRule),
    term_end: nullable(dateRule),
    review_on: nullable(dateRule),
    source: optText(LIMITS.source),
  },
  partnershipParties: { ...bookkeeping, partnership_id: uuidRule, organization_id: uuidRule, role: optText(LIMITS.shortText) },
  partnershipStatusHistory: {
    ...bookkeeping,
    partnership_id: uuidRule,
    status: enumOf(PARTNERSHIP_STATUSES),
    started_on: partialDateRule,
    note: optText(LIMITS.source),
  },
  milestones: {
    ...bookkeeping,
    partnership_id: uuidRule,
    title: text(LIMITS.title, true),
    date: partialDateRule,
    date_precision: enumOf(DATE_PRECISIONS),
    kind: enumOf(MILESTONE_KINDS),
    status: enumOf(MILESTONE_STATUSES),
    source: optText(LIMITS.source),
    notes: optText(LIMITS.notes),
  },
  contacts: {
    ...bookkeeping,
    name: text(LIMITS.name, true),
    title: optText(LIMITS.shortText),
    organization_id: nullable(uuidRule),
    // E-mail has no exact SQL form: every address is judged in JS.
    email: nullable(rule(email, () => '0')),
    phone: optText(LIMITS.phone),
    notes: optText(LIMITS.notes),
  },
  meetings: {
    ...bookkeeping,
    title: text(LIMITS.title, true),
    date: dateRule,
    time: nullable(timeRule),
    location: optText(LIMITS.location),
    format: enumOf(MEETING_FORMATS),
    kind: enumOf(MEETING_KINDS),
    agenda: optText(LIMITS.notes),
    summary: optText(LIMITS.longText),
    outcomes: optText(LIMITS.longText),
    gifts: optText(LIMITS.gifts),
    notes: optText(LIMITS.meetingNotes),
  },
  meetingPartnerships: { ...bookkeeping, meeting_id: uuidRule, partnership_id: uuidRule },
  meetingAttendees: {
    ...bookkeeping,
    meeting_id: uuidRule,
    contact_id: nullable(uuidRule),
    name: optText(LIMITS.name),
    side: enumOf(ATTENDEE_SIDES),
    organization_id: nullable(uuidRule),
    organization_name: optText(LIMITS.name),
    role: optText(LIMITS.shortText),
    is_interpreter: booleanRule,
  },
  tasks: {
    ...bookkeeping,
    title: text(LIMITS.title, true),
    details: optText(LIMITS.notes),
    due_on: nullable(dateRule),
    assignee: optText(LIMITS.shortText),
    status: enumOf(TASK_STATUSES),
    priority: enumOf(TASK_PRIORITIES),
    partnership_id: nullable(uuidRule),
    meeting_id: nullable(uuidRule),
    done_at: nullable(timestampRule),
  },
  attachments: {
    ...bookkeeping,
    sha256: rule(z.string().regex(/^[0-9a-f]{64}$/), (c) => `typeof(${c}) = 'text' AND length(${c}) = 64 AND NOT ${c} GLOB '*[^0-9a-f]*'`),
    file_name: text(LIMITS.fileName, true),
    mime_type: nullable(rule(mimeType, () => '0')),
    size: intIn(0, MAX_ATTACHMENT_BYTES),
    partnership_id: nullable(uuidRule),
    meeting_id: nullable(uuidRule),
    description: optText(LIMITS.description),
  },
};

/** Fields a record's field_stamps may name: every column but the bookkeeping ones (deleted_at is a field). */
export function stampedFields(entity: RecordEntity): Set<string> {
  const skip = new Set(['id', 'created_at', 'updated_at', 'hlc', 'origin', 'field_stamps']);
  return new Set(
    Object.values(getTableColumns(recordTables[entity]))
      .map((c) => c.name)
      .filter((n) => !skip.has(n)),
  );
}

type RowValues = Record<string, unknown>;

/** A row-level rule: a message key when broken, with the field it is about. */
interface RowIssue {
  field: string;
  reason: IssueReason;
}

export type IssueReason = 'type' | 'too_long' | 'required' | 'not_allowed' | 'format' | 'range' | 'stamps' | 'precision' | 'link';

function fieldStampsIssue(entity: RecordEntity, row: RowValues): RowIssue | null {
  let parsed: unknown;
  try {
    parsed = typeof row.field_stamps === 'string' ? JSON.parse(row.field_stamps) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { field: 'field_stamps', reason: 'stamps' };
  const known = stampedFields(entity);
  const hlc = typeof row.hlc === 'string' ? row.hlc : '';
  for (const [key, value] of Object.entries(parsed)) {
    if (!known.has(key) || typeof value !== 'string' || !stamp.safeParse(value).success || value > hlc) return { field: 'field_stamps', reason: 'stamps' };
  }
  return null;
}

/**
 * SQL true when a row's stamps are sound: its hlc a stamp the app can read and write, its field_stamps
 * an object naming only the table's fields, each a stamp no later than the row's.
 */
export function stampsSql(entity: RecordEntity, table: string = getTableName(recordTables[entity])): string {
  const t = `"${table}"`;
  const fields = [...stampedFields(entity)].map(sqlText).join(', ');
  return (
    `(${stampSql(`${t}.hlc`)}) AND typeof(${t}.field_stamps) = 'text' AND json_valid(${t}.field_stamps) AND json_type(${t}.field_stamps) = 'object' ` +
    `AND NOT EXISTS (SELECT 1 FROM json_each(${t}.field_stamps) j ` +
    // A stamp equal to the row's (most are: fields written together) is valid as the row's is; only the others are parsed.
    `WHERE j.key COLLATE BINARY NOT IN (${fields}) OR j.type <> 'text' OR (j.value IS NOT ${t}.hlc AND (NOT (${stampSql('j.value')}) OR j.value > ${t}.hlc)))`
  );
}

/** The SQL of the row-level rules (true only when fieldStampsIssue and rowIssue find nothing). */
function rowSql(entity: RecordEntity, table: string): string {
  const t = `"${table}"`;
  const parts = [stampsSql(entity, table)];
  if (entity === 'milestones') parts.push(`length(${t}.date) = CASE ${t}.date_precision WHEN 'day' THEN 10 WHEN 'month' THEN 7 ELSE 4 END`);
  if (entity === 'meetingAttendees') parts.push(`(${t}.contact_id IS NOT NULL OR ${t}.name IS NOT NULL)`);
  if (entity === 'attachments') parts.push(`(${t}.partnership_id IS NOT NULL OR ${t}.meeting_id IS NOT NULL)`);
  return parts.map((p) => `(${p})`).join(' AND ');
}

function rowIssue(entity: RecordEntity, row: RowValues): RowIssue | null {
  const stamps = fieldStampsIssue(entity, row);
  if (stamps) return stamps;
  if (entity === 'milestones') {
    const length = { day: 10, month: 7, year: 4 }[String(row.date_precision) as 'day' | 'month' | 'year'];
    if (typeof row.date === 'string' && row.date.length !== length) return { field: 'date', reason: 'precision' };
  }
  if (entity === 'meetingAttendees' && row.contact_id == null && row.name == null) return { field: 'name', reason: 'required' };
  if (entity === 'attachments' && row.partnership_id == null && row.meeting_id == null) return { field: 'partnership_id', reason: 'link' };
  return null;
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): IssueReason {
  if (value === null || value === undefined) return 'required';
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'range';
    case 'too_small':
      return issue.origin === 'string' ? 'required' : 'range';
    case 'invalid_type':
      return value === null || value === undefined ? 'required' : 'type';
    case 'invalid_value':
      return 'not_allowed';
    default:
      return 'format';
  }
}

/** SQL true only for rows of `table` that every rule accepts (rows it is false for are judged in JS). */
export function acceptedRowSql(entity: RecordEntity, table: string = getTableName(recordTables[entity])): string {
  const columns = columnRules[entity];
  return [...Object.entries(columns).map(([name, r]) => `(${r.sql(`"${table}"."${name}"`)})`), `(${rowSql(entity, table)})`].join(' AND ');
}

export interface RuleIssue {
  field: string;
  reason: IssueReason;
}

/** Every broken rule of one stored row (empty when the row is sound). */
export function checkRow(entity: RecordEntity, row: RowValues): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [name, r] of Object.entries(columnRules[entity])) {
    const value = row[name];
    const result = r.zod.safeParse(value);
    if (!result.success)
      issues.push({ field: name, reason: name === 'hlc' && typeof value === 'string' ? 'stamps' : reasonOf(result.error.issues[0]!, value) });
  }
  if (issues.length === 0) {
    const issue = rowIssue(entity, row);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** Why a value was refused, in both UI languages. */
export const REASON_TEXT: Record<IssueReason, { zh: string; en: string }> = {
  type: { zh: '类型不正确', en: 'has the wrong type' },
  too_long: { zh: '超出长度上限', en: 'is longer than the limit' },
  required: { zh: '缺少必填值', en: 'is missing' },
  not_allowed: { zh: '不是允许的值', en: 'is not one of the allowed values' },
  format: { zh: '格式不正确', en: 'is not in the right format' },
  range: { zh: '超出允许范围', en: 'is out of range' },
  stamps: {
    zh: '同步标记无效（未知字段、格式错误或超出时间上限）',
    en: 'has invalid sync stamps (an unknown field, a malformed stamp or one beyond the latest time)',
  },
  precision: { zh: '与日期精度不符', en: 'does not match its date precision' },
  link: { zh: '未关联任何合作关系或会见', en: 'belongs to no partnership or meeting' },
};

const reported = new Set<string>();

/** Log a malformed stored value once per record and field: the reader shows it empty, with a marker. */
export function logDamaged(table: string, id: string, field: string, raw: unknown): void {
  const key = `${table}|${id}|${field}`;
  if (reported.has(key) || reported.size > 10_000) return;
  reported.add(key);
  console.warn(`malformed stored value shown as empty: ${table}.${field} of ${id}: ${JSON.stringify(String(raw).slice(0, 80))}`);
}

/**
 * A stored JSON list of strings read for display: the strings, or, when the stored text is not such a
 * list (a hand-edited file, an older version), an empty list and `damaged` set. Never throws.
 */
export function readStoredList(
  raw: unknown,
  where: { table: string; id: string; field: string },
  allowed?: readonly string[],
): { values: string[]; damaged: boolean } {
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed)) {
    const values = parsed.filter((v): v is string => typeof v === 'string' && (!allowed || allowed.includes(v)));
    if (values.length === parsed.length) return { values, damaged: false };
    logDamaged(where.table, where.id, where.field, raw);
    return { values, damaged: true };
  }
  logDamaged(where.table, where.id, where.field, raw);
  return { values: [], damaged: true };
}

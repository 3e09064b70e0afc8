/**
 * Spreadsheet import: find the header under a title row, suggest a mapping, check every row
 * (reasons in zh and en), resolve links by name (asking when a name fits several records),
 * and write nothing until commit, which writes every good row in one transaction through the
 * domains' create functions (stamps, change log and search index stay right).
 */
import { z } from 'zod';
import type { Core } from '../core';
import { createBackup } from '../backups';
import { AppError, type LocalizedText } from '../errors';
import { idSchema, inputError } from '../validation';
import { normalizeForSearch } from '../search';
import { createOrganization, organizationCreateInput } from '../organizations';
import { readStoredList } from '../rules';
import { createPartnership, partnershipCreateInput } from '../partnerships';
import { contactCreateInput, createContact } from '../contacts';
import { createMeeting, meetingCreateInput } from '../meetings';
import { createTask, taskCreateInput } from '../tasks';
import { IMPORT_ENTITIES, IMPORT_FIELDS, fieldForHeader, headerKey, type ImportEntity, type ImportField } from './fields';
import { isBlank, normalizeDate, readSheet, type SheetRow } from './parse';
import { withIndexBatched } from '../search';

export { IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity } from './fields';

/** 10 MB of spreadsheet is far more than any office's list. */
const MAX_FILE_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

export const importPreviewInput = z.strictObject({
  entity: z.enum(IMPORT_ENTITIES),
  fileName: z.string().trim().min(1).max(255),
  dataBase64: z.string().min(1).max(MAX_FILE_BASE64),
  /** Column index → field key ('' = ignore the column); columns not named keep the suggestion. */
  mapping: z.record(z.string().regex(/^\d{1,3}$/), z.string().max(50)).optional(),
  /** `${rowNumber}:${field}` → the chosen record's id, for names that fit several records. */
  choices: z.record(z.string().regex(/^\d{1,7}:[A-Za-z]{1,50}$/), idSchema).optional(),
});
export const importCommitInput = z.strictObject({ ...importPreviewInput.shape, confirm: z.literal(true) });
export type ImportPreviewInput = z.output<typeof importPreviewInput>;

export type RowStatus = 'ok' | 'error' | 'duplicate' | 'choice';

export interface Candidate {
  id: string;
  label: string;
}

export interface PendingChoice {
  key: string;
  field: string;
  name: string;
  candidates: Candidate[];
}

export interface ImportRow {
  rowNumber: number;
  status: RowStatus;
  /** The mapped cells, by field key. */
  values: Record<string, string>;
  reasons: LocalizedText[];
  choices: PendingChoice[];
  /** Links resolved by name: field key → the record it points to. */
  links: Record<string, Candidate>;
}

export interface ImportColumn {
  index: number;
  header: string;
  field: string | null;
  suggested: string | null;
}

export interface ImportPreview {
  entity: ImportEntity;
  headerRowNumber: number;
  columns: ImportColumn[];
  fields: { key: string; label: LocalizedText; required: boolean }[];
  rows: ImportRow[];
  blankRows: number[];
  counts: Record<RowStatus, number>;
  /** Rows commit would create. */
  toCreate: number;
}

export interface ImportResult {
  entity: ImportEntity;
  created: number;
  ids: string[];
  skippedDuplicates: number;
}

const say = (zh: string, en: string): LocalizedText => ({ zh, en });

// ---------------------------------------------------------------- names in the database

interface NameIndex {
  byName: Map<string, Set<string>>;
  labels: Map<string, string>;
}

const norm = (text: string) => normalizeForSearch(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();

function indexNames(rows: { id: string; label: string; names: (string | null)[] }[]): NameIndex {
  const index: NameIndex = { byName: new Map(), labels: new Map() };
  for (const row of rows) {
    index.labels.set(row.id, row.label);
    for (const name of row.names) {
      if (!name) continue;
      const key = norm(name);
      if (!index.byName.has(key)) index.byName.set(key, new Set());
      index.byName.get(key)!.add(row.id);
    }
  }
  return index;
}

interface Lookups {
  organizations: NameIndex;
  partnerships: NameIndex;
  partiesOf: Map<string, string[]>;
  existing: Set<string>;
}

function loadLookups(core: Core, entity: ImportEntity): Lookups {
  const orgRows = core.sqlite.prepare('SELECT id, display_name, name_zh, name_en, name_local, aliases FROM organizations WHERE deleted_at IS NULL').all() as {
    id: string;
    display_name: string;
    name_zh: string | null;
    name_en: string | null;
    name_local: string | null;
    aliases: string;
  }[];
  const organizations = indexNames(
    orgRows.map((o) => ({
      id: o.id,
      label: [o.display_name, o.name_zh, o.name_en].filter((n, i, all) => n && all.indexOf(n) === i).join(' / '),
      names: [o.display_name, o.name_zh, o.name_en, o.name_local, ...readStoredList(o.aliases, { table: 'organizations', id: o.id, field: 'aliases' }).values],
    })),
  );
  const partRows = core.sqlite.prepare('SELECT id, title, title_zh, title_en FROM partnerships WHERE deleted_at IS NULL').all() as {
    id: string;
    title: string;
    title_zh: string | null;
    title_en: string | null;
  }[];
  const partnerships = indexNames(partRows.map((p) => ({ id: p.id, label: p.title, names: [p.title, p.title_zh, p.title_en] })));
  const partiesOf = new Map<string, string[]>();
  const parties = core.sqlite
    .prepare(
      'SELECT pp.organization_id AS org, pp.partnership_id AS p FROM partnership_parties pp JOIN partnerships p ON p.id = pp.partnership_id WHERE pp.deleted_at IS NULL AND p.deleted_at IS NULL',
    )
    .all() as { org: string; p: string }[];
  for (const { org, p } of parties) partiesOf.set(org, [...(partiesOf.get(org) ?? []), p]);
  return { organizations, partnerships, partiesOf, existing: existingKeys(core, entity) };
}

/** What makes two rows the same record, per entity. */
function identity(entity: ImportEntity, v: Record<string, string>, links: Record<string, Candidate>): string | null {
  const n = (k: string) => norm(v[k] ?? '');
  switch (entity) {
    case 'organizations':
      return n('displayName') || null;
    case 'partnerships':
      return n('title') || null;
    case 'contacts':
      return n('name') ? `${n('name')}|${links.organization?.id ?? n('organization')}` : null;
    case 'meetings':
      return v.date && n('title') ? `${v.date}|${n('title')}` : null;
    case 'tasks':
      return n('title') ? `${n('title')}|${links.partnership?.id ?? n('partnership')}` : null;
  }
}

function existingKeys(core: Core, entity: ImportEntity): Set<string> {
  const keys = new Set<string>();
  const rows = (sql: string) => core.sqlite.prepare(sql).all() as Record<string, string | null>[];
  switch (entity) {
    case 'organizations':
      // any of an organization's names: importing 'Shantou' when 汕头 (nameEn Shantou) exists is a duplicate
      break;
    case 'partnerships':
      for (const r of rows('SELECT title, title_zh, title_en FROM partnerships WHERE deleted_at IS NULL'))
        for (const t of [r.title, r.title_zh, r.title_en]) if (t) keys.add(norm(t));
      break;
    case 'contacts':
      for (const r of rows('SELECT name, organization_id FROM contacts WHERE deleted_at IS NULL')) keys.add(`${norm(r.name!)}|${r.organization_id ?? ''}`);
      break;
    case 'meetings':
      for (const r of rows('SELECT date, title FROM meetings WHERE deleted_at IS NULL')) keys.add(`${r.date}|${norm(r.title!)}`);
      break;
    case 'tasks':
      for (const r of rows('SELECT title, partnership_id FROM tasks WHERE deleted_at IS NULL')) keys.add(`${norm(r.title!)}|${r.partnership_id ?? ''}`);
      break;
  }
  return keys;
}

// ---------------------------------------------------------------- header and mapping

function findHeader(entity: ImportEntity, rows: SheetRow[]): SheetRow {
  for (const row of rows.slice(0, 30)) {
    const filled = row.cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    const known = filled.filter((c) => fieldForHeader(entity, c)).length;
    if (known >= 1 && known * 2 >= filled.length) return row;
  }
  throw new AppError(
    'invalid_input',
    say(
      '在表格的前 30 行中找不到表头行（列名如“日期”“城市”“标题”）。请检查所选的数据类型和文件。未保存任何内容。',
      'No header row (column names such as Date, City, Title) was found in the first 30 rows. Check the chosen kind of records and the file. Nothing was saved.',
    ),
    ['dataBase64'],
  );
}

function buildColumns(entity: ImportEntity, header: SheetRow, mapping: Record<string, string> | undefined): ImportColumn[] {
  const fields = IMPORT_FIELDS[entity];
  const taken = new Set<string>();
  const columns = header.cells.map((cell, index): ImportColumn => {
    let suggested = fieldForHeader(entity, cell)?.key ?? null;
    if (suggested && taken.has(suggested)) suggested = null;
    if (suggested) taken.add(suggested);
    return { index, header: cell, field: suggested, suggested };
  });
  for (const [indexText, key] of Object.entries(mapping ?? {})) {
    const column = columns[Number(indexText)];
    if (!column) continue;
    if (key !== '' && !fields.some((field) => field.key === key)) {
      throw new AppError(
        'invalid_input',
        say(
          `第 ${Number(indexText) + 1} 列映射到未知字段“${key}”。未保存任何内容。`,
          `Column ${Number(indexText) + 1} is mapped to an unknown field "${key}". Nothing was saved.`,
        ),
        ['mapping'],
      );
    }
    column.field = key === '' ? null : key;
  }
  const seen = new Map<string, number>();
  for (const column of columns) {
    if (!column.field) continue;
    if (seen.has(column.field)) {
      throw new AppError(
        'invalid_input',
        say(
          `第 ${seen.get(column.field)! + 1} 列和第 ${column.index + 1} 列映射到同一字段。未保存任何内容。`,
          `Columns ${seen.get(column.field)! + 1} and ${column.index + 1} are mapped to the same field. Nothing was saved.`,
        ),
        ['mapping'],
      );
    }
    seen.set(column.field, column.index);
  }
  return columns;
}

// ---------------------------------------------------------------- one row

interface RowContext {
  entity: ImportEntity;
  lookups: Lookups;
  choices: Record<string, string>;
}

type Resolution = { id: string } | { reason: LocalizedText } | { choice: PendingChoice };

function resolveName(ctx: RowContext, rowNumber: number, field: ImportField, name: string, index: NameIndex, ids?: string[]): Resolution {
  const found = ids ?? [...(index.byName.get(norm(name)) ?? [])];
  const key = `${rowNumber}:${field.key}`;
  const chosen = ctx.choices[key];
  if (chosen && found.includes(chosen)) return { id: chosen };
  if (found.length === 1) return { id: found[0]! };
  if (found.length === 0) {
    return field.type === 'organization'
      ? { reason: say(`${field.label.zh}：数据库中没有名为“${name}”的机构`, `${field.label.en}: no organization named "${name}" in the database`) }
      : { reason: say(`${field.label.zh}：数据库中没有标题为“${name}”的合作关系`, `${field.label.en}: no partnership titled "${name}" in the database`) };
  }
  const candidates = found.map((id) => ({ id, label: index.labels.get(id) ?? id })).sort((a, b) => a.label.localeCompare(b.label));
  return { choice: { key, field: field.key, name, candidates } };
}

function checkRow(ctx: RowContext, row: SheetRow, columns: ImportColumn[]): ImportRow {
  const { entity, lookups } = ctx;
  const fields = IMPORT_FIELDS[entity];
  const values: Record<string, string> = {};
  for (const column of columns) if (column.field) values[column.field] = row.cells[column.index] ?? '';
  const result: ImportRow = { rowNumber: row.rowNumber, status: 'ok', values, reasons: [], choices: [], links: {} };
  const apply = (field: ImportField, resolution: Resolution) => {
    if ('id' in resolution) {
      const index = field.type === 'organization' ? lookups.organizations : lookups.partnerships;
      result.links[field.key] = { id: resolution.id, label: index.labels.get(resolution.id) ?? resolution.id };
    } else if ('reason' in resolution) result.reasons.push(resolution.reason);
    else result.choices.push(resolution.choice);
  };
  for (const field of fields) {
    const text = values[field.key] ?? '';
    if (text === '') {
      if (field.required) result.reasons.push(say(`${field.label.zh}：不能为空`, `${field.label.en}: is required`));
      continue;
    }
    if (field.type === 'date') {
      const day = normalizeDate(text);
      if (day) values[field.key] = day;
      else result.reasons.push(say(`${field.label.zh}：无法识别日期“${text}”`, `${field.label.en}: "${text}" is not a date`));
    } else if (field.type === 'enum') {
      const value = Object.entries(field.values ?? {}).find(([word]) => headerKey(word) === headerKey(text))?.[1];
      if (value) values[field.key] = value;
      else result.reasons.push(say(`${field.label.zh}：无法识别“${text}”`, `${field.label.en}: "${text}" is not a known value`));
    } else if (field.type === 'organization') apply(field, resolveName(ctx, row.rowNumber, field, text, lookups.organizations));
    else if (field.type === 'partnership') apply(field, resolveName(ctx, row.rowNumber, field, text, lookups.partnerships));
  }
  // A meeting names its city, not its partnership: the city's partnerships are the candidates.
  if (entity === 'meetings' && !result.links.partnership && !values.partnership) {
    const city = result.links.city;
    const partnershipField = fields.find((field) => field.key === 'partnership')!;
    if (city) {
      const ids = lookups.partiesOf.get(city.id) ?? [];
      if (ids.length === 0) result.reasons.push(say(`城市：“${city.label}”没有任何合作关系`, `City: "${city.label}" has no partnership`));
      else apply(partnershipField, resolveName(ctx, row.rowNumber, partnershipField, values.city!, lookups.partnerships, ids));
    } else if (!values.city) result.reasons.push(say('需要“城市”或“合作关系”列', 'needs a City or a Partnership'));
  }
  if (result.reasons.length === 0 && result.choices.length === 0) {
    const parsed = createInputSchema(entity).safeParse(createInput(entity, values, result.links));
    if (!parsed.success) {
      // the contract's wording, without its framing ("Invalid input: … Nothing was saved.")
      const { zh, en } = inputError(parsed.error).localized;
      result.reasons.push(
        say(zh.replace(/^输入有误：/, '').replace(/。未保存任何内容。$/, ''), en.replace(/^Invalid input: /, '').replace(/\. Nothing was saved\.$/, '')),
      );
    }
  }
  result.status = result.reasons.length > 0 ? 'error' : result.choices.length > 0 ? 'choice' : 'ok';
  return result;
}

const opt = (v: string | undefined) => (v ? v : undefined);

function createInput(entity: ImportEntity, v: Record<string, string>, links: Record<string, Candidate>): Record<string, unknown> {
  switch (entity) {
    case 'organizations':
      return {
        displayName: v.displayName,
        nameZh: opt(v.nameZh),
        nameEn: opt(v.nameEn),
        nameLocal: opt(v.nameLocal),
        aliases: v.aliases
          ? v.aliases
              .split(/[;；,，、]/)
              .map((a) => a.trim())
              .filter(Boolean)
          : undefined,
        country: opt(v.country),
        region: opt(v.region),
        notes: opt(v.notes),
      };
    case 'partnerships':
      return {
        title: v.title,
        titleZh: opt(v.titleZh),
        titleEn: opt(v.titleEn),
        kind: v.kind || 'sister_city',
        status: v.status || 'active',
        statusSince: opt(v.statusSince),
        owner: opt(v.owner),
        summary: opt(v.summary),
        parties: [links.ourSide, links.partner].filter(Boolean).map((o) => ({ organizationId: o!.id })),
      };
    case 'contacts':
      return { name: v.name, title: opt(v.title), organizationId: links.organization?.id, email: opt(v.email), phone: opt(v.phone), notes: opt(v.notes) };
    case 'meetings':
      return {
        title: v.title,
        date: v.date,
        format: 'in_person',
        kind: 'working_meeting',
        partnershipIds: links.partnership ? [links.partnership.id] : [],
        location: opt(v.location),
        summary: opt(v.summary),
        outcomes: opt(v.outcomes),
        notes: opt(v.notes),
      };
    case 'tasks':
      return {
        title: v.title,
        partnershipId: links.partnership?.id,
        assignee: opt(v.assignee),
        dueOn: opt(v.dueOn),
        status: opt(v.status),
        priority: opt(v.priority),
        details: opt(v.details),
      };
  }
}

function createInputSchema(entity: ImportEntity): z.ZodType {
  return {
    organizations: organizationCreateInput,
    partnerships: partnershipCreateInput,
    contacts: contactCreateInput,
    meetings: meetingCreateInput,
    tasks: taskCreateInput,
  }[entity];
}

// ---------------------------------------------------------------- preview and commit

function analyze(core: Core, input: ImportPreviewInput, sheet: SheetRow[]): ImportPreview {
  const header = findHeader(input.entity, sheet);
  const columns = buildColumns(input.entity, header, input.mapping);
  const ctx: RowContext = { entity: input.entity, lookups: loadLookups(core, input.entity), choices: input.choices ?? {} };
  const rows: ImportRow[] = [];
  const blankRows: number[] = [];
  const firstRowOf = new Map<string, number>();
  const organizations = ctx.lookups.organizations;
  for (const row of sheet) {
    if (row.rowNumber <= header.rowNumber) continue;
    if (isBlank(row) || columns.every((c) => !c.field || !(row.cells[c.index] ?? ''))) {
      blankRows.push(row.rowNumber);
      continue;
    }
    const checked = checkRow(ctx, row, columns);
    const key = identity(input.entity, checked.values, checked.links);
    if (key && checked.status !== 'error') {
      const earlier = firstRowOf.get(key);
      const inDatabase = input.entity === 'organizations' ? organizations.byName.has(key) : ctx.lookups.existing.has(key);
      if (earlier !== undefined) {
        checked.status = 'duplicate';
        checked.reasons.push(say(`与第 ${earlier} 行重复，将跳过`, `duplicate of row ${earlier}; skipped`));
      } else if (inDatabase) {
        checked.status = 'duplicate';
        checked.reasons.push(say('数据库中已有此记录，将跳过', 'already in the database; skipped'));
      }
      if (earlier === undefined) firstRowOf.set(key, row.rowNumber);
    }
    rows.push(checked);
  }
  const counts: Record<RowStatus, number> = { ok: 0, error: 0, duplicate: 0, choice: 0 };
  for (const row of rows) counts[row.status] += 1;
  return {
    entity: input.entity,
    headerRowNumber: header.rowNumber,
    columns,
    fields: IMPORT_FIELDS[input.entity].map((field) => ({ key: field.key, label: field.label, required: !!field.required })),
    rows,
    blankRows,
    counts,
    toCreate: counts.ok,
  };
}

/** What the file would give: header, mapping, every row's status. Writes nothing. */
export async function previewImport(core: Core, input: ImportPreviewInput): Promise<ImportPreview> {
  return analyze(core, input, await readSheet(input.fileName, input.dataBase64));
}

/** Write every good row in one transaction, or nothing: refused while any row has an error or an open choice. */
function refuseBlocked(preview: ReturnType<typeof analyze>): void {
  const blocking = preview.rows.filter((row) => row.status === 'error' || row.status === 'choice').map((row) => row.rowNumber);
  if (blocking.length === 0) return;
  const list = blocking.slice(0, 10).join(', ') + (blocking.length > 10 ? ' …' : '');
  throw new AppError(
    'invalid_input',
    say(`第 ${list} 行仍有错误或需要选择，未导入任何内容。`, `Rows ${list} still have errors or need a choice; nothing was imported.`),
    ['rows'],
  );
}

export async function commitImport(core: Core, input: z.output<typeof importCommitInput>): Promise<ImportResult> {
  const sheet = await readSheet(input.fileName, input.dataBase64);
  // Refused before anything is written; then a backup (outside the transaction: VACUUM INTO cannot
  // run inside one); then checked again and written in one transaction.
  refuseBlocked(analyze(core, input, sheet));
  createBackup(core, 'import');
  return core.sqlite
    .transaction((): ImportResult => {
      const preview = analyze(core, input, sheet);
      refuseBlocked(preview);
      const ids: string[] = [];
      // Indexed for search in large batches, as a merge is: one record at a time took 61 s for 20,000 rows.
      withIndexBatched(core.sqlite, () => {
        for (const row of preview.rows) {
          if (row.status !== 'ok') continue;
          const values = createInputSchema(input.entity).parse(createInput(input.entity, row.values, row.links));
          ids.push(createRecord(core, input.entity, values));
        }
      });
      return { entity: input.entity, created: ids.length, ids, skippedDuplicates: preview.counts.duplicate };
    })
    .immediate();
}

function createRecord(core: Core, entity: ImportEntity, values: unknown): string {
  switch (entity) {
    case 'organizations':
      return createOrganization(core, values as z.output<typeof organizationCreateInput>).id;
    case 'partnerships':
      return createPartnership(core, values as z.output<typeof partnershipCreateInput>).id;
    case 'contacts':
      return createContact(core, values as z.output<typeof contactCreateInput>).id;
    case 'meetings':
      return createMeeting(core, values as z.output<typeof meetingCreateInput>).id;
    case 'tasks':
      return createTask(core, values as z.output<typeof taskCreateInput>).id;
  }
}

/** Any list view as a spreadsheet (CSV or XLSX), headers in the chosen language, through the views' own list functions. */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Core } from '../core';
import { inputError } from '../validation';
import { listOrganizations, organizationListInput } from '../organizations';
import { listAllPartnerships, partnershipListInput } from '../partnerships';
import { allContacts, contactListInput } from '../contacts';
import { allMeetings, meetingListInput } from '../meetings';
import { MAX_PAGE, type Page } from '../paging';
import { allTasks, taskListInput } from '../tasks';

/** Every row of a paged list (an export is the whole list as filtered). */
function everyPage<T>(load: (offset: number) => Page<T>): T[] {
  const rows: T[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page = load(offset);
    rows.push(...page.rows);
    offset = page.next;
  }
  return rows;
}

export const EXPORT_VIEWS = ['partnerships', 'organizations', 'meetings', 'tasks', 'contacts'] as const;
type ExportView = (typeof EXPORT_VIEWS)[number];

export const exportListInput = z.strictObject({
  view: z.enum(EXPORT_VIEWS),
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['zh', 'en']),
  /** The view's own list filters (the same input its list operation takes). */
  filters: z.record(z.string(), z.unknown()).optional(),
});

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

type Value = string | number | null | undefined;
type Column<T> = [zh: string, en: string, get: (row: T, lang: 'zh' | 'en') => Value];
const pick = (lang: 'zh' | 'en', zh: string | null, en: string | null, fallback: string) => (lang === 'zh' ? zh : en) ?? fallback;
const joined = (items: string[]) => items.join('; ');

function table(core: Core, view: ExportView, filters: unknown): { columns: Column<never>[]; rows: unknown[]; name: { zh: string; en: string } } {
  const parse = <S extends z.ZodType>(schema: S): z.output<S> => {
    const parsed = schema.safeParse(filters ?? {});
    if (!parsed.success) throw inputError(parsed.error);
    return parsed.data;
  };
  const make = <T>(name: { zh: string; en: string }, columns: Column<T>[], rows: T[]) => ({ name, columns: columns as Column<never>[], rows });
  switch (view) {
    case 'organizations':
      return make(
        { zh: '机构', en: 'organizations' },
        [
          ['名称', 'Name', (o) => o.displayName],
          ['中文名称', 'Chinese name', (o) => o.nameZh],
          ['英文名称', 'English name', (o) => o.nameEn],
          ['别名', 'Aliases', (o) => joined(o.aliases)],
          ['国家', 'Country', (o) => o.country],
          ['地区', 'Region', (o) => o.region],
          ['合作关系数', 'Partnerships', (o) => o.partnershipCount],
        ],
        everyPage((offset) => listOrganizations(core, { ...parse(organizationListInput), limit: MAX_PAGE, offset })),
      );
    case 'partnerships':
      return make(
        { zh: '合作关系', en: 'partnerships' },
        [
          ['标题', 'Title', (p, lang) => pick(lang, p.titleZh, p.titleEn, p.title)],
          ['合作方', 'Parties', (p, lang) => joined(p.parties.map((x) => pick(lang, x.nameZh, x.nameEn, x.displayName)))],
          ['类型', 'Kind', (p) => p.kind],
          ['状态', 'Status', (p) => p.status],
          ['状态起始', 'Since', (p) => p.statusSince],
          ['负责人', 'Owner', (p) => p.owner],
        ],
        listAllPartnerships(core, parse(partnershipListInput)),
      );
    case 'meetings':
      return make(
        { zh: '会见', en: 'meetings' },
        [
          ['日期', 'Date', (m) => m.date],
          ['标题', 'Title', (m) => m.title],
          ['合作关系', 'Partnership', (m, lang) => joined(m.partnerships.map((p) => pick(lang, p.titleZh, p.titleEn, p.title)))],
          ['地点', 'Location', (m) => m.location],
          ['成果', 'Outcomes', (m) => m.outcomes],
        ],
        allMeetings(core, parse(meetingListInput)),
      );
    case 'tasks':
      return make(
        { zh: '任务', en: 'tasks' },
        [
          ['任务', 'Task', (t) => t.title],
          ['合作关系', 'Partnership', (t, lang) => (t.partnershipTitle ? pick(lang, t.partnershipTitleZh, t.partnershipTitleEn, t.partnershipTitle) : null)],
          ['负责人', 'Assignee', (t) => t.assignee],
          ['截止日期', 'Due', (t) => t.dueOn],
          ['状态', 'Status', (t) => t.status],
          ['优先级', 'Priority', (t) => t.priority],
        ],
        allTasks(core, parse(taskListInput)),
      );
    case 'contacts':
      return make(
        { zh: '联系人', en: 'contacts' },
        [
          ['姓名', 'Name', (c) => c.name],
          ['职务', 'Position', (c) => c.title],
          ['单位', 'Organization', (c) => c.organizationName],
          ['邮箱', 'Email', (c) => c.email],
          ['电话', 'Phone', (c) => c.phone],
        ],
        allContacts(core, parse(contactListInput)),
      );
  }
}

export async function exportList(core: Core, input: z.output<typeof exportListInput>): Promise<ExportedFile> {
  const { columns, rows, name } = table(core, input.view, input.filters);
  const header = columns.map(([zh, en]) => (input.lang === 'zh' ? zh : en));
  const body = rows.map((row) => columns.map(([, , get]) => get(row as never, input.lang) ?? ''));
  const fileName = `${name[input.lang]}-${core.now().toISOString().slice(0, 10)}.${input.format}`;
  if (input.format === 'csv') {
    // A BOM, so Excel opens the Chinese text as UTF-8. A cell starting with =, +, -, @, tab or CR
    // is written with a leading ' (escapeFormulae): a value merged from another office, such as
    // =HYPERLINK(...), stays text in the spreadsheet the office hands on, never a live formula.
    const text = `\uFEFF${Papa.unparse([header, ...body.map((r) => r.map(String))], { escapeFormulae: true })}`;
    return { fileName, mimeType: 'text/csv', dataBase64: Buffer.from(text, 'utf8').toString('base64') };
  }
  // exceljs takes about 0.6 s of CPU to load: only when a workbook is written, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy CommonJS load, as in the bundles (no ESM loader inside app.asar)
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name[input.lang]);
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach(
    (column, i) => (column.width = Math.min(60, Math.max(10, ...[header[i]!, ...body.map((r) => String(r[i]))].map((t) => t.length * 1.6)))),
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: Buffer.from(buffer).toString('base64') };
}

/**
 * Spreadsheet import ('import.preview', 'import.commit') with a file like the ones offices keep:
 * a merged title row above the header, Chinese column names, blank rows, a duplicate row, dates
 * typed as text in several formats, a city spelled in English where the database has it in
 * Chinese, and a name two organizations share. Preview writes nothing; commit writes every good
 * row in one transaction or nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/client';
import { dumpTables, localClient, tempCore } from '../helpers';
import { normalizeDate } from '../../db/import/parse';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

type Cell = string | Date | number;
const TITLE = '汕头市外事局友城联络表';
const HEADER = ['序号', '会见日期', '城市', '事由', '地点', '备注'];
/** Sheet rows 4 … 12 (row 1 the merged title, row 2 blank, row 3 the header). */
function meetingRows(clean: boolean): Cell[][] {
  const rows: Cell[][] = [
    [1, '2024-05-01', 'Shantou', '汕头代表团来访', '深圳', '首次会见'], // 4: English spelling of 汕头
    [], // 5: blank
    [2, '2024/5/12', '布尔加斯', '港口合作工作会', '布尔加斯', ''], // 6
    [3, '2024年6月3日', 'Springfield', '视频会商', '', ''], // 7: two organizations are called Springfield
    [4, '2024-05-01', 'Shantou', '汕头代表团来访', '深圳', '首次会见'], // 8: duplicate of row 4
  ];
  if (!clean) {
    rows.push(
      [5, '2024-13-01', 'Shantou', '日期写错的会见', '', ''], // 9: no such date
      [6, new Date(Date.UTC(2024, 6, 1)), 'Atlantis', '不存在的城市', '', ''], // 10: a date cell; unknown city
      [7, '01.08.2024', '汕头', '', '', ''], // 11: no title
    );
  }
  return rows;
}

async function messyXlsx(clean = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会见');
  sheet.addRow([TITLE]);
  sheet.mergeCells('A1:F1');
  sheet.addRow([]);
  sheet.addRow(HEADER);
  for (const row of meetingRows(clean)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function messyCsv(clean = false): string {
  const text = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c));
  const lines = [[TITLE, '', '', '', '', ''], [], HEADER, ...meetingRows(clean)].map((row) => row.map(text).join(','));
  return b64(`\uFEFF${lines.join('\r\n')}`);
}

async function setup() {
  const core = await tempCore();
  const api = localClient(core);
  const org = (displayName: string, extra: Record<string, unknown> = {}) => api['organizations.create']({ displayName, ...extra });
  const shantou = await org('汕头', { nameZh: '汕头', nameEn: 'Shantou', country: 'CN' });
  const shenzhen = await org('深圳', { nameEn: 'Shenzhen', country: 'CN' });
  const burgas = await org('布尔加斯', { nameEn: 'Burgas', country: 'BG' });
  const springIl = await org('Springfield, Illinois', { aliases: ['Springfield'], country: 'US' });
  const springMa = await org('Springfield, Massachusetts', { aliases: ['Springfield'], country: 'US' });
  const link = (title: string, a: string, b: string) =>
    api['partnerships.create']({ title, kind: 'sister_city', status: 'active', parties: [{ organizationId: a }, { organizationId: b }] });
  const shantouLink = await link('深圳—汕头对口合作', shenzhen.id, shantou.id);
  const burgasLink = await link('深圳—布尔加斯友好城市', shenzhen.id, burgas.id);
  const ilLink = await link('深圳—斯普林菲尔德（伊利诺伊）', shenzhen.id, springIl.id);
  await link('深圳—斯普林菲尔德（马萨诸塞）', shenzhen.id, springMa.id);
  return { core, api, shantou, burgas, springIl, springMa, shantouLink, burgasLink, ilLink };
}

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.code).toBe('invalid_input');
  expect(apiError.localized.zh).toMatch(/\p{Script=Han}/u);
  expect(apiError.localized.en).not.toMatch(/\p{Script=Han}/u);
  return apiError;
}

describe.each([
  ['xlsx', 'liaison.xlsx', messyXlsx],
  ['csv', 'liaison.csv', (clean?: boolean) => Promise.resolve(messyCsv(clean))],
] as const)('a messy %s file of meetings', (_format, fileName, make) => {
  it('preview: finds the header under the title row, maps the Chinese columns, reports every row, writes nothing', async () => {
    const f = await setup();
    const before = dumpTables(f.core.sqlite);
    const preview = await f.api['import.preview']({ entity: 'meetings', fileName, dataBase64: await make(false) });
    expect(dumpTables(f.core.sqlite)).toEqual(before);

    expect(preview.headerRowNumber).toBe(3);
    expect(preview.columns.map((c) => c.field)).toEqual([null, 'date', 'city', 'title', 'location', 'notes']);
    expect(preview.blankRows).toEqual([5]);
    const byRow = Object.fromEntries(preview.rows.map((row) => [row.rowNumber, row]));
    expect(preview.rows.map((row) => [row.rowNumber, row.status])).toEqual([
      [4, 'ok'],
      [6, 'ok'],
      [7, 'choice'],
      [8, 'duplicate'],
      [9, 'error'],
      [10, 'error'],
      [11, 'error'],
    ]);
    // three text formats (and a date cell) become calendar days
    expect([4, 6, 7].map((n) => byRow[n]!.values.date)).toEqual(['2024-05-01', '2024-05-12', '2024-06-03']);
    expect(byRow[10]!.values.date).toBe('2024-07-01'); // an Excel date cell (ISO text in the CSV)
    // 'Shantou' is 汕头 (its English name), and 汕头's one partnership is the meeting's
    expect(byRow[4]!.links.city!.id).toBe(f.shantou.id);
    expect(byRow[4]!.links.partnership!.id).toBe(f.shantouLink.id);
    expect(byRow[6]!.links.partnership!.id).toBe(f.burgasLink.id);
    // ambiguity is asked, not guessed
    expect(byRow[7]!.choices).toEqual([
      {
        key: '7:city',
        field: 'city',
        name: 'Springfield',
        candidates: [expect.objectContaining({ id: f.springIl.id }), expect.objectContaining({ id: f.springMa.id })],
      },
    ]);
    expect(byRow[8]!.reasons.map((r) => r.en)).toEqual(['duplicate of row 4; skipped']);
    expect(byRow[9]!.reasons.map((r) => r.en)).toEqual(['Date: "2024-13-01" is not a date']);
    expect(byRow[9]!.reasons[0]!.zh).toBe('日期：无法识别日期“2024-13-01”');
    expect(byRow[10]!.reasons.map((r) => r.en)).toEqual(['City: no organization named "Atlantis" in the database']);
    expect(byRow[11]!.reasons.map((r) => r.en)).toEqual(['Title: is required']);
    expect(preview.counts).toEqual({ ok: 2, choice: 1, duplicate: 1, error: 3 });
  });

  it('commit: refused while rows have errors or open choices; then writes the good rows, linked, in one go', async () => {
    const f = await setup();
    const before = dumpTables(f.core.sqlite);
    const error = await refusal(f.api['import.commit']({ entity: 'meetings', fileName, dataBase64: await make(false), confirm: true }));
    expect(error.localized.en).toContain('Rows 7, 9, 10, 11');
    expect(dumpTables(f.core.sqlite)).toEqual(before);

    const clean = await make(true);
    await refusal(f.api['import.commit']({ entity: 'meetings', fileName, dataBase64: clean, confirm: true })); // row 7 still asks
    const choices = { '7:city': f.springIl.id };
    const preview = await f.api['import.preview']({ entity: 'meetings', fileName, dataBase64: clean, choices });
    expect(preview.rows.find((r) => r.rowNumber === 7)!.links.partnership!.id).toBe(f.ilLink.id);
    expect(dumpTables(f.core.sqlite)).toEqual(before);

    const result = await f.api['import.commit']({ entity: 'meetings', fileName, dataBase64: clean, choices, confirm: true });
    expect(result).toMatchObject({ created: 3, skippedDuplicates: 1 });
    // a backup was made before writing (and none for the refused attempt)
    expect((await f.api['backups.list']()).filter((b) => b.reason === 'import')).toHaveLength(1);
    const meetings = await f.api['meetings.list']({});
    // The meeting log's search box finds them (the lists' search index is written with the rows).
    expect((await f.api['meetings.list']({ query: '港口合作' })).rows.map((m) => m.title)).toEqual(['港口合作工作会']);
    expect((await f.api['meetings.list']({ query: '会' })).rows.map((m) => m.title).sort()).toEqual(['港口合作工作会', '视频会商']);
    const got = meetings.rows.map((m) => [m.date, m.title]).sort();
    expect(got).toEqual([
      ['2024-05-01', '汕头代表团来访'],
      ['2024-05-12', '港口合作工作会'],
      ['2024-06-03', '视频会商'],
    ]);
    const first = await f.api['meetings.get']({ id: result.ids[0]! });
    expect(first.partnerships.map((p) => p.id)).toEqual([f.shantouLink.id]);
    expect(first.location).toBe('深圳');
    // found by search (the index was written with the records)
    const found = await f.api['search.query']({ query: '港口合作工作会' });
    expect(found.groups.flatMap((g) => g.hits).length).toBeGreaterThan(0);
    // the same file again: every row is already there
    const again = await f.api['import.preview']({ entity: 'meetings', fileName, dataBase64: clean, choices });
    expect(again.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(again.rows[0]!.reasons[0]!.en).toBe('already in the database; skipped');
  });
});

describe('import', () => {
  it('tasks from a CSV: partnerships by title, dates in three formats, a remapped column, all or nothing', async () => {
    const f = await setup();
    const csv = b64(
      [
        '工作事项清单,,,,',
        '事项,合作名称,承办人,截止日期,落实情况',
        '回访布尔加斯,深圳—布尔加斯友好城市,李明,2024-05-01,待落实',
        ',,,,',
        '准备协议文本,深圳—汕头对口合作,王芳,2024/5/1,',
        '寄送礼品,深圳—布尔加斯友好城市,李明,2024年5月1日,',
        '寄送礼品,深圳—布尔加斯友好城市,李明,2024年5月1日,',
      ].join('\n'),
    );
    const input = { entity: 'tasks' as const, fileName: 'tasks.csv', dataBase64: csv };
    const preview = await f.api['import.preview'](input);
    expect(preview.headerRowNumber).toBe(2);
    expect(preview.columns.map((c) => c.field)).toEqual(['title', 'partnership', 'assignee', 'dueOn', null]);
    expect(preview.rows.map((r) => [r.rowNumber, r.status, r.values.dueOn, r.links.partnership?.id])).toEqual([
      [3, 'ok', '2024-05-01', f.burgasLink.id],
      [5, 'ok', '2024-05-01', f.shantouLink.id],
      [6, 'ok', '2024-05-01', f.burgasLink.id],
      [7, 'duplicate', '2024-05-01', f.burgasLink.id],
    ]);
    // map the unrecognised last column to the details
    const mapped = await f.api['import.preview']({ ...input, mapping: { '4': 'details' } });
    expect(mapped.columns[4]!.field).toBe('details');
    expect(mapped.rows[0]!.values.details).toBe('待落实');

    // a failure half-way through the writes leaves nothing behind
    const before = dumpTables(f.core.sqlite);
    const now = f.core.clock.now.bind(f.core.clock);
    let calls = 0;
    f.core.clock.now = () => {
      if (++calls === 2) throw new Error('disk full');
      return now();
    };
    await expect(f.api['import.commit']({ ...input, confirm: true })).rejects.toBeInstanceOf(ApiError);
    f.core.clock.now = now;
    expect(dumpTables(f.core.sqlite)).toEqual(before);

    const result = await f.api['import.commit']({ ...input, mapping: { '4': 'details' }, confirm: true });
    expect(result.created).toBe(3);
    const { rows: tasks } = await f.api['tasks.list']({ view: 'all', partnershipId: f.burgasLink.id });
    expect(tasks.map((t) => [t.title, t.assignee, t.dueOn, t.details]).sort()).toEqual([
      ['回访布尔加斯', '李明', '2024-05-01', '待落实'],
      ['寄送礼品', '李明', '2024-05-01', null],
    ]);
  });

  it('imported rows are found by search at once, in the order rows typed one after another are (the newest first)', async () => {
    const f = await setup();
    for (const n of [1, 2, 3]) await f.api['tasks.create']({ title: `Typed brief ${n}` });
    const csv = b64(['事项,承办人', 'Sheet brief 1,李明', 'Sheet brief 2,李明', 'Sheet brief 3,李明'].join('\n'));
    expect((await f.api['import.commit']({ entity: 'tasks', fileName: 'tasks.csv', dataBase64: csv, confirm: true })).created).toBe(3);
    const titles = async (query: string) => (await f.api['search.query']({ query, kinds: ['task'] })).groups.flatMap((g) => g.hits.map((h) => h.title));
    expect(await titles('Typed brief')).toEqual(['Typed brief 3', 'Typed brief 2', 'Typed brief 1']);
    expect(await titles('Sheet brief')).toEqual(['Sheet brief 3', 'Sheet brief 2', 'Sheet brief 1']);
    expect(await titles('brief 2')).toEqual(['Sheet brief 2', 'Typed brief 2']);
  });

  it('organizations and contacts in English headers; an existing city by another of its names is a duplicate', async () => {
    const f = await setup();
    const orgs = b64('Name,Chinese name,Country,Aliases\nVarna,瓦尔纳,BG,Варна; Warna\nShantou,,CN,\nNowhere,,XYZ,\n');
    const preview = await f.api['import.preview']({ entity: 'organizations', fileName: 'orgs.csv', dataBase64: orgs });
    expect(preview.rows.map((r) => r.status)).toEqual(['ok', 'duplicate', 'error']);
    expect(preview.rows[2]!.reasons.map((r) => r.en)).toEqual(['Country is not in the right format']);
    const contacts = b64('姓名,职务,单位,邮箱\n张伟,处长,Shantou,zw@example.org\nJohn Smith,Mayor,Springfield,\n');
    const c = await f.api['import.preview']({ entity: 'contacts', fileName: 'c.csv', dataBase64: contacts });
    expect(c.rows.map((r) => r.status)).toEqual(['ok', 'choice']);
    const done = await f.api['import.commit']({
      entity: 'contacts',
      fileName: 'c.csv',
      dataBase64: contacts,
      choices: { '3:organization': f.springMa.id },
      confirm: true,
    });
    expect(done.created).toBe(2);
    const { rows: list } = await f.api['contacts.list']({});
    expect(list.map((x) => [x.name, x.organizationName]).sort()).toEqual([
      ['John Smith', 'Springfield, Massachusetts'],
      ['张伟', '汕头'],
    ]);
  });

  it('partnerships between two named cities', async () => {
    const f = await setup();
    const csv = b64('合作名称,我方,对方城市,类型,状态,结好日期\n汕头—布尔加斯友好城市,汕头,Burgas,友好城市,有效,2024年5月1日\n');
    const result = await f.api['import.commit']({ entity: 'partnerships', fileName: 'p.csv', dataBase64: csv, confirm: true });
    const p = await f.api['partnerships.get']({ id: result.ids[0]! });
    expect(p.parties.map((x) => x.organizationId).sort()).toEqual([f.shantou.id, f.burgas.id].sort());
    expect(p.statusSince).toBe('2024-05-01');
  });

  it('refuses invalid input before reading anything', async () => {
    const f = await setup();
    const ok = { entity: 'meetings', fileName: 'm.csv', dataBase64: messyCsv() };
    await refusal(f.api['import.preview']({ ...ok, entity: 'planets' } as never));
    await refusal(f.api['import.preview']({ ...ok, dataBase64: '' } as never));
    await refusal(f.api['import.preview']({ ...ok, fileName: 'm.pdf' } as never));
    await refusal(f.api['import.preview']({ ...ok, mapping: { '1': 'weather' } } as never));
    await refusal(f.api['import.preview']({ ...ok, mapping: { '1': 'title' } } as never)); // two columns on one field
    await refusal(f.api['import.preview']({ ...ok, choices: { 'row seven': f.springIl.id } } as never));
    await refusal(f.api['import.preview']({ ...ok, dataBase64: b64('a,b,c\n1,2,3\n') } as never)); // no header
    await refusal(f.api['import.preview']({ ...ok, fileName: 'm.xlsx', dataBase64: b64('not a workbook') } as never));
    await refusal(f.api['import.commit'](ok as never)); // not confirmed
  });

  it('reads the date formats offices type', () => {
    expect(['2024-05-01', '2024/5/1', '2024年5月1日', '01.05.2024', '2024.5.1', '45413'].map(normalizeDate)).toEqual(Array(6).fill('2024-05-01'));
    expect(['2024-02-30', 'May 1', '', '1/5/24'].map(normalizeDate)).toEqual([null, null, null, null]);
  });
});

describe('export.list', () => {
  it('exports a list view to CSV and XLSX with headers in the chosen language, and the export imports back', async () => {
    const f = await setup();
    await f.api['tasks.create']({ title: '回访布尔加斯', partnershipId: f.burgasLink.id, assignee: '李明', dueOn: '2024-05-01' });
    await f.api['tasks.create']({ title: 'Send the MoU draft', assignee: 'Wang Fang' });
    const csv = await f.api['export.list']({ view: 'tasks', format: 'csv', lang: 'zh', filters: { view: 'all', partnershipId: f.burgasLink.id } });
    expect(csv.fileName).toMatch(/^任务-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.mimeType).toBe('text/csv');
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '任务,合作关系,负责人,截止日期,状态,优先级',
      '回访布尔加斯,深圳—布尔加斯友好城市,李明,2024-05-01,open,normal',
    ]);
    // the exported file reads back as an import: every row already there
    const back = await f.api['import.preview']({ entity: 'tasks', fileName: csv.fileName, dataBase64: csv.dataBase64 });
    expect(back.rows.map((r) => [r.status, r.links.partnership?.id])).toEqual([['duplicate', f.burgasLink.id]]);

    const xlsx = await f.api['export.list']({ view: 'organizations', format: 'xlsx', lang: 'en' });
    expect(xlsx.fileName).toMatch(/^organizations-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Name', 'Chinese name', 'English name', 'Aliases', 'Country', 'Region', 'Partnerships']);
    expect(sheet.rowCount).toBe(6);
    const names = Array.from({ length: 5 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(names).toContain('汕头');

    for (const view of ['partnerships', 'meetings', 'contacts'] as const) {
      const out = await f.api['export.list']({ view, format: 'csv', lang: 'en' });
      expect(Buffer.from(out.dataBase64, 'base64').toString('utf8').length).toBeGreaterThan(10);
    }
  });

  it('refuses unknown views, formats, languages and filters', async () => {
    const f = await setup();
    await refusal(f.api['export.list']({ view: 'planets', format: 'csv', lang: 'en' } as never));
    await refusal(f.api['export.list']({ view: 'tasks', format: 'pdf', lang: 'en' } as never));
    await refusal(f.api['export.list']({ view: 'tasks', format: 'csv', lang: 'fr' } as never));
    await refusal(f.api['export.list']({ view: 'tasks', format: 'csv', lang: 'en', filters: { view: 'someday' } }));
    await refusal(f.api['export.list']({ view: 'contacts', format: 'csv', lang: 'en', filters: { colour: 'red' } }));
  });
});

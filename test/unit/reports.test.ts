/**
 * Status reports: the contract operations (reports.html, reports.pdf), and the printed documents as
 * `cli report` makes them through the system's Chromium, read back with poppler (pdftotext, pdfinfo)
 * and rendered to PNG (pdftoppm) into test-results/screenshots for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertRecord, openCore, type Core } from '../../db/core';
import { loadSampleData } from '../../db/sample';
import { RECENT_MEETINGS, REPORT_MILESTONES, REPORT_OPEN_TASKS } from '../../db/reports/data';
import { embeddedFontCss } from '../../db/reports/fonts';
import { closePdfBrowser, renderPdf } from '../../cli/pdf';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, runCli, runProcess, tempCore, jobEnd } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** The report day: fixed, so "overdue" and "the next 90 days" do not move with the calendar. */
const TODAY = '2018-03-01';
const OFFICE = '汕头市外事局 Shantou Foreign Affairs Office';
const BURGAS_EN = 'Shantou–Burgas project cooperation';
const OVERDUE_TASK = 'Send the signed joint statement to Burgas';

const cli = runCli;

/** A poppler tool's output, run without holding this worker's event loop. */
async function tool(command: string, args: string[]): Promise<string> {
  const result = await runProcess(command, args);
  expect(result.code, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function pageCount(pdf: string): Promise<number> {
  return Number(/^Pages:\s+(\d+)/m.exec(await tool('pdfinfo', [pdf]))![1]);
}

/** The whole text with all white space removed: CJK has no spaces, and wrapped lines must still match. */
const squash = (text: string) => text.replace(/\s+/g, '');
const squashHyphens = (text: string) => text.replace(/[\s-]+/g, '');

/** Section headings of both kinds of report: none may end a page (it belongs with what follows). */
const HEADINGS = {
  zh: [
    '合作各方',
    '合作缘由',
    '概况',
    '里程碑时间线',
    '状态记录',
    '会见与成果',
    '未完成任务',
    '下一步',
    '按状态',
    '按国家/地区',
    '逾期任务',
    '未来 90 天',
    '期间内的会见',
    '合作关系',
  ],
  en: [
    'Parties',
    'Why this partner',
    'Summary',
    'Timeline of milestones',
    'Status history',
    'Meetings and outcomes',
    'Open tasks',
    'Next steps',
    'By status',
    'By country',
    'Overdue tasks',
    'The next 90 days',
    'Meetings in the period',
    'Partnerships',
  ],
};
/** A table's head row (first cells of each table head). */
const TABLE_HEAD = /^(中文名称|日期|事项|合作关系|Chinese name|Date|Item|Partnership)\s{2,}\S/;

/**
 * Every page of a printed report: "page i of N", the running header, body text besides header and
 * footer (no blank page), and no heading or table head alone at the page's foot. Returns each page's text.
 */
async function expectPrintedPages(pdf: string, lang: 'zh' | 'en', classification: string | null): Promise<string[]> {
  const n = await pageCount(pdf);
  const pages: string[] = [];
  for (let i = 1; i <= n; i++) {
    const where = `${path.basename(pdf)} page ${i} of ${n}`;
    const text = await tool('pdftotext', ['-f', String(i), '-l', String(i), '-layout', pdf, '-']);
    pages.push(text);
    expect(squash(text), where).toContain(lang === 'zh' ? `第${i}页，共${n}页` : `Page${i}of${n}`);
    expect(squash(text), `${where}: running header`).toContain(squash(OFFICE));
    if (classification) expect(squash(text), `${where}: classification`).toContain(squash(classification));
    const body = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith(OFFICE.slice(0, 6)) && !/^(Generated|生成日期)/.test(line));
    expect(squash(body.join('')).length, `${where} has body text`).toBeGreaterThan(40);
    const last = body.at(-1)!;
    expect(HEADINGS[lang], `${where} ends with a heading`).not.toContain(last);
    expect(last, `${where} ends with a table head`).not.toMatch(TABLE_HEAD);
  }
  return pages;
}

/** Page 1 and page 2 as PNG, for a person to look at. */
async function snapshot(pdf: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const page of [1, 2])
    await tool('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(SHOTS, `${name}-p${page}`)]);
}

async function sampleCore(file: string): Promise<Core> {
  const core = await openCore(file, { appVersion: '0.0.0-test' });
  core.sqlite.transaction(() => loadSampleData(core)).immediate();
  return core;
}

/** The sample plus a day's work entered through the contract: a meeting with a follow-up, tasks, milestones. */
async function addWork(core: Core): Promise<{ burgas: string; portfolioTotal: number }> {
  const api = localClient(core);
  await api['settings.update']({ officeName: OFFICE });
  const list = (await api['partnerships.list']({})).rows;
  const burgas = list.find((p) => p.titleEn === BURGAS_EN)!.id;
  await api['meetings.create']({
    title: 'Video call with Burgas on the smart-port pilot / 与布尔加斯视频会议',
    date: '2017-11-20',
    format: 'video',
    kind: 'working_meeting',
    location: 'Shantou',
    partnershipIds: [burgas],
    outcomes: 'Both sides agree to exchange port-logistics data and to plan a visit in spring 2018.',
    followUps: [{ title: OVERDUE_TASK, dueOn: '2017-12-31', assignee: 'Li Wei' }],
  });
  await api['tasks.create']({ title: 'Draft the 2018 exchange programme', dueOn: '2018-04-15', assignee: 'Chen Jing', partnershipId: burgas });
  await api['milestones.create']({ partnershipId: burgas, title: 'Burgas delegation visits Shantou', date: '2018-04-20', kind: 'visit', status: 'planned' });
  return { burgas, portfolioTotal: list.length };
}

/** 300 more partnerships between sample organizations, written in one transaction. */
function addManyPartnerships(core: Core, count: number): string[] {
  const orgs = core.sqlite.prepare('SELECT id, name_zh AS zh, name_en AS en FROM organizations WHERE deleted_at IS NULL ORDER BY id').all() as {
    id: string;
    zh: string;
    en: string;
  }[];
  const statuses = ['active', 'negotiating', 'prospect', 'dormant', 'concluded'] as const;
  const titles: { zh: string; en: string }[] = [];
  core.sqlite
    .transaction(() => {
      for (let i = 0; i < count; i++) {
        const a = orgs[i % orgs.length]!;
        const b = orgs[(i * 7 + 3) % orgs.length]!;
        if (a.id === b.id) continue;
        const long = i % 5 === 0 ? ' on smart transport, green building and people-to-people exchange' : '';
        const title = {
          zh: `${a.zh}—${b.zh}合作第${i + 1}号${long ? '：智慧交通、绿色建筑与人文交流' : ''}`,
          en: `${a.en}–${b.en} cooperation no. ${i + 1}${long}`,
        };
        titles.push(title);
        const status = statuses[i % statuses.length]!;
        const id = insertRecord(core, 'partnerships', {
          title: `${title.zh} / ${title.en}`,
          titleZh: title.zh,
          titleEn: title.en,
          kind: 'project_cooperation',
          status,
          statusSince: '2016-01-01',
          topics: '[]',
        });
        insertRecord(core, 'partnershipParties', { partnershipId: id, organizationId: a.id, role: null });
        insertRecord(core, 'partnershipParties', { partnershipId: id, organizationId: b.id, role: null });
        insertRecord(core, 'partnershipStatusHistory', { partnershipId: id, status, startedOn: '2016-01-01' });
      }
    })
    .immediate();
  return titles.flatMap((t) => [t.zh, t.en]);
}

describe('reports through the contract', () => {
  it('reports.html returns one standalone document of either kind; bad input is refused with a translated error', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const { burgas } = await addWork(core);
    const api = localClient(core);

    const zh = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'zh', today: TODAY, classification: '内部资料' });
    expect(zh).toMatch(/^<!doctype html>/);
    expect(zh).toContain('<html lang="zh-CN">');
    for (const text of ['汕头—布尔加斯项目合作', '汕头', 'Shantou', '布尔加斯', 'Burgas', '内部资料', OFFICE, OVERDUE_TASK, '已逾期', '2017年12月31日'])
      expect(zh).toContain(text);
    expect(zh).toMatch(/@font-face\{font-family:'Report Sans'[^}]*src:url\(data:font\/woff2;base64,/);

    // Well formed: every element opened is closed.
    for (const tag of ['table', 'thead', 'tbody', 'tr', 'td', 'th', 'section', 'div', 'svg', 'span', 'p', 'header']) {
      expect(zh.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0, tag).toBe(zh.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0);
    }

    const en = await api['reports.html']({ kind: 'portfolio', lang: 'en', today: TODAY, officeName: 'Burgas Municipality' });
    for (const text of ['Partnership portfolio report', 'Total 8', 'Burgas Municipality', BURGAS_EN, 'Overdue tasks', OVERDUE_TASK]) expect(en).toContain(text);
    const active = await api['reports.html']({ kind: 'portfolio', lang: 'en', status: 'negotiating' });
    expect(active).toContain('Total 1');
    const inPeriod = await api['reports.html']({ kind: 'portfolio', lang: 'en', from: '2017-11-01', to: '2017-11-30' });
    expect(inPeriod).toContain('Period: 1 Nov 2017 – 30 Nov 2017');
    expect(inPeriod).toContain('Meetings in the period');
    expect(inPeriod).toContain('Video call with Burgas on the smart-port pilot');
    const outOfPeriod = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'en', from: '2018-01-01', to: '2025-12-31' });
    expect(outOfPeriod).toContain('No meetings in the chosen period.');

    const fail = async (input: unknown) => {
      try {
        await (api['reports.html'] as (i: unknown) => Promise<string>)(input);
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        const e = error as ApiError;
        expect(e.localized.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.localized.en).not.toBe('');
        return e.code;
      }
      throw new Error('expected the contract to refuse the input');
    };
    expect(await fail({ kind: 'partnership', partnershipId: '0190aaaa-0000-7000-8000-00000000dead' })).toBe('not_found');
    expect(await fail({ kind: 'partnership', partnershipId: burgas, lang: 'fr' })).toBe('invalid_input');
    expect(await fail({ kind: 'portfolio', country: 'Bulgaria' })).toBe('invalid_input');
    expect(await fail({ kind: 'weekly' })).toBe('invalid_input');
    expect(await fail({ kind: 'portfolio', from: '2018-02-30' })).toBe('invalid_input');

    // A deleted partnership has no report.
    await api['partnerships.delete']({ id: burgas });
    expect(await fail({ kind: 'partnership', partnershipId: burgas })).toBe('not_found');
  });

  it('a busy partnership: its report lists the latest meetings and the first open tasks, and says how many more there are', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const { burgas } = await addWork(core);
    const api = localClient(core);
    const openBefore = (await api['tasks.list']({ view: 'all', partnershipId: burgas })).total;
    for (let i = 0; i < REPORT_OPEN_TASKS + 3; i++) {
      await api['tasks.create']({ title: `Follow-up ${String(i).padStart(2, '0')}`, dueOn: '2019-01-01', partnershipId: burgas });
    }
    for (let i = 0; i < RECENT_MEETINGS + 2; i++) {
      await api['meetings.create']({ title: `Call ${i}`, date: '2018-02-01', format: 'video', kind: 'working_meeting', partnershipIds: [burgas] });
    }
    const html = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'en', today: TODAY });
    const more = openBefore + REPORT_OPEN_TASKS + 3 - REPORT_OPEN_TASKS;
    expect(html).toContain(`${more} more open tasks are not listed`);
    expect(html).toContain(OVERDUE_TASK);
    expect(html).toMatch(/\d+ earlier meetings are not listed/);
    const zh = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'zh', today: TODAY });
    expect(zh).toContain(`另有 ${more} 项未完成任务未列出`);
  });

  it('a partnership with many milestones: the report charts and lists those nearest the report day, and says how many earlier and later ones it leaves out', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const { burgas } = await addWork(core);
    const api = localClient(core);
    const day = (from: string, n: number) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
    // 40 done on the days before the report day, 40 planned on the days after it.
    for (let i = 0; i < 40; i++) {
      await api['milestones.create']({
        partnershipId: burgas,
        title: `Past step ${String(i).padStart(2, '0')}`,
        date: day(TODAY, i - 40),
        kind: 'other',
        status: 'done',
      });
      await api['milestones.create']({
        partnershipId: burgas,
        title: `Next step ${String(i).padStart(2, '0')}`,
        date: day(TODAY, i + 1),
        kind: 'other',
        status: 'planned',
      });
    }
    const all = (await api['partnerships.get']({ id: burgas })).milestones;
    const html = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'en', today: TODAY });
    const timeline = html.slice(html.indexOf('Timeline of milestones'), html.indexOf('Status history'));
    const rows = [...timeline.matchAll(/<tr><td class="nowrap">([^<]+)<\/td><td>([^<]*)<\/td>/g)].map((m) => m[2]!);
    expect(rows).toHaveLength(REPORT_MILESTONES);
    expect(timeline.match(/<circle /g)).toHaveLength(REPORT_MILESTONES);
    // Half before the report day, the latest of them; half from it on, the soonest.
    expect(rows.slice(0, REPORT_MILESTONES / 2)).toEqual(Array.from({ length: REPORT_MILESTONES / 2 }, (_, i) => `Past step ${25 + i}`));
    expect(rows.slice(REPORT_MILESTONES / 2)).toEqual(Array.from({ length: REPORT_MILESTONES / 2 }, (_, i) => `Next step ${String(i).padStart(2, '0')}`));
    const [, earlier, later] = /(\d+) earlier and (\d+) later milestones are not listed \(see the partnership in the app\)/.exec(timeline)!.map(Number);
    expect(later).toBe(40 - REPORT_MILESTONES / 2 + all.filter((m) => m.date >= TODAY && !m.title.startsWith('Next step')).length);
    expect(earlier! + later!).toBe(all.length - REPORT_MILESTONES);

    // The next steps: the soonest planned milestones, and a line for the rest.
    const next = html.slice(html.indexOf('Next steps'));
    expect(next).toContain('Next step 00');
    expect(next).not.toContain('Next step 39');
    const planned = all.filter((m) => m.status === 'planned' && m.date >= TODAY).length;
    expect(next).toContain(`${planned - REPORT_MILESTONES} more planned milestones after 31 Mar 2018 are not listed.`);

    const zh = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'zh', today: TODAY });
    expect(zh).toContain(`另有 ${earlier} 个较早、${later} 个较晚的里程碑未列出（见应用中的合作关系详情）。`);
    expect(zh).toContain(`2018年3月31日之后另有 ${planned - REPORT_MILESTONES} 个计划中的里程碑未列出。`);

    // Only later ones left out: the line says so and no more.
    const early = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'en', today: '2000-01-01' });
    expect(early).toContain(`${all.length - REPORT_MILESTONES} later milestones are not listed`);
    expect(early).not.toMatch(/\d+ earlier (and|milestone)/);
    const earlyZh = await api['reports.html']({ kind: 'partnership', partnershipId: burgas, lang: 'zh', today: '2000-01-01' });
    expect(earlyZh).toContain(`另有 ${all.length - REPORT_MILESTONES} 个较晚的里程碑未列出`);
  });

  it('a report embeds each font subset its text needs once, and only those: Latin text the Latin subset alone, in both weights', () => {
    const faces = (css: string) => css.split('\n').map((rule) => /font-weight:(\d+);.*unicode-range:([^;]+);/.exec(rule)!.slice(1).join(' '));
    const latin = faces(embeddedFontCss('Page 1 of 2 · Generated 2 Dec 2026 — “Burgas”'));
    expect(latin).toHaveLength(2);
    expect(latin.map((f) => f.split(' ')[0])).toEqual(['400', '700']);
    for (const face of latin) expect(face).toMatch(/U\+0-ff,/);
    const chinese = faces(embeddedFontCss('汕头—布尔加斯项目合作 Page 1 of 2'));
    expect(new Set(chinese).size).toBe(chinese.length);
    expect(chinese.length).toBeGreaterThan(2);
    expect(chinese.filter((f) => f.startsWith('400')).length).toBe(chinese.length / 2);
  });

  it('reports.pdf goes through the shell’s renderPdf; without one, a translated error says to print instead', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const api = localClient(core);

    await expect(api['reports.pdf']({ kind: 'portfolio', lang: 'en' })).rejects.toMatchObject({
      code: 'internal',
      localized: { zh: expect.stringContaining('打印') as unknown, en: expect.stringContaining('Print') as unknown },
    });

    const seen: string[] = [];
    core.services.renderPdf = (html) => {
      seen.push(html);
      return Promise.resolve(Buffer.from(`%PDF-1.7 fake ${html.length}`));
    };
    const result = await api['reports.pdf']({ kind: 'portfolio', lang: 'zh', today: TODAY });
    expect(result.fileName).toBe('portfolio-report-20180301.pdf');
    expect(Buffer.from(result.pdfBase64, 'base64').toString()).toBe(`%PDF-1.7 fake ${seen[0]!.length}`);
    expect(seen[0]).toContain('合作关系总体情况报告');

    // A browser that fails: a translated error, never the stack (which the registry logs to the console).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.services.renderPdf = () => Promise.reject(new Error('browser crashed'));
    await expect(api['reports.pdf']({ kind: 'portfolio' })).rejects.toMatchObject({
      code: 'internal',
      localized: { zh: expect.any(String) as unknown, en: expect.not.stringContaining('browser crashed') as unknown },
    });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('an English report is headed with the office’s English name where there is one, a Chinese one with its Chinese name', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const api = localClient(core);
    await api['settings.update']({ officeName: '汕头市人民政府外事办公室' });
    // No English name yet: the one name there is heads both.
    expect(await api['reports.html']({ kind: 'portfolio', lang: 'en', today: TODAY })).toContain('汕头市人民政府外事办公室');
    const saved = await api['settings.update']({ officeNameEn: 'Foreign Affairs Office of Shantou Municipal Government' });
    expect(saved).toMatchObject({ officeName: '汕头市人民政府外事办公室', officeNameEn: 'Foreign Affairs Office of Shantou Municipal Government' });
    const en = await api['reports.html']({ kind: 'portfolio', lang: 'en', today: TODAY });
    expect(en).toContain('Foreign Affairs Office of Shantou Municipal Government');
    expect(en).not.toContain('汕头市人民政府外事办公室');
    const zh = await api['reports.html']({ kind: 'portfolio', lang: 'zh', today: TODAY });
    expect(zh).toContain('汕头市人民政府外事办公室');
    expect(zh).not.toContain('Foreign Affairs Office of Shantou');
    // A name typed for one report wins over both.
    expect(await api['reports.html']({ kind: 'portfolio', lang: 'en', today: TODAY, officeName: 'Burgas Municipality' })).toContain('Burgas Municipality');
  });

  it('reports.pdfStart makes the same PDF as a job; cancelled while printing, it ends cancelled and hands nothing back', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const api = localClient(core);
    let release: () => void = () => undefined;
    core.services.renderPdf = (html) =>
      new Promise((resolve) => {
        release = () => resolve(Buffer.from(`%PDF-1.7 fake ${html.length}`));
      });

    const printing = await api['reports.pdfStart']({ kind: 'portfolio', lang: 'en', today: TODAY });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await api['jobs.get']({ id: printing.id })).toMatchObject({ status: 'running', done: 1, total: 2 });
    await api['jobs.cancel']({ id: printing.id });
    release();
    const cancelled = await jobEnd(api, printing.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', result: null, error: { code: 'cancelled', message: { en: 'The PDF was cancelled.' } } });

    const next = await api['reports.pdfStart']({ kind: 'portfolio', lang: 'zh', today: TODAY });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const done = await jobEnd(api, next.id);
    expect(done).toMatchObject({ status: 'done', done: 2, total: 2, result: { fileName: 'portfolio-report-20180301.pdf' } });
    expect(Buffer.from((done.result as { pdfBase64: string }).pdfBase64, 'base64').toString()).toMatch(/^%PDF-1\.7 fake \d+$/);
  });
});

describe('cli report (PDF through Chromium)', () => {
  let dir: string;
  let burgas: string;
  let manyTitles: string[];
  const sampleDb = () => path.join(dir, 'sample.db');
  const manyDb = () => path.join(dir, 'many.db');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pt-reports-'));
    const core = await sampleCore(sampleDb());
    burgas = (await addWork(core)).burgas;
    core.close();
    const many = await sampleCore(manyDb());
    await addWork(many);
    manyTitles = addManyPartnerships(many, 300);
    many.close();
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders both kinds in both languages: parties, dates, counts and the overdue task are in the PDF', async () => {
    const out = (name: string) => path.join(dir, `${name}.pdf`);
    const jobs = (['zh', 'en'] as const).flatMap((lang) => [
      cli([
        'report',
        '--db',
        sampleDb(),
        '--out',
        out(`partnership-${lang}`),
        '--partnership',
        burgas,
        '--lang',
        lang,
        '--today',
        TODAY,
        '--classification',
        '内部资料 / Internal',
        '--format',
        'pdf',
      ]),
      cli(['report', '--db', sampleDb(), '--out', out(`portfolio-${lang}`), '--portfolio', '--lang', lang, '--today', TODAY, '--format', 'pdf']),
    ]);
    for (const run of await Promise.all(jobs)) expect(run.code, run.stderr).toBe(0);

    const text = async (name: string) => squash(await tool('pdftotext', [out(name), '-']));
    for (const lang of ['zh', 'en'] as const) {
      const partnership = await text(`partnership-${lang}`);
      for (const name of ['汕头', 'Shantou', '布尔加斯', 'Burgas', OFFICE, '内部资料/Internal', OVERDUE_TASK])
        expect(partnership, lang).toContain(squash(name));
      expect(
        readFileSync(out(`partnership-${lang}`))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await expectPrintedPages(out(`partnership-${lang}`), lang, '内部资料 / Internal');
      await expectPrintedPages(out(`portfolio-${lang}`), lang, null);
      await snapshot(out(`partnership-${lang}`), `report-partnership-${lang}`);
    }
    const pzh = await text('partnership-zh');
    for (const s of ['合作关系状态报告', '汕头—布尔加斯项目合作', '2017年5月31日', '2017年12月31日', '（已逾期）', '2018年4月20日', '生成日期', '第1页，共3页'])
      expect(pzh).toContain(squash(s));
    const pen = await text('partnership-en');
    for (const s of ['Partnership status report', BURGAS_EN, '31 May 2017', '31 Dec 2017', '(Overdue)', '20 Apr 2018', 'Generated', 'Page 1 of 3'])
      expect(pen).toContain(squash(s));

    const fzh = await text('portfolio-zh');
    for (const s of [
      '合作关系总体情况报告',
      '合计8',
      '执行中7',
      '洽谈中1',
      '意向0',
      '逾期任务',
      'Send the signed joint',
      '2017年12月31日',
      '未来90天',
      '2018年4月20日',
    ])
      expect(fzh).toContain(squash(s));
    const fen = await text('portfolio-en');
    for (const s of [
      'Partnership portfolio report',
      'Total 8',
      'Active 7',
      'Negotiating 1',
      'Prospect 0',
      'Overdue tasks',
      'Send the signed joint',
      '31 Dec 2017',
      'The next 90 days',
      '20 Apr 2018',
    ])
      expect(fen).toContain(squash(s));
  }, 120_000);

  it('a 300-partnership portfolio has "page i of N" on every page, no blank page, no heading at a page’s foot, no row cut across pages', async () => {
    const out = (lang: string) => path.join(dir, `many-${lang}.pdf`);
    const runs = await Promise.all(
      (['zh', 'en'] as const).map((lang) =>
        cli(['report', '--db', manyDb(), '--out', out(lang), '--portfolio', '--lang', lang, '--today', TODAY, '--classification', '内部资料 / Internal']),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    for (const lang of ['zh', 'en'] as const) {
      const pdf = out(lang);
      const pages = await expectPrintedPages(pdf, lang, '内部资料 / Internal');
      expect(pages.length, lang).toBeGreaterThan(10);
      // Every partnership's title is whole on one page: no row is cut across a page break. Read the
      // list's first column alone (from the left margin to the "Status" column head), so a wrapped
      // title's lines come out together. (pdftotext joins a word hyphenated at a line's end: compare without hyphens.)
      const titlesText: string[] = [];
      for (const [i] of pages.entries()) {
        const page = String(i + 1);
        const words = await tool('pdftotext', ['-f', page, '-l', page, '-bbox', pdf, '-']);
        const status = [...words.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].find((w) => w[2] === (lang === 'zh' ? '状态' : 'Status'));
        titlesText.push(
          status
            ? squashHyphens(
                await tool('pdftotext', [
                  '-f',
                  page,
                  '-l',
                  page,
                  '-x',
                  '40',
                  '-y',
                  '0',
                  '-W',
                  String(Math.floor(Number(status[1]) - 42)),
                  '-H',
                  '842',
                  pdf,
                  '-',
                ]),
              )
            : '',
        );
      }
      const titles = manyTitles.filter((t) => (lang === 'zh' ? /[\u4e00-\u9fff]/.test(t) && !/–/.test(t) : /no\. \d+/.test(t)));
      expect(titles.length).toBeGreaterThan(250);
      for (const title of titles) {
        const whole = new RegExp(`${squashHyphens(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
        expect(titlesText.filter((p) => whole.test(p)).length, `${lang}: ${title}`).toBe(1);
      }
      await snapshot(pdf, `report-portfolio-${lang}`);
    }
  }, 180_000);

  it('--format html writes one standalone HTML file with the CJK font embedded', async () => {
    const file = path.join(dir, 'report.html');
    const run = await cli(['report', '--db', sampleDb(), '--out', file, '--partnership', burgas, '--lang', 'zh', '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Report written to/);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('汕头—布尔加斯项目合作');
    expect(html).toMatch(/@font-face\{font-family:'Report Sans';font-style:normal;font-weight:400;[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}/);
    // Nothing loaded from elsewhere: no external stylesheet, script, font or image.
    expect(html).not.toMatch(/<script|<link|src=["']?https?:|url\((?!data:)/i);
  });

  it('one browser prints report after report, and two at once: each PDF holds its own report only; closed, it starts again', async () => {
    const core = await openCore(sampleDb(), { appVersion: '0.0.0-test' });
    const api = localClient(core);
    const html = (kind: 'partnership' | 'portfolio', lang: 'zh' | 'en') =>
      api['reports.html']({ ...(kind === 'partnership' ? { kind, partnershipId: burgas } : { kind }), lang, today: TODAY });
    const HEAD = {
      partnership: { zh: '合作关系状态报告', en: 'Partnership status report' },
      portfolio: { zh: '合作关系总体情况报告', en: 'Partnership portfolio report' },
    };
    const printed = async (pdf: Buffer, name: string) => {
      writeFileSync(path.join(dir, `${name}.pdf`), pdf);
      return squash(await tool('pdftotext', [path.join(dir, `${name}.pdf`), '-']));
    };
    const expectOnly = (text: string, kind: 'partnership' | 'portfolio', lang: 'zh' | 'en') => {
      for (const [k, byLang] of Object.entries(HEAD))
        for (const [l, head] of Object.entries(byLang)) expect(text.includes(squash(head)), `${kind} ${lang}: ${head}`).toBe(k === kind && l === lang);
    };
    try {
      expectOnly(await printed(await renderPdf(await html('portfolio', 'zh')), 'one'), 'portfolio', 'zh');
      expectOnly(await printed(await renderPdf(await html('partnership', 'en')), 'two'), 'partnership', 'en');
      const [three, four] = await Promise.all([renderPdf(await html('partnership', 'zh')), renderPdf(await html('portfolio', 'en'))]);
      expectOnly(await printed(three, 'three'), 'partnership', 'zh');
      expectOnly(await printed(four, 'four'), 'portfolio', 'en');
      await closePdfBrowser();
      expectOnly(await printed(await renderPdf(await html('partnership', 'en')), 'five'), 'partnership', 'en');
    } finally {
      await closePdfBrowser();
      core.close();
    }
  }, 60_000);

  it('without Chromium the CLI exits 1 with one line that says what to do', async () => {
    const run = await cli(['report', '--db', sampleDb(), '--out', path.join(dir, 'none.pdf'), '--portfolio', '--format', 'pdf'], {
      PT_CHROMIUM: path.join(dir, 'no-such-browser'),
      PT_CHROMIUM_ONLY: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Error: No Chromium or Chrome found.*PT_CHROMIUM.*--format html/);
    const zh = await cli(['report', '--db', sampleDb(), '--out', path.join(dir, 'none.pdf'), '--portfolio'], {
      PT_CHROMIUM: path.join(dir, 'no-such-browser'),
      PT_CHROMIUM_ONLY: '1',
      LANG: 'zh_CN.UTF-8',
    });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^错误：找不到 Chromium/);
  });
});

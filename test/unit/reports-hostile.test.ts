/**
 * Reports are untrusted output: a database whose every text field holds script and markup (as a
 * merged file from another office may) is printed by `cli report` (PDF and HTML). A listener on
 * 127.0.0.1 stands for the outside world: no request may reach it, no script may run, and the PDF
 * shows every payload as plain text.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/core';
import { loadSampleData } from '../../db/sample';
import { cssString, renderPortfolioReport, REPORT_CSP } from '../../db/reports/html';
import { runCli, runProcess } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** The text fields a report shows, table by table. */
const FIELDS: Record<string, string[]> = {
  organizations: ['display_name', 'name_zh', 'name_en', 'country', 'region'],
  programmes: ['name_zh', 'name_en'],
  partnerships: ['title', 'title_zh', 'title_en', 'owner', 'summary', 'rationale'],
  partnership_parties: ['role'],
  partnership_status_history: ['note'],
  milestones: ['title'],
  meetings: ['title', 'location', 'outcomes'],
  tasks: ['title', 'assignee'],
};

let dir: string;
let db: string;
let requests: string[] = [];
let server: http.Server;
let port: number;
let burgas: string;

/** Script and markup for one field, tagged so its text can be found in the PDF. */
function payload(tag: string): string {
  const url = `http://127.0.0.1:${port}/${tag}`;
  return `${tag}<script>window.ptRan=1;fetch('${url}/s')</script><img src="${url}/i" onerror="window.ptRan=2"></style></title>"'><svg onload="fetch('${url}/v')"></svg>&amp;`;
}

const OFFICE = () => `${payload('OFFICE')}";}body{background:url(http://127.0.0.1:${port}/css)}x{content:"`;
/** At most 100 characters, as the report input allows. */
const CLASSIFICATION = () => `C</style><script>fetch('//127.0.0.1:${port}/c')</script><img src=//127.0.0.1:${port}/i>`;

const cli = (args: string[]) => runCli(args, { PT_CHROMIUM: CHROMIUM });

async function pdfText(file: string): Promise<string> {
  const result = await runProcess('pdftotext', ['-raw', file, '-']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** White space removed: long payloads wrap across lines and cells. */
const squash = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(path.join(os.tmpdir(), 'pt-hostile-report-'));
  db = path.join(dir, 'hostile.db');
  const core = await openCore(db, { appVersion: '0.0.0-test' });
  loadSampleData(core);
  burgas = core.sqlite.prepare("SELECT id FROM partnerships WHERE title_en = 'Shantou–Burgas project cooperation'").pluck().get() as string;
  // Written under the contract, as a merge of a hostile file would have left them.
  let n = 0;
  for (const [table, columns] of Object.entries(FIELDS)) {
    const rows = core.sqlite.prepare(`SELECT rowid FROM ${table}`).pluck().all() as number[];
    for (const rowid of rows) {
      const sets = columns.map((column) => `${column} = ?`).join(', ');
      core.sqlite.prepare(`UPDATE ${table} SET ${sets} WHERE rowid = ?`).run(...columns.map((column) => payload(`${table}.${column}.${++n}`)), rowid);
    }
  }
  // Open tasks due before the report day, so the overdue lists carry payloads too.
  core.sqlite.prepare("UPDATE tasks SET status = 'open', due_on = '2017-12-01', deleted_at = NULL").run();
  core.setMeta('office_name', OFFICE());
  core.close();
  requests = [];
}, 60_000);

afterAll(async () => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile values in reports', () => {
  it('the document escapes every value, in the body and in <style>, and carries a CSP', () => {
    expect(cssString('a"b\\c</style><script>')).toBe('"a\\000022b\\00005cc\\00003c\\00002fstyle\\00003e\\00003cscript\\00003e"');
    expect(cssString('内部资料 / Internal\n2')).toBe('"内部资料 \\00002f Internal 2"');
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toMatch(/script-src|https?:/);
  });

  it('cli report (portfolio and partnership, PDF) makes no request, runs no script, and prints the payloads as text', async () => {
    const portfolio = path.join(dir, 'portfolio.pdf');
    const partnership = path.join(dir, 'partnership.pdf');
    const [a, b] = await Promise.all([
      cli([
        'report',
        '--db',
        db,
        '--out',
        portfolio,
        '--portfolio',
        '--lang',
        'en',
        '--today',
        '2018-03-01',
        '--classification',
        CLASSIFICATION(),
        '--format',
        'pdf',
      ]),
      cli([
        'report',
        '--db',
        db,
        '--out',
        partnership,
        '--partnership',
        burgas,
        '--lang',
        'zh',
        '--today',
        '2018-03-01',
        '--classification',
        CLASSIFICATION(),
        '--format',
        'pdf',
      ]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(requests).toEqual([]);

    const portfolioText = squash(await pdfText(portfolio));
    const partnershipText = squash(await pdfText(partnership));
    for (const text of [portfolioText, partnershipText]) {
      // The running header (office name, classification) is written inside the <style> block.
      expect(text).toContain(squash(OFFICE()));
      expect(text).toContain(squash(CLASSIFICATION()));
    }
    for (const tag of ['partnerships.title_en', 'organizations.name_en', 'organizations.country']) {
      const hit = new RegExp(
        `${tag.replace('.', '\\.')}\\.\\d+<script>window\\.ptRan=1;fetch\\('http://127\\.0\\.0\\.1:${port}/${tag.replace('.', '\\.')}\\.\\d+/s'\\)</script>`,
      );
      expect(hit.test(portfolioText), `${tag} as text in the portfolio PDF`).toBe(true);
    }
    for (const tag of [
      'partnerships.title_zh',
      'partnerships.rationale',
      'milestones.title',
      'partnerships.summary',
      'partnership_parties.role',
      'organizations.country',
      'partnership_status_history.note',
    ]) {
      expect(new RegExp(`${tag.replace('.', '\\.')}\\.\\d+<script>`).test(partnershipText), `${tag} as text in the partnership PDF`).toBe(true);
    }

    // A page as PNG, for a person to look at.
    mkdirSync(SHOTS, { recursive: true });
    await runProcess('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', portfolio, path.join(SHOTS, 'hostile-portfolio')]);
    await runProcess('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', partnership, path.join(SHOTS, 'hostile-partnership')]);
    expect(existsSync(path.join(SHOTS, 'hostile-portfolio.png'))).toBe(true);
  }, 60_000);

  it('--format html is safe to open in a browser with JavaScript on', async () => {
    const out = path.join(dir, 'portfolio.html');
    const run = await cli([
      'report',
      '--db',
      db,
      '--out',
      out,
      '--portfolio',
      '--lang',
      'en',
      '--today',
      '2018-03-01',
      '--classification',
      CLASSIFICATION(),
      '--format',
      'html',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    // Only the document's own markup: the payloads' tags appear escaped, never as elements.
    expect(html).not.toMatch(/<(script|img|svg onload|link)\b[^>]*127\.0\.0\.1/);
    expect(html.match(/<\/style>/g)).toHaveLength(1);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      expect(await page.evaluate('window.ptRan ?? null')).toBeNull();
      const body = await page.evaluate('document.body.innerText');
      expect(body).toContain('partnerships.title_en');
      expect(body).toContain("<script>window.ptRan=1;fetch('");
      expect(await page.evaluate('document.querySelectorAll("script, link, img").length')).toBe(0);
    } finally {
      await browser.close();
    }
    expect(requests).toEqual([]);
  }, 60_000);

  it('the report of an ordinary database still renders a portfolio without payloads changing its layout', () => {
    const html = renderPortfolioReport({
      lang: 'en',
      officeName: 'A</style><b>',
      classification: null,
      generatedAt: '2026-01-01T00:00:00.000Z',
      today: '2026-01-01',
      from: null,
      to: null,
      filters: {},
      programme: null,
      partnerships: [],
      byStatus: { prospect: 0, negotiating: 0, active: 0, dormant: 0, concluded: 0 },
      byCountry: [{ country: '<i>X', count: 1 }],
      overdueTasks: [],
      next90: [],
      meetingsInPeriod: null,
    } as unknown as Parameters<typeof renderPortfolioReport>[0]);
    expect(html).toContain('&lt;i&gt;X');
    expect(html).not.toContain('<b>');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});

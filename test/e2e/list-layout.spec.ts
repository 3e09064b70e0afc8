import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi, localDay, type BrowserModeServer } from './fixtures';

// Issue #17: at 1024×700 a status badge ran into the date ("Negotiatin1 Dec 2026"), the meeting log cut
// its partnership and title, and a date column showed "2026年12…". Every list must hold at that size.
const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ANDALUSIA = 'Shantou–Andalusia EU–China regional policy cooperation pilot';

/** Long, realistic records in every list the sample leaves empty: meetings, tasks, contacts, documents, the trash, a backup. */
async function seed(request: APIRequestContext, app: BrowserModeServer): Promise<string> {
  const { rows } = await callApi(request, app, 'partnerships.list', {});
  const find = (title: string) => rows.find((p) => p.title.includes(title))!;
  const andalusia = find(ANDALUSIA);
  const others = [find('Shantou–Burgas'), find('Changchun Jingyue'), find('China–Denmark')];
  const parties = (await callApi(request, app, 'partnerships.get', { id: andalusia.id })).parties;
  const org = parties[parties.length - 1]!.organizationId;

  const contacts = [];
  for (const [name, title, email] of [
    ['María del Carmen Fernández-Ortega', 'Directora General de Relaciones Internacionales y Cooperación', 'maria.fernandez-ortega@juntadeandalucia.es'],
    ['欧阳晓明', '汕头市人民政府外事办公室国际交流合作科副科长', 'ouyang.xiaoming.international@shantou.gov.cn'],
    ['Li Wei', null, null],
  ] as const) {
    contacts.push(await callApi(request, app, 'contacts.create', { name, title, email, phone: '+34 955 123 456 ext. 2201', organizationId: org }));
  }
  const meetings = [];
  for (const [i, title] of [
    '中欧区域政策合作试点城市第二次联合工作组会议暨智慧城市示范区建设进展通报会',
    'Second joint working group meeting of the EU–China regional policy cooperation pilot cities',
    'Video call',
  ].entries()) {
    meetings.push(
      await callApi(request, app, 'meetings.create', {
        title,
        date: `2026-12-${String(10 + i).padStart(2, '0')}`,
        time: '14:30',
        format: 'video',
        kind: i === 0 ? 'incoming_delegation' : 'working_meeting',
        partnershipIds: [andalusia.id, ...others.map((p) => p.id)],
        attendees: [{ contactId: contacts[0]!.id, side: 'partner' }],
      }),
    );
  }
  const yesterday = localDay(-1);
  const tasks = [
    {
      title: '起草中欧区域政策合作试点城市联合声明（中英文对照版）并报市政府办公厅审核',
      priority: 'high' as const,
      status: 'in_progress' as const,
      dueOn: yesterday,
    },
    { title: 'Send the signed memorandum of understanding and the annexes to the Junta de Andalucía', dueOn: '2026-12-01', meetingId: meetings[1]!.id },
    { title: 'Book the interpreters', dueOn: '2026-09-30', status: 'done' as const, priority: 'low' as const },
    { title: 'Prepare the gifts', status: 'cancelled' as const, dueOn: '2027-01-15' },
  ];
  const created = [];
  for (const task of tasks)
    created.push(
      await callApi(request, app, 'tasks.create', { assignee: 'Wang Fangfang (International Cooperation Division)', partnershipId: andalusia.id, ...task }),
    );
  await callApi(request, app, 'attachments.add', {
    partnershipId: andalusia.id,
    fileName: '中欧区域政策合作试点城市联合声明_签署版_最终稿_2026年12月_Shantou-Andalusia-joint-statement-signed-final.pdf',
    mimeType: 'application/pdf',
    dataBase64: Buffer.from('%PDF-1.4 sample').toString('base64'),
  });
  await callApi(request, app, 'attachments.add', {
    partnershipId: andalusia.id,
    fileName: 'agenda.docx',
    dataBase64: Buffer.from('agenda').toString('base64'),
  });
  // The trash: one record of several kinds, long titles and short.
  const spare = await callApi(request, app, 'tasks.create', { title: tasks[0]!.title + '（旧稿）', partnershipId: andalusia.id });
  await callApi(request, app, 'tasks.delete', { id: spare.id });
  const old = await callApi(request, app, 'meetings.create', {
    title: meetings[1]!.title + ' (cancelled)',
    date: '2025-03-01',
    format: 'phone',
    kind: 'forum',
    partnershipIds: [andalusia.id],
  });
  await callApi(request, app, 'meetings.delete', { id: old.id });
  await callApi(request, app, 'contacts.delete', { id: contacts[2]!.id });
  await callApi(request, app, 'backups.create', {});
  return andalusia.id;
}

interface Problem {
  list: string;
  problem: string;
}

/**
 * What a person would see wrong in one list, measured in the page: the list sticks out sideways; two cells
 * of a row overlap; a cell (or anything in it) is cut, unless it is text ending in an ellipsis whose full
 * text is its tooltip (title), and never a badge or a date; a date broken over two lines; a column so
 * narrow that its words stand a character or two a line.
 */
function problemsOf(root: Element): string[] {
  const problems: string[] = [];
  const DATE = /^((\d{1,2} )?([A-Z][a-z]{2,8}\.? )?\d{4}(年(\d{1,2}月(\d{1,2}日)?)?)?(,? \d{1,2}:\d{2})?|\d{1,2}:\d{2})$/;
  const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  const name = (e: Element) => `"${text(e).slice(0, 50)}"`;
  const visible = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  for (let e: Element | null = root; e && e !== document.body; e = e.parentElement) {
    if (e.scrollWidth > e.clientWidth + 1)
      problems.push(`sticks out sideways by ${e.scrollWidth - e.clientWidth}px (${e.tagName.toLowerCase()}.${e.className})`);
  }
  const rows = [...root.querySelectorAll('tr, [role=row]')].filter((row) => !row.closest('[aria-hidden=true]') && visible(row));
  if (rows.length < 2) problems.push(`only ${rows.length} rows`);
  for (const row of rows) {
    const cells = [...row.children].filter((c) => c.matches('td, th, [role=cell], [role=columnheader]') && visible(c));
    const boxes = cells.map((c) => c.getBoundingClientRect());
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b, j) => {
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        if (overlap > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
          problems.push(`cells ${name(cells[i]!)} and ${name(cells[i + 1 + j]!)} overlap by ${overlap}px`);
      }),
    );
    for (const cell of cells) {
      // A column squeezed so narrow that its words stand one or two characters a line ("优/先/级").
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4))).size;
        const chars = (node.textContent ?? '').replace(/\s/g, '').length;
        if (lines > 1 && chars / lines < 3) problems.push(`"${node.textContent}" squeezed into ${lines} lines`);
      }
      for (const e of [cell, ...cell.querySelectorAll('*')]) {
        if (!(e instanceof HTMLElement) || !visible(e) || e.closest('.mantine-VisuallyHidden-root')) continue;
        const style = getComputedStyle(e);
        const badge = !!e.closest('.mantine-Badge-root');
        const date = DATE.test(text(e));
        if (e.scrollWidth > e.clientWidth + 1) {
          const tip = e.closest('[title]')?.getAttribute('title')?.replace(/\s+/g, ' ').trim() ?? '';
          const ellipsis = style.textOverflow === 'ellipsis' && style.overflowX !== 'visible';
          if (badge || date) problems.push(`${badge ? 'badge' : 'date'} ${name(e)} cut (${e.scrollWidth} > ${e.clientWidth}px)`);
          else if (!ellipsis) problems.push(`${name(e)} cut or spills over (${e.scrollWidth} > ${e.clientWidth}px, no ellipsis)`);
          else if (!cell.contains(e.closest('[title]')) || !tip.includes(text(e))) problems.push(`${name(e)} ellipsised without its full text as a tooltip`);
        }
        if (date && e.children.length === 0) {
          const range = document.createRange();
          range.selectNodeContents(e);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
          if (lines.size > 1) problems.push(`date ${name(e)} broken over ${lines.size} lines`);
        }
      }
    }
  }
  return problems;
}

async function check(page: Page, list: string, table: Locator, problems: Problem[], shot: string): Promise<void> {
  await expect(table).toBeVisible();
  // Rows drawn, fonts in: the layout being checked is the one a person sees.
  await expect.poll(() => table.locator('tr, [role=row]').count()).toBeGreaterThan(1);
  await page.evaluate(() => document.fonts.ready);
  for (const problem of await table.evaluate(problemsOf)) problems.push({ list, problem });
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
}

for (const [language, label] of [
  ['zh', '中文'],
  ['en', 'English'],
] as const) {
  test(`every list holds at 1024×700 in ${language}: nothing overlaps, dates and badges whole, cut text has a tooltip`, async ({
    page,
    request,
    sampleApp,
  }) => {
    test.slow(); // Thirteen lists, each measured and photographed.
    mkdirSync(SHOTS, { recursive: true });
    const andalusia = await seed(request, sampleApp);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, label);
    const go = (hash: string) => page.evaluate((target) => (location.hash = target), hash);
    const problems: Problem[] = [];
    const shot = (name: string) => `list-layout-${name}-${language}`;

    for (const [view, testId] of [
      ['partnerships', 'partnerships-table'],
      ['organizations', 'organizations-table'],
      ['meetings', 'meetings-table'],
      ['contacts', 'contacts-table'],
      ['trash', 'trash-table'],
      ['backups', 'backups-table'],
    ] as const) {
      await go(`#/${view}`);
      await check(page, view, page.getByTestId(testId), problems, shot(view));
    }

    await go('#/tasks');
    await page.getByRole('tab', { name: language === 'zh' ? /^全部/ : /^All/ }).click();
    const showDone = page.getByRole('switch', { name: language === 'zh' ? '显示已完成' : 'Show done' });
    if (!(await showDone.isChecked())) await showDone.click({ force: true });
    // The fixture's four tasks among the sample's (a virtualized list: the rows in view).
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThanOrEqual(4);
    await check(page, 'tasks', page.getByTestId('tasks-table'), problems, shot('tasks'));

    await go(`#/partnerships/${andalusia}`);
    await check(page, 'partnership parties', page.getByTestId('partnership-parties').getByRole('table'), problems, shot('partnership-parties'));
    for (const [tab, testId] of [
      [/^(任务|Tasks)$/, 'partnership-tasks'],
      [/^(联系人|Contacts)$/, 'partnership-contacts'],
      [/^(文件|Documents)$/, 'partnership-documents'],
      [/^(修改记录|History)$/, 'history-table'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const table = page.getByTestId(testId);
      await table.scrollIntoViewIfNeeded();
      await check(page, `partnership ${testId}`, table, problems, shot(testId));
    }

    expect(problems, problems.map((p) => `${p.list}: ${p.problem}`).join('\n')).toEqual([]);
  });
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { OperationInput } from '../../db/api';
import { test, expect, switchLanguage, callApi as call, localDay as day, scrollToEndUntilVisible, type BrowserModeServer } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function partnershipId(request: APIRequestContext, app: BrowserModeServer, titleEn: string): Promise<string> {
  const list = await call(request, app, 'partnerships.list', {});
  const found = list.rows.find((p) => p.titleEn === titleEn);
  expect(found, `sample partnership ${titleEn}`).toBeTruthy();
  return found!.id;
}

const BURGAS = 'Shantou–Burgas project cooperation';

function taskRows(page: Page): Locator {
  return page.getByTestId('tasks-table').getByTestId('task-row');
}

function taskRow(page: Page, title: string): Locator {
  return taskRows(page).filter({ hasText: title });
}

/** How many tasks the list holds (its rows are virtualized: only those in view are in the page). */
async function expectTaskTotal(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('tasks-table')).toHaveAttribute('aria-rowcount', String(total + 1));
}

/** How many tasks a view of the contract holds now: the sample's follow-ups are overdue or due soon as the days pass. */
async function taskTotal(request: APIRequestContext, app: BrowserModeServer, input: Omit<OperationInput<'tasks.list'>, 'limit'>): Promise<number> {
  return (await call(request, app, 'tasks.list', { ...input, limit: 1 })).total;
}

test('completing overdue tasks by click and by key takes them out of Overdue; reopening brings one back', async ({ page, request, sampleApp }) => {
  // A long workflow (dialog, four tabs, a reload): give a busy machine room.
  test.setTimeout(120_000);
  const burgas = await partnershipId(request, sampleApp, BURGAS);
  // The sample's own follow-ups: some overdue, some open; Shantou–Burgas has done, open and overdue ones.
  const overdue = await taskTotal(request, sampleApp, { view: 'overdue' });
  const open = await taskTotal(request, sampleApp, { view: 'all' });
  const burgasOverdue = await taskTotal(request, sampleApp, { view: 'overdue', partnershipId: burgas });
  const burgasAll = await taskTotal(request, sampleApp, { view: 'all', partnershipId: burgas, includeClosed: true });
  expect(overdue).toBeGreaterThan(0);
  expect(burgasAll).toBeGreaterThan(burgasOverdue);
  await page.goto(`${sampleApp.url}#/tasks`);
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();

  // One task through the dialog (Ctrl+N), one through the contract over HTTP.
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Title is required')).toBeVisible();
  await dialog.getByLabel('Title').fill('Send the signed joint statement to Burgas');
  await dialog.getByLabel('Due date').fill(day(-5));
  await dialog.getByLabel('Assignee').fill('Li Wei');
  await dialog.getByRole('combobox', { name: 'Partnership' }).click();
  await page.getByRole('option', { name: BURGAS }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await call(request, sampleApp, 'tasks.create', {
    title: 'Book an interpreter for the Burgas visit',
    dueOn: day(-2),
    assignee: 'Wang Fang',
    partnershipId: burgas,
  });

  await page.getByRole('tab', { name: /Overdue/ }).click();
  await expectTaskTotal(page, overdue + 2);
  const statement = taskRow(page, 'Send the signed joint statement to Burgas');
  const interpreter = taskRow(page, 'Book an interpreter for the Burgas visit');
  await expect(statement.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(interpreter.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(statement).toContainText('Li Wei');
  await expect(statement.getByRole('link', { name: BURGAS })).toHaveAttribute('href', `#/partnerships/${burgas}`);

  // One click completes.
  await statement.getByRole('button', { name: 'Complete “Send the signed joint statement to Burgas”' }).click();
  await expectTaskTotal(page, overdue + 1);
  await expect(statement).toHaveCount(0);
  await expect(interpreter).toBeVisible();

  // The keyboard completes the other: focus its row, press X.
  await interpreter.focus();
  await expect(interpreter).toBeFocused();
  await page.keyboard.press('x');
  await expectTaskTotal(page, overdue);
  await expect(interpreter).toHaveCount(0);

  // Both are done: not in All, which lists open tasks; with done shown (on Shantou–Burgas) they are; reopening one puts it back in Overdue.
  await page.getByRole('tab', { name: 'All' }).click();
  await expectTaskTotal(page, open);
  await page.getByRole('switch', { name: 'Show done' }).check();
  await page.getByRole('search').getByLabel('Partnership').fill('Burgas');
  await page.getByRole('option', { name: BURGAS }).click();
  await expectTaskTotal(page, burgasAll + 2);
  await expect(taskRow(page, 'Send the signed joint statement to Burgas').getByRole('button', { name: /^Reopen/ })).toBeVisible();
  await taskRow(page, 'Book an interpreter for the Burgas visit').getByRole('button', { name: 'Reopen “Book an interpreter for the Burgas visit”' }).click();
  await expect(taskRow(page, 'Book an interpreter for the Burgas visit').getByRole('button', { name: /^Complete/ })).toBeVisible();

  await page.getByRole('tab', { name: /Overdue/ }).click();
  await expectTaskTotal(page, burgasOverdue + 1);
  await expect(taskRow(page, 'Book an interpreter for the Burgas visit').getByText('Overdue', { exact: true })).toBeVisible();
  await page.reload();
  await expect(taskRow(page, 'Book an interpreter for the Burgas visit').getByText('Overdue', { exact: true })).toBeVisible();
  await expect(statement).toHaveCount(0);
});

test('My tasks are the tasks assigned to the name set in Settings', async ({ page, request, sampleApp }) => {
  const open = await taskTotal(request, sampleApp, { view: 'all' });
  await call(request, sampleApp, 'tasks.create', { title: 'Draft the Burgas visit programme', dueOn: day(3), assignee: 'Li Wei' });
  await call(request, sampleApp, 'tasks.create', { title: 'Order gifts for the delegation', dueOn: day(4), assignee: 'Wang Fang' });
  await page.goto(`${sampleApp.url}#/tasks`);

  // No name yet: My tasks says why it is empty and leads to Settings.
  await expect(page.getByRole('tab', { name: /My tasks/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Your name is not set')).toBeVisible();
  await page.getByRole('link', { name: 'Set your name in Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);

  await page.getByLabel('Office name', { exact: true }).fill('汕头市外事办公室');
  await page.getByLabel('Office name in English').fill('Shantou Foreign Affairs Office');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Li Wei');
  await page.screenshot({ path: path.join(SHOTS, 'settings-office-en.png') });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Shantou Foreign Affairs Office');
  await expect(page.getByText('About this installation')).toBeVisible();

  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await expect(page.getByRole('tab', { name: /My tasks/ })).toHaveAttribute('aria-selected', 'true');
  await expect(taskRows(page)).toHaveCount(1);
  await expect(taskRow(page, 'Draft the Burgas visit programme')).toContainText('Li Wei');
  await expect(taskRow(page, 'Order gifts for the delegation')).toHaveCount(0);

  await page.getByRole('tab', { name: 'All' }).click();
  await expectTaskTotal(page, open + 2);
  // The assignee filter narrows any tab to one person.
  await page.getByRole('textbox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: 'Wang Fang' }).click();
  await expect(taskRows(page)).toHaveCount(1);
  await expect(taskRow(page, 'Order gifts for the delegation')).toBeVisible();

  await page.reload();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Li Wei');
});

test('the dashboard lists overdue tasks, coming milestones, recent meetings and quiet partnerships, each opening its record', async ({
  page,
  request,
  sampleApp,
}) => {
  const burgas = await partnershipId(request, sampleApp, BURGAS);
  const task = await call(request, sampleApp, 'tasks.create', { title: 'Reply to the Burgas mayor', dueOn: day(-4), partnershipId: burgas });
  await call(request, sampleApp, 'milestones.create', {
    partnershipId: burgas,
    title: 'Burgas delegation visits Shantou',
    date: day(20),
    kind: 'visit',
    status: 'planned',
  });
  const meeting = await call(request, sampleApp, 'meetings.create', {
    title: 'Video call with Burgas municipality',
    date: day(-3),
    format: 'video',
    kind: 'working_meeting',
    partnershipIds: [burgas],
  });

  const liaoyuan = await partnershipId(request, sampleApp, 'Shenzhen Smart Pole Association – Liaoyuan smart city strategic cooperation');
  await call(request, sampleApp, 'partnerships.update', { id: liaoyuan, reviewOn: day(60) });

  await page.goto(`${sampleApp.url}#/dashboard`);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dashboard-status').locator('[data-status="active"]')).toContainText('7');
  await expect(page.getByTestId('dashboard-overdue').getByRole('link', { name: /Reply to the Burgas mayor/ })).toBeVisible();
  await expect(page.getByTestId('dashboard-meetings').getByRole('link', { name: /Video call with Burgas municipality/ })).toHaveAttribute(
    'href',
    `#/meetings/${meeting.id}`,
  );
  const review = page.getByTestId('dashboard-renewals').getByRole('link', { name: /Liaoyuan smart city strategic cooperation/ });
  await expect(review).toContainText('Review due');
  await expect(review).toHaveAttribute('href', `#/partnerships/${liaoyuan}`);

  // The sample partnerships that have not met for 180 days: the China–Denmark pilots never have; Liaoyuan last met at the 2020 Expo.
  // Shantou–Burgas just met. (Which others are quiet moves with the date: the sample's own follow-ups were in late 2026.)
  const quiet = page.getByTestId('dashboard-quiet');
  const { totals } = await call(request, sampleApp, 'dashboard.get', { today: day() });
  expect(totals.quietPartnerships).toBeGreaterThanOrEqual(4);
  await expect(quiet.getByRole('link')).toHaveCount(totals.quietPartnerships);
  await expect(quiet.getByRole('link', { name: /China–Denmark/ })).toContainText('Never met');
  await expect(quiet.getByRole('link', { name: /Liaoyuan/ })).toContainText(/Last meeting 23 Sept? 2020/);
  await expect(quiet.getByRole('link', { name: /EU–China Smart City Cooperation pilot cities/ })).toBeVisible();
  await expect(quiet.getByRole('link', { name: /Shantou–Burgas/ })).toHaveCount(0);

  // The milestone opens its partnership.
  await page
    .getByTestId('dashboard-milestones')
    .getByRole('link', { name: /Burgas delegation visits Shantou/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/partnerships/${burgas}$`));

  // The overdue task opens the task itself.
  await page.goBack();
  await page
    .getByTestId('dashboard-overdue')
    .getByRole('link', { name: /Reply to the Burgas mayor/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/tasks/${task.id}$`));
  const edit = page.getByRole('dialog', { name: 'Edit task' });
  await expect(edit.getByLabel('Title')).toHaveValue('Reply to the Burgas mayor');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(page.getByRole('tab', { name: /Overdue/ })).toHaveAttribute('aria-selected', 'true');
  await expect(taskRow(page, 'Reply to the Burgas mayor')).toBeVisible();

  // The same dashboard in Chinese.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: '总览', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dashboard-quiet').getByRole('link', { name: /中丹/ })).toContainText('从未会见');
});

test('a deleted task offers Undo, and comes back from the Trash', async ({ page, request, sampleApp }) => {
  const open = await taskTotal(request, sampleApp, { view: 'all' });
  await call(request, sampleApp, 'tasks.create', { title: 'Draft the renewal letter', dueOn: day(10) });
  await page.goto(`${sampleApp.url}#/tasks`);
  await page.getByRole('tab', { name: 'All' }).click();
  await expectTaskTotal(page, open + 1);
  await expect(taskRow(page, 'Draft the renewal letter')).toBeVisible();

  await taskRow(page, 'Draft the renewal letter').getByRole('button', { name: 'Delete “Draft the renewal letter”' }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Deleted “Draft the renewal letter”' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectTaskTotal(page, open);
  await expect(taskRow(page, 'Draft the renewal letter')).toHaveCount(0);

  await page.getByRole('link', { name: 'Trash', exact: true }).click();
  const trash = page.getByTestId('trash-table');
  const row = trash.getByRole('row', { name: /Draft the renewal letter/ });
  await expect(row).toContainText('Task');
  await switchLanguage(page, '中文');
  await expect(row).toContainText('任务');
  await row.getByRole('button', { name: '恢复“Draft the renewal letter”' }).click();
  await expect(page.getByText('回收站是空的。')).toBeVisible();

  await page.getByRole('link', { name: '任务', exact: true }).click();
  await page.getByRole('tab', { name: '全部' }).click();
  await expect(taskRow(page, 'Draft the renewal letter')).toBeVisible();
});

test('screenshots: the dashboard and the tasks view in Chinese and English at 1280×800 and 1024×768', async ({ page, request, sampleApp }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const open = await taskTotal(request, sampleApp, { view: 'all' });
  const overdue = await taskTotal(request, sampleApp, { view: 'overdue' });
  const burgas = await partnershipId(request, sampleApp, BURGAS);
  const liaoyuan = await partnershipId(request, sampleApp, 'Shenzhen Smart Pole Association – Liaoyuan smart city strategic cooperation');
  await call(request, sampleApp, 'settings.update', { officeName: 'Shantou Foreign Affairs Office', userName: 'Li Wei' });
  await call(request, sampleApp, 'meetings.create', {
    title: 'Video call with Burgas municipality on the port project',
    date: day(-6),
    format: 'video',
    kind: 'working_meeting',
    partnershipIds: [burgas],
    followUps: [
      { title: 'Send the minutes of the video call to Burgas', dueOn: day(-3), assignee: 'Li Wei', priority: 'high' },
      { title: 'Prepare the port cooperation briefing', dueOn: day(1), assignee: 'Wang Fang' },
    ],
  });
  await call(request, sampleApp, 'tasks.create', {
    title: 'Confirm the Liaoyuan forum agenda',
    dueOn: day(-12),
    assignee: 'Wang Fang',
    partnershipId: liaoyuan,
  });
  await call(request, sampleApp, 'tasks.create', { title: '整理布尔加斯代表团来访接待方案', dueOn: day(9), assignee: 'Li Wei', partnershipId: burgas });
  await call(request, sampleApp, 'tasks.create', { title: 'Update the contact list of the EU pilot cities', assignee: 'Li Wei', priority: 'low' });
  await call(request, sampleApp, 'milestones.create', {
    partnershipId: burgas,
    title: 'Burgas delegation visits Shantou',
    date: day(20),
    kind: 'visit',
    status: 'planned',
  });
  await call(request, sampleApp, 'milestones.create', {
    partnershipId: liaoyuan,
    title: 'Liaoyuan smart pole pilot launch',
    date: day(45),
    kind: 'launch',
    status: 'planned',
  });

  for (const [language, label] of [
    ['zh', '中文'],
    ['en', 'English'],
  ] as const) {
    for (const [width, height] of [
      [1280, 800],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${sampleApp.url}#/dashboard`);
      await switchLanguage(page, label);
      await expect(page.getByTestId('dashboard-quiet').getByRole('link').first()).toBeVisible();
      await expect(page.getByTestId('dashboard-overdue').getByRole('link', { name: /Send the minutes/ })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(SHOTS, `dashboard-${language}-${width}.png`), fullPage: true });

      await page.getByRole('link', { name: language === 'zh' ? '任务' : 'Tasks', exact: true }).click();
      await page.getByRole('tab', { name: language === 'zh' ? '全部' : 'All' }).click();
      await expectTaskTotal(page, open + 5);
      // Overdue first (soonest due first), each with its badge: the sample's own overdue follow-ups and these two.
      await expect(page.getByTestId('overdue-badge')).toHaveCount(overdue + 2);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(SHOTS, `tasks-${language}-${width}.png`), fullPage: true });
    }
  }
});

test('a long task list: the total shown, only the rows in view in the page, later pages load on scrolling, the keys still work', async ({
  page,
  request,
  sampleApp,
}) => {
  test.setTimeout(120_000);
  // 450 tasks due one a day from 2100-01-01: after every sample task with a date, in their own order.
  const due = (i: number) => new Date(Date.UTC(2100, 0, 1 + i)).toISOString().slice(0, 10);
  for (let start = 0; start < 450; start += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, k) => start + k).map((i) =>
        call(request, sampleApp, 'tasks.create', { title: `Bulk task ${String(i).padStart(3, '0')}`, dueOn: due(i), assignee: 'Wang Fang' }),
      ),
    );
  }
  const { total } = await call(request, sampleApp, 'tasks.list', { view: 'all', limit: 1 });
  expect(total).toBeGreaterThanOrEqual(450);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${sampleApp.url}#/tasks`);
  await switchLanguage(page, 'English');
  await page.getByRole('tab', { name: 'All' }).click();
  const table = page.getByTestId('tasks-table');
  await expect(page.getByText(`${total} shown`)).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(taskRows(page).first()).toBeVisible();
  // virtualized: the rows in view (plus a few either side), not hundreds
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // Scroll to the end: the pages after the first load on the way; the header stays in view.
  const scroller = page.getByTestId('tasks-table-scroller');
  const last = taskRow(page, 'Bulk task 449');
  await scrollToEndUntilVisible(scroller, last);
  await expect(table.getByRole('columnheader', { name: 'Task' })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // The keys work on a row loaded by scrolling: up moves to the task before, X completes it and the focus stays in place.
  await last.focus();
  await page.keyboard.press('ArrowUp');
  const before = taskRow(page, 'Bulk task 448');
  await expect(before).toBeFocused();
  await page.keyboard.press('x');
  await expect(page.getByText(`${total - 1} shown`)).toBeVisible();
  await expect(before).toHaveCount(0);
  await expect(last).toBeFocused();

  // A filter starts over at its first page, with its own total.
  await page.getByRole('search').getByLabel('Assignee').fill('Wang');
  await page.getByRole('option', { name: 'Wang Fang' }).click();
  await expect(taskRow(page, 'Bulk task 000')).toBeVisible();
  const { total: wang } = await call(request, sampleApp, 'tasks.list', { view: 'all', assignee: 'Wang Fang', limit: 1 });
  await expect(page.getByText(`${wang} shown`)).toBeVisible();
});

/** Nothing is pushed past the right edge of the window. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // Runs in the page; the tests' tsconfig has no DOM types, so reach the document through globalThis.
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

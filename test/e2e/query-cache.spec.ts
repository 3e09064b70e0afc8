/**
 * The renderer's query cache: a write refreshes what is on screen in place, without a page reload and
 * without remounting the view (a mark put on a DOM node of the view before the write is still on the same
 * node after it), and the aggregates (the reminders bell, the dashboard) follow a change made elsewhere.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, callApi, localDay, switchLanguage } from './fixtures';

const BURGAS = 'Shantou–Burgas project cooperation';

const UI = {
  en: {
    language: 'English',
    newTask: 'New task',
    title: 'Title',
    save: 'Save',
    actions: 'Partnership actions',
    tasksTab: 'Tasks',
    task: 'Send the signed cooperation memo to Burgas',
    overdueTab: /^Overdue/,
    complete: (title: string) => `Complete “${title}”`,
    reminders: (n: number) => `Reminders: ${n}`,
    navTasks: 'Tasks',
    navDashboard: 'Dashboard',
    loadSample: 'Load sample data',
  },
  zh: {
    language: '中文',
    newTask: '新建任务',
    title: '标题',
    save: '保存',
    actions: '合作关系操作',
    tasksTab: '任务',
    task: '把签署的合作备忘录寄给布尔加斯',
    overdueTab: /^已逾期/,
    complete: (title: string) => `完成“${title}”`,
    reminders: (n: number) => `提醒：${n} 项`,
    navTasks: '任务',
    navDashboard: '总览',
    loadSample: '载入示例数据',
  },
} as const;

/** Mark a node of the view and the page itself: a remount loses the first, a reload the second. */
async function mark(node: Locator): Promise<void> {
  await node.evaluate((element) => {
    (element as HTMLElement & { ptMark?: string }).ptMark = 'kept';
    (window as Window & { ptMark?: string }).ptMark = 'kept';
  });
}

async function expectMarked(node: Locator): Promise<void> {
  expect(await node.evaluate((element) => (element as HTMLElement & { ptMark?: string }).ptMark), 'the view was not remounted').toBe('kept');
  expect(await node.evaluate(() => (window as Window & { ptMark?: string }).ptMark), 'the page was not reloaded').toBe('kept');
}

/** The count on the dashboard's overdue-tasks card. */
const overdueCount = (page: Page) => page.getByTestId('dashboard-overdue').locator('.mantine-Badge-root').first();

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: a task saved from the partnership page shows in its Tasks tab, the page not remounted`, async ({ page, request, sampleApp }) => {
    const burgas = (await callApi(request, sampleApp, 'partnerships.list', {})).rows.find((p) => p.titleEn === BURGAS)!;
    await page.goto(`${sampleApp.url}#/partnerships/${burgas.id}`);
    await switchLanguage(page, ui.language);
    const heading = page.locator('main').getByRole('heading', { level: 1 }).first();
    await expect(heading).toBeVisible();
    await page.getByRole('tab', { name: ui.tasksTab }).click();
    const tasks = page.getByTestId('partnership-tasks');
    await expect(tasks).toBeVisible();
    await expect(tasks).not.toContainText(ui.task);
    await mark(heading);

    await page.getByRole('group', { name: ui.actions }).getByRole('button', { name: ui.newTask }).click();
    const dialog = page.getByRole('dialog', { name: ui.newTask });
    await dialog.getByLabel(ui.title).fill(ui.task);
    await dialog.getByRole('button', { name: ui.save }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('tab', { name: ui.tasksTab })).toHaveAttribute('aria-selected', 'true');
    await expect(tasks).toContainText(ui.task);
    await expectMarked(heading);
  });

  test(`${lang}: a task completed in the Tasks view takes one off the bell at once and off the dashboard on the way back`, async ({
    page,
    request,
    sampleApp,
  }) => {
    const burgas = (await callApi(request, sampleApp, 'partnerships.list', {})).rows.find((p) => p.titleEn === BURGAS)!;
    const yesterday = localDay(-1);
    await callApi(request, sampleApp, 'tasks.create', { title: ui.task, dueOn: yesterday, partnershipId: burgas.id });
    const { totals } = await callApi(request, sampleApp, 'dashboard.get', { today: localDay() });
    const { count } = await callApi(request, sampleApp, 'reminders.list', { today: localDay() });

    await page.goto(`${sampleApp.url}#/dashboard`);
    await switchLanguage(page, ui.language);
    await expect(overdueCount(page)).toHaveText(String(totals.overdueTasks));
    const bell = page.getByRole('button', { name: ui.reminders(count) });
    await expect(bell).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: ui.navTasks, exact: true }).click();
    const tasksHeading = page.locator('main').getByRole('heading', { level: 1, name: ui.navTasks });
    await expect(tasksHeading).toBeVisible();
    await page.getByRole('tab', { name: ui.overdueTab }).click();
    const row = page.getByTestId('tasks-table').getByTestId('task-row').filter({ hasText: ui.task });
    await mark(tasksHeading);
    await row.getByRole('button', { name: ui.complete(ui.task) }).click();
    await expect(row).toHaveCount(0);
    // The bell in the header, on screen all along, counts one fewer without a change of screen.
    await expect(page.getByRole('button', { name: ui.reminders(count - 1) })).toBeVisible();
    await expectMarked(tasksHeading);

    await page.getByRole('navigation').getByRole('link', { name: ui.navDashboard, exact: true }).click();
    await expect(overdueCount(page)).toHaveText(String(totals.overdueTasks - 1));
    expect(await page.evaluate(() => (window as Window & { ptMark?: string }).ptMark), 'the page was not reloaded').toBe('kept');
  });

  test(`${lang}: loading the sample at the first start fills the dashboard under the dialog without remounting it`, async ({ page, request, emptyApp }) => {
    await page.addInitScript((language) => localStorage.setItem('pt.language', language), lang);
    await page.goto(`${emptyApp.url}#/dashboard`);
    const heading = page.locator('main').getByRole('heading', { level: 1 }).first();
    await expect(heading).toBeVisible();
    const active = page.getByTestId('dashboard-status').locator('[data-status="active"]');
    await expect(active).toContainText('0');
    await mark(heading);
    await page.getByRole('button', { name: ui.loadSample }).click();
    await expect(page.getByRole('button', { name: ui.loadSample })).toBeHidden();
    const { byStatus } = await callApi(request, emptyApp, 'dashboard.get', { today: localDay() });
    expect(byStatus.active).toBeGreaterThan(0);
    await expect(active).toContainText(String(byStatus.active));
    await expectMarked(heading);
  });
}

test('the meeting log, opened once the dashboard is in, draws its rows at once, from the read made at rest', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  await expect(page.getByTestId('dashboard-overdue')).toBeVisible();
  // The log's first page was read while the app was at rest: wait for that read, then hold every later one back.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/meetings.list')))).toBe(true);
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/meetings.list', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Meetings' }).click();
  // Rows while the new read is still held: from what was read at rest.
  const rows = page.getByTestId('meetings-table').locator('[role="row"][data-index]:not([data-placeholder])');
  await expect(rows.first()).toBeVisible({ timeout: 5_000 });
  await expect(page.getByTestId('meetings-count')).toContainText('meetings');
  release();
  await expect(page.getByTestId('meetings-table')).toHaveAttribute('aria-busy', 'false');
});

test('the first screen’s reads start with the app, under the very keys its views read: one call each', async ({ page, sampleApp }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.replace(/^\/api\//, '');
    if (request.url().includes('/api/')) asked.push(name);
  });
  await page.goto(`${sampleApp.url}#/dashboard`);
  await expect(page.getByTestId('dashboard-overdue')).toBeVisible();
  await page.waitForLoadState('networkidle');
  for (const name of ['app.info', 'dashboard.get', 'reminders.list'])
    expect(
      asked.filter((n) => n === name),
      name,
    ).toHaveLength(1);
  // The log's first page, read at rest, once too.
  expect(asked.filter((n) => n === 'meetings.list')).toHaveLength(1);
});

/**
 * The portfolio timeline and the reminders bell, on the sample data, in English and Chinese:
 * one row per partnership, zoom from years to months, a milestone opens its partnership and a
 * meeting its record; the bell counts the reminders and its list opens a task.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi, localDay, scrollToEndUntilVisible, type BrowserModeServer } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const HIDE_TOASTS = '.mantine-Notifications-root { display: none !important; }';
const BURGAS = 'Shantou–Burgas project cooperation';
const BURGAS_ZH = '汕头—布尔加斯项目合作';

/**
 * A long overdue task (due before any of the sample's own overdue follow-ups, so the bell lists it first), a meeting,
 * and a review due in two months, on the Shantou–Burgas partnership.
 */
async function seed(request: APIRequestContext, app: BrowserModeServer): Promise<{ count: number; burgasId: string }> {
  const list = await callApi(request, app, 'partnerships.list', {});
  const burgasId = list.rows.find((p) => p.titleEn === BURGAS)!.id;
  const before = await callApi(request, app, 'reminders.list', { today: localDay() });
  await callApi(request, app, 'tasks.create', {
    title: 'Send the signed statement to Burgas',
    dueOn: '2020-01-15',
    assignee: 'Li Wei',
    partnershipId: burgasId,
  });
  await callApi(request, app, 'meetings.create', {
    title: 'Video call with the Burgas port authority',
    date: '2019-04-10',
    format: 'video',
    kind: 'working_meeting',
    partnershipIds: [burgasId],
  });
  await callApi(request, app, 'partnerships.update', { id: burgasId, reviewOn: localDay(60) });
  const reminders = await callApi(request, app, 'reminders.list', { today: localDay() });
  expect(reminders.totals.tasksDue).toBe(before.totals.tasksDue + 1);
  expect(reminders.tasksDue[0]!.title).toBe('Send the signed statement to Burgas');
  // Shantou–Burgas is the only sample partnership with a review date.
  expect(reminders.totals.renewals).toBe(1);
  return { count: reminders.count, burgasId };
}

function chart(page: Page) {
  return page.getByTestId('timeline-chart');
}

test('the portfolio timeline: a row per partnership, zoom to months, a milestone opens its partnership, a meeting its record', async ({
  page,
  request,
  sampleApp,
}) => {
  test.slow();
  mkdirSync(SHOTS, { recursive: true });
  await seed(request, sampleApp);
  await page.goto(`${sampleApp.url}#/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline chart of all partnerships' })).toBeVisible();
  await expect(chart(page).getByTestId('timeline-row')).toHaveCount(8);
  await expect(page.getByTestId('timeline-count')).toHaveText('8 partnerships');
  // Ordered by first milestone: the EU–China pilot (2011) leads, the Shenzhen agreements (2020) close.
  await expect(chart(page).getByTestId('timeline-row').first()).toContainText('EU–China Smart City Cooperation pilot cities');
  // The articles' 14 milestones and the office's one planned review; a meeting on the row of each partnership it
  // concerns: the sample's 9 meetings on 13 rows (the Expo signing on three), and the one seeded here.
  await expect(chart(page).getByTestId('timeline-milestone')).toHaveCount(15);
  await expect(chart(page).getByTestId('timeline-meeting')).toHaveCount(14);
  // A year-precision milestone is drawn as a bar over the year, and says so.
  const yearOnly = chart(page).getByRole('link', {
    name: /^Milestone: .*· 2011 \(date known to the year\) · Done · EU–China Smart City Cooperation pilot cities$/,
  });
  await expect(yearOnly).toBeVisible();
  const box = (await yearOnly.boundingBox())!;
  expect(box.width).toBeGreaterThan(20);

  const axis = chart(page).getByTestId('timeline-axis');
  await expect(axis).toHaveAttribute('data-zoom', 'years');
  await expect(axis).toContainText('2016');
  await expect(axis.getByTestId('timeline-month')).toHaveCount(0);
  await page.addStyleTag({ content: HIDE_TOASTS });
  await page.screenshot({ path: path.join(SHOTS, 'timeline-en.png') });

  // Zoom to months: every month gets a label; the + and − buttons and back to years.
  await chart(page).getByRole('radiogroup', { name: 'Zoom' }).locator('label', { hasText: 'Months' }).click();
  await expect(axis).toHaveAttribute('data-zoom', 'months');
  await expect(axis.getByTestId('timeline-month').first()).toHaveText('Jan');
  const months = await axis.getByTestId('timeline-month').count();
  expect(months).toBeGreaterThanOrEqual(12 * 10);
  await page.screenshot({ path: path.join(SHOTS, 'timeline-months-en.png') });
  const wide = (await axis.boundingBox())!.width;
  await chart(page).getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await axis.boundingBox())!.width).toBeGreaterThan(wide * 1.4);
  // Each step is ×1.5: out three times from there is below a readable month, and the axis shows years again.
  for (let i = 0; i < 3; i += 1) await chart(page).getByRole('button', { name: 'Zoom out' }).click();
  await expect(axis).toHaveAttribute('data-zoom', 'years');

  // The keyboard reaches a marker; Enter opens the milestone's partnership.
  const milestone = chart(page).getByRole('link', { name: new RegExp(`^Milestone: .*· 31 May 2017 · Done · ${BURGAS}$`) });
  await milestone.focus();
  await expect(milestone).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: BURGAS })).toBeVisible();
  // The partnership page draws the same timeline for its one partnership, above the list.
  await expect(chart(page).getByTestId('timeline-milestone')).toHaveCount(2);
  // Its two milestones, the sample's three meetings (2017 trip and signing, 2026 call) and the one seeded here.
  await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveCount(6);
  await chart(page).scrollIntoViewIfNeeded();
  await expect(chart(page).getByTestId('timeline-milestone').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'partnership-timeline-en.png') });

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await chart(page)
    .getByRole('link', { name: /^Meeting: Video call with the Burgas port authority/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Video call with the Burgas port authority' })).toBeVisible();

  // Filtered by status: the one negotiating partnership.
  await page.goto(`${sampleApp.url}#/timeline`);
  await page.getByRole('textbox', { name: 'Partnership status' }).click();
  await page.getByRole('option', { name: 'Negotiating' }).click();
  await expect(chart(page).getByTestId('timeline-row')).toHaveCount(1);
  await expect(chart(page).getByTestId('timeline-row')).toContainText('China–Denmark green smart city pilots');
});

test('the portfolio timeline reaches every partnership by scrolling: rows drawn while in view, read a page at a time', async ({ page, request, sampleApp }) => {
  test.slow();
  // 100 more partnerships without a milestone: after the sample's eight, in title order, over three pages.
  const cities = (await callApi(request, sampleApp, 'organizations.list', {})).rows.slice(0, 2);
  for (let i = 1; i <= 100; i += 1) {
    await callApi(request, sampleApp, 'partnerships.create', {
      title: `Zz test partnership ${String(i).padStart(3, '0')}`,
      kind: 'sister_city',
      status: 'prospect',
      parties: cities.map((c) => ({ organizationId: c.id })),
    });
  }
  await page.goto(`${sampleApp.url}#/timeline`);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByTestId('timeline-count')).toHaveText('108 partnerships');
  const rows = chart(page).getByTestId('timeline-row');
  await expect(rows.first()).toContainText('EU–China Smart City Cooperation pilot cities');
  // Only the rows in view and a few beyond are drawn, and no alert says any are left out.
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Scrolled to the end: the last partnership is drawn, read with its page.
  const last = chart(page).getByRole('link', { name: /^Zz test partnership 100/ });
  await scrollToEndUntilVisible(page.getByTestId('timeline-scroller'), last);
  await expect(chart(page).getByTestId('timeline-row').filter({ hasText: 'Zz test partnership 099' })).toBeVisible();
  await expect(chart(page).getByText('EU–China Smart City Cooperation pilot cities')).toHaveCount(0);
  // The axis stays the whole portfolio's.
  await expect(chart(page).getByTestId('timeline-axis')).toContainText('2016');
  // The row holding the focus stays drawn when scrolled away from, so the focus stays on it; Enter opens it.
  await last.focus();
  await page.getByTestId('timeline-scroller').evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(rows.first()).toContainText('EU–China Smart City Cooperation pilot cities');
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Zz test partnership 100' })).toBeVisible();
});

test('the reminders bell counts what is due and its list opens a task, in English and Chinese', async ({ page, request, sampleApp }) => {
  test.slow();
  mkdirSync(SHOTS, { recursive: true });
  const { count } = await seed(request, sampleApp);
  await page.goto(`${sampleApp.url}#/dashboard`);
  const bell = page.getByRole('button', { name: `Reminders: ${count}` });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('reminders-badge')).toContainText(String(count));

  await bell.click();
  const list = page.getByRole('dialog', { name: 'Reminders' });
  await expect(list).toBeVisible();
  await expect(list.getByTestId('reminders-tasks')).toContainText('Send the signed statement to Burgas');
  await expect(list.getByTestId('reminders-renewals')).toContainText(BURGAS);
  await expect(list.getByTestId('reminders-renewals')).toContainText('Review due');
  await expect(list.getByTestId('reminders-quiet')).toContainText('Never met');
  await page.addStyleTag({ content: HIDE_TOASTS });
  await page.waitForTimeout(400); // the popover's fade-in
  await page.screenshot({ path: path.join(SHOTS, 'reminders-en.png') });

  await list.getByRole('link', { name: /Send the signed statement to Burgas/ }).click();
  await expect(list).toBeHidden();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Send the signed statement to Burgas');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Completing the task takes one off the count when the screen changes.
  const task = (await callApi(request, sampleApp, 'reminders.list', { today: localDay() })).tasksDue[0]!;
  await callApi(request, sampleApp, 'tasks.complete', { id: task.id });
  await page.goto(`${sampleApp.url}#/partnerships`);
  await expect(page.getByRole('button', { name: `Reminders: ${count - 1}` })).toBeVisible();

  // Settings: the daily desktop notification and its hour, saved as they change.
  await page.goto(`${sampleApp.url}#/settings`);
  const daily = page.getByRole('switch', { name: 'Daily desktop notification' });
  await expect(daily).toBeChecked();
  await page.getByRole('textbox', { name: 'From' }).click();
  await page.getByRole('option', { name: '17:00' }).click();
  await expect.poll(async () => (await callApi(request, sampleApp, 'settings.get', {})).reminderHour).toBe(17);
  await daily.click();
  await expect(daily).not.toBeChecked();
  await expect.poll(async () => (await callApi(request, sampleApp, 'settings.get', {})).dailyReminder).toBe(false);
  await expect(page.getByRole('textbox', { name: 'From' })).toBeDisabled();
  await page.getByRole('region', { name: 'Reminders' }).scrollIntoViewIfNeeded();
  await page.addStyleTag({ content: HIDE_TOASTS });
  await page.screenshot({ path: path.join(SHOTS, 'settings-reminders-en.png') });

  // 中文
  await callApi(request, sampleApp, 'tasks.reopen', { id: task.id });
  await switchLanguage(page, '中文');
  await page.goto(`${sampleApp.url}#/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: '时间线' })).toBeVisible();
  await expect(page.getByTestId('timeline-count')).toHaveText('8 个合作关系');
  const axis = chart(page).getByTestId('timeline-axis');
  // Years in digits while the zoom leaves no room for 2016年; the locale's own form when zoomed in.
  await expect(axis).toContainText('2016');
  await expect(chart(page).getByTestId('timeline-row').filter({ hasText: BURGAS_ZH })).toHaveCount(1);
  await expect(chart(page).getByRole('link', { name: new RegExp(`^里程碑：.*· 2017年5月31日 · 已完成 · ${BURGAS_ZH}$`) })).toBeVisible();
  await page.addStyleTag({ content: HIDE_TOASTS });
  await page.screenshot({ path: path.join(SHOTS, 'timeline-zh.png') });
  await chart(page).getByRole('radiogroup', { name: '缩放' }).locator('label', { hasText: /^月$/ }).click();
  await expect(axis).toHaveAttribute('data-zoom', 'months');
  await expect(axis.getByTestId('timeline-month').first()).toHaveText('1月');
  await expect(axis).toContainText('2016年');
  await page.screenshot({ path: path.join(SHOTS, 'timeline-months-zh.png') });

  const zhBell = page.getByRole('button', { name: `提醒：${count} 项` });
  await zhBell.click();
  const zhList = page.getByRole('dialog', { name: '提醒' });
  await expect(zhList.getByTestId('reminders-tasks')).toContainText('今天到期或已逾期的任务');
  await expect(zhList.getByTestId('reminders-renewals')).toContainText(BURGAS_ZH);
  await expect(zhList.getByTestId('reminders-quiet')).toContainText('从未会见');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, 'reminders-zh.png') });
  await zhList.getByRole('link', { name: /Send the signed statement to Burgas/ }).click();
  await expect(page.getByRole('dialog', { name: '编辑任务' })).toBeVisible();
});

test('the bell and the dashboard agree: the same renewals and quiet partnerships, and one begun this month is not quiet', async ({
  page,
  request,
  sampleApp,
}) => {
  await seed(request, sampleApp);
  // A review 200 days away: beyond the window both use. A partnership begun ten days ago that has not met yet.
  const { rows } = await callApi(request, sampleApp, 'partnerships.list', {});
  const later = rows.find((p) => p.titleEn !== BURGAS && p.status === 'active')!;
  await callApi(request, sampleApp, 'partnerships.update', { id: later.id, reviewOn: localDay(200) });
  const orgs = (await callApi(request, sampleApp, 'organizations.list', {})).rows;
  await callApi(request, sampleApp, 'partnerships.create', {
    title: 'Shantou–Varna port cooperation',
    kind: 'project_cooperation',
    status: 'active',
    termStart: localDay(-10),
    parties: [{ organizationId: orgs[0]!.id }, { organizationId: orgs[1]!.id }],
  });

  await page.goto(`${sampleApp.url}#/dashboard`);
  const card = (name: string) => page.getByTestId(`dashboard-${name}`).getByRole('link');
  await expect(card('renewals')).toHaveCount(1);
  const dashboardRenewals = await card('renewals').allInnerTexts();
  const dashboardQuiet = await card('quiet').allInnerTexts();
  expect(dashboardQuiet.length).toBeGreaterThan(0);

  // The same totals (the bell lists the first few of each; the dashboard more), and the bell's items are the dashboard's first ones.
  const dashboard = await callApi(request, sampleApp, 'dashboard.get', { today: localDay() });
  const reminders = await callApi(request, sampleApp, 'reminders.list', { today: localDay() });
  expect(reminders.totals.renewals).toBe(dashboard.renewals.length);
  expect(reminders.totals.quiet).toBe(dashboard.totals.quietPartnerships);
  await page.getByRole('button', { name: /^Reminders: \d+$/ }).click();
  const list = page.getByRole('dialog', { name: 'Reminders' });
  const group = (name: string) => list.getByTestId(`reminders-${name}`).getByRole('link', { name: /^(?!.*(more|全部|dashboard|总览))/i });
  const firstLine = (texts: string[]) => texts.map((text) => text.split('\n')[0]);
  // The popover's items are drawn once it is open: wait for them before reading them.
  await expect(group('renewals').first()).toBeVisible();
  await expect(group('quiet').first()).toBeVisible();
  const bellRenewals = firstLine(await group('renewals').allInnerTexts());
  const bellQuiet = firstLine(await group('quiet').allInnerTexts());
  expect(bellRenewals.length).toBeGreaterThan(0);
  expect(bellQuiet.length).toBeGreaterThan(0);
  expect(bellRenewals).toEqual(firstLine(dashboardRenewals).slice(0, bellRenewals.length));
  expect(bellQuiet).toEqual(firstLine(dashboardQuiet).slice(0, bellQuiet.length));
  // Neither counts the review 200 days away, nor calls the ten-day-old partnership quiet.
  for (const texts of [dashboardRenewals, dashboardQuiet]) expect(texts.join('\n')).not.toContain('Shantou–Varna');
  expect(dashboardRenewals.join('\n')).not.toContain(later.titleEn ?? later.title);
});

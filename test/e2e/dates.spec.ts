import { test, expect, switchLanguage, callApi } from './fixtures';

/**
 * Dates and times follow the app's language, not the browser's. The browser here says en-US, whose own
 * date and time inputs show 05/01/2024 and 2:30 PM; the Chinese UI must show 2024-05-01 and 14:30, read
 * dates typed as offices write them (2024年5月1日, 2024/5/1), and draw its calendar in Chinese.
 */
test.use({ locale: 'en-US' });

const BURGAS = 'Shantou–Burgas project cooperation';

async function burgasId(request: Parameters<typeof callApi>[0], app: Parameters<typeof callApi>[1]): Promise<string> {
  const list = await callApi(request, app, 'partnerships.list', {});
  const burgas = list.rows.find((p) => p.titleEn === BURGAS);
  expect(burgas, BURGAS).toBeTruthy();
  return burgas!.id;
}

test('in Chinese, a due date typed as 2024年5月1日 is saved as 2024-05-01; the calendar picks a day in Chinese', async ({ page, request, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/tasks`);
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: '任务', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '新建任务' }).click();
  const dialog = page.getByRole('dialog', { name: '新建任务' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('标题').fill('把联合声明寄给布尔加斯');

  const due = dialog.getByLabel('截止日期');
  // A click opens the calendar; what is typed while it is open takes it to that month. All in Chinese.
  await due.click();
  await due.fill('2024年5月1日');
  await expect(page.getByRole('button', { name: '2024年5月', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '一', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '日', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '2024年5月1日', exact: true })).toHaveAttribute('data-selected', 'true');
  // Esc closes the calendar, not the dialog.
  await due.press('Escape');
  await expect(page.getByRole('button', { name: '2024年5月', exact: true })).toBeHidden();
  await expect(dialog).toBeVisible();
  await due.press('Tab');
  // Shown back as the contract keeps it, never as 05/01/2024.
  await expect(due).toHaveValue('2024-05-01');

  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  /** The due dates of the tasks with this title, as the contract keeps them. */
  const dueDates = (title: string) => async () =>
    (await callApi(request, sampleApp, 'tasks.list', { view: 'all', query: title })).rows.filter((task) => task.title === title).map((task) => task.dueOn);
  await expect.poll(dueDates('把联合声明寄给布尔加斯')).toEqual(['2024-05-01']);

  // 2024/5/1 is read too, and Enter right after typing it saves it.
  await page.getByRole('button', { name: '新建任务' }).click();
  await dialog.getByLabel('标题').fill('预订布尔加斯之行的翻译');
  await due.fill('2024/5/1');
  await due.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(dueDates('预订布尔加斯之行的翻译')).toEqual(['2024-05-01']);

  // A day clicked in the calendar, on the month of what was typed (2024.6.3), replaces the date.
  await page.getByRole('button', { name: '新建任务' }).click();
  await dialog.getByLabel('标题').fill('寄送港口研究报告');
  await due.click();
  await due.fill('2024.6.3');
  await expect(page.getByRole('button', { name: '2024年6月', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '2024年6月18日', exact: true }).click();
  await expect(page.getByRole('button', { name: '2024年6月', exact: true })).toBeHidden();
  await expect(due).toHaveValue('2024-06-18');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(dueDates('寄送港口研究报告')).toEqual(['2024-06-18']);
});

test('in Chinese, a meeting at 14:30 shows 14:30 in its form, and times typed in other ways are kept as 24-hour', async ({ page, request, sampleApp }) => {
  const burgas = await burgasId(request, sampleApp);
  const meeting = await callApi(request, sampleApp, 'meetings.create', {
    title: 'Burgas port working meeting',
    date: '2024-05-01',
    time: '14:30',
    format: 'in_person',
    kind: 'working_meeting',
    partnershipIds: [burgas],
  });
  await page.goto(`${sampleApp.url}#/meetings/${meeting.id}`);
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: 'Burgas port working meeting', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { name: '编辑会见', level: 1 })).toBeVisible();

  const date = page.getByRole('textbox', { name: /^日期/ });
  const time = page.getByRole('textbox', { name: /^时间/ });
  await expect(date).toHaveValue('2024-05-01');
  // What the field shows is its text: the browser's own time input would draw "02:30 PM" in an en-US browser.
  await expect(time).toHaveValue('14:30');
  await expect(time).not.toHaveAttribute('type', 'time');
  await expect(page.locator('main')).not.toContainText(/PM|AM|下午|上午/);

  // An afternoon time typed on the 12-hour clock is kept on the 24-hour one; the date typed the Chinese way.
  await time.fill('下午3:05');
  await time.press('Tab');
  await expect(time).toHaveValue('15:05');
  await date.fill('2024年5月2日');
  await date.press('Tab');
  await expect(date).toHaveValue('2024-05-02');
  await page.getByRole('button', { name: '保存会见' }).click();
  await expect(page.getByRole('heading', { name: '编辑会见', level: 1 })).toBeHidden();
  await expect(page.getByRole('main')).toContainText('15:05');
  const saved = await callApi(request, sampleApp, 'meetings.get', { id: meeting.id });
  expect({ date: saved.date, time: saved.time }).toEqual({ date: '2024-05-02', time: '15:05' });

  // Not a time: the form says so on save, and what was typed stays.
  await page.getByRole('button', { name: '编辑' }).click();
  await time.fill('25:00');
  await time.press('Tab');
  await page.getByRole('button', { name: '保存会见' }).click();
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toHaveValue('25:00');
});

test('the calendar dropdown speaks the app language: Chinese in zh, English in en', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/meetings`);
  await switchLanguage(page, '中文');
  const from = page.getByRole('textbox', { name: '起始日期' });
  await from.click();
  await from.fill('2024-05-01');
  await expect(page.getByRole('button', { name: '2024年5月', exact: true })).toBeVisible();
  for (const weekday of ['一', '二', '三', '四', '五', '六', '日']) await expect(page.getByRole('columnheader', { name: weekday, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '下个月' })).toBeVisible();
  await page.getByRole('button', { name: '下个月' }).click();
  await expect(page.getByRole('button', { name: '2024年6月', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '2024年6月', exact: true }).click();
  await expect(page.getByRole('button', { name: '2024年', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '5月', exact: true })).toBeVisible();
  await from.press('Escape');

  await switchLanguage(page, 'English');
  const fromEn = page.getByRole('textbox', { name: 'From' });
  await expect(fromEn).toHaveValue('2024-05-01');
  await fromEn.click();
  await expect(page.getByRole('button', { name: 'May 2024', exact: true })).toBeVisible();
  for (const weekday of ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']) await expect(page.getByRole('columnheader', { name: weekday, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '1 May 2024', exact: true })).toHaveAttribute('data-selected', 'true');
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByRole('button', { name: 'June 2024', exact: true })).toBeVisible();
  await expect(page.getByText('2024年')).toHaveCount(0);
});

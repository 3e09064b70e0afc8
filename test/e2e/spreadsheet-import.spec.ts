import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi as call } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');

/** The sheet an office keeps: a title row, Chinese headers, a blank row, a duplicate, dates typed three ways. */
const CSV = [
  '汕头市外事局友城联络表,,,,,',
  ',,,,,',
  '序号,会见日期,城市,事由,地点,会谈内容',
  '1,2024-05-01,Shantou,汕头代表团来访,深圳,双方回顾合作进展',
  ',,,,,',
  '2,2024/5/12,布尔加斯,港口合作工作会,布尔加斯,商定港口物流试点',
  '3,2024年6月3日,Springfield,视频会商,,确定互访日程',
  '4,2024-05-01,Shantou,汕头代表团来访,深圳,双方回顾合作进展',
].join('\r\n');

async function chooseOption(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a messy CSV of meetings through the import screen: fix a column, choose a city, import, see the meetings', async ({ page, request, emptyApp }) => {
  test.slow();
  await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
  const org = (displayName: string, extra: Record<string, unknown> = {}) => call(request, emptyApp, 'organizations.create', { displayName, ...extra });
  const shantou = await org('汕头', { nameEn: 'Shantou', country: 'CN' });
  const shenzhen = await org('深圳', { nameEn: 'Shenzhen', country: 'CN' });
  const burgas = await org('布尔加斯', { nameEn: 'Burgas', country: 'BG' });
  const il = await org('Springfield, Illinois', { aliases: ['Springfield'], country: 'US' });
  const ma = await org('Springfield, Massachusetts', { aliases: ['Springfield'], country: 'US' });
  const link = (title: string, a: string, b: string) =>
    call(request, emptyApp, 'partnerships.create', { title, kind: 'sister_city', status: 'active', parties: [{ organizationId: a }, { organizationId: b }] });
  await link('深圳—汕头对口合作', shenzhen.id, shantou.id);
  await link('深圳—布尔加斯友好城市', shenzhen.id, burgas.id);
  const ilLink = await link('深圳—斯普林菲尔德（伊利诺伊）', shenzhen.id, il.id);
  await link('深圳—斯普林菲尔德（马萨诸塞）', shenzhen.id, ma.id);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${emptyApp.url}#/import`);
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: '从表格导入', level: 1 })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: '友城联络表.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });

  await expect(page.getByText('表头在第 3 行；已跳过 1 个空行。')).toBeVisible();
  const rows = page.getByTestId('import-rows');
  await expect(rows.locator('tr[data-row="4"]')).toHaveAttribute('data-status', 'ok');
  await expect(rows.locator('tr[data-row="4"]')).toContainText('城市 → 汕头');
  await expect(rows.locator('tr[data-row="7"]')).toHaveAttribute('data-status', 'choice');
  await expect(rows.locator('tr[data-row="8"]')).toContainText('与第 4 行重复，将跳过');
  await expect(page.getByRole('button', { name: /导入 2 条记录/ })).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, 'import-mapping-zh.png'), animations: 'disabled', fullPage: true });

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Import from a spreadsheet', level: 1 })).toBeVisible();
  // the last column was not recognised: save it as the meeting summary
  await expect(page.getByRole('textbox', { name: 'Saved as: 会谈内容' })).toHaveValue('(ignore this column)');
  await chooseOption(page, 'Saved as: 会谈内容', 'Summary');
  await expect(page.getByRole('textbox', { name: 'Saved as: 会谈内容' })).toHaveValue('Summary');
  await chooseOption(page, 'Which "Springfield"?', 'Springfield, Illinois');
  await expect(rows.locator('tr[data-row="7"]')).toHaveAttribute('data-status', 'ok');
  await expect(rows.locator('tr[data-row="7"]')).toContainText('Partnership → 深圳—斯普林菲尔德（伊利诺伊）');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'import-mapping-en.png'), animations: 'disabled', fullPage: true });

  await page.getByRole('button', { name: 'Import 3 records' }).click();
  await expect(page.getByText('3 records imported; duplicates skipped: 1.')).toBeVisible();
  const meetings = await call(request, emptyApp, 'meetings.list', {});
  expect(meetings.rows.map((m) => [m.date, m.title]).sort()).toEqual([
    ['2024-05-01', '汕头代表团来访'],
    ['2024-05-12', '港口合作工作会'],
    ['2024-06-03', '视频会商'],
  ]);
  const video = await call(request, emptyApp, 'meetings.get', { id: meetings.rows.find((m) => m.title === '视频会商')!.id });
  expect(video.partnerships.map((p) => p.id)).toEqual([ilLink.id]);
  expect(video.summary).toBe('确定互访日程');

  await page.goto(`${emptyApp.url}#/meetings`);
  await expect(page.getByText('港口合作工作会')).toBeVisible();
});

test('the Contacts and Tasks lists export to CSV and Excel', async ({ page, request, emptyApp }) => {
  await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
  await call(request, emptyApp, 'contacts.create', { name: '张伟', title: '处长', email: 'zw@example.org' });
  await call(request, emptyApp, 'tasks.create', { title: 'Send the MoU draft', assignee: 'Wang Fang', dueOn: '2030-01-01' });
  await page.goto(`${emptyApp.url}#/contacts`);
  await switchLanguage(page, '中文');
  await page.getByRole('button', { name: '导出' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^联系人-.*\.csv$/);
  const text = (await readFile(await csv.path())).toString('utf8');
  expect(text).toContain('姓名,职务,单位,邮箱,电话');
  expect(text).toContain('张伟,处长,,zw@example.org,');

  await switchLanguage(page, 'English');
  await page.goto(`${emptyApp.url}#/tasks`);
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^tasks-.*\.xlsx$/);
  const bytes = await readFile(await xlsx.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

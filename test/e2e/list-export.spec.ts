/**
 * Export on the Partnerships, Organizations and Meetings lists: the list as it is filtered now, saved as a
 * CSV download with headers in the UI language (the Tasks and Contacts lists are in spreadsheet-import.spec.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi } from './fixtures';

/** Export ▾ → CSV, as a person does, and the downloaded file's name and text (BOM removed). */
async function exportCsv(page: Page, button: string): Promise<{ fileName: string; lines: string[] }> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV' }).click()]);
  const text = (await readFile(await download.path())).toString('utf8');
  expect(text.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8').toBe(true);
  return { fileName: download.suggestedFilename(), lines: text.slice(1).split('\r\n') };
}

test('the Partnerships, Organizations and Meetings lists export what they show to CSV, in the UI language', async ({ page, request, sampleApp }) => {
  const { total: sampleMeetings } = await callApi(request, sampleApp, 'meetings.list', { limit: 1 });
  expect(sampleMeetings).toBe(9);
  const { rows } = await callApi(request, sampleApp, 'partnerships.list', { query: 'Burgas' });
  const burgas = rows.find((p) => p.titleEn === 'Shantou–Burgas project cooperation')!;
  const liaoyuan = (await callApi(request, sampleApp, 'partnerships.list', { query: 'Liaoyuan' })).rows[0]!;
  await callApi(request, sampleApp, 'meetings.create', {
    title: 'Video call with Burgas municipality',
    date: '2024-05-12',
    format: 'video',
    kind: 'working_meeting',
    location: 'Shantou',
    outcomes: 'Port logistics pilot agreed',
    partnershipIds: [burgas.id],
  });
  await callApi(request, sampleApp, 'meetings.create', {
    title: 'Smart pole forum',
    date: '2024-06-03',
    format: 'in_person',
    kind: 'forum',
    partnershipIds: [liaoyuan.id],
  });

  // Partnerships, filtered by a search: only what the list shows
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await page.getByRole('textbox', { name: 'Filter by title' }).fill('Burgas');
  await expect(page.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 1);
  const partnerships = await exportCsv(page, 'Export');
  expect(partnerships.fileName).toMatch(/^partnerships-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(partnerships.lines[0]).toBe('Title,Parties,Kind,Status,Since,Owner');
  expect(partnerships.lines).toHaveLength(2);
  expect(partnerships.lines[1]).toMatch(/^Shantou–Burgas project cooperation,.*Burgas.*,project_cooperation,active,2017-05-31,/);
  // cleared, the whole list
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);
  expect((await exportCsv(page, 'Export')).lines).toHaveLength(1 + 8);

  // Organizations in Chinese, filtered by a Chinese name
  await switchLanguage(page, '中文');
  await page.goto(`${sampleApp.url}#/organizations`);
  await page.getByRole('textbox', { name: '搜索', exact: true }).fill('布尔加斯');
  await expect(page.getByTestId('organizations-table').getByRole('row')).toHaveCount(1 + 1);
  const organizations = await exportCsv(page, '导出');
  expect(organizations.fileName).toMatch(/^机构-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(organizations.lines).toEqual([
    '名称,中文名称,英文名称,别名,国家,地区,合作关系数',
    expect.stringMatching(/^布尔加斯 \/ Burgas,布尔加斯,Burgas,.*,BG,.*,\d+$/),
  ]);

  // Meetings in Chinese, filtered by title
  await page.goto(`${sampleApp.url}#/meetings`);
  await expect(page.getByTestId('meetings-count')).toHaveText(`${sampleMeetings + 2} 次会见`);
  // Three titles name Burgas (two of the sample's); one is this video call.
  await page.getByRole('textbox', { name: '标题', exact: true }).fill('Video call with Burgas');
  await expect(page.getByTestId('meetings-table').getByRole('row')).toHaveCount(1 + 1);
  const meetings = await exportCsv(page, '导出');
  expect(meetings.fileName).toMatch(/^会见-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(meetings.lines).toEqual([
    '日期,标题,合作关系,地点,成果',
    '2024-05-12,Video call with Burgas municipality,汕头—布尔加斯项目合作,Shantou,Port logistics pilot agreed',
  ]);
});

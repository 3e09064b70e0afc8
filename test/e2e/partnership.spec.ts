import { mkdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { test, expect, switchLanguage, openShantouBurgas } from './fixtures';
import type { Page } from '@playwright/test';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const BURGAS_EN = 'Shantou–Burgas project cooperation';

/** Pick an option of a select as a person does: open it, type to narrow it (when it is searchable), click. */
async function choose(page: Page, field: ReturnType<Page['getByLabel']>, search: string, option: string | RegExp): Promise<void> {
  await field.click();
  if (search) await field.fill(search);
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
}

test('a partnership created with one party made on the spot lists, and its page shows both parties and the status history', async ({ page, emptyApp }) => {
  test.slow(); // A long workflow: three forms, two saves, a reload.
  mkdirSync(SHOTS, { recursive: true });
  // The smallest window the app supports: the form must work there too.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${emptyApp.url}#/partnerships`);
  const onboarding = page.getByRole('dialog', { name: 'A new, empty database' });
  await onboarding.getByRole('button', { name: 'Load sample data' }).click();
  await expect(onboarding).toBeHidden();
  await expect(page.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);

  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New partnership' });
  await expect(dialog).toBeVisible();

  // An empty form is refused in the form, with a message at each field.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Title is required')).toBeVisible();
  await expect(dialog.getByText('Choose an organization, or remove this row')).toHaveCount(2);

  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Shantou–Varna port cooperation');
  await expect(dialog.getByText('Title is required')).toBeHidden();
  await dialog.getByLabel('Chinese title').fill('汕头—瓦尔纳港口合作');
  await dialog.getByLabel('English title').fill('Shantou–Varna port cooperation');
  await choose(page, dialog.getByLabel('Status', { exact: true }), '', 'Negotiating');
  await dialog.getByLabel('Status since').fill('spring 2024');
  await choose(page, dialog.getByLabel('Party 1: organization'), 'Swatow', /^汕头 \/ Shantou/);
  await dialog.getByLabel('Party 1: role').fill('initiator');

  // Varna is not in the database yet: create it inside the form; it becomes party 2.
  await dialog.getByRole('button', { name: 'New organization…' }).click();
  const inline = dialog.getByRole('group', { name: 'New organization (added as a party)' });
  await inline.getByRole('button', { name: 'Create and add' }).click();
  await expect(inline.getByText('Display name is required')).toBeVisible();
  await inline.getByLabel('Display name').fill('瓦尔纳 / Varna');
  await inline.getByLabel('Chinese name').fill('瓦尔纳');
  await inline.getByLabel('English name').fill('Varna');
  // The country is chosen by its name in either language (or its code), never typed as a code alone.
  await choose(page, inline.getByRole('textbox', { name: 'Country' }), '保加利亚', 'Bulgaria');
  // Enter in the small form creates the organization (it does not save the partnership).
  await inline.getByLabel('English name').press('Enter');
  await expect(inline).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'New organization…' })).toBeFocused();
  await expect(dialog.getByLabel('Party 2: organization')).toHaveValue('瓦尔纳 / Varna (BG)');
  await dialog.getByLabel('Party 2: role').fill('partner port city');

  // The status date is checked before anything is sent, and nothing typed is lost.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Status since: write the date as 2016, 2015-06 or 2017-05-31')).toBeVisible();
  await expect(dialog.getByLabel('Party 2: role')).toHaveValue('partner port city');
  await dialog.getByLabel('Status since').fill('2024-3');
  await expect(dialog.getByText('Status since: write the date as 2016, 2015-06 or 2017-05-31')).toBeHidden();

  // A refusal by the contract (a title over 300 characters) is shown at the field; nothing typed is lost.
  const title = dialog.getByRole('textbox', { name: 'Title', exact: true });
  await title.fill('x'.repeat(301));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Title is too long (at most 300 characters)')).toBeVisible();
  await expect(dialog.getByLabel('Party 2: organization')).toHaveValue('瓦尔纳 / Varna (BG)');
  await expect(dialog.getByLabel('Party 2: role')).toHaveValue('partner port city');
  await title.fill('Shantou–Varna port cooperation');
  await expect(dialog.getByText('Title is too long (at most 300 characters)')).toBeHidden();

  await dialog.getByRole('button', { name: 'New organization…' }).click();
  await dialog.screenshot({ path: path.join(SHOTS, 'partnership-form-en-1024.png') });
  await dialog.getByRole('group', { name: 'New organization (added as a party)' }).getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The new partnership's page.
  await expect(page.getByRole('heading', { level: 1, name: 'Shantou–Varna port cooperation' })).toBeVisible();
  const parties = page.getByTestId('partnership-parties');
  const shantou = parties.getByRole('row', { name: /Shantou/ });
  await expect(shantou).toContainText('汕头市');
  await expect(shantou).toContainText('China');
  await expect(shantou).toContainText('initiator');
  const varna = parties.getByRole('row', { name: /Varna/ });
  await expect(varna).toContainText('瓦尔纳');
  await expect(varna).toContainText('Bulgaria');
  await expect(varna).toContainText('partner port city');
  const history = page.getByTestId('status-history');
  await expect(history).toContainText('Negotiating');
  await expect(history).toContainText('Mar 2024');
  await expect(page.getByTestId('partnership-status')).toContainText('since Mar 2024');

  // It is in the list, and still there after a reload.
  await page.getByRole('link', { name: 'All partnerships' }).click();
  const row = page.getByTestId('partnerships-table').getByRole('row', { name: /Shantou–Varna port cooperation/ });
  await expect(row).toContainText('Shantou · Varna');
  await expect(row).toContainText('Negotiating');
  await expect(page.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 9);
  await page.reload();
  await expect(row).toContainText('Shantou · Varna');
});

test('on Shantou–Burgas: a milestone with month precision shows as a month, is marked done, and a deleted milestone comes back with Undo', async ({
  page,
  sampleApp,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);
  // The sample's two milestones and three meetings (the 2017 trip and signing, the 2026 video call).
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(5);

  await page.getByRole('button', { name: 'Add milestone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add milestone' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Burgas delegation visits Shantou');
  await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill('June 2018');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Date: write the date as 2016, 2015-06 or 2017-05-31')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill('2018-06');
  await expect(dialog.getByText('Shown as: Jun 2018')).toBeVisible();
  await choose(page, dialog.getByLabel('Kind'), '', 'Visit');
  await page.screenshot({ path: path.join(SHOTS, 'partnership-milestone-dialog-en.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // Newest first: the 2018 visit comes after the 2026 video call, shown as a month.
  await expect(timeline.getByRole('listitem')).toHaveCount(6);
  await expect(timeline.getByRole('listitem').first()).toContainText('Burgas municipality video call');
  const visit = timeline.getByRole('listitem').nth(1);
  await expect(visit).toContainText('Burgas delegation visits Shantou');
  await expect(visit).toContainText('Jun 2018');
  await expect(visit).not.toContainText('1 Jun 2018');
  await expect(visit.getByText('Planned', { exact: true })).toBeVisible();
  // On 31 May 2017 the signing (a meeting) comes before its milestone.
  await expect(timeline.getByRole('listitem').nth(2)).toContainText('31 May 2017');
  await expect(timeline.getByRole('listitem').nth(3)).toContainText('Joint statement signed in Brussels');

  await visit.getByRole('button', { name: /^Mark done/ }).click();
  await expect(visit.getByText('Done', { exact: true })).toBeVisible();
  await expect(visit.getByRole('button', { name: /^Mark done/ })).toHaveCount(0);

  // Delete the joint statement, then Undo from the toast.
  const statement = timeline.getByRole('listitem').filter({ hasText: 'Joint statement signed in Brussels' });
  await statement.getByRole('button', { name: /^Delete/ }).click();
  await expect(statement).toHaveCount(0);
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(statement).toHaveCount(1);

  await page.reload();
  await expect(timeline.getByRole('listitem')).toHaveCount(6);
  await expect(statement).toContainText('31 May 2017');
  await expect(timeline.getByRole('listitem').nth(1).getByText('Done', { exact: true })).toBeVisible();
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Jun 2018');
});

test('deleting a partnership returns to the list, and Undo brings it back with its page', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);
  await page.getByRole('group', { name: 'Partnership actions' }).getByRole('button', { name: 'Delete' }).click();
  const table = page.getByTestId('partnerships-table');
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 7);
  await expect(table.getByRole('row', { name: new RegExp(BURGAS_EN) })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: BURGAS_EN })).toBeVisible();
  await page.getByRole('link', { name: 'All partnerships' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 8);
});

test('a file attached to a partnership opens with exactly the bytes uploaded, its removal can be undone, and a file that could run code is named in a warning first', async ({
  page,
  sampleApp,
}) => {
  const bytes = Buffer.from('Minutes of the Burgas video call\n会议纪要：港口与智慧交通\n', 'utf8');
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);
  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(page.getByText('No documents yet.')).toBeVisible();

  await page.getByTestId('attachment-input').setInputFiles({ name: 'burgas-minutes.txt', mimeType: 'text/plain', buffer: bytes });
  const documents = page.getByTestId('partnership-documents');
  const row = documents.getByRole('row', { name: /burgas-minutes\.txt/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`${bytes.length} B`);

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: /^Open/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('burgas-minutes.txt');
  expect(readFileSync(await file.path()).equals(bytes)).toBe(true);

  await row.getByRole('button', { name: /^Remove/ }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('No documents yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(row).toContainText(`${bytes.length} B`);

  // A file that could run code (here one that says it is HTML): named in a warning before it is saved,
  // and saved only as bytes, never shown as a page.
  const html = Buffer.from('<script>document.title = "ran"</script>');
  await page.getByTestId('attachment-input').setInputFiles({ name: 'minutes.html', mimeType: 'text/html', buffer: html });
  const risky = documents.getByRole('row', { name: /minutes\.html/ });
  await risky.getByRole('button', { name: /^Open/ }).click();
  const warning = page.getByRole('dialog', { name: 'This file could run code' });
  await expect(warning).toContainText('“minutes.html” is a .html file.');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await risky.getByRole('button', { name: /^Open/ }).click();
  const riskyDownload = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Save anyway' }).click();
  const saved = await riskyDownload;
  expect(saved.suggestedFilename()).toBe('minutes.html');
  expect(readFileSync(await saved.path()).equals(html)).toBe(true);
});

test('filtering by country BG shows only partnerships with a Bulgarian party; Enter opens the focused row', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  const table = page.getByTestId('partnerships-table');
  await expect(table.getByRole('row')).toHaveCount(1 + 8);

  await choose(page, page.getByRole('search').getByLabel('Country'), 'Bulg', 'Bulgaria (BG)');
  await expect(table.getByRole('row')).toHaveCount(1 + 1);
  const row = table.getByRole('row', { name: new RegExp(BURGAS_EN) });
  await expect(row).toContainText('Burgas');
  await page.screenshot({ path: path.join(SHOTS, 'partnerships-filtered-en-1280.png') });

  // A topic no Bulgarian partnership has empties the list; clearing brings everything back.
  await choose(page, page.getByRole('search').getByLabel('Topic'), 'Port', 'Port');
  await expect(page.getByText('No partnership matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 8);

  // The filter is kept when coming back from a partnership's page.
  await choose(page, page.getByRole('search').getByLabel('Country'), 'Bulg', 'Bulgaria (BG)');
  await expect(table.getByRole('row')).toHaveCount(1 + 1);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: BURGAS_EN })).toBeVisible();
  await page.goBack();
  await expect(table.getByRole('row')).toHaveCount(1 + 1);
  await expect(page.getByRole('search').getByLabel('Country')).toHaveValue('Bulgaria (BG)');
});

test('a value stored in a shape the app cannot read shows as empty with a marker, in English and Chinese', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  // As a hand-edited file or another version could have left it: topics that are not a JSON list.
  const db = new Database(sampleApp.dbPath);
  try {
    db.prepare("UPDATE partnerships SET topics = 'banana' WHERE title_en LIKE 'Shantou–Burgas%'").run();
  } finally {
    db.close();
  }
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);
  const marker = page.getByTestId('damaged-topics');
  await expect(marker).toHaveText(/could not be read .* shown empty/);
  await marker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'partnership-damaged-topics-en.png') });
  await switchLanguage(page, '中文');
  await expect(marker).toHaveText(/无法读取.*显示为空/);
  await page.screenshot({ path: path.join(SHOTS, 'partnership-damaged-topics-zh.png') });
});

for (const [width, height] of [
  [1280, 800],
  [1024, 768],
] as const) {
  test(`the Shantou–Burgas page fits ${width}×${height} in Chinese and in English`, async ({ page, sampleApp }) => {
    test.slow(); // Four full-page screenshots.
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await page.goto(`${sampleApp.url}#/partnerships`);
    for (const [language, label] of [
      ['zh', '中文'],
      ['en', 'English'],
    ] as const) {
      await switchLanguage(page, label);
      if (!/#\/partnerships\/./.test(page.url())) await openShantouBurgas(page);
      const parties = page.getByTestId('partnership-parties');
      await expect(parties).toContainText(language === 'zh' ? '保加利亚' : 'Bulgaria');
      await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveCount(5);
      // Nothing sticks out sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `partnership-page-${language}-${width}.png`), fullPage: true });
    }
  });
}

for (const [language, label, edit, dialogName, since, save] of [
  ['en', 'English', 'Edit', 'Edit partnership', 'Status since', 'Save'],
  ['zh', '中文', '编辑', '编辑合作关系', '状态起始日期', '保存'],
] as const) {
  test(`a status date typed as 2024年5月 is stored as the month 2024-05 (${language})`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, label);
    await openShantouBurgas(page);
    await page.getByRole('button', { name: edit, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await dialog.getByLabel(since).fill('2024年5月');
    await dialog.getByRole('button', { name: save }).click();
    await expect(dialog).toBeHidden();
    const db = new Database(sampleApp.dbPath, { readonly: true });
    try {
      const row = db.prepare("SELECT status_since AS since FROM partnerships WHERE title_en LIKE 'Shantou–Burgas%'").get() as { since: string };
      expect(row.since).toBe('2024-05');
    } finally {
      db.close();
    }
  });
}

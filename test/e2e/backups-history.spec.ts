/**
 * Backups and change history through the UI: back up now, change a record, restore after the
 * confirmation and see the old value; a partnership edited twice shows both changes, old → new,
 * in its History tab. Screenshots of both views in English and Chinese at 1280×800.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const HIDE_TOASTS = '.mantine-Notifications-root { display: none !important; }';

async function open(page: Page, url: string, hash: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${url}${hash}`);
  await switchLanguage(page, 'English');
}

test('back up now, change a partnership, restore the backup and see the old value', async ({ page, request, sampleApp }) => {
  const {
    rows: [partnership],
  } = await callApi(request, sampleApp, 'partnerships.list', {});
  const original = (await callApi(request, sampleApp, 'partnerships.get', { id: partnership!.id })).summary;
  expect(original).toBeTruthy();
  await open(page, sampleApp.url, '#/backups');
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  // serve made the day's backup when it opened the file
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').first()).toContainText('Manual');

  await callApi(request, sampleApp, 'partnerships.update', { id: partnership!.id, summary: 'Changed after the backup' });
  await page
    .getByTestId('backup-row')
    .first()
    .getByRole('button', { name: /Restore/ })
    .click();
  await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible();
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('backup-row')).toHaveCount(3);
  await expect(page.getByTestId('backup-row').first()).toContainText('Before restore');

  const restored = await callApi(request, sampleApp, 'partnerships.get', { id: partnership!.id });
  expect(restored.summary).toBe(original);
  await page.goto(`${sampleApp.url}#/partnerships/${partnership!.id}`);
  await expect(page.getByText('Changed after the backup')).toHaveCount(0);

  mkdirSync(SHOTS, { recursive: true });
  await page.goto(`${sampleApp.url}#/backups`);
  await expect(page.getByTestId('backup-row')).toHaveCount(3);
  await page.addStyleTag({ content: HIDE_TOASTS });
  await page.screenshot({ path: path.join(SHOTS, 'backups-en.png'), animations: 'disabled' });
});

test('a partnership edited twice shows both changes, old → new, in its History', async ({ page, request, sampleApp }) => {
  const {
    rows: [partnership],
  } = await callApi(request, sampleApp, 'partnerships.list', {});
  await callApi(request, sampleApp, 'partnerships.update', { id: partnership!.id, owner: 'Wang Fang' });
  await callApi(request, sampleApp, 'partnerships.update', { id: partnership!.id, owner: 'Li Wei' });
  await open(page, sampleApp.url, `#/partnerships/${partnership!.id}`);
  await page.getByRole('tab', { name: 'History' }).click();
  const rows = page.getByTestId('history-row').filter({ hasText: 'Owner' });
  await expect(rows.first()).toContainText('Wang Fang → Li Wei');
  await expect(rows.nth(1)).toContainText('Wang Fang');
  await page.addStyleTag({ content: HIDE_TOASTS });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'history-en.png'), animations: 'disabled' });
  await switchLanguage(page, '中文');
  await expect(page.getByRole('tab', { name: '修改记录' })).toBeVisible();
  await expect(page.getByTestId('history-row').filter({ hasText: '负责人' }).first()).toContainText('Wang Fang → Li Wei');
  await page.screenshot({ path: path.join(SHOTS, 'history-zh.png'), animations: 'disabled' });
  await page.goto(`${sampleApp.url}#/backups`);
  await expect(page.getByRole('heading', { name: '备份', level: 1 })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'backups-zh.png'), animations: 'disabled' });
});

test('an organization edited in its dialog shows the old → new value in its History tab, in English and Chinese', async ({ page, sampleApp }) => {
  await open(page, sampleApp.url, '#/organizations');
  await page
    .getByTestId('organizations-table')
    .getByRole('row', { name: /布尔加斯 \/ Burgas/ })
    .click();
  // The row opens the organization's page; its Edit button, the dialog.
  const actions = page.getByRole('group', { name: /^(Organization actions|机构操作)$/ });
  const burgas = actions.getByRole('button', { name: /^(Edit|编辑)$/ });
  await burgas.click();
  const dialog = page.getByRole('dialog', { name: 'Edit organization' });
  const region = dialog.getByLabel('Region');
  const before = await region.inputValue();
  await region.fill('Burgas Oblast');
  await dialog.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'District' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await burgas.click();
  await dialog.getByRole('tab', { name: 'History' }).click();
  await expect(dialog.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  const regionChange = dialog.getByTestId('history-row').filter({ hasText: 'Region' }).first();
  expect(before).not.toBe('Burgas Oblast');
  await expect(regionChange).toContainText(`${before || '(empty)'} → Burgas Oblast`);
  await expect(regionChange).toContainText('this office');
  // a code is shown as the UI names it
  await expect(dialog.getByTestId('history-row').filter({ hasText: 'Kind' }).first()).toContainText('City → District');
  // the form is one tab away, as it was
  await dialog.getByRole('tab', { name: 'Details' }).click();
  await expect(dialog.getByLabel('Region')).toHaveValue('Burgas Oblast');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await switchLanguage(page, '中文');
  await burgas.click();
  const zhDialog = page.getByRole('dialog', { name: '编辑机构' });
  await zhDialog.getByRole('tab', { name: '修改记录' }).click();
  await expect(zhDialog.getByTestId('history-row').filter({ hasText: '地区' }).first()).toContainText('Burgas Oblast');
  await expect(zhDialog.getByTestId('history-row').filter({ hasText: '类型' }).first()).toContainText('城市 → 区');
  await expect(zhDialog.getByTestId('history-row').filter({ hasText: '地区' }).first()).toContainText('本办公室');
});

test('a task, a contact and a milestone each show their changes in a History tab', async ({ page, request, sampleApp }) => {
  const burgas = (await callApi(request, sampleApp, 'partnerships.list', { query: 'Burgas' })).rows.find(
    (p) => p.titleEn === 'Shantou–Burgas project cooperation',
  )!;
  const task = await callApi(request, sampleApp, 'tasks.create', { title: 'Send the MoU draft', assignee: 'Wang Fang', partnershipId: burgas.id });
  await callApi(request, sampleApp, 'tasks.update', { id: task.id, status: 'in_progress', assignee: 'Li Wei' });
  const contact = await callApi(request, sampleApp, 'contacts.create', { name: 'Maria Ivanova', title: 'Deputy mayor' });
  await callApi(request, sampleApp, 'contacts.update', { id: contact.id, title: 'Mayor' });
  const milestone = await callApi(request, sampleApp, 'milestones.create', {
    partnershipId: burgas.id,
    title: 'Burgas delegation visits Shantou',
    date: '2018-06',
    kind: 'visit',
    status: 'planned',
  });
  await callApi(request, sampleApp, 'milestones.update', { id: milestone.id, status: 'done' });

  await open(page, sampleApp.url, '#/tasks');
  await page.goto(`${sampleApp.url}#/tasks/${task.id}`);
  const taskDialog = page.getByRole('dialog', { name: 'Edit task' });
  await taskDialog.getByRole('tab', { name: 'History' }).click();
  await expect(taskDialog.getByTestId('history-row').filter({ hasText: 'Assignee' }).first()).toContainText('Wang Fang → Li Wei');
  await expect(taskDialog.getByTestId('history-row').filter({ hasText: 'Status' }).first()).toContainText('Open → In progress');
  await page.keyboard.press('Escape');
  await expect(taskDialog).toBeHidden();

  await page.goto(`${sampleApp.url}#/contacts`);
  await page
    .getByTestId('contacts-table')
    .getByRole('row', { name: /Maria Ivanova/ })
    .click();
  const drawer = page.getByRole('dialog', { name: 'Maria Ivanova' });
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(drawer.getByTestId('history-row').filter({ hasText: 'Title' }).first()).toContainText('Deputy mayor → Mayor');
  await page.keyboard.press('Escape');

  await page.goto(`${sampleApp.url}#/partnerships/${burgas.id}`);
  await page
    .getByTestId('timeline')
    .getByRole('button', { name: /^Edit.*Burgas delegation visits Shantou/ })
    .click();
  const milestoneDialog = page.getByRole('dialog', { name: 'Edit milestone' });
  await milestoneDialog.getByRole('tab', { name: 'History' }).click();
  await expect(milestoneDialog.getByTestId('history-row').filter({ hasText: 'Status' }).first()).toContainText('Planned → Done');
  await page.keyboard.press('Escape');
  await expect(milestoneDialog).toBeHidden();
  await switchLanguage(page, '中文');
  await page
    .getByTestId('timeline')
    .getByRole('button', { name: /^编辑.*Burgas delegation visits Shantou/ })
    .click();
  const zhDialog = page.getByRole('dialog', { name: '编辑里程碑' });
  await zhDialog.getByRole('tab', { name: '修改记录' }).click();
  await expect(zhDialog.getByTestId('history-row').filter({ hasText: '状态' }).first()).toContainText('计划中 → 已完成');
});

test('a backup is deleted from the list after a confirmation; Cancel keeps it', async ({ page, sampleApp }) => {
  await open(page, sampleApp.url, '#/backups');
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  const manual = page.getByTestId('backup-row').filter({ hasText: 'Manual' });

  // by keyboard: focus the row's delete button and press Enter
  await manual.getByRole('button', { name: /^Delete the backup of/ }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Delete this backup?' });
  await expect(confirm).toContainText('Manual');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);

  await manual.getByRole('button', { name: /^Delete the backup of/ }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(manual).toHaveCount(0);
  await expect(page.getByText(/^Deleted the backup of/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row').first()).toContainText('Daily');
});

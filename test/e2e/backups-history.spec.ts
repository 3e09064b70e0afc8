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
  await expect(page.getByRole('heading', { name: 'Backups', level: 2 })).toBeVisible();
  // serve made the day's backup when it opened the file
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').first()).toContainText('Manual');

  await callApi(request, sampleApp, 'partnerships.update', { id: partnership!.id, summary: 'Changed after the backup' });
  await page.getByTestId('backup-row').first().getByRole('button', { name: /Restore/ }).click();
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
  await expect(page.getByRole('heading', { name: '备份', level: 2 })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'backups-zh.png'), animations: 'disabled' });
});

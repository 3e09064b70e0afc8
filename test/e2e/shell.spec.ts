import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, switchLanguage } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

test('the sample partnerships list renders in Chinese and in English', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, '中文');
  const table = page.getByTestId('partnerships-table');
  await expect(page.getByRole('heading', { name: '合作关系', level: 1 })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 8);
  await expect(table.getByRole('row', { name: /汕头—布尔加斯项目合作/ })).toContainText('汕头');
  await expect(table.getByRole('row', { name: /汕头—布尔加斯项目合作/ })).toContainText('布尔加斯');
  await expect(table).toContainText('执行中');
  await page.screenshot({ path: path.join(SHOTS, 'partnerships-zh.png'), fullPage: true });

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Partnerships', level: 1 })).toBeVisible();
  const row = table.getByRole('row', { name: /Shantou–Burgas project cooperation/ });
  await expect(row).toContainText('Burgas');
  await expect(row).toContainText('Active');
  await expect(table.getByRole('row', { name: /Liaoyuan/ })).toContainText('Strategic agreement');
  await page.screenshot({ path: path.join(SHOTS, 'partnerships-en.png'), fullPage: true });
});

test('the language choice switches every label at once and is remembered after a reload', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await expect(page.getByRole('link', { name: 'Organizations' })).toBeVisible();
  await switchLanguage(page, '中文');
  await expect(page.getByRole('link', { name: '机构' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Organizations' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('link', { name: '机构' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an organization created in the UI, its country chosen by name and its place from the gazetteer, is there after a reload', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await page.getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByTestId('organizations-table')).toContainText('Burgas');
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await expect(dialog).toBeVisible();
  // Saving without a name is refused in the form, and nothing is lost.
  await dialog.getByLabel('Chinese name').fill('瓦尔纳');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Display name is required')).toBeVisible();
  await dialog.getByLabel('Display name').fill('Varna');
  await dialog.getByLabel('English name').fill('Varna');
  const country = dialog.getByRole('textbox', { name: 'Country' });
  await country.click();
  await country.fill('保加');
  await page.getByRole('option', { name: 'Bulgaria', exact: true }).click();
  await expect(country).toHaveValue('Bulgaria');
  await dialog.getByLabel('Aliases (any script)').fill('Варна');
  await dialog.getByLabel('Aliases (any script)').press('Enter');
  // Coordinates from the gazetteer shipped with the app, by the names typed, in the country chosen.
  await dialog.getByRole('button', { name: 'Find coordinates' }).click();
  await dialog
    .getByTestId('place-results')
    .getByRole('button', { name: /^Varna · Bulgaria/ })
    .click();
  await expect(dialog.getByLabel('Latitude')).toHaveValue(/^43\.2/);
  await expect(dialog.getByLabel('Longitude')).toHaveValue(/^27\.9/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  const row = page.getByTestId('organizations-table').getByRole('row', { name: /Varna/ });
  await expect(row).toContainText('瓦尔纳');
  await expect(row).toContainText('Bulgaria');
  // Its row opens its page: names, aliases, place.
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Varna' })).toBeVisible();
  await expect(page.getByTestId('organization-names')).toContainText('Варна');
  await expect(page.getByTestId('organization-location')).toContainText('43.2');
  await page.getByRole('group', { name: 'Organization actions' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit organization' });
  await expect(edit.getByLabel('Display name')).toHaveValue('Varna');
  await expect(edit.getByText('Варна')).toBeVisible();
  await edit.getByLabel('Region').fill('Varna Province');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Varna' })).toBeVisible();
  await expect(page.getByText('City · Varna Province · Bulgaria')).toBeVisible();
});

test('a new empty database offers the sample data, which then fills the lists', async ({ page, emptyApp }) => {
  await page.goto(`${emptyApp.url}#/partnerships`);
  const dialog = page.getByRole('dialog', { name: 'A new, empty database' });
  await expect(dialog).toBeVisible();
  // It asks for the office's names and the user's own first.
  await dialog.getByLabel('Office name', { exact: true }).fill('汕头市外事局');
  await dialog.getByLabel('Office name in English').fill('Shantou Foreign Affairs Bureau');
  await dialog.getByLabel('Your name').fill('Li Wei');
  await dialog.getByRole('button', { name: 'Load sample data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);
  await expect(page.getByRole('banner')).toContainText('Shantou Foreign Affairs Bureau');
  await switchLanguage(page, '中文');
  await expect(page.getByRole('banner')).toContainText('汕头市外事局');
  await page.reload();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('textbox', { name: '您的姓名' })).toHaveValue('Li Wei');
});

test('starting empty leaves the lists empty and does not ask again', async ({ page, emptyApp }) => {
  await page.goto(`${emptyApp.url}#/partnerships`);
  await page.getByRole('dialog').getByRole('button', { name: 'Start empty' }).click();
  // The list behind the dialog is already empty: the choice is saved once the dialog has gone.
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('No partnerships yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No partnerships yet.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the server refuses a request without the token, or from a foreign host or origin', async ({ playwright, sampleApp }) => {
  const anonymous = await playwright.request.newContext();
  const withoutToken = await anonymous.post(`${sampleApp.origin}/api/partnerships.list`, { data: {} });
  expect(withoutToken.status()).toBe(403);
  expect((await anonymous.get(`${sampleApp.origin}/`)).status()).toBe(403);
  const token = new URL(sampleApp.url).searchParams.get('token')!;
  const authorized = { Authorization: `Bearer ${token}` };
  const ok = await anonymous.post(`${sampleApp.origin}/api/partnerships.list`, { data: {}, headers: authorized });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { value: { rows: unknown[]; total: number } }).value).toMatchObject({ total: 8, next: null });
  const foreignOrigin = await anonymous.post(`${sampleApp.origin}/api/partnerships.list`, {
    data: {},
    headers: { ...authorized, Origin: 'http://evil.example' },
  });
  expect(foreignOrigin.status()).toBe(403);
  const foreignHost = await anonymous.post(`${sampleApp.origin}/api/partnerships.list`, {
    data: {},
    headers: { ...authorized, Host: 'evil.example' },
  });
  expect(foreignHost.status()).toBe(403);
  await anonymous.dispose();
});

test('the appearance follows the system by default, can be set to dark or light, and is remembered', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${sampleApp.url}#/settings`);
  await switchLanguage(page, 'English');
  const html = page.locator('html');
  // "Follow the system": the emulated system is dark
  await expect(page.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

  const appearance = page.getByRole('region', { name: 'Appearance' });
  await appearance.locator('label', { hasText: /^Dark$/ }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.screenshot({ path: path.join(SHOTS, 'settings-dark-en.png') });
  await page.goto(`${sampleApp.url}#/dashboard`);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-dark-en.png') });
  await page.goto(`${sampleApp.url}#/settings`);
  await page
    .getByRole('region', { name: 'Appearance' })
    .locator('label', { hasText: /^Light$/ })
    .click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

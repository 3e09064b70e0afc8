import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, switchLanguage } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

test('Ctrl+K searches every kind in any script: Шантоу finds 汕头, a partnership opens from the palette', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Search everything' });
  await expect(box).toBeFocused();

  await box.fill('Шантоу');
  const palette = page.getByRole('listbox');
  const city = palette.getByRole('option', { name: /汕头 \/ Shantou/ });
  await expect(city).toBeVisible();
  await expect(city.locator('mark')).toHaveText('Шантоу');
  await expect(palette).toContainText('Cities and organizations');

  await box.fill('布尔加斯');
  await expect(palette).toContainText('Partnerships');
  await expect(palette.locator('mark').first()).toHaveText('布尔加斯');
  await page.screenshot({ path: path.join(SHOTS, 'search-palette-en.png') });
  await palette.getByRole('option', { name: /^汕头—布尔加斯项目合作 ·/ }).click();
  await expect(page).toHaveURL(/#\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Burgas');

  // full-width letters find half-width text; Esc leaves the box empty
  await page.keyboard.press('Control+K');
  await box.fill('ＢＵＲＧＡＳ');
  await expect(palette.locator('mark').first()).toHaveText(/Burgas/i);
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(box).not.toBeFocused();
});

test('the results page groups every match by kind, filters by kind and pages with Show more, in both languages', async ({ page, sampleApp }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, '中文');
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: '全局搜索' });
  await box.fill('试点');
  await page.getByRole('option', { name: /查看“试点”的全部结果/ }).click();
  await expect(page).toHaveURL(/#\/search\//);
  await expect(page.getByRole('heading', { name: '“试点”的搜索结果' })).toBeVisible();
  const cities = page.getByRole('region', { name: '城市与机构' });
  await expect(cities.getByRole('button').filter({ has: page.locator('mark') })).toHaveCount(20);
  await page.screenshot({ path: path.join(SHOTS, 'search-results-zh.png'), fullPage: false });
  await cities.getByRole('button', { name: '显示更多' }).click();
  await expect(cities.getByRole('button').filter({ has: page.locator('mark') })).not.toHaveCount(20);
  const shown = await cities
    .getByRole('button')
    .filter({ has: page.locator('mark') })
    .count();
  expect(shown).toBeGreaterThan(20);

  // only partnerships
  await page.getByRole('group', { name: '显示' }).getByText('合作关系', { exact: true }).click();
  await expect(page.getByRole('region', { name: '城市与机构' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '合作关系' })).toBeVisible();

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Results for “试点”' })).toBeVisible();
  await page.getByRole('group', { name: 'Show' }).getByText('Everything', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Cities and organizations' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'search-results-en.png'), fullPage: false });

  // a query that matches nothing says so, with a hint
  const field = page.getByRole('textbox', { name: 'Search everything' }).last();
  await field.fill('zzzz-nothing');
  await field.press('Enter');
  await expect(page.getByText(/Nothing matches “zzzz-nothing”/)).toBeVisible();
});

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, switchLanguage } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** The preview's document, read from the page (the frame runs no scripts of its own). */
function inPreview<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(`(() => { const doc = document.querySelector('iframe[data-testid="report-preview"]').contentDocument; return ${expression}; })()`);
}

test('a status report: pick Shantou–Burgas, the preview shows the parties and follows the language; print and save as PDF', async ({ page, sampleApp }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  // CSP refusals, a bad sandbox flag, a print() the sandbox ignores: any of them is a broken preview.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to|invalid sandbox flag|Ignored call/i.test(message.text())) refused.push(message.text());
  });

  await page.goto(`${sampleApp.url}#/reports`);
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: '报告', level: 1 })).toBeVisible();
  await expect(page.getByText('请选择一项合作关系，即可在此预览其状态报告。')).toBeVisible();
  await expect(page.getByRole('button', { name: '打印…' })).toBeDisabled();

  // Found by its English name in the Chinese UI.
  await page.getByRole('combobox', { name: '合作关系' }).click();
  await page.getByRole('combobox', { name: '合作关系' }).fill('Burgas');
  await page.getByRole('option', { name: '汕头—布尔加斯项目合作' }).click();

  await expect(page.locator('iframe[title="报告预览"]')).toBeVisible();
  const preview = page.frameLocator('iframe[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('汕头—布尔加斯项目合作');
  for (const party of ['汕头市', 'Shantou', '布尔加斯', 'Burgas']) await expect(preview.getByRole('cell', { name: party, exact: true })).toBeVisible();
  await expect(preview.getByText('合作关系状态报告')).toBeVisible();
  await expect(preview.getByRole('img', { name: '里程碑时间线' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印…' })).toBeEnabled();

  // Under the app's CSP the embedded font loads (font-src data:) and the SVG draws.
  await expect.poll(() => inPreview<number>(page, `[...doc.fonts].filter((f) => f.status === 'loaded').length`)).toBeGreaterThan(0);
  expect(await inPreview<boolean>(page, `doc.fonts.check('16px "Report Sans"', '汕头布尔加斯')`)).toBe(true);
  expect(await inPreview<number>(page, `doc.querySelector('svg[role="img"]').getBoundingClientRect().height`)).toBeGreaterThan(40);

  await page.getByRole('textbox', { name: '密级/标注' }).fill('内部资料 / Internal');
  await page.keyboard.press('Escape');
  await expect(preview.locator('.sheet-head')).toContainText('内部资料 / Internal');
  await page.screenshot({ path: path.join(SHOTS, 'reports-zh.png') });

  // The report's language follows the UI's until one is picked here.
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Shantou–Burgas project cooperation');
  await expect(preview.getByText('Partnership status report')).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Parties', level: 2 })).toBeVisible();
  await expect(preview.locator('.sheet-head')).toContainText('内部资料 / Internal');
  await page.getByRole('radiogroup', { name: 'Report language' }).locator('label', { hasText: '中文' }).click();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('汕头—布尔加斯项目合作');
  await page.getByRole('radiogroup', { name: 'Report language' }).locator('label', { hasText: 'English' }).click();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Shantou–Burgas project cooperation');

  // The real print of the frame is allowed (the sandbox lets it open the dialog; headless returns at once).
  await page.getByRole('button', { name: 'Print…' }).click();
  expect(refused).toEqual([]);
  // Print and Ctrl+P print the preview's document, never the app around it (print counted from here on).
  await page.evaluate(`(() => {
    window.__printed = { frame: 0, app: 0 };
    window.print = () => { window.__printed.app += 1; };
    document.querySelector('iframe[data-testid="report-preview"]').contentWindow.print = () => { window.__printed.frame += 1; };
  })()`);
  await page.getByRole('button', { name: 'Print…' }).click();
  await page.getByRole('heading', { name: 'Reports', level: 1 }).click();
  await page.keyboard.press('Control+p');
  await page.getByRole('textbox', { name: 'Office name' }).focus();
  await page.keyboard.press('Control+p');
  await preview.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+p');
  expect(await page.evaluate('window.__printed')).toEqual({ frame: 4, app: 0 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^partnership-report-\d{8}\.pdf$/);
  const pdf = readFileSync((await file.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await expect(page.getByText(/^Saved partnership-report-\d{8}\.pdf$/)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'reports-en.png') });

  // The portfolio, filtered; and the view at 1024×768.
  await page.getByRole('radiogroup', { name: 'Report', exact: true }).locator('label', { hasText: 'Portfolio' }).click();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Partnership portfolio report');
  await expect(preview.getByText('Total 8')).toBeVisible();
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Negotiating' }).click();
  await expect(preview.getByText('Total 1 · Filters: Status: Negotiating')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'reports-portfolio-en-1024.png') });

  expect(refused).toEqual([]);
});

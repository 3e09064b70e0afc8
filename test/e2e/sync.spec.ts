/**
 * Sync by database file, through the UI of two browser-mode servers (two offices): export from one,
 * preview and merge into the other, a conflict made on both sides and exchanged both ways, flipped in
 * the Conflicts section; an encrypted file refused with a wrong passphrase, then opened with the right one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { test, expect, switchLanguage, contractHeaders, type BrowserModeServer } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const HIDE_TOASTS = '.mantine-Notifications-root { display: none !important; }';

type Counts = Record<string, number>;

/** Call the contract over HTTP with the server's token, as a script or another tool would. */
async function call<T>(request: APIRequestContext, server: BrowserModeServer, name: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${server.origin}/api/${name}`, { data: input, headers: contractHeaders(server) });
  expect(response.status()).toBe(200);
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
  return envelope.value;
}

/**
 * Each office in its own browser context: both servers listen on 127.0.0.1, and a cookie is shared
 * across ports, so one context would send one office's token to the other.
 */
async function openOffice(browser: Browser, server: BrowserModeServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#/sync`);
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  return page;
}

/** The export a person downloads: under the dated name the app offers, saved by the browser (here, as `saveAs`). */
async function exportTo(page: Page, saveAs: string, passphrase?: string): Promise<void> {
  await page.getByRole('tab', { name: 'Export' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Export' });
  await panel.getByLabel('Passphrase (optional)').fill(passphrase ?? '');
  if (passphrase) await panel.getByLabel('Repeat the passphrase').fill(passphrase);
  else await expect(panel.getByLabel('Repeat the passphrase')).toBeDisabled();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export and download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^partnership-tracker-export-\d{4}-\d{2}-\d{2}\.ptdb$/);
  await download.saveAs(saveAs);
  const result = panel.getByTestId('export-result');
  await expect(result).toContainText(download.suggestedFilename());
  await expect(result).toContainText(passphrase ? 'Encrypted with a passphrase' : 'Not encrypted');
}

/** Choose a file in the browser's picker, as a person does: it is uploaded and previewed at once. */
async function chooseFile(page: Page, file: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Import' });
  const picking = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose file…' }).click();
  await (await picking).setFiles(file);
  await expect(panel.getByLabel('File to import')).toHaveValue(path.basename(file));
}

/** Type the passphrase (if any), then choose the file: the preview follows; merging stays disabled until it is shown. */
async function requestPreview(page: Page, file: string, passphrase = ''): Promise<void> {
  await page.getByRole('tab', { name: 'Import' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Import' });
  await panel.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await expect(panel.getByRole('button', { name: 'Merge into this database' })).toBeDisabled();
  await chooseFile(page, file);
}

/** An export over HTTP, as a script would fetch one: a target from the server, the export, the download. */
async function exportOverHttp(request: APIRequestContext, server: BrowserModeServer, file: string, passphrase?: string): Promise<void> {
  const headers = contractHeaders(server);
  const target = (await (await request.post(`${server.origin}/files/target?name=${encodeURIComponent(path.basename(file))}`, { headers })).json()) as {
    value: { file: string; download: string };
  };
  await call(request, server, 'sync.export', { file: target.value.file, ...(passphrase ? { passphrase } : {}) });
  const download = await request.get(`${server.origin}${target.value.download}`, { headers });
  expect(download.status()).toBe(200);
  writeFileSync(file, await download.body());
}

/** Upload a file over HTTP: the handle the desktop shell would hand the page for a double-clicked file. */
async function uploadOverHttp(request: APIRequestContext, server: BrowserModeServer, file: string): Promise<{ file: string; name: string }> {
  const response = await request.post(`${server.origin}/files/upload?name=${encodeURIComponent(path.basename(file))}`, {
    headers: { ...contractHeaders(server), 'Content-Type': 'application/octet-stream' },
    data: readFileSync(file),
  });
  return ((await response.json()) as { value: { file: string; name: string } }).value;
}

async function previewFile(page: Page, file: string, passphrase = ''): Promise<void> {
  await requestPreview(page, file, passphrase);
  await expect(page.getByRole('tabpanel', { name: 'Import' }).getByTestId('merge-preview')).toBeVisible();
}

async function merge(page: Page): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Import' });
  await panel.getByRole('button', { name: 'Merge into this database' }).click();
  // The merge runs in a worker thread (started cold from source in the browser mode) behind a progress bar.
  await expect(panel.getByTestId('merge-result')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('merge-preview')).toHaveCount(0);
}

/** The cells of one entity's row in the preview: name, added, changed, deleted, conflicts. */
function previewRow(page: Page, entity: string) {
  return page.getByTestId('preview-counts').locator(`tr[data-entity="${entity}"]`).locator('td, th');
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // A string, evaluated in the page: this file is compiled without the DOM library.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a file exported by one office previews and merges into another; a conflict exchanged both ways is flipped', async ({
  browser,
  request,
  sampleApp,
  emptyApp,
}) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const exchange = mkdtempSync(path.join(os.tmpdir(), 'pt-sync-e2e-'));
  try {
    await call(request, sampleApp, 'settings.update', { officeName: 'Shantou FAO' });
    await call(request, emptyApp, 'settings.update', { officeName: 'Burgas Municipality Office' });
    await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
    const sampleCounts = await call<Counts>(request, sampleApp, 'app.counts');

    const shantou = await openOffice(browser, sampleApp);
    const burgas = await openOffice(browser, emptyApp);

    // Export: downloaded under the dated name the app offers; a path is never typed.
    const first = path.join(exchange, 'shantou-1.db');
    await exportTo(shantou, first);

    // Import into the empty office: the preview counts every record as added, from the sending office.
    await previewFile(burgas, first);
    const preview = burgas.getByTestId('merge-preview');
    await expect(preview.getByTestId('peer-office')).toHaveText('Shantou FAO');
    await expect(previewRow(burgas, 'organizations')).toHaveText(['Organizations', String(sampleCounts.organizations), '0', '0', '0']);
    await expect(previewRow(burgas, 'partnerships')).toHaveText(['Partnerships', String(sampleCounts.partnerships), '0', '0', '0']);
    await expect(previewRow(burgas, 'meetingAttendees')).toHaveText(['Attendees', String(sampleCounts.meetingAttendees), '0', '0', '0']);
    const totalAdded = Object.values(sampleCounts).reduce((a, b) => a + b, 0);
    await expect(previewRow(burgas, 'total')).toHaveText(['Total', new Intl.NumberFormat('en').format(totalAdded), '0', '0', '0']);
    await merge(burgas);
    await expect(burgas.getByTestId('merge-result')).toContainText(`Added ${totalAdded}`);

    await burgas.getByRole('link', { name: 'Partnerships' }).click();
    await expect(burgas.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);
    await expect(burgas.getByTestId('partnerships-table')).toContainText('Shantou–Burgas project cooperation');

    // Both offices now change the same field of the same organization, Shantou first, Burgas later (in the UI).
    const {
      rows: [burgasOrg],
    } = await call<{ rows: { id: string; displayName: string }[] }>(request, sampleApp, 'organizations.list', { query: 'Bourgas' });
    expect(burgasOrg).toBeDefined();
    await call(request, sampleApp, 'organizations.update', { id: burgasOrg!.id, nameEn: 'Burgas Municipality' });
    // More for the preview to show: a changed partnership, and an organization both offices entered separately.
    const {
      rows: [partnership],
    } = await call<{ rows: { id: string }[] }>(request, sampleApp, 'partnerships.list', { query: 'Burgas' });
    await call(request, sampleApp, 'partnerships.update', { id: partnership!.id, owner: 'Li Wei' });
    await call(request, sampleApp, 'organizations.create', { displayName: 'Varna', nameEn: 'Varna', country: 'BG', kind: 'city' });
    await call(request, emptyApp, 'organizations.create', { displayName: 'Варна', nameEn: 'Varna', country: 'BG', kind: 'city' });

    await burgas.getByRole('link', { name: 'Organizations' }).click();
    await burgas
      .getByTestId('organizations-table')
      .getByRole('row', { name: new RegExp(burgasOrg!.displayName) })
      .click();
    // The row opens the organization's page; Edit opens its dialog.
    await burgas.getByRole('group', { name: 'Organization actions' }).getByRole('button', { name: 'Edit' }).click();
    const edit = burgas.getByRole('dialog', { name: 'Edit organization' });
    await edit.getByLabel('English name').fill('City of Burgas');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();

    // Exchange both ways.
    const second = path.join(exchange, 'shantou-2.db');
    const reply = path.join(exchange, 'burgas-1.db');
    await exportTo(shantou, second);
    await burgas.getByRole('link', { name: 'Sync' }).click();
    await exportTo(burgas, reply);

    await previewFile(burgas, second);
    await expect(previewRow(burgas, 'organizations')).toHaveText(['Organizations', '1', '0', '0', '1']);
    await expect(previewRow(burgas, 'partnerships')).toHaveText(['Partnerships', '0', '1', '0', '0']);
    const conflictRow = burgas.getByTestId('preview-conflicts').getByRole('row', { name: /English name/ });
    await expect(conflictRow.getByRole('cell')).toHaveText([
      new RegExp(burgasOrg!.displayName),
      'English name',
      'City of Burgas',
      'Burgas Municipality',
      'Ours is kept',
    ]);
    await expect(burgas.getByTestId('preview-duplicates')).toHaveText('Varna (here: Варна)');

    // The screenshots: the Sync view with this preview, in both languages, at both window sizes.
    for (const language of ['zh', 'en'] as const) {
      await switchLanguage(burgas, language === 'zh' ? '中文' : 'English');
      await expect(burgas.getByRole('heading', { name: language === 'zh' ? '同步' : 'Sync', level: 1 })).toBeVisible();
      await expect(preview).toContainText(language === 'zh' ? '保留本地值' : 'Ours is kept');
      for (const [width, height] of [
        [1280, 800],
        [1024, 768],
      ] as const) {
        await burgas.setViewportSize({ width, height });
        await expectNoHorizontalOverflow(burgas);
        await burgas.screenshot({ path: path.join(SHOTS, `sync-${language}-${width}.png`), fullPage: true, style: HIDE_TOASTS });
      }
    }
    await burgas.setViewportSize({ width: 1280, height: 800 });

    await merge(burgas);
    await previewFile(shantou, reply);
    await expect(shantou.getByTestId('preview-conflicts').getByRole('row', { name: /English name/ })).toContainText('Theirs is taken');
    await merge(shantou);

    // Burgas's later change won everywhere; the Conflicts section lists it, and Burgas flips it.
    await burgas.getByRole('tab', { name: /Conflicts/ }).click();
    const conflicts = burgas.getByRole('tabpanel', { name: /Conflicts/ });
    const row = conflicts.getByTestId('conflicts-table').getByRole('row', { name: /English name/ });
    await expect(row.getByRole('cell').nth(2)).toContainText('City of Burgas');
    await expect(row.getByRole('cell').nth(3)).toContainText('Burgas Municipality');
    for (const language of ['zh', 'en'] as const) {
      await switchLanguage(burgas, language === 'zh' ? '中文' : 'English');
      await burgas.setViewportSize({ width: 1024, height: 768 });
      await expectNoHorizontalOverflow(burgas);
      await burgas.screenshot({ path: path.join(SHOTS, `sync-conflicts-${language}-1024.png`), fullPage: true, style: HIDE_TOASTS });
    }
    await burgas.setViewportSize({ width: 1280, height: 800 });
    await row.getByRole('button', { name: /^Use the other value/ }).click();
    await expect(conflicts.getByText('No conflicts to review.')).toBeVisible();
    await conflicts.getByLabel('Show resolved conflicts').check();
    await expect(conflicts.getByTestId('conflicts-table').getByRole('row', { name: /English name/ })).toContainText('Switched to the other value');

    await burgas.getByRole('link', { name: 'Organizations' }).click();
    await expect(burgas.getByTestId('organizations-table').getByRole('row', { name: new RegExp(burgasOrg!.displayName) })).toContainText('Burgas Municipality');

    // The likely duplicate is decided by a person.
    await burgas.getByRole('link', { name: 'Sync' }).click();
    await burgas.getByRole('tab', { name: /Likely duplicates/ }).click();
    const duplicates = burgas.getByRole('tabpanel', { name: /Likely duplicates/ }).getByTestId('duplicates-table');
    await duplicates.getByRole('button', { name: /^Different \(keep apart\)/ }).click();
    await expect(duplicates).toContainText('Kept apart');

    // The flip travels: Shantou imports it and shows the same value.
    const third = path.join(exchange, 'burgas-2.db');
    await exportTo(burgas, third);
    await previewFile(shantou, third);
    await merge(shantou);
    const shantouOrg = await call<{ nameEn: string }>(request, sampleApp, 'organizations.get', { id: burgasOrg!.id });
    expect(shantouOrg.nameEn).toBe('Burgas Municipality');

    // History lists every exchange, newest first.
    await shantou.getByRole('tab', { name: 'History' }).click();
    const history = shantou.getByTestId('sync-history');
    await expect(history.getByRole('row')).toHaveCount(1 + 4);
    await expect(history.getByRole('row').nth(1)).toContainText('burgas-2.db');
    await expect(history.getByRole('row').nth(1)).toContainText('Burgas Municipality Office');
    await expect(history.getByRole('row').nth(1)).toContainText('Import');
    await shantou.setViewportSize({ width: 1024, height: 768 });
    await expectNoHorizontalOverflow(shantou);
    await shantou.screenshot({ path: path.join(SHOTS, 'sync-history-en-1024.png'), fullPage: true, style: HIDE_TOASTS });

    await shantou.context().close();
    await burgas.context().close();
  } finally {
    rmSync(exchange, { recursive: true, force: true });
  }
});

test('an encrypted file is refused with a wrong passphrase in the UI language, then opens with the right one', async ({
  browser,
  sampleApp,
  emptyApp,
  request,
}) => {
  test.setTimeout(120_000);
  const exchange = mkdtempSync(path.join(os.tmpdir(), 'pt-sync-e2e-'));
  try {
    await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
    const shantou = await openOffice(browser, sampleApp);
    const burgas = await openOffice(browser, emptyApp);
    const file = path.join(exchange, 'shantou-encrypted.db');

    // The passphrase is checked in the form first: too short, then not repeated the same.
    await shantou.getByRole('tab', { name: 'Export' }).click();
    const exportPanel = shantou.getByRole('tabpanel', { name: 'Export' });
    await exportPanel.getByLabel('Passphrase (optional)').fill('short');
    await exportPanel.getByLabel('Repeat the passphrase').fill('short');
    await exportPanel.getByRole('button', { name: 'Export and download' }).click();
    await expect(exportPanel.getByText('At least 8 characters.', { exact: true })).toBeVisible();
    await exportPanel.getByLabel('Passphrase (optional)').fill('harbour lights 2017');
    await exportPanel.getByLabel('Repeat the passphrase').fill('harbour lights 2071');
    await exportPanel.getByRole('button', { name: 'Export and download' }).click();
    await expect(exportPanel.getByText('The two passphrases are not the same.', { exact: true })).toBeVisible();
    await expect(exportPanel.getByTestId('export-result')).toHaveCount(0);
    await exportTo(shantou, file, 'harbour lights 2017');
    await shantou.setViewportSize({ width: 1024, height: 768 });
    await expectNoHorizontalOverflow(shantou);
    await shantou.screenshot({ path: path.join(SHOTS, 'sync-export-en-1024.png'), fullPage: true, style: HIDE_TOASTS });

    // Not our file at all.
    const notes = path.join(exchange, 'notes.db');
    writeFileSync(notes, 'minutes of the meeting in Burgas\n');
    await requestPreview(burgas, notes);
    const importPanel = burgas.getByRole('tabpanel', { name: 'Import' });
    const error = burgas.getByTestId('import-error');
    await expect(error).toContainText('it is not a database file exported by Partnership Tracker');

    // Encrypted, and no passphrase given.
    await chooseFile(burgas, file);
    await expect(error).toContainText('This file is encrypted: enter the passphrase it was exported with.');

    // A wrong passphrase, in Chinese: the refusal is translated and nothing typed is lost.
    await switchLanguage(burgas, '中文');
    const panelZh = burgas.getByRole('tabpanel', { name: '导入' });
    await panelZh.getByLabel('密码', { exact: true }).fill('harbour lights 2071');
    await panelZh.getByRole('button', { name: '预览' }).click();
    await expect(error).toContainText('密码错误，或文件在传输中被改动。未导入任何内容。');
    await expect(panelZh.getByLabel('要导入的文件')).toHaveValue(path.basename(file));
    await expect(panelZh.getByLabel('密码', { exact: true })).toHaveValue('harbour lights 2071');
    await expect(panelZh.getByRole('button', { name: '合并到本数据库' })).toBeDisabled();
    await burgas.setViewportSize({ width: 1024, height: 768 });
    await expectNoHorizontalOverflow(burgas);
    await burgas.screenshot({ path: path.join(SHOTS, 'sync-refused-zh-1024.png'), fullPage: true, style: HIDE_TOASTS });
    // Switching the language translates the message already shown.
    await switchLanguage(burgas, 'English');
    await expect(error).toContainText('Wrong passphrase, or the file was altered on the way. Nothing was imported.');

    // The right passphrase opens it.
    await importPanel.getByLabel('Passphrase', { exact: true }).fill('harbour lights 2017');
    await importPanel.getByRole('button', { name: 'Preview' }).click();
    await expect(error).toHaveCount(0);
    await expect(importPanel.getByTestId('merge-preview')).toContainText('Encrypted file');
    await expect(previewRow(burgas, 'partnerships')).toHaveText(['Partnerships', '8', '0', '0', '0']);
    await merge(burgas);
    await burgas.getByRole('link', { name: 'Partnerships' }).click();
    await expect(burgas.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);

    await shantou.context().close();
    await burgas.context().close();
  } finally {
    rmSync(exchange, { recursive: true, force: true });
  }
});

test('a file whose clock is more than five minutes ahead is merged only after a person confirms', async ({ browser, sampleApp, emptyApp, request }) => {
  const exchange = mkdtempSync(path.join(os.tmpdir(), 'pt-sync-e2e-'));
  try {
    await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
    const file = path.join(exchange, 'from-the-future.db');
    await exportOverHttp(request, sampleApp, file);
    // The sending computer's clock ran 20 minutes fast when it last wrote.
    const sqlite = new Database(file);
    const last = sqlite.prepare('SELECT seq, hlc FROM change_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hlc: string };
    const ahead = `${String(Date.now() + 20 * 60_000).padStart(15, '0')}${last.hlc.slice(15)}`;
    sqlite.prepare('UPDATE change_log SET hlc = ? WHERE seq = ?').run(ahead, last.seq);
    sqlite.close();

    const burgas = await openOffice(browser, emptyApp);
    await previewFile(burgas, file);
    const panel = burgas.getByRole('tabpanel', { name: 'Import' });
    await expect(panel.getByText('The other computer’s clock is ahead')).toBeVisible();
    await expect(panel.getByText(/about (19|20) minutes ahead/)).toBeVisible();
    const mergeButton = panel.getByRole('button', { name: 'Merge into this database' });
    await expect(mergeButton).toBeDisabled();
    await panel.getByLabel('I have checked the clocks; merge anyway').check();
    await expect(mergeButton).toBeEnabled();
    await merge(burgas);
    await burgas.getByRole('link', { name: 'Partnerships' }).click();
    await expect(burgas.getByTestId('partnerships-table').getByRole('row')).toHaveCount(1 + 8);
    await burgas.context().close();
  } finally {
    rmSync(exchange, { recursive: true, force: true });
  }
});

test('a file double-clicked or chosen in the File menu opens in the import tab: a plain one is previewed, an encrypted one asks for its passphrase', async ({
  browser,
  request,
  sampleApp,
  emptyApp,
}) => {
  test.setTimeout(120_000);
  const exchange = mkdtempSync(path.join(os.tmpdir(), 'pt-sync-e2e-'));
  try {
    await call(request, emptyApp, 'app.finishOnboarding', { choice: 'empty' });
    const plain = path.join(exchange, 'shantou.ptdb');
    const sealed = path.join(exchange, 'shantou-sealed.ptdb');
    await exportOverHttp(request, sampleApp, plain);
    await exportOverHttp(request, sampleApp, sealed, 'harbour lights 2017');
    const burgas = await openOffice(browser, emptyApp);
    await burgas.getByRole('link', { name: 'Partnerships' }).click();
    await expect(burgas.getByRole('heading', { name: 'Partnerships', level: 1 })).toBeVisible();
    // What the desktop shell's preload hands the page (window.api.onExchangeFile) for a double-clicked file: a handle
    // and a name, never a path. Here the handle comes from an upload.
    const handOver = async (file: string) => {
      const chosen = await uploadOverHttp(request, emptyApp, file);
      await burgas.evaluate((detail) => window.dispatchEvent(new CustomEvent('pt:exchange-file', { detail })), chosen);
    };

    await handOver(plain);
    const importPanel = burgas.getByRole('tabpanel', { name: 'Import' });
    await expect(importPanel.getByLabel('File to import')).toHaveValue(path.basename(plain));
    await expect(burgas.getByTestId('merge-preview')).toBeVisible();
    await expect(importPanel.getByRole('button', { name: 'Merge' })).toBeEnabled();

    await handOver(sealed);
    await expect(importPanel.getByLabel('File to import')).toHaveValue(path.basename(sealed));
    await expect(burgas.getByTestId('import-error')).toContainText('This file is encrypted: enter the passphrase it was exported with.');
    await expect(burgas.getByTestId('merge-preview')).toHaveCount(0);
    await importPanel.getByLabel('Passphrase').fill('harbour lights 2017');
    await importPanel.getByRole('button', { name: 'Preview' }).click();
    await expect(burgas.getByTestId('merge-preview')).toBeVisible();
    await burgas.screenshot({ path: path.join(SHOTS, 'sync-handed-over-en.png'), fullPage: true, style: HIDE_TOASTS });
    await merge(burgas);
    await expect(burgas.getByTestId('merge-result')).toContainText('Added');
  } finally {
    rmSync(exchange, { recursive: true, force: true });
  }
});

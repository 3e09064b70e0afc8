/**
 * The desktop app as it really runs: the BUILT main process (out/main/index.js, from `npm run
 * build`, which `npm test` runs first) under Node with a stand-in `electron` that fails where
 * Electron fails (test/desktop/stand-in.ts), the Node build of better-sqlite3 unloadable as in
 * Electron, and the app's own Electron-build path holding a loadable addon. Everything goes
 * through the real preload, IPC door, menu callbacks and app events. What this cannot prove is
 * in README ("What the desktop harness cannot prove").
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../db/api';
import type { MergeSummary } from '../../db/sync/files';
import type { AppState } from '../desktop/app-process';
import { EXCHANGE_FILE_CHANNEL } from '../../electron/bridge';
import { BUILT_MAIN, launchApp, layoutApp, removeLayout, seedDatabase, type AppLayout, type LaunchOptions, type RunningApp } from '../desktop/harness';
import { Menu, StandInWindow } from '../desktop/stand-in';

const DB_NAME = 'partnership-tracker.db';
const PASSPHRASE = 'correct horse battery';
const running: RunningApp[] = [];
const layouts: AppLayout[] = [];
const dirs: string[] = [];

/** A temporary folder kept for the whole file (helpers' tempDir goes after each test). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function layout(options: Parameters<typeof layoutApp>[0]): AppLayout {
  const made = layoutApp(options);
  layouts.push(made);
  return made;
}

async function start(appLayout: AppLayout, options: LaunchOptions): Promise<RunningApp> {
  const app = await launchApp(appLayout, options);
  running.push(app);
  return app;
}

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`refused: ${envelope.error.message.en}`);
  return envelope.value;
}

/** The main window has loaded the page and is shown (its preload exposed window.api). */
function windowUp(app: RunningApp): Promise<AppState> {
  return app.waitFor((s) => s.windows.some((w) => w.exposed.includes('api') && w.visible), 'the main window');
}

/** The paths the main process handed to the page as exchange files to import (EXCHANGE_FILE_CHANNEL). */
/** What the page was handed for each exchange file: a handle and a name, never the path. */
const handedOver = (state: AppState) =>
  state.sentToPage.filter((m) => m.channel === EXCHANGE_FILE_CHANNEL).map((m) => m.args[0] as { file: string; name: string });
const exchangeFiles = (state: AppState) => handedOver(state).map((chosen) => chosen.name);

/** The person picks `file` in the dialog the page asks for: the page gets a handle for it. */
async function choose(app: RunningApp, purpose: 'import' | 'export', file: string): Promise<string> {
  await app.request({
    op: 'answer',
    kind: purpose === 'import' ? 'showOpenDialog' : 'showSaveDialog',
    answer: purpose === 'import' ? { canceled: false, filePaths: [file] } : { canceled: false, filePath: file },
  });
  const chosen = await app.request<{ file: string; name: string } | null>({
    op: 'chooseFile',
    request: purpose === 'import' ? { purpose } : { purpose, suggestedName: 'x.ptdb' },
  });
  expect(chosen?.name).toBe(path.basename(file));
  return chosen!.file;
}
const messageBoxes = (state: AppState) => state.dialogs.filter((d) => d.kind === 'showMessageBox').map((d) => String(d.options.message));

async function waitForJob(app: RunningApp, id: string): Promise<{ status: string; error: { message: { en: string } } | null }> {
  for (;;) {
    const job = value(await app.invoke<{ status: string; error: { message: { en: string } } | null }>('jobs.get', { id }));
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Fixtures, made in processes of their own, at the same time. */
const fixtures = { db100: '', db1000: '', peer: '', work: '' };

beforeAll(async () => {
  fixtures.work = tempDir('pt-work-');
  fixtures.db100 = path.join(tempDir('pt-userdata-'), DB_NAME);
  fixtures.db1000 = path.join(tempDir('pt-userdata-'), DB_NAME);
  // Another office's exported file, opened with the app: a small database named .ptdb.
  fixtures.peer = path.join(fixtures.work, 'district office 2026.ptdb');
  await Promise.all([seedDatabase(fixtures.db100, 100), seedDatabase(fixtures.db1000, 1000), seedDatabase(fixtures.peer, 3)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((app) => app.stop()));
  for (const made of layouts) removeLayout(made);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the stand-in fails where Electron fails', () => {
  it('refuses a URL over 2 MiB, as Chromium does', async () => {
    const window = new StandInWindow({ show: false });
    await expect(window.loadURL(`data:text/html;base64,${'A'.repeat(2 * 1024 * 1024)}`)).rejects.toThrow(/ERR_INVALID_URL/);
    await expect(window.loadURL(`data:text/html;base64,${'A'.repeat(1024)}`)).resolves.toBeUndefined();
  });

  it('throws on a menu role Electron does not know', () => {
    expect(() => Menu.buildFromTemplate([{ label: 'Edit', submenu: [{ role: 'selectall' }] }])).toThrow(/Invalid role: selectall/);
    expect(() => Menu.buildFromTemplate([{ label: 'Edit', submenu: [{ role: 'selectAll' }] }])).not.toThrow();
  });

  it('runs a sandboxed preload with nothing but electron to require', async () => {
    const dir = tempDir('pt-preload-');
    const page = path.join(dir, 'index.html');
    writeFileSync(page, '<title>page</title>');
    const greedy = path.join(dir, 'greedy.js');
    writeFileSync(greedy, "require('node:fs'); require('electron').contextBridge.exposeInMainWorld('api', {});");
    const refused = new StandInWindow({ show: false, webPreferences: { preload: greedy, sandbox: true, contextIsolation: true } });
    await refused.loadFile(page);
    expect(String(refused.webContents.preloadError)).toContain('module not found: node:fs');
    expect(refused.webContents.exposed).toEqual({});
    const modest = path.join(dir, 'modest.js');
    writeFileSync(modest, "require('electron').contextBridge.exposeInMainWorld('api', { desktop: true });");
    const allowed = new StandInWindow({ show: false, webPreferences: { preload: modest, sandbox: true, contextIsolation: true } });
    await allowed.loadFile(page);
    expect(allowed.webContents.exposed).toEqual({ api: { desktop: true } });
  });
});

describe('the built desktop main process', () => {
  it('exists: npm test builds it before the unit tests (npm run build)', () => {
    expect(existsSync(BUILT_MAIN), `${BUILT_MAIN} is missing: run npm run build`).toBe(true);
  });

  describe('installed (packaged layout), on an existing database of 100 partnerships', () => {
    let app: RunningApp;
    let shown: AppState;

    beforeAll(async () => {
      app = await start(layout({ packaged: true, electronAddon: 'present' }), { userData: path.dirname(fixtures.db100) });
      shown = await windowUp(app);
    }, 30_000);

    it('starts with its window and menu, and answers every read a page makes through the IPC door', async () => {
      expect(shown.applicationMenu?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      // The core runs in utility processes of its own, a writer and a reader: the main process never loads SQLite.
      expect(shown.timeline.filter((t) => t.what === 'utilityProcess.fork').map((t) => t.detail)).toEqual([
        'core-thread.js (Partnership Tracker core)',
        'core-thread.js (Partnership Tracker core)',
      ]);
      expect(shown.databaseModulesInMain).toEqual([]);
      const reads: [string, unknown][] = [
        ['app.info', {}],
        ['app.counts', {}],
        ['organizations.list', {}],
        ['partnerships.list', {}],
        ['partnerships.filterOptions', {}],
        ['contacts.list', {}],
        ['meetings.list', {}],
        ['tasks.list', {}],
        ['tasks.assignees', {}],
        ['dashboard.get', {}],
        ['timeline.portfolio', {}],
        ['reminders.list', {}],
        ['map.data', {}],
        ['trash.list', {}],
        ['search.query', { query: '汕头' }],
        ['sync.log', {}],
        ['conflicts.list', {}],
        ['duplicates.list', {}],
        ['backups.list', {}],
        ['settings.get', {}],
        ['export.list', { view: 'partnerships', format: 'csv', lang: 'zh' }],
      ];
      for (const [name, input] of reads) {
        const answer = await app.invoke(name, input);
        expect(answer.ok, `${name}: ${JSON.stringify(answer)}`).toBe(true);
      }
      const counts = value(await app.invoke<Record<string, number>>('app.counts'));
      expect(counts.partnerships).toBeGreaterThanOrEqual(100);
      // A write, through the same door, in one transaction.
      const org = value(await app.invoke<{ id: string }>('organizations.create', { displayName: '龙湖区 Longhu', country: 'CN' }));
      expect(value(await app.invoke<{ displayName: string }>('organizations.get', { id: org.id })).displayName).toBe('龙湖区 Longhu');
    });

    it('shows the window before the daily backup, which then runs in a worker thread', async () => {
      // Nothing was backed up today when the window came up…
      expect(shown.userDataAtFirstShow?.filter((f) => f.includes('daily'))).toEqual([]);
      // …and the backup follows, in the backup worker, started after the window was shown.
      const state = await app.waitFor((s) => s.timeline.some((t) => t.what === 'worker.start' && t.detail === 'backup-worker.js'), 'the backup worker');
      const shownAt = state.timeline.findIndex((t) => t.what === 'window.show');
      const workerAt = state.timeline.findIndex((t) => t.what === 'worker.start' && t.detail === 'backup-worker.js');
      expect(shownAt).toBeGreaterThanOrEqual(0);
      expect(workerAt).toBeGreaterThan(shownAt);
      let backups: { reason: string }[] = [];
      for (let i = 0; i < 400 && !backups.some((b) => b.reason === 'daily'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        backups = value(await app.invoke<{ reason: string }[]>('backups.list'));
      }
      expect(backups.map((b) => b.reason)).toContain('daily');
    });

    it('exports plain and encrypted files from the Sync view', async () => {
      const plain = value(
        await app.invoke<{ path: string; bytes: number }>('sync.export', { file: await choose(app, 'export', path.join(fixtures.work, 'plain.ptdb')) }),
      );
      expect(plain.bytes).toBeGreaterThan(0);
      const encrypted = value(
        await app.invoke<{ encrypted: boolean }>('sync.export', {
          file: await choose(app, 'export', path.join(fixtures.work, 'sealed.ptdb')),
          passphrase: PASSPHRASE,
        }),
      );
      expect(encrypted.encrypted).toBe(true);
      // The page cannot name a path, nor grant itself a file.
      expect(await app.invoke('sync.export', { path: path.join(fixtures.work, 'named.ptdb') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await app.invoke('files.grant', { path: path.join(fixtures.work, 'named.ptdb'), mode: 'write' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(existsSync(path.join(fixtures.work, 'named.ptdb'))).toBe(false);
      // Cancelled: no handle.
      await app.request({ op: 'answer', kind: 'showSaveDialog', answer: { canceled: true } });
      expect(await app.request({ op: 'chooseFile', request: { purpose: 'export', suggestedName: 'x.ptdb' } })).toBeNull();
    });

    it('previews plain and encrypted files and merges one in the worker from the Sync view', async () => {
      const peer = await choose(app, 'import', fixtures.peer);
      const preview = value(await app.invoke<MergeSummary>('sync.preview', { file: peer }));
      expect(preview.fileName).toBe(path.basename(fixtures.peer));
      expect(preview.added).toBeGreaterThan(0);
      const sealed = value(
        await app.invoke<MergeSummary>('sync.preview', { file: await choose(app, 'import', path.join(fixtures.work, 'sealed.ptdb')), passphrase: PASSPHRASE }),
      );
      expect(sealed.encrypted).toBe(true);
      const job = value(await app.invoke<{ id: string }>('sync.mergeStart', { file: peer }));
      const done = await waitForJob(app, job.id);
      expect(done.error?.message.en ?? null).toBeNull();
      expect(done.status).toBe('done');
      expect((await app.state()).timeline.some((t) => t.what === 'worker.start' && t.detail === 'merge-worker.js')).toBe(true);
      expect(value(await app.invoke<unknown[]>('sync.log')).length).toBeGreaterThanOrEqual(3);
    });

    it('prints the portfolio and a partnership to PDF from a temporary file, JavaScript off, network refused, fonts awaited', async () => {
      const portfolio = value(await app.invoke<{ fileName: string; pdfBase64: string }>('reports.pdf', { kind: 'portfolio', lang: 'zh' }));
      expect(Buffer.from(portfolio.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const first = value(await app.invoke<{ rows: { id: string }[] }>('partnerships.list', { limit: 1 })).rows[0]!;
      const one = value(await app.invoke<{ pdfBase64: string }>('reports.pdf', { kind: 'partnership', partnershipId: first.id, lang: 'en' }));
      expect(Buffer.from(one.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const { prints, loadFailures } = await app.state();
      expect(loadFailures).toEqual([]);
      expect(prints).toHaveLength(2);
      for (const print of prints) {
        expect(print.url).toMatch(/^file:/);
        expect(print).toMatchObject({ javascript: false, fontsAsked: true, remoteAllowed: false });
        // The temporary file is gone once printed.
        expect(existsSync(new URL(print.url))).toBe(false);
      }
      // As a data: URL, a hundred partnerships' portfolio is past Chromium's 2 MiB.
      expect(Math.ceil(prints[0]!.htmlBytes / 3) * 4).toBeGreaterThan(2 * 1024 * 1024);
    });

    it('backs up and restores through the Backups view', async () => {
      const made = value(await app.invoke<{ name: string }>('backups.create'));
      const org = value(await app.invoke<{ id: string }>('organizations.create', { displayName: 'After the backup' }));
      const restored = value(await app.invoke<{ restored: { name: string } }>('backups.restore', { name: made.name }));
      expect(restored.restored.name).toBe(made.name);
      expect((await app.invoke('organizations.get', { id: org.id })).ok).toBe(false);
    });

    it('exports from the File menu, and hands a file chosen in Import and merge… to the Sync view', async () => {
      const target = path.join(fixtures.work, 'from the menu.ptdb');
      await app.request({ op: 'answer', kind: 'showSaveDialog', answer: { canceled: false, filePath: target } });
      await app.request({ op: 'menu', labels: ['File', 'Export database…'] });
      let state = await app.waitFor((s) => messageBoxes(s).some((m) => m.startsWith('Exported to:')), 'the export to finish');
      expect(existsSync(target)).toBe(true);

      // The Sync view's import tab previews it, asks for a passphrase or the clock confirmation where needed, and merges.
      await app.request({ op: 'answer', kind: 'showOpenDialog', answer: { canceled: false, filePaths: [fixtures.peer] } });
      await app.request({ op: 'menu', labels: ['File', 'Import and merge…'] });
      state = await app.waitFor((s) => exchangeFiles(s).length > 0, 'the file handed to the page');
      expect(exchangeFiles(state)).toEqual([path.basename(fixtures.peer)]);
      expect(JSON.stringify(handedOver(state))).not.toContain(path.dirname(fixtures.peer));
      // What the page then does with it is what the Sync view does with a file chosen there: the same preview.
      const handed = handedOver(state)[0]!;
      expect(value(await app.invoke<MergeSummary>('sync.preview', { file: handed.file })).fileName).toBe(path.basename(fixtures.peer));
      expect(state.dialogs.some((d) => d.options.type === 'error')).toBe(false);
    });

    it('offers cut, copy and paste on right-click in a field, with spellcheck (and its dictionary download) off', async () => {
      const popup = await app.request<{ label: string; role?: string }[]>({
        op: 'contextMenu',
        params: {
          isEditable: true,
          selectionText: '汕头',
          editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
          misspelledWord: '',
          dictionarySuggestions: [],
        },
      });
      expect(popup.filter((i) => i.role).map((i) => [i.label, i.role])).toEqual([
        ['Cut', 'cut'],
        ['Copy', 'copy'],
        ['Paste', 'paste'],
        ['Select all', 'selectAll'],
      ]);
      const main = (await app.state()).windows.find((w) => w.exposed.includes('api'))!;
      expect(main.webPreferences.spellcheck).toBe(false);
    });
  });

  it('prints the portfolio of 1,000 partnerships', async () => {
    const app = await start(layout({ packaged: true, electronAddon: 'present' }), { userData: path.dirname(fixtures.db1000), locale: 'zh-CN' });
    await windowUp(app);
    const portfolio = value(await app.invoke<{ pdfBase64: string }>('reports.pdf', { kind: 'portfolio', lang: 'zh' }));
    expect(Buffer.from(portfolio.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const { prints } = await app.state();
    expect(prints[0]).toMatchObject({ javascript: false, fontsAsked: true, remoteAllowed: false });
    expect(Math.ceil(prints[0]!.htmlBytes / 3) * 4).toBeGreaterThan(2 * 1024 * 1024);
    await app.stop();
  }, 30_000);

  it('opens double-clicked files given during a slow start (argv, open-file, second-instance with a path and a file:// URI), none dropped, in order', async () => {
    const userData = tempDir('pt-userdata-');
    const uri = pathToFileURL(fixtures.peer).href;
    expect(uri).toContain('%20');
    const app = await start(layout({ packaged: false, electronAddon: 'present' }), { userData, args: ['.', uri], holdReady: true });
    expect(await app.request({ op: 'openFile', file: fixtures.peer })).toBe(true);
    await app.request({ op: 'secondInstance', args: [fixtures.peer] });
    await app.request({ op: 'secondInstance', args: ['--no-sandbox', uri] });
    await app.request({ op: 'ready' });
    // A new database: the window comes up, then each file goes to the page's Sync view, the start file first.
    const state = await app.waitFor((s) => exchangeFiles(s).length >= 4, 'four files handed to the page');
    const name = path.basename(fixtures.peer);
    expect(exchangeFiles(state)).toEqual([name, name, name, name]);
    // After start, a second instance given a URI opens it too.
    await app.request({ op: 'secondInstance', args: [uri] });
    const later = await app.waitFor((s) => exchangeFiles(s).length >= 5, 'a fifth file handed to the page');
    expect(exchangeFiles(later)[4]).toBe(name);
    expect(later.dialogs.some((d) => d.options.type === 'error')).toBe(false);
    await app.stop();
  }, 30_000);

  describe('without the Electron build of the addon (npm run dev before npm run native, an Electron upgrade)', () => {
    it('names the missing build and the command that fixes it, in Chinese, on a new database', async () => {
      const app = await start(layout({ packaged: false, electronAddon: 'missing' }), { userData: tempDir('pt-userdata-'), locale: 'zh-CN' });
      const state = await app.waitFor((s) => s.quit, 'the app to quit');
      const box = state.dialogs.find((d) => d.kind === 'showErrorBox')!;
      expect(box.options.title).toBe('无法打开数据库');
      expect(String(box.options.content)).toContain('缺少桌面版的数据库引擎（better-sqlite3 的 Electron 版本）');
      expect(String(box.options.content)).toContain('npm run native');
      expect(app.output()).toContain('cannot open');
      await app.stop();
    });

    it('does not call an existing database foreign, in English', async () => {
      const userData = tempDir('pt-userdata-');
      copyFileSync(fixtures.peer, path.join(userData, DB_NAME));
      const app = await start(layout({ packaged: true, electronAddon: 'missing' }), { userData, locale: 'en-GB' });
      const state = await app.waitFor((s) => s.quit, 'the app to quit');
      const content = String(state.dialogs.find((d) => d.kind === 'showErrorBox')!.options.content);
      expect(content).toContain('The desktop build of the database engine (better-sqlite3 for Electron) is missing');
      expect(content).toContain('npm run native');
      expect(content).not.toContain('is not a Partnership Tracker database');
      await app.stop();
    });
  });
});

/**
 * Desktop shell: one window, the core opened on a file under userData, and the contract
 * registered on one IPC channel. Policy lives in security.ts (pure, unit-tested).
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, Notification, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { openCore, type Core } from '../db/core';
import { createRegistry } from '../db/api';
import { ensureDailyBackup } from '../db/backups';
import { AppError, toSerializedError } from '../db/errors';
import { API_CHANNEL, COMMAND_CHANNEL, UI_STATE_CHANNEL } from './bridge';
import { menuTemplate, parseUiState, PAGE_COMMANDS, type MenuCommand, type MenuItemSpec, type PageCommand, type ThemeChoice } from './menu';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreBounds, type WindowState } from './window-state';
import type { Reminders } from '../db/reminders';
import type { Settings } from '../db/settings';
import { dueReminderNotification, lastNotifiedDay, localDay, REMINDER_CHECK_MS, rememberNotifiedDay } from './reminders';
import { exportDatabase, mergeFile } from '../db/sync/files';
import { defaultExportName, EXCHANGE_EXTENSION, exchangeFileFromArgs, exportDoneText, mergePreviewText } from './sync-dialogs';
import {
  contentSecurityPolicy,
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  migrationsPath,
  nativeBindingPath,
} from './security';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = path.join(__dirname, '../renderer/index.html');
const appEntry = devServerUrl ? { devServerUrl } : { rendererFile };
/** The page's language and theme (it reports them; the menu follows); before it does, the system's. */
const ui: { language: 'zh' | 'en'; theme: ThemeChoice } = { language: 'en', theme: 'system' };
const zh = () => ui.language === 'zh';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
/** A .ptdb the app was started with, merged (after a preview) once the window is up. */
let fileToOpen: string | null = exchangeFileFromArgs(process.argv);
const registry = createRegistry();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    const file = exchangeFileFromArgs(argv);
    if (file) void mergeWithPreview(file);
  });
  // macOS: a .ptdb double-clicked in the Finder, before or after start.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (mainWindow) void mergeWithPreview(file);
    else fileToOpen = file;
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    core?.close();
    core = null;
    app.quit();
  });
  void app.whenReady().then(start);
}

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, contents.getURL(), appEntry)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link in a note may come from another office's file: the app never opens a browser by
  // itself; it copies an https or mailto link and says so, and the person decides.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) {
      clipboard.writeText(url);
      void dialog.showMessageBox({
        type: 'info',
        message: zh() ? '链接已复制' : 'Link copied',
        detail: `${url}\n\n${zh() ? '本应用不会自行打开浏览器。如需访问，请将链接粘贴到浏览器中。' : 'The app does not open a browser by itself. To visit it, paste the link into your browser.'}`,
      });
    }
    return { action: 'deny' };
  });
}

async function start(): Promise<void> {
  const csp = contentSecurityPolicy(devServerUrl);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });

  const file = path.join(app.getPath('userData'), 'partnership-tracker.db');
  try {
    core = await openCore(file, {
      appVersion: app.getVersion(),
      nativeBinding: nativeBindingPath(app.getAppPath(), app.isPackaged, path.sep),
      migrationsFolder: migrationsPath(app.getAppPath(), process.resourcesPath, app.isPackaged, path.sep),
    });
  } catch (error) {
    const message = toSerializedError(error).message;
    dialog.showErrorBox(zh() ? '无法打开数据库' : 'Cannot open the database', `${zh() ? message.zh : message.en}\n\n${file}`);
    app.quit();
    return;
  }

  core.services.renderPdf = renderPdfInHiddenWindow;
  // One backup a day, the first time the app opens the file that day (pruned to Settings' number).
  try {
    ensureDailyBackup(core);
  } catch (error) {
    console.error('daily backup failed:', error);
  }

  ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!core || typeof name !== 'string' || !isAppUrl(frameUrl, appEntry)) {
      return {
        ok: false,
        error: new AppError('forbidden', { zh: '拒绝了来自未知页面的请求。', en: 'A request from an unknown page was refused.' }).toJSON(),
      };
    }
    return registry.callAsync(core, name, input);
  });

  ui.language = app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en';
  buildMenu();
  ipcMain.on(UI_STATE_CHANNEL, (event, value: unknown) => {
    const state = parseUiState(value);
    if (!state || !isAppUrl(event.senderFrame?.url ?? '', appEntry)) return;
    Object.assign(ui, state);
    nativeTheme.themeSource = state.theme;
    buildMenu();
  });

  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = parseWindowState(readText(stateFile));
  const bounds = restoreBounds(saved.bounds, screen.getAllDisplays().map((d) => d.workArea));
  mainWindow = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Partnership Tracker',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    // Written out here, where electronegativity reads them: the page gets no Node, no remote, no webview.
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (saved.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    const state: WindowState = { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() };
    writeText(stateFile, JSON.stringify(state));
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(rendererFile);
  // Windows shows a notification only for an app with a user model id: the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId('org.partnership-tracker.desktop');
  checkReminders();
  setInterval(checkReminders, REMINDER_CHECK_MS);
  if (fileToOpen) {
    const file = fileToOpen;
    fileToOpen = null;
    await mergeWithPreview(file);
  }
}

/** Held so the notification (and its click handler) is not collected while it is on screen. */
let reminderNotice: Notification | null = null;

/** The daily reminders notification (electron/reminders.ts decides); a click opens the list in the window. */
function checkReminders(): void {
  const opened = core;
  if (!opened || !Notification.isSupported()) return;
  try {
    const stateFile = path.join(app.getPath('userData'), 'reminders.json');
    const now = new Date();
    const read = <T>(name: 'settings.get' | 'reminders.list', input: unknown): T | null => {
      const envelope = registry.call(opened, name, input);
      return envelope.ok ? (envelope.value as T) : null;
    };
    const text = dueReminderNotification(now, lastNotifiedDay(stateFile), zh() ? 'zh' : 'en', {
      settings: () => read<Settings>('settings.get', {}),
      reminders: (today) => read<Reminders>('reminders.list', { today }),
    });
    if (!text) return;
    reminderNotice = new Notification(text);
    reminderNotice.on('click', () => {
      showMainWindow();
      sendToPage('open-reminders');
    });
    reminderNotice.show();
    rememberNotifiedDay(stateFile, localDay(now));
  } catch (error) {
    console.error('reminder check failed:', error);
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    console.error(`could not write ${file}:`, error);
  }
}

function sendToPage(command: PageCommand): void {
  showMainWindow();
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

/** The native menu in the page's language, its items wired to what they do (electron/menu.ts decides what is there). */
function buildMenu(): void {
  const run = (command: MenuCommand): void => {
    if (command === 'export') void exportFromMenu();
    else if (command === 'import') void importFromMenu();
    else if (command === 'about') showAbout();
    else if (command === 'open-data-folder') {
      if (core) shell.showItemInFolder(core.opened.path);
    } else if ((PAGE_COMMANDS as readonly string[]).includes(command)) sendToPage(command as PageCommand);
  };
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    const { command, submenu, role, ...rest } = item;
    return {
      ...rest,
      ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
      ...(submenu ? { submenu: submenu.map(toElectron) } : {}),
      ...(command ? { click: () => run(command) } : {}),
    } as MenuItemConstructorOptions;
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...ui, platform: process.platform }).map(toElectron)));
}

function showAbout(): void {
  const detail = [
    `${zh() ? '版本' : 'Version'} ${app.getVersion()}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    `${zh() ? '数据库' : 'Database'}: ${core?.opened.path ?? '—'}`,
  ].join('\n');
  void dialog.showMessageBox({ type: 'info', message: zh() ? '伙伴关系管理' : 'Partnership Tracker', detail });
}

function reportError(error: unknown): void {
  const message = toSerializedError(error).message;
  void dialog.showMessageBox({ type: 'error', message: zh() ? message.zh : message.en });
}

async function exportFromMenu(): Promise<void> {
  if (!core || !mainWindow) return;
  const choice = await dialog.showSaveDialog(mainWindow, {
    defaultPath: path.join(app.getPath('documents'), defaultExportName(new Date())),
    filters: [{ name: zh() ? '交换文件' : 'Exchange file', extensions: [EXCHANGE_EXTENSION] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    const result = exportDatabase(core, choice.filePath);
    await dialog.showMessageBox(mainWindow, { type: 'info', message: exportDoneText(zh() ? 'zh' : 'en', result.path, result.bytes) });
  } catch (error) {
    reportError(error);
  }
}

async function importFromMenu(): Promise<void> {
  if (!core || !mainWindow) return;
  const choice = await dialog.showOpenDialog(mainWindow, {
    properties: ['openFile'],
    filters: [{ name: zh() ? '数据库文件' : 'Database file', extensions: [EXCHANGE_EXTENSION, 'db', 'sqlite'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  await mergeWithPreview(file);
}

/** Show what a file would change, and merge it if the person agrees (File menu, or a .ptdb opened with the app). */
async function mergeWithPreview(file: string): Promise<void> {
  if (!core || !mainWindow) return;
  try {
    const preview = mergeFile(core, file, { dryRun: true });
    const text = mergePreviewText(zh() ? 'zh' : 'en', preview);
    const answer = await dialog.showMessageBox(mainWindow, {
      type: 'question', message: text.message, detail: text.detail, buttons: text.buttons, defaultId: 0, cancelId: 0,
      ...(text.checkboxLabel ? { checkboxLabel: text.checkboxLabel, checkboxChecked: false } : {}),
    });
    if (answer.response !== 1) return;
    // The clock confirmation is the person's tick, never assumed: unticked, a clock ahead is refused with its reason.
    mergeFile(core, file, { acceptClockSkew: !!text.checkboxLabel && answer.checkboxChecked });
    mainWindow.webContents.reload();
  } catch (error) {
    reportError(error);
  }
}

/** The same report document as a PDF through Chromium's printToPDF, in a hidden window without scripts. */
async function renderPdfInHiddenWindow(html: string): Promise<Buffer> {
  const window = new BrowserWindow({
    show: false,
    // A report is a document: no scripts run in it at all.
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
}

/**
 * Desktop shell: one window, the core opened on a file under userData, and the contract
 * registered on one IPC channel. Policy lives in security.ts (pure, unit-tested).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, session, shell, type WebContents } from 'electron';
import { openCore, type Core } from '../db/core';
import { createRegistry } from '../db/api';
import { AppError, toSerializedError } from '../db/errors';
import { API_CHANNEL, OPEN_REMINDERS_CHANNEL } from './bridge';
import type { Reminders } from '../db/reminders';
import type { Settings } from '../db/settings';
import { dueReminderNotification, lastNotifiedDay, localDay, REMINDER_CHECK_MS, rememberNotifiedDay } from './reminders';
import { exportDatabase, mergeFile } from '../db/sync/files';
import { defaultExportName, exportDoneText, mergePreviewText } from './sync-dialogs';
import {
  contentSecurityPolicy,
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  mainWindowOptions,
  reportWindowOptions,
  migrationsPath,
  nativeBindingPath,
} from './security';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = path.join(__dirname, '../renderer/index.html');
const appEntry = devServerUrl ? { devServerUrl } : { rendererFile };
const zh = () => app.getLocale().toLowerCase().startsWith('zh');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
const registry = createRegistry();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
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
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
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

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: zh() ? '文件' : 'File',
        submenu: [
          { label: zh() ? '导出数据库…' : 'Export database…', accelerator: 'CmdOrCtrl+Shift+E', click: () => void exportFromMenu() },
          { label: zh() ? '导入并合并数据库…' : 'Import and merge database…', accelerator: 'CmdOrCtrl+Shift+I', click: () => void importFromMenu() },
          { type: 'separator' },
          { role: process.platform === 'darwin' ? 'close' : 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );

  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(rendererFile);
  // Windows shows a notification only for an app with a user model id: the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId('org.partnership-tracker.desktop');
  checkReminders();
  setInterval(checkReminders, REMINDER_CHECK_MS);
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
      mainWindow?.webContents.send(OPEN_REMINDERS_CHANNEL);
    });
    reminderNotice.show();
    rememberNotifiedDay(stateFile, localDay(now));
  } catch (error) {
    console.error('reminder check failed:', error);
  }
}

function reportError(error: unknown): void {
  const message = toSerializedError(error).message;
  void dialog.showMessageBox({ type: 'error', message: zh() ? message.zh : message.en });
}

async function exportFromMenu(): Promise<void> {
  if (!core || !mainWindow) return;
  const choice = await dialog.showSaveDialog(mainWindow, {
    defaultPath: path.join(app.getPath('documents'), defaultExportName(new Date())),
    filters: [{ name: zh() ? '数据库文件' : 'Database file', extensions: ['db'] }],
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
    filters: [{ name: zh() ? '数据库文件' : 'Database file', extensions: ['db', 'ptdb', 'sqlite'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  try {
    const preview = mergeFile(core, file, { dryRun: true });
    const text = mergePreviewText(zh() ? 'zh' : 'en', preview);
    const answer = await dialog.showMessageBox(mainWindow, { type: 'question', message: text.message, detail: text.detail, buttons: text.buttons, defaultId: 0, cancelId: 0 });
    if (answer.response !== 1) return;
    mergeFile(core, file, { acceptClockSkew: true });
    mainWindow.webContents.reload();
  } catch (error) {
    reportError(error);
  }
}

/** The same report document as a PDF through Chromium's printToPDF, in a hidden window without scripts. */
async function renderPdfInHiddenWindow(html: string): Promise<Buffer> {
  const window = new BrowserWindow(reportWindowOptions());
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
}

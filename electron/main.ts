/**
 * Desktop shell: one window, the core opened on a file under userData, and the contract
 * registered on one IPC channel. Policy lives in security.ts (pure, unit-tested).
 */
import path from 'node:path';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  screen,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { SLOW_LOG_NAME, startCoreThreads, type CoreDoor, type CorePort } from '../db/core-host';
import type { OperationInput, OperationName, OperationOutput } from '../db/api';
import { AppError, toSerializedError } from '../db/errors';
import { API_CHANNEL, CHOOSE_FILE_CHANNEL, COMMAND_CHANNEL, EXCHANGE_FILE_CHANNEL, parseFileRequest, UI_STATE_CHANNEL, type FileRequest } from './bridge';
import { SHELL_ONLY_OPERATIONS, type ChosenFile } from '../common/files';
import {
  contextMenuTemplate,
  menuTemplate,
  parseUiState,
  PAGE_COMMANDS,
  type MenuCommand,
  type MenuItemSpec,
  type PageCommand,
  type ThemeChoice,
} from './menu';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreBounds, type WindowState } from './window-state';
import type { Reminders } from '../db/reminders';
import type { Settings } from '../db/settings';
import { dueReminderNotification, lastNotifiedDay, REMINDER_CHECK_MS, rememberNotifiedDay, shouldNotify } from './reminders';
import { localDay } from '../common/calendar';
import { defaultExportName, EXCHANGE_EXTENSION, exchangeFileFromArgs, exportDoneText } from './sync-dialogs';
import { contentSecurityPolicy, DEV_CSP_NONCE_ENV, isAppUrl, isExternalLinkAllowed, isNavigationAllowed, migrationsPath, nativeBindingPath } from './security';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = path.join(__dirname, '../renderer/index.html');
const appEntry = devServerUrl ? { devServerUrl } : { rendererFile };
/** The page's language and theme (it reports them; the menu follows); before it does, the system's. */
const ui: { language: 'zh' | 'en'; theme: ThemeChoice } = { language: 'en', theme: 'system' };
const zh = () => ui.language === 'zh';

/** The core, in a utility process of its own (db/core-thread.ts): this process keeps the windows, menus and dialogs. */
let door: CoreDoor | null = null;
/** The database the core opened (the About box, Open data folder). */
let databaseFile: string | null = null;
let mainWindow: BrowserWindow | null = null;
/** The page has loaded: files asked to be opened before that wait in `waitingFiles`. */
let pageReady = false;
/** .ptdb files the app was asked to open before its window was up (start arguments, open-file, second-instance), in order. */
const waitingFiles: string[] = [];

/** One core process (db/core-thread.ts, its bundle beside this one) as the core host drives it. */
function utilityPort(): CorePort {
  const child = utilityProcess.fork(path.join(__dirname, 'core-thread.js'), [], { serviceName: 'Partnership Tracker core' });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

/** An operation of the contract for the shell itself (File menu, reminders): the value, or the AppError a form would show. */
async function callCore<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  if (!door) throw new AppError('internal', { zh: '数据库尚未打开。', en: 'The database is not open yet.' });
  const envelope = await door.call(name, input);
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.fields);
  return envelope.value as OperationOutput<N>;
}

/**
 * Hand `file` to the Sync view's import tab once the window is up (files opened meanwhile follow in order,
 * none is dropped): it previews the file there, asks for the passphrase of an encrypted one and for the
 * clock confirmation where needed, and merges in the worker, as for a file chosen in the view itself.
 */
function openExchangeFile(file: string): void {
  if (!pageReady || !mainWindow) {
    waitingFiles.push(file);
    return;
  }
  showMainWindow();
  // The page gets a handle for this one file, never its path (db/file-grants.ts).
  const window = mainWindow;
  void callCore('files.grant', { path: file, mode: 'read' })
    .then((chosen) => window.webContents.send(EXCHANGE_FILE_CHANNEL, chosen))
    .catch(reportError);
}

/** The open or save dialog the page asked for; the chosen file as a handle, or null when the person cancelled. */
async function chooseFile(request: FileRequest): Promise<ChosenFile | null> {
  if (!mainWindow) return null;
  const filters = [{ name: zh() ? '交换文件' : 'Exchange file', extensions: [EXCHANGE_EXTENSION, 'db', 'sqlite'] }];
  if (request.purpose === 'import') {
    const choice = await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], filters });
    const file = choice.filePaths[0];
    return choice.canceled || !file ? null : callCore('files.grant', { path: file, mode: 'read' });
  }
  const choice = await dialog.showSaveDialog(mainWindow, {
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: [{ name: zh() ? '交换文件' : 'Exchange file', extensions: [EXCHANGE_EXTENSION] }],
  });
  return choice.canceled || !choice.filePath ? null : callCore('files.grant', { path: choice.filePath, mode: 'write' });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const startFile = exchangeFileFromArgs(process.argv);
  if (startFile) openExchangeFile(startFile);
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    const file = exchangeFileFromArgs(argv);
    if (file) openExchangeFile(file);
  });
  // macOS: a .ptdb double-clicked in the Finder, before or after start.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openExchangeFile(file);
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    const closing = door?.close() ?? Promise.resolve();
    door = null;
    void closing.finally(() => app.quit());
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
  // Cut, copy and paste on right-click (Chromium shows no menu of its own in Electron).
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, ui.language);
    if (template) Menu.buildFromTemplate(template.map(toElectronItem)).popup();
  });
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

/** Written where a person or support can find it (userData/logs/main.log): a dialog alone leaves no trace. */
function logError(what: string, error: unknown): void {
  console.error(`${what}:`, error);
  try {
    const dir = app.getPath('logs');
    mkdirSync(dir, { recursive: true });
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    appendFileSync(path.join(dir, 'main.log'), `${new Date().toISOString()} ${what}: ${detail}\n`, { mode: 0o600 });
  } catch {
    // nowhere to log: the console has it
  }
}

async function start(): Promise<void> {
  ui.language = app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const csp = contentSecurityPolicy(devServerUrl, process.env[DEV_CSP_NONCE_ENV]);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });

  const file = path.join(app.getPath('userData'), 'partnership-tracker.db');
  try {
    door = await startCoreThreads({
      file,
      options: {
        appVersion: app.getVersion(),
        nativeBinding: nativeBindingPath(app.getAppPath(), app.isPackaged, path.sep),
        migrationsFolder: migrationsPath(app.getAppPath(), process.resourcesPath, app.isPackaged, path.sep),
      },
      // Every call slower than 50 ms, by name and duration, in the app's logs folder: a user can send it with a support request.
      slowLogFile: path.join(app.getPath('logs'), SLOW_LOG_NAME),
      renderPdf: renderPdfInHiddenWindow,
      spawn: utilityPort,
    });
    databaseFile = file;
    // The dashboard's and the meeting log's first reads, once, while the window loads: its first calls find them in cache.
    door.warm();
  } catch (error) {
    logError(`cannot open ${file}`, error);
    const message = toSerializedError(error).message;
    dialog.showErrorBox(zh() ? '无法打开数据库' : 'Cannot open the database', `${zh() ? message.zh : message.en}\n\n${file}`);
    app.quit();
    return;
  }

  ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!door || typeof name !== 'string' || SHELL_ONLY_OPERATIONS.has(name) || !isAppUrl(frameUrl, appEntry)) {
      return {
        ok: false,
        error: new AppError('forbidden', { zh: '拒绝了来自未知页面的请求。', en: 'A request from an unknown page was refused.' }).toJSON(),
      };
    }
    return door.call(name, input);
  });

  ipcMain.handle(CHOOSE_FILE_CHANNEL, async (event, value: unknown) => {
    const request = parseFileRequest(value);
    if (!request || !isAppUrl(event.senderFrame?.url ?? '', appEntry)) return null;
    return chooseFile(request);
  });

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
  const bounds = restoreBounds(
    saved.bounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
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
      // Chromium's spellchecker downloads its dictionaries from the internet on Linux and Windows: off.
      spellcheck: false,
    },
  });
  if (saved.maximized) mainWindow.maximize();
  const window = mainWindow;
  const showOnce = () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  window.once('ready-to-show', showOnce);
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    const state: WindowState = { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() };
    writeText(stateFile, JSON.stringify(state));
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // A form holds unsaved changes and the page stopped the unload (renderer/src/lib/unsaved.ts): Electron
  // shows nothing by itself, so ask here, in the page's words. Discard lets the window close or reload.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      message: zh() ? '放弃未保存的修改？' : 'Discard unsaved changes?',
      buttons: zh() ? ['继续编辑', '放弃修改'] : ['Keep editing', 'Discard'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });
  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadFile(rendererFile);
  showOnce();
  // One backup a day, the first time the app opens the file that day (pruned to Settings' number):
  // after the window is up, in a worker (at 1.5 GB the copy takes long; the window keeps answering).
  void callCore('backups.daily', {}).catch((error: unknown) => logError('daily backup failed', error));
  // Windows shows a notification only for an app with a user model id: the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId('org.partnership-tracker.desktop');
  void checkReminders();
  setInterval(() => void checkReminders(), REMINDER_CHECK_MS);
  pageReady = true;
  for (const file of waitingFiles.splice(0)) openExchangeFile(file);
}

/** Held so the notification (and its click handler) is not collected while it is on screen. */
let reminderNotice: Notification | null = null;

/** The daily reminders notification (electron/reminders.ts decides); a click opens the list in the window. */
async function checkReminders(): Promise<void> {
  if (!door || !Notification.isSupported()) return;
  try {
    const stateFile = path.join(app.getPath('userData'), 'reminders.json');
    const now = new Date();
    const read = async <T>(name: 'settings.get' | 'reminders.list', input: unknown): Promise<T | null> => {
      const envelope = await door?.call(name, input);
      return envelope?.ok ? (envelope.value as T) : null;
    };
    // What the notification needs, asked of the core first: the decision itself is pure (electron/reminders.ts).
    const today = localDay(now);
    const settings = await read<Settings>('settings.get', {});
    const last = lastNotifiedDay(stateFile);
    if (!settings || !shouldNotify(now, last, settings)) return;
    const reminders = await read<Reminders>('reminders.list', { today });
    const text = dueReminderNotification(now, last, zh() ? 'zh' : 'en', {
      settings: () => settings,
      reminders: (day) => (day === today ? reminders : null),
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

/** A menu item as Electron takes it, its command wired to what it does. */
function toElectronItem(item: MenuItemSpec): MenuItemConstructorOptions {
  const { command, submenu, role, ...rest } = item;
  return {
    ...rest,
    ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
    ...(submenu ? { submenu: submenu.map(toElectronItem) } : {}),
    ...(command ? { click: () => runMenuCommand(command) } : {}),
  } as MenuItemConstructorOptions;
}

function runMenuCommand(command: MenuCommand): void {
  if (command === 'export') void exportFromMenu();
  else if (command === 'import') void importFromMenu();
  else if (command === 'about') showAbout();
  else if (command === 'open-data-folder') {
    if (databaseFile) shell.showItemInFolder(databaseFile);
  } else if ((PAGE_COMMANDS as readonly string[]).includes(command)) sendToPage(command as PageCommand);
}

/** The native menu in the page's language, its items wired to what they do (electron/menu.ts decides what is there). */
function buildMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...ui, platform: process.platform }).map(toElectronItem)));
}

function showAbout(): void {
  const detail = [
    `${zh() ? '版本' : 'Version'} ${app.getVersion()}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    `${zh() ? '数据库' : 'Database'}: ${databaseFile ?? '—'}`,
  ].join('\n');
  void dialog.showMessageBox({ type: 'info', message: zh() ? '伙伴关系管理' : 'Partnership Tracker', detail });
}

function reportError(error: unknown): void {
  const message = toSerializedError(error).message;
  void dialog.showMessageBox({ type: 'error', message: zh() ? message.zh : message.en });
}

async function exportFromMenu(): Promise<void> {
  if (!door || !mainWindow) return;
  const choice = await dialog.showSaveDialog(mainWindow, {
    defaultPath: path.join(app.getPath('documents'), defaultExportName(new Date())),
    filters: [{ name: zh() ? '交换文件' : 'Exchange file', extensions: [EXCHANGE_EXTENSION] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    // The same operation as the Sync view's export, for the file the person chose here.
    const target = await callCore('files.grant', { path: choice.filePath, mode: 'write' });
    const result = await callCore('sync.export', { file: target.file });
    await dialog.showMessageBox(mainWindow, { type: 'info', message: exportDoneText(zh() ? 'zh' : 'en', result.path, result.bytes) });
  } catch (error) {
    reportError(error);
  }
}

async function importFromMenu(): Promise<void> {
  if (!door || !mainWindow) return;
  const choice = await dialog.showOpenDialog(mainWindow, {
    properties: ['openFile'],
    filters: [{ name: zh() ? '数据库文件' : 'Database file', extensions: [EXCHANGE_EXTENSION, 'db', 'sqlite'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  openExchangeFile(file);
}

/** Report files being printed (as paths, compared the way the OS does): the print windows' session loads these and nothing else. */
const printableReports = new Set<string>();
const samePath = (file: string) => (process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(file).toLowerCase() : path.resolve(file));

/** Whether a request of a report window is its own file (however Chromium spelled the URL). */
function isPrintableReport(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  try {
    return printableReports.has(samePath(fileURLToPath(url)));
  } catch {
    return false;
  }
}
let printSession: Electron.Session | null = null;

/** An in-memory session for report windows that refuses every request but the report file itself and its data: fonts and images. */
function reportSession(): Electron.Session {
  if (printSession) return printSession;
  printSession = session.fromPartition('pt-report-print', { cache: false });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(isPrintableReport(details.url) || details.url.startsWith('data:')) });
  });
  return printSession;
}

/**
 * The same report document as a PDF through Chromium's printToPDF, in a hidden window without
 * scripts or network. Loaded from a private temporary file (a data: URL over 2 MiB is refused,
 * and a portfolio of a hundred partnerships is larger); printed once its fonts are loaded.
 */
async function renderPdfInHiddenWindow(html: string): Promise<Buffer> {
  const dir = mkdtempSync(path.join(app.getPath('temp'), 'pt-report-'));
  const file = path.join(dir, 'report.html');
  writeFileSync(`${file}.partial`, html, { mode: 0o600 });
  renameSync(`${file}.partial`, file);
  printableReports.add(samePath(file));
  const window = new BrowserWindow({
    show: false,
    // A report is a document: no scripts run in it at all, and it reaches nothing but itself.
    webPreferences: {
      javascript: false,
      session: reportSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadFile(file);
    await fontsLoaded(window.webContents);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
    printableReports.delete(samePath(file));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Wait until the document's fonts are loaded (the embedded subsets are decoded only when laid out;
 * printing before that leaves the header and footer blank). The page runs no script, so the
 * question is asked through the DevTools protocol, which JavaScript being off does not stop.
 */
async function fontsLoaded(contents: WebContents): Promise<void> {
  try {
    contents.debugger.attach('1.3');
    try {
      const answer = (await contents.debugger.sendCommand('Runtime.evaluate', {
        expression: 'document.fonts.ready.then(() => document.fonts.status)',
        awaitPromise: true,
        returnByValue: true,
      })) as { result?: { value?: unknown } };
      if (answer.result?.value === 'loaded') return;
      logError('report fonts', new Error(`fonts not loaded: ${JSON.stringify(answer)}`));
    } finally {
      contents.debugger.detach();
    }
  } catch (error) {
    // Print anyway (a report with a fallback font beats no report), after giving the fonts a moment.
    logError('report fonts: could not ask whether they are loaded', error);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

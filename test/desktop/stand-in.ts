/**
 * A stand-in for the `electron` module, for running the BUILT main process (out/main/index.js)
 * under plain Node (test/desktop/app-process.ts). It implements the APIs the app uses and fails
 * where Electron fails: a URL over 2 MiB is refused as Chromium refuses it, a menu role Electron
 * does not know throws, a sandboxed preload may require nothing but `electron` (and the few
 * modules Electron's sandbox provides), contextBridge needs context isolation, IPC values are
 * structured-cloned, and a window's session may cancel its own page. What no stand-in does:
 * draw a window, lay out or print a page (printToPDF returns a token PDF), show a real dialog.
 *
 * Everything the app does through it is recorded in `record` for the harness to read.
 */
import { EventEmitter } from 'node:events';
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** Chromium's url::kMaxURLChars: a longer URL is invalid and its navigation fails. */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/** Electron's menu item roles (docs: MenuItem `role`), exactly as Electron matches them. */
export const MENU_ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'showSubstitutions',
  'toggleSmartQuotes',
  'toggleSmartDashes',
  'toggleTextReplacement',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
]);
const MENU_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']);
/** What a sandboxed preload may require besides `electron` (Electron docs: "Preload scripts" in a sandbox). */
const nodeRequire = createRequire(__filename);
const SANDBOX_PRELOAD_MODULES = new Set(['events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

export interface StandInConfig {
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
  userData: string;
  scratch: string;
  locale: string;
}

export interface DialogRecord {
  kind: 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox' | 'showErrorBox';
  options: Record<string, unknown>;
  at: number;
}

export interface PrintRecord {
  url: string;
  htmlBytes: number;
  javascript: boolean;
  partition: string | null;
  fontsAsked: boolean;
  /** Whether the page's session lets a remote request through. */
  remoteAllowed: boolean;
}

export const record = {
  timeline: [] as { at: number; what: string; detail?: string }[],
  dialogs: [] as DialogRecord[],
  windows: [] as StandInWindow[],
  sentToPage: [] as { channel: string; args: unknown[] }[],
  prints: [] as PrintRecord[],
  loadFailures: [] as string[],
  popups: [] as MenuSpecRecord[][],
  applicationMenu: null as StandInMenu | null,
  quit: false,
  shownItemsInFolder: [] as string[],
  clipboard: [] as string[],
  /** Files under userData (relative) at the moment the main window was first shown. */
  userDataAtFirstShow: null as string[] | null,
};

export type DialogAnswer = Record<string, unknown>;
const answers: Record<DialogRecord['kind'], DialogAnswer[]> = { showSaveDialog: [], showOpenDialog: [], showMessageBox: [], showErrorBox: [] };
/** The harness's answer to the next dialog of this kind (otherwise: cancelled, or the cancel button). */
export function answerNext(kind: DialogRecord['kind'], answer: DialogAnswer): void {
  answers[kind].push(answer);
}

const SYSTEM_FOLDERS = ['temp', 'documents', 'downloads', 'desktop', 'home', 'appData'];
let config: StandInConfig | null = null;
let releaseReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  releaseReady = resolve;
});
let readyAtLoad = true;

export function configure(value: StandInConfig, options: { holdReady: boolean }): void {
  config = value;
  readyAtLoad = !options.holdReady;
  // The system's folders exist on a real computer (the app's own userData it makes itself).
  for (const name of SYSTEM_FOLDERS) mkdirSync(path.join(value.scratch, name), { recursive: true });
  (process as unknown as { resourcesPath: string }).resourcesPath = value.resourcesPath;
  (process as unknown as { type: string }).type = 'browser';
}

/** The app becomes ready (`whenReady` resolves, `ready` is emitted): at once, or when the harness says (a slow start). */
export function becomeReady(): void {
  releaseReady();
}

function conf(): StandInConfig {
  if (!config) throw new Error('stand-in electron: not configured');
  return config;
}

function note(what: string, detail?: string): void {
  record.timeline.push({ at: Date.now(), what, ...(detail ? { detail } : {}) });
}

function listFiles(dir: string, prefix = ''): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

// ---------------------------------------------------------------------------------------- app

class StandInApp extends EventEmitter {
  get isPackaged(): boolean {
    return conf().isPackaged;
  }
  getAppPath(): string {
    return conf().appPath;
  }
  getVersion(): string {
    return (JSON.parse(readFileSync(path.join(conf().appPath, 'package.json'), 'utf8')) as { version: string }).version;
  }
  getName(): string {
    return 'Partnership Tracker';
  }
  getLocale(): string {
    return conf().locale;
  }
  getPath(name: string): string {
    const c = conf();
    if (name === 'userData') return c.userData;
    if (SYSTEM_FOLDERS.includes(name) || name === 'logs') return path.join(c.scratch, name);
    throw new Error(`Failed to get '${name}' path`);
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return ready;
  }
  quit(): void {
    record.quit = true;
    note('app.quit');
    this.emit('will-quit');
  }
  exit(): void {
    this.quit();
  }
  setAppUserModelId(): void {}
}
export const app = new StandInApp();
void ready.then(() => {
  note('app.ready');
  app.emit('ready');
});
queueMicrotask(() => {
  if (readyAtLoad) becomeReady();
});

// -------------------------------------------------------------------------------------- session

type BeforeRequest = (details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;

class StandInSession {
  beforeRequest: BeforeRequest | null = null;
  headersReceived: unknown = null;
  permissionRequest: unknown = null;
  permissionCheck: unknown = null;
  constructor(readonly partition: string | null) {}
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheck = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: unknown) => {
      this.headersReceived = listener;
    },
  };
  /** What the session decides about a request (true: it goes through). */
  allows(url: string, resourceType = 'mainFrame'): Promise<boolean> {
    const listener = this.beforeRequest;
    if (!listener) return Promise.resolve(true);
    return new Promise((resolve) => listener({ url, resourceType }, (response) => resolve(!response.cancel)));
  }
}
const partitions = new Map<string, StandInSession>();
export const session = {
  defaultSession: new StandInSession(null),
  fromPartition(partition: string): StandInSession {
    let found = partitions.get(partition);
    if (!found) {
      found = new StandInSession(partition);
      partitions.set(partition, found);
    }
    return found;
  },
};

// --------------------------------------------------------------------------------------- ipc

interface IpcEvent {
  sender: StandInWebContents;
  senderFrame: { url: string };
  returnValue?: unknown;
}
type Handler = (event: IpcEvent, ...args: unknown[]) => unknown;

class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    // Electron: "Attempted to register a second handler for '<channel>'".
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new StandInIpcMain();

/** What crosses IPC: a structured clone, as Electron sends it (functions and class instances do not survive). */
function cloneForIpc<T>(value: T): T {
  return structuredClone(value);
}

// --------------------------------------------------------------------------------- webContents

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  html: string | null = null;
  /** What the preload exposed with contextBridge (the page's `window.<key>`). */
  readonly exposed: Record<string, unknown> = {};
  readonly rendererListeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  preloadError: Error | null = null;
  windowOpenHandler: unknown = null;
  fontsAsked = false;
  private attached = false;
  destroyed = false;

  constructor(readonly owner: StandInWindow) {
    super();
  }

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: unknown): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    const cloned = cloneForIpc(args);
    record.sentToPage.push({ channel, args: cloned });
    for (const listener of this.rendererListeners.get(channel) ?? []) listener({ sender: null }, ...cloned);
  }
  reload(): void {
    note('page.reload');
    setImmediate(() => this.emit('did-finish-load'));
  }

  readonly debugger = {
    attach: (version?: string) => {
      if (this.attached) throw new Error('Another debugger is already attached to this WebContents.');
      if (version && version !== '1.3' && version !== '1.2' && version !== '1.1') throw new Error(`Requested protocol version is not supported: ${version}`);
      this.attached = true;
    },
    detach: () => {
      this.attached = false;
    },
    isAttached: () => this.attached,
    sendCommand: (method: string, params: { expression?: string } = {}) => {
      if (!this.attached) return Promise.reject(new Error('No target available'));
      if (method !== 'Runtime.evaluate') return Promise.reject(new Error(`'${method}' wasn't found`));
      // The stand-in runs no page script: it answers only the one question it can, whether fonts are loaded (they are, once asked).
      if (params.expression?.includes('document.fonts')) {
        this.fontsAsked = true;
        return Promise.resolve({ result: { type: 'string', value: 'loaded' } });
      }
      return Promise.reject(new Error(`stand-in cannot evaluate ${params.expression ?? ''}`));
    },
  };

  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    if (this.html === null) throw new Error('Failed to generate PDF: no document loaded');
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    const prefs = this.owner.options.webPreferences ?? {};
    const sessionUsed = (prefs.session as StandInSession | undefined) ?? session.defaultSession;
    record.prints.push({
      url: this.url,
      htmlBytes: Buffer.byteLength(this.html),
      javascript: prefs.javascript !== false,
      partition: sessionUsed.partition,
      fontsAsked: this.fontsAsked,
      remoteAllowed: await sessionUsed.allows('https://example.org/tracker.png', 'image'),
    });
    const title = /<title>([^<]*)<\/title>/.exec(this.html)?.[1] ?? '';
    return Buffer.from(`%PDF-1.4\n% stand-in print of ${this.url}\n% ${title}\n%%EOF\n`);
  }

  /** Load a page as Chromium would: refused if the URL is too long, the file missing, or the session cancels it. */
  async load(url: string): Promise<void> {
    if (url.length > MAX_URL_CHARS) {
      record.loadFailures.push(`ERR_INVALID_URL ${url.length}`);
      throw new Error(`ERR_INVALID_URL (-300) loading '${url.slice(0, 64)}…'`);
    }
    const prefs = this.owner.options.webPreferences ?? {};
    const sessionUsed = (prefs.session as StandInSession | undefined) ?? session.defaultSession;
    if (!url.startsWith('data:') && !(await sessionUsed.allows(url))) {
      record.loadFailures.push(`ERR_BLOCKED_BY_CLIENT ${url}`);
      throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    }
    let html: string;
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const meta = url.slice(5, comma);
      const body = url.slice(comma + 1);
      html = meta.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
    } else if (url.startsWith('file:')) {
      const file = fileURLToPath(url.split('#')[0]!);
      if (!existsSync(file)) {
        record.loadFailures.push(`ERR_FILE_NOT_FOUND ${file}`);
        throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
      }
      html = readFileSync(file, 'utf8');
    } else {
      throw new Error(`ERR_CONNECTION_REFUSED (-102) loading '${url}'`);
    }
    this.url = url;
    this.html = html;
    this.fontsAsked = false;
    if (prefs.preload) this.runPreload(String(prefs.preload), prefs);
    setImmediate(() => {
      this.emit('did-finish-load');
      this.owner.emit('ready-to-show');
    });
  }

  /** Run the preload as Electron's sandbox does: a CommonJS function whose `require` knows only `electron` and a few modules. */
  private runPreload(file: string, prefs: WebPreferences): void {
    const sandboxed = prefs.sandbox !== false;
    const electronForPage = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (prefs.contextIsolation === false) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
          this.exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          const handler = ipcMain.handlers.get(channel);
          if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
          const event: IpcEvent = { sender: this, senderFrame: { url: this.url } };
          try {
            return cloneForIpc(await handler(event, ...cloneForIpc(args)));
          } catch (error) {
            throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
          }
        },
        send: (channel: string, ...args: unknown[]) => {
          const event: IpcEvent = { sender: this, senderFrame: { url: this.url } };
          ipcMain.emit(channel, event, ...cloneForIpc(args));
        },
        on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
          this.rendererListeners.set(channel, [...(this.rendererListeners.get(channel) ?? []), listener]);
        },
      },
    };
    const preloadRequire = (name: string): unknown => {
      if (name === 'electron') return electronForPage;
      if (sandboxed && !SANDBOX_PRELOAD_MODULES.has(name)) throw new Error(`module not found: ${name}`);
      return nodeRequire(name);
    };
    try {
      const source = readFileSync(file, 'utf8');
      const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file }) as (
        ...args: unknown[]
      ) => void;
      const module = { exports: {} };
      wrapper(module.exports, preloadRequire, module, file, path.dirname(file));
      note('preload.ran');
    } catch (error) {
      // Electron logs "Unable to load preload script" and the page runs without it.
      this.preloadError = error as Error;
      console.error(`Unable to load preload script: ${file}\n${String(error)}`);
    }
  }
}

// ----------------------------------------------------------------------------------- windows

interface WebPreferences {
  preload?: string;
  sandbox?: boolean;
  contextIsolation?: boolean;
  javascript?: boolean;
  session?: unknown;
  spellcheck?: boolean;
  [key: string]: unknown;
}

export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  visible = false;
  destroyed = false;
  maximized = false;
  minimized = false;
  progress: number[] = [];

  constructor(readonly options: { show?: boolean; webPreferences?: WebPreferences; [key: string]: unknown } = {}) {
    super();
    this.webContents = new StandInWebContents(this);
    record.windows.push(this);
    note('window.created');
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    if (options.show !== false) this.show();
  }
  static getAllWindows(): StandInWindow[] {
    return record.windows.filter((w) => !w.destroyed);
  }
  loadFile(file: string): Promise<void> {
    return this.webContents.load(pathToFileURL(path.resolve(file)).href);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.load(url);
  }
  show(): void {
    if (this.visible) return;
    this.visible = true;
    note('window.show');
    if (record.userDataAtFirstShow === null) record.userDataAtFirstShow = listFiles(conf().userData);
    this.emit('show');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  close(): void {
    this.emit('close');
    this.destroy();
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  setProgressBar(value: number): void {
    this.progress.push(value);
  }
}
export const BrowserWindow = StandInWindow;

// -------------------------------------------------------------------------------------- menus

export interface MenuSpecRecord {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  submenu?: MenuSpecRecord[];
}

interface StandInMenuItem {
  label: string;
  role?: string;
  type: string;
  enabled: boolean;
  click?: (...args: unknown[]) => void;
  submenu?: StandInMenu;
}

export class StandInMenu {
  constructor(readonly items: StandInMenuItem[]) {}
  popup(): void {
    record.popups.push(describeMenu(this));
  }
  /** The item at this path of labels (harness: click a menu item as a person would). */
  find(labels: string[]): StandInMenuItem | null {
    const [first, ...rest] = labels;
    const item = this.items.find((i) => i.label === first);
    if (!item) return null;
    return rest.length === 0 ? item : (item.submenu?.find(rest) ?? null);
  }
}

function buildItem(template: Record<string, unknown>): StandInMenuItem {
  const role = template.role as string | undefined;
  if (role !== undefined && !MENU_ROLES.has(role)) throw new Error(`Invalid role: ${role}`);
  const submenuTemplate = template.submenu as Record<string, unknown>[] | undefined;
  const type = (template.type as string | undefined) ?? (submenuTemplate ? 'submenu' : 'normal');
  if (!MENU_TYPES.has(type)) throw new Error(`Invalid menu item type: ${type}`);
  if (template.click !== undefined && typeof template.click !== 'function') throw new TypeError('click must be a function');
  return {
    label: (template.label as string | undefined) ?? '',
    ...(role ? { role } : {}),
    type,
    enabled: template.enabled !== false,
    ...(typeof template.click === 'function' ? { click: template.click as (...args: unknown[]) => void } : {}),
    ...(submenuTemplate ? { submenu: Menu.buildFromTemplate(submenuTemplate) } : {}),
  };
}

export function describeMenu(menu: StandInMenu): MenuSpecRecord[] {
  return menu.items.map((item) => ({
    label: item.label,
    ...(item.role ? { role: item.role } : {}),
    type: item.type,
    enabled: item.enabled,
    ...(item.submenu ? { submenu: describeMenu(item.submenu) } : {}),
  }));
}

export const Menu = {
  buildFromTemplate(template: Record<string, unknown>[]): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    return new StandInMenu(template.map(buildItem));
  },
  setApplicationMenu(menu: StandInMenu | null): void {
    record.applicationMenu = menu;
  },
  getApplicationMenu(): StandInMenu | null {
    return record.applicationMenu;
  },
};

// ------------------------------------------------------------------------------------ dialogs

function takeAnswer(kind: DialogRecord['kind'], options: Record<string, unknown>): DialogAnswer | undefined {
  record.dialogs.push({ kind, options, at: Date.now() });
  note(`dialog.${kind}`, String(options.message ?? options.title ?? ''));
  return answers[kind].shift();
}

/** Electron's dialogs take an optional parent window first. */
function optionsOf(args: unknown[]): Record<string, unknown> {
  const last = args.at(-1);
  return typeof last === 'object' && last !== null && !(last instanceof StandInWindow) ? (last as Record<string, unknown>) : {};
}

export const dialog = {
  showSaveDialog: (...args: unknown[]) => Promise.resolve(takeAnswer('showSaveDialog', optionsOf(args)) ?? { canceled: true, filePath: '' }),
  showOpenDialog: (...args: unknown[]) => Promise.resolve(takeAnswer('showOpenDialog', optionsOf(args)) ?? { canceled: true, filePaths: [] }),
  showMessageBox: (...args: unknown[]) => {
    const options = optionsOf(args);
    return Promise.resolve(takeAnswer('showMessageBox', options) ?? { response: (options.cancelId as number | undefined) ?? 0, checkboxChecked: false });
  },
  showErrorBox: (title: string, content: string) => {
    takeAnswer('showErrorBox', { title, content });
  },
};

// ------------------------------------------------------------------------------------- others

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: unknown) {
    super();
  }
  show(): void {
    note('notification.show');
  }
}

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = {
  showItemInFolder: (file: string) => {
    record.shownItemsInFolder.push(file);
  },
  openExternal: () => Promise.reject(new Error('the app never opens a browser')),
};
export const clipboard = {
  writeText: (text: string) => {
    record.clipboard.push(text);
  },
};
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });

// ------------------------------------------------------------------------------- utilityProcess

let readyNow = false;
void ready.then(() => {
  readyNow = true;
});

/**
 * Electron's utility process as a Node child process: `process.parentPort` inside (test/desktop/utility-preload.cjs),
 * messages structured-cloned both ways, `exit` with its code. Like Electron, it refuses to fork before the app is ready.
 */
export class StandInUtilityProcess extends EventEmitter {
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[] = [], options: { serviceName?: string; env?: NodeJS.ProcessEnv } = {}) {
    super();
    if (!readyNow) throw new Error('utilityProcess cannot be created before app is ready.');
    if (!existsSync(modulePath)) throw new Error(`utilityProcess: no such module ${modulePath}`);
    this.child = fork(modulePath, args, {
      execArgv: ['--require', path.join(__dirname, 'utility-preload.cjs')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: options.env ?? process.env,
    });
    note('utilityProcess.fork', `${path.basename(modulePath)}${options.serviceName ? ` (${options.serviceName})` : ''}`);
    this.child.on('message', (message: unknown) => {
      const report = message as { standIn?: string; detail?: string } | null;
      if (report && typeof report === 'object' && report.standIn === 'worker.start') note('worker.start', report.detail);
      else this.emit('message', message);
    });
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('exit', (code) => this.emit('exit', code ?? 1));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  postMessage(message: unknown): void {
    this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

export const utilityProcess = {
  fork: (modulePath: string, args?: string[], options?: { serviceName?: string; env?: NodeJS.ProcessEnv }) =>
    new StandInUtilityProcess(modulePath, args, options),
};

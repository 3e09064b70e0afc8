/**
 * The desktop app's process, under plain Node: configures the stand-in `electron`
 * (test/desktop/stand-in.ts, which the app's own `require('electron')` finds in the app folder
 * the harness laid out), loads the BUILT main process, and then does what the harness asks over
 * the fork channel: invoke an operation through the page's `window.api` (the real preload and IPC
 * door), click a menu item, right-click, answer dialogs, deliver open-file and second-instance.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import worker_threads from 'node:worker_threads';
import type { HarnessRequest, HarnessResponse, LaunchConfig } from './protocol';
import * as electron from './stand-in';

const launch = JSON.parse(process.env.PT_HARNESS_LAUNCH ?? 'null') as LaunchConfig;
electron.configure(launch.standIn, { holdReady: launch.holdReady });

// Worker threads started by the app, in order (the merge and the daily backup run in them).
const OriginalWorker = worker_threads.Worker;
worker_threads.Worker = class extends OriginalWorker {
  constructor(file: string | URL, options?: worker_threads.WorkerOptions) {
    super(file, options);
    electron.record.timeline.push({ at: Date.now(), what: 'worker.start', detail: path.basename(String(file)) });
  }
};

// As Electron starts the app: argv[0] the executable, then the arguments (a double-clicked file).
process.argv = [launch.executable, ...launch.args];
createRequire(__filename)(launch.mainFile);

function mainWindow(): electron.StandInWindow {
  const window = electron.record.windows.find((w) => w.options.webPreferences?.preload && !w.destroyed);
  if (!window) throw new Error('the app has no main window');
  return window;
}

function state() {
  return {
    timeline: electron.record.timeline,
    dialogs: electron.record.dialogs,
    windows: electron.record.windows.map((w) => ({
      visible: w.visible,
      destroyed: w.destroyed,
      url: w.webContents.url,
      webPreferences: Object.fromEntries(Object.entries(w.options.webPreferences ?? {}).filter(([key]) => key !== 'session')),
      preloadError: w.webContents.preloadError ? String(w.webContents.preloadError) : null,
      exposed: Object.keys(w.webContents.exposed),
      progress: w.progress,
    })),
    sentToPage: electron.record.sentToPage,
    prints: electron.record.prints,
    loadFailures: electron.record.loadFailures,
    popups: electron.record.popups,
    applicationMenu: electron.record.applicationMenu ? electron.describeMenu(electron.record.applicationMenu) : null,
    quit: electron.record.quit,
    userDataAtFirstShow: electron.record.userDataAtFirstShow,
    /** The database code the main process itself has loaded (none: the core runs in its utility process). */
    databaseModulesInMain: Object.keys(require.cache).filter((file) => /[\\/](better-sqlite3|drizzle-orm)[\\/]/.test(file)),
  };
}
export type AppState = ReturnType<typeof state>;

async function handle(request: HarnessRequest): Promise<unknown> {
  switch (request.op) {
    case 'invoke': {
      const api = mainWindow().webContents.exposed.api as { invoke(name: string, input: unknown): Promise<unknown> } | undefined;
      if (!api) throw new Error('the page has no window.api (the preload did not run)');
      return api.invoke(request.name, request.input);
    }
    case 'chooseFile': {
      const api = mainWindow().webContents.exposed.api as { chooseFile(request: unknown): Promise<unknown> } | undefined;
      if (!api) throw new Error('the page has no window.api (the preload did not run)');
      return api.chooseFile(request.request);
    }
    case 'menu': {
      const item = electron.record.applicationMenu?.find(request.labels);
      if (!item?.click) throw new Error(`no menu item ${request.labels.join(' > ')}`);
      item.click(item, mainWindow(), {});
      return null;
    }
    case 'contextMenu':
      mainWindow().webContents.emit('context-menu', { preventDefault() {} }, request.params);
      return electron.record.popups.at(-1) ?? null;
    case 'answer':
      electron.answerNext(request.kind, request.answer);
      return null;
    case 'openFile': {
      let prevented = false;
      electron.app.emit('open-file', { preventDefault: () => (prevented = true) }, request.file);
      return prevented;
    }
    case 'secondInstance':
      electron.app.emit('second-instance', { preventDefault() {} }, [launch.executable, ...request.args], process.cwd());
      return null;
    case 'ready':
      electron.becomeReady();
      return null;
    case 'state':
      return state();
  }
}

process.on('message', (message: { id: number; request: HarnessRequest }) => {
  handle(message.request).then(
    (value) => process.send!({ id: message.id, ok: true, value } satisfies HarnessResponse),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: String(error) } satisfies HarnessResponse),
  );
});
process.send!({ id: 0, ok: true, value: 'loaded' } satisfies HarnessResponse);

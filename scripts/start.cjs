#!/usr/bin/env node
// `npm start`: the desktop app, or, where Electron cannot run here, the browser mode on the same
// database file. The Electron binary is not fetched by `npm install` (package.json's allowScripts),
// so the first start fetches it with electron's own install script (ELECTRON_MIRROR is honoured).
// If that fails (no internet, a firewall), one line says so and the browser mode starts itself on
// the file the desktop app opens, prints its address and opens the system browser.
const { existsSync, mkdirSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const zh = /^zh/i.test(process.env.LANG ?? process.env.LC_ALL ?? '');
const say = (en, zhText) => console.log(zh ? zhText : en);
const productName = require(path.join(root, 'package.json')).productName;
const ELECTRON_VITE = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const INSTALL_TIMEOUT_MS = Number(process.env.PT_ELECTRON_INSTALL_TIMEOUT_MS ?? 90_000);

/** The folder Electron's app.getPath('userData') gives this app: where the desktop app keeps its database. */
function userDataDir() {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), productName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', productName);
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), productName);
}

function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a node script to completion with the output shown; true when it exits 0. */
function runNode(args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: options.stdio ?? 'inherit', timeout: options.timeout });
  return result.status === 0;
}

/** The reason Electron cannot be used here, or null once the binary is in place. */
function whyNoElectron() {
  if (process.env.PT_BROWSER_MODE === '1') return 'PT_BROWSER_MODE=1';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (DISPLAY is not set)';
  if (electronBinary()) return null;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  say('Fetching the Electron binary (first start)…', '正在下载 Electron（首次启动）…');
  const installed = runNode([path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
  if (installed && electronBinary()) return null;
  return `its binary could not be downloaded${process.env.ELECTRON_MIRROR ? ` from ${process.env.ELECTRON_MIRROR}` : ''}; see ELECTRON_MIRROR in README`;
}

function openBrowser(url) {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {}); // no browser opener here: the address is printed anyway
    child.unref();
  } catch {
    // likewise
  }
}

function startBrowserMode(reason) {
  const dir = userDataDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'partnership-tracker.db');
  say(
    `Electron cannot start here (${reason}); starting the browser mode on ${file} instead.`,
    `此处无法启动 Electron（${reason}），改为以浏览器模式打开 ${file}。`,
  );
  if (!runNode([ELECTRON_VITE, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })) process.exit(1);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'partnership-tracker.cjs'), 'serve', '--db', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (buffered === null) return;
    buffered += chunk;
    const url = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(buffered)?.[0];
    if (url) {
      buffered = null;
      say('Press Ctrl+C to stop.', '按 Ctrl+C 停止。');
      if (process.env.PT_NO_BROWSER !== '1') openBrowser(url);
    }
  });
  // Ctrl+C reaches the whole process group; the server closes the database and exits, then so do we.
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 0)));
}

const reason = whyNoElectron();
if (reason) {
  startBrowserMode(reason);
} else {
  // The desktop app loads better-sqlite3 built for Electron; where that build fails, the browser mode still works.
  if (!runNode([path.join(root, 'scripts', 'electron-native.cjs')])) {
    startBrowserMode('better-sqlite3 could not be built for Electron');
  } else {
    const child = spawn(process.execPath, [ELECTRON_VITE, 'preview'], { cwd: root, stdio: 'inherit' });
    process.on('SIGINT', () => {});
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}

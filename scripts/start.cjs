#!/usr/bin/env node
// `npm start`: build and launch the desktop app. Without the Electron binary (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no internet), say so in one line and name the browser mode.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
let electronBinary = null;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error(
    'The Electron binary is not installed (npm install ran without it); open the browser mode instead: npm run serve -- --db partnership-tracker.db',
  );
  process.exit(1);
}

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(process.execPath, [path.join(root, 'scripts', 'electron-native.cjs')]);
run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'preview']);

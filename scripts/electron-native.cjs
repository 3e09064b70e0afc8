#!/usr/bin/env node
// Build better-sqlite3 for Electron into native/electron/, beside (not over) the Node build that
// tests and the CLI use. The desktop app loads it through better-sqlite3's `nativeBinding` option.
const { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const arch = process.env.npm_config_arch || process.arch;
const stampWanted = `electron ${electronVersion} ${process.platform}-${arch} better-sqlite3 ${sqliteVersion}`;
const targetDir = path.join(root, 'native', 'electron');
const target = path.join(targetDir, 'better_sqlite3.node');
const stampFile = path.join(targetDir, 'BUILD');

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stampWanted) process.exit(0);

const work = path.join(root, '.electron-native', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(path.dirname(work), { recursive: true });
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, work, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) && !file.endsWith(`${path.sep}build`) });

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
const run = (command, args) => spawnSync(command, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
const prebuild = (() => {
  try {
    return require.resolve('prebuild-install/bin.js', { paths: [source, root] });
  } catch {
    return null;
  }
})();
const ok =
  (prebuild && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch])) ||
  run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']);
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !existsSync(built)) {
  console.error('Could not build better-sqlite3 for Electron (needs internet for the Electron headers or a prebuilt binary).');
  process.exit(1);
}
mkdirSync(targetDir, { recursive: true });
copyFileSync(built, target);
writeFileSync(stampFile, `${stampWanted}\n`);
console.log(`Electron build of better-sqlite3: ${path.relative(root, target)}`);

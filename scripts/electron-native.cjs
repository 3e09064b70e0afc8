#!/usr/bin/env node
// Build better-sqlite3 for Electron into native/electron/, beside (not over) the Node build that
// tests and the CLI use. The desktop app loads it through better-sqlite3's `nativeBinding` option.
// `npm run native` (and `npm run dev`, `npm run dist` before they start) run this.
const { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

/**
 * What to copy of the better-sqlite3 package: everything but its own build/ folder (the Node
 * build), judged by the path inside the package, so a checkout under a folder named `build`
 * still copies its sources.
 */
function copyFilter(source) {
  return (file) => {
    const inside = path.relative(source, file);
    return inside !== 'build' && !inside.startsWith(`build${path.sep}`);
  };
}

/**
 * Run a program directly, never through a shell: `C:\Program Files\nodejs\node.exe` is one
 * argument, not `C:\Program` and the rest. Every program run here is node with a script path.
 */
function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, stdio: 'inherit', shell: false, windowsHide: true }).status === 0;
}

/** A script of node-gyp to run with node (this checkout's, or the one npm bundles beside node). */
function nodeGypScript() {
  const candidates = [
    () => require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] }),
    () => path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    () => path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  for (const candidate of candidates) {
    try {
      const file = candidate();
      if (existsSync(file)) return file;
    } catch {
      // not here
    }
  }
  return null;
}

function main() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const arch = process.env.npm_config_arch || process.arch;
  const stampWanted = `electron ${electronVersion} ${process.platform}-${arch} better-sqlite3 ${sqliteVersion}`;
  const targetDir = path.join(root, 'native', 'electron');
  const target = path.join(targetDir, 'better_sqlite3.node');
  const stampFile = path.join(targetDir, 'BUILD');

  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stampWanted) return 0;

  const work = path.join(root, '.electron-native', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.dirname(work), { recursive: true });
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, work, { recursive: true, filter: copyFilter(source) });

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
  const prebuild = (() => {
    try {
      return require.resolve('prebuild-install/bin.js', { paths: [source, root] });
    } catch {
      return null;
    }
  })();
  const gyp = nodeGypScript();
  const ok =
    (prebuild && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch], work)) ||
    (gyp &&
      run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], work));
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error('Could not build better-sqlite3 for Electron (needs internet for the Electron headers or a prebuilt binary).');
    return 1;
  }
  mkdirSync(targetDir, { recursive: true });
  copyFileSync(built, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  writeFileSync(stampFile, `${stampWanted}\n`);
  console.log(`Electron build of better-sqlite3: ${path.relative(root, target)}`);
  return 0;
}

module.exports = { copyFilter, run, nodeGypScript };

if (require.main === module) process.exit(main());

/**
 * What the installers will carry, checked here without the Electron binary (`electron-builder
 * --dir` needs it): the file list electron-builder.yml gives, through electron-builder's own
 * pattern matcher, over the built app (out/, from `npm run build`) and the production
 * dependencies in node_modules. Every file the app reads at run time must be in it, the Electron
 * build of the addon outside the asar, the .ptdb association declared, and nothing the bundles
 * already carry shipped again. The expected size is printed (the Electron runtime comes on top).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it, beforeAll } from 'vitest';
import { Minimatch } from 'minimatch';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { excludedExts, excludedNames, FileMatcher } from 'app-builder-lib/out/fileMatcher';
import type { Configuration } from 'app-builder-lib';

const ROOT = path.resolve(__dirname, '../..');
const compress = promisify(gzip);

interface Listed {
  /** Path inside the app (the asar, or the unpacked folder beside it). */
  file: string;
  bytes: number;
}

function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full, base);
    return entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

/** The production dependency closure, as electron-builder collects it: `dependencies` and `optionalDependencies`, found by Node's resolution. */
function productionPackages(): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string): void => {
    let dir = from;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) {
        const relative = path.relative(ROOT, candidate).split(path.sep).join('/');
        if (found.has(relative)) return;
        found.add(relative);
        const manifest = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, candidate);
        return;
      }
      if (dir === ROOT) return; // an optional dependency not installed on this platform
      dir = path.dirname(dir);
    }
  };
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies)) visit(dep, ROOT);
  return [...found].sort();
}

/** A filter over paths relative to the project, for these patterns (electron-builder's matcher and its default exclusions). */
function matcher(patterns: string[]): (relative: string) => boolean {
  const fileMatcher = new FileMatcher(ROOT, '', (s: string) => s, patterns);
  const filter = fileMatcher.createFilter();
  const asFile = { isDirectory: () => false } as unknown as Parameters<typeof filter>[1];
  return (relative) => filter(path.join(ROOT, relative), asFile);
}

const DEFAULT_EXCLUDES = [`!**/*.{${excludedExts},pdb}`, '!**/._*', `!**/{${excludedNames}}`];

async function packagedFiles(
  config: Configuration,
): Promise<{ app: Listed[]; resources: Listed[]; unpack: (file: string) => boolean; includes: (file: string) => boolean }> {
  // getConfig hands `files` back as file sets ({ filter: [...] }).
  const patterns = [config.files]
    .flat()
    .flatMap((p) => (typeof p === 'string' ? [p] : p && typeof p === 'object' && 'filter' in p ? [p.filter ?? []].flat() : []));
  // As getMainFileMatchers orders them: node_modules, the build resources and the output folder first excluded, the defaults last.
  const includes = matcher(['!**/node_modules/**', '!build{,/**/*}', '!dist{,/**/*}', ...patterns, ...DEFAULT_EXCLUDES]);
  const ownFiles = walk(ROOT).filter((file) => !file.startsWith('.git/') && includes(file));
  // node_modules: every production package, less the exclusions of `files` (getNodeModuleFileMatcher takes only those).
  const modulesFilter = matcher(['**/*', ...patterns.filter((p) => p.startsWith('!')), ...DEFAULT_EXCLUDES]);
  const moduleFiles = productionPackages()
    .flatMap((dir) => walk(path.join(ROOT, dir)).map((file) => `${dir}/${file}`))
    .filter(modulesFilter);
  const sized = (files: string[], base: string) => files.map((file) => ({ file, bytes: statSync(path.join(base, file)).size }));
  const resources = [config.extraResources]
    .flat()
    .flatMap((entry) =>
      entry && typeof entry === 'object' && 'from' in entry ? walk(path.join(ROOT, String(entry.from))).map((f) => `${String(entry.to)}/${f}`) : [],
    );
  const unpackPatterns = [config.asarUnpack]
    .flat()
    .filter((p): p is string => typeof p === 'string')
    .map((p) => new Minimatch(p, { dot: true }));
  return {
    app: sized([...ownFiles, ...moduleFiles], ROOT),
    resources: resources.map((file) => ({ file, bytes: statSync(path.join(ROOT, file)).size })),
    unpack: (file) => unpackPatterns.some((m) => m.match(file)),
    includes,
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('the packaged file list (electron-builder.yml over the built app)', () => {
  let config: Configuration;
  let listed: Awaited<ReturnType<typeof packagedFiles>>;
  let names: Set<string>;

  beforeAll(async () => {
    config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    listed = await packagedFiles(config);
    names = new Set(listed.app.map((f) => f.file));
  });

  it('carries every file the app reads at run time: main, workers, preload, page, map, fonts, migrations', () => {
    expect(existsSync(path.join(ROOT, 'out/main/index.js')), 'run npm run build first').toBe(true);
    for (const file of [
      'out/main/index.js',
      'out/main/merge-worker.js',
      'out/main/backup-worker.js',
      'out/main/snapshot-worker.js',
      'out/main/search-check-worker.js',
      'out/main/quick-check-worker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(names.has(file), file).toBe(true);
    }
    // Every chunk the main process requires, and the map view's chunk (world-atlas is bundled into it).
    for (const file of walk(path.join(ROOT, 'out')).filter((f) => f.endsWith('.js'))) expect(names.has(`out/${file}`), file).toBe(!file.startsWith('cli/'));
    expect([...names].some((f) => /^out\/renderer\/assets\/MapView-[\w-]+\.js$/.test(f))).toBe(true);
    // The report fonts (db/reports/fonts.ts): the CSS of weights 400 and 700 and every woff2 file they name.
    const fonts = 'node_modules/@fontsource/noto-sans-sc';
    for (const weight of [400, 700]) {
      expect(names.has(`${fonts}/${weight}.css`)).toBe(true);
      const css = readFileSync(path.join(ROOT, fonts, `${weight}.css`), 'utf8');
      const files = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => `${fonts}/files/${m[1]}`);
      expect(files.length).toBeGreaterThan(50);
      expect(files.filter((f) => !names.has(f))).toEqual([]);
    }
    // The migrations, as resources (electron/security.ts migrationsPath).
    const migrations = listed.resources.map((f) => f.file);
    expect(migrations).toContain('migrations/meta/_journal.json');
    const journal = JSON.parse(readFileSync(path.join(ROOT, 'migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    for (const entry of journal.entries) expect(migrations).toContain(`migrations/${entry.tag}.sql`);
    // What the main process requires at run time is installed with the app.
    const mainRequires = new Set([...readFileSync(path.join(ROOT, 'out/main/index.js'), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1]!));
    for (const name of mainRequires) {
      if (name.startsWith('node:') || name === 'electron') continue;
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      expect(names.has(`node_modules/${pkg}/package.json`), pkg).toBe(true);
    }
  });

  it('keeps the Electron build of better-sqlite3 out of the asar, and ships neither the Node build nor its sources', () => {
    expect(listed.includes('native/electron/better_sqlite3.node')).toBe(true);
    expect(listed.unpack('native/electron/better_sqlite3.node')).toBe(true);
    expect(
      [...names].filter(
        (f) => f.startsWith('node_modules/better-sqlite3/') && !/^node_modules\/better-sqlite3\/(lib\/|package\.json|LICENSE|README\.md)/.test(f),
      ),
    ).toEqual([]);
    expect(names.has('node_modules/better-sqlite3/lib/database.js')).toBe(true);
  });

  it('declares the .ptdb association', () => {
    expect([config.fileAssociations].flat()).toContainEqual(expect.objectContaining({ ext: 'ptdb', role: 'Editor' }));
  });

  it('ships nothing the bundles already carry: no renderer package, no source map, no build tool', () => {
    const rendererImports = new Set(
      walk(path.join(ROOT, 'renderer/src'))
        .flatMap((f) => [...readFileSync(path.join(ROOT, 'renderer/src', f), 'utf8').matchAll(/(?:from|import) '([^./][^']*)'/g)].map((m) => m[1]!))
        .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!)),
    );
    const shipped = new Set(
      [...names]
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.split('/')[1]!.startsWith('@') ? 3 : 2)
            .join('/'),
        ),
    );
    // A package the renderer bundles may still ship when a shipped package needs it at run time (dayjs: exceljs),
    // or when the main process's own bundles require it (zod: the contract's schemas, shared with the forms).
    const mainBundles = walk(path.join(ROOT, 'out/main')).filter((f) => f.endsWith('.js'));
    const neededAtRunTime = new Set([
      ...[...shipped].flatMap((name) => {
        const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
        return existsSync(manifest) ? Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object }).dependencies ?? {}) : [];
      }),
      ...mainBundles.flatMap((f) =>
        [...readFileSync(path.join(ROOT, 'out/main', f), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)].map((m) =>
          m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!,
        ),
      ),
    ]);
    expect([...rendererImports].filter((name) => shipped.has(name) && !neededAtRunTime.has(name))).toEqual([]);
    for (const tool of [
      'tsx',
      'esbuild',
      'playwright-core',
      'vite',
      'electron',
      '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-100-normal.woff2',
    ]) {
      expect(
        [...names].some((f) => f.startsWith(`node_modules/${tool}`)),
        tool,
      ).toBe(false);
    }
    expect([...names].filter((f) => f.endsWith('.map'))).toEqual([]);
    // The CLI's own build (out/cli, for npm run serve and the e2e tests) stays out of the desktop app.
    expect([...names].filter((f) => f.startsWith('out/cli/'))).toEqual([]);
  });

  it('reports the expected size: the app files, and compressed as in an installer', async () => {
    const files = [...listed.app, ...listed.resources];
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    let compressed = 0;
    for (const f of files) compressed += (await compress(readFileSync(path.join(ROOT, f.file)))).length;
    console.log(
      `packaged app: ${files.length} files, ${megabytes(total)} (asar ${megabytes(listed.app.reduce((s, f) => s + f.bytes, 0))}, resources ${megabytes(listed.resources.reduce((s, f) => s + f.bytes, 0))}); ` +
        `about ${megabytes(compressed)} compressed, plus the Electron runtime (about 100 MB, 40 MB compressed) in each installer`,
    );
    // Measured: 37.4 MB in 7,832 files (15.4 MB compressed); 204.1 MB in 30,908 files before the renderer packages became devDependencies and fonts and the addon were trimmed.
    expect(total).toBeLessThan(60 * 1024 * 1024);
  });
});

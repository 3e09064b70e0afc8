/**
 * The desktop wiring's pure parts and scripts (issue #14): file:// arguments, the right-click
 * menu, the development CSP's nonce, the Electron addon build script, the package's command,
 * and one door for SQLite connections. The built main process itself is driven in
 * desktop-harness.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { contextMenuTemplate } from '../../electron/menu';
import { contentSecurityPolicy } from '../../electron/security';
import { exchangeFileFromArgs } from '../../electron/sync-dialogs';
import { rendererConfig } from '../../vite.renderer.config';

const ROOT = path.resolve(__dirname, '../..');
const scratch: string[] = [];
afterEach(() => {
  while (scratch.length) rmSync(scratch.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pt-wiring-'));
  scratch.push(dir);
  return dir;
}

describe('files opened with the app', () => {
  it('takes a file:// URI (Linux file managers, Exec=… %U) as the file it names', () => {
    const file = '/home/李/下载/district office 2026.ptdb';
    expect(exchangeFileFromArgs(['/opt/Partnership Tracker/partnership-tracker', pathToFileURL(file).href])).toBe(file);
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker', '--no-sandbox', 'file:///tmp/a%20b.PTDB'])).toBe('/tmp/a b.PTDB');
    // Not a local file: ignored.
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker', 'https://example.org/x.ptdb'])).toBeNull();
  });
});

describe('right-click menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: false, canSelectAll: true };
  it('offers cut, copy, paste and select all in a field, in the UI language, with what cannot be done greyed', () => {
    const items = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags }, 'zh')!;
    expect(items.filter((i) => i.role).map((i) => [i.label, i.role, i.enabled])).toEqual([
      ['剪切', 'cut', true],
      ['复制', 'copy', true],
      ['粘贴', 'paste', false],
      ['全选', 'selectAll', true],
    ]);
  });
  it('offers copy on selected text, and nothing on a plain spot of the page', () => {
    expect(contextMenuTemplate({ isEditable: false, selectionText: '汕头', editFlags: flags }, 'en')).toEqual([{ label: 'Copy', role: 'copy', enabled: true }]);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags }, 'en')).toBeNull();
  });
});

describe('npm run dev', () => {
  it('allows the dev server’s scripts by nonce (React’s inline refresh preamble), in the page and in the main process, and nothing inline in a build', async () => {
    const nonce = process.env.PT_DEV_CSP_NONCE!;
    expect(nonce).toMatch(/^[\w-]{20,}$/);
    expect(rendererConfig.html?.cspNonce).toBe(nonce);
    const plugin = rendererConfig.plugins!.flat().find((p) => (p as Plugin | undefined)?.name === 'pt-dev-csp-nonce') as Plugin;
    expect(plugin.apply).toBe('serve');
    const html = readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    expect(transform(html)).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(contentSecurityPolicy('http://localhost:5173', nonce)).toContain(`script-src 'self' 'nonce-${nonce}';`);
    expect(contentSecurityPolicy(undefined, nonce)).toContain("script-src 'self';");
    expect(contentSecurityPolicy('http://localhost:5173', "x' 'unsafe-inline")).toContain("script-src 'self';");
  });
});

describe('scripts/electron-native.cjs', () => {
  const native = createRequire(__filename)('../../scripts/electron-native.cjs') as {
    copyFilter(source: string): (file: string) => boolean;
    run(command: string, args: string[], cwd: string): boolean;
  };

  it('copies the addon’s sources from a checkout under a folder named build, leaving out only its own build folder', () => {
    const source = path.join(temp(), 'build', 'work', 'node_modules', 'better-sqlite3');
    for (const file of ['lib/database.js', 'src/better_sqlite3.cpp', 'build/Release/better_sqlite3.node', 'binding.gyp']) {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      writeFileSync(path.join(source, file), '');
    }
    const keep = native.copyFilter(source);
    expect(['lib/database.js', 'src/better_sqlite3.cpp', 'binding.gyp', 'lib'].map((f) => keep(path.join(source, f)))).toEqual([true, true, true, true]);
    expect(['build', 'build/Release/better_sqlite3.node'].map((f) => keep(path.join(source, f)))).toEqual([false, false]);
  });

  it('runs node from a folder with a space in its path, arguments intact (no shell)', () => {
    const dir = path.join(temp(), 'Program Files', 'nodejs');
    mkdirSync(dir, { recursive: true });
    const node = path.join(dir, path.basename(process.execPath));
    symlinkSync(process.execPath, node);
    const out = path.join(path.dirname(dir), 'out file.txt');
    expect(native.run(node, ['-e', 'require("fs").writeFileSync(process.argv[1], "ok & done")', out], dir)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('ok & done');
  });
});

describe('the package’s command (bin/partnership-tracker.cjs)', () => {
  it('runs generate, which loads its module with import(), as npm run cli does', async () => {
    const db = path.join(temp(), 'g.db');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/partnership-tracker.cjs'), 'generate', '--db', db, '--scale', 'XL'], {
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The scale is checked after the generator's module is loaded: the answer is the usage error, not "Something unexpected".
    expect(stderr.trim()).toMatch(/^Error: --scale is S, M or L\b/);
    expect(code).toBe(1);
  });
});

describe('SQLite connections', () => {
  it('are made only in db/sqlite.ts, which passes the core’s nativeBinding (the Electron build) to each', () => {
    const sources = ['db', 'cli', 'electron'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    );
    const opening = sources.filter((file) =>
      /new Database\(|from 'better-sqlite3'(?!;\s*$)/m.test(readFileSync(path.join(ROOT, file), 'utf8').replace(/^import type .*$/gm, '')),
    );
    expect(opening).toEqual([path.join('db', 'sqlite.ts')]);
  });
});

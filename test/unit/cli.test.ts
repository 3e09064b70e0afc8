import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, runProcess, tempDir } from '../helpers';
import { openDatabase } from '../../db/open';

const ROOT = path.resolve(__dirname, '../..');

async function sqlite3(file: string, query: string): Promise<string> {
  const result = await runProcess('sqlite3', [file, query]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

/** One line, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp) {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |Error: .*\.ts:\d+/);
}

describe('cli', () => {
  it('sample writes a plain SQLite file that the sqlite3 tool reads: 30+ cities, in both scripts', async () => {
    const file = path.join(tempDir(), 's.db');
    const result = await cli(['sample', '--db', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Loaded the sample data/);
    expect(result.stdout).toMatch(/ 9 meetings, 21 tasks, 11 contacts\./);
    expect(Number(await sqlite3(file, 'select count(*) from organizations'))).toBeGreaterThanOrEqual(30);
    expect(Number(await sqlite3(file, 'select count(*) from meetings'))).toBe(9);
    const names = await sqlite3(file, 'select display_name, name_zh, name_en from organizations');
    for (const name of ['汕头', 'Shantou', '布尔加斯', 'Burgas', '辽源']) expect(names).toContain(name);
  });

  it('sample refuses a database that already holds an office’s own data', async () => {
    const file = path.join(tempDir(), 'office.db');
    const opened = await openDatabase(file);
    opened.sqlite
      .prepare(
        "INSERT INTO organizations (id, created_at, updated_at, hlc, origin, display_name) VALUES ('0190aaaa-0000-7000-8000-000000000001', 't', 't', 'h', 'office', 'Ours')",
      )
      .run();
    opened.sqlite.close();
    const result = await cli(['sample', '--db', file]);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /already holds data/);
  });

  it('check on the sample exits 0 and reports integrity, schema version and counts', async () => {
    const file = path.join(tempDir(), 's.db');
    expect((await cli(['sample', '--db', file])).code).toBe(0);
    const result = await cli(['check', '--db', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      integrity: string;
      schemaVersion: number;
      latestSchemaVersion: number;
      counts: Record<string, number>;
    };
    expect(report).toMatchObject({ ok: true, integrity: 'ok' });
    expect(report.schemaVersion).toBe(report.latestSchemaVersion);
    expect(report.counts.organizations).toBeGreaterThanOrEqual(30);
    expect(report.counts.partnerships).toBeGreaterThanOrEqual(6);
  });

  it('check on random bytes, a missing file, or another app’s database exits 1 with one line and no stack trace', async () => {
    const dir = tempDir();
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, randomBytes(4096));
    const r1 = await cli(['check', '--db', junk]);
    expect(r1.code).toBe(1);
    expectOneLineError(r1.stderr, /not a Partnership Tracker database/);

    const r2 = await cli(['check', '--db', path.join(dir, 'missing.db')]);
    expect(r2.code).toBe(1);
    expectOneLineError(r2.stderr, /does not exist/);

    const other = path.join(dir, 'other.db');
    await runProcess('sqlite3', [other, 'create table t(x); insert into t values (1);']);
    const r3 = await cli(['check', '--db', other]);
    expect(r3.code).toBe(1);
    expectOneLineError(r3.stderr, /another application/);

    const zh = await cli(['check', '--db', junk], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(1);
    expectOneLineError(zh.stderr, /不是伙伴关系管理的数据库文件/);
  });

  it('check never writes: a future database is refused and stays as it was', async () => {
    const file = path.join(tempDir(), 'future.db');
    const opened = await openDatabase(file);
    opened.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.UTC(2031, 0, 1));
    opened.sqlite.pragma('journal_mode = DELETE');
    opened.sqlite.close();
    const before = await sqlite3(file, 'select count(*) from __drizzle_migrations');
    const result = await cli(['check', '--db', file]);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /newer version/);
    expect(await sqlite3(file, 'select count(*) from __drizzle_migrations')).toBe(before);
  });

  it('a usage mistake exits 1 with one line naming the fix', async () => {
    const r1 = await cli(['check']);
    expect(r1.code).toBe(1);
    expectOneLineError(r1.stderr, /--db FILE is required/);
    const r2 = await cli(['frobnicate']);
    expect(r2.code).toBe(1);
    expectOneLineError(r2.stderr, /unknown command/);
    const r3 = await cli(['check', '--db', 'x.db', '--bogus']);
    expect(r3.code).toBe(1);
    expectOneLineError(r3.stderr, /bogus/);
  });

  it('the package bin runs the same CLI', async () => {
    const result = await runProcess(process.execPath, [path.join(ROOT, 'bin', 'partnership-tracker.cjs'), 'help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sample --db FILE/);
  });
});

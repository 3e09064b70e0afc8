import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess, tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');

describe('db/schema.ts and migrations/', () => {
  it('agree: drizzle-kit finds nothing to generate (a schema change always ships with its migration)', async () => {
    const out = path.join(tempDir(), 'migrations');
    cpSync(path.join(ROOT, 'migrations'), out, { recursive: true });
    const before = readdirSync(out).sort();
    const result = await runProcess(
      path.join(ROOT, 'node_modules', '.bin', 'drizzle-kit'),
      // drizzle-kit resolves --out against the working folder, and only a relative path works.
      ['generate', '--dialect', 'sqlite', '--schema', './db/schema.ts', '--out', path.relative(ROOT, out)],
      { cwd: ROOT },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(result.stdout).toMatch(/No schema changes/);
  });

  it('number their migrations in the order of their timestamps: the migrator applies what is newer than the last applied', () => {
    // Two branches that each add a migration can merge with the later number carrying the earlier time:
    // drizzle would then skip it on a database that has the other, and our version check would refuse the file.
    const journal = JSON.parse(readFileSync(path.join(ROOT, 'migrations', 'meta', '_journal.json'), 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const entries = journal.entries;
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.when, entries[i]!.tag).toBeGreaterThan(entries[i - 1]!.when);
  });
});

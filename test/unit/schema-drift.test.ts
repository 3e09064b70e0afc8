import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');

describe('db/schema.ts and migrations/', () => {
  it('agree: drizzle-kit finds nothing to generate (a schema change always ships with its migration)', () => {
    const out = path.join(tempDir(), 'migrations');
    cpSync(path.join(ROOT, 'migrations'), out, { recursive: true });
    const before = readdirSync(out).sort();
    const result = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'drizzle-kit'),
      // drizzle-kit resolves --out against the working folder, and only a relative path works.
      ['generate', '--dialect', 'sqlite', '--schema', './db/schema.ts', '--out', path.relative(ROOT, out)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(result.stdout).toMatch(/No schema changes/);
  });
});

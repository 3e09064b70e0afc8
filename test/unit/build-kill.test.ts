/**
 * `generate` and `sample` killed in the middle of their one transaction leave a hot rollback
 * journal beside the file (issue #15, part 10). `check` opens read-only, which cannot roll it
 * back: it called the file "not a Partnership Tracker database", and so did every later open. Now
 * the interrupted write is rolled back first, as SQLite does on any writable open: `check` reports
 * the file sound, as it was before the killed write, and `generate` can run on it again.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/check';
import { openCore } from '../../db/core';
import { tempDir } from '../helpers';
import { runKillable, type Kill } from '../kill';

const CHILD = path.join(__dirname, 'fixtures', 'build-child.ts');

const RUNS: { kind: 'generate' | 'sample'; kill: Kill }[] = [
  { kind: 'generate', kill: { after: 'started', delayMs: 800 } },
  { kind: 'generate', kill: { after: 'started', delayMs: 2000 } },
  { kind: 'sample', kill: { after: 'writing', delayMs: 0 } },
];

describe('generate and sample killed mid-write', () => {
  it('leave a file that check reports sound and empty, and that can be filled again', async () => {
    const dir = tempDir('pt-build-kill-');
    const runs = await Promise.all(
      RUNS.map(async ({ kind, kill }, i) => {
        const file = path.join(dir, `${kind}-${i}.db`);
        const run = await runKillable(CHILD, [kind, file], { pid: 'started', done: 'done' }, kill);
        return { kind, kill, file, run };
      }),
    );
    let leftHot = 0;
    for (const { kind, kill, file, run } of runs) {
      const where = `${kind} killed ${kill.delayMs} ms after ${kill.after}: ${run.stderr}`;
      const killed = run.stdoutAtKill !== null;
      // What a write killed in its transaction leaves: a hot rollback journal (generate writes with one) or a WAL (sample).
      const hot = (existsSync(`${file}-journal`) && statSync(`${file}-journal`).size > 0) || existsSync(`${file}-wal`);
      if (killed && hot) leftHot += 1;
      const report = await checkDatabase(file);
      expect(report, where).toMatchObject({ ok: true, integrity: 'ok' });
      const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
      // Rolled back whole (killed) or complete (it had finished first).
      if (killed) expect(total, where).toBe(0);
      else expect(total, where).toBeGreaterThan(0);
      expect(existsSync(`${file}-journal`) && statSync(`${file}-journal`).size > 0, where).toBe(false);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777, where).toBe(0o600);
      // The app opens it and writes to it again.
      const core = await openCore(file, { appVersion: '0.0.0-test' });
      core.setMeta('office_name', 'after the kill');
      core.close();
    }
    expect(leftHot).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

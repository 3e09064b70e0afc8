/**
 * A restore killed at any moment leaves the database exactly as it was or exactly the backup's content,
 * never damaged. A child process restores a backup (the check of a private copy, the before-restore
 * backup, then the page copy into the live file) and is SIGKILLed after a random delay, half of the kills
 * spread over the whole restore and half timed from when the page copy's write transaction has begun; then
 * the file must pass quick_check and foreign_key_check and hold every row of one of the two states.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, insertRecord, openCore, updateRecord, type Core } from '../../db/core';
import { createBackup } from '../../db/backups';
import { tempDir } from '../helpers';
import { inspectDatabase, markerValue, META_WITHOUT_OFFICE_ID, runKillable, stratifiedKills, yieldToLoop, type Kill as KillAt } from '../kill';

const CHILD = path.join(__dirname, 'fixtures', 'restore-child.ts');
const KILLS = 16;
/** Records per write transaction while building the fixture; the event loop runs between them. */
const BATCH = 100;

interface State {
  quickCheck: unknown;
  foreignKeyProblems: unknown;
  /**
   * Every ordinary table of the file (the search index's own tables included), one digest each, rows in rowid order;
   * meta without the office id, which each trial's copy takes for itself when the child opens it.
   */
  digest: Record<string, string>;
}

/** Open a file as the app would after a crash (WAL recovered), in another process: its checks and its content. */
async function inspect(file: string): Promise<State> {
  const { pragmas, digest } = await inspectDatabase(file, {
    pragmas: ['quick_check', 'foreign_key_check'],
    allTables: true,
    queries: { meta: META_WITHOUT_OFFICE_ID },
  });
  return { quickCheck: pragmas.quick_check, foreignKeyProblems: pragmas.foreign_key_check, digest };
}

interface Kill extends KillAt {
  after: 'restoring' | 'copying';
}

interface ChildResult {
  restoreMs: number | null;
  copyingMs: number | null;
  killed: boolean;
  killedWhileCopying: boolean;
  exitCode: number | null;
  stderr: string;
}

/** Run the restore child and SIGKILL it at `kill`; resolves once every process of it is gone. */
async function runChild(file: string, backupDir: string, name: string, kill: Kill | null): Promise<ChildResult> {
  // the restore's private copy goes to the temporary folder: one beside the file, removed with it
  const tmp = path.join(path.dirname(file), 'tmp');
  await mkdir(tmp, { recursive: true });
  const run = await runKillable(CHILD, [file, backupDir, name], { pid: 'restoring', done: 'restored' }, kill, { ...process.env, TMPDIR: tmp });
  return {
    restoreMs: markerValue(run.stdout, 'restored'),
    copyingMs: markerValue(run.stdout, 'copying'),
    killed: run.stdoutAtKill !== null,
    killedWhileCopying: run.stdoutAtKill !== null && markerValue(run.stdoutAtKill, 'copying') !== null,
    exitCode: run.exitCode,
    stderr: run.stderr,
  };
}

/**
 * Write `count` records in transactions of a few hundred, letting the event loop run between them: one long
 * synchronous transaction would keep this test worker from answering the test runner for too long on a busy machine.
 */
async function inBatches(core: Core, count: number, write: (i: number) => unknown): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    core.sqlite.transaction(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) write(i);
    })();
    await yieldToLoop();
  }
}

describe('a restore killed at a random moment', () => {
  let dir: string;
  let live: Core;
  let backupFile: string;
  let backupName: string;
  let before: Record<string, string>;
  let restored: Record<string, string>;
  let trials = 0;

  /** The live database as it is before the restore, written once by VACUUM INTO: a closed file that trials copy. */
  let template: string;

  /** A folder with a copy of the database before the restore and the backup in its backups folder (copied off the event loop). */
  const trial = async (): Promise<{ file: string; backups: string }> => {
    const at = path.join(dir, `trial-${trials++}`);
    const backups = path.join(at, 'backups');
    await mkdir(backups, { recursive: true });
    const file = path.join(at, 'office.db');
    await copyFile(template, file);
    await copyFile(backupFile, path.join(backups, backupName));
    return { file, backups };
  };

  beforeAll(async () => {
    dir = tempDir('pt-restore-kill-');
    let ms = Date.parse('2026-03-01T08:00:00Z');
    live = await openCore(path.join(dir, 'office.db'), { now: () => new Date((ms += 2)), backupDir: path.join(dir, 'backups') });
    const notes = (i: number, who: string) => `${who} ${i}: ${'港口物流试点与智慧城市合作的会谈记录。'.repeat(12)}`;
    const organizations: string[] = [];
    await inBatches(live, 6000, (i) =>
      organizations.push(insertRecord(live, 'organizations', { displayName: `机构 ${i}`, country: 'BG', kind: 'city', notes: notes(i, 'A') })),
    );
    await inBatches(live, 3000, (i) => {
      const partnership = insertRecord(live, 'partnerships', { title: `Partnership ${i}`, kind: 'cooperation_mou', status: 'active', topics: '[]' });
      insertRecord(live, 'partnershipParties', { partnershipId: partnership, organizationId: organizations[i]!, role: 'signatory' });
      insertRecord(live, 'tasks', { title: `Follow up ${i}`, status: 'open', priority: 'normal', partnershipId: partnership });
    });
    const backup = createBackup(live, 'manual');
    backupName = backup.name;
    backupFile = path.join(dir, 'backups', backup.name);
    // after the backup: edits, new records and deletes, so the two states differ in every table that matters
    await inBatches(live, 3000, (i) => updateRecord(live, 'organizations', organizations[i]!, { notes: notes(i, 'B') }));
    await inBatches(live, 4000, (i) =>
      insertRecord(live, 'organizations', { displayName: `Organization ${i}`, country: 'CN', kind: 'district', notes: notes(i, 'C') }),
    );
    await inBatches(live, 500, (i) => deleteRecord(live, 'organizations', organizations[5000 + i]!));
    live.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    template = path.join(dir, 'before-restore.db');
    live.sqlite.prepare('VACUUM INTO ?').run(template);
    before = (await inspect(template)).digest;
    restored = (await inspect(backupFile)).digest;
  }, 600_000);

  afterAll(() => {
    if (live?.sqlite.open) live.close();
  });

  it(`${KILLS} kills: quick_check ok, no broken reference, and every row as before the restore or as in the backup`, async () => {
    expect(restored).not.toEqual(before);
    // First a complete restore in a child, which must give the backup's content, to time the kills.
    const calibration = await trial();
    const full = await runChild(calibration.file, calibration.backups, backupName, null);
    expect(full.exitCode, full.stderr).toBe(0);
    expect(await inspect(calibration.file)).toEqual({ quickCheck: 'ok', foreignKeyProblems: [], digest: restored });
    const outcomes = await stratifiedKills({
      kills: KILLS,
      calibration: { completeMs: full.restoreMs!, phaseStartMs: full.copyingMs! },
      whole: 'restoring',
      phase: 'copying',
      trial: async (kill) => {
        const { file, backups } = await trial();
        const result = await runChild(file, backups, backupName, kill);
        const after = await inspect(file);
        const context = `${kill.delayMs} ms after ${kill.after} (killed: ${result.killed}, ${result.stderr.trim()})`;
        expect(after.quickCheck, context).toBe('ok');
        expect(after.foreignKeyProblems, context).toEqual([]);
        const same = (other: Record<string, string>) => JSON.stringify(after.digest) === JSON.stringify(other);
        const state = same(before) ? 'before' : same(restored) ? 'restored' : null;
        expect(state, `${context}: the content is neither the one from before nor the backup's: ${JSON.stringify(after.digest)}`).not.toBeNull();
        if (!result.killed) expect(state, context).toBe('restored');
        return { killed: result.killed, killedInPhase: result.killedWhileCopying, completeMs: result.restoreMs, phaseStartMs: result.copyingMs, state };
      },
    });
    // Most kills must land while the restore runs, some inside the copy, or the test shows nothing.
    expect(outcomes.filter((o) => o.killed).length, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(KILLS / 2);
    expect(outcomes.filter((o) => o.killedInPhase).length, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(KILLS / 4);
  }, 900_000);
});

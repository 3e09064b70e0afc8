/**
 * A merge killed at any moment leaves the local database exactly as it was or fully merged
 * (DESIGN.md, "Sync by database file"). A large incoming file (20,000 records, with edits and
 * deletes of shared records, some concurrent with local edits) is merged by a child process that is
 * SIGKILLed at a random moment of the merge; then the local file must pass `PRAGMA integrity_check`
 * and hold either the content from before or the content of a complete merge.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord, updateRecord, deleteRecord, openCore, type Core } from '../../db/core';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { tempDir } from '../helpers';
import { inspectDatabase, markerValue, META_WITHOUT_OFFICE_ID, runKillable, stratifiedKills, yieldToLoop, type Kill as KillAt } from '../kill';

const CHILD = path.join(__dirname, 'fixtures', 'merge-child.ts');
const KILLS = 20;

const RECORD_TABLES = [
  'organizations',
  'programmes',
  'partnerships',
  'partnership_parties',
  'partnership_status_history',
  'milestones',
  'contacts',
  'meetings',
  'meeting_partnerships',
  'meeting_attendees',
  'tasks',
  'attachments',
];

/**
 * Everything a merge writes, as one digest per part: every record table and blobs, the change log as a set,
 * conflicts, duplicates and the exchange log without their random ids and local times, and meta.
 */
const LOGICAL_QUERIES: Record<string, string> = {
  ...Object.fromEntries(RECORD_TABLES.map((t) => [t, `SELECT * FROM "${t}" ORDER BY id`])),
  blobs: 'SELECT * FROM blobs ORDER BY sha256',
  change_log: 'SELECT entity, row_id, field, value, hlc, origin FROM change_log ORDER BY entity, row_id, field, hlc',
  conflicts: 'SELECT entity, row_id, field, winning_value, winning_hlc, losing_value, losing_hlc FROM conflicts ORDER BY entity, row_id, field, losing_hlc',
  duplicate_candidates: 'SELECT entity, local_id, imported_id FROM duplicate_candidates ORDER BY local_id, imported_id',
  sync_log: 'SELECT direction, file_name, peer_origin, peer_office, peer_hlc, counts FROM sync_log ORDER BY direction, peer_hlc, file_name',
  // without the office id, which each copy takes for itself when the child opens it
  meta: META_WITHOUT_OFFICE_ID,
};

/** Open a file as the app would after a crash (WAL recovered), in another process: integrity and the logical digest. */
async function inspectAfterKill(file: string): Promise<{ integrity: unknown; digest: Record<string, string> }> {
  const { pragmas, digest } = await inspectDatabase(file, { pragmas: ['integrity_check'], queries: LOGICAL_QUERIES });
  return { integrity: pragmas.integrity_check, digest };
}

interface ChildResult {
  /** Milliseconds from `merging` to `merged`, as the child measured them; null if it did not finish. */
  mergeMs: number | null;
  /** The merge's counts, as the child printed them when it finished. */
  counts: { added: number; changed: number; deleted: number; conflicts: number } | null;
  /** Milliseconds from `merging` until the merge transaction had written its first changes. */
  applyingMs: number | null;
  killed: boolean;
  /** Killed after the merge transaction had begun writing, before the child reported it committed. */
  killedInTransaction: boolean;
  exitCode: number | null;
  stderr: string;
}

/** When to kill: `delayMs` after the child says it is merging, or after its merge transaction has begun writing. */
interface Kill extends KillAt {
  after: 'merging' | 'applying';
}

/** Run the merge child on `local` and SIGKILL it at `kill`; resolves once every process of it is gone. */
async function runChild(local: string, incoming: string, kill: Kill | null): Promise<ChildResult> {
  const run = await runKillable(CHILD, [local, incoming], { pid: 'merging', done: 'merged' }, kill);
  return {
    mergeMs: markerValue(run.stdout, 'merged'),
    counts: JSON.parse(/^merged \d+ (.*)$/m.exec(run.stdout)?.[1] ?? 'null') as ChildResult['counts'],
    applyingMs: markerValue(run.stdout, 'applying'),
    killed: run.stdoutAtKill !== null,
    killedInTransaction: run.stdoutAtKill !== null && markerValue(run.stdoutAtKill, 'applying') !== null,
    exitCode: run.exitCode,
    stderr: run.stderr,
  };
}

/** Build two offices that share records, edit them concurrently, and a large file from one of them. */
async function buildOffices(dir: string): Promise<{ local: Core; incoming: string; records: number }> {
  let remoteMs = Date.parse('2026-02-01T08:00:00Z');
  let localMs = Date.parse('2026-02-01T08:00:00Z');
  const remote = await openCore(path.join(dir, 'remote.db'), { now: () => new Date((remoteMs += 3)) });
  const local = await openCore(path.join(dir, 'local.db'), { now: () => new Date((localMs += 2)) });
  remote.setMeta('office_name', 'Burgas');
  local.setMeta('office_name', '汕头');
  const shared: string[] = [];
  remote.sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) shared.push(insertRecord(remote, 'organizations', { displayName: `共享机构 ${i}`, country: 'BG', kind: 'city' }));
  })();
  exportDatabase(remote, path.join(dir, 'base.db'));
  mergeFile(local, path.join(dir, 'base.db'), { backupDir: dir });
  local.sqlite.transaction(() => {
    for (let i = 0; i < 150; i++) updateRecord(local, 'organizations', shared[i]!, { notes: `汕头的备注 ${i}` });
    for (let i = 0; i < 200; i++) insertRecord(local, 'organizations', { displayName: `汕头机构 ${i}`, country: 'CN', kind: 'district' });
  })();
  remote.sqlite.transaction(() => {
    for (let i = 75; i < 225; i++) updateRecord(remote, 'organizations', shared[i]!, { notes: `Burgas note ${i}` });
    for (let i = 225; i < 260; i++) deleteRecord(remote, 'organizations', shared[i]!);
  })();
  // The bulk: 4,000 organizations, 4,000 partnerships with 8,000 parties, 4,000 tasks, written in transactions of
  // a few hundred with the event loop running between them (one long transaction would keep this worker from
  // answering the test runner on a busy machine).
  const organizations: string[] = [];
  for (let start = 0; start < 4000; start += 100) {
    remote.sqlite.transaction(() => {
      for (let i = start; i < start + 100; i++)
        organizations.push(insertRecord(remote, 'organizations', { displayName: `Organization ${i}`, country: 'BG', kind: 'city' }));
    })();
    await yieldToLoop();
  }
  for (let start = 0; start < 4000; start += 100) {
    remote.sqlite.transaction(() => {
      for (let i = start; i < start + 100; i++) {
        const partnership = insertRecord(remote, 'partnerships', { title: `Partnership ${i}`, kind: 'cooperation_mou', status: 'active', topics: '[]' });
        insertRecord(remote, 'partnershipParties', { partnershipId: partnership, organizationId: organizations[i]!, role: 'signatory' });
        insertRecord(remote, 'partnershipParties', { partnershipId: partnership, organizationId: shared[i % 300]!, role: 'partner' });
        insertRecord(remote, 'tasks', { title: `Follow up ${i}`, status: 'open', priority: 'normal', partnershipId: partnership });
      }
    })();
    await yieldToLoop();
  }
  const records = 4000 * 5;
  const incoming = path.join(dir, 'incoming.ptdb');
  exportDatabase(remote, incoming);
  remote.close();
  return { local, incoming, records };
}

describe('a merge killed at a random moment', () => {
  let dir: string;
  let local: Core;
  let incoming: string;
  let before: Record<string, string>;
  let merged: Record<string, string>;
  let copies = 0;

  /** A consistent copy of the local database as it is before the merge (VACUUM INTO, never a raw copy of a live file). */
  const freshCopy = (): string => {
    const file = path.join(dir, `local-copy-${copies++}.db`);
    local.sqlite.prepare('VACUUM INTO ?').run(file);
    return file;
  };

  beforeAll(async () => {
    dir = tempDir('pt-kill-');
    const built = await buildOffices(dir);
    local = built.local;
    incoming = built.incoming;
    expect(built.records).toBeGreaterThanOrEqual(20_000);
    const beforeCopy = freshCopy();
    before = (await inspectAfterKill(beforeCopy)).digest;
    // The fully merged content, from a complete merge of another copy by the child, unkilled.
    const reference = freshCopy();
    const complete = await runChild(reference, incoming, null);
    expect(complete.exitCode, complete.stderr).toBe(0);
    expect(complete.counts).toMatchObject({ added: 20_000, conflicts: 75 });
    const referenceState = await inspectAfterKill(reference);
    expect(referenceState.integrity).toBe('ok');
    merged = referenceState.digest;
  }, 600_000);

  afterAll(() => {
    if (local?.sqlite.open) local.close();
  });

  it(`${KILLS} kills: integrity ok, and the local database holds the content from before or the complete merge`, async () => {
    expect(merged).not.toEqual(before);
    // First time a second complete merge, which must give exactly the content of the first one.
    const calibration = freshCopy();
    const full = await runChild(calibration, incoming, null);
    expect(full.exitCode, full.stderr).toBe(0);
    expect(full.mergeMs).not.toBeNull();
    expect(await inspectAfterKill(calibration)).toEqual({ integrity: 'ok', digest: merged });
    expect(full.applyingMs).not.toBeNull();
    // A random moment, stratified: half of the kills over the whole merge (reading, planning, backup, writing),
    // half within its transaction, timed from when it has begun writing.
    const outcomes = await stratifiedKills({
      kills: KILLS,
      calibration: { completeMs: full.mergeMs!, phaseStartMs: full.applyingMs! },
      whole: 'merging',
      phase: 'applying',
      trial: async (kill) => {
        const file = freshCopy();
        const result = await runChild(file, incoming, kill);
        const after = await inspectAfterKill(file);
        const context = `${kill.delayMs} ms after ${kill.after} (killed: ${result.killed}, ${result.stderr.trim()})`;
        expect(after.integrity, context).toBe('ok');
        const state =
          JSON.stringify(after.digest) === JSON.stringify(before) ? 'before' : JSON.stringify(after.digest) === JSON.stringify(merged) ? 'merged' : null;
        expect(state, `${context}: the content is neither the one from before nor the merged one: ${JSON.stringify(after.digest)}`).not.toBeNull();
        if (!result.killed) expect(state, context).toBe('merged');
        return { killed: result.killed, killedInPhase: result.killedInTransaction, completeMs: result.mergeMs, phaseStartMs: result.applyingMs, state };
      },
    });
    // Most kills must land while the merge runs, several inside its transaction, or the test shows nothing.
    expect(outcomes.filter((o) => o.killed).length, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(KILLS / 2);
    expect(outcomes.filter((o) => o.killedInPhase).length, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(KILLS / 4);
    expect(existsSync(incoming)).toBe(true);
  }, 900_000);
});

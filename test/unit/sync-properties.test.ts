/**
 * Sync by database file as properties (issue #4): 1,000 random runs in all, two and three offices
 * with clocks skewed by up to ±24 h, random edits racing deletes, files merged in random orders,
 * some twice. The harness and the checks are in scripts/sync-property-run.ts, which also runs the
 * documented larger run (`npx tsx scripts/sync-property-run.ts --runs 20000`).
 *
 * Most runs exchange in-process snapshots through the real mergeIncoming (what 1,000 runs
 * can afford); the real-file runs go through exportDatabase and mergeFile, and each of them checks
 * that the snapshot equals what readIncomingFile reads from the exported file.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { openHarness, recordContent, runScenario, snapshotOf, syncPropertyYielding, type Harness } from '../../scripts/sync-property-run';
import { readIncomingFile } from '../../db/sync/incoming';
import { localClient, tempCore, tempDir } from '../helpers';

/** 480 + 400 + 70 + 50 = 1,000 runs. */
const RUNS = { twoSnapshots: 480, threeSnapshots: 400, twoFiles: 70, threeFiles: 50 };
const TIMEOUT = 600_000;

describe('sync properties (fast-check)', () => {
  let two: Harness;
  let three: Harness;
  beforeAll(async () => {
    two = await openHarness(2);
    three = await openHarness(3);
  });
  afterAll(() => {
    two.close();
    three.close();
  });

  it(
    `two offices, ${RUNS.twoSnapshots} runs: identical content after a full exchange, nothing lost, concurrent losers listed, same file twice changes nothing`,
    async () => {
      await fc.assert(syncPropertyYielding(two, 'snapshot', 16), { numRuns: RUNS.twoSnapshots });
      expect(two.runs).toBeGreaterThanOrEqual(RUNS.twoSnapshots);
    },
    TIMEOUT,
  );

  it(
    `three offices, ${RUNS.threeSnapshots} runs: the same, merged through random pairs and a hub in random order`,
    async () => {
      await fc.assert(syncPropertyYielding(three, 'snapshot', 16), { numRuns: RUNS.threeSnapshots });
      expect(three.runs).toBeGreaterThanOrEqual(RUNS.threeSnapshots);
    },
    TIMEOUT,
  );

  it(
    `two offices, ${RUNS.twoFiles} runs through real exported files and mergeFile`,
    async () => {
      const before = two.runs;
      await fc.assert(syncPropertyYielding(two, 'files', 12), { numRuns: RUNS.twoFiles });
      expect(two.runs - before).toBeGreaterThanOrEqual(RUNS.twoFiles);
    },
    TIMEOUT,
  );

  it(
    `three offices, ${RUNS.threeFiles} runs through real exported files and mergeFile`,
    async () => {
      const before = three.runs;
      await fc.assert(syncPropertyYielding(three, 'files', 12), { numRuns: RUNS.threeFiles });
      expect(three.runs - before).toBeGreaterThanOrEqual(RUNS.threeFiles);
    },
    TIMEOUT,
  );

  it('the harness notices a lost value: a run whose merge drops the change log fails the property', () => {
    // The checks must be able to fail: break one office's history behind the harness's back.
    const h = two;
    expect(() =>
      runScenario(h, 'snapshot', {
        skews: [0, 0],
        shared: true,
        steps: [{ kind: 'createOrg', r: 1, optional: 2, dt: 5 }],
        hub: 0,
        order: [1, 0],
        again: 1,
        sabotage: (office) => office.core.sqlite.prepare("DELETE FROM change_log WHERE field = 'notes'").run(),
      }),
    ).toThrow(/missing from the change log|hold different records/);
  });
});

describe('three offices made from one copied file (issue #15)', () => {
  const RUNS_COPIED = 150;
  let copied: Harness;
  beforeAll(async () => {
    copied = await openHarness(3, undefined, { fromOneFile: true });
  });
  afterAll(() => copied.close());

  it(
    `${RUNS_COPIED} runs: each copy is an office of its own, concurrent edits are recorded as conflicts, and all converge`,
    async () => {
      // The copies were opened from one file's bytes: each took an id of its own before its first write.
      expect(new Set(copied.offices.map((o) => o.core.clock.origin)).size).toBe(3);
      await fc.assert(syncPropertyYielding(copied, 'snapshot', 16), { numRuns: RUNS_COPIED });
      expect(copied.runs).toBeGreaterThanOrEqual(RUNS_COPIED);
      expect(copied.conflicts).toBeGreaterThan(0);
      console.log(`three offices from one copied file: ${copied.runs} runs, ${copied.conflicts} conflicts recorded`);
    },
    TIMEOUT,
  );
});

describe('sync regressions found by the properties', () => {
  it('an edit racing a delete, each the first write of its field, leaves both offices with the same field_stamps text', async () => {
    const a = await tempCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-01T10:00:07Z') });
    const dir = tempDir();
    const org = await localClient(a)['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    exportDatabase(a, path.join(dir, 'a1.db'));
    mergeFile(b, path.join(dir, 'a1.db'), { backupDir: dir });
    await localClient(a)['organizations.update']({ id: org.id, region: '广东' });
    await localClient(b)['organizations.delete']({ id: org.id });
    exportDatabase(b, path.join(dir, 'b2.db'));
    mergeFile(a, path.join(dir, 'b2.db'), { backupDir: dir });
    exportDatabase(a, path.join(dir, 'a2.db'));
    mergeFile(b, path.join(dir, 'a2.db'), { backupDir: dir });
    expect(recordContent(a)).toEqual(recordContent(b));
    const stamps = (core: typeof a) => (core.sqlite.prepare('SELECT field_stamps FROM organizations').get() as { field_stamps: string }).field_stamps;
    expect(stamps(a)).toBe(stamps(b));
  });

  it('the same attachment bytes stored by two offices independently end as one identical blob on both', async () => {
    const a = await tempCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-02T10:00:00Z') });
    const dir = tempDir();
    const apiA = localClient(a);
    const one = await apiA['organizations.create']({ displayName: '汕头', country: 'CN' });
    const other = await apiA['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const partnership = await apiA['partnerships.create']({
      title: '汕头—布尔加斯',
      kind: 'friendship_city',
      status: 'active',
      parties: [{ organizationId: one.id }, { organizationId: other.id }],
    });
    exportDatabase(a, path.join(dir, 'a1.db'));
    mergeFile(b, path.join(dir, 'a1.db'), { backupDir: dir });
    const bytes = Buffer.from('Joint statement, Brussels, 2017-05-31').toString('base64');
    await localClient(b)['attachments.add']({ partnershipId: partnership.id, fileName: 'statement-b.txt', dataBase64: bytes });
    await apiA['attachments.add']({ partnershipId: partnership.id, fileName: 'statement-a.txt', dataBase64: bytes });
    exportDatabase(a, path.join(dir, 'a2.db'));
    exportDatabase(b, path.join(dir, 'b2.db'));
    mergeFile(b, path.join(dir, 'a2.db'), { backupDir: dir });
    mergeFile(a, path.join(dir, 'b2.db'), { backupDir: dir, acceptClockSkew: true });
    expect(recordContent(a)).toEqual(recordContent(b));
    expect(a.sqlite.prepare('SELECT created_at FROM blobs').all()).toEqual([{ created_at: '2026-03-01T10:00:00.000Z' }]);
    expect(mergeFile(a, path.join(dir, 'b2.db'), { backupDir: dir, acceptClockSkew: true })).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0 });
  });

  it('the in-process snapshot the properties use equals what readIncomingFile reads from an exported file', async () => {
    const a = await tempCore();
    await localClient(a)['app.finishOnboarding']({ choice: 'sample' });
    const file = path.join(tempDir(), 'sample.db');
    const snapshot = snapshotOf(a, 'sample.db');
    exportDatabase(a, file);
    expect(readIncomingFile(file)).toEqual(snapshot);
  });
});

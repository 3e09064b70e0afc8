/**
 * An encrypted export killed at any moment, over an older export at the same name (issue #15, part
 * 11): the older export survives byte for byte or is replaced whole by the new one; the plaintext
 * never appears in the target's folder; and the next start removes what the killed export left (its
 * partial file beside the target, its private temp folder). Files are 0600.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/core';
import { loadSampleData } from '../../db/sample';
import { decryptBytes } from '../../db/sync/crypto';
import { exportDatabase } from '../../db/sync/files';
import { tempDir } from '../helpers';
import { markerValue, runKillable, type Kill } from '../kill';

const CHILD = path.join(__dirname, 'fixtures', 'build-child.ts');
const OLD_PASSPHRASE = 'the older export';
const NEW_PASSPHRASE = 'correct horse battery staple';
const FAST_SCRYPT = { log2N: 14, r: 8, p: 1 };

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const isPlainSqlite = (file: string) => readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

/** Kills: from the child's start (opening, snapshot) and from its snapshot being made (sealing, writing, renaming). */
const KILLS: (Kill | null)[] = [
  { after: 'started', delayMs: 0 },
  { after: 'started', delayMs: 120 },
  { after: 'writing', delayMs: 0 },
  { after: 'writing', delayMs: 40 },
  { after: 'step-sealed', delayMs: 0 },
  { after: 'step-written', delayMs: 0 },
  null,
];

describe('an encrypted export killed at any moment', () => {
  let dir: string;
  let db: string;
  let oldExport: string;
  let oldHash: string;

  beforeAll(async () => {
    dir = tempDir('pt-export-kill-');
    db = path.join(dir, 'office.db');
    const core = await openCore(db, { appVersion: '0.0.0-test' });
    loadSampleData(core);
    // 24 MB of signed documents, so the export takes long enough to be killed in each of its steps.
    const insert = core.sqlite.prepare('INSERT INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < 8; i++) {
      const data = Buffer.alloc(3 * 1024 * 1024, i + 1);
      insert.run(createHash('sha256').update(data).digest('hex'), data.length, data, '2026-01-01T00:00:00.000Z');
      await new Promise((resolve) => setImmediate(resolve));
    }
    oldExport = path.join(dir, 'older.ptdb');
    exportDatabase(core, oldExport, { passphrase: OLD_PASSPHRASE, scrypt: FAST_SCRYPT });
    oldHash = sha256(oldExport);
    core.close();
  }, 60_000);

  it('leaves the older export intact or the new one whole, never plaintext beside it, and nothing after the next start', async () => {
    const runs = await Promise.all(
      KILLS.map(async (kill, i) => {
        const stick = path.join(dir, `stick-${i}`);
        mkdirSync(stick);
        const target = path.join(stick, 'to-city-office.ptdb');
        copyFileSync(oldExport, target);
        const copy = path.join(dir, `office-${i}.db`);
        copyFileSync(db, copy);
        const run = await runKillable(CHILD, ['export', copy, target], { pid: 'started', done: 'done' }, kill, {
          ...process.env,
          PT_TEST_PASSPHRASE: NEW_PASSPHRASE,
        });
        return { kill, stick, target, copy, run };
      }),
    );

    let killedMidWrite = 0;
    let kept = 0;
    let replaced = 0;
    for (const { kill, stick, target, copy, run } of runs) {
      const where = `kill ${JSON.stringify(kill)}: ${run.stderr}`;
      if (kill === null) expect(markerValue(run.stdout, 'done'), where).not.toBeNull();
      if (run.stdoutAtKill !== null && markerValue(run.stdoutAtKill, 'writing') !== null) killedMidWrite += 1;

      // Nothing in the target's folder is plaintext; the target is the old file or the new one, whole.
      for (const name of readdirSync(stick)) expect(isPlainSqlite(path.join(stick, name)), `${where}: ${name}`).toBe(false);
      expect(existsSync(target), where).toBe(true);
      if (sha256(target) === oldHash) kept += 1;
      else {
        const plain = decryptBytes(readFileSync(target), NEW_PASSPHRASE);
        const snapshot = path.join(dir, `check-${replaced}.db`);
        writeFileSync(snapshot, plain);
        const sqlite = new Database(snapshot, { readonly: true });
        expect(sqlite.pragma('integrity_check', { simple: true }), where).toBe('ok');
        expect(sqlite.prepare('SELECT count(*) FROM blobs').pluck().get(), where).toBe(8);
        sqlite.close();
        replaced += 1;
        if (process.platform !== 'win32') expect(statSync(target).mode & 0o777, where).toBe(0o600);
      }

      // The next start removes the killed export's partial file and its private temp folder.
      const next = await openCore(copy, { appVersion: '0.0.0-test' });
      next.close();
      expect(readdirSync(stick), where).toEqual(['to-city-office.ptdb']);
      const pid = markerValue(run.stdout, 'started');
      if (pid !== null)
        expect(
          readdirSync(os.tmpdir()).filter((name) => name.startsWith(`pt-export-${pid}-`)),
          where,
        ).toEqual([]);
    }
    // Both outcomes happened, and kills landed while the new export was being written.
    expect(kept).toBeGreaterThan(0);
    expect(replaced).toBeGreaterThan(0);
    expect(killedMidWrite).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

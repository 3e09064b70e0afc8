/**
 * Hostile and damaged files from "another office" (DESIGN.md, "Sync by database file"): each is either
 * refused with a clear message in Chinese and English (an AppError with .localized) and the local
 * database left exactly as it was, or, where it is harmless, merged with integrity intact and nothing
 * lost; its triggers and views never run. A few go through the CLI: exit 1, one line on stderr.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import { AppError } from '../../db/errors';
import { exportDatabase, mergeFile, type MergeFileOptions } from '../../db/sync/files';
import { MAX_TEXT_CHARS } from '../../db/sync/incoming';
import { localClient, runProcess } from '../helpers';
import { bundled } from '../bundle';

const ROOT = path.resolve(__dirname, '../..');
const PASSPHRASE = 'correct horse battery staple';
/** The smallest scrypt cost the app accepts, to keep the many decryptions of this file fast. */
const FAST_SCRYPT = { log2N: 14, r: 8, p: 1 };

type Dump = Record<string, unknown[]>;

/** Every schema object and every row of every table, ordered: what "the local database is unchanged" means. */
function logicalDump(sqlite: Database.Database): Dump {
  const objects = sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as { type: string; name: string }[];
  const dump: Dump = { __schema: objects, __user_version: [sqlite.pragma('user_version', { simple: true })] };
  for (const { name } of objects.filter((o) => o.type === 'table')) {
    dump[name] = (sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

function expectLocalized(error: AppError, en: RegExp): void {
  expect(error.localized.en).toMatch(en);
  // Chinese for a Chinese UI, and neither language shows a stack trace or an internal error name.
  expect(error.localized.zh).toMatch(/[\u4e00-\u9fff]{4}/);
  for (const text of [error.localized.en, error.localized.zh]) {
    expect(text).not.toMatch(/\n\s*at |SqliteError|TypeError|SyntaxError|undefined|\[object/);
    expect(text.length).toBeLessThan(400);
  }
}

describe('hostile incoming files', () => {
  let dir: string;
  let base: Core;
  /** A valid export from another office: the material every hostile file is made from. */
  let valid: string;
  let encrypted: string;
  let remoteRecords: number;
  let crafted = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pt-hostile-'));
    base = await openCore(path.join(dir, 'local.db'), { now: () => new Date('2026-04-01T09:00:00Z') });
    await localClient(base)['app.finishOnboarding']({ choice: 'sample' });
    await localClient(base)['organizations.create']({ displayName: '汕头市外事办 / Shantou FAO', country: 'CN', notes: 'ours' });
    const remote = await openCore(path.join(dir, 'remote.db'), { now: () => new Date('2026-04-01T08:59:00Z') });
    remote.setMeta('office_name', 'Burgas');
    const api = localClient(remote);
    const burgas = await api['organizations.create']({ displayName: 'Бургас / Burgas', country: 'BG', latitude: 42.5 });
    const varna = await api['organizations.create']({ displayName: 'Варна / Varna', country: 'BG' });
    const partnership = await api['partnerships.create']({
      title: 'Burgas–Varna coastal cooperation',
      kind: 'cooperation_mou',
      status: 'negotiating',
      parties: [{ organizationId: burgas.id }, { organizationId: varna.id }],
    });
    await api['attachments.add']({
      partnershipId: partnership.id,
      fileName: 'memorandum.txt',
      dataBase64: Buffer.from('Memorandum, Burgas, 2026').toString('base64'),
    });
    // Organizations, partnership, parties, status history, attachment.
    remoteRecords = 2 + 1 + 2 + 1 + 1;
    valid = path.join(dir, 'valid.ptdb');
    exportDatabase(remote, valid);
    encrypted = path.join(dir, 'valid-encrypted.ptdb');
    exportDatabase(remote, encrypted, { passphrase: PASSPHRASE, scrypt: FAST_SCRYPT });
    remote.close();
  }, 60_000);

  afterAll(() => {
    base?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A local office for one case: a consistent copy of the prepared local database, opened through the real core. */
  async function freshLocal(): Promise<{ core: Core; backups: string }> {
    const n = crafted++;
    const file = path.join(dir, `local-${n}.db`);
    base.sqlite.prepare('VACUUM INTO ?').run(file);
    const backups = path.join(dir, `backups-${n}`);
    mkdirSync(backups);
    return { core: await openCore(file), backups };
  }

  /** A copy of the valid export changed by `change` (opened read-write with better-sqlite3, outside the app). */
  function craft(name: string, change: (db: Database.Database) => void): string {
    const file = path.join(dir, `${name}.ptdb`);
    copyFileSync(valid, file);
    const db = new Database(file);
    try {
      change(db);
    } finally {
      db.close();
    }
    return file;
  }

  function bytes(name: string, content: Buffer): string {
    const file = path.join(dir, `${name}.ptdb`);
    writeFileSync(file, content);
    return file;
  }

  /** mergeFile must refuse with a translated message, write no backup, and leave the local database exactly as it was. */
  async function expectRefused(file: string, en: RegExp, options: MergeFileOptions = {}, wroteBackup = false): Promise<AppError> {
    const { core, backups } = await freshLocal();
    try {
      const before = logicalDump(core.sqlite);
      let caught: unknown = null;
      try {
        mergeFile(core, file, { ...options, backupDir: backups });
      } catch (error) {
        caught = error;
      }
      expect(caught, 'the file was merged instead of refused').toBeInstanceOf(AppError);
      expectLocalized(caught as AppError, en);
      expect(logicalDump(core.sqlite)).toEqual(before);
      expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      if (!wroteBackup) expect(readdirSync(backups)).toEqual([]);
      return caught as AppError;
    } finally {
      core.close();
    }
  }

  /** mergeFile must merge what the file holds, run none of its triggers or views, and lose nothing local. */
  async function expectHarmlessMerge(file: string): Promise<void> {
    const { core, backups } = await freshLocal();
    try {
      const before = logicalDump(core.sqlite);
      const summary = mergeFile(core, file, { backupDir: backups });
      expect(summary).toMatchObject({ added: remoteRecords, changed: 0, deleted: 0, conflicts: 0 });
      expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const after = logicalDump(core.sqlite);
      // No schema object came along; every local row is still there, unchanged; the file's records arrived.
      expect(after.__schema).toEqual(before.__schema);
      for (const table of ['organizations', 'partnerships', 'partnership_parties', 'milestones', 'programmes', 'attachments', 'blobs', 'change_log']) {
        expect(after[table]).toEqual(expect.arrayContaining(before[table]!));
      }
      expect(after.organizations!.length).toBe(before.organizations!.length + 2);
      expect(core.sqlite.prepare("SELECT count(*) AS n FROM organizations WHERE display_name = 'Бургас / Burgas' AND deleted_at IS NULL").get()).toEqual({
        n: 1,
      });
      // The only triggers are the app's own (migrations 0007, 0012–0014 and 0017 keep their maintained facts with them); no view at all.
      const objects = core.sqlite.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").all() as { type: string; name: string }[];
      expect(
        objects.filter(
          (o) =>
            o.type === 'view' ||
            !/^(partnership_meetings|partnership_facts|task_counts|timeline_order|meeting_counts|map_partnerships|map_refresh|quiet_order|quiet_refresh)_/.test(
              o.name,
            ),
        ),
      ).toEqual([]);
    } finally {
      core.close();
    }
  }

  describe('refused through mergeFile', () => {
    it('random bytes', async () => {
      await expectRefused(bytes('random', randomBytes(64 * 1024)), /not a database file exported by Partnership Tracker/);
    });

    it('random bytes behind a valid SQLite header', async () => {
      await expectRefused(
        bytes('random-after-header', Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), randomBytes(8192)])),
        /damaged or incomplete|cannot open/,
      );
    });

    it('an empty file', async () => {
      await expectRefused(bytes('empty', Buffer.alloc(0)), /the file is empty/);
    });

    it('a file that does not exist', async () => {
      await expectRefused(path.join(dir, 'no-such-file.ptdb'), /does not exist or cannot be read/);
    });

    it.each([
      ['to its header', 16],
      ['to 100 bytes', 100],
      ['to one page', 4096],
      ['to half', 0.5],
      ['by its last page', -4096],
    ])('an export truncated %s', async (_label, at) => {
      const size = readFileSync(valid).length;
      const length = at === 0.5 ? Math.floor(size / 2) : at < 0 ? size + at : at;
      const file = path.join(dir, `truncated-${length}.ptdb`);
      copyFileSync(valid, file);
      truncateSync(file, length);
      await expectRefused(file, /damaged or incomplete|cannot open|not a database file exported/);
    });

    it('a future schema version (a later migration applied)', async () => {
      const file = craft('future', (db) => {
        const last = db.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number };
        db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Number(last.at) + 86_400_000);
      });
      const error = await expectRefused(file, /newer version of the app\. Update the app first/);
      expect(error.code).toBe('future_database');
    });

    it('a view in place of a table', async () => {
      const file = craft('view-for-table', (db) => {
        db.exec('DROP TABLE sync_log; CREATE VIEW sync_log AS SELECT id, created_at AS at FROM organizations');
      });
      await expectRefused(file, /the table sync_log is missing/);
    });

    it('a table without a column the app reads', async () => {
      const file = craft('missing-column', (db) => db.exec('ALTER TABLE tasks DROP COLUMN priority'));
      await expectRefused(file, /the column tasks\.priority is missing/);
    });

    it(`oversized text (a field of ${MAX_TEXT_CHARS + 1} characters)`, async () => {
      const file = craft('oversized', (db) =>
        db.prepare("UPDATE organizations SET notes = ? WHERE display_name LIKE 'Бургас%'").run('长'.repeat(MAX_TEXT_CHARS + 1)),
      );
      await expectRefused(file, /the field organizations\.notes of organization \S+ is longer than the limit/);
    });

    it('text in latitude', async () => {
      const file = craft('text-latitude', (db) => {
        db.pragma('ignore_check_constraints = ON');
        db.prepare("UPDATE organizations SET latitude = 'north of the Black Sea' WHERE display_name LIKE 'Бургас%'").run();
      });
      await expectRefused(file, /the field organizations\.latitude of organization \S+ has the wrong type/);
    });

    it('a number in display_name', async () => {
      const file = craft('number-display-name', (db) => {
        // A column without text affinity keeps the number a number.
        db.exec(`ALTER TABLE organizations ADD COLUMN display_name_number;
                 UPDATE organizations SET display_name_number = 42;
                 DROP INDEX organizations_display_name;
                 DROP INDEX organizations_located;
                 ALTER TABLE organizations DROP COLUMN display_name;
                 ALTER TABLE organizations RENAME COLUMN display_name_number TO display_name;`);
        expect(db.prepare('SELECT typeof(display_name) AS t FROM organizations LIMIT 1').get()).toEqual({ t: 'integer' });
      });
      await expectRefused(file, /the field organizations\.display_name of organization \S+ has the wrong type/);
    });

    it('bytes in a text field', async () => {
      const file = craft('blob-title', (db) => db.prepare('UPDATE partnerships SET title = ?').run(randomBytes(32)));
      await expectRefused(file, /the field partnerships\.title of partnership \S+ has the wrong type/);
    });

    it('an invalid value in partnerships.status', async () => {
      const file = craft('bad-status', (db) => db.prepare("UPDATE partnerships SET status = 'exploded'").run());
      await expectRefused(file, /the field partnerships\.status of partnership \S+ is not one of the allowed values/);
    });

    it('a missing value in a required field', async () => {
      const file = craft('null-kind', (db) => {
        db.exec(`ALTER TABLE partnerships ADD COLUMN kind_nullable text;
                 ALTER TABLE partnerships DROP COLUMN kind;
                 ALTER TABLE partnerships RENAME COLUMN kind_nullable TO kind;`);
      });
      await expectRefused(file, /the field partnerships\.kind of partnership \S+ is missing/);
    });

    it.each([
      ['not JSON', '{"display_name": "001'],
      ['a JSON array', '[]'],
      ['a stamp that is not a stamp', '{"display_name": "yesterday"}'],
      ['a number for a stamp', '{"display_name": 1}'],
    ])('damaged field_stamps JSON: %s', async (_label, stamps) => {
      const file = craft(`stamps-${_label.replace(/\W+/g, '-')}`, (db) => db.prepare('UPDATE organizations SET field_stamps = ?').run(stamps));
      // field_stamps are judged with every other value before the record is read: no backup left, nothing merged.
      await expectRefused(
        file,
        /the field organizations\.field_stamps of organization \S+ has invalid sync stamps .*, and 1 other record breaks the rules too/,
      );
    });

    it('damaged stamps in the last table merged: refused before anything is written', async () => {
      const file = craft('stamps-last-table', (db) => db.prepare('UPDATE attachments SET field_stamps = ?').run('{"file_name": "later"}'));
      await expectRefused(file, /the field attachments\.field_stamps of attachment \S+ has invalid sync stamps/);
      // The same file as a dry run: refused too, and nothing written.
      await expectRefused(file, /the field attachments\.field_stamps of attachment \S+ has invalid sync stamps/, { dryRun: true });
    });

    it('a damaged row stamp (hlc)', async () => {
      const file = craft('bad-hlc', (db) => db.prepare("UPDATE partnerships SET hlc = 'now'").run());
      await expectRefused(file, /the field partnerships\.hlc of partnership \S+ has invalid sync stamps/);
    });

    it.each([
      ['an extra table', 'CREATE TABLE evil (id INTEGER PRIMARY KEY, payload TEXT); INSERT INTO evil (payload) VALUES (1)'],
      ['an extra column', "ALTER TABLE organizations ADD COLUMN motto TEXT; UPDATE organizations SET motto = 'kept by a newer version'"],
    ])("a newer version's data the app does not know (%s): refused, never partly read", async (label, change) => {
      const file = craft(`newer-${label.replace(/\W+/g, '-')}`, (db) => db.exec(change));
      const error = await expectRefused(
        file,
        /exported by a newer version of the app \(it has tables or columns this version does not know\)\. Update the app first/,
      );
      expect(error.code).toBe('future_database');
      expect(error.localized.zh).toMatch(/更新版本的应用导出.*请先更新本应用/);
    });

    it('attachment bytes that do not match their hash', async () => {
      const file = craft('planted-blob', (db) => db.prepare('UPDATE blobs SET data = ?').run(Buffer.from('Memorandum, Burgas, 2027')));
      const error = await expectRefused(file, /the contents of an attachment are damaged/);
      expect(error.code).toBe('corrupt_database');
    });

    it('an attachment size that does not match its bytes', async () => {
      const file = craft('blob-size', (db) => db.prepare('UPDATE blobs SET size = size + 1').run());
      await expectRefused(file, /the contents of an attachment are damaged/);
    });

    it('records whose links lead nowhere (a party of an organization not in the file)', async () => {
      const file = craft('dangling', (db) => {
        db.pragma('foreign_keys = OFF');
        db.prepare("UPDATE partnership_parties SET organization_id = '0190ffff-ffff-7fff-bfff-ffffffffffff'").run();
      });
      // Refused inside the merge transaction, after the backup: rolled back entirely.
      await expectRefused(file, /broken links between records; the merge was cancelled/, {}, true);
    });

    it('a valid SQLite file of another application', async () => {
      const file = path.join(dir, 'photos.sqlite');
      const db = new Database(file);
      db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT, taken_at TEXT); INSERT INTO photos (path, taken_at) VALUES ('beach.jpg', '2025-08-01')");
      db.close();
      await expectRefused(file, /not a database file exported by Partnership Tracker/);
    });

    it('a database of another application that also uses drizzle migrations', async () => {
      const file = path.join(dir, 'other-drizzle-app.sqlite');
      const db = new Database(file);
      db.exec(`CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric);
               INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('${'a'.repeat(64)}', 1700000000000);
               CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)`);
      db.close();
      // Refused (its message blames a newer version, see the report); the local database is untouched.
      await expectRefused(file, /Cannot import "other-drizzle-app\.sqlite"/);
    });

    it('an encrypted file without a passphrase', async () => {
      await expectRefused(encrypted, /encrypted: enter the passphrase/);
    });

    it('an encrypted file with a wrong passphrase', async () => {
      await expectRefused(encrypted, /Wrong passphrase, or the file was altered/, { passphrase: 'wrong horse battery staple' });
    });

    it.each([
      ['magic', 0, 0xff, /not a database file exported by Partnership Tracker/],
      ['format version', 5, 0x01, /made by a newer version of the app/],
      ['scrypt N, to an invalid value', 6, 0xff, /invalid parameters; it may have been altered/],
      ['scrypt N, to another valid value', 6, 0x01, /Wrong passphrase, or the file was altered/],
      ['scrypt r, to a cost the app never writes', 7, 0x01, /invalid parameters; it may have been altered/],
      ['salt', 12, 0x01, /Wrong passphrase, or the file was altered/],
      ['iv', 30, 0x80, /Wrong passphrase, or the file was altered/],
      ['ciphertext, first byte', 37, 0x01, /Wrong passphrase, or the file was altered/],
      ['ciphertext, middle', 0.5, 0x01, /Wrong passphrase, or the file was altered/],
      ['ciphertext, last byte', -17, 0x01, /Wrong passphrase, or the file was altered/],
      ['tag, first byte', -16, 0x01, /Wrong passphrase, or the file was altered/],
      ['tag, last byte', -1, 0x01, /Wrong passphrase, or the file was altered/],
    ])('an encrypted file with one flipped byte: %s', async (label, at, mask, en) => {
      const content = readFileSync(encrypted);
      const position = at === 0.5 ? Math.floor(content.length / 2) : at < 0 ? content.length + at : at;
      content[position] = content[position]! ^ mask;
      await expectRefused(bytes(`flipped-${label.replace(/\W+/g, '-')}`, content), en, { passphrase: PASSPHRASE });
    });

    it('an encrypted file cut short', async () => {
      const content = readFileSync(encrypted);
      await expectRefused(bytes('encrypted-short', content.subarray(0, 40)), /incomplete or damaged/, { passphrase: PASSPHRASE });
      await expectRefused(bytes('encrypted-cut', content.subarray(0, content.length - 1000)), /Wrong passphrase, or the file was altered/, {
        passphrase: PASSPHRASE,
      });
    });
  });

  describe('harmless: merged, its triggers and views never run, nothing lost', () => {
    it('the valid export and the encrypted one with the right passphrase merge (the refusals above are not of everything)', async () => {
      await expectHarmlessMerge(valid);
      const { core, backups } = await freshLocal();
      expect(mergeFile(core, encrypted, { passphrase: PASSPHRASE, backupDir: backups })).toMatchObject({ added: remoteRecords });
      core.close();
    });

    it('a file with triggers that would delete everything, and views', async () => {
      const file = craft('triggers-and-views', (db) => {
        db.exec(`
          CREATE TRIGGER wipe_on_insert AFTER INSERT ON organizations BEGIN DELETE FROM organizations; DELETE FROM change_log; END;
          CREATE TRIGGER wipe_on_update AFTER UPDATE ON partnerships BEGIN DELETE FROM partnerships; END;
          CREATE TRIGGER wipe_on_delete BEFORE DELETE ON tasks BEGIN DELETE FROM organizations; END;
          CREATE VIEW all_names AS SELECT display_name FROM organizations;
          CREATE VIEW evil_view AS SELECT * FROM organizations WHERE 1 = 1;
        `);
      });
      await expectHarmlessMerge(file);
    });
  });

  describe('the search index of an incoming file is never read', () => {
    it('an export whose search index is emptied and damaged merges, and search here finds what it brought', async () => {
      let page = 0;
      let pageSize = 0;
      const file = craft('damaged-search-index', (db) => {
        db.unsafeMode(true);
        db.exec('DELETE FROM search_docs');
        page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'search_fts_data' ORDER BY pageno LIMIT 1").pluck().get() as number;
        pageSize = db.pragma('page_size', { simple: true }) as number;
      });
      // A page of the index overwritten: its table fails SQLite's own check.
      const content = readFileSync(file);
      content.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 200);
      writeFileSync(file, content);
      const probe = new Database(file, { readonly: true });
      expect(probe.pragma('quick_check("search_fts_data")', { simple: true })).not.toBe('ok');
      probe.close();
      await expectHarmlessMerge(file);
      const { core, backups } = await freshLocal();
      try {
        mergeFile(core, file, { backupDir: backups });
        const found = await localClient(core)['search.query']({ query: 'Burgas–Varna' });
        expect(found.groups.flatMap((g) => g.hits.map((h) => h.title))).toEqual(['Burgas–Varna coastal cooperation']);
      } finally {
        core.close();
      }
    });
  });

  describe('through the CLI: `merge --json` exits 1 with one line on stderr', () => {
    async function cli(args: string[], env: Record<string, string> = {}) {
      const base: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', ...env };
      delete base.LC_ALL;
      delete base.LC_MESSAGES;
      return runProcess(process.execPath, [await bundled('cli/main.ts'), ...args], { cwd: ROOT, env: base });
    }

    it.each([
      [
        'random bytes',
        () => bytes('cli-random', randomBytes(10_000)),
        {},
        /^Error: Cannot import "cli-random\.ptdb": it is not a database file exported by Partnership Tracker\./,
      ],
      [
        'a future schema version',
        () =>
          craft('cli-future', (db) => db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('e'.repeat(64), 4_102_444_800_000)),
        {},
        /^Error: Cannot import "cli-future\.ptdb": it was exported by a newer version of the app/,
      ],
      [
        'damaged field_stamps',
        () => craft('cli-stamps', (db) => db.prepare("UPDATE partnerships SET field_stamps = '{'").run()),
        {},
        /^Error: Cannot import .*the field partnerships\.field_stamps of partnership \S+ has invalid sync stamps/,
      ],
      [
        'a wrong passphrase',
        () => encrypted,
        { PT_TEST_PASSPHRASE: 'not the passphrase' },
        /^Error: Wrong passphrase, or the file was altered on the way\. Nothing was imported\.$/,
      ],
      [
        'a flipped byte, in Chinese',
        () => bytes('cli-flipped', Buffer.from(readFileSync(encrypted).map((b, i) => (i === 100 ? b ^ 1 : b)))),
        { PT_TEST_PASSPHRASE: PASSPHRASE, LANG: 'zh_CN.UTF-8' },
        /^错误：密码错误，或文件在传输中被改动。未导入任何内容。$/,
      ],
    ] as const)(
      '%s',
      async (_label, make, env, line) => {
        const { core } = await freshLocal();
        const local = core.opened.path;
        const before = logicalDump(core.sqlite);
        core.close();
        const args = ['merge', '--db', local, '--from', make(), '--json', ...('PT_TEST_PASSPHRASE' in env ? ['--passphrase-env', 'PT_TEST_PASSPHRASE'] : [])];
        const result = await cli(args, env);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(line);
        expect(result.stderr).not.toMatch(/\s+at |\.ts:\d+|SqliteError/);
        const db = new Database(local, { readonly: true });
        try {
          expect(logicalDump(db)).toEqual(before);
        } finally {
          db.close();
        }
      },
      120_000,
    );
  });
});

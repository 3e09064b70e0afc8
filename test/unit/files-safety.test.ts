/**
 * Files that cannot hurt (issue #15, parts 8 and 9): databases, backups, exports and their folders
 * readable by the user only; partial files of killed writes removed at the next start; CSV cells
 * that a spreadsheet would run as formulas written as text; attachments handed out as downloads
 * under a safe name, with the risky extensions named; scrypt costs outside the known set refused
 * before any key is derived, and derivation off the calling thread.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backups';
import { openCore } from '../../db/core';
import { decryptBytes, decryptBytesAsync, encryptBytes, encryptBytesAsync } from '../../db/sync/crypto';
import { exportDatabase } from '../../db/sync/files';
import { safeDownloadName } from '../../db/attachments';
import { localClient, tempDir, chosen } from '../helpers';

const posix = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;

describe('files only the user can read', () => {
  it('a new database, its WAL, its backups and its exports are 0600; the folders the app makes are 0700', async () => {
    if (!posix) return;
    const root = tempDir();
    const file = path.join(root, 'new', 'office', 'tracker.db');
    const core = await openCore(file, { appVersion: '0.0.0-test' });
    try {
      await localClient(core)['organizations.create']({ displayName: '汕头', country: 'CN' });
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(path.join(root, 'new'))).toBe(0o700);
      const backup = createBackup(core, 'manual');
      const backups = path.join(path.dirname(file), 'backups');
      expect(mode(backups)).toBe(0o700);
      expect(mode(path.join(backups, backup.name))).toBe(0o600);
      const plain = exportDatabase(core, path.join(root, 'plain.ptdb'));
      const sealed = exportDatabase(core, path.join(root, 'sealed.ptdb'), { passphrase: 'pass phrase', scrypt: { log2N: 14, r: 8, p: 1 } });
      expect(mode(plain.path)).toBe(0o600);
      expect(mode(sealed.path)).toBe(0o600);
    } finally {
      core.close();
    }
  });

  it('an existing database readable by others is made 0600 when opened', async () => {
    if (!posix) return;
    const file = path.join(tempDir(), 'old.db');
    (await openCore(file)).close();
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o644);
    (await openCore(file)).close();
    expect(mode(file)).toBe(0o600);
  });

  it('the next start removes partial files left by a killed process, and keeps those still being written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tracker.db');
    (await openCore(file)).close();
    mkdirSync(path.join(dir, 'backups'), { recursive: true });
    // PIDs above the kernel's limit (4,194,304) never run.
    const dead = ['tracker.db.manual.2026-01-01T00-00-00-000Z.bak.9999999-0a1b2c3d.partial', 'export.ptdb.9999998-deadbeef.partial'];
    writeFileSync(path.join(dir, 'backups', dead[0]!), 'half a backup');
    writeFileSync(path.join(dir, dead[1]!), 'half an export');
    const live = `export.ptdb.${process.pid}-00112233.partial`;
    writeFileSync(path.join(dir, live), 'being written');
    writeFileSync(path.join(dir, 'notes.partial'), 'not ours');
    (await openCore(file)).close();
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect(existsSync(path.join(dir, dead[1]!))).toBe(false);
    expect(existsSync(path.join(dir, live))).toBe(true);
    expect(existsSync(path.join(dir, 'notes.partial'))).toBe(true);
  });
});

describe('exports and imports that cannot hurt', () => {
  it('CSV export writes cells starting with =, +, -, @, tab or CR as text', async () => {
    const core = await openCore(path.join(tempDir(), 'csv.db'));
    try {
      const api = localClient(core);
      const names = ['=HYPERLINK("http://127.0.0.1/x","Burgas")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1', '汕头 Shantou'];
      for (const displayName of names) {
        const created = await api['organizations.create']({ displayName: displayName.trim() });
        // Leading tab and CR do not survive the form's trim; a merged file can still carry them.
        core.sqlite.prepare('UPDATE organizations SET display_name = ? WHERE id = ?').run(displayName, created.id);
      }
      const file = await api['export.list']({ view: 'organizations', format: 'csv', lang: 'en' });
      const text = Buffer.from(file.dataBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      const cells = Papa.parse<string[]>(text)
        .data.slice(1)
        .map((row) => row[0]!);
      const dangerous = names.slice(0, 6);
      for (const name of dangerous) expect(cells).toContain(`'${name}`);
      expect(cells).toContain('汕头 Shantou');
      // No cell a spreadsheet would evaluate.
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    } finally {
      core.close();
    }
  });

  it('an attachment is handed out as application/octet-stream under a safe name, its risky extension named', async () => {
    const core = await openCore(path.join(tempDir(), 'att.db'));
    try {
      const api = localClient(core);
      const a = await api['organizations.create']({ displayName: '汕头' });
      const b = await api['organizations.create']({ displayName: 'Burgas' });
      const partnership = await api['partnerships.create']({
        title: 'Files',
        kind: 'cooperation_mou',
        status: 'active',
        parties: [{ organizationId: a.id }, { organizationId: b.id }],
      });
      // The bytes agree with the declared type (the rule set refuses a PDF that is not one); the name is what is hostile.
      const bytes = (mimeType: string) => (mimeType === 'application/pdf' ? '%PDF-1.4 <script>alert(1)</script>' : '<script>alert(1)</script>');
      const add = (fileName: string, mimeType: string) =>
        api['attachments.add']({ partnershipId: partnership.id, fileName, mimeType, dataBase64: Buffer.from(bytes(mimeType)).toString('base64') });
      const cases: [string, string, string, string | null][] = [
        ['../../../.bashrc', 'text/plain', 'bashrc', null],
        ['minutes.html', 'text/html', 'minutes.html', 'html'],
        ['photo.SVG', 'image/svg+xml', 'photo.SVG', 'svg'],
        ['invoice\u202Efdp.exe', 'application/pdf', 'invoice_fdp.exe', 'exe'],
        ['C:\\Users\\x\\run.bat', 'application/pdf', 'run.bat', 'bat'],
        ['signed MoU 2017.pdf', 'application/pdf', 'signed MoU 2017.pdf', null],
        ['CON.txt', 'text/plain', '_CON.txt', null],
        ['setup.ps1 ', 'text/plain', 'setup.ps1', 'ps1'],
      ];
      for (const [fileName, mimeType, expected, risky] of cases) {
        const attachment = await add(fileName, mimeType);
        const content = await api['attachments.content']({ id: attachment.id });
        expect(content, fileName).toMatchObject({ fileName: expected, mimeType: 'application/octet-stream', riskyExtension: risky });
      }
      for (const ext of ['js', 'cmd', 'lnk', 'jar', 'htm', 'hta', 'vbs', 'msi', 'sh', 'xlsm'])
        expect((await api['attachments.content']({ id: (await add(`x.${ext}`, 'text/plain')).id })).riskyExtension).toBe(ext);
      expect(safeDownloadName('a'.repeat(300) + '.pdf')).toMatch(/^a{196}\.pdf$/);
      expect(safeDownloadName('...')).toBe('attachment');
    } finally {
      core.close();
    }
  });

  it('scrypt costs outside the known set are refused before any key is derived', () => {
    const sealed = encryptBytes(Buffer.from('SQLite format 3\u0000'), 'pass phrase', { log2N: 14, r: 8, p: 1 });
    // The costliest header the old check accepted: N = 2^20, r = 16, p = 4 (about 2 GiB and a minute).
    for (const [at, value] of [
      [6, 20],
      [7, 16],
      [8, 4],
      [6, 18],
      [7, 1],
    ] as const) {
      const hostile = Buffer.from(sealed);
      hostile[at] = value;
      const started = performance.now();
      expect(() => decryptBytes(hostile, 'pass phrase')).toThrow(/invalid parameters; it may have been altered/);
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(decryptBytes(sealed, 'pass phrase').toString('latin1')).toBe('SQLite format 3\u0000');
  });

  it('derives the key off the calling thread: timers keep firing during an export-strength derivation', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      const started = performance.now();
      const sealed = await encryptBytesAsync(Buffer.from('plain'), 'pass phrase');
      const plain = await decryptBytesAsync(sealed, 'pass phrase');
      const ms = performance.now() - started;
      expect(plain.toString()).toBe('plain');
      expect(sealed[6]).toBe(17);
      // Two N = 2^17 derivations, during which the event loop went on turning.
      expect(ticks).toBeGreaterThanOrEqual(Math.min(10, Math.floor(ms / 20)));
      expect(ticks).toBeGreaterThan(2);
    } finally {
      clearInterval(timer);
    }
    await expect(decryptBytesAsync(Buffer.from('PTENC'), 'x')).rejects.toThrow(/incomplete or damaged/);
  });

  it('previews an encrypted file in the merge worker: timers keep firing while its key is derived and the file read', async () => {
    const dir = tempDir();
    const a = await openCore(path.join(dir, 'a.db'));
    const b = await openCore(path.join(dir, 'b.db'));
    try {
      await localClient(a)['organizations.create']({ displayName: '汕头', country: 'CN' });
      const file = path.join(dir, 'a.ptdb');
      await localClient(a)['sync.export']({ file: await chosen(localClient(a), 'write', file), passphrase: 'pass phrase' });
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);
      try {
        const started = performance.now();
        const preview = await localClient(b)['sync.preview']({ file: await chosen(localClient(b), 'read', file), passphrase: 'pass phrase' });
        const ms = performance.now() - started;
        expect(preview.added).toBeGreaterThanOrEqual(1);
        // An export-strength derivation (N = 2^17) and the file's validation, during which this thread went on.
        expect(ticks).toBeGreaterThanOrEqual(Math.min(10, Math.floor(ms / 20)));
        expect(ticks).toBeGreaterThan(2);
      } finally {
        clearInterval(timer);
      }
      expect(b.sqlite.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });
});

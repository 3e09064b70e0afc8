/** Contract and behaviour tests of backups.* (daily, pruning, restore) and history.list (local and merged changes). */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import Database from 'better-sqlite3';
import { ensureDailyBackup, listBackups, pruneBackups } from '../../db/backups';
import { mergeFile } from '../../db/sync/files';
import { parseBackupName } from '../../db/backup-files';
import { dumpText, localClient, rejected, tempCore, tempDir, chosen, jobEnd } from '../helpers';

const dump = dumpText;

function backupDir(core: Core): string {
  return path.join(path.dirname(core.opened.path), 'backups');
}

describe('backups.*', () => {
  it('backups.create writes a manual backup in backups/ beside the file; backups.list shows name, reason, size, time, newest first', async () => {
    let now = new Date('2026-03-04T10:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    expect(await api['backups.list']()).toEqual([]);
    const first = await api['backups.create']();
    now = new Date('2026-03-04T11:00:00Z');
    const second = await api['backups.create']({});
    expect(first).toMatchObject({ reason: 'manual', time: '2026-03-04T10:00:00.000Z' });
    expect(first.size).toBeGreaterThan(0);
    expect(first.name).toMatch(/^test\.db\.manual\.2026-03-04T10-00-00-000Z\.bak$/);
    expect(existsSync(path.join(backupDir(core), first.name))).toBe(true);
    expect(await api['backups.list']()).toEqual([second, first]);
  });

  it('lists the migration and merge backups made by opening and merging, with their reasons', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const apiA = localClient(a);
    const apiB = localClient(b);
    await apiA['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const file = (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(tempDir(), 'a.db')) })).path;
    const merged = await apiB['sync.merge']({ file: await chosen(apiB, 'read', file) });
    expect(path.dirname(merged.backupPath!)).toBe(backupDir(b));
    expect((await apiB['backups.list']()).map((x) => x.reason)).toEqual(['merge']);
    expect(parseBackupName('x.db', 'x.db.before-v3.2026-03-04T10-00-00-000Z.bak')).toEqual({ reason: 'migration', time: '2026-03-04T10:00:00.000Z' });
    expect(parseBackupName('x.db', 'y.db.daily.2026-03-04T10-00-00-000Z.bak')).toBeNull();
    expect(parseBackupName('x.db', 'x.db.daily.2026-03-04T10-00-00-000Z.bak.partial')).toBeNull();
  });

  it('the backup before a merge, written while the merge runs, is the database as the merge found it', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const apiA = localClient(a);
    const apiB = localClient(b);
    await apiA['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    await apiB['organizations.create']({ displayName: 'Shantou', country: 'CN' });
    const file = (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(tempDir(), 'a.db')) })).path;
    const merged = mergeFile(b, file);
    expect(merged.added).toBe(1);
    const names = (sqlite: Database.Database) => sqlite.prepare('SELECT display_name FROM organizations ORDER BY display_name').pluck().all();
    expect(names(b.sqlite)).toEqual(['Burgas', 'Shantou']);
    const backup = new Database(merged.backupPath!, { readonly: true });
    try {
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(names(backup)).toEqual(['Shantou']);
      expect(backup.prepare('SELECT count(*) FROM sync_log').pluck().get()).toBe(0);
    } finally {
      backup.close();
    }
    // Restored, it gives back the database from before the merge.
    await apiB['backups.restore']({ name: path.basename(merged.backupPath!) });
    expect(names(b.sqlite)).toEqual(['Shantou']);
    expect(readdirSync(backupDir(b)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('ensureDailyBackup makes one backup a day', async () => {
    let now = new Date('2026-03-04T08:00:00Z');
    const core = await tempCore({ now: () => now });
    expect(ensureDailyBackup(core)).toMatchObject({ reason: 'daily' });
    now = new Date('2026-03-04T20:00:00Z');
    expect(ensureDailyBackup(core)).toBeNull();
    expect(listBackups(core)).toHaveLength(1);
    now = new Date('2026-03-05T07:00:00Z');
    expect(ensureDailyBackup(core)).toMatchObject({ reason: 'daily', time: '2026-03-05T07:00:00.000Z' });
    expect(listBackups(core).map((x) => x.reason)).toEqual(['daily', 'daily']);
  });

  it('backups.daily, what a shell runs on opening, makes the day’s backup in a worker, once a day, while the caller answers', async () => {
    const core = await tempCore();
    const api = localClient(core);
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 1);
    const first = await api['backups.daily']();
    clearInterval(ticking);
    expect(first).toMatchObject({ reason: 'daily' });
    expect(existsSync(path.join(backupDir(core), first!.name))).toBe(true);
    // The copy ran in a worker: this thread's timers kept firing meanwhile.
    expect(ticks).toBeGreaterThan(0);
    expect(await api['backups.daily']({})).toBeNull();
    expect((await api['backups.list']()).map((x) => x.reason)).toEqual(['daily']);
  });

  it('backups.daily called twice at once makes one backup, and none for a database open read-only', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const [a, b] = await Promise.all([api['backups.daily'](), api['backups.daily']()]);
    expect(a).toEqual(b);
    expect((await api['backups.list']()).map((x) => x.reason)).toEqual(['daily']);

    const other = await tempCore();
    const file = other.opened.path;
    other.close();
    const readonly = await openCore(file, { appVersion: '0.0.0-test', readonly: true });
    try {
      expect(await localClient(readonly)['backups.daily']()).toBeNull();
      expect(existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    } finally {
      readonly.close();
    }
  });

  it('keeps the newest N automatic backups (settings keepBackups, default 14); manual ones are kept', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    expect((await api['settings.get']()).keepBackups).toBe(14);
    expect(await api['settings.update']({ keepBackups: 3 })).toMatchObject({ keepBackups: 3 });
    const manual = await api['backups.create']();
    for (let day = 1; day <= 6; day++) {
      now = new Date(`2026-03-0${day}T09:00:00Z`);
      ensureDailyBackup(core);
    }
    const left = listBackups(core);
    expect(left.filter((x) => x.reason === 'daily').map((x) => x.time.slice(0, 10))).toEqual(['2026-03-06', '2026-03-05', '2026-03-04']);
    expect(left.map((x) => x.name)).toContain(manual.name);
    expect(readdirSync(backupDir(core))).toHaveLength(4);
    expect(pruneBackups(core)).toEqual([]);
    const error = await rejected(api['settings.update']({ keepBackups: 0 }));
    expect(error.code).toBe('invalid_input');
    expect((await api['settings.get']()).keepBackups).toBe(3);
  });

  it('backups.restore brings back the earlier content exactly, after a before-restore backup of the current state', async () => {
    let now = new Date('2026-03-04T10:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    const org = await api['organizations.create']({ displayName: '布尔加斯 / Burgas', country: 'BG' });
    const backup = await api['backups.create']();
    const before = dump(core);
    now = new Date('2026-03-04T11:00:00Z');
    await api['organizations.update']({ id: org.id, displayName: 'Burgas (renamed)' });
    await api['organizations.create']({ displayName: 'Varna', country: 'BG' });
    const current = dump(core);
    expect(current).not.toBe(before);

    const result = await api['backups.restore']({ name: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.safetyBackup.reason).toBe('before-restore');
    expect(dump(core)).toBe(before);
    expect((await api['organizations.get']({ id: org.id })).displayName).toBe('布尔加斯 / Burgas');
    expect(core.sqlite.pragma('quick_check', { simple: true })).toBe('ok');

    // the state replaced is itself restorable
    await api['backups.restore']({ name: result.safetyBackup.name });
    expect(dump(core)).toBe(current);
    // and writes go on normally afterwards
    await api['organizations.create']({ displayName: 'Sofia', country: 'BG' });
    expect((await api['organizations.list']()).rows.map((o) => o.displayName)).toContain('Sofia');
  });

  it('backups.restoreStart restores as a job with the copy’s progress; cancelled before the copy, nothing changes and no backup is added', async () => {
    let now = new Date('2026-03-04T10:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    await api['organizations.create']({ displayName: '布尔加斯 / Burgas', country: 'BG' });
    const backup = await api['backups.create']();
    const before = dump(core);
    now = new Date('2026-03-04T11:00:00Z');
    await api['organizations.create']({ displayName: 'Varna', country: 'BG' });
    const current = dump(core);
    const backupsBefore = (await api['backups.list']()).map((b) => b.name);

    const cancelled = await api['backups.restoreStart']({ name: backup.name });
    await api['jobs.cancel']({ id: cancelled.id });
    expect(await jobEnd(api, cancelled.id)).toMatchObject({ status: 'cancelled', error: { message: { en: 'Restore cancelled: the database is as it was.' } } });
    expect(dump(core)).toBe(current);
    expect((await api['backups.list']()).map((b) => b.name)).toEqual(backupsBefore);

    const restored = await jobEnd(api, (await api['backups.restoreStart']({ name: backup.name })).id);
    expect(restored).toMatchObject({ status: 'done', result: { restored: { name: backup.name } } });
    expect(restored.total).toBeGreaterThan(0);
    expect(restored.done).toBe(restored.total);
    expect(dump(core)).toBe(before);
  });

  it('backups.restore refuses unknown names, paths, damaged files and other installations’ files, leaving the live database untouched', async () => {
    const core = await tempCore();
    const other = await tempCore();
    const api = localClient(core);
    await api['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    await localClient(other)['organizations.create']({ displayName: 'Elsewhere', country: 'CN' });
    const dir = backupDir(core);
    const good = await api['backups.create']();
    // a damaged file under a backup's name
    const damaged = 'test.db.daily.2026-01-01T00-00-00-000Z.bak';
    writeFileSync(path.join(dir, damaged), Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(5000, 7)]));
    // another office's database under a backup's name
    const foreign = 'test.db.manual.2026-01-02T00-00-00-000Z.bak';
    other.sqlite.prepare('VACUUM INTO ?').run(path.join(dir, foreign));
    const before = dump(core);
    const listed = await api['backups.list']();

    for (const name of ['nope.bak', 'test.db']) {
      const error = await rejected(api['backups.restore']({ name }));
      expect(error.code, name).toBe('not_found');
    }
    // a path is refused before anything looks at the folder
    for (const name of [`../${good.name}`, path.join(dir, good.name), '..']) {
      const error = await rejected(api['backups.restore']({ name }));
      expect(error.code, name).toBe('invalid_input');
    }
    const bad = await rejected(api['backups.restore']({ name: damaged }));
    expect(bad.code).toBe('not_a_database');
    expect(bad.message).toMatch(/not been changed/);
    const notOurs = await rejected(api['backups.restore']({ name: foreign }));
    expect(notOurs.code).toBe('not_a_database');
    expect(notOurs.message).toMatch(/another installation/);
    expect((await rejected(api['backups.restore']({} as never))).code).toBe('invalid_input');
    expect((await rejected(api['backups.restore']({ name: good.name, extra: 1 } as never))).code).toBe('invalid_input');
    expect((await rejected(api['backups.create']({ reason: 'daily' } as never))).code).toBe('invalid_input');
    expect(dump(core)).toBe(before);
    expect(await api['backups.list']()).toEqual(listed);
  });
});

describe('backups.delete', () => {
  it('deletes the named backup file; the list no longer shows it and the others stay', async () => {
    let now = new Date('2026-03-04T10:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    const first = await api['backups.create']();
    now = new Date('2026-03-04T11:00:00Z');
    const second = await api['backups.create']();
    const before = dump(core);
    expect(await api['backups.delete']({ name: first.name })).toEqual({ deleted: first.name });
    expect(existsSync(path.join(backupDir(core), first.name))).toBe(false);
    expect(await api['backups.list']()).toEqual([second]);
    expect(readdirSync(backupDir(core))).toEqual([second.name]);
    // the database itself is not touched
    expect(dump(core)).toBe(before);
    // deleting it again: it is gone, said so in both languages
    const again = await rejected(api['backups.delete']({ name: first.name }));
    expect(again.code).toBe('not_found');
    expect(again.localized.zh).toContain('找不到备份');
  });

  it('refuses paths, names outside the list, partial files and the database itself, deleting nothing', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const dir = backupDir(core);
    const good = await api['backups.create']();
    // a file beside the folder that a traversal would reach, and a half-written backup
    writeFileSync(path.join(path.dirname(dir), 'precious.txt'), 'keep me');
    const partial = `${good.name.replace('.bak', '')}-x.bak.partial`;
    writeFileSync(path.join(dir, partial), 'half');
    const files = () => [...readdirSync(path.dirname(dir)), ...readdirSync(dir)].sort();
    const before = files();
    for (const name of ['../precious.txt', `../backups/${good.name}`, path.join(dir, good.name), '..', '.', 'a\\b.bak', '']) {
      const error = await rejected(api['backups.delete']({ name }));
      expect(error.code, name).toBe('invalid_input');
      expect(error.localized.zh, name).toContain('名称');
    }
    for (const name of ['nope.bak', 'precious.txt', 'test.db', partial, 'other.db.manual.2026-03-04T10-00-00-000Z.bak']) {
      const error = await rejected(api['backups.delete']({ name }));
      expect(error.code, name).toBe('not_found');
      expect(error.message, name).toMatch(/Choose one from the list/);
    }
    expect((await rejected(api['backups.delete']({} as never))).code).toBe('invalid_input');
    expect((await rejected(api['backups.delete']({ name: good.name, path: dir } as never))).code).toBe('invalid_input');
    expect((await rejected(api['backups.delete']({ name: 7 } as never))).code).toBe('invalid_input');
    expect(files()).toEqual(before);
    expect(existsSync(core.opened.path)).toBe(true);
  });

  it('refuses while a restore is under way, so the backup being restored and the one it makes stay; afterwards deletes', async () => {
    const core = await tempCore();
    const api = localClient(core);
    await api['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const backup = await api['backups.create']();
    const restore = api['backups.restore']({ name: backup.name });
    const during = await rejected(api['backups.delete']({ name: backup.name }));
    expect(during.code).toBe('conflict');
    expect(during.localized).toEqual({ zh: expect.stringContaining('正在恢复') as unknown, en: expect.stringContaining('being restored') as unknown });
    const result = await restore;
    expect((await api['backups.list']()).map((b) => b.name).sort()).toEqual([backup.name, result.safetyBackup.name].sort());
    await api['backups.delete']({ name: backup.name });
    expect((await api['backups.list']()).map((b) => b.name)).toEqual([result.safetyBackup.name]);
  });
});

describe('history.list', () => {
  it('shows each field change with old → new, who and when, newest first', async () => {
    let now = new Date('2026-03-04T10:00:00Z');
    const core = await tempCore({ now: () => now });
    const api = localClient(core);
    await api['settings.update']({ officeName: '汕头市外事局' });
    const org = await api['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    now = new Date('2026-03-05T10:00:00Z');
    await api['organizations.update']({ id: org.id, displayName: 'Burgas City' });
    now = new Date('2026-03-06T10:00:00Z');
    await api['organizations.update']({ id: org.id, displayName: 'Burgas Municipality' });
    const history = await api['history.list']({ entity: 'organizations', id: org.id });
    const names = history.filter((h) => h.field === 'display_name');
    expect(names.map((h) => [h.oldValue, h.newValue, h.first])).toEqual([
      ['Burgas City', 'Burgas Municipality', false],
      ['Burgas', 'Burgas City', false],
      [null, 'Burgas', true],
    ]);
    expect(names[0]).toMatchObject({
      office: '汕头市外事局',
      via: 'local',
      merge: null,
      recordedAt: '2026-03-06T10:00:00.000Z',
      writtenAt: '2026-03-06T10:00:00.000Z',
    });
  });

  it('includes changes that came by merge, naming the file and the office', async () => {
    const a = await tempCore({ now: () => new Date('2026-03-04T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-04T10:00:01Z') });
    const apiA = localClient(a);
    const apiB = localClient(b);
    await apiA['settings.update']({ officeName: '汕头市外事局' });
    await apiB['settings.update']({ officeName: 'Burgas Municipality' });
    const org = await apiA['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const dir = tempDir();
    await apiB['sync.merge']({
      file: await chosen(apiB, 'read', (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, 'shantou-1.db')) })).path),
    });
    await apiB['organizations.update']({ id: org.id, nameEn: 'Burgas' });
    await apiA['organizations.update']({ id: org.id, displayName: 'Burgas (BG)' });
    await apiB['sync.merge']({
      file: await chosen(apiB, 'read', (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, 'shantou-2.db')) })).path),
    });

    const history = await apiB['history.list']({ entity: 'organizations', id: org.id });
    const name = history.filter((h) => h.field === 'display_name');
    expect(name.map((h) => [h.oldValue, h.newValue])).toEqual([
      ['Burgas', 'Burgas (BG)'],
      [null, 'Burgas'],
    ]);
    expect(name[0]).toMatchObject({ via: 'merge', office: '汕头市外事局', merge: { fileName: 'shantou-2.db', peerOffice: '汕头市外事局' } });
    expect(name[1]!.merge!.fileName).toBe('shantou-1.db');
    expect(history.find((h) => h.field === 'name_en')).toMatchObject({ via: 'local', office: 'Burgas Municipality', merge: null, newValue: 'Burgas' });
  });

  it('works for tasks, contacts and milestones too, and names the records a reference field points to', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const shantou = await api['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    const burgas = await api['organizations.create']({ displayName: '布尔加斯 / Burgas', country: 'BG' });
    const first = await api['partnerships.create']({
      title: 'Shantou–Burgas',
      kind: 'sister_city',
      status: 'active',
      parties: [{ organizationId: shantou.id }, { organizationId: burgas.id }],
    });
    const second = await api['partnerships.create']({
      title: 'Shantou–Varna',
      kind: 'sister_city',
      status: 'prospect',
      parties: [{ organizationId: shantou.id }, { organizationId: burgas.id }],
    });
    const task = await api['tasks.create']({ title: 'Send the MoU draft', partnershipId: first.id });
    await api['tasks.update']({ id: task.id, partnershipId: second.id, status: 'done' });
    const taskHistory = await api['history.list']({ entity: 'tasks', id: task.id });
    expect(taskHistory.find((h) => h.field === 'partnership_id' && !h.first)).toMatchObject({
      oldValue: first.id,
      newValue: second.id,
      oldName: 'Shantou–Burgas',
      newName: 'Shantou–Varna',
    });
    expect(taskHistory.find((h) => h.field === 'status' && !h.first)).toMatchObject({ oldValue: 'open', newValue: 'done', oldName: null, newName: null });

    const contact = await api['contacts.create']({ name: 'Maria Ivanova', organizationId: burgas.id });
    await api['contacts.update']({ id: contact.id, title: 'Mayor' });
    const contactHistory = await api['history.list']({ entity: 'contacts', id: contact.id });
    expect(contactHistory[0]).toMatchObject({ field: 'title', newValue: 'Mayor' });
    expect(contactHistory.find((h) => h.field === 'organization_id')).toMatchObject({ first: true, newName: '布尔加斯 / Burgas' });

    const milestone = await api['milestones.create']({
      partnershipId: first.id,
      title: 'Joint statement',
      date: '2017-05',
      kind: 'joint_statement',
      status: 'planned',
    });
    await api['milestones.update']({ id: milestone.id, status: 'done' });
    const milestoneHistory = await api['history.list']({ entity: 'milestones', id: milestone.id });
    expect(milestoneHistory[0]).toMatchObject({ field: 'status', oldValue: 'planned', newValue: 'done' });
  });

  it('rejects invalid input and unknown ids, writing nothing', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const before = dump(core);
    expect((await rejected(api['history.list']({ entity: 'organizations', id: '0190a0a0-0000-7000-8000-000000000000' }))).code).toBe('not_found');
    expect((await rejected(api['history.list']({ entity: 'nope', id: 'x' } as never))).code).toBe('invalid_input');
    expect((await rejected(api['history.list']({ entity: 'organizations' } as never))).code).toBe('invalid_input');
    expect(dump(core)).toBe(before);
  });
});

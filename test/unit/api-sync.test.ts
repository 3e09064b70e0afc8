/** Contract tests of the sync operations: what the Sync view calls. */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpText, rejected, tempCore, tempDir, localClient, chosen, jobEnd } from '../helpers';

const dump = dumpText;

async function twoOffices() {
  const a = await tempCore({ now: () => new Date('2026-03-04T10:00:00Z') });
  const b = await tempCore({ now: () => new Date('2026-03-04T10:00:01Z') });
  const apiA = localClient(a);
  const apiB = localClient(b);
  await apiA['settings.update']({ officeName: '汕头市外事局' });
  const org = await apiA['organizations.create']({ displayName: '布尔加斯 / Burgas', nameEn: 'Burgas', country: 'BG' });
  return { a, b, apiA, apiB, org, dir: tempDir() };
}

describe('sync.* operations', () => {
  it('sync.export writes a file; sync.preview shows what sync.merge then does; sync.log records both sides', async () => {
    const { a, b, apiA, apiB, dir } = await twoOffices();
    const file = path.join(dir, 'shantou.db');
    const exported = await apiA['sync.export']({ file: await chosen(apiA, 'write', file) });
    expect(exported).toMatchObject({ path: file, encrypted: false });
    expect(exported.bytes).toBeGreaterThan(0);

    const before = dump(b);
    const preview = await apiB['sync.preview']({ file: await chosen(apiB, 'read', file) });
    expect(preview).toMatchObject({ added: 1, changed: 0, deleted: 0, conflicts: 0, peerOffice: '汕头市外事局', syncId: null });
    expect(preview.entities.organizations.added).toBe(1);
    expect(dump(b)).toBe(before);

    const merged = await apiB['sync.merge']({ file: await chosen(apiB, 'read', file) });
    expect(merged.added).toBe(1);
    expect(merged.syncId).not.toBeNull();
    expect((await apiB['organizations.list']()).rows.map((o) => o.displayName)).toEqual(['布尔加斯 / Burgas']);
    expect((await apiB['sync.log']()).map((e) => e.direction)).toEqual(['import']);
    expect((await apiA['sync.log']()).map((e) => e.direction)).toEqual(['export']);
    void a;
  });

  it('cancels a merge and an export: the database stays as it was, and no file, nor a partial one, is left', async () => {
    const { a, b, apiA, apiB, dir } = await twoOffices();
    for (let i = 0; i < 30; i++) await apiA['organizations.create']({ displayName: `City ${i}`, country: 'CN' });
    const file = (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, 'a.db')) })).path;

    const before = dump(b);
    const merging = await apiB['sync.mergeStart']({ file: await chosen(apiB, 'read', file) });
    expect((await apiB['jobs.cancel']({ id: merging.id })).status).toBe('running');
    const merged = await jobEnd(apiB, merging.id);
    expect(merged.status).toBe('cancelled');
    expect(merged.error).toMatchObject({
      code: 'cancelled',
      message: { en: expect.stringContaining('nothing was imported'), zh: expect.stringContaining('未导入') },
    });
    expect(dump(b)).toBe(before);

    const filesBefore = readdirSync(dir).sort();
    const exportsBefore = (await apiA['sync.log']()).length;
    for (const passphrase of [undefined, 'harbour lights 2017']) {
      const target = path.join(dir, 'cancelled.ptdb');
      const exporting = await apiA['sync.exportStart']({ file: await chosen(apiA, 'write', target), ...(passphrase ? { passphrase } : {}) });
      await apiA['jobs.cancel']({ id: exporting.id });
      const exported = await jobEnd(apiA, exporting.id);
      expect(exported.status).toBe('cancelled');
      expect(exported.error?.message.en).toBe('Export cancelled: no file was written.');
      expect(readdirSync(dir).sort()).toEqual(filesBefore);
    }
    expect((await apiA['sync.log']()).length).toBe(exportsBefore);
    // Not cancelled, the same job writes the file and reports its three steps.
    const written = await jobEnd(apiA, (await apiA['sync.exportStart']({ file: await chosen(apiA, 'write', path.join(dir, 'done.ptdb')) })).id);
    expect(written).toMatchObject({ status: 'done', done: 3, total: 3, result: { name: 'done.ptdb', encrypted: false } });
    void a;
  });

  it('sync.mergeStart merges in a worker thread; jobs.get reports progress, then the summary; local writes afterwards win', async () => {
    const { a, b, apiA, apiB, org, dir } = await twoOffices();
    for (let i = 0; i < 30; i++) await apiA['organizations.create']({ displayName: `City ${i}`, country: 'CN' });
    const file = (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, 'big.db')) })).path;
    const started = await apiB['sync.mergeStart']({ file: await chosen(apiB, 'read', file) });
    expect(started.status).toBe('running');
    const job = await jobEnd(apiB, started.id);
    expect(job.status).toBe('done');
    expect(job.total).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);
    expect(job.result).toMatchObject({ added: 31, conflicts: 0 });
    expect((await apiB['organizations.list']()).rows.length).toBe(31);
    // The main connection's clock moved past the merged stamps: an edit made now is the newest.
    await apiB['organizations.update']({ id: org.id, notes: 'after the merge' });
    const stamps = JSON.parse(
      (b.sqlite.prepare('SELECT field_stamps FROM organizations WHERE id = ?').get(org.id) as { field_stamps: string }).field_stamps,
    ) as Record<string, string>;
    expect(Object.values(stamps).every((stamp) => stamp <= stamps.notes!)).toBe(true);
    const refused = await apiB['sync.mergeStart']({ file: await chosen(apiB, 'read', path.join(dir, 'missing.db')) });
    const failed = await jobEnd(apiB, refused.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'not_a_database' } });
    expect((await rejected(apiB['jobs.get']({ id: '0190aaaa-0000-7000-8000-000000000001' }))).code).toBe('not_found');
    void a;
  });

  it('an encrypted export needs its passphrase; a wrong one is refused in both languages and nothing is written', async () => {
    const { b, apiA, apiB, dir } = await twoOffices();
    const file = path.join(dir, 'sealed.db');
    await apiA['sync.export']({ file: await chosen(apiA, 'write', file), passphrase: 'correct horse battery' });
    const before = dump(b);
    const wrong = await rejected(apiB['sync.merge']({ file: await chosen(apiB, 'read', file), passphrase: 'wrong passphrase' }));
    expect(wrong.code).toBe('not_a_database');
    expect(wrong.localized.en).toMatch(/Wrong passphrase/);
    expect(wrong.localized.zh).toMatch(/密码错误/);
    const none = await rejected(apiB['sync.preview']({ file: await chosen(apiB, 'read', file) }));
    expect(none.localized.en).toMatch(/encrypted/);
    expect(dump(b)).toBe(before);
    expect((await apiB['sync.merge']({ file: await chosen(apiB, 'read', file), passphrase: 'correct horse battery' })).added).toBe(1);
  });

  it('reads and writes only the files a person chose: a made-up handle, the wrong use, a used one, and a file not ours are refused', async () => {
    const { apiA, apiB, dir } = await twoOffices();
    const profile = path.join(dir, '.bashrc');
    writeFileSync(profile, 'export PATH=$HOME/bin:$PATH\n');
    const before = readFileSync(profile, 'utf8');
    const refusedWith = async (promise: Promise<unknown>) => (await rejected(promise)).code;
    // A handle nobody granted.
    expect(await refusedWith(apiA['sync.export']({ file: `f_${'A'.repeat(32)}` }))).toBe('forbidden');
    // Chosen to be read (a file to import), it cannot be written.
    expect(await refusedWith(apiA['sync.export']({ file: await chosen(apiA, 'read', profile) }))).toBe('forbidden');
    // Chosen as an export's target, a file that is not this app's is still never replaced.
    const refusal = await rejected(apiA['sync.export']({ file: await chosen(apiA, 'write', profile) }));
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.localized.en).toContain('is not a Partnership Tracker database');
    expect(readFileSync(profile, 'utf8')).toBe(before);
    // A write handle serves one export.
    const target = await chosen(apiA, 'write', path.join(dir, 'once.ptdb'));
    await apiA['sync.export']({ file: target });
    expect(await refusedWith(apiA['sync.export']({ file: target }))).toBe('forbidden');
    // Granted by one office's core, a handle means nothing to another's.
    const read = await chosen(apiA, 'read', path.join(dir, 'once.ptdb'));
    expect(await refusedWith(apiB['sync.preview']({ file: read }))).toBe('forbidden');
    // Previewed, then merged: the merge uses the choice up.
    const forB = await chosen(apiB, 'read', path.join(dir, 'once.ptdb'));
    await apiB['sync.preview']({ file: forB });
    await apiB['sync.merge']({ file: forB });
    expect(await refusedWith(apiB['sync.merge']({ file: forB }))).toBe('forbidden');
  });

  it('invalid input is refused with nothing written: empty path, short export passphrase, unknown keys, a file that is not ours', async () => {
    const { b, apiB, dir } = await twoOffices();
    const before = dump(b);
    const loose = apiB as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    for (const [name, input] of [
      ['sync.export', { file: '' }],
      // A path is not a chosen file: the page cannot name one.
      ['sync.export', { path: path.join(dir, 'x.db') }],
      ['sync.preview', { file: path.join(dir, 'x.db') }],
      ['sync.export', { file: `f_${'a'.repeat(32)}`, passphrase: 'short' }],
      ['sync.preview', { file: `f_${'a'.repeat(32)}`, extra: 1 }],
      ['sync.merge', {}],
      ['files.grant', { path: '', mode: 'read' }],
      ['sync.exportStart', { path: path.join(dir, 'x.db') }],
      ['jobs.cancel', { id: 'not-an-id' }],
      ['files.grant', { path: path.join(dir, 'x.db'), mode: 'delete' }],
      ['conflicts.resolve', { id: 'not-an-id', choice: 'flip' }],
      ['conflicts.resolve', { id: '0190aaaa-0000-7000-8000-000000000001', choice: 'maybe' }],
      ['duplicates.decide', { id: '0190aaaa-0000-7000-8000-000000000001', decision: 'merge' }],
    ] as const) {
      const error = await rejected(loose[name]!(input));
      expect(error.code, name).toBe('invalid_input');
      expect(error.localized.zh.length, name).toBeGreaterThan(0);
    }
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, randomBytes(4096));
    expect((await rejected(apiB['sync.merge']({ file: await chosen(apiB, 'read', junk) }))).code).toBe('not_a_database');
    expect((await rejected(apiB['sync.preview']({ file: await chosen(apiB, 'read', path.join(dir, 'missing.db')) }))).code).toBe('not_a_database');
    expect(dump(b)).toBe(before);
  });

  it('conflicts.list shows a concurrent edit; conflicts.resolve flips to the other value as a new write, or keeps; unknown id is not_found', async () => {
    const { apiA, apiB, org, dir } = await twoOffices();
    await apiB['sync.merge']({
      file: await chosen(apiB, 'read', (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, '1.db')) })).path),
    });
    await apiA['organizations.update']({ id: org.id, region: 'Burgas Province' });
    await apiB['organizations.update']({ id: org.id, region: 'Бургаска област' });
    await apiB['sync.merge']({
      file: await chosen(apiB, 'read', (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, '2.db')) })).path),
    });
    const conflicts = await apiB['conflicts.list']();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ entity: 'organizations', rowId: org.id, field: 'region' });
    const winner = (await apiB['organizations.get']({ id: org.id })).region;
    const other = conflicts[0]!.losingValue;
    expect([winner, other].sort()).toEqual(['Burgas Province', 'Бургаска област']);

    const remaining = await apiB['conflicts.resolve']({ id: conflicts[0]!.id, choice: 'flip' });
    expect(remaining).toEqual([]);
    expect((await apiB['organizations.get']({ id: org.id })).region).toBe(other);
    expect((await apiB['conflicts.list']({ includeResolved: true }))[0]).toMatchObject({ resolution: 'flip' });

    const missing = await rejected(apiB['conflicts.resolve']({ id: '0190aaaa-0000-7000-8000-000000000001', choice: 'keep' }));
    expect(missing.code).toBe('not_found');
  });

  it('duplicates.list flags a likely duplicate (same name in another script, same country); duplicates.decide records the decision', async () => {
    const { apiA, apiB, dir } = await twoOffices();
    await apiB['organizations.create']({ displayName: 'Burgas', nameZh: '布尔加斯', country: 'BG' });
    const preview = await apiB['sync.preview']({
      file: await chosen(apiB, 'read', (await apiA['sync.export']({ file: await chosen(apiA, 'write', path.join(dir, 'd.db')) })).path),
    });
    expect(preview.duplicates).toHaveLength(1);
    await apiB['sync.merge']({ file: await chosen(apiB, 'read', path.join(dir, 'd.db')) });
    const list = await apiB['duplicates.list']();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ localName: 'Burgas', importedName: '布尔加斯 / Burgas', decision: null });
    const decided = await apiB['duplicates.decide']({ id: list[0]!.id, decision: 'kept_apart' });
    expect(decided[0]!.decision).toBe('kept_apart');
    const missing = await rejected(apiB['duplicates.decide']({ id: '0190aaaa-0000-7000-8000-000000000001', decision: 'linked' }));
    expect(missing.code).toBe('not_found');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { tempCore, tempDir, localClient } from '../helpers';
import type { Core } from '../../db/core';

/** Record content as both offices must agree on it: every record table, change history values. */
function content(core: Core): Record<string, unknown[]> {
  const tables = ['organizations', 'programmes', 'partnerships', 'partnership_parties', 'partnership_status_history', 'milestones', 'contacts', 'meetings', 'meeting_partnerships', 'meeting_attendees', 'tasks', 'attachments', 'blobs'];
  const result: Record<string, unknown[]> = {};
  for (const t of tables) result[t] = core.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all();
  result.change_log = core.sqlite.prepare('SELECT entity, row_id, field, value, hlc, origin FROM change_log ORDER BY entity, row_id, field, hlc').all();
  return result;
}

describe('sync by database file', () => {
  it('sample data merges with sample data as 0 changes', async () => {
    const a = await tempCore();
    const b = await tempCore();
    await localClient(a)['app.finishOnboarding']({ choice: 'sample' });
    await localClient(b)['app.finishOnboarding']({ choice: 'sample' });
    const file = path.join(tempDir(), 'a.db');
    exportDatabase(a, file);
    const summary = mergeFile(b, file);
    expect(summary).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0 });
  });

  it('A into B and B into A converge; the same file twice changes nothing; concurrent edits are conflicts', async () => {
    const a = await tempCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-01T10:00:05Z') });
    const api = localClient(a);
    const org = await api['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    const dir = tempDir();
    exportDatabase(a, path.join(dir, 'a1.db'));
    expect(mergeFile(b, path.join(dir, 'a1.db'))).toMatchObject({ added: 1, conflicts: 0 });
    // Both offices now edit the same field without seeing each other's edit.
    await api['organizations.update']({ id: org.id, notes: 'from A' });
    await localClient(b)['organizations.update']({ id: org.id, notes: 'from B' });
    exportDatabase(a, path.join(dir, 'a2.db'));
    exportDatabase(b, path.join(dir, 'b2.db'));
    const intoB = mergeFile(b, path.join(dir, 'a2.db'));
    const intoA = mergeFile(a, path.join(dir, 'b2.db'));
    expect(intoB.conflicts).toBe(1);
    expect(intoA.conflicts).toBe(1);
    expect(content(a)).toEqual(content(b));
    expect((a.sqlite.prepare('SELECT notes FROM organizations').get() as { notes: string }).notes).toBe('from B');
    const conflict = a.sqlite.prepare('SELECT losing_value, winning_value FROM conflicts').get();
    expect(conflict).toEqual({ losing_value: '"from A"', winning_value: '"from B"' });
    expect(mergeFile(a, path.join(dir, 'b2.db'))).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0 });
  });
});

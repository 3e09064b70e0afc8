import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { tempCore, tempDir, localClient } from '../helpers';
import type { Core } from '../../db/core';

/** Record content as both offices must agree on it: every record table, change history values. */
function content(core: Core): Record<string, unknown[]> {
  const tables = [
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
    'blobs',
  ];
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

  it("a merge keeps the maintained facts right: the dashboard, a partnership's meetings and the task totals show what the merged data holds", async () => {
    const a = await tempCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-01T10:00:05Z') });
    const apiA = localClient(a);
    const apiB = localClient(b);
    const dir = tempDir();
    const shantou = await apiA['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    const burgas = await apiA['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const partnership = await apiA['partnerships.create']({
      title: 'Shantou–Burgas',
      kind: 'sister_city',
      status: 'active',
      parties: [{ organizationId: shantou.id }, { organizationId: burgas.id }],
      termStart: '2016-01-01',
    });
    const old = await apiA['meetings.create']({
      title: 'Old visit',
      date: '2025-01-10',
      format: 'in_person',
      kind: 'incoming_delegation',
      partnershipIds: [partnership.id],
    });
    exportDatabase(a, path.join(dir, 'a1.db'));
    mergeFile(b, path.join(dir, 'a1.db'));
    const today = '2026-03-01';
    // Quiet on both sides: the last meeting is more than 180 days old.
    for (const api of [apiA, apiB]) {
      expect((await api['dashboard.get']({ today })).quietPartnerships).toEqual([expect.objectContaining({ id: partnership.id, lastMeeting: '2025-01-10' })]);
    }
    // Office B meets, moves the old meeting, and adds follow-ups, one of them done; office A merges B's file.
    const recent = await apiB['meetings.create']({
      title: 'Video call',
      date: '2026-02-20',
      format: 'video',
      kind: 'working_meeting',
      partnershipIds: [partnership.id],
      followUps: [
        { title: 'Send the draft', dueOn: '2026-02-25' },
        { title: 'Book the hall', dueOn: '2026-03-01' },
      ],
    });
    await apiB['meetings.update']({ id: old.id, date: '2025-02-01' });
    const done = await apiB['tasks.create']({ title: 'Thank-you letter', dueOn: '2026-02-21', partnershipId: partnership.id });
    await apiB['tasks.complete']({ id: done.id });
    exportDatabase(b, path.join(dir, 'b1.db'));
    mergeFile(a, path.join(dir, 'b1.db'));
    for (const api of [apiA, apiB]) {
      const dashboard = await api['dashboard.get']({ today });
      expect(dashboard.quietPartnerships).toEqual([]);
      expect(dashboard.totals.overdueTasks).toBe(1);
      expect((await api['meetings.list']({ partnershipId: partnership.id })).rows.map((m) => [m.title, m.date])).toEqual([
        ['Video call', '2026-02-20'],
        ['Old visit', '2025-02-01'],
      ]);
      expect((await api['tasks.list']({})).total).toBe(2);
      expect((await api['tasks.list']({ includeClosed: true })).total).toBe(3);
      expect((await api['tasks.list']({ view: 'week', today })).rows.map((t) => t.title)).toEqual(['Book the hall']);
      // The meeting log's totals (kept per day): the new meeting counted, the moved one on its new day.
      expect((await api['meetings.list']({ limit: 1 })).total).toBe(2);
      expect((await api['meetings.list']({ to: '2025-01-31', limit: 1 })).total).toBe(0);
      expect((await api['meetings.list']({ from: '2025-02-01', to: '2025-02-01', limit: 1 })).total).toBe(1);
    }
    // B deletes the recent meeting and its tasks are done; A merges: quiet again, no overdue task, one meeting listed.
    await apiB['meetings.delete']({ id: recent.id });
    for (const task of (await apiB['tasks.list']({})).rows) await apiB['tasks.complete']({ id: task.id });
    exportDatabase(b, path.join(dir, 'b2.db'));
    mergeFile(a, path.join(dir, 'b2.db'));
    const dashboard = await apiA['dashboard.get']({ today });
    expect(dashboard.quietPartnerships).toEqual([expect.objectContaining({ id: partnership.id, lastMeeting: '2025-02-01' })]);
    expect(dashboard.totals.overdueTasks).toBe(0);
    expect((await apiA['meetings.list']({ partnershipId: partnership.id })).total).toBe(1);
    expect((await apiA['meetings.list']({ limit: 1 })).total).toBe(1);
    expect((await apiA['meetings.list']({ offset: 1 })).rows).toEqual([]);
    expect((await apiA['tasks.list']({})).total).toBe(0);
    expect((await apiA['tasks.list']({ includeClosed: true })).total).toBe(3);
    // B restores the meeting; A merges: counted again, and the oldest is the second row.
    await apiB['meetings.restore']({ id: recent.id });
    exportDatabase(b, path.join(dir, 'b3.db'));
    mergeFile(a, path.join(dir, 'b3.db'));
    expect((await apiA['meetings.list']({ limit: 1 })).total).toBe(2);
    expect((await apiA['meetings.list']({ offset: 1 })).rows.map((m) => m.title)).toEqual(['Old visit']);
  });
});

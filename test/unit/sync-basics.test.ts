import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { recountQuiet, tempCore, tempDir, localClient } from '../helpers';
import { DASHBOARD_LIST_LIMIT, quietPartnerships } from '../../db/dashboard';
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

  it("a merge keeps the quiet card right: another office's partnerships, meetings (some dated after the day), status changes, deletions", async () => {
    const a = await tempCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const b = await tempCore({ now: () => new Date('2026-03-01T10:00:05Z') });
    const apiA = localClient(a);
    const apiB = localClient(b);
    const dir = tempDir();
    const today = '2026-03-01';
    const shantou = await apiB['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    const burgas = await apiB['organizations.create']({ displayName: 'Burgas', country: 'BG' });
    const partnership = (title: string, status: 'active' | 'negotiating') =>
      apiB['partnerships.create']({
        title,
        kind: 'sister_city',
        status,
        parties: [{ organizationId: shantou.id }, { organizationId: burgas.id }],
        termStart: '2016-01-01',
      });
    const meet = (date: string, partnershipId: string) =>
      apiB['meetings.create']({ title: `Met ${date}`, date, format: 'video', kind: 'working_meeting', partnershipIds: [partnershipId] });
    const old = await partnership('Met long ago', 'active');
    const lately = await partnership('Met lately', 'negotiating');
    const planned = await partnership('Met long ago, meeting planned', 'active');
    await meet('2025-01-10', old.id);
    const latelyMet = await meet('2026-02-20', lately.id);
    await meet('2024-12-01', planned.id);
    await meet('2026-04-15', planned.id);
    await meet('2026-05-01', planned.id);
    let round = 0;
    /** B's file merged into A: A's card, on several days, is what a recount of its records says, and B's card too. */
    const merged = async () => {
      const file = path.join(dir, `b${++round}.db`);
      exportDatabase(b, file);
      mergeFile(a, file);
      for (const day of [today, '2026-04-20', '2026-05-10', '2026-10-01']) {
        expect(quietPartnerships(a, day, DASHBOARD_LIST_LIMIT), day).toEqual(recountQuiet(a, day));
        expect(quietPartnerships(a, day, DASHBOARD_LIST_LIMIT), day).toEqual(quietPartnerships(b, day, DASHBOARD_LIST_LIMIT));
      }
      return (await apiA['dashboard.get']({ today })).quietPartnerships.map((p) => [p.title, p.lastMeeting]);
    };
    // The meetings planned after the day do not count: quiet since December 2024.
    expect(await merged()).toEqual([
      ['Met long ago, meeting planned', '2024-12-01'],
      ['Met long ago', '2025-01-10'],
    ]);
    // B: a status change, a recent meeting deleted, a partnership deleted, a new one whose only meeting is planned.
    await apiB['partnerships.update']({ id: old.id, status: 'dormant' });
    await apiB['meetings.delete']({ id: latelyMet.id });
    await apiB['partnerships.delete']({ id: planned.id });
    const fresh = await partnership('Only planned', 'active');
    await meet('2026-03-20', fresh.id);
    expect(await merged()).toEqual([
      ['Met lately', null],
      ['Only planned', null],
    ]);
    // B restores both; the planned meetings of the restored one still wait for their day.
    await apiB['meetings.restore']({ id: latelyMet.id });
    await apiB['partnerships.restore']({ id: planned.id });
    expect(await merged()).toEqual([
      ['Only planned', null],
      ['Met long ago, meeting planned', '2024-12-01'],
    ]);
    // On 20 April both have met (15 April, 20 March): the card is empty.
    expect((await apiA['dashboard.get']({ today: '2026-04-20' })).quietPartnerships).toEqual([]);
  });
});

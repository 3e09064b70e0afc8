/**
 * The meeting log's and the task list's search boxes (meetings.list and tasks.list with a query) read their matches
 * from the search index (db/search.ts listMatches): the answer must be the one reading every row with LIKE gives,
 * for any query and any other filter. Reading every row is what the lists do when the index cannot tell, so each
 * answer is compared with the answer given while the index is marked as another version's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import { createRegistry } from '../../db/api';
import { GENERATED_TODAY } from '../../db/generate';
import { listMatches, SEARCH_BY_ID_UP_TO, SEARCH_INDEX_VERSION } from '../../db/search';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { generateInChild } from '../helpers';

const registry = createRegistry();
let dir: string;
let core: Core;
let partnershipId: string;
let organizationId: string;

function call<T = unknown>(target: Core, name: string, input: unknown): T {
  const envelope = registry.call(target, name, input);
  if (!envelope.ok) throw new Error(`${name} ${JSON.stringify(input)}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** The answer as the lists gave it before the index: every row read (the index marked as another version's). */
function byReadingRows<T>(target: Core, run: () => T): T {
  target.setMeta('search_index_version', 'another');
  try {
    return run();
  } finally {
    target.setMeta('search_index_version', SEARCH_INDEX_VERSION);
  }
}

/** The list's answer, checked against reading every row. */
function same<T>(name: string, input: unknown, target: Core = core): T {
  const now = call<T>(target, name, input);
  expect(now, `${name} ${JSON.stringify(input)}`).toEqual(byReadingRows(target, () => call<T>(target, name, input)));
  return now;
}

const meetingTitles = (input: unknown, target: Core = core) =>
  same<{ rows: { title: string }[]; total: number }>('meetings.list', { limit: 500, ...(input as object) }, target);
const taskTitles = (input: unknown, target: Core = core) =>
  same<{ rows: { title: string }[]; total: number }>('tasks.list', { limit: 500, ...(input as object) }, target);

/** Titles (and task details) that fold differently under LIKE (ASCII letters only) and the index's NFKC. */
const ODD = [
  'Zürich Forum',
  'ZÜRICH FORUM',
  'zürich forum',
  'Ｚürich 全角',
  'Cafe\u0301 Meeting',
  'Café Meeting',
  'ΟΔΟΣΑ Greek',
  '100% done_ok \\path "quoted"',
  'İstanbul Visit',
  'Straße talks',
  'ﬁnance ligature',
  'emoji 😀 talks',
  '汕头 合作',
  'ＡＢＣ fullwidth',
  'nul\u0000tail',
  'mark\u0001line',
  'tab\there',
  'two\nlines',
];

const QUERIES = [
  // Chinese, one to three characters (the first matches thousands: the count is the index's), a word no title holds
  '会',
  '合作',
  '头 合',
  '工作会',
  'qqxz-none',
  // Latin in mixed case, short and long
  'a',
  'AB',
  'Video',
  'video conference',
  // LIKE folds ASCII letters alone; the index's NFKC folds more (full-width, ü/Ü, ligatures, composed accents, final sigma)
  'ZÜRICH',
  'zürich',
  'Ｚ',
  'ｚürich',
  'ü',
  'cafe',
  'e\u0301',
  'é',
  'ΔΟΣ',
  'ΟΣ',
  'İ',
  'i\u0307',
  'STRASSE',
  'ß',
  'ﬁ',
  'FI',
  '😀',
  'ＡＢＣ',
  'abc',
  // LIKE's wildcards and escape, the FTS5 quote
  '%',
  '_',
  'done_',
  '\\',
  '"quoted"',
  // control characters (LIKE stops at a NUL; the index's line breaks): read from the rows
  'tail',
  'mark',
  '\u0001',
  'tab\there',
  'o\nl',
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pt-list-search-'));
  await generateInChild(path.join(dir, 'm.db'), 3, 'M');
  core = await openCore(path.join(dir, 'm.db'));
  const busiest = core.sqlite
    .prepare(
      `SELECT mp.partnership_id AS p, pp.organization_id AS o FROM meeting_partnerships mp JOIN partnership_parties pp ON pp.partnership_id = mp.partnership_id
        WHERE mp.deleted_at IS NULL AND pp.deleted_at IS NULL GROUP BY mp.partnership_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { p: string; o: string };
  partnershipId = busiest.p;
  organizationId = busiest.o;
  for (const [n, title] of ODD.entries()) {
    const meeting = call<{ id: string }>(core, 'meetings.create', {
      title: `Odd ${n} ${title}`,
      date: `2023-0${1 + (n % 9)}-1${n % 10}`,
      format: 'in_person',
      kind: 'forum',
      partnershipIds: [partnershipId],
    });
    call(core, 'tasks.create', {
      title: n % 2 ? `Odd ${n} ${title}` : `Odd ${n}`,
      details: n % 2 ? null : `details: ${title}`,
      status: n % 3 ? 'open' : 'done',
      priority: 'normal',
      dueOn: n % 4 ? `${GENERATED_TODAY.slice(0, 8)}0${1 + (n % 9)}` : null,
      partnershipId,
      meetingId: meeting.id,
      assignee: n % 2 ? '李明' : null,
    });
  }
}, 180_000);

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Lets the test runner's messages through between long stretches of queries. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

describe("the lists' search boxes, read from the search index", () => {
  it('reads from the index where it can (a big count without reading rows, a small one by id), else reads the rows', () => {
    const many = listMatches(core, 'meeting', '会')!;
    expect(many.count).toBeGreaterThan(SEARCH_BY_ID_UP_TO);
    expect(listMatches(core, 'meeting', 'Zürich')!.count).toBeLessThanOrEqual(SEARCH_BY_ID_UP_TO);
    expect(listMatches(core, 'task', '会', false)!.count).toBeGreaterThan(SEARCH_BY_ID_UP_TO);
    expect(listMatches(core, 'task', 'tab\there')).toBeUndefined();
    byReadingRows(core, () => expect(listMatches(core, 'meeting', '会')).toBeUndefined());
  });

  it('the meeting log: the same rows, order, total and cursor as reading every title, with any other filter', async () => {
    let found = 0;
    for (const query of QUERIES) {
      for (const input of [
        { query },
        { query, limit: 5 },
        { query, limit: 3, offset: 2 },
        { query, from: '2023-01-01', to: '2023-06-30' },
        { query, partnershipId, limit: 2, offset: 1 },
        { query, organizationId, limit: 20 },
        { query, deleted: true },
      ]) {
        const page = meetingTitles(input);
        found += page.total;
      }
      await breathe();
      // The next page after the first one's cursor.
      const first = same<{ next: unknown }>('meetings.list', { query, limit: 2 });
      if (first.next) same('meetings.list', { query, limit: 2, after: first.next });
    }
    expect(found).toBeGreaterThan(0);
    // LIKE folds ASCII letters alone: 'Zürich' is not 'ZÜRICH', nor the full-width 'Ｚürich'.
    expect(meetingTitles({ query: 'zürich' }).rows.map((r) => r.title)).toEqual(['Odd 2 zürich forum', 'Odd 0 Zürich Forum']);
    expect(meetingTitles({ query: 'e\u0301' }).rows.map((r) => r.title)).toEqual(['Odd 4 Cafe\u0301 Meeting']);
    expect(meetingTitles({ query: 'tail' }).total).toBe(0);
  });

  it('the task list: the same rows, order and total as reading every title and details, in every view and filter', async () => {
    for (const query of QUERIES) {
      for (const input of [
        { query },
        { query, includeClosed: true, limit: 4, offset: 3 },
        { query, view: 'overdue', today: GENERATED_TODAY },
        { query, view: 'week', today: GENERATED_TODAY },
        { query, partnershipId, includeClosed: true },
        { query, assignee: '李明' },
        { query, deleted: true },
      ]) {
        taskTitles(input);
      }
      await breathe();
    }
    expect(taskTitles({ query: 'ZÜRICH', includeClosed: true }).rows.map((r) => r.title)).toEqual(['Odd 1 ZÜRICH FORUM']);
    // In the details; the task without a due date last, and the done one in the closed alone.
    expect(taskTitles({ query: 'Zürich', includeClosed: true }).rows.map((r) => r.title)).toEqual(['Odd 2', 'Odd 0']);
    expect(taskTitles({ query: 'Zürich' }).rows.map((r) => r.title)).toEqual(['Odd 2']);
  });

  it('a meeting or task deleted is not found, restored it is; an edited title is found by its new words alone; a closed task leaves the open list', () => {
    const meeting = call<{ id: string }>(core, 'meetings.create', {
      title: 'Unikat Zebra 斑马',
      date: '2024-02-02',
      format: 'video',
      kind: 'forum',
      partnershipIds: [partnershipId],
    });
    const task = call<{ id: string }>(core, 'tasks.create', { title: 'Okapi 霍加狓', status: 'open', priority: 'high' });
    const meetingsFound = (query: string) => meetingTitles({ query }).rows.map((r) => r.title);
    const tasksFound = (query: string, includeClosed = false) => taskTitles({ query, includeClosed }).rows.map((r) => r.title);
    expect(meetingsFound('zebra')).toEqual(['Unikat Zebra 斑马']);
    expect(meetingsFound('斑')).toEqual(['Unikat Zebra 斑马']);
    expect(tasksFound('OKAPI')).toEqual(['Okapi 霍加狓']);

    call(core, 'meetings.delete', { id: meeting.id });
    call(core, 'tasks.delete', { id: task.id });
    expect(meetingsFound('zebra')).toEqual([]);
    expect(meetingsFound('斑')).toEqual([]);
    expect(tasksFound('okapi', true)).toEqual([]);
    expect(meetingTitles({ query: 'zebra', deleted: true }).rows.map((r) => r.title)).toEqual(['Unikat Zebra 斑马']);
    expect(taskTitles({ query: 'okapi', deleted: true }).rows.map((r) => r.title)).toEqual(['Okapi 霍加狓']);

    call(core, 'trash.restore', { entity: 'meetings', id: meeting.id });
    call(core, 'tasks.restore', { id: task.id });
    expect(meetingsFound('zebra')).toEqual(['Unikat Zebra 斑马']);
    expect(tasksFound('okapi')).toEqual(['Okapi 霍加狓']);

    call(core, 'meetings.update', { id: meeting.id, title: 'Unikat Giraffe 长颈鹿' });
    expect(meetingsFound('zebra')).toEqual([]);
    expect(meetingsFound('giraffe')).toEqual(['Unikat Giraffe 长颈鹿']);
    expect(meetingsFound('长颈')).toEqual(['Unikat Giraffe 长颈鹿']);

    call(core, 'tasks.complete', { id: task.id });
    expect(tasksFound('okapi')).toEqual([]);
    expect(tasksFound('okapi', true)).toEqual(['Okapi 霍加狓']);
    call(core, 'tasks.reopen', { id: task.id });
    expect(tasksFound('okapi')).toEqual(['Okapi 霍加狓']);
    call(core, 'tasks.update', { id: task.id, title: 'Tapir', details: 'was an Okapi' });
    expect(tasksFound('霍加')).toEqual([]);
    expect(tasksFound('okapi')).toEqual(['Tapir']);
  });

  it('a merge: meetings and tasks added, renamed, deleted and restored in another office are found as their rows say', async () => {
    const copyFile = path.join(dir, 'copy.db');
    exportDatabase(core, copyFile);
    await breathe();
    const other = await openCore(copyFile);
    try {
      const added = call<{ id: string }>(other, 'meetings.create', {
        title: 'Merged Narwhal 独角鲸',
        date: '2024-03-03',
        format: 'video',
        kind: 'forum',
        partnershipIds: [partnershipId],
      });
      const renamed = call<{ rows: { id: string }[] }>(other, 'meetings.list', { query: 'Odd 5 ' }).rows[0]!;
      call(other, 'meetings.update', { id: renamed.id, title: 'Renamed Walrus' });
      const gone = call<{ rows: { id: string }[] }>(other, 'meetings.list', { query: 'Odd 6 ' }).rows[0]!;
      call(other, 'meetings.delete', { id: gone.id });
      call(other, 'tasks.create', { title: 'Merged Manatee', status: 'in_progress', priority: 'normal' });
      const closed = call<{ rows: { id: string }[] }>(other, 'tasks.list', { query: 'Odd 7 ', includeClosed: true }).rows[0]!;
      call(other, 'tasks.update', { id: closed.id, status: 'cancelled' });
      exportDatabase(other, path.join(dir, 'other.db'));
      expect(added.id).toBeTruthy();
    } finally {
      other.close();
    }
    await breathe();
    mergeFile(core, path.join(dir, 'other.db'));
    await breathe();
    expect(meetingTitles({ query: 'narwhal' }).rows.map((r) => r.title)).toEqual(['Merged Narwhal 独角鲸']);
    expect(meetingTitles({ query: '独角' }).rows.map((r) => r.title)).toEqual(['Merged Narwhal 独角鲸']);
    expect(meetingTitles({ query: 'walrus' }).rows.map((r) => r.title)).toEqual(['Renamed Walrus']);
    expect(meetingTitles({ query: 'Odd 5 ' }).total).toBe(0);
    expect(meetingTitles({ query: 'Odd 6 ' }).total).toBe(0);
    expect(taskTitles({ query: 'manatee' }).rows.map((r) => r.title)).toEqual(['Merged Manatee']);
    expect(taskTitles({ query: 'Odd 7 ' }).total).toBe(0);
    expect(taskTitles({ query: 'Odd 7 ', includeClosed: true }).total).toBe(1);
    for (const query of ['会', 'Odd', 'a', 'zürich']) {
      meetingTitles({ query });
      taskTitles({ query, includeClosed: true });
    }
  }, 120_000);
});

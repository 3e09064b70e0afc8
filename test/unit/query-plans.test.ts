/**
 * The hot queries use an index, never a full scan of a big table. The SQL is the SQL the domain
 * code runs: each operation is called through the contract while `prepare` is spied on, and
 * every statement it ran is explained with the parameters it ran with. (The change log has no
 * reader by row yet besides merge: its two queries are copied from db/sync/merge.ts and the
 * record-history query is written as it would be.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import { createRegistry } from '../../db/api';
import { GENERATED_TODAY } from '../../db/generate';
import { ORGANIZATION_WALK_ABOVE } from '../../db/meetings';
import { quietPartnerships } from '../../db/dashboard';
import { generateInChild } from '../helpers';
import { openIncomingFile } from '../../db/sync/incoming';

interface Ran {
  sql: string;
  params: unknown[];
}

let dir: string;
let core: Core;
let partnershipId: string;
const registry = createRegistry();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pt-plans-'));
  await generateInChild(path.join(dir, 'plans.db'), 1);
  core = await openCore(path.join(dir, 'plans.db'));
  partnershipId = (
    core.sqlite
      .prepare('SELECT partnership_id AS id FROM meeting_partnerships GROUP BY partnership_id ORDER BY count(*) DESC, partnership_id LIMIT 1')
      .get() as { id: string }
  ).id;
});

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every statement an operation runs (drizzle and raw), with its parameters. */
function statementsOf(name: string, input: unknown): Ran[] {
  return statementsWhile((copy) => {
    const envelope = registry.call(copy, name, input);
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
  });
}

/** Every statement `run` runs on a copy of the core (drizzle and raw), with its parameters. */
function statementsWhile(run: (copy: Core) => void): Ran[] {
  const sqlite = core.sqlite;
  const prepare = sqlite.prepare;
  const ran: Ran[] = [];
  const spy = (source: string): Database.Statement => {
    const statement = prepare.call(sqlite, source) as Database.Statement;
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (property === 'all' || property === 'get' || property === 'run' || property === 'iterate') {
          return (...args: unknown[]) => {
            ran.push({ sql: source, params: args });
            return method.apply(target, args);
          };
        }
        if (property === 'raw' || property === 'pluck' || property === 'expand' || property === 'safeIntegers') {
          return (...args: unknown[]) => {
            method.apply(target, args);
            return proxy;
          };
        }
        return method.bind(target);
      },
    });
    return proxy;
  };
  sqlite.prepare = spy as typeof sqlite.prepare;
  try {
    // A copy of the core: statements prepared once per connection (db/prepared.ts) are prepared again, inside the spy.
    run({ ...core });
  } finally {
    Reflect.deleteProperty(sqlite, 'prepare');
  }
  expect(sqlite.prepare).toBe(prepare);
  return ran;
}

function plan(sqlText: string, params: unknown[] = []): string[] {
  return (core.sqlite.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

/** The plan of the one statement the operation ran that matches `pick`. */
function planOf(name: string, input: unknown, pick: RegExp): string[] {
  const matching = statementsOf(name, input).filter((s) => pick.test(s.sql));
  expect(matching.length, `${name} runs a statement matching ${String(pick)}`).toBeGreaterThan(0);
  return plan(matching[0]!.sql, matching[0]!.params);
}

/** The plan of the first of `ran` that matches `pick` (fails if none does). */
const explainer = (ran: Ran[]) => (pick: RegExp) => {
  const statement = ran.find((s) => pick.test(s.sql));
  expect(statement, `a statement matching ${String(pick)}`).toBeDefined();
  return plan(statement!.sql, statement!.params);
};

function expectNoFullScan(details: string[], ...tables: string[]): void {
  for (const table of tables) {
    expect(
      details.filter((d) => new RegExp(`^SCAN ${table}\\b`).test(d)),
      `full scan of ${table} in:\n${details.join('\n')}`,
    ).toEqual([]);
  }
}

describe('query plans of the hot queries', () => {
  it('meetings of a partnership (db/meetings.ts listMeetings): read newest first from partnership_meetings_by_date, meetings by id, no sort', () => {
    const ran = statementsOf('meetings.list', { partnershipId });
    const page = ran.find((s) => /from "partnership_meetings"/.test(s.sql) && /order by/i.test(s.sql))!;
    const details = plan(page.sql, page.params);
    expect(details).toContainEqual(
      expect.stringMatching(/^SEARCH partnership_meetings USING (COVERING )?INDEX partnership_meetings_by_date \(partnership_id=\?\)/),
    );
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/));
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScan(details, 'meetings', 'meeting_partnerships', 'partnership_meetings');
    const total = ran.find((s) => /count\(/i.test(s.sql))!;
    const totalPlan = plan(total.sql, total.params);
    expect(totalPlan).toContainEqual(
      expect.stringMatching(/^SEARCH partnership_meetings USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\?\)/),
    );
    // A later page starts at the cursor's day in the same index.
    const first = registry.call(core, 'meetings.list', { partnershipId, limit: 2 });
    expect(first.ok).toBe(true);
    const after = (first as { ok: true; value: { next: unknown } }).value.next;
    expect(after).not.toBeNull();
    const later = statementsOf('meetings.list', { partnershipId, limit: 2, after }).find((s) => /order by/i.test(s.sql))!;
    const laterPlan = plan(later.sql, later.params);
    expect(laterPlan).toContainEqual(
      expect.stringMatching(/^SEARCH partnership_meetings USING (COVERING )?INDEX partnership_meetings_by_date \(partnership_id=\? AND date<\?\)/),
    );
    expect(laterPlan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('a page of the meeting log after a cursor (db/meetings.ts listMeetings): meetings_list, no sort; its total summed from meeting_counts', () => {
    const last = core.sqlite
      .prepare('SELECT date, time, id FROM meetings WHERE deleted_at IS NULL ORDER BY date DESC, time DESC, id DESC LIMIT 1 OFFSET 500')
      .get() as {
      date: string;
      time: string | null;
      id: string;
    };
    const ran = statementsOf('meetings.list', { limit: 100, after: last });
    const page = ran.find((s) => /from "meetings"/.test(s.sql) && /order by/i.test(s.sql))!;
    const pagePlan = plan(page.sql, page.params);
    expect(pagePlan).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX meetings_list \(deleted_at=\? AND date<\?\)/));
    expect(pagePlan.filter((d) => /TEMP B-TREE/.test(d))).toEqual([]);
    expectNoFullScan(pagePlan, 'meetings');
    // The live meetings are never counted: their number is a sum over the days of meeting_counts (kept by triggers).
    expect(ran.filter((s) => /count\(/i.test(s.sql))).toEqual([]);
    expect(plan(ran.find((s) => /from "meeting_counts"/.test(s.sql))!.sql)).toEqual(['SCAN meeting_counts']);
    const first = statementsOf('meetings.list', { limit: 200 });
    expect(first.filter((s) => /count\(/i.test(s.sql))).toEqual([]);
    expect(first.filter((s) => /from "meeting_counts"/.test(s.sql))).toHaveLength(1);
    const ranged = statementsOf('meetings.list', { from: '2024-01-01', to: '2024-06-30' });
    const rangedPlan = plan(ranged[0]!.sql, ranged[0]!.params);
    expect(rangedPlan).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX meetings_list \(deleted_at=\? AND date>\? AND date<\?\)/));
    expect(rangedPlan.filter((d) => /TEMP B-TREE/.test(d))).toEqual([]);
    const rangedTotal = ranged.find((s) => /from "meeting_counts"/.test(s.sql))!;
    expect(plan(rangedTotal.sql, rangedTotal.params)).toEqual(['SEARCH meeting_counts USING INDEX sqlite_autoindex_meeting_counts_1 (date>? AND date<?)']);
  });

  /** The plans of the search index's statements a list searched ran (db/search.ts listMatches): its count and its ids. */
  const listMatchPlans = (ran: Ran[], table: string) => {
    const counted = ran.find((s) => s.sql.startsWith(`SELECT count(*) FROM ${table} WHERE`));
    const ids = ran.find((s) => s.sql.startsWith(`SELECT d.record_id FROM ${table} f JOIN search_docs d`));
    expect(counted, `count of ${table}`).toBeDefined();
    expect(ids, `ids of ${table}`).toBeDefined();
    return { count: plan(counted!.sql, counted!.params), ids: plan(ids!.sql, ids!.params) };
  };

  it("the meeting log and the task list searched (listMatches): their matches, and how many, read from the search index's tables, then the few by id", () => {
    for (const [query, table] of [
      ['视频', 'search_grams_meeting_titles'],
      ['工作会', 'search_fts_meeting_titles'],
    ] as const) {
      for (const input of [{ query }, { query, offset: 200 }, { query, from: '2020-01-01', to: '2024-12-31' }, { query, partnershipId }]) {
        const ran = statementsOf('meetings.list', input);
        const found = listMatchPlans(ran, table);
        expect(found.count, JSON.stringify(input)).toEqual([expect.stringMatching(new RegExp(`^SCAN ${table} VIRTUAL TABLE INDEX 0:M`))]);
        expect(found.ids, JSON.stringify(input)).toEqual([
          expect.stringMatching(new RegExp(`^SCAN f VIRTUAL TABLE INDEX 0:M`)),
          'SEARCH d USING INTEGER PRIMARY KEY (rowid=?)',
        ]);
        // The page and its count: the matching meetings by id (a few hundred at most, sorted), never the whole log.
        for (const statement of ran.filter((s) => /from "(meetings|partnership_meetings)"/.test(s.sql))) {
          const details = plan(statement.sql, statement.params);
          expect(details, `${JSON.stringify(input)} ${statement.sql}`).toContainEqual(
            expect.stringMatching(
              /^SEARCH (meetings|partnership_meetings) USING (COVERING )?INDEX (sqlite_autoindex_meetings_1 \(id=\?\)|partnership_meetings_by_date \(partnership_id=\?\))/,
            ),
          );
          expect(details.join('\n'), statement.sql).not.toMatch(/meetings_list/);
          expectNoFullScan(details, 'meetings', 'partnership_meetings');
        }
      }
    }
    for (const [query, table] of [
      ['纪要', 'search_grams_task_texts'],
      ['报分管', 'search_fts_task_texts'],
    ] as const) {
      for (const input of [{ query }, { query, includeClosed: true, offset: 20 }, { query, view: 'overdue', today: GENERATED_TODAY }]) {
        const ran = statementsOf('tasks.list', input);
        const found = listMatchPlans(ran, table);
        expect(found.count, JSON.stringify(input)).toEqual([expect.stringMatching(new RegExp(`^SCAN ${table} VIRTUAL TABLE INDEX 0:M`))]);
        const pick = (pattern: RegExp) => plan(ran.find((s) => pattern.test(s.sql))!.sql, ran.find((s) => pattern.test(s.sql))!.params);
        for (const details of [pick(/^select "id" from "tasks".*limit/), pick(/^select count\(\*\) from "tasks"/)]) {
          expect(details, JSON.stringify(input)).toContainEqual(expect.stringMatching(/^SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/));
          expectNoFullScan(details, 'tasks');
        }
      }
    }
  });

  it('the meeting log searched where the index cannot tell (a control character): titles and the count of matches read from meetings_list alone', () => {
    for (const input of [{ query: '会\t会' }, { query: '会\t会', offset: 200 }, { query: '会\t会', from: '2020-01-01', to: '2024-12-31' }]) {
      const ran = statementsOf('meetings.list', input);
      const counted = ran.find((s) => /count\(/i.test(s.sql))!;
      expect(plan(counted.sql, counted.params), JSON.stringify(input)).toEqual([
        expect.stringMatching(/^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\?( AND date>\? AND date<\?)?\)$/),
      ]);
      const page = ran.find((s) => /order by/i.test(s.sql))!;
      const pagePlan = plan(page.sql, page.params);
      expect(pagePlan, JSON.stringify(input)).toEqual([expect.stringMatching(/^SEARCH meetings USING (COVERING )?INDEX meetings_list \(deleted_at=\?/)]);
    }
  });

  it('a page of the meeting log at an offset (a jump to the scroll position): the ids skipped read from an index alone, then the page by id', () => {
    const cases: [unknown, RegExp][] = [
      [{ limit: 200, offset: 300 }, /^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\?\)/],
      [
        { limit: 200, offset: 300, from: '2020-01-01', to: '2024-12-31' },
        /^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\? AND date>\? AND date<\?\)/,
      ],
      [{ limit: 20, offset: 20, partnershipId }, /^SEARCH partnership_meetings USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\?\)/],
    ];
    for (const [input, index] of cases) {
      const ran = statementsOf('meetings.list', input);
      const skip = ran.find((s) => /offset \?/i.test(s.sql));
      expect(skip, JSON.stringify(input)).toBeDefined();
      const skipPlan = plan(skip!.sql, skip!.params);
      expect(skipPlan, JSON.stringify(input)).toEqual([expect.stringMatching(index)]);
      const page = ran.find((s) => /from "meetings" where "meetings"."id" in/i.test(s.sql))!;
      expect(plan(page.sql, page.params)).toEqual([expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/)]);
      expect(ran.filter((s) => /count\(/i.test(s.sql) && /from "meetings"/i.test(s.sql))).toEqual([]);
    }
  });

  it('the dashboard (db/dashboard.ts) reads maintained facts and partial indexes, never a scan of meetings, links, tasks or milestones', () => {
    const ran = statementsOf('dashboard.get', { today: GENERATED_TODAY });
    const explain = explainer(ran);
    // Quiet partnerships, from quiet_order (migration 0017): the page is the three ranges of its partial indexes merged in
    // order; the quiet by their latest meeting and by the one before it read in index order (no sort), only the few that
    // met after the day on two days or more looked up in partnership_meetings_by_date, and only they sorted.
    const quiet = explain(/AS lastMeeting/);
    expect(quiet).toContainEqual(expect.stringMatching(/^MERGE \(UNION ALL\)$/));
    expect(quiet).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_last \(last_meeting<\?\)$/));
    expect(quiet).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_prior \(prior_meeting<\?\)$/));
    expect(quiet).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_prior \(prior_meeting>\?\)$/));
    expect(quiet).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)$/));
    expect(quiet).toContainEqual(expect.stringMatching(/^SEARCH pm USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\? AND date<\?\)$/));
    expect(quiet).toContainEqual(
      expect.stringMatching(/^SEARCH pm USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\? AND date>\? AND date<\?\)$/),
    );
    // The one sort: of the third range alone (after its seek), never of the first two.
    expect(quiet.filter((d) => /TEMP B-TREE/.test(d))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
    expect(quiet.findIndex((d) => /TEMP B-TREE/.test(d))).toBeGreaterThan(quiet.findIndex((d) => /prior_meeting>/.test(d)));
    expect(quiet.join('\n')).not.toMatch(/\b(meetings|meeting_partnerships|partnership_facts|mp|m|f)\b USING/);
    expectNoFullScan(quiet, 'q', 'quiet_order', 'p', 'partnerships', 'pm');
    expect(quiet.join('\n')).not.toMatch(/MATERIALIZE|CO-ROUTINE/);
    // A full card is counted from the same three ranges, from the indexes alone, sorting nothing.
    const counted = statementsWhile((copy) => quietPartnerships(copy, GENERATED_TODAY, 1));
    const countStatement = counted.find((s) => /count\(\*\)/.test(s.sql))!;
    const count = plan(countStatement.sql, countStatement.params);
    expect(count).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_last \(last_meeting<\?\)$/));
    expect(count).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_prior \(prior_meeting<\?\)$/));
    expect(count).toContainEqual(expect.stringMatching(/^SEARCH q USING COVERING INDEX quiet_order_prior \(prior_meeting>\?\)$/));
    expect(count).toContainEqual(
      expect.stringMatching(/^SEARCH pm USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\? AND date>\? AND date<\?\)$/),
    );
    expect(count.join('\n')).not.toMatch(/TEMP B-TREE|\b(meetings|meeting_partnerships|partnerships|p)\b USING/);
    expectNoFullScan(count, 'q', 'quiet_order', 'pm');
    // Counts by status from the same partial index; coming milestones from milestones_planned alone, in order.
    expect(explain(/GROUP BY status/)).toEqual([expect.stringMatching(/^SCAN partnerships USING COVERING INDEX partnerships_live_status/)]);
    const milestones = explain(/FROM milestones m JOIN partnerships p.*LIMIT/s);
    expect(milestones).toContainEqual(expect.stringMatching(/^SEARCH m USING COVERING INDEX milestones_planned \(date>\? AND date<\?\)/));
    expect(milestones.join('\n')).not.toMatch(/TEMP B-TREE/);
    // Renewals: a range of each of the two dates.
    const renewals = explain(/review_on AS date/);
    expect(renewals).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING INDEX partnerships_live_review_on \(review_on>\? AND review_on<\?\)/));
    expect(renewals).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING INDEX partnerships_live_term_end \(term_end>\? AND term_end<\?\)/));
    expectNoFullScan(renewals, 'partnerships');
    // Overdue tasks: the page from tasks_open_due in order, the count from task_counts.
    const overdue = explain(/INDEXED BY tasks_open_due/);
    expect(overdue).toEqual([expect.stringMatching(/^SEARCH tasks USING (COVERING )?INDEX tasks_open_due \(due_on>\? AND due_on<\?\)/)]);
    expect(explain(/FROM task_counts/)).toEqual([
      expect.stringMatching(/^SEARCH task_counts USING (COVERING )?INDEX sqlite_autoindex_task_counts_1 \(status=\? AND due_on<\?\)/),
    ]);
    for (const statement of ran.filter((s) => !/GROUP BY status/.test(s.sql))) {
      expectNoFullScan(plan(statement.sql, statement.params), 'meetings', 'meeting_partnerships', 'tasks', 'milestones', 'partnerships');
    }
  });

  it("the portfolio timeline (db/timeline.ts): a page walked in order from timeline_order, each row's latest events from an index of their dates, never sorted", () => {
    const noSort = (details: string[]) => expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
    // A page deep in the list, all statuses: the walk of timeline_order_all, the count from the table's own index.
    const ran = statementsOf('timeline.portfolio', { offset: 40, limit: 20 });
    const explain = explainer(ran);
    const page = explain(/SELECT partnership_id FROM timeline_order ORDER BY/);
    expect(page).toEqual([expect.stringMatching(/^SCAN timeline_order USING COVERING INDEX timeline_order_all$/)]);
    expect(explain(/SELECT count\(\*\) FROM timeline_order/)).toEqual([expect.stringMatching(/^SCAN timeline_order USING COVERING INDEX \w+$/)]);
    expect(explain(/FROM partnerships\s+WHERE id IN/)).toContainEqual(
      expect.stringMatching(/^SEARCH partnerships USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)/),
    );
    // A row's latest milestones, with what the timeline shows of them, from the index alone: no row of the table read.
    const milestones = explain(
      /SELECT ms\.id, ms\.date, ms\.date_precision AS precision, ms\.title, ms\.status, ms\.kind FROM milestones ms\s+WHERE ms\.partnership_id = @id/,
    );
    expect(milestones).toEqual([expect.stringMatching(/^SEARCH ms USING COVERING INDEX milestones_live_partnership_date \(partnership_id=\?\)/)]);
    expect(ran.filter((statement) => /FROM milestones ms\s+WHERE ms\.id IN/.test(statement.sql))).toEqual([]);
    const meetings = explain(/SELECT pm\.meeting_id FROM partnership_meetings pm/);
    expect(meetings).toEqual([expect.stringMatching(/^SEARCH pm USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\?\)/)]);
    // The axis: each end from an index in its order (the first milestone from timeline_order_all), each candidate
    // checked by a seek; never a scan of every event.
    const span = explain(/AS firstMilestone/);
    expect(span).toContainEqual(expect.stringMatching(/^SCAN timeline_order USING COVERING INDEX timeline_order_all$/));
    expect(span).toContainEqual(expect.stringMatching(/^SCAN ms USING INDEX milestones_date$/));
    expect(span).toContainEqual(expect.stringMatching(/^SEARCH m USING COVERING INDEX meetings_list \(deleted_at=\?\)/));
    expect(span).toContainEqual(expect.stringMatching(/^SEARCH pm EXISTS USING COVERING INDEX partnership_meetings_link \(meeting_id=\?\)/));
    expect(span).toContainEqual(expect.stringMatching(/^SEARCH t (EXISTS )?USING (COVERING )?INDEX sqlite_autoindex_timeline_order_1 \(partnership_id=\?\)/));
    for (const statement of ran) {
      const details = plan(statement.sql, statement.params);
      noSort(details);
      // The span's walks from an end of milestones_date stop at the first live one (LIMIT 1): not a scan of them all.
      if (!/AS firstMilestone/.test(statement.sql))
        expectNoFullScan(details, 'meetings', 'm', 'milestones', 'ms', 'meeting_partnerships', 'pm', 'partnerships');
    }
    // By status: the page and the count from timeline_order_status.
    const byStatus = explainer(statementsOf('timeline.portfolio', { status: 'active', offset: 40 }));
    const statusPage = byStatus(/SELECT partnership_id FROM timeline_order WHERE status = @status ORDER BY/);
    expect(statusPage).toEqual([expect.stringMatching(/^SEARCH timeline_order USING COVERING INDEX timeline_order_status \(status=\?\)$/)]);
    expect(byStatus(/SELECT count\(\*\) FROM timeline_order WHERE status/)).toEqual([
      expect.stringMatching(/^SEARCH timeline_order USING COVERING INDEX timeline_order_status \(status=\?\)$/),
    ]);
    expect(byStatus(/AS firstMilestone/)).toContainEqual(
      expect.stringMatching(/^SEARCH timeline_order USING COVERING INDEX timeline_order_status \(status=\?\)$/),
    );
    // One partnership (its page): its row by key, its span from its own indexes.
    const one = statementsOf('timeline.portfolio', { partnershipId });
    const oneExplain = explainer(one);
    expect(oneExplain(/SELECT partnership_id FROM timeline_order WHERE partnership_id = @id/)).toEqual([
      expect.stringMatching(/^SEARCH timeline_order USING INDEX sqlite_autoindex_timeline_order_1 \(partnership_id=\?\)$/),
    ]);
    const oneSpan = oneExplain(/AS firstMilestone/);
    expect(oneSpan.filter((d) => /milestones_live_partnership_date \(partnership_id=\?\)/.test(d))).toHaveLength(2);
    expect(oneSpan.filter((d) => /partnership_meetings_by_date \(partnership_id=\?\)/.test(d))).toHaveLength(2);
    for (const statement of one) {
      const details = plan(statement.sql, statement.params);
      noSort(details);
      expectNoFullScan(details, 'meetings', 'm', 'milestones', 'ms', 'meeting_partnerships', 'pm', 'partnerships', 'timeline_order');
    }
  });

  it('the map (db/map.ts): its partnerships in title order from the covering index of map_partnerships, no sort; places in one read', () => {
    const ran = statementsOf('map.data', undefined);
    const explain = explainer(ran);
    expect(explain(/FROM map_partnerships/)).toEqual([expect.stringMatching(/^SCAN map_partnerships USING COVERING INDEX map_partnerships_title$/)]);
    expect(explain(/FROM organizations/)).toEqual([expect.stringMatching(/^SCAN organizations USING COVERING INDEX organizations_located$/)]);
    // Nothing else: no partnership and no party is read unless one is unplaced (the generated file places every party).
    expect(ran.map((s) => s.sql).filter((sql) => !/FROM (map_partnerships|organizations) /.test(sql))).toEqual([]);
  });

  it('the unplaced partnerships of the map, and the titles of a line or a place (db/map.ts): looked up by id, never a walk', () => {
    const ids = core.sqlite.prepare('SELECT partnership_id FROM map_partnerships ORDER BY title LIMIT 30').pluck().all() as string[];
    const titles = statementsOf('map.titles', { partnershipIds: ids });
    expect(explainer(titles)(/FROM partnerships/)).toEqual([
      expect.stringMatching(/^SEARCH partnerships USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)$/),
      expect.stringMatching(/^LIST SUBQUERY/),
      expect.stringMatching(/^SCAN json_each VIRTUAL TABLE/),
    ]);
    // An organization without coordinates makes its partnerships unplaced: their missing parties are sought by partnership.
    // (Taken back afterwards: the other cases read the same file.)
    core.sqlite.exec('SAVEPOINT unplaced');
    try {
      core.sqlite
        .prepare('UPDATE organizations SET latitude = NULL, longitude = NULL WHERE id = (SELECT organization_id FROM partnership_parties LIMIT 1)')
        .run();
      const ran = statementsWhile((copy) => {
        const envelope = registry.call(copy, 'map.data', undefined);
        expect(envelope.ok && (envelope.value as { unplacedTotal: number }).unplacedTotal).toBeGreaterThan(0);
      });
      const missing = explainer(ran)(/FROM partnership_parties pp/);
      expect(missing).toContainEqual(expect.stringMatching(/^SEARCH pp USING COVERING INDEX partnership_parties_live \(partnership_id=\?\)/));
      expect(missing).toContainEqual(expect.stringMatching(/^SEARCH o USING INDEX sqlite_autoindex_organizations_1 \(id=\?\)/));
      for (const statement of ran) expectNoFullScan(plan(statement.sql, statement.params), 'partnerships', 'partnership_parties', 'pp');
    } finally {
      core.sqlite.exec('ROLLBACK TO unplaced; RELEASE unplaced');
    }
  });

  it("a partnership's contacts (db/contacts.ts): found from its parties and its meetings through indexes, then by id; never a walk of every contact", () => {
    const details = planOf('partnerships.contacts', { partnershipId }, /partnership_parties_live/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH pp USING COVERING INDEX partnership_parties_live \(partnership_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH c USING INDEX contacts_organization \(organization_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH pm USING COVERING INDEX partnership_meetings_by_date \(partnership_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH ma USING COVERING INDEX meeting_attendees_live \(meeting_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH contacts USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)/));
    expect(details.join('\n')).not.toMatch(/contacts_list|meeting_partnerships|\bmeetings\b/);
    expectNoFullScan(details, 'contacts', 'c', 'pp', 'pm', 'ma', 'meeting_attendees', 'partnership_parties');
  });

  it('filter choices and the Trash page (db/partnerships.ts, db/trash.ts): owners and countries by skip scans, deleted records from their own indexes', () => {
    const options = explainer(statementsOf('partnerships.filterOptions', undefined));
    expect(options(/DISTINCT owner/)).toEqual([expect.stringMatching(/^(SCAN|SEARCH) partnerships USING COVERING INDEX partnerships_live_owner/)]);
    const countries = options(/WITH RECURSIVE countries/);
    expect(countries.filter((d) => /USING (COVERING )?INDEX organizations_country/.test(d)).length).toBeGreaterThanOrEqual(2);
    expectNoFullScan(countries, 'organizations', 'o', 'pp', 'p', 'partnership_parties', 'partnerships');
    const trash = planOf('trash.list', undefined, /deleted_at IS NOT NULL/);
    for (const table of ['organizations', 'partnerships', 'milestones', 'meetings', 'tasks', 'contacts', 'attachments']) {
      expect(trash, table).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(deleted_at>\\?\\)`)));
    }
    expectNoFullScan(trash, 'organizations', 'partnerships', 'milestones', 'meetings', 'tasks', 'contacts', 'attachments');
  });

  /** The plans of a task page's id query and of its count. */
  const taskPlans = (input: unknown) => {
    const ran = statementsOf('tasks.list', input);
    const pick = (pattern: RegExp) => {
      const statement = ran.find((s) => pattern.test(s.sql));
      expect(statement, `tasks.list ${JSON.stringify(input)} runs ${String(pattern)}`).toBeDefined();
      return plan(statement!.sql, statement!.params);
    };
    return { page: pick(/^select "id" from "tasks".*limit/), total: pick(/^select count\(\*\) from "tasks"/) };
  };

  it('a page of open tasks and of all tasks (db/tasks.ts listTasks): read in order from tasks_list, no sort; the count from task_counts', () => {
    for (const input of [
      { limit: 100, offset: 100 },
      { includeClosed: true, limit: 100, offset: 1000 },
    ]) {
      const ran = statementsOf('tasks.list', input);
      const ids = ran.find((s) => /^select "id" from "tasks".*limit/.test(s.sql))!;
      const page = plan(ids.sql, ids.params);
      expect(page).toContainEqual(expect.stringMatching(/^SEARCH tasks USING COVERING INDEX tasks_list \(deleted_at=\?\)/));
      expect(page.join('\n')).not.toMatch(/TEMP B-TREE/);
      // The exact total is a sum over task_counts (live tasks per status and due date), never a count of tasks.
      expect(ran.filter((s) => /count\(/i.test(s.sql))).toEqual([]);
      const total = ran.find((s) => /FROM task_counts/.test(s.sql))!;
      expectNoFullScan(plan(total.sql, total.params), 'tasks');
    }
    const rows = planOf('tasks.list', { limit: 100 }, /left join "meetings"/);
    expect(rows).toContainEqual(expect.stringMatching(/^SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/));
    expectNoFullScan(rows, 'tasks', 'partnerships', 'meetings');
  });

  it('overdue and this week (db/tasks.ts listTasks): a page read in order from tasks_open_due, no sort; the count from task_counts', () => {
    for (const [view, range] of [
      ['overdue', /\(due_on>\? AND due_on<\?\)/],
      ['week', /\(due_on>\? AND due_on<\?\)/],
    ] as const) {
      const ran = statementsOf('tasks.list', { view, today: GENERATED_TODAY });
      const page = ran.find((s) => /INDEXED BY tasks_open_due/.test(s.sql))!;
      const details = plan(page.sql, page.params);
      expect(details).toEqual([expect.stringMatching(new RegExp(`^SEARCH tasks USING (COVERING )?INDEX tasks_open_due ${range.source}`))]);
      expect(ran.filter((s) => /count\(/i.test(s.sql))).toEqual([]);
      expect(plan(ran.find((s) => /FROM task_counts/.test(s.sql))!.sql, ran.find((s) => /FROM task_counts/.test(s.sql))!.params)).toContainEqual(
        expect.stringMatching(/^SEARCH task_counts USING (COVERING )?INDEX sqlite_autoindex_task_counts_1 \(status=\?/),
      );
    }
  });

  it("overdue tasks of a partnership, a person's, a partnership's: tasks_status_due_on, tasks_assignee, tasks_partnership, never walking tasks_list", () => {
    const cases = [
      [{ view: 'overdue', today: GENERATED_TODAY, partnershipId }, /^SEARCH tasks USING INDEX tasks_(status_due_on|partnership) /],
      [{ assignee: '李明', includeClosed: true }, /^SEARCH tasks USING INDEX tasks_assignee \(assignee=\?\)/],
      [{ partnershipId }, /^SEARCH tasks USING INDEX tasks_partnership \(partnership_id=\?\)/],
    ] as const;
    for (const [input, index] of cases) {
      for (const details of Object.values(taskPlans(input))) {
        expect(details).toContainEqual(expect.stringMatching(index));
        expect(details.join('\n')).not.toMatch(/tasks_list/);
        expectNoFullScan(details, 'tasks');
      }
    }
  });

  it("a page of contacts (db/contacts.ts listContacts): by name from contacts_list, no sort; an organization's through contacts_organization", () => {
    const ran = statementsOf('contacts.list', { limit: 50, offset: 100 });
    const ids = ran.find((s) => /^select "id" from "contacts".*limit/.test(s.sql))!;
    const page = plan(ids.sql, ids.params);
    expect(page).toContainEqual(expect.stringMatching(/^SEARCH contacts USING COVERING INDEX contacts_list \(deleted_at=\?\)/));
    expect(page.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScan(page, 'contacts', 'organizations');
    const total = ran.find((s) => /^select count\(\*\) from "contacts"/.test(s.sql))!;
    expect(plan(total.sql, total.params)).toContainEqual(expect.stringMatching(/^SEARCH contacts USING COVERING INDEX contacts_list \(deleted_at=\?\)/));
    const organizationId = (core.sqlite.prepare('SELECT organization_id AS id FROM contacts WHERE organization_id IS NOT NULL LIMIT 1').get() as { id: string })
      .id;
    const ofOrganization = planOf('contacts.list', { organizationId }, /^select "id" from "contacts".*limit/);
    expect(ofOrganization).toContainEqual(expect.stringMatching(/^SEARCH contacts USING INDEX contacts_organization \(organization_id=\?\)/));
    expectNoFullScan(ofOrganization, 'contacts');
  });

  it('what a picker asks as the person types (contacts.list, partnerships.list with a query): organization names matched once, the page in order', () => {
    const query = (
      core.sqlite.prepare('SELECT name_en AS name FROM organizations WHERE name_en IS NOT NULL AND deleted_at IS NULL LIMIT 1').get() as { name: string }
    ).name;
    // A contact is also found by any name or alias of their organization: those organizations are listed once (not per contact).
    for (const statement of statementsOf('contacts.list', { query, limit: 20 }).filter((s) => /^select (count|"id")/.test(s.sql))) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/^SEARCH contacts USING (COVERING )?INDEX contacts_list \(deleted_at=\?\)/));
      expect(details).toContainEqual(expect.stringMatching(/^LIST SUBQUERY/));
      expect(details.join('\n')).not.toMatch(/CORRELATED|TEMP B-TREE/);
    }
    // A partnership is also found by any name of one of its parties: their links read through partnership_parties_organization.
    for (const statement of statementsOf('partnerships.list', { query, limit: 20 }).filter((s) => /^select (count|"id")/.test(s.sql))) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/^SEARCH pp USING INDEX partnership_parties_organization \(organization_id=\?\)/));
      expect(details.join('\n')).not.toMatch(/CORRELATED|TEMP B-TREE/);
      expectNoFullScan(details, 'pp', 'partnership_parties');
    }
    const found = registry.call(core, 'partnerships.list', { query, limit: 20 });
    expect(found.ok && (found.value as { total: number }).total).toBeGreaterThan(0);
  });

  it('partnerships by status (db/partnerships.ts listPartnerships): the live ones of the status from partnerships_live_status', () => {
    const details = planOf('partnerships.list', { status: 'active' }, /from "partnerships"/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING COVERING INDEX partnerships_live_status \(status=\?\)/));
    expectNoFullScan(details, 'partnerships');
  });

  it('a page of partnerships (listPartnerships): rows, programmes and parties read by id for the page alone', () => {
    const ran = statementsOf('partnerships.list', { limit: 25, offset: 25 });
    const explain = explainer(ran);
    // The ids of a page in the default order are read from partnerships_list, already sorted.
    const ids = explain(/^select "id" from "partnerships".*limit/);
    expect(ids).toContainEqual(expect.stringMatching(/^SCAN partnerships USING COVERING INDEX partnerships_list/));
    expect(ids.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScan(ids, 'partnership_parties', 'organizations', 'programmes');
    const rows = explain(/from "partnerships" left join "programmes"/);
    expect(rows).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)/));
    expectNoFullScan(rows, 'partnerships', 'programmes');
    const parties = explain(/from "partnership_parties"/);
    expect(parties).toContainEqual(
      expect.stringMatching(/^SEARCH partnership_parties USING INDEX partnership_parties_(partnership|live) \(partnership_id=\?\)/),
    );
    expectNoFullScan(parties, 'partnership_parties', 'organizations');
    // Filtered by status, the page and its count go through a status index (the count through the live ones alone).
    for (const statement of statementsOf('partnerships.list', { status: 'active', limit: 10 }).filter((s) => /^select (count|"id")/.test(s.sql))) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING (COVERING )?INDEX partnerships_(live_)?status \(status=\?\)/));
      expectNoFullScan(details, 'partnerships');
    }
  });

  it('a page of organizations (listOrganizations): partnership counts through partnership_parties_organization for the page alone', () => {
    const details = planOf('organizations.list', { limit: 10 }, /FROM partnership_parties pp/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH pp USING INDEX partnership_parties_organization \(organization_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)/));
    expectNoFullScan(details, 'pp', 'p');
  });

  it("an organization's page (partnerships.list and meetings.list by organizationId): through partnership_parties_organization, never a scan", () => {
    const organizationId = (
      core.sqlite
        .prepare(
          'SELECT organization_id AS id FROM partnership_parties WHERE deleted_at IS NULL GROUP BY organization_id ORDER BY count(*) DESC, organization_id LIMIT 1',
        )
        .get() as { id: string }
    ).id;
    const partnershipStatements = statementsOf('partnerships.list', { organizationId, limit: 50 }).filter((s) =>
      /^select (count|"id") .*from "partnerships"/.test(s.sql),
    );
    expect(partnershipStatements.length).toBeGreaterThan(0);
    for (const statement of partnershipStatements) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX partnership_parties_organization \(organization_id=\?\)/));
      expectNoFullScan(details, 'partnerships', 'partnership_parties');
    }
    const meetingStatements = statementsOf('meetings.list', { organizationId, limit: 20 }).filter((s) => /from "meetings"/.test(s.sql));
    expect(meetingStatements.length).toBeGreaterThan(0);
    for (const statement of meetingStatements) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX partnership_parties_organization \(organization_id=\?\)/));
      expect(details).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX meeting_partnerships_partnership \(partnership_id=\?\)/));
      expectNoFullScan(details, 'meetings', 'meeting_partnerships', 'partnership_parties');
    }
  });

  it("a party to many partnerships (an office's own city): its page walks meetings_list newest first, no sort of every meeting", () => {
    // A city that is a party to more partnerships than ORGANIZATION_WALK_ABOVE.
    const busy = (
      core.sqlite.prepare('SELECT organization_id AS id FROM partnership_parties GROUP BY organization_id ORDER BY count(*) DESC LIMIT 1').get() as {
        id: string;
      }
    ).id;
    const other = (core.sqlite.prepare('SELECT id FROM organizations WHERE id <> ? LIMIT 1').get(busy) as { id: string }).id;
    const have = (core.sqlite.prepare('SELECT count(*) AS n FROM partnership_parties WHERE organization_id = ?').get(busy) as { n: number }).n;
    for (let i = have; i <= ORGANIZATION_WALK_ABOVE; i++) {
      const envelope = registry.call(core, 'partnerships.create', {
        title: `Plan check ${i}`,
        kind: 'cooperation_mou',
        status: 'active',
        parties: [{ organizationId: busy }, { organizationId: other }],
      });
      expect(envelope.ok).toBe(true);
    }
    const page = statementsOf('meetings.list', { organizationId: busy, limit: 20 }).find((s) => /from "meetings".*order by/is.test(s.sql))!;
    const details = plan(page.sql, page.params);
    expect(details).toContainEqual(expect.stringMatching(/^(SCAN|SEARCH) meetings USING (COVERING )?INDEX meetings_list/));
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(details).toContainEqual(expect.stringMatching(/SEARCH mp USING INDEX meeting_partnerships_meeting \(meeting_id=\?\)/));
    // The live parties of each meeting's partnership: the partial index of live parties (0010) covers the check.
    expect(details).toContainEqual(expect.stringMatching(/SEARCH pp USING COVERING INDEX partnership_parties_live \(partnership_id=\?\)/));
    expect(details.join('\n')).not.toMatch(/partnership_parties_organization/);
  });

  it('parties, status history and milestones of a partnership (getPartnership): their partnership indexes', () => {
    const ran = statementsOf('partnerships.get', { id: partnershipId });
    const explain = explainer(ran);
    const parties = explain(/from "partnership_parties"/);
    expect(parties).toContainEqual(
      expect.stringMatching(/^SEARCH partnership_parties USING INDEX partnership_parties_(partnership|live) \(partnership_id=\?\)/),
    );
    expectNoFullScan(parties, 'partnership_parties', 'organizations');
    const history = explain(/from "partnership_status_history"/);
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH partnership_status_history USING INDEX partnership_status_history_partnership/));
    const milestones = explain(/from "milestones"/);
    expect(milestones).toContainEqual(expect.stringMatching(/^SEARCH milestones USING INDEX milestones_(live_)?partnership(_date)? \(partnership_id=\?\)/));
    expectNoFullScan(milestones, 'milestones');
  });

  it('milestones of a partnership (db/milestones.ts listMilestones): milestones_partnership', () => {
    const details = planOf('milestones.list', { partnershipId }, /from "milestones"/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH milestones USING INDEX milestones_(live_)?partnership(_date)? \(partnership_id=\?\)/));
    expectNoFullScan(details, 'milestones');
  });

  it('meeting detail (db/meetings.ts getMeeting): attendees by meeting, tasks by meeting', () => {
    const meetingId = (core.sqlite.prepare('SELECT meeting_id AS id FROM meeting_attendees LIMIT 1').get() as { id: string }).id;
    const ran = statementsOf('meetings.get', { id: meetingId });
    const attendees = ran.find((s) => /from "meeting_attendees"/.test(s.sql))!;
    expect(plan(attendees.sql, attendees.params)).toContainEqual(
      expect.stringMatching(/^SEARCH meeting_attendees USING INDEX meeting_attendees_meeting \(meeting_id=\?\)/),
    );
    const tasks = ran.find((s) => /from "tasks"/.test(s.sql))!;
    const taskPlan = plan(tasks.sql, tasks.params);
    expect(taskPlan).toContainEqual(expect.stringMatching(/^SEARCH tasks USING INDEX tasks_meeting \(meeting_id=\?\)/));
    expectNoFullScan(taskPlan, 'tasks');
  });

  it('who tasks are assigned to (db/tasks.ts listAssignees): a skip scan of tasks_assignee, never every task', () => {
    const details = planOf('tasks.assignees', undefined, /WITH RECURSIVE names/);
    expect(details.filter((d) => /USING (COVERING )?INDEX tasks_assignee/.test(d)).length).toBeGreaterThanOrEqual(2);
    expectNoFullScan(details, 'tasks');
  });

  it('the change log by row: change_log_row for a record history, change_log_unique for merge’s lookup', () => {
    // A record's history (no reader yet: written as the history view would ask).
    const history = plan('SELECT field, value, hlc, origin, office, via, recorded_at FROM change_log WHERE entity = ? AND row_id = ? ORDER BY seq', [
      'meetings',
      partnershipId,
    ]);
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH change_log USING INDEX change_log_row \(entity=\? AND row_id=\?\)/));
    expectNoFullScan(history, 'change_log');
    // Is this change already here? (db/sync/merge.ts leaves that to INSERT OR IGNORE on this index.)
    const known = plan('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?', ['meetings', partnershipId, 'title', 'x']);
    expect(known).toContainEqual(expect.stringMatching(/^SEARCH change_log USING COVERING INDEX change_log_unique/));
  });

  it('merge (db/sync/incoming.ts): the records of a page that differ from ours are judged by id, through the id index', () => {
    const file = path.join(dir, 'plans-incoming.ptdb');
    core.sqlite.prepare('VACUUM INTO ?').run(file);
    const prepared: string[] = [];
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, source: string) {
      prepared.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      openIncomingFile(file, { judgedByMerge: true }).close();
    } finally {
      Database.prototype.prepare = prepare;
    }
    const ids = JSON.stringify(core.sqlite.prepare('SELECT id FROM meetings ORDER BY id LIMIT 1000').pluck().all());
    const meetings = prepared.find((sql) => /FROM "meetings" WHERE id COLLATE BINARY IN \(SELECT value FROM json_each\(\?\)\)/.test(sql))!;
    const details = plan(meetings, [ids]);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/));
    expectNoFullScan(details, 'meetings');
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
    const attachments = prepared.find((sql) => /FROM attachments a JOIN blobs b .* AND a\.id COLLATE BINARY IN \(SELECT value FROM json_each/s.test(sql))!;
    const bytes = plan(attachments, ['[]']);
    expect(bytes).toContainEqual(expect.stringMatching(/^SEARCH a USING INDEX sqlite_autoindex_attachments_1 \(id=\?\)/));
    expectNoFullScan(bytes, 'a', 'b');
  });

  it('merge (db/sync/merge.ts): one page of incoming ids is looked up here as one range of the id index', () => {
    const page = plan('SELECT id, hlc, field_stamps FROM "meetings" WHERE id BETWEEN ? AND ?', ['0', 'z']);
    expect(page).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id>\? AND id<\?\)/));
    expectNoFullScan(page, 'meetings');
  });
});

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
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import { createRegistry } from '../../db/api';
import { GENERATED_TODAY } from '../../db/generate';
import { generateInChild } from '../helpers';

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
    const envelope = registry.call({ ...core }, name, input);
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
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

function expectNoFullScan(details: string[], ...tables: string[]): void {
  for (const table of tables) {
    expect(
      details.filter((d) => new RegExp(`^SCAN ${table}\\b`).test(d)),
      `full scan of ${table} in:\n${details.join('\n')}`,
    ).toEqual([]);
  }
}

describe('query plans of the hot queries', () => {
  it('meetings of a partnership (db/meetings.ts listMeetings): through meeting_partnerships_partnership, meetings by id', () => {
    const details = planOf('meetings.list', { partnershipId }, /from "meetings"/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH meeting_partnerships USING (COVERING )?INDEX meeting_partnerships_partnership \(partnership_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/));
    expectNoFullScan(details, 'meetings', 'meeting_partnerships');
    const total = statementsOf('meetings.list', { partnershipId }).find((s) => /count\(/i.test(s.sql))!;
    const totalPlan = plan(total.sql, total.params);
    expect(totalPlan).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/));
    expectNoFullScan(totalPlan, 'meetings', 'meeting_partnerships');
  });

  it('a page of the meeting log after a cursor, and its total (db/meetings.ts listMeetings): meetings_list, no sort', () => {
    const last = core.sqlite.prepare('SELECT date, time, id FROM meetings WHERE deleted_at IS NULL ORDER BY date DESC, time DESC, id DESC LIMIT 1 OFFSET 500').get() as {
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
    const total = ran.find((s) => /count\(/i.test(s.sql))!;
    const totalPlan = plan(total.sql, total.params);
    expect(totalPlan).toContainEqual(expect.stringMatching(/^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\?\)/));
    const ranged = statementsOf('meetings.list', { from: '2024-01-01', to: '2024-06-30' });
    const rangedPlan = plan(ranged[0]!.sql, ranged[0]!.params);
    expect(rangedPlan).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX meetings_list \(deleted_at=\? AND date>\? AND date<\?\)/));
    expect(rangedPlan.filter((d) => /TEMP B-TREE/.test(d))).toEqual([]);
  });

  it('quiet partnerships on the dashboard (db/dashboard.ts): each last meeting found from the partnership\'s links, not by walking meetings_list', () => {
    const details = planOf('dashboard.get', { today: '2025-07-01' }, /AS lastMeeting/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH mp USING (COVERING )?INDEX meeting_partnerships_partnership \(partnership_id=\?\)/));
    expect(details.filter((d) => /USING (COVERING )?INDEX meetings_list \(deleted_at=\? AND date<\?\)/.test(d)), details.join('\n')).toEqual([]);
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

  it('a page of open tasks and of all tasks (db/tasks.ts listTasks): read in order from tasks_list, no sort; the count too', () => {
    for (const input of [{ limit: 100, offset: 100 }, { includeClosed: true, limit: 100, offset: 1000 }]) {
      const { page, total } = taskPlans(input);
      expect(page).toContainEqual(expect.stringMatching(/^SEARCH tasks USING COVERING INDEX tasks_list \(deleted_at=\?\)/));
      expect(page.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(total).toContainEqual(expect.stringMatching(/^SEARCH tasks USING COVERING INDEX tasks_list \(deleted_at=\?\)/));
    }
    const rows = planOf('tasks.list', { limit: 100 }, /left join "meetings"/);
    expect(rows).toContainEqual(expect.stringMatching(/^SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/));
    expectNoFullScan(rows, 'tasks', 'partnerships', 'meetings');
  });

  it('overdue tasks (db/tasks.ts listTasks, view overdue): open statuses, then a range of due_on (tasks_status_due_on)', () => {
    for (const details of Object.values(taskPlans({ view: 'overdue', today: GENERATED_TODAY }))) {
      expect(details).toContainEqual(expect.stringMatching(/^SEARCH tasks USING INDEX tasks_status_due_on \(status=\? AND due_on<\?\)/));
      expectNoFullScan(details, 'tasks');
    }
  });

  it("tasks due this week, a person's, a partnership's: tasks_status_due_on, tasks_assignee, tasks_partnership, never walking tasks_list", () => {
    const cases = [
      [{ view: 'week', today: GENERATED_TODAY }, /^SEARCH tasks USING INDEX tasks_status_due_on \(status=\? AND due_on>\? AND due_on<\?\)/],
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

  it('a page of contacts (db/contacts.ts listContacts): by name from contacts_list, no sort; an organization\'s through contacts_organization', () => {
    const ran = statementsOf('contacts.list', { limit: 50, offset: 100 });
    const ids = ran.find((s) => /^select "id" from "contacts".*limit/.test(s.sql))!;
    const page = plan(ids.sql, ids.params);
    expect(page).toContainEqual(expect.stringMatching(/^SEARCH contacts USING COVERING INDEX contacts_list \(deleted_at=\?\)/));
    expect(page.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScan(page, 'contacts', 'organizations');
    const total = ran.find((s) => /^select count\(\*\) from "contacts"/.test(s.sql))!;
    expect(plan(total.sql, total.params)).toContainEqual(expect.stringMatching(/^SEARCH contacts USING COVERING INDEX contacts_list \(deleted_at=\?\)/));
    const organizationId = (core.sqlite.prepare('SELECT organization_id AS id FROM contacts WHERE organization_id IS NOT NULL LIMIT 1').get() as { id: string }).id;
    const ofOrganization = planOf('contacts.list', { organizationId }, /^select "id" from "contacts".*limit/);
    expect(ofOrganization).toContainEqual(expect.stringMatching(/^SEARCH contacts USING INDEX contacts_organization \(organization_id=\?\)/));
    expectNoFullScan(ofOrganization, 'contacts');
  });

  it('partnerships by status (db/partnerships.ts listPartnerships): partnerships_status', () => {
    const details = planOf('partnerships.list', { status: 'active' }, /from "partnerships"/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING INDEX partnerships_status \(status=\?\)/));
    expectNoFullScan(details, 'partnerships');
  });

  it('a page of partnerships (listPartnerships): rows, programmes and parties read by id for the page alone', () => {
    const ran = statementsOf('partnerships.list', { limit: 25, offset: 25 });
    const explain = (pick: RegExp) => {
      const statement = ran.find((s) => pick.test(s.sql));
      expect(statement, `a statement matching ${String(pick)}`).toBeDefined();
      return plan(statement!.sql, statement!.params);
    };
    // The ids of a page in the default order are read from partnerships_list, already sorted.
    const ids = explain(/^select "id" from "partnerships".*limit/);
    expect(ids).toContainEqual(expect.stringMatching(/^SCAN partnerships USING COVERING INDEX partnerships_list/));
    expect(ids.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScan(ids, 'partnership_parties', 'organizations', 'programmes');
    const rows = explain(/from "partnerships" left join "programmes"/);
    expect(rows).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)/));
    expectNoFullScan(rows, 'partnerships', 'programmes');
    const parties = explain(/from "partnership_parties"/);
    expect(parties).toContainEqual(expect.stringMatching(/^SEARCH partnership_parties USING INDEX partnership_parties_partnership \(partnership_id=\?\)/));
    expectNoFullScan(parties, 'partnership_parties', 'organizations');
    // Filtered by status, the page and its count go through partnerships_status.
    for (const statement of statementsOf('partnerships.list', { status: 'active', limit: 10 }).filter((s) => /^select (count|"id")/.test(s.sql))) {
      const details = plan(statement.sql, statement.params);
      expect(details).toContainEqual(expect.stringMatching(/^SEARCH partnerships USING (COVERING )?INDEX partnerships_status \(status=\?\)/));
      expectNoFullScan(details, 'partnerships');
    }
  });

  it('a page of organizations (listOrganizations): partnership counts through partnership_parties_organization for the page alone', () => {
    const details = planOf('organizations.list', { limit: 10 }, /FROM partnership_parties pp/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH pp USING INDEX partnership_parties_organization \(organization_id=\?\)/));
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_partnerships_1 \(id=\?\)/));
    expectNoFullScan(details, 'pp', 'p');
  });

  it('parties, status history and milestones of a partnership (getPartnership): their partnership indexes', () => {
    const ran = statementsOf('partnerships.get', { id: partnershipId });
    const explain = (pick: RegExp) => {
      const statement = ran.find((s) => pick.test(s.sql));
      expect(statement, String(pick)).toBeDefined();
      return plan(statement!.sql, statement!.params);
    };
    const parties = explain(/from "partnership_parties"/);
    expect(parties).toContainEqual(expect.stringMatching(/^SEARCH partnership_parties USING INDEX partnership_parties_partnership \(partnership_id=\?\)/));
    expectNoFullScan(parties, 'partnership_parties', 'organizations');
    const history = explain(/from "partnership_status_history"/);
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH partnership_status_history USING INDEX partnership_status_history_partnership/));
    const milestones = explain(/from "milestones"/);
    expect(milestones).toContainEqual(expect.stringMatching(/^SEARCH milestones USING INDEX milestones_partnership \(partnership_id=\?\)/));
    expectNoFullScan(milestones, 'milestones');
  });

  it('milestones of a partnership (db/milestones.ts listMilestones): milestones_partnership', () => {
    const details = planOf('milestones.list', { partnershipId }, /from "milestones"/);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH milestones USING INDEX milestones_partnership \(partnership_id=\?\)/));
    expectNoFullScan(details, 'milestones');
  });

  it('meeting detail (db/meetings.ts getMeeting): attendees by meeting, tasks by meeting', () => {
    const meetingId = (core.sqlite.prepare('SELECT meeting_id AS id FROM meeting_attendees LIMIT 1').get() as { id: string }).id;
    const ran = statementsOf('meetings.get', { id: meetingId });
    const attendees = ran.find((s) => /from "meeting_attendees"/.test(s.sql))!;
    expect(plan(attendees.sql, attendees.params)).toContainEqual(expect.stringMatching(/^SEARCH meeting_attendees USING INDEX meeting_attendees_meeting \(meeting_id=\?\)/));
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
    const history = plan('SELECT field, value, hlc, origin, office, via, recorded_at FROM change_log WHERE entity = ? AND row_id = ? ORDER BY seq', ['meetings', partnershipId]);
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH change_log USING INDEX change_log_row \(entity=\? AND row_id=\?\)/));
    expectNoFullScan(history, 'change_log');
    // Is this change already here? (db/sync/merge.ts leaves that to INSERT OR IGNORE on this index.)
    const known = plan('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?', ['meetings', partnershipId, 'title', 'x']);
    expect(known).toContainEqual(expect.stringMatching(/^SEARCH change_log USING COVERING INDEX change_log_unique/));
  });

  it('merge (db/sync/merge.ts): one page of incoming ids is looked up here as one range of the id index', () => {
    const page = plan('SELECT id, hlc, field_stamps FROM "meetings" WHERE id BETWEEN ? AND ?', ['0', 'z']);
    expect(page).toContainEqual(expect.stringMatching(/^SEARCH meetings USING INDEX sqlite_autoindex_meetings_1 \(id>\? AND id<\?\)/));
    expectNoFullScan(page, 'meetings');
  });
});

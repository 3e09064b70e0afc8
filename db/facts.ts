/**
 * The maintained facts of migrations 0007 (partnership_meetings, partnership_facts, task_counts), 0012 (timeline_order),
 * 0013 (meeting_counts), 0014 (map_partnerships) and 0017 (quiet_order): kept by triggers on every write. A bulk write (the generator)
 * drops those triggers, writes, and rebuilds the facts in one pass here: row by row, each trigger would look up a link
 * or a meeting through an index the bulk write has dropped.
 */
import type Database from 'better-sqlite3';

/**
 * The triggers that keep the facts, by the prefix of their names. (map_refresh_insert and quiet_refresh_insert, which
 * compute one row of map_partnerships and of quiet_order, stay: the rebuild goes through them.)
 */
const FACT_TRIGGERS = /^(partnership_meetings|partnership_facts|task_counts|timeline_order|meeting_counts|map_partnerships|quiet_order)_/;

/**
 * The facts recomputed from the records: the same statements as the fills of migrations 0007, 0012, 0013, 0014 and
 * 0017 (quiet_order after partnership_meetings, which it reads).
 */
const REBUILD = `
  DELETE FROM partnership_meetings;
  DELETE FROM partnership_facts;
  DELETE FROM task_counts;
  DELETE FROM timeline_order;
  DELETE FROM meeting_counts;
  INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
    SELECT mp.partnership_id, m.id, m.date, m.time FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
     WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL;
  INSERT INTO partnership_facts (partnership_id, last_meeting) SELECT partnership_id, max(date) FROM partnership_meetings GROUP BY partnership_id;
  INSERT INTO task_counts (status, due_on, n) SELECT status, coalesce(due_on, ''), count(*) FROM tasks WHERE deleted_at IS NULL GROUP BY 1, 2;
  INSERT INTO timeline_order (partnership_id, status, title, first_milestone)
    SELECT p.id, p.status, p.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL)
      FROM partnerships p WHERE p.deleted_at IS NULL;
  INSERT INTO meeting_counts (date, n) SELECT date, count(*) FROM meetings WHERE deleted_at IS NULL GROUP BY date;
  DELETE FROM map_partnerships;
  INSERT INTO map_refresh (partnership_id) SELECT id FROM partnerships WHERE deleted_at IS NULL;
  DELETE FROM quiet_order;
  INSERT INTO quiet_refresh (partnership_id) SELECT id FROM partnerships WHERE deleted_at IS NULL;
`;

/** Run `write` with the fact triggers dropped, then rebuild the facts and put the triggers back (inside the caller's transaction). */
export function withFactsRebuiltAfter<T>(sqlite: Database.Database, write: () => T): T {
  const triggers = (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).filter((t) =>
    FACT_TRIGGERS.test(t.name),
  );
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  const result = write();
  sqlite.exec(REBUILD);
  for (const { sql } of triggers) sqlite.exec(sql);
  return result;
}

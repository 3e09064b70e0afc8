import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dataTableNames, generateInChild, runCli as cli, runProcess, tempCore, tempDir } from '../helpers';
import { inspectDatabase, yieldToLoop } from '../kill';
import { openCore, tableName, updateRecord, type Core } from '../../db/core';
import { formatHlc, parseHlc } from '../../db/hlc';
import { UUID_PATTERN } from '../../db/ids';
import { loadSampleData } from '../../db/sample';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { recordTables, type RecordEntity } from '../../db/schema';
import { generateDatabase, generatedOrigin, GENERATE_SCALES, SCALE_L_COUNTS } from '../../db/generate';
import { SEARCH_QUERIES } from '../../bench/queries';
import { findChromium } from '../../cli/pdf';
import { RENDERER_INDEX } from '../../bench/browser';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ENTITIES = Object.keys(recordTables) as RecordEntity[];

/** sha256 of every row of every table but `meta` (the installation's own origin id), in storage order. */
function contentHashes(core: Core): Record<string, string> {
  const tables = dataTableNames(core.sqlite).filter((name) => name !== 'meta');
  return Object.fromEntries(
    tables.map((table) => {
      const hash = createHash('sha256');
      for (const row of core.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
      return [table, hash.digest('hex')];
    }),
  );
}

function count(core: Core, sqlText: string, ...params: unknown[]): number {
  return (core.sqlite.prepare(sqlText).get(...params) as { n: number }).n;
}

function indexDefinitions(core: Core): string[] {
  return (core.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { sql: string }[]).map(
    (r) => r.sql,
  );
}

/**
 * A database generated at S with `seed`, by `cli generate` in a child process (seconds of synchronous writing here
 * would hold this test worker's event loop), then opened through the core.
 */
async function generated(seed: number): Promise<Core> {
  const file = path.join(tempDir(), 'generated.db');
  await generateInChild(file, seed);
  const core = await openCore(file, { appVersion: '0.0.0-test' });
  onTestFinished(() => {
    if (core.sqlite.open) core.close();
  });
  return core;
}

describe('generate (S scale)', () => {
  it('is deterministic: one seed gives identical table contents, another seed other rows', { timeout: 240_000 }, async () => {
    const [first, second, other] = await Promise.all([generated(1), generated(1), generated(2)]);
    const a = contentHashes(first);
    expect(contentHashes(second)).toEqual(a);
    const b = contentHashes(other);
    for (const entity of ENTITIES.filter((e) => e !== 'attachments')) expect(b[tableName(entity)], entity).not.toBe(a[tableName(entity)]);
    // Ids come from the seed: two seeds share none.
    const idsOf = (core: Core) => new Set((core.sqlite.prepare('SELECT id FROM partnerships').all() as { id: string }[]).map((r) => r.id));
    const otherIds = idsOf(other);
    expect([...idsOf(first)].filter((id) => otherIds.has(id))).toEqual([]);
  });

  it('writes L/100 rows per main table, 2+ parties per partnership, a status history, links and attendees', async () => {
    const core = await tempCore();
    const summary = generateDatabase(core, { scale: 'S', seed: 5 });
    for (const [entity, atL] of Object.entries(SCALE_L_COUNTS)) {
      expect(summary.counts[entity as RecordEntity], entity).toBe(atL * GENERATE_SCALES.S);
      expect(count(core, `SELECT count(*) AS n FROM "${tableName(entity as RecordEntity)}" WHERE deleted_at IS NULL`), entity).toBe(atL / 100);
    }
    expect(summary.rows).toBe(Object.values(summary.counts).reduce((x, y) => x + y, 0) + 1);
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
    expect(count(core, 'SELECT min(n) AS n FROM (SELECT count(*) AS n FROM partnership_parties GROUP BY partnership_id)')).toBeGreaterThanOrEqual(2);
    expect(count(core, 'SELECT count(*) AS n FROM partnerships p WHERE NOT EXISTS (SELECT 1 FROM partnership_parties pp WHERE pp.partnership_id = p.id)')).toBe(
      0,
    );
    // The latest status-history entry is the partnership's status.
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM partnerships p WHERE p.status <> (SELECT h.status FROM partnership_status_history h
           WHERE h.partnership_id = p.id ORDER BY h.started_on DESC, h.rowid DESC LIMIT 1)`,
      ),
    ).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM meeting_partnerships mp WHERE mp.meeting_id = m.id)')).toBe(0);
    expect(summary.counts.meetingPartnerships).toBeGreaterThan(summary.counts.meetings);
    expect(summary.counts.meetingAttendees).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM meeting_attendees WHERE contact_id IS NOT NULL')).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM meeting_attendees WHERE contact_id IS NULL AND name IS NOT NULL')).toBeGreaterThan(0);
    // Some tasks are overdue on the data's own "today", and tasks mostly come from meetings.
    expect(count(core, "SELECT count(*) AS n FROM tasks WHERE status IN ('open', 'in_progress') AND due_on < '2025-07-01'")).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM tasks WHERE meeting_id IS NOT NULL')).toBeGreaterThan(summary.counts.tasks / 2);
  });

  it('names organizations in Chinese and English, and writes notes of a few sentences in both', async () => {
    const core = await generated(3);
    const han = /\p{Script=Han}/u;
    const orgs = core.sqlite.prepare('SELECT name_zh, name_en, country FROM organizations').all() as { name_zh: string; name_en: string; country: string }[];
    for (const org of orgs) {
      expect(org.name_zh).toMatch(han);
      expect(org.name_en).toMatch(/^[A-Z]/);
    }
    expect(orgs.some((o) => o.country === 'CN')).toBe(true);
    expect(orgs.some((o) => o.country !== 'CN')).toBe(true);
    const titles = core.sqlite.prepare('SELECT title_zh, title_en FROM partnerships').all() as { title_zh: string; title_en: string }[];
    expect(titles.every((t) => han.test(t.title_zh) && /^[A-Z]/.test(t.title_en))).toBe(true);
    const summaries = (core.sqlite.prepare('SELECT summary FROM meetings').all() as { summary: string }[]).map((r) => r.summary);
    expect(summaries.some((s) => han.test(s) && /[A-Za-z]{4} [a-z]+/.test(s))).toBe(true);
    const average = summaries.reduce((n, s) => n + s.length, 0) / summaries.length;
    expect(average).toBeGreaterThan(60);
    const meetingTitles = (core.sqlite.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((r) => r.title);
    expect(meetingTitles.some((t) => han.test(t))).toBe(true);
    expect(meetingTitles.some((t) => /^[A-Za-z]/.test(t))).toBe(true);
  });

  it('skews activity: the busiest partnership has far more meetings than the median one', async () => {
    const core = await generated(1);
    const perPartnership = (
      core.sqlite
        .prepare('SELECT count(mp.id) AS n FROM partnerships p LEFT JOIN meeting_partnerships mp ON mp.partnership_id = p.id GROUP BY p.id ORDER BY n')
        .all() as { n: number }[]
    ).map((r) => r.n);
    const median = perPartnership[Math.floor(perPartnership.length / 2)]!;
    const busiest = perPartnership[perPartnership.length - 1]!;
    expect(busiest).toBeGreaterThanOrEqual(5 * Math.max(1, median));
  });

  it('builds the maintained facts in one pass at the end, equal to a recount, with their triggers back in place', async () => {
    const fresh = await tempCore();
    const core = await generated(1);
    const triggers = (c: typeof core) => c.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    expect(triggers(core)).toEqual(triggers(fresh));
    const same = (maintained: string, recount: string) => expect(core.sqlite.prepare(maintained).raw().all()).toEqual(core.sqlite.prepare(recount).raw().all());
    same(
      'SELECT partnership_id, meeting_id, date, time FROM partnership_meetings ORDER BY 1, 2',
      `SELECT DISTINCT mp.partnership_id, m.id, m.date, m.time FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY 1, 2`,
    );
    same(
      'SELECT partnership_id, last_meeting FROM partnership_facts ORDER BY 1',
      'SELECT partnership_id, max(date) FROM partnership_meetings GROUP BY 1 ORDER BY 1',
    );
    same(
      'SELECT status, due_on, n FROM task_counts ORDER BY 1, 2',
      "SELECT status, coalesce(due_on, ''), count(*) FROM tasks WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2",
    );
    same(
      'SELECT partnership_id, status, title, first_milestone FROM timeline_order ORDER BY 1',
      `SELECT p.id, p.status, p.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL)
         FROM partnerships p WHERE p.deleted_at IS NULL ORDER BY 1`,
    );
    same('SELECT date, n FROM meeting_counts ORDER BY 1', 'SELECT date, count(*) FROM meetings WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1');
    // The map's partnerships: each live one with its located parties (every generated organization has coordinates).
    same(
      "SELECT partnership_id, status, length(places) - length(replace(places, ' ', '')) + 1, unplaced FROM map_partnerships ORDER BY 1",
      `SELECT p.id, p.status, count(DISTINCT pp.organization_id), 0 FROM partnerships p JOIN partnership_parties pp ON pp.partnership_id = p.id
        JOIN organizations o ON o.id = pp.organization_id WHERE p.deleted_at IS NULL AND pp.deleted_at IS NULL AND o.deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    );
    // The quiet card's partnerships: each live one, the day it began, its latest meeting day and the one before ('' none).
    same(
      'SELECT partnership_id, status, title, began, last_meeting, prior_meeting FROM quiet_order ORDER BY 1',
      `SELECT p.id, p.status, p.title, min(coalesce(p.term_start, p.created_at), coalesce(p.status_since, p.created_at), substr(p.created_at, 1, 10)),
              coalesce(max(m.date), ''), coalesce((SELECT max(m2.date) FROM meeting_partnerships mp2 JOIN meetings m2 ON m2.id = mp2.meeting_id
                                                    WHERE mp2.partnership_id = p.id AND mp2.deleted_at IS NULL AND m2.deleted_at IS NULL AND m2.date < max(m.date)), '')
         FROM partnerships p LEFT JOIN meeting_partnerships mp ON mp.partnership_id = p.id AND mp.deleted_at IS NULL
         LEFT JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
        WHERE p.deleted_at IS NULL GROUP BY p.id ORDER BY 1`,
    );
    expect((core.sqlite.prepare("SELECT count(*) AS n FROM quiet_order WHERE prior_meeting <> ''").get() as { n: number }).n).toBeGreaterThan(0);
    expect((core.sqlite.prepare('SELECT count(*) AS n FROM partnership_meetings').get() as { n: number }).n).toBeGreaterThan(0);
    expect((core.sqlite.prepare('SELECT count(*) AS n FROM timeline_order WHERE first_milestone IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('passes integrity and foreign-key checks, keeps the indexes, and stamps every field with the row stamp', async () => {
    const fresh = await tempCore();
    const core = await generated(9);
    // checked in another process: a whole-file check here would hold this worker's event loop
    const { pragmas } = await inspectDatabase(core.sqlite.name, { pragmas: ['integrity_check', 'foreign_key_check'] });
    expect(pragmas).toEqual({ integrity_check: 'ok', foreign_key_check: [] });
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(indexDefinitions(core)).toEqual(indexDefinitions(fresh));
    const origin = generatedOrigin(9);
    let maxStamp = '';
    for (const entity of ENTITIES) {
      for (const row of core.sqlite.prepare(`SELECT * FROM "${tableName(entity)}"`).all() as Record<string, unknown>[]) {
        expect(row.id).toMatch(UUID_PATTERN);
        expect(row.origin).toBe(origin);
        const hlc = row.hlc as string;
        expect(formatHlc(parseHlc(hlc))).toBe(hlc);
        expect(parseHlc(hlc).origin).toBe(origin);
        expect(row.created_at).toBe(new Date(parseHlc(hlc).ms).toISOString());
        const stamps = JSON.parse(row.field_stamps as string) as Record<string, string>;
        const fields = Object.keys(row).filter((c) => !['id', 'created_at', 'updated_at', 'deleted_at', 'hlc', 'origin', 'field_stamps'].includes(c));
        expect(Object.keys(stamps).sort()).toEqual(fields.sort());
        expect(new Set(Object.values(stamps))).toEqual(new Set([hlc]));
        if (hlc > maxStamp) maxStamp = hlc;
      }
      await yieldToLoop();
    }
    // One change-log row per generated origin, at its highest stamp: what merge's version vectors read.
    expect(core.sqlite.prepare('SELECT origin, max(hlc) AS hlc, count(*) AS n FROM change_log GROUP BY origin').all()).toEqual([
      { origin, hlc: maxStamp, n: 1 },
    ]);
    expect(parseHlc(core.getMeta('hlc_last')!).ms).toBeGreaterThanOrEqual(parseHlc(maxStamp).ms);
    expect(parseHlc(core.clock.now()).ms).toBeGreaterThan(parseHlc(maxStamp).ms);
  });

  it('refuses a database that holds data and leaves it as it was', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const before = contentHashes(core);
    expect(() => generateDatabase(core, { scale: 'S', seed: 1 })).toThrow(/already holds data/);
    expect(contentHashes(core)).toEqual(before);
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('merges with another office that generated the same seed: nothing new, then an edit arrives without a conflict', async () => {
    const dir = tempDir();
    const local = await generated(4);
    const remote = await generated(4);
    try {
      const meeting = (remote.sqlite.prepare('SELECT id FROM meetings ORDER BY id LIMIT 1').get() as { id: string }).id;
      exportDatabase(remote, path.join(dir, 'same.ptdb'));
      const same = mergeFile(local, path.join(dir, 'same.ptdb'), { backupDir: dir });
      expect({ added: same.added, changed: same.changed, deleted: same.deleted, conflicts: same.conflicts }).toEqual({
        added: 0,
        changed: 0,
        deleted: 0,
        conflicts: 0,
      });
      remote.sqlite.transaction(() => updateRecord(remote, 'meetings', meeting, { summary: 'edited remotely / 远程修改' })).immediate();
      exportDatabase(remote, path.join(dir, 'edited.ptdb'));
      const edited = mergeFile(local, path.join(dir, 'edited.ptdb'), { backupDir: dir });
      expect({ changed: edited.changed, conflicts: edited.conflicts }).toEqual({ changed: 1, conflicts: 0 });
      expect(local.sqlite.prepare('SELECT summary FROM meetings WHERE id = ?').pluck().get(meeting)).toBe('edited remotely / 远程修改');
    } finally {
      remote.close();
    }
  });

  it('cli generate prints rows, seconds and rows/s, the file passes cli check, and a second run is refused in one line', { timeout: 240_000 }, async () => {
    const file = path.join(tempDir(), 'generated.db');
    const result = await cli(['generate', '--db', file, '--scale', 'S', '--seed', '11']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Generated [\d,]+ rows \(scale S, seed 11\) into .+ in [\d.]+ s: [\d,]+ rows\/s\.$/m);
    const check = await cli(['check', '--db', file, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { ok: boolean; integrity: string; counts: Record<string, number> };
    expect(report).toMatchObject({ ok: true, integrity: 'ok' });
    expect(report.counts.meetings).toBe(2000);
    const again = await cli(['generate', '--db', file, '--scale', 'S']);
    expect(again.code).toBe(1);
    expect(again.stderr.split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds data/);
    const bad = await cli(['generate', '--db', path.join(tempDir(), 'x.db'), '--scale', 'XL']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--scale is S, M or L/);
  });
});

describe('bench/run.ts', () => {
  it('runs to completion at S and writes valid JSON with every metric', { timeout: 600_000 }, async () => {
    const out = path.join(tempDir(), 'results.json');
    const result = await runProcess(TSX, [path.join(ROOT, 'bench', 'run.ts'), '--scale', 'S', '--out', out], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    // Chromium against the browser mode needs the built renderer (npm test builds before the unit tests).
    const browserMeasured = !!findChromium() && existsSync(RENDERER_INDEX);
    if (!browserMeasured) expect(result.stdout).toMatch(/browser\.dashboard\.firstContentfulPaint \(.*\)\s+not measured/);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      scale: string;
      machine: string;
      metrics: Record<string, { value: number; unit: string; target: number; pass: boolean }>;
      slowOperations: { name: string; calls: number; maxMs: number; medianMs: number }[];
    };
    // The door's slow-operation log of the run, slowest first, by operation name.
    for (const op of results.slowOperations) expect(op.maxMs).toBeGreaterThanOrEqual(50);
    expect(results.slowOperations.map((op) => op.maxMs)).toEqual([...results.slowOperations.map((op) => op.maxMs)].sort((x, y) => y - x));
    expect(result.stdout).toMatch(/^slowest operations logged by the door \(over 50 ms\):/m);
    expect(results.scale).toBe('S');
    expect(results.machine).toMatch(/cores, \d+ GB RAM, Node v\d+/);
    const names = [
      'generator.rowsPerSecond',
      ...['partnerships.list', 'partnerships.get', 'meetings.list.byPartnership', 'tasks.list.overdue', 'dashboard.get', 'organizations.list'].flatMap((op) => [
        `${op}.p50`,
        `${op}.p95`,
      ]),
      ...SEARCH_QUERIES.flatMap(([q]) => [`search.query.${q}.p50`, `search.query.${q}.p95`]),
      'drizzle.rawRatio.typicalPartnership',
      'export.vacuumRatio',
      'merge.vacuumRatio',
      'process.peakRssMB',
      // CI has Debian's Chromium: the report PDFs are measured there
      ...(findChromium() ? ['report.pdf.partnership', 'report.pdf.portfolio'] : []),
      ...(browserMeasured
        ? [
            'browser.dashboard.firstContentfulPaint',
            'browser.dashboard.ready',
            'browser.meetings.mount',
            'browser.meetings.longestScrollFrame',
            'server.peakRssMB',
            'soak.serverRssMB',
            'soak.pageHeapMB',
            'soak.pageHeapGrowthMB',
          ]
        : []),
      ...['meetings.get', 'tasks.list.all', 'contacts.list', 'history.list', 'timeline.portfolio', 'map.data'].map((op) => `${op}.p95`),
    ];
    for (const name of names) expect(Object.keys(results.metrics)).toContain(name);
    for (const [name, metric] of Object.entries(results.metrics)) {
      expect(Number.isFinite(metric.value), name).toBe(true);
      expect(metric.value, name).toBeGreaterThanOrEqual(0);
      expect(['ms', 'ratio', 'rows/s', 'MB', 'calls']).toContain(metric.unit);
      expect(typeof metric.target).toBe('number');
      expect(metric.pass).toBe(metric.unit === 'rows/s' ? metric.value >= metric.target : metric.value <= metric.target);
    }
  });
});

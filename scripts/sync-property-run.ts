/**
 * Sync by database file, checked as properties (issue #4): the harness that
 * test/unit/sync-properties.test.ts runs within `npm test`, and the documented larger run:
 *
 *   npx tsx scripts/sync-property-run.ts --runs 20000 [--seed N] [--files-share 0.1] [--max-steps 24]
 *
 * prints the runs, the failures (with the first counterexample and its seed) and the seconds,
 * and exits 1 when any run failed.
 *
 * One run: two or three offices, each a real core on a database file with its own clock skewed
 * by up to ±24 h, make random edits through the operation registry (organizations and
 * partnerships with parties: create, update fields, delete, restore; edits racing deletes on
 * another office), export their database and merge files from each other in random orders
 * (random pairs, stale files, the same file twice). Then a full exchange through one office, and:
 *
 * - every office holds IDENTICAL record content (every record table, blobs, and the change log
 *   as a set of (entity, row_id, field, value, hlc, origin));
 * - nothing written is lost: the change log is exactly the set of values the offices wrote, and
 *   every field holds the value with the highest stamp (and that stamp in field_stamps);
 * - a value that lost to a concurrent write (one nobody had seen when writing the winner) is listed
 *   in the conflicts table of at least one office, and every listed conflict matches the log;
 * - merging the same file a second time changes nothing (0 added, changed, deleted, conflicts);
 * - A←B then B←A converges (the final exchange, for two offices).
 *
 * Exchanges go either through real files (exportDatabase, then mergeFile: validation, backup,
 * one transaction) or, to afford 1,000 runs within `npm test`, through an in-process snapshot
 * of the same rows readIncomingFile returns, passed to the same mergeIncoming. Every
 * files-mode run checks that the snapshot equals what readIncomingFile reads from the exported
 * file, so the shortcut is checked to be faithful.
 *
 * Cores are reused across runs: between runs every table is emptied (the origin and the
 * persisted clock stay) and the shared wall clock jumps three days ahead, beyond any skew, so no
 * office's clock ever goes back behind a stamp it persisted.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { openCore, tableName, type Core } from '../db/core';
import { createRegistry, type OperationRegistry } from '../db/api';
import { blobs, changeLog, recordTables, syncLog, type RecordEntity } from '../db/schema';
import { exportDatabase, mergeFile } from '../db/sync/files';
import { readIncomingFile, snapshotSource, type IncomingFile, type Row } from '../db/sync/incoming';
import { mergeIncoming, MERGE_ORDER, type EntityCounts } from '../db/sync/merge';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Record tables by SQL name, blobs last: what "identical record content" compares. */
const CONTENT_TABLES = [...MERGE_ORDER.map((entity) => tableName(entity)), 'blobs'];

// ---------------------------------------------------------------------------------------------
// Offices
// ---------------------------------------------------------------------------------------------

/** One write as the office that made it logged it, and what that office had seen when writing. */
interface Write {
  entity: string;
  rowId: string;
  field: string;
  value: string | null;
  hlc: string;
  origin: string;
  /** Writes (keys) the writing office knew of, its own included, before this write. */
  seenBefore: ReadonlySet<string>;
}

export interface Office {
  name: string;
  core: Core;
  skewMs: number;
  /** Keys of every write this office has made or received (the model, kept apart from the database). */
  known: Set<string>;
  lastSeq: number;
}

/** An exported file (or its in-process snapshot) and the writes it carries by the model. */
interface Exchanged {
  label: string;
  from: number;
  file: string | null;
  snapshot: IncomingFile | null;
  known: ReadonlySet<string>;
}

export interface Harness {
  dir: string;
  offices: Office[];
  registry: OperationRegistry;
  clock: { ms: number };
  runs: number;
  /** Conflicts the offices held at the end of each run, summed over the runs. */
  conflicts: number;
  close(): void;
}

const writeKey = (w: { entity: string; rowId: string; field: string; hlc: string }) => `${w.entity}|${w.rowId}|${w.field}|${w.hlc}`;
const fieldKey = (w: { entity: string; rowId: string; field: string }) => `${w.entity}|${w.rowId}|${w.field}`;

/** Open `count` offices (real cores on files in a fresh temp dir), reused across runs. */
export async function openHarness(count: number, parentDir: string = os.tmpdir(), options: { fromOneFile?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(parentDir, 'pt-sync-prop-'));
  const clock = { ms: Date.parse('2026-01-05T09:00:00Z') };
  const offices: Office[] = [];
  if (options.fromOneFile) {
    // One office's database, copied to set up the others (as an office does): each copy must become an office of its own.
    const first = await openCore(path.join(dir, 'office-0.db'), { appVersion: '0.0.0-prop', now: () => new Date(clock.ms) });
    first.close();
    for (let i = 1; i < count; i++) copyFileSync(path.join(dir, 'office-0.db'), path.join(dir, `office-${i}.db`));
  }
  for (let i = 0; i < count; i++) {
    const office: Office = { name: `Office ${'ABC'[i] ?? i}`, core: undefined as unknown as Core, skewMs: 0, known: new Set(), lastSeq: 0 };
    office.core = await openCore(path.join(dir, `office-${i}.db`), { appVersion: '0.0.0-prop', now: () => new Date(clock.ms + office.skewMs) });
    office.core.setMeta('office_name', office.name);
    offices.push(office);
  }
  return {
    dir,
    offices,
    registry: createRegistry(),
    clock,
    runs: 0,
    conflicts: 0,
    close: () => {
      for (const office of offices) if (office.core.sqlite.open) office.core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Empty every table (children first), keep origin and persisted clock; jump the wall clock past any skew. */
function resetHarness(h: Harness, skews: number[]): void {
  h.clock.ms += 3 * DAY;
  h.runs += 1;
  h.offices.forEach((office, i) => {
    const { sqlite } = office.core;
    sqlite.transaction(() => {
      for (const entity of [...MERGE_ORDER].reverse()) sqlite.prepare(`DELETE FROM "${tableName(entity)}"`).run();
      for (const table of ['blobs', 'change_log', 'conflicts', 'sync_log', 'duplicate_candidates']) sqlite.prepare(`DELETE FROM "${table}"`).run();
    })();
    office.skewMs = skews[i] ?? 0;
    office.known = new Set();
    office.lastSeq = maxSeq(office.core);
  });
  for (const name of readdirSync(h.dir)) if (!name.startsWith('office-')) rmSync(path.join(h.dir, name), { recursive: true, force: true });
  mkdirSync(path.join(h.dir, 'backups'));
}

function maxSeq(core: Core): number {
  const row = core.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Content as offices must agree on it
// ---------------------------------------------------------------------------------------------

export interface Content {
  tables: Record<string, unknown[]>;
  changeLog: { entity: string; row_id: string; field: string; value: string | null; hlc: string; origin: string }[];
}

/** Every record table and blobs (ordered), and the change log as a set of (entity, row_id, field, value, hlc, origin). */
export function recordContent(core: Core): Content {
  const tables: Record<string, unknown[]> = {};
  for (const table of CONTENT_TABLES) tables[table] = core.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();
  const changeLogRows = core.sqlite
    .prepare('SELECT DISTINCT entity, row_id, field, value, hlc, origin FROM change_log ORDER BY entity, row_id, field, hlc, origin, value')
    .all() as Content['changeLog'];
  return { tables, changeLog: changeLogRows };
}

/** What readIncomingFile returns for a file exported from `core` now, read from the live connection. */
export function snapshotOf(core: Core, fileName: string): IncomingFile {
  const read = (table: Table) => {
    const names = Object.values(getTableColumns(table)).map((c) => c.name);
    return core.sqlite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${getTableName(table)}"`).all() as Row[];
  };
  return core.sqlite
    .transaction(() => {
      const records = {} as Record<RecordEntity, Row[]>;
      for (const [entity, table] of Object.entries(recordTables) as [RecordEntity, Table][]) records[entity] = read(table);
      const changeRows = read(changeLog) as unknown as IncomingFile['changeLog'];
      const knownPeers: Record<string, string> = {};
      for (const row of read(syncLog)) {
        const peer = row.peer_origin;
        const stamp = row.peer_hlc;
        if (row.direction === 'import' && typeof peer === 'string' && typeof stamp === 'string' && stamp > (knownPeers[peer] ?? '')) knownPeers[peer] = stamp;
      }
      let maxHlc = '';
      for (const rows of Object.values(records)) for (const row of rows) if (typeof row.hlc === 'string' && row.hlc > maxHlc) maxHlc = row.hlc;
      for (const row of changeRows) if (row.hlc > maxHlc) maxHlc = row.hlc;
      return {
        fileName,
        origin: core.getMeta('origin_id'),
        office: core.getMeta('office_name'),
        schemaVersion: core.opened.schemaVersion,
        encrypted: false,
        records,
        blobs: read(blobs) as unknown as IncomingFile['blobs'],
        changeLog: changeRows,
        knownPeers,
        maxHlc,
      };
    })
    .deferred();
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

const ORG_FIELDS = ['displayName', 'notes', 'country', 'latitude', 'kind', 'aliases', 'region'] as const;
const PARTNERSHIP_FIELDS = ['title', 'summary', 'status', 'owner', 'parties', 'rationale'] as const;
const STATUSES = ['prospect', 'negotiating', 'active', 'dormant', 'concluded'] as const;
const ATTACHMENT_CONTENTS = ['汕头—布尔加斯联合声明 2017-05-31', 'Memorandum of understanding, June 2015', ''];

export type Step =
  | { kind: 'createOrg'; r: number; optional: number; dt: number }
  | { kind: 'updateOrg'; r: number; k: number; field: (typeof ORG_FIELDS)[number]; dt: number }
  | { kind: 'deleteOrg' | 'restoreOrg' | 'deletePartnership' | 'restorePartnership'; r: number; k: number; dt: number }
  | { kind: 'createPartnership'; r: number; a: number; b: number; status: (typeof STATUSES)[number]; optional: number; dt: number }
  | { kind: 'updatePartnership'; r: number; k: number; field: (typeof PARTNERSHIP_FIELDS)[number]; a: number; b: number; dt: number }
  | { kind: 'race'; r: number; other: number; k: number; entity: 'organizations' | 'partnerships'; firstEdit: boolean; dt: number }
  | { kind: 'attach'; r: number; k: number; content: number; dt: number }
  | { kind: 'detach'; r: number; k: number; dt: number }
  | { kind: 'export'; r: number; dt: number }
  | { kind: 'sync'; r: number; other: number; twice: boolean; dt: number }
  | { kind: 'merge'; r: number; f: number; twice: boolean; dt: number };

const office = fc.nat({ max: 2 });
const pick = fc.nat({ max: 7 });
const dt = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(0));

export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createOrg' as const), r: office, optional: fc.nat({ max: 15 }), dt }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('updateOrg' as const), r: office, k: pick, field: fc.constantFrom(...ORG_FIELDS), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('deleteOrg' as const, 'restoreOrg' as const), r: office, k: pick, dt }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('createPartnership' as const),
      r: office,
      a: pick,
      b: pick,
      status: fc.constantFrom(...STATUSES),
      optional: fc.nat({ max: 3 }),
      dt,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('updatePartnership' as const),
      r: office,
      k: pick,
      field: fc.constantFrom(...PARTNERSHIP_FIELDS),
      a: pick,
      b: pick,
      dt,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('deletePartnership' as const, 'restorePartnership' as const), r: office, k: pick, dt }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('race' as const),
      r: office,
      other: office,
      k: pick,
      entity: fc.constantFrom('organizations' as const, 'partnerships' as const),
      firstEdit: fc.boolean(),
      dt,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('attach' as const), r: office, k: pick, content: fc.nat({ max: 1 }), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('detach' as const), r: office, k: pick, dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('export' as const), r: office, dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), r: office, f: fc.nat({ max: 20 }), twice: fc.boolean(), dt }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), r: office, other: office, twice: fc.boolean(), dt }) },
);

/** Skews within ±24 h, with the extremes and no skew at all drawn often. */
const skewArbitrary = fc.oneof(fc.integer({ min: -DAY, max: DAY }), fc.constantFrom(-DAY, DAY, 0), fc.integer({ min: -5 * 60_000, max: 5 * 60_000 }));

export interface Scenario {
  skews: number[];
  /** Start from shared records: the first office creates organizations and a partnership and sends them to all. */
  shared: boolean;
  steps: Step[];
  hub: number;
  /** Order in which the other offices send their final files to the hub. */
  order: number[];
  /** Which office merges the hub's final file twice. */
  again: number;
  /** Tamper with the first office after the final exchange: shows that the checks can fail. */
  sabotage?: (office: Office) => void;
}

export function scenarioArbitrary(offices: number, maxSteps: number): fc.Arbitrary<Scenario> {
  return fc.record({
    skews: fc.array(skewArbitrary, { minLength: offices, maxLength: offices }),
    shared: fc.boolean(),
    steps: fc.array(stepArbitrary, { minLength: Math.min(4, maxSteps), maxLength: maxSteps, size: 'max' }),
    hub: fc.nat({ max: offices - 1 }),
    order: fc.shuffledSubarray([...Array(offices).keys()], { minLength: offices, maxLength: offices }),
    again: fc.nat({ max: offices - 1 }),
  });
}

// ---------------------------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------------------------

export type ExchangeMode = 'files' | 'snapshot';

class Run {
  readonly writes: Write[] = [];
  readonly pool: Exchanged[] = [];
  private token = 0;

  constructor(
    readonly h: Harness,
    readonly mode: ExchangeMode,
  ) {}

  private unique(prefix: string): string {
    this.token += 1;
    return `${prefix} ${this.h.runs}.${this.token}`;
  }

  private ids(r: number, table: string, liveOnly: boolean): string[] {
    const where = liveOnly ? ' WHERE deleted_at IS NULL' : '';
    return (this.h.offices[r]!.core.sqlite.prepare(`SELECT id FROM "${table}"${where} ORDER BY id`).all() as { id: string }[]).map((x) => x.id);
  }

  /** Call an operation as the UI would; it must succeed (the steps only ask for what is allowed). */
  private call(r: number, name: string, input: unknown): void {
    const office = this.h.offices[r]!;
    const envelope = this.h.registry.call(office.core, name, input);
    if (!envelope.ok) throw new Error(`${office.name}: ${name} ${JSON.stringify(input)} failed: ${envelope.error.message.en}`);
    this.collectLocalWrites(r);
  }

  private collectLocalWrites(r: number): void {
    const office = this.h.offices[r]!;
    const rows = office.core.sqlite
      .prepare("SELECT seq, entity, row_id AS rowId, field, value, hlc, origin FROM change_log WHERE seq > ? AND via = 'local' ORDER BY seq")
      .all(office.lastSeq) as (Omit<Write, 'seenBefore'> & { seq: number })[];
    const seenBefore = new Set(office.known);
    for (const { seq, ...row } of rows) {
      this.writes.push({ ...row, seenBefore });
      office.known.add(writeKey(row));
      office.lastSeq = Math.max(office.lastSeq, seq);
    }
    office.lastSeq = Math.max(office.lastSeq, maxSeq(office.core));
  }

  private orgValue(field: (typeof ORG_FIELDS)[number], n: number): unknown {
    switch (field) {
      case 'displayName':
        return this.unique(n % 2 ? '汕头机构' : 'Burgas org');
      case 'notes':
        return n % 5 === 0 ? null : this.unique('备注 / notes');
      case 'country':
        return ['CN', 'BG', 'ES', 'DK', null][n % 5];
      case 'latitude':
        return n % 4 === 0 ? null : ((this.token * 7.25) % 180) - 90;
      case 'kind':
        return ['city', 'district', 'association', 'university'][n % 4];
      case 'aliases':
        return [this.unique('Шантоу')];
      case 'region':
        return this.unique('广东 / Guangdong');
    }
  }

  step(step: Step): void {
    const n = this.h.offices.length;
    const r = step.r % n;
    this.h.clock.ms += step.dt;
    switch (step.kind) {
      case 'createOrg':
        // Optional fields left out get their first stamp from a later edit, perhaps on another office.
        this.call(r, 'organizations.create', {
          displayName: this.unique('汕头 Shantou'),
          ...(step.optional & 1 ? { country: this.token % 3 ? 'CN' : 'BG' } : {}),
          ...(step.optional & 2 ? { notes: this.unique('notes') } : {}),
          ...(step.optional & 4 ? { aliases: [this.unique('alias')] } : {}),
          ...(step.optional & 8 ? { latitude: 23.35 } : {}),
        });
        return;
      case 'updateOrg': {
        const ids = this.ids(r, 'organizations', true);
        if (ids.length === 0) return;
        this.call(r, 'organizations.update', { id: ids[step.k % ids.length], [step.field]: this.orgValue(step.field, step.k + this.token) });
        return;
      }
      case 'deleteOrg':
      case 'deletePartnership': {
        const ids = this.ids(r, step.kind === 'deleteOrg' ? 'organizations' : 'partnerships', true);
        if (ids.length === 0) return;
        this.call(r, step.kind === 'deleteOrg' ? 'organizations.delete' : 'partnerships.delete', { id: ids[step.k % ids.length] });
        return;
      }
      case 'restoreOrg':
      case 'restorePartnership': {
        const table = step.kind === 'restoreOrg' ? 'organizations' : 'partnerships';
        const live = new Set(this.ids(r, table, true));
        const deleted = this.ids(r, table, false).filter((id) => !live.has(id));
        if (deleted.length === 0) return;
        this.call(r, `${table}.restore`, { id: deleted[step.k % deleted.length] });
        return;
      }
      case 'createPartnership': {
        const parties = this.twoOrgs(r, step.a, step.b);
        if (!parties) return;
        this.call(r, 'partnerships.create', {
          title: this.unique('汕头—布尔加斯 partnership'),
          kind: 'sister_city',
          status: step.status,
          ...(step.optional & 1 ? { summary: this.unique('summary') } : {}),
          ...(step.optional & 2 ? { owner: this.unique('owner') } : {}),
          parties: parties.map((organizationId) => ({ organizationId, role: this.unique('role') })),
        });
        return;
      }
      case 'updatePartnership': {
        const ids = this.ids(r, 'partnerships', true);
        if (ids.length === 0) return;
        const id = ids[step.k % ids.length];
        if (step.field === 'parties') {
          const parties = this.twoOrgs(r, step.a, step.b);
          if (!parties) return;
          this.call(r, 'partnerships.update', { id, parties: parties.map((organizationId) => ({ organizationId, role: this.unique('role') })) });
        } else if (step.field === 'status') {
          this.call(r, 'partnerships.update', { id, status: STATUSES[(step.a + this.token) % STATUSES.length] });
        } else {
          this.call(r, 'partnerships.update', { id, [step.field]: this.unique(step.field) });
        }
        return;
      }
      case 'race': {
        // One office deletes a record while another, which holds it live too, edits it.
        const other = step.other % n === r ? (r + 1) % n : step.other % n;
        const mine = this.ids(r, step.entity, true);
        const theirs = new Set(this.ids(other, step.entity, true));
        const shared = mine.filter((id) => theirs.has(id));
        if (shared.length === 0) return;
        const id = shared[step.k % shared.length]!;
        this.call(r, `${step.entity}.delete`, { id });
        this.h.clock.ms += step.dt % 7;
        // The edit may be the first write of its field (region, rationale): a key new to field_stamps on both sides.
        const field = step.entity === 'organizations' ? (step.firstEdit ? 'region' : 'notes') : step.firstEdit ? 'rationale' : 'summary';
        const edit = { [field]: this.unique('edit racing a delete') };
        this.call(other, `${step.entity}.update`, { id, ...edit });
        return;
      }
      case 'attach': {
        // A few fixed contents, so two offices often attach the same bytes (one blob by hash) independently.
        const ids = this.ids(r, 'partnerships', true);
        if (ids.length === 0) return;
        this.call(r, 'attachments.add', {
          partnershipId: ids[step.k % ids.length],
          fileName: `${this.unique('memorandum')}.txt`,
          mimeType: 'text/plain',
          description: this.unique('附件 / attachment'),
          dataBase64: Buffer.from(ATTACHMENT_CONTENTS[step.content % ATTACHMENT_CONTENTS.length]!).toString('base64'),
        });
        return;
      }
      case 'detach': {
        const all = this.ids(r, 'attachments', false);
        if (all.length === 0) return;
        const id = all[step.k % all.length];
        const live = this.ids(r, 'attachments', true).includes(id!);
        this.call(r, live ? 'attachments.remove' : 'attachments.restore', { id });
        return;
      }
      case 'export':
        this.exportFrom(r);
        return;
      case 'sync': {
        // One office sends its file to another right away (perhaps twice).
        const other = step.other % n === r ? (r + 1) % n : step.other % n;
        const file = this.exportFrom(r);
        this.mergeInto(other, file);
        if (step.twice) this.mergeAgain(other, file);
        return;
      }
      case 'merge': {
        if (this.pool.length === 0) return;
        const file = this.pool[step.f % this.pool.length]!;
        this.mergeInto(r, file);
        if (step.twice) this.mergeAgain(r, file);
        return;
      }
    }
  }

  private twoOrgs(r: number, a: number, b: number): [string, string] | null {
    const live = this.ids(r, 'organizations', true);
    if (live.length < 2) return null;
    const first = a % live.length;
    const second = b % live.length === first ? (first + 1) % live.length : b % live.length;
    return [live[first]!, live[second]!];
  }

  exportFrom(r: number, checkSnapshot = false): Exchanged {
    const office = this.h.offices[r]!;
    const label = `${office.name.replace(' ', '-')}-${this.pool.length}.ptdb`;
    let exchanged: Exchanged;
    if (this.mode === 'files') {
      const file = path.join(this.h.dir, label);
      const snapshot = checkSnapshot ? snapshotOf(office.core, label) : null;
      exportDatabase(office.core, file);
      if (snapshot) {
        // The in-process shortcut used for most runs must read exactly what a real file holds.
        assert.deepStrictEqual(readIncomingFile(file), snapshot, 'snapshotOf differs from readIncomingFile of the exported file');
      }
      exchanged = { label, from: r, file, snapshot: null, known: new Set(office.known) };
    } else {
      exchanged = { label, from: r, file: null, snapshot: snapshotOf(office.core, label), known: new Set(office.known) };
    }
    this.pool.push(exchanged);
    return exchanged;
  }

  mergeInto(r: number, file: Exchanged): EntityCounts {
    const office = this.h.offices[r]!;
    let totals: EntityCounts;
    if (file.file) {
      const summary = mergeFile(office.core, file.file, { acceptClockSkew: true, backupDir: path.join(this.h.dir, 'backups') });
      totals = { added: summary.added, changed: summary.changed, deleted: summary.deleted, conflicts: summary.conflicts };
    } else {
      totals = mergeIncoming(office.core, snapshotSource(file.snapshot!), { acceptClockSkew: true }).totals;
    }
    for (const key of file.known) office.known.add(key);
    office.lastSeq = Math.max(office.lastSeq, maxSeq(office.core));
    return totals;
  }

  /** The same file a second time: nothing is added, changed, deleted or in conflict, and no record changes. */
  mergeAgain(r: number, file: Exchanged): void {
    const before = recordContent(this.h.offices[r]!.core);
    const totals = this.mergeInto(r, file);
    assert.deepStrictEqual(
      totals,
      { added: 0, changed: 0, deleted: 0, conflicts: 0 },
      `merging ${file.label} twice into ${this.h.offices[r]!.name} changed something`,
    );
    assert.deepStrictEqual(recordContent(this.h.offices[r]!.core), before, `merging ${file.label} twice changed the records`);
  }
}

/** Exchange through `hub`: every other office's file into the hub, then the hub's into each of them. */
function finalExchange(run: Run, scenario: Scenario): void {
  const n = run.h.offices.length;
  const hub = scenario.hub % n;
  const others = scenario.order.filter((i) => i !== hub);
  for (const other of others) run.mergeInto(hub, run.exportFrom(other));
  const fromHub = run.exportFrom(hub, true);
  for (const other of others) run.mergeInto(other, fromHub);
  run.mergeAgain(others.includes(scenario.again % n) ? scenario.again % n : others[0]!, fromHub);
}

function checkConverged(run: Run): void {
  const { offices } = run.h;
  const contents = offices.map((o) => recordContent(o.core));
  for (let i = 1; i < offices.length; i++) {
    assert.deepStrictEqual(contents[i], contents[0], `${offices[i]!.name} and ${offices[0]!.name} hold different records after a full exchange`);
  }
  const content = contents[0]!;

  // Nothing lost, nothing invented: the change log is exactly what the offices wrote.
  const logged = new Map(content.changeLog.map((c) => [writeKey({ ...c, rowId: c.row_id }), c]));
  assert.equal(logged.size, content.changeLog.length, 'two change log entries share (entity, row, field, hlc)');
  for (const w of run.writes) {
    const entry = logged.get(writeKey(w));
    assert.ok(entry, `the write ${writeKey(w)} = ${w.value} is missing from the change log`);
    assert.equal(entry.value, w.value, `the write ${writeKey(w)} has another value in the change log`);
    assert.equal(entry.origin, w.origin);
  }
  assert.equal(logged.size, run.writes.length, 'the change log holds entries nobody wrote');

  // Every field holds the value with the highest stamp, and that stamp.
  const latest = new Map<string, Write>();
  for (const w of run.writes) {
    const best = latest.get(fieldKey(w));
    if (!best || w.hlc > best.hlc) latest.set(fieldKey(w), w);
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (const entity of MERGE_ORDER) {
    for (const row of content.tables[tableName(entity)] as Record<string, unknown>[]) rows.set(`${entity}|${String(row.id)}`, row);
  }
  for (const w of latest.values()) {
    const row = rows.get(`${w.entity}|${w.rowId}`);
    assert.ok(row, `the ${w.entity} record ${w.rowId} is missing`);
    assert.equal(JSON.stringify(row[w.field]), w.value, `${w.entity}.${w.field} of ${w.rowId} is not the value with the highest stamp`);
    const stamps = JSON.parse(String(row.field_stamps)) as Record<string, string>;
    assert.equal(stamps[w.field], w.hlc, `field_stamps of ${w.entity}.${w.field} is not the highest stamp`);
  }

  // A value that lost to a concurrent write is listed as a conflict somewhere, and every listed conflict matches the log.
  const conflicts = offices.flatMap(
    (o) =>
      o.core.sqlite.prepare('SELECT entity, row_id AS rowId, field, winning_value, winning_hlc, losing_value, losing_hlc FROM conflicts').all() as {
        entity: string;
        rowId: string;
        field: string;
        winning_value: string | null;
        winning_hlc: string;
        losing_value: string | null;
        losing_hlc: string;
      }[],
  );
  const writesByKey = new Map(run.writes.map((w) => [writeKey(w), w]));
  run.h.conflicts += conflicts.length;
  for (const c of conflicts) {
    const winner = writeKey({ ...c, hlc: c.winning_hlc });
    const edit =
      c.field === 'deleted_at' && c.losing_value === 'null'
        ? run.writes.find((w) => w.entity === c.entity && w.rowId === c.rowId && w.hlc === c.losing_hlc && w.field !== 'deleted_at')
        : undefined;
    if (edit) {
      // Deleted at one office while edited at another: the delete stays, the edit is listed to bring the record back.
      assert.ok(c.winning_value !== 'null' && logged.get(winner)?.value === c.winning_value, 'a delete/edit conflict lists a delete nobody made');
      assert.ok(
        !edit.seenBefore.has(winner) && !writesByKey.get(winner)?.seenBefore.has(writeKey(edit)),
        `${writeKey(edit)} and ${winner} are listed as a delete/edit conflict but one had seen the other`,
      );
      continue;
    }
    const loser = writeKey({ ...c, hlc: c.losing_hlc });
    assert.ok(c.winning_hlc > c.losing_hlc, 'a conflict lists a winner with a lower stamp');
    assert.equal(logged.get(loser)?.value, c.losing_value, 'a conflict lists a losing value nobody wrote');
    assert.equal(logged.get(winner)?.value, c.winning_value, 'a conflict lists a winning value nobody wrote');
    // Only concurrent writes are conflicts: neither writer had seen the other's value.
    assert.ok(
      !writesByKey.get(winner)?.seenBefore.has(loser) && !writesByKey.get(loser)?.seenBefore.has(winner),
      `${loser} and ${winner} are listed as a conflict but one had seen the other`,
    );
  }
  const listedLosers = new Set(conflicts.map((c) => writeKey({ ...c, hlc: c.losing_hlc })));
  const byField = new Map<string, Write[]>();
  for (const w of run.writes) byField.set(fieldKey(w), [...(byField.get(fieldKey(w)) ?? []), w]);
  for (const [key, writes] of byField) {
    const winner = latest.get(key)!;
    for (const w of writes) {
      if (w === winner) continue;
      // Superseded: someone wrote the field again after seeing w; then w lost to a later edit, not to a concurrent one.
      if (writes.some((other) => other.seenBefore.has(writeKey(w)))) continue;
      // Only values nobody else wrote to this field can be told apart (two deletes, two restores to null are alike).
      if (writes.some((other) => other !== w && other.value === w.value)) continue;
      assert.ok(listedLosers.has(writeKey(w)), `the concurrent losing value ${writeKey(w)} = ${w.value} is in no office's conflicts`);
    }
  }
}

export function runScenario(h: Harness, mode: ExchangeMode, scenario: Scenario): void {
  resetHarness(h, scenario.skews);
  const run = new Run(h, mode);
  if (scenario.shared) {
    const prelude: Step[] = [
      { kind: 'createOrg', r: 0, optional: 15, dt: 1000 },
      { kind: 'createOrg', r: 0, optional: 0, dt: 1000 },
      { kind: 'createOrg', r: 0, optional: 6, dt: 1000 },
      { kind: 'createPartnership', r: 0, a: 0, b: 1, status: 'negotiating', optional: 1, dt: 1000 },
      { kind: 'attach', r: 0, k: 0, content: 2, dt: 1000 },
    ];
    for (const step of prelude) run.step(step);
    for (let other = 1; other < h.offices.length; other++) run.step({ kind: 'sync', r: 0, other, twice: false, dt: 1000 });
  }
  for (const step of scenario.steps) run.step(step);
  finalExchange(run, scenario);
  scenario.sabotage?.(h.offices[0]!);
  checkConverged(run);
}

export function syncProperty(h: Harness, mode: ExchangeMode, maxSteps: number) {
  return fc.property(scenarioArbitrary(h.offices.length, maxSteps), (scenario) => runScenario(h, mode, scenario));
}

/**
 * The same property, letting the event loop run before each run: a test worker that runs hundreds of scenarios
 * back to back without it cannot answer the test runner (vitest's "Timeout calling onTaskUpdate").
 */
export function syncPropertyYielding(h: Harness, mode: ExchangeMode, maxSteps: number) {
  return fc.asyncProperty(scenarioArbitrary(h.offices.length, maxSteps), async (scenario) => {
    await new Promise((resolve) => setImmediate(resolve));
    runScenario(h, mode, scenario);
  });
}

// ---------------------------------------------------------------------------------------------
// The larger run
// ---------------------------------------------------------------------------------------------

function argument(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const runs = Math.floor(argument(args, 'runs', 2000));
  const seed = Math.floor(argument(args, 'seed', Date.now() % 2 ** 31));
  const filesShare = argument(args, 'files-share', 0.1);
  const maxSteps = Math.floor(argument(args, 'max-steps', 24));
  const parent = mkdtempSync(path.join(os.tmpdir(), 'pt-sync-run-'));
  mkdirSync(parent, { recursive: true });
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let done = 0;
  let failures = 0;
  const counterexamples: string[] = [];
  // A quarter of the runs with two offices, the rest with three; `filesShare` of each through real files.
  const plan: { offices: number; mode: ExchangeMode; runs: number }[] = [];
  for (const [offices, share] of [
    [2, 0.25],
    [3, 0.75],
  ] as const) {
    const total = Math.round(runs * share);
    const files = Math.round(total * filesShare);
    plan.push({ offices, mode: 'files', runs: files }, { offices, mode: 'snapshot', runs: total - files });
  }
  const CHUNK = 500;
  try {
    for (const part of plan) {
      const h = await openHarness(part.offices, parent);
      try {
        for (let offset = 0; offset < part.runs; offset += CHUNK) {
          const numRuns = Math.min(CHUNK, part.runs - offset);
          const chunkSeed = (seed + offset * 7919 + part.offices * 104729 + (part.mode === 'files' ? 1 : 0)) % 2 ** 31;
          const details = fc.check(syncProperty(h, part.mode, maxSteps), { numRuns, seed: chunkSeed });
          done += details.numRuns;
          if (details.failed) {
            failures += 1;
            counterexamples.push(
              `${part.offices} offices, ${part.mode}, seed ${chunkSeed}, path ${details.counterexamplePath ?? '?'}: ${String(details.errorInstance)}\n` +
                `counterexample: ${fc.stringify(details.counterexample)}`,
            );
          }
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const cpu = process.cpuUsage(cpuStarted);
          console.error(
            `  ${done} runs, ${failures} failures, ${seconds.toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s) after ${numRuns} runs of ${part.offices} offices, ${part.mode}`,
          );
        }
      } finally {
        h.close();
      }
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const c of counterexamples) console.log(c);
  const cpu = process.cpuUsage(cpuStarted);
  console.log(
    JSON.stringify({
      runs: done,
      failures,
      seconds: Number(seconds.toFixed(1)),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      seed,
      filesShare,
      maxSteps,
    }),
  );
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}

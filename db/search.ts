/**
 * Search everywhere: organizations (every name and alias), partnerships, milestones, meetings,
 * tasks and contacts, in any script.
 *
 * Text is normalized the same way when indexed and when asked for (`normalizeForSearch`: NFKC,
 * so full-width ＡＢＣ is ABC, then lower case). Queries of 3 or more characters use the FTS5
 * trigram index (`search_fts`); 1- and 2-character queries (汕头, 深圳) use `search_grams`, which
 * lists every one- and two-character piece of each doc: both return exactly the docs a substring
 * scan would, without scanning.
 *
 * The index is derived data, kept by the core: every stamped write (local or merged) calls
 * `indexRecord`, and a database whose `search_index_version` differs from this build's is
 * re-indexed when opened (`ensureSearchIndex`). Opening a file does not check the index's tables: the core checks
 * them after the start, off the thread that answers, and rebuilds a damaged index (`repairSearchIndex`,
 * db/search-check.ts).
 */
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind } from '../common/search';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Core } from './core';
import type { RecordEntity } from './schema';
import { quickCheckTables } from './sqlite';

export { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind };

/** Bump when the indexed fields, the normalization or the tokens change: databases are re-indexed on open. */
export const SEARCH_INDEX_VERSION = '3';
const META_VERSION = 'search_index_version';
const SEPARATOR = '\n';

interface KindSource {
  entity: RecordEntity;
  table: string;
  /** Number of the kind: its docs are (number << 40) + n. */
  number: number;
  /** Columns searched, in the order a snippet prefers them. */
  fields: readonly string[];
  /** How many of `fields` are the record's title or names: a match there ranks first. */
  primary: number;
  /** Columns holding JSON arrays of further names. */
  listFields?: readonly string[];
  /** SELECT of the title and context shown for a hit (`?` = the record id). */
  display: string;
  /** Further columns the list filter's index needs (see LIST_FILTERS). */
  extra?: readonly string[];
}

const SOURCES: Record<SearchKind, KindSource> = {
  organization: {
    entity: 'organizations',
    table: 'organizations',
    number: 1,
    fields: ['display_name', 'name_zh', 'name_en', 'name_local', 'aliases', 'region', 'notes'],
    primary: 5,
    listFields: ['aliases'],
    display: 'SELECT display_name AS title, country AS context FROM organizations WHERE id = ?',
  },
  partnership: {
    entity: 'partnerships',
    table: 'partnerships',
    number: 2,
    fields: ['title', 'title_zh', 'title_en', 'summary', 'rationale', 'owner'],
    primary: 3,
    display: 'SELECT coalesce(title_zh, title) AS title, title_en AS context FROM partnerships WHERE id = ?',
  },
  milestone: {
    entity: 'milestones',
    table: 'milestones',
    number: 3,
    fields: ['title', 'notes', 'source'],
    primary: 1,
    display: `SELECT m.title, m.date || ' · ' || coalesce(p.title_zh, p.title) AS context, m.partnership_id AS partnershipId
                FROM milestones m JOIN partnerships p ON p.id = m.partnership_id WHERE m.id = ?`,
  },
  meeting: {
    entity: 'meetings',
    table: 'meetings',
    number: 4,
    fields: ['title', 'location', 'agenda', 'summary', 'outcomes', 'gifts', 'notes'],
    primary: 1,
    display: 'SELECT title, date AS context FROM meetings WHERE id = ?',
  },
  task: {
    entity: 'tasks',
    table: 'tasks',
    number: 5,
    fields: ['title', 'details', 'assignee'],
    primary: 1,
    extra: ['status'],
    display: `SELECT t.title, coalesce(p.title_zh, p.title) AS context, t.partnership_id AS partnershipId
                FROM tasks t LEFT JOIN partnerships p ON p.id = t.partnership_id WHERE t.id = ?`,
  },
  contact: {
    entity: 'contacts',
    table: 'contacts',
    number: 6,
    fields: ['name', 'title', 'email', 'phone', 'notes'],
    primary: 1,
    display: `SELECT c.name AS title, coalesce(o.display_name, c.title) AS context
                FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?`,
  },
};

/** The FTS5 tables of the index; each keeps its data in shadow tables named after it (`search_fts_data`, ...). */
const FTS_TABLES = [
  'search_fts',
  'search_grams',
  'search_fts_meeting_titles',
  'search_grams_meeting_titles',
  'search_fts_task_texts',
  'search_grams_task_texts',
] as const;

/**
 * The list filters' index (migration 0019): the meeting log's and the task list's search boxes find what
 * `column LIKE '%word%'` finds, which folds ASCII letters and nothing else (unlike this search's NFKC folding).
 * Each kind's searched columns are indexed in that form (`likeForm`), one value a line, in a trigram table and a
 * table of one- and two-code-point pieces like search_fts and search_grams, the rowid being the record's doc. A list
 * reads which live records match, and how many, from them (`listMatches`) instead of reading every row.
 */
const LIST_FILTERS = {
  meeting: { fts: 'search_fts_meeting_titles', grams: 'search_grams_meeting_titles', fields: ['title'], open: undefined },
  task: {
    fts: 'search_fts_task_texts',
    grams: 'search_grams_task_texts',
    fields: ['title', 'details'],
    /** Open tasks (the task list's default) carry a marker, so their matches are counted apart. */
    open: (row: Row) => row.status === 'open' || row.status === 'in_progress',
  },
} as const;
type ListKind = keyof typeof LIST_FILTERS;
const LIST_KINDS = Object.keys(LIST_FILTERS) as ListKind[];

/** The marker of an open task: a line of U+0001, which `likeForm` takes out of the text (and a query holding it is never asked). */
const OPEN_LINE = '\u0001\u0001\u0001';
const OPEN_TOKEN = 'open';

/**
 * A value as SQLite's LIKE sees it: up to its first NUL, ASCII letters in lower case; U+0001 (the open marker)
 * becomes U+0002, which no query asked of the index holds either.
 */
function likeForm(text: string): string {
  const nul = text.indexOf('\0');
  return (nul < 0 ? text : text.slice(0, nul)).replace(/[A-Z]/g, (c) => c.toLowerCase()).replaceAll(OPEN_LINE[0]!, '\u0002');
}

/** The columns the index reads from a record's row. */
function columnsOf(source: KindSource): string {
  return [...source.fields, ...(source.extra ?? [])].map((f) => `"${f}"`).join(', ');
}

const KIND_BY_ENTITY = new Map<RecordEntity, SearchKind>(SEARCH_KINDS.map((kind) => [SOURCES[kind].entity, kind]));
const RANGE = 2 ** 40;
const docRange = (kind: SearchKind) => ({ lo: SOURCES[kind].number * RANGE, hi: (SOURCES[kind].number + 1) * RANGE - 1 });

// ---------------------------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------------------------

const foldCache = new Map<string, string>();

/** One code point, folded: NFKC (full-width to half-width, compatibility forms) then lower case. */
function foldCodePoint(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFKC').toLowerCase();
    if (foldCache.size < 100_000) foldCache.set(ch, folded);
  }
  return folded;
}

const ASCII = /^[ -~\n]*$/;
/**
 * Control characters (tabs, line breaks, ...) become spaces in a query, which therefore never
 * holds the line break that separates values in the index: no match spans two values.
 */
const CONTROL = /\p{Cc}+/gu;

/** The form both the index and a query are compared in. */
export function normalizeForSearch(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

/**
 * Where a match in the normalized text lies in the original: the original index of each normalized
 * unit, folding code point by code point (the same as the whole text's folding except around
 * combining marks, where a snippet then falls back to the title).
 */
function normalizedWithMap(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = foldCodePoint(ch);
    normalized += folded;
    for (let i = 0; i < folded.length; i++) origin.push(at);
    at += ch.length;
  }
  origin.push(at);
  return { normalized, origin };
}

function cleanQuery(query: string): string {
  return normalizeForSearch(query.replace(CONTROL, ' ').trim());
}

// ---------------------------------------------------------------------------------------------
// Indexing
// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

function fieldValues(source: KindSource, row: Row): { field: string; text: string }[] {
  const values: { field: string; text: string }[] = [];
  for (const field of source.fields) {
    const value = row[field];
    if (typeof value !== 'string' || value === '') continue;
    if (source.listFields?.includes(field)) {
      let list: unknown;
      try {
        list = JSON.parse(value);
      } catch {
        list = [value];
      }
      for (const item of Array.isArray(list) ? list : [list]) if (typeof item === 'string' && item) values.push({ field, text: item });
    } else values.push({ field, text: value });
  }
  return values;
}

/** The indexed body of a record: its values, normalized, one per line. */
function bodyOf(source: KindSource, row: Row): string {
  return fieldValues(source, row)
    .map((v) => normalizeForSearch(v.text))
    .join(SEPARATOR);
}

/** A code point as 4 base-36 digits (the ascii tokenizer keeps letters and digits together, and folds case). */
const codeCache: string[] = [];
function code(codePoint: number): string {
  let spelled = codeCache[codePoint];
  if (spelled === undefined) {
    spelled = codePoint.toString(36).padStart(4, '0');
    if (codePoint < 0x10000) codeCache[codePoint] = spelled;
  }
  return spelled;
}

/**
 * The token of a one- or two-code-point piece in the docs of one kind: the kind's number, then the piece. Each kind's
 * docs of a piece are thus a list of their own, read from its start: FTS5 reaches a rowid range in the middle of a
 * long list by walking the list up to it (a common piece's tasks and contacts took 9 and 12 ms to reach at L).
 */
function gramToken(kind: number, piece: string): string {
  let token = String(kind);
  for (const ch of piece) token += code(ch.codePointAt(0)!);
  return token;
}

/** Every distinct piece of one and two code points of the body's lines, as tokens of the kind (never across lines). */
function gramsOf(kind: number, body: string): string {
  const tokens = new Set<string>();
  const prefix = String(kind);
  let previous = '';
  for (let i = 0; i < body.length;) {
    const codePoint = body.codePointAt(i)!;
    i += codePoint > 0xffff ? 2 : 1;
    if (codePoint === 10) {
      previous = '';
      continue;
    }
    const token = code(codePoint);
    tokens.add(prefix + token);
    if (previous) tokens.add(prefix + previous + token);
    previous = token;
  }
  return [...tokens].join(' ');
}

interface IndexStatements {
  docOf: Database.Statement;
  newestDoc: Database.Statement;
  addDoc: Database.Statement;
  dropDoc: Database.Statement;
  addText: Database.Statement;
  dropText: Database.Statement;
  addGrams: Database.Statement;
  dropGrams: Database.Statement;
  rows: Map<SearchKind, Database.Statement>;
  lists: Map<SearchKind, { addText: Database.Statement; dropText: Database.Statement; addGrams: Database.Statement; dropGrams: Database.Statement }>;
}

const statementCache = new WeakMap<Database.Database, IndexStatements>();

function statements(sqlite: Database.Database): IndexStatements {
  let s = statementCache.get(sqlite);
  if (!s) {
    s = {
      docOf: sqlite.prepare('SELECT doc FROM search_docs WHERE record_id = ?'),
      newestDoc: sqlite.prepare('SELECT min(doc) AS doc FROM search_docs WHERE doc BETWEEN ? AND ?'),
      addDoc: sqlite.prepare('INSERT INTO search_docs (doc, kind, record_id) VALUES (?, ?, ?)'),
      dropDoc: sqlite.prepare('DELETE FROM search_docs WHERE doc = ?'),
      addText: sqlite.prepare('INSERT INTO search_fts (rowid, body) VALUES (?, ?)'),
      dropText: sqlite.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      addGrams: sqlite.prepare('INSERT INTO search_grams (rowid, grams) VALUES (?, ?)'),
      dropGrams: sqlite.prepare('DELETE FROM search_grams WHERE rowid = ?'),
      rows: new Map(
        SEARCH_KINDS.map((kind) => {
          const source = SOURCES[kind];
          return [kind, sqlite.prepare(`SELECT deleted_at, ${columnsOf(source)} FROM "${source.table}" WHERE id = ?`)];
        }),
      ),
      lists: new Map(
        LIST_KINDS.map((kind) => {
          const { fts, grams } = LIST_FILTERS[kind];
          return [
            kind,
            {
              addText: sqlite.prepare(`INSERT INTO ${fts} (rowid, body) VALUES (?, ?)`),
              dropText: sqlite.prepare(`DELETE FROM ${fts} WHERE rowid = ?`),
              addGrams: sqlite.prepare(`INSERT INTO ${grams} (rowid, grams) VALUES (?, ?)`),
              dropGrams: sqlite.prepare(`DELETE FROM ${grams} WHERE rowid = ?`),
            },
          ];
        }),
      ),
    };
    statementCache.set(sqlite, s);
  }
  return s;
}

/** Records written between search-index updates in a bulk write: bounds memory, and few large FTS5 writes. */
const INDEX_BATCH = 20_000;

/** The records a bulk write (withIndexBatched) has written and not yet indexed, per connection. */
const pendingIndex = new WeakMap<Database.Database, { entity: RecordEntity; id: string }[]>();

/**
 * Bring one record's entry up to date (written, changed, deleted or restored). No-op for kinds not searched.
 * Inside withIndexBatched it is noted, and indexed with others.
 */
export function indexRecord(sqlite: Database.Database, entity: RecordEntity, id: string): void {
  const pending = pendingIndex.get(sqlite);
  if (!pending) return indexRecords(sqlite, [{ entity, id }]);
  pending.push({ entity, id });
  if (pending.length >= INDEX_BATCH) flushPendingIndex(sqlite, pending);
}

function flushPendingIndex(sqlite: Database.Database, pending: { entity: RecordEntity; id: string }[]): void {
  // Written oldest first: reversed, the newest get the lowest docs, as search lists newest first.
  indexRecords(sqlite, pending.splice(0).reverse());
}

/**
 * Run `write` (inside the caller's transaction) as one bulk write for the search index: the records it writes are
 * indexed INDEX_BATCH at a time, with FTS5's segment merging paused till the end (a merge, a spreadsheet import).
 * One at a time, each new record's doc is lower than the last one's, and FTS5 writes out a segment for each.
 */
export function withIndexBatched<T>(sqlite: Database.Database, write: () => T): T {
  if (pendingIndex.has(sqlite)) return write();
  const pending: { entity: RecordEntity; id: string }[] = [];
  pendingIndex.set(sqlite, pending);
  try {
    const merging = pauseIndexMerging(sqlite);
    const result = write();
    flushPendingIndex(sqlite, pending);
    merging.resume();
    return result;
  } finally {
    pendingIndex.delete(sqlite);
  }
}

/**
 * Bring many records' entries up to date at once (a merge). FTS5 keeps what it is given in
 * memory only while rowids ascend; a smaller rowid makes it write out what it holds. So every
 * entry is first given its doc (new ones a block below the newest, in the order given), then
 * all are written in ascending doc order.
 */
export function indexRecords(sqlite: Database.Database, records: readonly { entity: RecordEntity; id: string }[]): void {
  const s = statements(sqlite);
  const work: { doc: number; kind: SearchKind; id: string; existing: boolean; row: Row | undefined }[] = [];
  const fresh = new Map<SearchKind, { id: string; row: Row }[]>();
  const seen = new Set<string>();
  for (const { entity, id } of records) {
    const kind = KIND_BY_ENTITY.get(entity);
    if (!kind || seen.has(id)) continue;
    seen.add(id);
    const row = s.rows.get(kind)!.get(id) as Row | undefined;
    const live = !!row && !row.deleted_at;
    const existing = (s.docOf.get(id) as { doc: number } | undefined)?.doc;
    if (existing !== undefined) work.push({ doc: existing, kind, id, existing: true, row: live ? row : undefined });
    else if (live) fresh.set(kind, [...(fresh.get(kind) ?? []), { id, row: row! }]);
  }
  for (const [kind, rows] of fresh) {
    const { lo, hi } = docRange(kind);
    const newest = (s.newestDoc.get(lo, hi) as { doc: number | null }).doc ?? hi + 1;
    // the last given is the newest: it gets the lowest doc
    rows.forEach(({ id, row }, i) => work.push({ doc: newest - rows.length + i, kind, id, existing: false, row }));
  }
  work.sort((a, b) => a.doc - b.doc);
  for (const item of work) {
    if (item.existing) {
      s.dropText.run(item.doc);
      s.dropGrams.run(item.doc);
      const list = s.lists.get(item.kind);
      list?.dropText.run(item.doc);
      list?.dropGrams.run(item.doc);
      if (!item.row) s.dropDoc.run(item.doc);
    } else s.addDoc.run(item.doc, item.kind, item.id);
    if (item.row) writeBody(s, item.doc, item.kind, item.row);
  }
}

function writeBody(s: IndexStatements, doc: number, kind: SearchKind, row: Row): void {
  const source = SOURCES[kind];
  const body = bodyOf(source, row);
  s.addText.run(doc, body);
  s.addGrams.run(doc, gramsOf(source.number, body));
  const list = s.lists.get(kind);
  if (!list) return;
  const filter = LIST_FILTERS[kind as ListKind];
  const text = filter.fields.flatMap((field) => (typeof row[field] === 'string' ? [likeForm(row[field])] : [])).filter((value) => value !== '');
  const open = filter.open?.(row) ?? false;
  list.addText.run(doc, [...text, ...(open ? [OPEN_LINE] : [])].join(SEPARATOR));
  list.addGrams.run(doc, [gramsOf(0, text.join(SEPARATOR)), ...(open ? [OPEN_TOKEN] : [])].join(' '));
}

function setMerging(sqlite: Database.Database, automerge: number, crisismerge: number): void {
  for (const table of FTS_TABLES) {
    // Written as literals: FTS5 refuses these settings bound as parameters (JS numbers bind as REAL).
    sqlite.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${Math.trunc(automerge)})`);
    sqlite.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('crisismerge', ${Math.trunc(crisismerge)})`);
  }
}

/**
 * For a bulk write (withIndexBatched), which indexes many records in one transaction: FTS5 merges no index segments while it
 * runs (merging them at commit rewrote much of the index: seconds at scale). `resume` writes out what
 * is pending and puts FTS5's defaults back, so later writes merge the new segments a little at a time.
 */
function pauseIndexMerging(sqlite: Database.Database): { resume(): void } {
  setMerging(sqlite, 0, 1000);
  return {
    resume: () => {
      // A savepoint makes FTS5 write out its pending data now, while merging is still off.
      sqlite.exec('SAVEPOINT search_flush; RELEASE search_flush');
      setMerging(sqlite, 4, 16);
    },
  };
}

/** Index every live searchable record from scratch. Runs inside the caller's transaction if any. */
export function rebuildSearchIndex(sqlite: Database.Database): number {
  const run = () => {
    sqlite.exec('DELETE FROM search_docs');
    for (const table of FTS_TABLES) sqlite.exec(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`);
    // Bulk load: no incremental merging of index segments while writing (one 'optimize' at the
    // end merges them all); FTS5's defaults (automerge 4, crisismerge 16) are put back after.
    setMerging(sqlite, 0, 1000);
    const s = statements(sqlite);
    let total = 0;
    for (const kind of SEARCH_KINDS) {
      const source = SOURCES[kind];
      const count = (sqlite.prepare(`SELECT count(*) AS n FROM "${source.table}" WHERE deleted_at IS NULL`).get() as { n: number }).n;
      // Newest first, docs ascending from the bottom of the block (see indexRecords on why ascending).
      let doc = docRange(kind).hi - count;
      // Paged by rowid: better-sqlite3 allows no write while a read iterates on the connection.
      const page = sqlite.prepare(
        `SELECT rowid AS r, id, ${columnsOf(source)} FROM "${source.table}"
          WHERE deleted_at IS NULL AND rowid < ? ORDER BY rowid DESC LIMIT 5000`,
      );
      let lastRowid = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const chunk = page.all(lastRowid) as Row[];
        if (chunk.length === 0) break;
        for (const row of chunk) {
          doc += 1;
          s.addDoc.run(doc, kind, row.id);
          writeBody(s, doc, kind, row);
        }
        total += chunk.length;
        lastRowid = chunk.at(-1)!.r as number;
      }
    }
    for (const table of FTS_TABLES) sqlite.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
    setMerging(sqlite, 4, 16);
    return total;
  };
  return sqlite.inTransaction ? run() : sqlite.transaction(run).immediate();
}

/** Re-index a database indexed by another version of the app (or never). Writable connections only. */
export function ensureSearchIndex(core: Core): void {
  if (core.sqlite.readonly || core.getMeta(META_VERSION) === SEARCH_INDEX_VERSION) return;
  core.sqlite
    .transaction(() => {
      rebuildSearchIndex(core.sqlite);
      core.setMeta(META_VERSION, SEARCH_INDEX_VERSION);
    })
    .immediate();
}

/** A table of the search index (derived data): `search_docs` and the FTS5 tables' shadow tables. */
export function isSearchIndexTable(name: string): boolean {
  return name === 'search_docs' || FTS_TABLES.some((table) => name.startsWith(`${table}_`));
}

/**
 * 'ok', or the first damage found in the search index (on one line): each of its tables checked page by page (quick_check), then
 * FTS5's own check of each index (its integrity-check, which reads the whole index: about 5 s at L). Read-only.
 */
export function checkSearchIndex(sqlite: Database.Database): string {
  return findSearchIndexDamage(sqlite).replace(/\s*\n\s*/g, ' ');
}

function findSearchIndexDamage(sqlite: Database.Database): string {
  try {
    const pages = quickCheckTables(sqlite, isSearchIndexTable);
    if (pages !== 'ok') return pages;
    for (const table of FTS_TABLES) {
      const result = sqlite.pragma(`quick_check("${table}")`, { simple: true });
      if (result !== 'ok') return String(result);
    }
    return 'ok';
  } catch (error) {
    // SQLite may stop at a damaged page with an error rather than a finding.
    return error instanceof Error ? error.message : String(error);
  }
}

export interface SearchIndexCheck {
  /** null when the index was sound; else what the check found, and the index was rebuilt from the records. */
  damage: string | null;
  /** Records indexed by the rebuild (0 when there was none). */
  rebuilt: number;
}

/**
 * Check the search index and, if it is damaged, rebuild it from the records: a damaged index gives wrong hits
 * silently. The records themselves are checked when the file is opened (db/open.ts).
 */
export function repairSearchIndex(core: Core): SearchIndexCheck {
  const damage = checkSearchIndex(core.sqlite);
  if (damage === 'ok') return { damage: null, rebuilt: 0 };
  let rebuilt = 0;
  core.sqlite
    .transaction(() => {
      rebuilt = rebuildSearchIndex(core.sqlite);
      core.setMeta(META_VERSION, SEARCH_INDEX_VERSION);
    })
    .immediate();
  return { damage, rebuilt };
}

// ---------------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------------

export const searchInput = z.strictObject({
  query: z.string().max(200),
  /** Only these kinds (the results page's filter); all by default. */
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).optional(),
  /** Hits per kind. */
  limit: z.number().int().min(1).max(5000).optional(),
  /** Paging within one kind: hits older than this doc (from `next` of a group). */
  before: z.number().int().positive().optional(),
});

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Country of an organization, date of a meeting, partnership of a task or milestone, organization of a contact. */
  context: string | null;
  /** The partnership a milestone or task belongs to (where it opens). */
  partnershipId: string | null;
  /** The column the match is in (aliases, summary, ...). */
  field: string;
  /** The matching value around the match, the match marked. */
  snippet: SnippetPart[];
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** Pass as `before` for the next hits of this kind; null when there are no more. */
  next: number | null;
}

export interface SearchResult {
  query: string;
  groups: SearchGroup[];
}

const SNIPPET_BEFORE = 30;
const SNIPPET_AFTER = 60;

function snippetOf(text: string, needle: string): SnippetPart[] | null {
  const { normalized, origin } = normalizedWithMap(text);
  const at = normalized.indexOf(needle);
  if (at < 0) return null;
  const start = origin[at]!;
  const end = origin[at + needle.length] ?? text.length;
  const from = Math.max(0, start - SNIPPET_BEFORE);
  const to = Math.min(text.length, end + SNIPPET_AFTER);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const parts: SnippetPart[] = [];
  const before = (from > 0 ? '…' : '') + flat(text.slice(from, start));
  if (before) parts.push({ text: before, match: false });
  parts.push({ text: flat(text.slice(start, end)), match: true });
  const after = flat(text.slice(end, to)) + (to < text.length ? '…' : '');
  if (after) parts.push({ text: after, match: false });
  return parts;
}

/** Search every kind (or the asked ones): per kind the newest matches first, up to `limit`. */
export function search(core: Core, input: z.output<typeof searchInput>): SearchResult {
  const needle = cleanQuery(input.query);
  const limit = input.limit ?? 8;
  const kinds = input.kinds ?? SEARCH_KINDS;
  if (needle === '') return { query: input.query, groups: [] };
  const sqlite = core.sqlite;
  const trigram = [...needle].length >= 3;
  // Both indexes answer "which docs hold this substring", one kind's range at a time, in ascending
  // rowid order, which FTS5 reads lazily: newest first, since docs count down (see schema.ts).
  const find = trigram
    ? sqlite.prepare('SELECT rowid AS doc FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?')
    : sqlite.prepare('SELECT rowid AS doc FROM search_grams WHERE search_grams MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?');
  const phrase = `"${needle.replace(/"/g, '""')}"`;
  const recordOf = sqlite.prepare('SELECT record_id FROM search_docs WHERE doc = ?').pluck();
  const groups: SearchGroup[] = [];
  for (const kind of kinds) {
    const source = SOURCES[kind];
    const { lo, hi } = docRange(kind);
    const bottom = input.before !== undefined ? Math.max(lo, input.before + 1) : lo;
    const docs = (find.all(trigram ? phrase : gramToken(source.number, needle), bottom, hi, limit + 1) as { doc: number }[]).map((r) => r.doc);
    if (docs.length === 0) continue;
    const more = docs.length > limit;
    const shown = docs.slice(0, limit);
    const rows = statements(sqlite).rows.get(kind)!;
    const display = sqlite.prepare(source.display);
    const ranked: { rank: number; hit: SearchHit }[] = [];
    for (const doc of shown) {
      const id = recordOf.get(doc) as string;
      const row = rows.get(id) as Row;
      const shownAs = display.get(id) as { title: string; context: string | null; partnershipId?: string | null };
      let field = source.fields[0]!;
      let snippet: SnippetPart[] = [{ text: shownAs.title, match: false }];
      let exact = false;
      let matched = false;
      for (const value of fieldValues(source, row)) {
        const primary = source.fields.indexOf(value.field) < source.primary;
        if (primary && normalizeForSearch(value.text) === needle) exact = true;
        const found = matched ? null : snippetOf(value.text, needle);
        if (found) {
          field = value.field;
          snippet = found;
          matched = true;
        }
      }
      const rank = exact ? 0 : source.fields.indexOf(field) < source.primary ? 1 : 2;
      // A match in a name or title that the shown title holds too is marked in the shown title.
      const inTitle = rank < 2 ? snippetOf(shownAs.title, needle) : null;
      if (inTitle) snippet = inTitle;
      ranked.push({
        rank,
        hit: { kind, id, title: shownAs.title, context: shownAs.context ?? null, partnershipId: shownAs.partnershipId ?? null, field, snippet },
      });
    }
    // A record named exactly so first, then a match in a title or name, then the rest; newest first within each.
    const hits = ranked.sort((a, b) => a.rank - b.rank).map((r) => r.hit);
    groups.push({ kind, hits, next: more ? shown.at(-1)! : null });
  }
  return { query: input.query, groups };
}

// ---------------------------------------------------------------------------------------------
// The lists' search boxes
// ---------------------------------------------------------------------------------------------

/** Control characters (line breaks: the index's separator, NUL: where LIKE stops reading) and lone surrogates are left to LIKE. */
const UNINDEXED = /\p{Cc}|[\uD800-\uDFFF]/u;

/** What the list filter's index is asked for a query: the FTS5 query of its trigram or its pieces table; undefined when it cannot tell. */
function listQuery(kind: ListKind, query: string, openOnly: boolean): { table: string; match: string } | undefined {
  if (query === '' || UNINDEXED.test(query)) return undefined;
  const needle = likeForm(query);
  const filter = LIST_FILTERS[kind];
  if ([...needle].length >= 3) {
    const phrase = `"${needle.replace(/"/g, '""')}"`;
    return { table: filter.fts, match: openOnly ? `${phrase} AND "${OPEN_LINE}"` : phrase };
  }
  const token = gramToken(0, needle);
  return { table: filter.grams, match: openOnly ? `${token} AND ${OPEN_TOKEN}` : token };
}

/**
 * A list searched reads at most this many matches by id and sorts them; with more, it reads its rows in its order
 * (the matches are then many enough that a page fills soon), the index giving the count alone.
 */
export const SEARCH_BY_ID_UP_TO = 500;

export interface ListMatches {
  /** How many live records match. */
  count: number;
  /** Their ids (any order). */
  ids(): string[];
}

/**
 * The live meetings whose title, or the live tasks whose title or details, hold `query` as `LIKE '%query%'` finds
 * it (ASCII letters folded), read from the list filter's index: exactly those records. Tasks: `openOnly`, the open
 * and in-progress ones alone. Undefined where the index cannot tell (a query with a control character, or an index
 * not yet built by this version on a read-only file): the caller then asks the rows.
 */
export function listMatches(core: Core, kind: ListKind, query: string, openOnly = false): ListMatches | undefined {
  const asked = listQuery(kind, query, openOnly);
  if (!asked || core.getMeta(META_VERSION) !== SEARCH_INDEX_VERSION) return undefined;
  const sqlite = core.sqlite;
  const count = sqlite.prepare(`SELECT count(*) FROM ${asked.table} WHERE ${asked.table} MATCH ?`).pluck().get(asked.match) as number;
  return {
    count,
    ids: () =>
      sqlite
        .prepare(`SELECT d.record_id FROM ${asked.table} f JOIN search_docs d ON d.doc = f.rowid WHERE ${asked.table} MATCH ?`)
        .pluck()
        .all(asked.match) as string[],
  };
}

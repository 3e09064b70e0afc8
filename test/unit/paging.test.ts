/**
 * The long lists page through the contract (issue 7): every page at most 500 rows, pages that
 * join up to the whole list in the same order, each row once, and a total that counts the
 * filtered rows, not the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry, type OperationInput } from '../../db/api';
import { openCore, type Core } from '../../db/core';
import { allContacts } from '../../db/contacts';
import { GENERATED_TODAY } from '../../db/generate';
import { listAllPartnerships, PARTNERSHIP_SORTS } from '../../db/partnerships';
import { allTasks } from '../../db/tasks';
import { generateInChild, localClient } from '../helpers';

let dir: string;
let core: Core;
let api: ReturnType<typeof localClient>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pt-paging-'));
  await generateInChild(path.join(dir, 'paging.db'), 3);
  core = await openCore(path.join(dir, 'paging.db'));
  api = localClient(core);
});

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function allPartnershipPages(input: OperationInput<'partnerships.list'>, limit: number) {
  const ids: string[] = [];
  let offset: number | null = 0;
  let total = -1;
  while (offset !== null) {
    const page: Awaited<ReturnType<(typeof api)['partnerships.list']>> = await api['partnerships.list']({ ...input, limit, offset });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    ids.push(...page.rows.map((p) => p.id));
    offset = page.next;
  }
  return { ids, total };
}

describe('partnerships.list pages', () => {
  it('has 100 rows by default, with the total and the next offset', async () => {
    const live = (core.sqlite.prepare('SELECT count(*) AS n FROM partnerships WHERE deleted_at IS NULL').get() as { n: number }).n;
    expect(live).toBeGreaterThan(30);
    const first = await api['partnerships.list']();
    expect(first.total).toBe(live);
    expect(first.rows).toHaveLength(Math.min(100, live));
    expect(first.next).toBe(live > 100 ? 100 : null);
    const small = await api['partnerships.list']({ limit: 10 });
    expect(small.rows.map((p) => p.id)).toEqual(first.rows.slice(0, 10).map((p) => p.id));
    expect(small.next).toBe(10);
    const past = await api['partnerships.list']({ offset: live + 5 });
    expect(past).toEqual({ rows: [], total: live, next: null });
  });

  it.each(PARTNERSHIP_SORTS)('sorted by %s: the pages join up to the unpaged list, each row once', async (sort) => {
    const whole = listAllPartnerships(core, { sort }).map((p) => p.id);
    const { ids, total } = await allPartnershipPages({ sort }, 7);
    expect(ids).toEqual(whole);
    expect(new Set(ids).size).toBe(ids.length);
    expect(total).toBe(whole.length);
  });

  it('counts the filtered rows: status, country, topic, query, owner', async () => {
    const status = await allPartnershipPages({ status: 'active' }, 9);
    expect(status.total).toBe(
      (core.sqlite.prepare(`SELECT count(*) AS n FROM partnerships WHERE deleted_at IS NULL AND status = 'active'`).get() as { n: number }).n,
    );
    expect(status.ids).toEqual(listAllPartnerships(core, { status: 'active' }).map((p) => p.id));
    const country = (
      core.sqlite.prepare('SELECT country FROM organizations WHERE country IS NOT NULL ORDER BY country DESC LIMIT 1').get() as { country: string }
    ).country;
    for (const input of [{ country }, { topic: 'port' as const }, { query: 'a' }, { status: 'dormant' as const, sort: 'title' as const }]) {
      const paged = await allPartnershipPages(input, 5);
      const whole = listAllPartnerships(core, input).map((p) => p.id);
      expect(paged.ids).toEqual(whole);
      expect(paged.total).toBe(whole.length);
    }
  });

  it('computes parties and their count for the page rows as for a single partnership', async () => {
    const page = await api['partnerships.list']({ limit: 20, offset: 10 });
    for (const row of page.rows) {
      const one = await api['partnerships.get']({ id: row.id });
      expect(row.partyCount).toBe(one.parties.length);
      expect(row.parties).toEqual(one.parties.slice(0, 4));
    }
  });
});

/** Every page of a list read with `limit` rows a page: each page's total the same, no page longer than asked. */
async function everyPage<T extends { id: string }>(
  load: (page: { limit: number; offset: number }) => Promise<{ rows: T[]; total: number; next: number | null }>,
  limit: number,
) {
  const rows: T[] = [];
  let offset: number | null = 0;
  let total = -1;
  while (offset !== null) {
    const page: { rows: T[]; total: number; next: number | null } = await load({ limit, offset });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    rows.push(...page.rows);
    offset = page.next;
  }
  return { rows, ids: rows.map((r) => r.id), total };
}

/** SQLite's order of text (BINARY: the UTF-8 bytes), for checking an order without SQLite. */
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('tasks.list pages', () => {
  const count = (where: string) => (core.sqlite.prepare(`SELECT count(*) AS n FROM tasks WHERE deleted_at IS NULL AND ${where}`).get() as { n: number }).n;

  beforeAll(async () => {
    // Ties the order alone cannot break: the same title on the same day, and with no due date.
    for (let n = 0; n < 5; n++) await api['tasks.create']({ title: '回访布尔加斯', dueOn: '2025-07-02' });
    for (let n = 0; n < 4; n++) await api['tasks.create']({ title: '寄送礼品' });
    await api['settings.update']({ userName: '李明' });
  });

  it('has 100 open tasks by default, with the total and the next offset; a page past the end is empty', async () => {
    const open = count("status IN ('open', 'in_progress')");
    expect(open).toBeGreaterThan(100);
    const first = await api['tasks.list']();
    expect(first.total).toBe(open);
    expect(first.rows).toHaveLength(100);
    expect(first.next).toBe(100);
    const small = await api['tasks.list']({ limit: 10 });
    expect(small.rows.map((t) => t.id)).toEqual(first.rows.slice(0, 10).map((t) => t.id));
    expect(small.next).toBe(10);
    expect(await api['tasks.list']({ offset: open })).toEqual({ rows: [], total: open, next: null });
  });

  it('pages through every task once, soonest due first, no due date last, ties by title and id', async () => {
    const { rows, ids, total } = await everyPage((page) => api['tasks.list']({ includeClosed: true, ...page }), 97);
    expect(total).toBe(count('1'));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const key = (t: (typeof rows)[number]) => [t.dueOn === null ? '1' : '0', t.dueOn ?? '', t.title, t.id];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      const order = a.map((part, k) => bytes(part, b[k]!)).find((c) => c !== 0) ?? 0;
      expect(order, `${a.join(' ')} before ${b.join(' ')}`).toBeLessThan(0);
    }
    expect(rows.filter((t) => t.title === '回访布尔加斯' && t.dueOn === '2025-07-02')).toHaveLength(5);
    const undated = rows.findIndex((t) => t.dueOn === null);
    expect(rows.slice(undated).every((t) => t.dueOn === null)).toBe(true);
    expect(rows.slice(undated).filter((t) => t.title === '寄送礼品')).toHaveLength(4);
  });

  it.each([
    ['mine', { view: 'mine' as const, today: GENERATED_TODAY }],
    ['overdue', { view: 'overdue' as const, today: GENERATED_TODAY }],
    ['this week', { view: 'week' as const, today: GENERATED_TODAY }],
    ['one assignee, closed too', { assignee: '王芳', includeClosed: true }],
    ['a text', { query: '布尔加斯' }],
  ])('%s: the pages join up to the whole view, each task once, and the total counts the view', async (_name, input) => {
    const whole = allTasks(core, input).map((t) => t.id);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const paged = await everyPage((page) => api['tasks.list']({ ...input, ...page }), 5);
    expect(paged.ids).toEqual(whole);
    expect(paged.total).toBe(whole.length);
  });

  it("a partnership's tasks: the same as its open tasks counted in the database", async () => {
    const { id } = core.sqlite
      .prepare("SELECT partnership_id AS id FROM tasks WHERE deleted_at IS NULL AND status = 'open' GROUP BY partnership_id ORDER BY count(*) DESC LIMIT 1")
      .get() as { id: string };
    const paged = await everyPage((page) => api['tasks.list']({ partnershipId: id, ...page }), 2);
    expect(paged.total).toBe(count(`partnership_id = '${id}' AND status IN ('open', 'in_progress')`));
    expect(new Set(paged.ids).size).toBe(paged.total);
    expect(paged.rows.every((t) => t.partnershipId === id)).toBe(true);
  });
});

describe('contacts.list pages', () => {
  it('has 100 contacts by default; the pages join up to every live contact by name, each once', async () => {
    const live = (core.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL').get() as { n: number }).n;
    expect(live).toBeGreaterThan(100);
    const first = await api['contacts.list']();
    expect(first.rows).toHaveLength(100);
    expect(first).toMatchObject({ total: live, next: 100 });
    const { rows, ids, total } = await everyPage((page) => api['contacts.list'](page), 9);
    expect(total).toBe(live);
    expect(new Set(ids).size).toBe(live);
    expect(ids).toEqual(allContacts(core, {}).map((c) => c.id));
    for (let i = 1; i < rows.length; i++) expect(bytes(rows[i - 1]!.name, rows[i]!.name)).toBeLessThanOrEqual(0);
    expect(await api['contacts.list']({ offset: live })).toEqual({ rows: [], total: live, next: null });
  });

  it("counts what a search or an organization matches, the organization's name included", async () => {
    const contact = (await api['contacts.list']({ limit: 1, offset: 7 })).rows[0]!;
    expect(contact.organizationName).toBeTruthy();
    for (const input of [{ organizationId: contact.organizationId! }, { query: contact.organizationName!.slice(0, 2) }, { query: contact.name.slice(0, 1) }]) {
      const whole = allContacts(core, input).map((c) => c.id);
      const paged = await everyPage((page) => api['contacts.list']({ ...input, ...page }), 3);
      expect(paged.ids).toEqual(whole);
      expect(paged.total).toBe(whole.length);
      expect(paged.ids).toContain(contact.id);
    }
  });
});

describe('organizations.list pages', () => {
  it('joins up to the whole list, counts the filtered rows, and counts partnerships per row', async () => {
    const whole = await api['organizations.list']({ limit: 500 });
    expect(whole.next).toBeNull();
    expect(whole.total).toBe(whole.rows.length);
    const ids: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: Awaited<ReturnType<(typeof api)['organizations.list']>> = await api['organizations.list']({ limit: 3, offset });
      expect(page.total).toBe(whole.total);
      ids.push(...page.rows.map((o) => o.id));
      offset = page.next;
    }
    expect(ids).toEqual(whole.rows.map((o) => o.id));
    const count = core.sqlite.prepare(
      `SELECT count(*) AS n FROM partnership_parties pp JOIN partnerships p ON p.id = pp.partnership_id
        WHERE pp.organization_id = ? AND pp.deleted_at IS NULL AND p.deleted_at IS NULL`,
    );
    for (const o of whole.rows) expect(o.partnershipCount).toBe((count.get(o.id) as { n: number }).n);
    const name = whole.rows[0]!.displayName.slice(0, 2);
    const filtered = await api['organizations.list']({ query: name, limit: 1 });
    const expected = whole.rows.filter((o) =>
      [o.displayName, o.nameZh, o.nameEn, o.nameLocal, JSON.stringify(o.aliases)].some((v) => v?.toLowerCase().includes(name.toLowerCase())),
    );
    expect(filtered.total).toBe(expected.length);
    expect(filtered.rows.map((o) => o.id)).toEqual(expected.slice(0, 1).map((o) => o.id));
  });
});

describe('page sizes', () => {
  const registry = createRegistry();
  it.each([
    ['partnerships.list', { limit: 0 }, 'limit'],
    ['partnerships.list', { limit: 501 }, 'limit'],
    ['partnerships.list', { limit: 2.5 }, 'limit'],
    ['partnerships.list', { offset: -1 }, 'offset'],
    ['organizations.list', { limit: 0 }, 'limit'],
    ['organizations.list', { limit: 501 }, 'limit'],
    ['organizations.list', { offset: '10' }, 'offset'],
    ['tasks.list', { limit: 0 }, 'limit'],
    ['tasks.list', { view: 'overdue', limit: 501 }, 'limit'],
    ['tasks.list', { offset: -1 }, 'offset'],
    ['contacts.list', { limit: 0 }, 'limit'],
    ['contacts.list', { query: '李', limit: 1000 }, 'limit'],
    ['contacts.list', { offset: 0.5 }, 'offset'],
  ] as const)('%s refuses %j, saying so in Chinese and English', (name, input, field) => {
    const result = registry.call(core, name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields ?? []).toContain(field);
    expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.message.en).toMatch(/[a-z]/);
    expect(result.error.message.zh).not.toBe(result.error.message.en);
  });
  it('accepts 1 and 500', () => {
    for (const name of ['partnerships.list', 'organizations.list', 'tasks.list', 'contacts.list']) {
      for (const limit of [1, 500]) expect(registry.call(core, name, { limit }).ok).toBe(true);
    }
  });
});

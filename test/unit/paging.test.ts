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
import { generateDatabase } from '../../db/generate';
import { listAllPartnerships, PARTNERSHIP_SORTS } from '../../db/partnerships';
import { localClient } from '../helpers';

let dir: string;
let core: Core;
let api: ReturnType<typeof localClient>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pt-paging-'));
  core = await openCore(path.join(dir, 'paging.db'));
  generateDatabase(core, { scale: 'S', seed: 3 });
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
    expect(status.total).toBe((core.sqlite.prepare(`SELECT count(*) AS n FROM partnerships WHERE deleted_at IS NULL AND status = 'active'`).get() as { n: number }).n);
    expect(status.ids).toEqual(listAllPartnerships(core, { status: 'active' }).map((p) => p.id));
    const country = (core.sqlite.prepare('SELECT country FROM organizations WHERE country IS NOT NULL ORDER BY country DESC LIMIT 1').get() as { country: string }).country;
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
  ] as const)('%s refuses %j', (name, input, field) => {
    const result = registry.call(core, name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields ?? []).toContain(field);
  });
  it('accepts 1 and 500', () => {
    for (const name of ['partnerships.list', 'organizations.list']) {
      for (const limit of [1, 500]) expect(registry.call(core, name, { limit }).ok).toBe(true);
    }
  });
});

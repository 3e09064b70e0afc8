import { describe, expect, it } from 'vitest';
import { migratedFrom, planText } from './fill';

describe('migration 0011: the latest meeting of each partnership from an index (the quiet card)', () => {
  it('keeps every row, and the latest meeting of a partnership is read from partnership_facts_latest alone', async () => {
    const sqlite = await migratedFrom(11);
    const latest = `SELECT p.id, f.last_meeting FROM partnerships p LEFT JOIN partnership_facts f INDEXED BY partnership_facts_latest ON f.partnership_id = p.id
                     WHERE p.deleted_at IS NULL AND p.status IN ('active', 'negotiating')`;
    expect(planText(sqlite, latest)).toMatch(/SEARCH f USING COVERING INDEX partnership_facts_latest \(partnership_id=\?\) LEFT-JOIN/);
    // Migration 0007 filled the facts: each filled partnership met once, on 2024-04-30.
    const rows = sqlite.prepare(latest).all() as { last_meeting: string | null }[];
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.last_meeting))).toEqual(new Set(['2024-04-30']));
    sqlite.close();
  });
});

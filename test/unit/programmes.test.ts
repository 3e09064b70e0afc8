/**
 * The partnership form's two shortcuts, through the contract: a programme made on the spot ('programmes.create'),
 * and a new partnership's first milestone given with it ('partnerships.create' firstMilestone), in one transaction.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, tempCore } from '../helpers';

async function fixture() {
  const api = localClient(await tempCore({ now: () => new Date('2026-12-02T10:00:00Z') }));
  const shantou = await api['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
  const varna = await api['organizations.create']({ displayName: 'Varna', country: 'BG' });
  return { api, parties: [{ organizationId: shantou.id }, { organizationId: varna.id }] };
}

describe('programmes.create and a first milestone', () => {
  it('a programme named in either language is offered to partnerships and can be chosen at once', async () => {
    const { api, parties } = await fixture();
    const programme = await api['programmes.create']({ nameZh: '黑海港口城市合作计划', nameEn: '' });
    expect(programme).toMatchObject({ nameZh: '黑海港口城市合作计划', nameEn: null });
    expect((await api['partnerships.filterOptions']()).programmes.map((p) => p.id)).toContain(programme.id);
    const p = await api['partnerships.create']({ title: 'Shantou–Varna', kind: 'cooperation_mou', status: 'prospect', parties, programmeId: programme.id });
    expect(p.programmeNameZh).toBe('黑海港口城市合作计划');
  });

  it('a programme without a name is refused in both languages', async () => {
    const { api } = await fixture();
    const error = (await api['programmes.create']({ nameZh: ' ', nameEn: '' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fields).toEqual(['nameZh']);
    expect(error.localized.zh).toMatch(/未保存/);
    expect((await api['partnerships.filterOptions']()).programmes).toEqual([]);
  });

  it('a first milestone is saved with its partnership; a bad one saves neither', async () => {
    const { api, parties } = await fixture();
    const created = await api['partnerships.create']({
      title: 'Shantou–Varna',
      kind: 'cooperation_mou',
      status: 'active',
      parties,
      firstMilestone: { title: 'MoU signed in Varna', date: '2026-11', kind: 'mou', status: 'done' },
    });
    expect(created.milestones.map((m) => [m.title, m.date, m.datePrecision])).toEqual([['MoU signed in Varna', '2026-11', 'month']]);

    const refused = (await api['partnerships.create']({
      title: 'Shantou–Varna again',
      kind: 'cooperation_mou',
      status: 'active',
      parties,
      firstMilestone: { title: 'MoU', date: '2026-13', kind: 'mou', status: 'done' },
    }).catch((e: unknown) => e)) as ApiError;
    expect([...new Set(refused.fields)]).toEqual(['firstMilestone.date']);
    expect(refused.localized.en).toMatch(/^Invalid input: First milestone, Date: write the date as 2016, 2015-06 or 2017-05-31/);
    expect((await api['partnerships.list']({ query: 'again' })).total).toBe(0);
  });
});

/**
 * The contract of 'map.data' (the offline map): which cities and lines it returns for live
 * partnerships, what it leaves out (deleted records, organizations without coordinates), how a
 * partnership of three or more parties is drawn (a star from its first party), and that input
 * other than nothing or {} is refused in both languages.
 */
import { describe, expect, it } from 'vitest';
import { loadSampleData, sampleId } from '../../db/sample';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, tempCore } from '../helpers';

const NOW = new Date('2026-03-04T10:00:00Z');

async function located() {
  const core = await tempCore({ now: () => NOW });
  const api = localClient(core);
  const shantou = await api['organizations.create']({
    displayName: '汕头 / Shantou',
    nameZh: '汕头',
    nameEn: 'Shantou',
    country: 'CN',
    latitude: 23.35,
    longitude: 116.68,
  });
  const burgas = await api['organizations.create']({
    displayName: 'Burgas',
    nameZh: '布尔加斯',
    nameEn: 'Burgas',
    country: 'BG',
    latitude: 42.5,
    longitude: 27.47,
  });
  const seville = await api['organizations.create']({ displayName: 'Sevilla', country: 'ES', latitude: 37.39, longitude: -5.98 });
  const nowhere = await api['organizations.create']({ displayName: '某协会 / An association', country: 'CN' });
  const pair = (a: { id: string }, b: { id: string }) => [{ organizationId: a.id }, { organizationId: b.id }];
  const burgasLink = await api['partnerships.create']({
    title: 'Shantou–Burgas',
    titleZh: '汕头—布尔加斯',
    titleEn: 'Shantou–Burgas',
    kind: 'friendship_city',
    status: 'active',
    parties: pair(shantou, burgas),
  });
  const unlocatedLink = await api['partnerships.create']({
    title: 'Shantou–association',
    kind: 'cooperation_mou',
    status: 'prospect',
    parties: pair(shantou, nowhere),
  });
  return { core, api, shantou, burgas, seville, nowhere, burgasLink, unlocatedLink };
}

describe('map.data', () => {
  it('an empty database has no cities and no lines', async () => {
    const api = localClient(await tempCore());
    expect(await api['map.data']()).toEqual({ cities: [], links: [], unplaced: [], unplacedTotal: 0 });
    expect(await api['map.data']({})).toEqual({ cities: [], links: [], unplaced: [], unplacedTotal: 0 });
  });

  it('gives each located party once with its partnership count, and a line between the two parties of a partnership', async () => {
    const f = await located();
    const data = await f.api['map.data']();
    expect(data.links).toEqual([
      {
        partnershipId: f.burgasLink.id,
        title: 'Shantou–Burgas',
        titleZh: '汕头—布尔加斯',
        titleEn: 'Shantou–Burgas',
        status: 'active',
        fromId: f.shantou.id,
        toId: f.burgas.id,
        from: [116.68, 23.35],
        to: [27.47, 42.5],
      },
    ]);
    const byId = new Map(data.cities.map((c) => [c.id, c]));
    expect(byId.get(f.shantou.id)).toEqual({
      id: f.shantou.id,
      displayName: '汕头 / Shantou',
      nameZh: '汕头',
      nameEn: 'Shantou',
      country: 'CN',
      latitude: 23.35,
      longitude: 116.68,
      partnershipCount: 2,
    });
    expect(byId.get(f.burgas.id)?.partnershipCount).toBe(1);
    // Without coordinates: not a city, and its partnership draws no line.
    expect(byId.has(f.nowhere.id)).toBe(false);
    expect(data.links.map((l) => l.partnershipId)).not.toContain(f.unlocatedLink.id);
    // In no live partnership: not on the map, even with coordinates.
    expect(byId.has(f.seville.id)).toBe(false);
    expect(data.cities).toHaveLength(2);
    // The map names what it cannot place, and why: the party without coordinates.
    expect(data.unplaced).toEqual([
      {
        partnershipId: f.unlocatedLink.id,
        title: 'Shantou–association',
        titleZh: null,
        titleEn: null,
        drawn: false,
        missing: [{ id: f.nowhere.id, displayName: '某协会 / An association', nameZh: null, nameEn: null }],
      },
    ]);
  });

  it('a partnership drawn in part names its party without coordinates; giving it coordinates places it', async () => {
    const f = await located();
    const trio = await f.api['partnerships.create']({
      title: 'Trio',
      kind: 'pilot_programme',
      status: 'active',
      parties: [{ organizationId: f.shantou.id }, { organizationId: f.burgas.id }, { organizationId: f.nowhere.id }],
    });
    let data = await f.api['map.data']();
    expect(data.unplaced.map((u) => [u.partnershipId, u.drawn, u.missing.map((m) => m.id)])).toEqual([
      [f.unlocatedLink.id, false, [f.nowhere.id]],
      [trio.id, true, [f.nowhere.id]],
    ]);
    await f.api['organizations.update']({ id: f.nowhere.id, latitude: 23.4, longitude: 116.7 });
    data = await f.api['map.data']();
    expect(data.unplaced).toEqual([]);
    expect(data.links.map((l) => l.partnershipId)).toContain(f.unlocatedLink.id);
  });

  it('draws a partnership of three or more parties as a star from its first party', async () => {
    const f = await located();
    const trio = await f.api['partnerships.create']({
      title: 'Smart city pilots',
      kind: 'pilot_programme',
      status: 'negotiating',
      parties: [{ organizationId: f.seville.id }, { organizationId: f.shantou.id }, { organizationId: f.nowhere.id }, { organizationId: f.burgas.id }],
    });
    const links = (await f.api['map.data']()).links.filter((l) => l.partnershipId === trio.id);
    expect(links.map((l) => [l.fromId, l.toId])).toEqual([
      [f.seville.id, f.shantou.id],
      [f.seville.id, f.burgas.id],
    ]);
    expect(links.every((l) => l.status === 'negotiating' && l.title === 'Smart city pilots')).toBe(true);
  });

  it('a deleted partnership, a removed party and a deleted organization leave the map; restoring brings them back', async () => {
    const f = await located();
    await f.api['partnerships.delete']({ id: f.burgasLink.id });
    let data = await f.api['map.data']();
    expect(data.links).toEqual([]);
    expect(data.cities.map((c) => [c.id, c.partnershipCount])).toEqual([[f.shantou.id, 1]]);

    await f.api['partnerships.restore']({ id: f.burgasLink.id });
    expect((await f.api['map.data']()).links.map((l) => l.partnershipId)).toEqual([f.burgasLink.id]);

    // Burgas replaced by Sevilla: the line now ends in Sevilla.
    await f.api['partnerships.update']({ id: f.burgasLink.id, parties: [{ organizationId: f.shantou.id }, { organizationId: f.seville.id }] });
    data = await f.api['map.data']();
    expect(data.links.map((l) => [l.fromId, l.toId])).toEqual([[f.shantou.id, f.seville.id]]);
    expect(data.cities.map((c) => c.id)).not.toContain(f.burgas.id);

    await f.api['organizations.delete']({ id: f.seville.id });
    data = await f.api['map.data']();
    expect(data.links).toEqual([]);
    expect(data.cities.map((c) => c.id)).toEqual([f.shantou.id]);
  });

  it('coordinates set later put an organization on the map', async () => {
    const f = await located();
    await f.api['organizations.update']({ id: f.nowhere.id, latitude: 22.54, longitude: 114.06 });
    const data = await f.api['map.data']();
    const line = data.links.find((l) => l.partnershipId === f.unlocatedLink.id);
    expect(line?.to).toEqual([114.06, 22.54]);
    expect(line?.status).toBe('prospect');
  });

  it('the sample data: every partnership is on the map, the 30 pilot cities as 29 lines from the first', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const data = await localClient(core)['map.data']();
    const partnerships = (core.sqlite.prepare('SELECT count(*) AS n FROM partnerships WHERE deleted_at IS NULL').get() as { n: number }).n;
    expect(new Set(data.links.map((l) => l.partnershipId)).size).toBe(partnerships);
    const pilots = data.links.filter((l) => l.partnershipId === sampleId('partnerships:eu-china-smart-city-pilots'));
    expect(pilots).toHaveLength(29);
    expect(new Set(pilots.map((l) => l.fromId)).size).toBe(1);
    const burgas = data.links.filter((l) => l.partnershipId === sampleId('partnerships:shantou-burgas'));
    expect(burgas.map((l) => l.to)).toEqual([[27.47, 42.5]]);
  });

  for (const [what, input, field] of [
    ['an unknown key', { x: 1 }, 'x'],
    ['a filter it does not have', { status: 'active' }, 'status'],
    ['a string', 'all', ''],
  ] as const) {
    it(`refuses ${what}, in both languages`, async () => {
      const api = localClient(await tempCore()) as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
      const error: unknown = await api['map.data']!(input).then(
        (value) => ({ value }),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      const apiError = error as ApiError;
      expect(apiError.code).toBe('invalid_input');
      expect(apiError.fields).toContain(field);
      expect(apiError.localized.zh).toMatch(/\p{Script=Han}/u);
      expect(apiError.localized.en).toMatch(/^Invalid input/);
    });
  }
});

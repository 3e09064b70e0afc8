/**
 * The contract of 'map.data' (the offline map): which cities and partnerships it returns for live
 * partnerships, what it leaves out (deleted records, organizations without coordinates), how a
 * partnership of three or more parties is drawn (a star from its first party), that its counts are
 * right after edits and after a merge, and that input other than nothing or {} is refused in both
 * languages; and of 'map.titles', the titles of what a line or a place shows.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { MapData } from '../../db/map';
import { loadSampleData, sampleId } from '../../db/sample';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, tempCore, tempDir } from '../helpers';

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

/** Each drawn partnership as its id and its places' organization ids, hub first. */
const lines = (data: MapData) => data.partnerships.map((p) => [p.partnershipId, p.places.map((i) => data.cities[i]!.id)]);

describe('map.data', () => {
  it('an empty database has no cities and no lines', async () => {
    const api = localClient(await tempCore());
    expect(await api['map.data']()).toEqual({ cities: [], partnerships: [], unplaced: [], unplacedTotal: 0 });
    expect(await api['map.data']({})).toEqual({ cities: [], partnerships: [], unplaced: [], unplacedTotal: 0 });
  });

  it('gives each located party once with its partnership count, and a line between the two parties of a partnership', async () => {
    const f = await located();
    const data = await f.api['map.data']();
    expect(data.partnerships).toEqual([{ partnershipId: f.burgasLink.id, status: 'active', places: [expect.any(Number), expect.any(Number)] }]);
    expect(lines(data)).toEqual([[f.burgasLink.id, [f.shantou.id, f.burgas.id]]]);
    // The line's title is asked for when it is hovered or focused.
    expect(await f.api['map.titles']({ partnershipIds: [f.burgasLink.id] })).toEqual([
      { partnershipId: f.burgasLink.id, title: 'Shantou–Burgas', titleZh: '汕头—布尔加斯', titleEn: 'Shantou–Burgas', status: 'active' },
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
    expect(data.partnerships.map((l) => l.partnershipId)).not.toContain(f.unlocatedLink.id);
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
    expect(data.partnerships.map((l) => l.partnershipId)).toContain(f.unlocatedLink.id);
  });

  it('draws a partnership of three or more parties as a star from its first party', async () => {
    const f = await located();
    const trio = await f.api['partnerships.create']({
      title: 'Smart city pilots',
      kind: 'pilot_programme',
      status: 'negotiating',
      parties: [{ organizationId: f.seville.id }, { organizationId: f.shantou.id }, { organizationId: f.nowhere.id }, { organizationId: f.burgas.id }],
    });
    const data = await f.api['map.data']();
    expect(lines(data).filter(([id]) => id === trio.id)).toEqual([[trio.id, [f.seville.id, f.shantou.id, f.burgas.id]]]);
    expect(data.partnerships.find((p) => p.partnershipId === trio.id)?.status).toBe('negotiating');
  });

  it('a deleted partnership, a removed party and a deleted organization leave the map; restoring brings them back', async () => {
    const f = await located();
    await f.api['partnerships.delete']({ id: f.burgasLink.id });
    let data = await f.api['map.data']();
    expect(data.partnerships).toEqual([]);
    expect(data.cities.map((c) => [c.id, c.partnershipCount])).toEqual([[f.shantou.id, 1]]);
    expect(await f.api['map.titles']({ partnershipIds: [f.burgasLink.id, f.unlocatedLink.id] })).toEqual([
      expect.objectContaining({ partnershipId: f.unlocatedLink.id }),
    ]);

    await f.api['partnerships.restore']({ id: f.burgasLink.id });
    expect((await f.api['map.data']()).partnerships.map((l) => l.partnershipId)).toEqual([f.burgasLink.id]);

    // Burgas replaced by Sevilla: the line now ends in Sevilla.
    await f.api['partnerships.update']({ id: f.burgasLink.id, parties: [{ organizationId: f.shantou.id }, { organizationId: f.seville.id }] });
    data = await f.api['map.data']();
    expect(lines(data)).toEqual([[f.burgasLink.id, [f.shantou.id, f.seville.id]]]);
    expect(data.cities.map((c) => c.id)).not.toContain(f.burgas.id);

    await f.api['organizations.delete']({ id: f.seville.id });
    data = await f.api['map.data']();
    expect(data.partnerships).toEqual([]);
    expect(data.cities.map((c) => c.id)).toEqual([f.shantou.id]);
    await f.api['organizations.restore']({ id: f.seville.id });
    expect(lines(await f.api['map.data']())).toEqual([[f.burgasLink.id, [f.shantou.id, f.seville.id]]]);
  });

  it('coordinates set later put an organization on the map; a status or a title changed shows at once', async () => {
    const f = await located();
    await f.api['organizations.update']({ id: f.nowhere.id, latitude: 22.54, longitude: 114.06 });
    let data = await f.api['map.data']();
    const line = data.partnerships.find((l) => l.partnershipId === f.unlocatedLink.id)!;
    expect(data.cities[line.places[1]!]).toMatchObject({ id: f.nowhere.id, latitude: 22.54, longitude: 114.06, partnershipCount: 1 });
    expect(line.status).toBe('prospect');
    expect(data.cities.find((c) => c.id === f.shantou.id)?.partnershipCount).toBe(2);

    // In title order: renaming one moves it.
    expect(data.partnerships.map((l) => l.partnershipId)).toEqual([f.burgasLink.id, f.unlocatedLink.id]);
    await f.api['partnerships.update']({ id: f.unlocatedLink.id, title: 'A Shantou–association', status: 'active' });
    data = await f.api['map.data']();
    expect(data.partnerships.map((l) => [l.partnershipId, l.status])).toEqual([
      [f.unlocatedLink.id, 'active'],
      [f.burgasLink.id, 'active'],
    ]);
    // Coordinates taken away again: the line goes, the place is listed as unplaced.
    await f.api['organizations.update']({ id: f.nowhere.id, latitude: null, longitude: null });
    data = await f.api['map.data']();
    expect(data.partnerships.map((l) => l.partnershipId)).toEqual([f.burgasLink.id]);
    expect(data.unplaced.map((u) => [u.title, u.drawn, u.missing.map((m) => m.id)])).toEqual([['A Shantou–association', false, [f.nowhere.id]]]);
  });

  it('after a merge, the other office sees the same map, and again after the first office edits and deletes', async () => {
    const a = await located();
    const bCore = await tempCore({ now: () => new Date('2026-03-04T10:00:05Z') });
    const bApi = localClient(bCore);
    const dir = tempDir();
    const merge = (n: number) => {
      exportDatabase(a.core, path.join(dir, `a${n}.db`));
      mergeFile(bCore, path.join(dir, `a${n}.db`));
    };
    merge(1);
    expect(await bApi['map.data']()).toEqual(await a.api['map.data']());
    expect((await bApi['map.data']()).cities).toHaveLength(2);

    // A third party with coordinates, a party removed, an organization deleted, a status changed: merged, the same again.
    await a.api['partnerships.update']({
      id: a.burgasLink.id,
      status: 'dormant',
      parties: [{ organizationId: a.burgas.id }, { organizationId: a.shantou.id }, { organizationId: a.seville.id }],
    });
    await a.api['organizations.delete']({ id: a.nowhere.id });
    merge(2);
    const merged = await bApi['map.data']();
    expect(merged).toEqual(await a.api['map.data']());
    // Shantou and Burgas were parties first: Shantou stays the hub, Sevilla comes last.
    expect(lines(merged)).toEqual([[a.burgasLink.id, [a.shantou.id, a.burgas.id, a.seville.id]]]);
    expect(merged.partnerships[0]?.status).toBe('dormant');
    // Shantou is still a party to the partnership whose other party was deleted: counted, not drawn.
    expect(merged.cities.map((c) => [c.id, c.partnershipCount])).toEqual([
      [a.shantou.id, 2],
      [a.burgas.id, 1],
      [a.seville.id, 1],
    ]);
    expect(merged.unplacedTotal).toBe(0);
  });

  it('the sample data: every partnership is on the map, the 30 pilot cities as 29 lines from the first', async () => {
    const core = await tempCore();
    core.sqlite.transaction(() => loadSampleData(core)).immediate();
    const data = await localClient(core)['map.data']();
    const partnerships = (core.sqlite.prepare('SELECT count(*) AS n FROM partnerships WHERE deleted_at IS NULL').get() as { n: number }).n;
    expect(data.partnerships.map((l) => l.partnershipId).sort()).toHaveLength(partnerships);
    const pilots = data.partnerships.find((l) => l.partnershipId === sampleId('partnerships:eu-china-smart-city-pilots'))!;
    expect(pilots.places).toHaveLength(30);
    const burgas = data.partnerships.find((l) => l.partnershipId === sampleId('partnerships:shantou-burgas'))!;
    expect(data.cities[burgas.places[1]!]).toMatchObject({ latitude: 42.5, longitude: 27.47 });
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

describe('map.titles', () => {
  it('gives the live partnerships asked for, in the order asked, each once; unknown and deleted ones are left out', async () => {
    const f = await located();
    const unknown = '0190aaaa-0000-7000-8000-000000000000';
    const ids = [f.unlocatedLink.id, unknown, f.burgasLink.id, f.unlocatedLink.id];
    expect((await f.api['map.titles']({ partnershipIds: ids })).map((t) => [t.partnershipId, t.title, t.status])).toEqual([
      [f.unlocatedLink.id, 'Shantou–association', 'prospect'],
      [f.burgasLink.id, 'Shantou–Burgas', 'active'],
    ]);
    await f.api['partnerships.delete']({ id: f.unlocatedLink.id });
    expect((await f.api['map.titles']({ partnershipIds: ids })).map((t) => t.partnershipId)).toEqual([f.burgasLink.id]);
  });

  for (const [what, input, field] of [
    ['an empty list', { partnershipIds: [] }, 'partnershipIds'],
    ['an id that is not one', { partnershipIds: ['Burgas'] }, 'partnershipIds.0'],
    ['nothing', undefined, ''],
  ] as const) {
    it(`refuses ${what}`, async () => {
      const api = localClient(await tempCore()) as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
      const error = (await api['map.titles']!(input).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe('invalid_input');
      expect(error.fields).toContain(field);
    });
  }
});

/**
 * The gazetteer shipped with the app ('places.search', db/gazetteer.ts): an organization's names and aliases find
 * its place and coordinates offline, in its country when it is known, the exact name before a longer one.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, tempCore } from '../helpers';

describe('places.search', () => {
  it("finds a partner city by its Latin-script names, whatever the case, accents or width, with GeoNames' coordinates", async () => {
    const api = localClient(await tempCore());
    // The Chinese name alone finds nothing (GeoNames' names here are Latin script); with the English one beside it, the place.
    expect(await api['places.search']({ names: ['布尔加斯'] })).toEqual([]);
    const [burgas] = await api['places.search']({ names: ['布尔加斯', 'ＢＵＲＧＡＳ'] });
    expect(burgas).toMatchObject({ name: 'Burgas', country: 'BG', exact: true, matched: 'ＢＵＲＧＡＳ' });
    expect(burgas!.latitude).toBeCloseTo(42.51, 1);
    expect(burgas!.longitude).toBeCloseTo(27.47, 1);
    const [malmo] = await api['places.search']({ names: ['malmo'] });
    expect(malmo).toMatchObject({ name: 'Malmö', country: 'SE' });
  });

  it('narrows to the country chosen, and puts the exact name before the places whose names only begin with it', async () => {
    const api = localClient(await tempCore());
    const anywhere = await api['places.search']({ names: ['Sevilla'] });
    expect(new Set(anywhere.map((p) => p.country)).size).toBeGreaterThan(1);
    const spain = await api['places.search']({ names: ['Sevilla'], country: 'ES' });
    expect(spain.every((p) => p.country === 'ES')).toBe(true);
    expect(spain[0]).toMatchObject({ name: 'Sevilla', exact: true });
    expect(spain.slice(1).every((p) => !p.exact)).toBe(true);
  });

  it('a name the gazetteer does not hold finds nothing; a bad input is refused in both languages', async () => {
    const api = localClient(await tempCore());
    expect(await api['places.search']({ names: ['Qwzxv Nowhere'] })).toEqual([]);
    const refused = await api['places.search']({ names: [] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).localized.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

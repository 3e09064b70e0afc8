/**
 * The map's geometry, pure and DOM-free: the projection of each zoom (world, Europe, China) into
 * one fixed SVG frame, and where city names go so that they do not overlap each other or the dots.
 */
import { geoNaturalEarth1, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

/** The SVG's viewBox; the element itself scales to the width of the screen. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
const PADDING = 10;

export const MAP_REGIONS = ['world', 'europe', 'china'] as const;
export type MapRegion = (typeof MAP_REGIONS)[number];

/** Points along the edges of a box (west, south, east, north, in degrees): what a zoom must show. */
function boxEdges(west: number, south: number, east: number, north: number): GeoPermissibleObjects {
  const coordinates: [number, number][] = [];
  for (let lon = west; lon <= east; lon += 1) coordinates.push([lon, south], [lon, north]);
  for (let lat = south; lat <= north; lat += 1) coordinates.push([west, lat], [east, lat]);
  return { type: 'MultiPoint', coordinates };
}

/** Each zoom: the meridian in the middle (less skew at the edges) and what must fit in the frame. */
const ZOOMS: Record<MapRegion, { centre: number; shape: GeoPermissibleObjects }> = {
  world: { centre: 10, shape: { type: 'Sphere' } },
  europe: { centre: 12, shape: boxEdges(-11, 35, 36, 62) },
  china: { centre: 105, shape: boxEdges(74, 18, 134, 53) },
};

export function projectionFor(region: MapRegion): GeoProjection {
  const { centre, shape } = ZOOMS[region];
  const projection = geoNaturalEarth1()
    .rotate([-centre, 0])
    .fitExtent(
      [
        [PADDING, PADDING],
        [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
      ],
      shape,
    );
  // Whatever falls outside the frame (the rest of the world when zoomed in) is cut, not drawn.
  return projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
}

export interface LabelRequest {
  id: string;
  text: string;
  /** The dot's centre and radius, in viewBox units. */
  x: number;
  y: number;
  r: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** About how wide a text is drawn: CJK characters are square, Latin ones a little over half. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? fontSize : fontSize * 0.58;
  return width;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The text, cut with an ellipsis to fit `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let cut = '';
  for (const char of text) {
    if (textWidth(`${cut}${char}…`, fontSize) > maxWidth) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * Greedy: in the order given (most important first), try right of the dot, left, above, below,
 * then the four diagonals; keep the first spot inside the frame that covers no dot and no label
 * already placed; a name with no free spot is left out (it is still in the dot's tooltip and
 * accessible name).
 */
export function placeLabels(requests: LabelRequest[], fontSize: number): PlacedLabel[] {
  const taken: Box[] = requests.map(({ x, y, r }) => ({ left: x - r, top: y - r, right: x + r, bottom: y + r }));
  const placed: PlacedLabel[] = [];
  const gap = 3;
  const baseline = fontSize * 0.35;
  for (const { id, text, x, y, r } of requests) {
    const width = textWidth(text, fontSize);
    const side = r + gap;
    const above = y - r - fontSize * 0.3;
    const below = y + r + fontSize * 0.9;
    const spots: [number, number, PlacedLabel['anchor']][] = [
      [x + side, y + baseline, 'start'],
      [x - side, y + baseline, 'end'],
      [x, above, 'middle'],
      [x, below, 'middle'],
      [x + r, above, 'start'],
      [x + r, below, 'start'],
      [x - r, above, 'end'],
      [x - r, below, 'end'],
    ];
    for (const [lx, ly, anchor] of spots) {
      const left = anchor === 'start' ? lx : anchor === 'end' ? lx - width : lx - width / 2;
      const box = { left, right: left + width, top: ly - fontSize * 0.85, bottom: ly + fontSize * 0.25 };
      if (box.left < 0 || box.top < 0 || box.right > MAP_WIDTH || box.bottom > MAP_HEIGHT) continue;
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      placed.push({ id, text, x: lx, y: ly, anchor });
      break;
    }
  }
  return placed;
}

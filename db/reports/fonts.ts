/**
 * The bundled CJK font (Noto Sans SC, from @fontsource), embedded in a report as data URLs so it
 * prints the same on every machine. Only the unicode-range subsets the report's text uses are
 * embedded, which keeps a Chinese report to a few hundred KB of font instead of megabytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Subset {
  weight: number;
  file: string;
  ranges: [number, number][];
}

let cache: Subset[] | null = null;
/**
 * For each code point the font covers, the subset (one per weight) a browser draws it with. Google's
 * CJK slices overlap: a dozen of them also hold one ASCII character each, besides the Latin subset
 * (U+0-FF). Where ranges overlap, the face defined last is checked first (CSS Fonts 4, unicode-range),
 * so the Latin subset draws every ASCII character and the CJK slices that share one are not needed for it.
 */
let byCodePoint: Map<number, number>[] | null = null;

function fontsourceDir(): string {
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!, 16);
    return [start, to ? parseInt(to, 16) : start];
  });
}

function subsets(): Subset[] {
  if (cache) return cache;
  const dir = fontsourceDir();
  const result: Subset[] = [];
  for (const weight of [400, 700]) {
    const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (file && range) result.push({ weight, file: path.join(dir, 'files', file), ranges: parseRanges(range) });
    }
  }
  cache = result;
  return result;
}

/** Per weight, code point -> the index of the subset that draws it. */
function subsetsByCodePoint(): Map<number, number>[] {
  if (byCodePoint) return byCodePoint;
  const byWeight = new Map<number, Map<number, number>>();
  // In the order the stylesheets define them: a later subset of a weight replaces an earlier one.
  subsets().forEach((subset, index) => {
    let map = byWeight.get(subset.weight);
    if (!map) byWeight.set(subset.weight, (map = new Map()));
    for (const [lo, hi] of subset.ranges) for (let c = lo; c <= hi; c++) map.set(c, index);
  });
  byCodePoint = [...byWeight.values()];
  return byCodePoint;
}

const rules = new Map<string, string>();

/** One subset's @font-face rule, written once per process (a Chinese report embeds dozens). */
function fontFaceRule(subset: Subset, family: string): string {
  const key = `${family}\n${subset.file}`;
  let rule = rules.get(key);
  if (rule === undefined) {
    rule =
      `@font-face{font-family:'${family}';font-style:normal;font-weight:${subset.weight};font-display:block;` +
      `src:url(data:font/woff2;base64,${readFileSync(subset.file).toString('base64')}) format('woff2');` +
      `unicode-range:${subset.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',')};}`;
    rules.set(key, rule);
  }
  return rule;
}

/** @font-face rules for the subsets that draw `text`, weights 400 and 700, each once. */
export function embeddedFontCss(text: string, family = 'Report Sans'): string {
  const weights = subsetsByCodePoint();
  const used = new Set<number>();
  const seen = new Set<number>();
  const use = (c: number) => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const weight of weights) {
      const index = weight.get(c);
      if (index !== undefined) used.add(index);
    }
  };
  for (const char of text) use(char.codePointAt(0)!);
  // Digits, Latin letters and punctuation are always needed by page numbers and dates.
  for (let c = 0x20; c < 0x7f; c++) use(c);
  const all = subsets();
  return [...used]
    .sort((a, b) => a - b)
    .map((index) => fontFaceRule(all[index]!, family))
    .join('\n');
}

/**
 * Every character of the document in both weights, off screen and left out of print. Browsers load
 * a font subset only when laid-out text needs it, and text that appears only when printing (the
 * running header and footer) would otherwise ask for its subset in the middle of printing and come
 * out blank. Laid out on screen, every subset the report needs is loaded (document.fonts.ready)
 * before anyone prints.
 */
export function fontPrimerHtml(text: string): string {
  const chars = [...new Set(text.replace(/\s/g, ''))].sort().join('');
  const escaped = chars.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return `<div class="font-primer" aria-hidden="true"><span style="font-weight:400">${escaped}</span><span style="font-weight:700">${escaped}</span></div>`;
}

/** Off screen, never printed. */
export const FONT_PRIMER_CSS = '.font-primer{position:absolute;left:-10000px;top:0;white-space:nowrap;}@media print{.font-primer{display:none;}}';

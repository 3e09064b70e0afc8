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

const encoded = new Map<string, string>();

/** A subset file as base64, read once per process (a Chinese report embeds dozens of them). */
function base64Of(file: string): string {
  let value = encoded.get(file);
  if (value === undefined) {
    value = readFileSync(file).toString('base64');
    encoded.set(file, value);
  }
  return value;
}

/** @font-face rules for the subsets that cover `text`, weights 400 and 700. */
export function embeddedFontCss(text: string, family = 'Report Sans'): string {
  const codePoints = new Set<number>();
  for (const char of text) codePoints.add(char.codePointAt(0)!);
  // Digits, Latin letters and punctuation are always needed by page numbers and dates.
  for (let c = 0x20; c < 0x7f; c++) codePoints.add(c);
  const sorted = [...codePoints].sort((a, b) => a - b);
  const used = subsets().filter((subset) => subset.ranges.some(([lo, hi]) => sorted.some((c) => c >= lo && c <= hi)));
  return used
    .map(
      (subset) =>
        `@font-face{font-family:'${family}';font-style:normal;font-weight:${subset.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${base64Of(subset.file)}) format('woff2');` +
        `unicode-range:${subset.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',')};}`,
    )
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

/**
 * The README's Performance table from bench results: `npx tsx bench/markdown.ts bench/results.json [more.json ...]`
 * prints one Markdown table with a column per file (its scale), so the README quotes the JSON, never retyped figures.
 */
import { readFileSync } from 'node:fs';

interface Metric {
  value: number;
  unit: string;
  target: number;
  pass: boolean;
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: tsx bench/markdown.ts RESULTS.json [MORE.json ...]');
const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as { scale: string; metrics: Record<string, Metric> });
const names = [...new Set(runs.flatMap((run) => Object.keys(run.metrics)))];
const shown = (m: Metric | undefined) =>
  m === undefined ? '–' : `${m.unit === 'rows/s' ? m.value.toLocaleString('en-US') : String(m.value)}${m.pass ? '' : ' **miss**'}`;
const target = (name: string) => {
  const m = runs.map((run) => run.metrics[name]).find((x) => x !== undefined)!;
  return `${m.unit === 'rows/s' ? '≥' : '≤'} ${m.target.toLocaleString('en-US')} ${m.unit}`;
};
console.log(`| metric | target | ${runs.map((run) => run.scale).join(' | ')} |`);
console.log(`| --- | --- | ${runs.map(() => '---').join(' | ')} |`);
for (const name of names) console.log(`| ${name} | ${target(name)} | ${runs.map((run) => shown(run.metrics[name])).join(' | ')} |`);

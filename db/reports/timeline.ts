/**
 * The report's milestone chart, laid out before it is drawn (issue #17): a time axis fitted to the
 * milestones' own range, ticks that never run into each other, and each label on the row nearest the
 * axis where it overlaps no other, inside the chart. Widths are estimated (the PDF's font is not
 * measured here): generously, so an estimate that is off errs on the side of room.
 */

import { partialDate } from '../rules';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineLabel extends Box {
  text: string;
  /** The x of the label's baseline start, and the baseline. */
  baseline: number;
  /** The dot the label belongs to. */
  dotX: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axis: { y: number; left: number; right: number };
  ticks: (Box & { text: string; tickX: number; baseline: number })[];
  dots: { x: number; status: string }[];
  labels: TimelineLabel[];
  /** Where today stands, when inside the range. */
  todayX: number | null;
}

export const LABEL_SIZE = 9.5;
export const TICK_SIZE = 9;
const WIDTH = 680;
/** The axis keeps this far from the chart's edges; the labels and ticks keep MARGIN. */
const INSET = 10;
const MARGIN = 2;
const ROW_GAP = 15;
const GAP = 8;
const DAY = 86400e3;

/** A conservative width of `text` at `size`: CJK and full-width characters 1em, capitals and wide letters 0.8em, the rest 0.62em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text) {
    if (char.codePointAt(0)! >= 0x2e80) em += 1;
    else if (/[A-Z@%&MWmw—…]/.test(char)) em += 0.8;
    else em += 0.62;
  }
  return em * size;
}

/** The box a line of text at `size` takes above and below its baseline (ascent and descent, generously). */
export function textBox(x: number, baseline: number, text: string, size: number): Box {
  return { x, y: baseline - size * 0.95, width: textWidth(text, size), height: size * 1.25 };
}

/** `value`, or as much of it as fits in `max` followed by an ellipsis. */
export function fitText(value: string, size: number, max: number): string {
  if (textWidth(value, size) <= max) return value;
  const chars = [...value];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > max) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Where a date stands in time: a year in its middle, a month on its 15th; null for a malformed date (the table below still lists it). */
export function dateTime(date: string): number | null {
  if (!partialDate.safeParse(date).success) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  return Date.UTC(year, (month ?? 7) - 1, day ?? (month ? 15 : 1));
}

/** Tick steps, in months: the first whose labels keep apart is used. */
const STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];

function ticksFor(min: number, max: number, x: (t: number) => number, tickLabel: (year: number, month: number | null) => string, axisY: number) {
  // Years apart on an axis of two years or more; never more than nine ticks.
  const years = max - min >= 2 * 365 * DAY;
  for (const step of STEPS.filter((s) => s >= (years ? 12 : 1))) {
    const start = new Date(min);
    let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
    index = Math.ceil(index / step) * step;
    const ticks: TimelineLayout['ticks'] = [];
    for (; ; index += step) {
      const [year, month] = [Math.floor(index / 12), index % 12];
      const time = Date.UTC(year, month, 1);
      if (time > max) break;
      if (time < min) continue;
      const text = tickLabel(year, step % 12 === 0 ? null : month + 1);
      const tickX = x(time);
      const w = textWidth(text, TICK_SIZE);
      const baseline = axisY + 15;
      const box = textBox(tickX - w / 2, baseline, text, TICK_SIZE);
      if (box.x < MARGIN || box.x + box.width > WIDTH - MARGIN) continue;
      ticks.push({ ...box, text, tickX, baseline });
    }
    const apart = ticks.every((tick, i) => i === 0 || ticks[i - 1]!.x + ticks[i - 1]!.width + GAP <= tick.x);
    if (apart && ticks.length <= 9) return ticks;
  }
  return [];
}

/**
 * Lays out `milestones` (in any order). `label` writes a milestone's label text (its date and title),
 * `tickLabel` a tick's (a year, or a year and month when the ticks are months apart).
 */
export function timelineLayout(
  milestones: { date: string; title: string; status: string }[],
  today: string,
  label: (milestone: { date: string; title: string }) => string,
  tickLabel: (year: number, month: number | null) => string,
): TimelineLayout {
  const placed = milestones
    .map((m) => ({ m, t: dateTime(m.date) }))
    .filter((p): p is { m: (typeof milestones)[number]; t: number } => p.t !== null)
    .sort((a, b) => a.t - b.t);
  const times = placed.map((p) => p.t);
  // The axis spans the milestones (at least a year, centred on them), and a twentieth more on each side.
  let min = times.length ? Math.min(...times) : Date.UTC(2000, 0, 1);
  let max = times.length ? Math.max(...times) : min;
  if (max - min < 365 * DAY) {
    const pad = (365 * DAY - (max - min)) / 2;
    min -= pad;
    max += pad;
  }
  const pad = (max - min) * 0.05;
  min -= pad;
  max += pad;
  const [left, right] = [INSET, WIDTH - INSET];
  const x = (t: number) => left + ((t - min) / (max - min)) * (right - left);

  // Labels, left to right, each on the first row (from the axis up) where it keeps GAP from every other;
  // a crowded chart has shorter labels, so it needs fewer rows.
  const maxLabel = Math.min(260, Math.max(110, (8 * (right - left)) / Math.max(1, placed.length)));
  const rows: Box[][] = [];
  const raw = placed.map(({ m, t }) => {
    const dotX = x(t);
    const text = fitText(label(m), LABEL_SIZE, maxLabel);
    const w = textWidth(text, LABEL_SIZE);
    const start = Math.min(Math.max(dotX - 3, MARGIN), WIDTH - MARGIN - w);
    let row = rows.findIndex((boxes) => boxes.every((b) => start + w + GAP <= b.x || b.x + b.width + GAP <= start));
    if (row < 0) row = rows.push([]) - 1;
    rows[row]!.push({ x: start, y: 0, width: w, height: 0 });
    return { m, dotX, text, start, row };
  });
  const top = 4;
  const axisY = top + rows.length * ROW_GAP + 10;
  const labels = raw.map(({ dotX, text, start, row }) => {
    const baseline = axisY - 12 - row * ROW_GAP;
    return { ...textBox(start, baseline, text, LABEL_SIZE), text, baseline, dotX };
  });
  const todayTime = dateTime(today);
  return {
    width: WIDTH,
    height: axisY + 22,
    axis: { y: axisY, left, right },
    ticks: ticksFor(min, max, x, tickLabel, axisY),
    dots: placed.map(({ m, t }) => ({ x: x(t), status: m.status })),
    labels,
    todayX: todayTime !== null && todayTime >= min && todayTime <= max ? x(todayTime) : null,
  };
}

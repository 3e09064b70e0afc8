import { describe, expect, it } from 'vitest';
import { formatReportDate, timelineSvg } from '../../db/reports/html';
import { textBox, textWidth, timelineLayout, type Box } from '../../db/reports/timeline';

// Issue #17: the report's milestone chart crammed its dots into one corner (the axis ran on to today)
// with overlapping, cut labels. These read the boxes of the labels back from the drawn SVG.

const TODAY = '2026-12-02';
type Milestone = { date: string; title: string; status: string };

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The chart's size, its dots' x, and every piece of text in it with the box it takes (estimated generously, as the layout does). */
function read(svg: string) {
  const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number);
  const texts = [...svg.matchAll(/<text( class="milestone")? x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => {
    const text = unescape(m[5]!);
    return { milestone: !!m[1], text, box: textBox(Number(m[2]), Number(m[3]), text, Number(m[4])) };
  });
  const dots = [...svg.matchAll(/<circle cx="([\d.-]+)"/g)].map((m) => Number(m[1]));
  const [, left, right] = /<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"/.exec(svg)!.map(Number);
  return { width: width!, height: height!, texts, dots, axis: { left: left!, right: right! } };
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

/** No two texts overlap and all lie inside the chart; every milestone has its label, whole or ending in an ellipsis. */
function expectReadable(lang: 'zh' | 'en', milestones: Milestone[]) {
  const svg = timelineSvg(lang, milestones, TODAY);
  const chart = read(svg);
  for (const { text, box } of chart.texts) {
    expect(box.x, text).toBeGreaterThanOrEqual(0);
    expect(box.y, text).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, text).toBeLessThanOrEqual(chart.width);
    expect(box.y + box.height, text).toBeLessThanOrEqual(chart.height);
  }
  chart.texts.forEach((a, i) => chart.texts.slice(i + 1).forEach((b) => expect(overlap(a.box, b.box), `"${a.text}" and "${b.text}" overlap`).toBe(false)));
  const labels = chart.texts.filter((t) => t.milestone).map((t) => t.text);
  expect(labels).toHaveLength(milestones.length);
  for (const m of milestones) {
    const full = `${formatReportDate(m.date, lang)} ${m.title}`;
    expect(
      labels.some((l) => l === full || (l.endsWith('…') && full.startsWith(l.slice(0, -1)))),
      full,
    ).toBe(true);
  }
  return chart;
}

const ZH = [
  '汕头承办第十一次中欧区域政策高层研讨会暨案例地区总结会',
  '签署中欧区域政策合作备忘录',
  '代表团访问',
  '中欧智慧城市合作正式启动，中欧各选15个试点城市',
];
const EN = ['Shantou hosts the 11th EU–China high-level regional policy seminar', 'MoU signed', 'Burgas delegation visits Shantou', 'WWW MMM @@@ launch'];
const titles = (lang: 'zh' | 'en') => (lang === 'zh' ? ZH : EN);

describe.each(['zh', 'en'] as const)('the milestone chart in %s', (lang) => {
  it('fits its axis to the milestones, not to today: two milestones years ago stand near its two ends', () => {
    const chart = expectReadable(lang, [
      { date: '2013-11-21', title: titles(lang)[0]!, status: 'done' },
      { date: '2016', title: titles(lang)[1]!, status: 'done' },
    ]);
    const axis = chart.axis.right - chart.axis.left;
    expect(Math.max(...chart.dots) - Math.min(...chart.dots)).toBeGreaterThan(0.8 * axis);
    // Ticks to read the range by: at least two, years apart.
    const ticks = chart.texts.filter((t) => !t.milestone).map((t) => t.text);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks).toContain('2014');
  });

  it('puts a single milestone in the middle, with ticks around it', () => {
    const chart = expectReadable(lang, [{ date: '2018-06-10', title: titles(lang)[2]!, status: 'planned' }]);
    expect(Math.abs(chart.dots[0]! - (chart.axis.left + chart.axis.right) / 2)).toBeLessThan(2);
    expect(chart.texts.filter((t) => !t.milestone).length).toBeGreaterThanOrEqual(2);
  });

  it('stacks milestones on the same day without overlap, at the right edge too', () => {
    const sameDay = titles(lang).map((title) => ({ date: '2020-05-01', title, status: 'done' }));
    expectReadable(lang, [
      ...sameDay,
      { date: '2022-12-31', title: titles(lang)[0]!, status: 'planned' },
      ...sameDay.map((m) => ({ ...m, date: '2022-12-31' })),
    ]);
  });

  it('labels 40 milestones in two years, none overlapping, none cut by the edge', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      date: `${2019 + Math.floor(i / 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      title: `${titles(lang)[i % 4]} ${i + 1}`,
      status: i % 3 ? 'done' : 'planned',
    }));
    expectReadable(lang, many);
    expectReadable(
      lang,
      many.map((m) => ({ ...m, date: '2021-03-03' })),
    );
  });

  it('places partial dates (a year, a month) and labels them with their precision', () => {
    const chart = expectReadable(lang, [
      { date: '2015', title: titles(lang)[0]!, status: 'done' },
      { date: '2015-06', title: titles(lang)[1]!, status: 'done' },
      { date: '2015-06-15', title: titles(lang)[2]!, status: 'done' },
      { date: '2016', title: titles(lang)[3]!, status: 'planned' },
    ]);
    // A month stands on its 15th (June and 15 June on one spot), a year in its middle (2015 after them).
    const dots = [...chart.dots].sort((a, b) => a - b);
    expect(Math.abs(dots[0]! - dots[1]!)).toBeLessThan(1);
    expect(dots[1]).toBeLessThan(dots[2]!);
    expect(dots[2]).toBeLessThan(dots[3]!);
    expect(chart.texts.map((t) => t.text)).toContain(`${formatReportDate('2015-06', lang)} ${titles(lang)[1]}`);
  });
});

describe('the milestone chart layout', () => {
  it('hangs every label over its own dot, and leaves a malformed date out of the chart (the table still lists it)', () => {
    const milestones = [
      { date: '2019-01-01', title: 'Early', status: 'done' },
      { date: '2019-13-40', title: 'Broken', status: 'done' },
      { date: '2024-12-31', title: 'The last, at the right edge', status: 'planned' },
    ];
    const layout = timelineLayout(milestones, TODAY, (m) => m.title, String);
    expect(layout.labels.map((l) => l.text)).toEqual(['Early', 'The last, at the right edge']);
    for (const label of layout.labels) {
      expect(label.x).toBeLessThanOrEqual(label.dotX);
      expect(label.x + label.width).toBeGreaterThanOrEqual(label.dotX);
    }
    expect(layout.todayX).toBeNull();
  });

  it('estimates text widths generously: CJK 1em a character, Latin at least 0.55em', () => {
    expect(textWidth('中欧合作', 10)).toBe(40);
    expect(textWidth('illustrate', 10)).toBeGreaterThanOrEqual(55);
    expect(textWidth('MMMM', 10)).toBeGreaterThanOrEqual(32);
  });
});

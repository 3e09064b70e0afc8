/**
 * The drawn timeline: a time axis (years, or months when zoomed in), one row per partnership,
 * milestones as diamonds (filled: done, hollow: planned, a cross: cancelled; a date known only
 * to the year or month drawn as a bar over that period) and meetings as dots. Every marker is a
 * link (hover for its title; Tab and Enter with the keyboard) that opens its record. Zoom with
 * the Years/Months switch, the +/- buttons or Ctrl + mouse wheel; scroll sideways to move in time.
 * Used for the whole portfolio (TimelineView: its rows drawn while in view, read a page at a time) and for one
 * partnership (PartnershipPage).
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../lang';
import type { TFunction } from 'i18next';
import type { TimelineMeeting, TimelineMilestone, TimelineRow } from '@db/timeline';
import { formatPartialDate } from '../format';
import { uiLocale } from '../i18n';
import { routeHash } from '../route';
import { localDay } from '@common/calendar';
import { localTitle, STATUS_COLORS } from '../lib/partnership';
import classes from './Timeline.module.css';

const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;
/** Room at both ends of the axis, so a marker on the first or last day is whole. */
const PAD = 16;
const LABEL_WIDTH = 260;
/** Pixels per year: the zoom. */
const MIN_PX = 30;
const MAX_PX = 12 * 240;
const MAX_FIT_PX = 320;
/** From 36 px a month on, the axis labels every month. */
const MONTHS_FROM = 12 * 36;
const MONTHS_PX = 12 * 72;
const YEARS_PX = 120;
const ZOOM_STEP = 1.5;

type Shape = 'done' | 'planned' | 'cancelled' | 'meeting';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The period a partial date covers, as UTC milliseconds [start, end): 2016 is the whole year. */
function periodOf(date: string): [number, number] {
  const [y = 1970, m, d] = date.split('-').map(Number);
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  const start = Date.UTC(y, m - 1, d);
  return [start, start + DAY];
}

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

/** Whole years from the first date to the last, today among them. */
function domainOf(dates: string[], today: string): { startYear: number; endYear: number } {
  let min = periodOf(today)[0];
  let max = periodOf(today)[1];
  for (const date of dates) {
    const [start, end] = periodOf(date);
    min = Math.min(min, start);
    max = Math.max(max, end);
  }
  return { startYear: yearOf(min), endYear: yearOf(max - 1) + 1 };
}

const eventDates = (rows: TimelineRow[]) => rows.flatMap((row) => [...row.milestones, ...row.meetings].map((event) => event.date));

const SPAN_CLASS: Record<TimelineMilestone['status'], string | undefined> = {
  done: classes.spanDone,
  planned: classes.spanPlanned,
  cancelled: classes.spanCancelled,
};

/** The shape of a marker, drawn by CSS on the link itself: one element per marker keeps thousands of them light. */
const SHAPE_CLASS: Record<Shape, string> = {
  done: `${classes.shape} ${classes.done}`,
  planned: `${classes.shape} ${classes.planned}`,
  cancelled: `${classes.shape} ${classes.cancelled}`,
  meeting: `${classes.shape} ${classes.meeting}`,
};

/**
 * Where a point falls on the plot, as CSS: a fraction of the plot's width, with the padding at both ends.
 * Markers placed this way need no new positions when the zoom changes the plot's width.
 */
const along = (fraction: number) => `calc(${(PAD * (1 - 2 * fraction)).toFixed(2)}px + ${(fraction * 100).toFixed(5)}%)`;
const across = (fraction: number) => `calc(${(fraction * 100).toFixed(5)}% - ${(2 * PAD * fraction).toFixed(2)}px)`;

/** A row: drawn once for its data and the language, not again for each zoom step or scroll. */
const TimelineRowView = memo(function TimelineRowView({
  row,
  index,
  top,
  start,
  end,
  labelWidth,
  rowHeight,
}: {
  /** Undefined while its page is on its way: a placeholder of the same height. */
  row: TimelineRow | undefined;
  index: number;
  top: number;
  start: number;
  end: number;
  labelWidth: number;
  rowHeight: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const style = { height: rowHeight, top };
  if (!row) {
    return (
      <div className={classes.row} style={style} data-index={index} data-testid="timeline-row-placeholder" aria-hidden>
        {labelWidth > 0 ? (
          <div className={classes.label} style={{ width: labelWidth }}>
            <Skeleton height={10} width="70%" radius="sm" />
          </div>
        ) : null}
      </div>
    );
  }
  const fraction = (ms: number) => (ms - start) / (end - start);
  const milestoneText = (m: TimelineMilestone, rowTitle: string) =>
    [
      t('timeline.chart.milestoneLabel', { title: m.title }),
      m.precision === 'day'
        ? formatPartialDate(m.date)
        : t('timeline.chart.approximate', { date: formatPartialDate(m.date), precision: t(`timeline.chart.precision.${m.precision}`) }),
      t(`timeline.chart.statuses.${m.status}`),
      rowTitle,
    ].join(' · ');
  const meetingText = (m: TimelineMeeting, rowTitle: string) =>
    [t('timeline.chart.meetingLabel', { title: m.title }), formatPartialDate(m.date), rowTitle].join(' · ');
  const milestoneTop = Math.round(rowHeight * 0.36);
  const meetingTop = Math.round(rowHeight * 0.72);
  const rowTitle = localTitle(row, lang);
  const href = routeHash('partnerships', row.id);
  return (
    <div className={classes.row} style={style} data-index={index} data-testid="timeline-row">
      {labelWidth > 0 ? (
        <a
          className={classes.label}
          href={href}
          style={{ width: labelWidth }}
          title={[`${rowTitle} · ${t(`status.${row.status}`)}`, ...moreText(t, row)].join('\n')}
        >
          <span className={classes.dot} style={{ background: `var(--mantine-color-${STATUS_COLORS[row.status]}-6)` }} aria-hidden />
          <span className={classes.labelText} lang={langOf(rowTitle, lang)}>
            {rowTitle}
          </span>
        </a>
      ) : null}
      <div className={classes.plot}>
        {row.milestones.map((m) => {
          const [from, to] = periodOf(m.date);
          const text = milestoneText(m, rowTitle);
          return m.precision === 'day' ? (
            <a
              key={m.id}
              className={`${classes.marker} ${SHAPE_CLASS[m.status]}`}
              href={href}
              title={text}
              aria-label={text}
              style={{ left: along(fraction((from + to) / 2)), top: milestoneTop }}
              data-testid="timeline-milestone"
            />
          ) : (
            <a
              key={m.id}
              className={`${classes.span} ${SPAN_CLASS[m.status]} ${SHAPE_CLASS[m.status]}`}
              href={href}
              title={text}
              aria-label={text}
              style={{ left: along(fraction(from)), width: across(fraction(to) - fraction(from)), top: milestoneTop }}
              data-testid="timeline-milestone"
            />
          );
        })}
        {row.meetings.map((m) => {
          const [from, to] = periodOf(m.date);
          const text = meetingText(m, rowTitle);
          return (
            <a
              key={m.id}
              className={`${classes.marker} ${SHAPE_CLASS.meeting}`}
              href={routeHash('meetings', m.id)}
              title={text}
              aria-label={text}
              style={{ left: along(fraction((from + to) / 2)), top: meetingTop }}
              data-testid="timeline-meeting"
            />
          );
        })}
      </div>
    </div>
  );
});

/** "The latest 50 of 8,550 meetings are drawn", for a row whose events the contract cut. */
function moreText(t: TFunction, row: TimelineRow): string[] {
  return [
    row.milestoneCount > row.milestones.length
      ? t('timeline.chart.more', { shown: row.milestones.length, total: row.milestoneCount, what: t('timeline.chart.milestones') })
      : null,
    row.meetingCount > row.meetings.length
      ? t('timeline.chart.more', { shown: row.meetings.length, total: row.meetingCount, what: t('timeline.chart.meetings') })
      : null,
  ].filter((note): note is string => !!note);
}

/** A long list of rows drawn while in view, read a page at a time (the portfolio). */
export interface TimelineWindow {
  /** How many rows there are in all: the scrollable height. */
  total: number;
  /** The row at an index, or undefined while its page is on its way (drawn as a placeholder). */
  rowAt: (index: number) => TimelineRow | undefined;
  /** The rows now drawn (those in view, a few beyond, and the one holding the focus): the screen reads their pages. */
  onView: (indexes: readonly number[]) => void;
  /** The first and last dates of all the rows' events (not only those in view): the time axis. */
  span: { first: string; last: string } | null;
}

export function TimelineChart({
  rows,
  name,
  labels = true,
  rowHeight = 36,
  fillHeight = false,
}: {
  /** Every row (one partnership), or a window on a long list (the portfolio). */
  rows: TimelineRow[] | TimelineWindow;
  /** What the chart shows, for its accessible name: a partnership's title, or "the portfolio". */
  name: string;
  /** A column with each partnership's title (the portfolio); off for one partnership. */
  labels?: boolean;
  rowHeight?: number;
  /** Scroll inside, as tall as the window leaves room for (the portfolio: the axis and the labels stay in sight). */
  fillHeight?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [today] = useState(localDay);
  const all = Array.isArray(rows) ? rows : null;
  const list = Array.isArray(rows) ? null : rows;
  const count = all ? all.length : list!.total;
  // A window's axis changes with its span alone, not with each page read.
  const spanFirst = list?.span?.first;
  const spanLast = list?.span?.last;
  const { startYear, endYear } = useMemo(
    () => domainOf(all ? eventDates(all) : [spanFirst, spanLast].filter((d): d is string => !!d), today),
    [all, spanFirst, spanLast, today],
  );
  const labelWidth = labels ? LABEL_WIDTH : 0;
  const scroller = useRef<HTMLDivElement>(null);
  const [px, setPx] = useState<number | null>(null);
  const fitPx = useRef(YEARS_PX);
  /** A time to keep under the same point of the view across a zoom. */
  const pending = useRef<{ t: number; viewX: number } | null>(null);

  const t0 = Date.UTC(startYear, 0, 1);
  const x = useCallback((ms: number) => PAD + ((ms - t0) / YEAR) * (px ?? 0), [t0, px]);
  const plotWidth = x(Date.UTC(endYear, 0, 1)) + PAD;

  // As tall as the window below the chart's top allows, at least 240 px; again when the window changes size.
  const [maxHeight, setMaxHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !fillHeight) return;
    const fit = () => setMaxHeight(Math.max(240, Math.floor(window.innerHeight - (el.getBoundingClientRect().top + window.scrollY) - 16)));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fillHeight]);

  // First layout: fit the whole period in the view (zoomed out no further than MIN_PX), the latest part in sight.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || px !== null) return;
    const available = el.clientWidth - labelWidth - 2 * PAD;
    const fit = clamp(available / (endYear - startYear), MIN_PX, MAX_FIT_PX);
    fitPx.current = fit;
    if (fit * (endYear - startYear) > available) pending.current = { t: periodOf(today)[1], viewX: el.clientWidth - PAD };
    setPx(fit);
  }, [px, labelWidth, startYear, endYear, today]);

  useLayoutEffect(() => {
    const el = scroller.current;
    const anchor = pending.current;
    if (!el || !anchor || px === null) return;
    pending.current = null;
    el.scrollLeft = Math.max(0, x(anchor.t) + labelWidth - anchor.viewX);
  }, [px, x, labelWidth]);

  const zoomTo = useCallback(
    (next: number, viewX?: number) => {
      const el = scroller.current;
      if (!el || px === null) return;
      const at = viewX ?? labelWidth + (el.clientWidth - labelWidth) / 2;
      pending.current = { t: t0 + ((el.scrollLeft + at - labelWidth - PAD) / px) * YEAR, viewX: at };
      setPx(clamp(next, MIN_PX, MAX_PX));
    },
    [px, t0, labelWidth],
  );

  // Ctrl (⌘) + wheel zooms around the pointer; a passive React listener could not keep the page from zooming.
  const zoomRef = useRef(zoomTo);
  zoomRef.current = zoomTo;
  const pxRef = useRef(px);
  pxRef.current = px;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if ((!event.ctrlKey && !event.metaKey) || pxRef.current === null) return;
      event.preventDefault();
      zoomRef.current(pxRef.current * (event.deltaY < 0 ? 1.25 : 0.8), event.clientX - el.getBoundingClientRect().left);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const zoom: 'years' | 'months' = (px ?? 0) >= MONTHS_FROM ? 'months' : 'years';
  const axisHeight = zoom === 'months' ? 42 : 26;

  // Only the rows in view (and a few beyond) are drawn; the row holding the focus stays drawn while scrolled away,
  // so that the focus never drops to the page.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    return keep === null || keep >= range.count || indexes.includes(keep) ? indexes : [...indexes, keep].sort((a, b) => a - b);
  }, []);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollMargin: axisHeight,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const onView = list?.onView;
  const drawn = items.map((item) => item.index).join();
  useEffect(() => onView?.(drawn ? drawn.split(',').map(Number) : []), [onView, drawn]);
  const rowAt = list ? list.rowAt : (index: number) => all![index];

  const axis = useMemo(() => {
    if (px === null) return null;
    const locale = uiLocale();
    const yearFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
    const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    // A label every `step` years, as the locale writes a year (2016年) when there is room, else in digits.
    const step = [1, 2, 5, 10, 20].find((s) => s * px >= 36) ?? 50;
    const yearLabel = (year: number) => (step * px >= (lang === 'zh' ? 56 : 40) ? yearFormat.format(Date.UTC(year, 0, 1)) : String(year));
    const years = [];
    const months = [];
    const lines = [];
    for (let year = startYear; year < endYear; year += 1) {
      const left = x(Date.UTC(year, 0, 1));
      lines.push(<div key={`y${year}`} className={`${classes.gridLine} ${classes.gridYear}`} style={{ left }} />);
      if (zoom !== 'months') {
        if ((year - startYear) % step === 0) {
          years.push(
            <div key={year} className={`${classes.tick} ${classes.yearTick}`} style={{ left, height: axisHeight, paddingTop: 4 }}>
              {yearLabel(year)}
            </div>,
          );
        }
        continue;
      }
      // Over the months, the year spans its twelve; its label sticks to the left edge while the year is in view.
      years.push(
        <div
          key={year}
          className={`${classes.tick} ${classes.yearTick}`}
          style={{ left, width: x(Date.UTC(year + 1, 0, 1)) - left, height: axisHeight, paddingTop: 4 }}
        >
          <span className={classes.yearSticky} style={{ left: labelWidth + 4 }}>
            {yearLabel(year)}
          </span>
        </div>,
      );
      for (let month = 0; month < 12; month += 1) {
        const monthLeft = x(Date.UTC(year, month, 1));
        if (month > 0) lines.push(<div key={`m${year}-${month}`} className={classes.gridLine} style={{ left: monthLeft }} />);
        months.push(
          <div key={`${year}-${month}`} className={`${classes.tick} ${classes.monthTick}`} style={{ left: monthLeft }} data-testid="timeline-month">
            {monthFormat.format(Date.UTC(year, month, 1))}
          </div>,
        );
      }
    }
    return { ticks: [...months, ...years], lines };
  }, [px, x, startYear, endYear, zoom, axisHeight, lang, labelWidth]);

  const todayLeft = x((periodOf(today)[0] + periodOf(today)[1]) / 2);
  const single = !labels ? rowAt(0) : undefined;
  const singleNotes = single ? moreText(t, single) : [];
  const empty = all ? all.every((row) => row.milestones.length === 0 && row.meetings.length === 0) : list!.span === null;

  return (
    <Stack gap="xs" component="section" aria-label={t('timeline.chart.label', { name })} data-testid="timeline-chart">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={t('timeline.chart.zoom')}
            value={zoom}
            onChange={(value) => zoomTo(value === 'months' ? MONTHS_PX : fitPx.current < MONTHS_FROM ? fitPx.current : YEARS_PX)}
            data={[
              { value: 'years', label: t('timeline.chart.years') },
              { value: 'months', label: t('timeline.chart.months') },
            ]}
          />
          <ActionIcon
            variant="default"
            aria-label={t('timeline.chart.zoomOut')}
            title={t('timeline.chart.zoomOut')}
            onClick={() => zoomTo((px ?? YEARS_PX) / ZOOM_STEP)}
            disabled={px !== null && px <= MIN_PX}
          >
            <IconZoomOut size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={t('timeline.chart.zoomIn')}
            title={t('timeline.chart.zoomIn')}
            onClick={() => zoomTo((px ?? YEARS_PX) * ZOOM_STEP)}
            disabled={px !== null && px >= MAX_PX}
          >
            <IconZoomIn size={16} aria-hidden />
          </ActionIcon>
          <Text size="xs" c="dimmed">
            {t('timeline.chart.wheelHint')}
          </Text>
        </Group>
        <ul className={classes.legend} aria-label={t('timeline.chart.legend')}>
          {(['done', 'planned', 'cancelled'] as const).map((status) => (
            <li key={status}>
              <span className={`${classes.legendShape} ${SHAPE_CLASS[status]}`} aria-hidden />
              {t(`timeline.chart.statuses.${status}`)}
            </li>
          ))}
          <li>
            <span className={`${classes.span} ${classes.spanDone} ${classes.legendSpan}`} aria-hidden />
            {t('timeline.chart.period')}
          </li>
          <li>
            <span className={`${classes.legendShape} ${SHAPE_CLASS.meeting}`} aria-hidden />
            {t('timeline.chart.meeting')}
          </li>
          <li>
            <span style={{ width: 0, height: 14, borderLeft: '2px dashed var(--mantine-color-red-5)' }} aria-hidden />
            {t('timeline.chart.today')}
          </li>
        </ul>
      </Group>
      <div ref={scroller} className={classes.scroller} style={{ maxHeight: maxHeight ?? undefined }} data-testid="timeline-scroller">
        {px !== null && axis ? (
          <div className={classes.canvas} style={{ width: labelWidth + plotWidth }}>
            <div className={classes.head} style={{ height: axisHeight }}>
              {labels ? (
                <div className={classes.corner} style={{ width: labelWidth }}>
                  {t('timeline.chart.partnership')}
                </div>
              ) : null}
              <div className={classes.axis} style={{ width: plotWidth, height: axisHeight }} data-testid="timeline-axis" data-zoom={zoom}>
                {axis.ticks}
              </div>
            </div>
            <div className={classes.grid} style={{ left: labelWidth, top: axisHeight, width: plotWidth, bottom: 0 }} aria-hidden>
              {axis.lines}
              <div className={classes.todayLine} style={{ left: todayLeft }} />
            </div>
            <div
              className={classes.rows}
              style={{ height: virtualizer.getTotalSize() }}
              onFocus={(event) => {
                const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
                focused.current = row ? Number(row.dataset.index) : null;
              }}
              onBlur={() => {
                focused.current = null;
              }}
            >
              {items.map((item) => (
                <TimelineRowView
                  key={rowAt(item.index)?.id ?? `placeholder-${item.index}`}
                  row={rowAt(item.index)}
                  index={item.index}
                  top={item.start - axisHeight}
                  start={t0}
                  end={Date.UTC(endYear, 0, 1)}
                  labelWidth={labelWidth}
                  rowHeight={rowHeight}
                />
              ))}
            </div>
          </div>
        ) : null}
      </div>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('timeline.chart.noEvents')}
        </Text>
      ) : null}
      {singleNotes.map((note) => (
        <Text key={note} size="xs" c="dimmed">
          {note}
        </Text>
      ))}
    </Stack>
  );
}

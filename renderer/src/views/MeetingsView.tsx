import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { MeetingListItem } from '@db/meetings';
import { formatNumber } from '../format';
import { navigate } from '../route';
import { useApiPages } from '../useApi';
import { formatDay, isCalendarDate, partnershipTitle } from './meeting/shared';
import { PartnershipPicker, useKnownPartnerships } from '../components/pickers';
import { ExportMenu } from '../components/ExportMenu';
import { MEETING_FORMAT_LABELS, MEETING_KIND_LABELS } from '@common/labels';
import { DateField } from '../components/DateField';

/** Every row is one line high, so the list knows its full height before it has the rows. */
const ROW_HEIGHT = 40;
const PAGE_SIZE = 200;
/** Ask for the next page when the rows in view come this close to the last one loaded. */
const FETCH_AHEAD = 60;
const FIELDS = ['date', 'time', 'title', 'kind', 'format', 'partnerships'] as const;
/** The columns as wide as their widest value (never cut); the title and the partnerships share the rest. */
const FITTED = ['date', 'time', 'kind', 'format'] as const;
type Widths = Record<(typeof FITTED)[number], number>;
const columnsOf = (w: Widths) => `${w.date}px ${w.time}px minmax(9em, 3fr) ${w.kind}px ${w.format}px minmax(6em, 2fr)`;

const cell: CSSProperties = { padding: '0 var(--mantine-spacing-xs)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 };
const headerCell: CSSProperties = { ...cell, fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' };

/**
 * Each row of the log is a grid of its own (rows come and go as they scroll), so the fitted columns get
 * their widths from here: every value they can show, laid out unseen in the cells' fonts and measured,
 * again when a font arrives.
 */
function useFittedWidths(language: string, header: (field: string) => string): [Widths | null, ReactElement] {
  const sizer = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<Widths | null>(null);
  useLayoutEffect(() => {
    const element = sizer.current;
    if (!element) return;
    const measure = () => {
      const next = {} as Widths;
      for (const field of FITTED) {
        const spans = element.querySelectorAll<HTMLElement>(`[data-field="${field}"]`);
        next[field] = Math.ceil(Math.max(...[...spans].map((span) => span.getBoundingClientRect().width))) + 1;
      }
      setWidths((before) => (before && FITTED.every((f) => before[f] === next[f]) ? before : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    element.querySelectorAll('span').forEach((span) => observer.observe(span));
    return () => observer.disconnect();
  }, [language]);
  const lang = language === 'zh' ? 'zh' : 'en';
  // The longest day of each month (the month names differ in length), a late time, every kind and format.
  const values: Record<(typeof FITTED)[number], string[]> = {
    date: Array.from({ length: 12 }, (_, m) => formatDay(`2000-${String(m + 1).padStart(2, '0')}-28`)),
    time: ['23:59', '00:00'],
    kind: Object.values(MEETING_KIND_LABELS[lang]),
    format: Object.values(MEETING_FORMAT_LABELS[lang]),
  };
  const sizerElement = (
    <div ref={sizer} aria-hidden style={{ position: 'absolute', visibility: 'hidden', height: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}>
      {FITTED.map((field) => (
        <div key={field}>
          <span data-field={field} style={{ ...headerCell, display: 'inline-block' }}>
            {header(field)}
          </span>
          {values[field].map((value) => (
            <span key={value} data-field={field} style={{ ...cell, display: 'inline-block' }}>
              {value}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
  return [widths, sizerElement];
}

/** The meeting log: newest first, filtered by partnership, date range and title; paged and virtualized. */
export function MeetingsView() {
  const { t, i18n } = useTranslation();
  const [widths, sizer] = useFittedWidths(i18n.language, (field) => t(`meetings.fields.${field}`));
  const columns = columnsOf(widths ?? { date: 120, time: 60, kind: 160, format: 100 });
  const [query, setQuery] = useState('');
  const [partnershipId, setPartnershipId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const validFrom = isCalendarDate(from) ? from : undefined;
  const validTo = isCalendarDate(to) ? to : undefined;
  const partnershipNames = useKnownPartnerships([partnershipId]);
  const logMeeting = () => navigate('meetings', 'new');
  const filtered = !!(debounced || partnershipId || validFrom || validTo);

  // The pages loaded so far for the current filters (by the meeting cursor); a new filter starts over at page one.
  const filters = {
    ...(debounced ? { query: debounced } : {}),
    ...(partnershipId ? { partnershipId } : {}),
    ...(validFrom ? { from: validFrom } : {}),
    ...(validTo ? { to: validTo } : {}),
  };
  const { rows, total, loading, loadMore } = useApiPages('meetings.list', filters, { pageSize: PAGE_SIZE, cursor: 'after' });
  const log = total === undefined ? null : { total };

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastInView = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (lastInView >= rows.length - FETCH_AHEAD) loadMore();
  }, [lastInView, rows.length, loadMore]);

  // A new filter shows its first rows from the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [debounced, partnershipId, validFrom, validTo]);

  // Ctrl/Cmd+N works from the filter fields too: it types nothing.
  useHotkeys([['mod+N', logMeeting]], []);

  const open = (m: MeetingListItem) => navigate('meetings', m.id);

  return (
    <Stack>
      {sizer}
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('meetings.list.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <ExportMenu view="meetings" filters={filters} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={logMeeting} title="Ctrl+N" aria-keyshortcuts="Control+N Meta+N">
            {t('meetings.list.new')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('meetings.list.filters')}>
        <TextInput
          label={t('meetings.list.search')}
          placeholder={t('meetings.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={180}
        />
        <PartnershipPicker
          label={t('meetings.fields.partnership')}
          placeholder={t('meetings.list.allPartnerships')}
          clearable
          value={partnershipId}
          known={partnershipNames.known}
          onChange={(id, row) => {
            if (row) partnershipNames.remember([row]);
            setPartnershipId(id);
          }}
          style={{ width: 240 }}
        />
        <DateField label={t('meetings.list.from')} value={from} onChange={setFrom} clearable w={156} />
        <DateField label={t('meetings.list.to')} value={to} onChange={setTo} clearable w={156} />
      </Group>
      {log ? (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="meetings-count">
          {t('meetings.list.count', { count: log.total, formatted: formatNumber(log.total) })}
        </Text>
      ) : null}
      {log && log.total === 0 && !loading ? <Text c="dimmed">{filtered ? t('meetings.list.noMatches') : t('meetings.list.empty')}</Text> : null}
      {log && log.total > 0 ? (
        <div
          ref={scroller}
          role="table"
          aria-label={t('meetings.list.title')}
          aria-rowcount={log.total + 1}
          aria-busy={loading}
          data-testid="meetings-table"
          className="meetings-log"
          style={{
            maxHeight: 'max(320px, calc(100vh - 300px))',
            overflow: 'auto',
            position: 'relative',
            contain: 'strict',
            height: Math.min(ROW_HEIGHT * (log.total + 1), 100000),
          }}
        >
          <div role="rowgroup" className="meetings-log-head">
            <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', height: ROW_HEIGHT }}>
              {FIELDS.map((field) => (
                <div role="columnheader" key={field} style={headerCell} title={t(`meetings.fields.${field}`)}>
                  {t(`meetings.fields.${field}`)}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const m = rows[item.index]!;
              const partners = m.partnerships.map((p) => partnershipTitle(p)).join(' · ');
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  className={`clickable-row meetings-log-row${item.index % 2 ? '' : ' striped'}`}
                  tabIndex={0}
                  onClick={() => open(m)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open(m);
                    }
                  }}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: columns,
                    alignItems: 'center',
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <div role="cell" style={cell}>
                    {formatDay(m.date)}
                  </div>
                  <div role="cell" style={cell}>
                    {m.time ?? ''}
                  </div>
                  <div role="cell" style={{ ...cell, fontWeight: 500 }} title={m.title}>
                    {m.title}
                  </div>
                  <div role="cell" style={cell}>
                    {t(`meetings.kind.${m.kind}`)}
                  </div>
                  <div role="cell" style={cell}>
                    {t(`meetings.format.${m.format}`)}
                  </div>
                  <div role="cell" style={{ ...cell, fontSize: 'var(--mantine-font-size-sm)' }} title={partners}>
                    {partners}
                  </div>
                </div>
              );
            })}
          </div>
          {loading && rows.length > 0 ? (
            <Group justify="center" p="xs" aria-label={t('meetings.list.loadingMore')}>
              <Loader size="xs" />
            </Group>
          ) : null}
        </div>
      ) : null}
    </Stack>
  );
}

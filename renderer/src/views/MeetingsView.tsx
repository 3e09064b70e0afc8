import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { Button, Group, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingListItem } from '@db/meetings';
import { formatNumber } from '../format';
import { navigate } from '../route';
import { useApiWindow } from '../useApi';
import { MEETING_LOG_WINDOW } from '../lib/read-ahead';
import { formatDay, isCalendarDate, partnershipTitle } from './meeting/shared';
import { PartnershipPicker, useKnownPartnerships } from '../components/pickers';
import { ExportMenu } from '../components/ExportMenu';
import { MEETING_FORMAT_LABELS, MEETING_KIND_LABELS } from '@common/labels';
import { DateField } from '../components/DateField';
import { useLogColumns } from './meeting/log-columns';

/** Every row is one line high, so the list knows its full height before it has the rows. */
const ROW_HEIGHT = 40;
/** Rows drawn either side of the view. */
const OVERSCAN = 12;
const FIELDS = ['date', 'time', 'title', 'kind', 'format', 'partnerships'] as const;

/**
 * The first and last of `count` rows in view in `scroller`, from its scroll position alone: every row (and the
 * header above them, sticky at the top of the scroller) is ROW_HEIGHT high, so nothing is measured and 200,000
 * rows cost what 20 do. `sync` reads the position again at once (after the list was scrolled by script).
 */
function useRowsInView(scroller: RefObject<HTMLDivElement | null>, count: number): { first: number; last: number; sync: () => void } {
  const [view, setView] = useState({ first: 0, last: 0 });
  const sync = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const first = Math.max(0, Math.min(count - 1, Math.floor(element.scrollTop / ROW_HEIGHT)));
    const last = Math.max(first, Math.min(count - 1, Math.floor((element.scrollTop + element.clientHeight - ROW_HEIGHT - 1) / ROW_HEIGHT)));
    setView((v) => (v.first === first && v.last === last ? v : { first, last }));
  }, [scroller, count]);
  // Read when the list is first laid out or resized (never by forcing a layout of the new view), and on scrolling:
  // the rows of the new place drawn at once, before the frame is laid out and painted (one layout a frame, no blank one).
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const scrolled = () => flushSync(sync);
    element.addEventListener('scroll', scrolled, { passive: true });
    const observer = new ResizeObserver(sync);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', scrolled);
      observer.disconnect();
    };
  }, [scroller, sync]);
  return { ...view, sync };
}

/** What the log is filtered by (the contract's meeting filters). */
type LogFilters = { query?: string; partnershipId?: string; from?: string; to?: string };

/** The meeting log: newest first, filtered by partnership, date range and title; read where it is looked at. */
export function MeetingsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [partnershipId, setPartnershipId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const validFrom = isCalendarDate(from) ? from : undefined;
  const validTo = isCalendarDate(to) ? to : undefined;
  const partnershipNames = useKnownPartnerships([partnershipId]);
  const logMeeting = () => navigate('meetings', 'new');
  // The same object while the filters are the same: the log below draws alone while it scrolls, not the filters.
  const filters = useMemo<LogFilters>(
    () => ({
      ...(debounced ? { query: debounced } : {}),
      ...(partnershipId ? { partnershipId } : {}),
      ...(validFrom ? { from: validFrom } : {}),
      ...(validTo ? { to: validTo } : {}),
    }),
    [debounced, partnershipId, validFrom, validTo],
  );

  // Ctrl/Cmd+N works from the filter fields too: it types nothing.
  useHotkeys([['mod+N', logMeeting]], []);

  return (
    <Stack>
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
      <MeetingsLog filters={filters} filtered={Object.keys(filters).length > 0} />
    </Stack>
  );
}

/**
 * The log itself: the count, and the table of the rows in view, their pages read by offset (a jump reads where it
 * lands, not the pages before it), placeholders until they come. It draws on every frame while it scrolls, alone.
 */
const MeetingsLog = memo(function MeetingsLog({ filters, filtered }: { filters: LogFilters; filtered: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const columns = useLogColumns(lang);
  // The kinds' and formats' names straight from their tables (the translations hold the same): dozens of rows a frame.
  const kindLabels = MEETING_KIND_LABELS[lang];
  const formatLabels = MEETING_FORMAT_LABELS[lang];
  const scroller = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  const view = useRowsInView(scroller, count);

  // The rows drawn: those in view and a few either side, and the one with the focus while it scrolls out of view
  // (so the focus never falls to the page). Their pages are read (a jump's once the view stays put).
  const [focused, setFocused] = useState<number | null>(null);
  const shown: number[] = [];
  for (let i = Math.max(0, view.first - OVERSCAN); i <= Math.min(count - 1, view.last + OVERSCAN); i++) shown.push(i);
  if (focused !== null && focused < count && !shown.includes(focused)) shown.push(focused);
  const { rowAt, total, loading } = useApiWindow('meetings.list', filters, shown, MEETING_LOG_WINDOW);
  if ((total ?? 0) !== count) setCount(total ?? 0);
  const log = total === undefined ? null : { total };

  const open = (m: MeetingListItem) => navigate('meetings', m.id);
  const loadingRow = t('meetings.list.loadingRow');

  /** Scroll a row into view (as little as needed) and focus it; its page is read once the view stays there. */
  const focusRow = (index: number) => {
    const element = scroller.current;
    if (!element || count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const top = target * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + 2 * ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + 2 * ROW_HEIGHT - element.clientHeight;
    // Drawn now, so the focus goes straight from one row to the other.
    flushSync(() => {
      setFocused(target);
      view.sync();
    });
    element.querySelector<HTMLElement>(`[role="row"][data-index="${target}"]`)?.focus();
  };
  /** Where a key moves the focus from a row: one row, a screenful (the rows the list shows at once), either end. */
  const moveOf = (key: string, index: number): number | undefined => {
    const screenful = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + screenful,
      PageUp: index - screenful,
      Home: 0,
      End: (total ?? 1) - 1,
    };
    return moves[key];
  };
  const onRowKey = (e: KeyboardEvent, index: number, m: MeetingListItem | undefined) => {
    const to = moveOf(e.key, index);
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if ((e.key === 'Enter' || e.key === ' ') && m) {
      e.preventDefault();
      open(m);
    }
  };

  // A new filter shows its first rows from the top. Not at the mount: the log is at its top, and scrolling would lay
  // out the new view in the middle of drawing it.
  const shownFilters = useRef(filters);
  useEffect(() => {
    if (shownFilters.current === filters) return;
    shownFilters.current = filters;
    scroller.current?.scrollTo({ top: 0 });
  }, [filters]);

  return (
    <>
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
          style={
            {
              maxHeight: 'max(320px, calc(100vh - 300px))',
              overflow: 'auto',
              position: 'relative',
              contain: 'strict',
              height: Math.min(ROW_HEIGHT * (log.total + 1), 100000),
              '--meetings-log-columns': columns,
              '--meetings-log-row': `${ROW_HEIGHT}px`,
            } as CSSProperties
          }
        >
          <div role="rowgroup" className="meetings-log-head">
            <div role="row" aria-rowindex={1} className="meetings-log-grid">
              {FIELDS.map((field) => (
                <div role="columnheader" key={field} className="meetings-log-cell meetings-log-head-cell" title={t(`meetings.fields.${field}`)}>
                  {t(`meetings.fields.${field}`)}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
            {shown.map((index) => {
              const m = rowAt(index);
              const rowProps = {
                role: 'row',
                'aria-rowindex': index + 2,
                'data-index': index,
                tabIndex: 0,
                onKeyDown: (e: KeyboardEvent) => onRowKey(e, index, m),
                onFocus: () => setFocused(index),
                style: { transform: `translateY(${index * ROW_HEIGHT}px)` },
              } as const;
              const striped = index % 2 ? '' : ' striped';
              if (!m) {
                // Not here yet: a row of bars in the columns' places, read out as loading.
                return (
                  <div key={index} {...rowProps} aria-busy className={`meetings-log-grid meetings-log-row${striped}`} data-placeholder>
                    {FIELDS.map((field, i) => (
                      <div role="cell" key={field} className="meetings-log-cell">
                        {i === 0 ? <VisuallyHidden>{loadingRow}</VisuallyHidden> : null}
                        <span className="meetings-log-bar" aria-hidden />
                      </div>
                    ))}
                  </div>
                );
              }
              const partners = m.partnerships.map((p) => partnershipTitle(p)).join(' · ');
              return (
                <div key={index} {...rowProps} className={`clickable-row meetings-log-grid meetings-log-row${striped}`} onClick={() => open(m)}>
                  <div role="cell" className="meetings-log-cell">
                    {formatDay(m.date)}
                  </div>
                  <div role="cell" className="meetings-log-cell">
                    {m.time ?? ''}
                  </div>
                  <div role="cell" className="meetings-log-cell meetings-log-title" title={m.title}>
                    {m.title}
                  </div>
                  <div role="cell" className="meetings-log-cell">
                    {kindLabels[m.kind]}
                  </div>
                  <div role="cell" className="meetings-log-cell">
                    {formatLabels[m.format]}
                  </div>
                  <div role="cell" className="meetings-log-cell meetings-log-small" title={partners}>
                    {partners}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      ) : null}
    </>
  );
});

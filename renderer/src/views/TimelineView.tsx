import { useCallback, useMemo, useState } from 'react';
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiWindow } from '../useApi';
import { formatNumber } from '../format';
import { TimelineChart, type TimelineWindow } from '../components/Timeline';
import { PARTNERSHIP_STATUS_LIST } from './partnership/common';
import type { PartnershipStatus } from '@db/partnerships';

/** Partnerships a page of the timeline holds (the contract's own page). */
const TIMELINE_WINDOW = { pageSize: 40 };
const TOP: readonly number[] = [0];

/**
 * #/timeline: the milestones and meetings of the whole portfolio, one row per partnership, every partnership reached
 * by scrolling: the rows in view are drawn, their pages read as they come into view. Lazy-loaded.
 */
export function TimelineView() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PartnershipStatus | null>(null);
  // The rows the chart draws, for the status they were drawn for: a new status starts again at the top.
  const [drawn, setDrawn] = useState({ status, indexes: TOP });
  const onView = useCallback(
    (indexes: readonly number[]) => setDrawn((old) => (old.status === status && old.indexes.join() === indexes.join() ? old : { status, indexes })),
    [status],
  );
  const input = useMemo(() => (status ? { status } : {}), [status]);
  const { answer: data, rowAt } = useApiWindow('timeline.portfolio', input, drawn.status === status ? drawn.indexes : TOP, TIMELINE_WINDOW);
  const total = data?.total ?? 0;
  const span = data?.span ?? null;
  const rows = useMemo<TimelineWindow>(() => ({ total, rowAt, onView, span }), [total, rowAt, onView, span]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('timeline.view.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('timeline.view.intro')}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          {data ? (
            <Text size="sm" c="dimmed" pb={6} data-testid="timeline-count">
              {t('timeline.view.count', { count: data.total, formatted: formatNumber(data.total) })}
            </Text>
          ) : null}
          <Select
            label={t('timeline.view.status')}
            size="sm"
            w={200}
            value={status ?? ''}
            onChange={(value) => setStatus(value ? (value as PartnershipStatus) : null)}
            allowDeselect={false}
            data={[{ value: '', label: t('timeline.view.allStatuses') }, ...PARTNERSHIP_STATUS_LIST.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
        </Group>
      </Group>
      {!data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : data.total === 0 ? (
        <Text c="dimmed">{t('timeline.view.empty')}</Text>
      ) : (
        <TimelineChart key={status ?? 'all'} rows={rows} name={t('timeline.view.portfolio')} fillHeight />
      )}
    </Stack>
  );
}

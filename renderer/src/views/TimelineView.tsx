import { useState } from 'react';
import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { formatNumber } from '../format';
import { TimelineChart } from '../components/Timeline';
import { PARTNERSHIP_STATUS_LIST } from './partnership/common';
import type { PartnershipStatus } from '@db/partnerships';

/** #/timeline: the milestones and meetings of the whole portfolio, one row per partnership. Lazy-loaded. */
export function TimelineView() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PartnershipStatus | null>(null);
  const { data } = useApi('timeline.portfolio', status ? { status } : {}, { keepPrevious: true });

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
      ) : data.rows.length === 0 ? (
        <Text c="dimmed">{t('timeline.view.empty')}</Text>
      ) : (
        <>
          {data.total > data.rows.length ? (
            <Alert color="yellow" py="xs">
              {t('timeline.view.truncated', { shown: formatNumber(data.rows.length), total: formatNumber(data.total) })}
            </Alert>
          ) : null}
          <TimelineChart key={status ?? 'all'} rows={data.rows} name={t('timeline.view.portfolio')} fillHeight />
        </>
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLoad } from '../useLoad';
import { formatPartialDate } from '../format';
import type { PartnershipListItem, PartnershipStatus } from '../../../db/partnerships';

export const STATUS_COLORS: Record<PartnershipStatus, string> = {
  prospect: 'gray',
  negotiating: 'yellow',
  active: 'green',
  dormant: 'orange',
  concluded: 'blue',
};
const STATUSES = Object.keys(STATUS_COLORS) as PartnershipStatus[];

function localTitle(p: PartnershipListItem, language: string): string {
  return (language === 'zh' ? p.titleZh : p.titleEn) ?? p.title;
}

export function PartnershipsView() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<PartnershipStatus | null>(null);
  const [debounced] = useDebouncedValue(query, 200);
  const { data, loading } = useLoad(
    () => api['partnerships.list']({ query: debounced || undefined, status: status ?? undefined }),
    [debounced, status],
  );
  const zh = i18n.language === 'zh';

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('partnerships.title')}</Title>
        <Group>
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('partnerships.filterPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={260}
          />
          <Select
            aria-label={t('partnerships.columns.status')}
            placeholder={t('partnerships.allStatuses')}
            clearable
            value={status}
            onChange={(v) => setStatus(v as PartnershipStatus | null)}
            data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            w={160}
          />
        </Group>
      </Group>
      {data && data.length === 0 && !loading ? <Text c="dimmed">{t('partnerships.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('partnerships.title')} data-testid="partnerships-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('partnerships.columns.title')}</Table.Th>
              <Table.Th>{t('partnerships.columns.parties')}</Table.Th>
              <Table.Th>{t('partnerships.columns.kind')}</Table.Th>
              <Table.Th w={110}>{t('partnerships.columns.status')}</Table.Th>
              <Table.Th>{t('partnerships.columns.since')}</Table.Th>
              <Table.Th>{t('partnerships.columns.programme')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={500}>{localTitle(p, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.parties.map((party) => (zh ? party.nameZh : party.nameEn) ?? party.displayName).join(' · ')}
                    {p.partyCount > p.parties.length ? (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        {t('partnerships.moreParties', { count: p.partyCount - p.parties.length })}
                      </Text>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`partnershipKind.${p.kind}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[p.status]} variant="light" tt="none" style={{ overflow: 'visible' }}>
                    {t(`status.${p.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(p.statusSince)}</Table.Td>
                <Table.Td>{(zh ? p.programmeNameZh : p.programmeNameEn) ?? t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

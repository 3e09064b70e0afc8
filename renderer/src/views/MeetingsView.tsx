import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate } from '../route';
import { useLoad } from '../useLoad';
import { formatDay, isCalendarDate, partnershipTitle } from './meeting/shared';
import { allPages } from '../api/pages';

/** The meeting log: newest first, filtered by partnership, date range and title. */
export function MeetingsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [partnershipId, setPartnershipId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const validFrom = isCalendarDate(from) ? from : undefined;
  const validTo = isCalendarDate(to) ? to : undefined;
  const { data: partnerships } = useLoad(() => allPages((page) => api['partnerships.list'](page)), []);
  const { data, loading } = useLoad(
    () => api['meetings.list']({ query: debounced || undefined, partnershipId: partnershipId ?? undefined, from: validFrom, to: validTo }),
    [debounced, partnershipId, validFrom, validTo],
  );
  const logMeeting = () => navigate('meetings', 'new');
  const filtered = !!(debounced || partnershipId || validFrom || validTo);

  // Ctrl/Cmd+N works from the filter fields too: it types nothing.
  useHotkeys([['mod+N', logMeeting]], []);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('meetings.list.title')}</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={logMeeting} title="Ctrl+N" aria-keyshortcuts="Control+N Meta+N">
          {t('meetings.list.new')}
        </Button>
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
        <Select
          label={t('meetings.fields.partnership')}
          placeholder={t('meetings.list.allPartnerships')}
          clearable
          searchable
          nothingFoundMessage={t('common.noMatches')}
          value={partnershipId}
          onChange={setPartnershipId}
          data={(partnerships ?? []).map((p) => ({ value: p.id, label: partnershipTitle(p) }))}
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput type="date" label={t('meetings.list.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={150} />
        <TextInput type="date" label={t('meetings.list.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={150} />
      </Group>
      {data && data.length === 0 && !loading ? <Text c="dimmed">{filtered ? t('meetings.list.noMatches') : t('meetings.list.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('meetings.list.title')} data-testid="meetings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.fields.date')}</Table.Th>
              <Table.Th>{t('meetings.fields.time')}</Table.Th>
              <Table.Th>{t('meetings.fields.title')}</Table.Th>
              <Table.Th>{t('meetings.fields.kind')}</Table.Th>
              <Table.Th>{t('meetings.fields.format')}</Table.Th>
              <Table.Th>{t('meetings.fields.partnerships')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((m) => (
              <Table.Tr
                key={m.id}
                className="clickable-row"
                tabIndex={0}
                onClick={() => navigate('meetings', m.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    navigate('meetings', m.id);
                  }
                }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(m.date)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.time ?? ''}</Table.Td>
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {m.title}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`meetings.kind.${m.kind}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`meetings.format.${m.format}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.partnerships.map((p) => partnershipTitle(p)).join(' · ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncLogEntry } from '@db/sync/review';
import { formatNumber } from '../../format';
import { i18n } from '../../i18n';
import { formatInstant } from './syncFormat';

/** Import entries count added/changed/deleted/conflicts; export entries store the records per entity. */
function countsText(entry: SyncLogEntry): string {
  const counts = entry.counts as Record<string, unknown>;
  const number = (key: string) => (typeof counts[key] === 'number' ? (counts[key] as number) : 0);
  if (entry.direction === 'import') {
    return i18n.t('sync.history.importCounts', {
      added: formatNumber(number('added')),
      changed: formatNumber(number('changed')),
      deleted: formatNumber(number('deleted')),
      conflicts: formatNumber(number('conflicts')),
    });
  }
  const total = Object.values(counts).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  return i18n.t('sync.history.exportCounts', { records: formatNumber(total) });
}

export function HistoryPanel({ entries }: { entries: SyncLogEntry[] | undefined }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('sync.history.heading')}
      </Title>
      {entries && entries.length === 0 ? <Text c="dimmed">{t('sync.history.empty')}</Text> : null}
      {entries && entries.length > 0 ? (
        <Table striped verticalSpacing="xs" layout="fixed" aria-label={t('sync.history.heading')} data-testid="sync-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="18%">{t('sync.history.columns.at')}</Table.Th>
              <Table.Th w="14%">{t('sync.history.columns.direction')}</Table.Th>
              <Table.Th>{t('sync.history.columns.file')}</Table.Th>
              <Table.Th w="17%">{t('sync.history.columns.office')}</Table.Th>
              <Table.Th w="26%">{t('sync.history.columns.counts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatInstant(entry.at)}</Table.Td>
                <Table.Td>
                  <Badge tt="none" size="sm" variant="light" color={entry.direction === 'import' ? 'teal' : 'indigo'}>
                    {t(`sync.history.${entry.direction}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.fileName}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.peerOffice ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{countsText(entry)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

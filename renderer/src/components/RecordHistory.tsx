import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLoad } from '../useLoad';
import { formatDateTime } from '../views/task/format';
import type { HistoryEntry } from '../../../db/history';
import type { RecordEntity } from '../../../db/schema';

function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.map((v) => show(v, none)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}

/** The change list of one record: field, old → new, who, when, and whether it came by merge. */
export function RecordHistory({ entity, id }: { entity: RecordEntity; id: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useLoad(() => api['history.list']({ entity, id }), [entity, id]);
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (data.length === 0) return <Text c="dimmed">{t('backups.history.empty')}</Text>;
  const none = t('backups.history.none');
  const label = (field: string) => (i18n.exists(`sync.fields.${field}`) ? t(`sync.fields.${field}`) : field.replace(/_/g, ' '));
  const who = (entry: HistoryEntry) =>
    entry.office ?? (entry.via === 'sample' || entry.via === 'generated' ? t(`backups.history.${entry.via}`) : entry.via === 'local' ? t('backups.history.local') : entry.origin.slice(0, 8));
  return (
    <Table verticalSpacing="xs" aria-label={t('backups.history.label')} data-testid="history-table" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">{t('backups.history.columns.field')}</Table.Th>
          <Table.Th>{t('backups.history.columns.change')}</Table.Th>
          <Table.Th w="24%">{t('backups.history.columns.who')}</Table.Th>
          <Table.Th w="18%">{t('backups.history.columns.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((entry) => (
          <Table.Tr key={`${entry.field}/${entry.hlc}`} data-testid="history-row">
            <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
              {label(entry.field)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {entry.first ? (
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('backups.history.created')}{' '}
                  </Text>
                  {show(entry.newValue, none)}
                </Text>
              ) : (
                <Text size="sm">
                  <Text span c="dimmed" size="sm" td="line-through">
                    {show(entry.oldValue, none)}
                  </Text>
                  {' → '}
                  {show(entry.newValue, none)}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Stack gap={2}>
                <Text size="sm">{who(entry)}</Text>
                {entry.merge ? (
                  <Badge variant="light" color="grape" tt="none" size="sm" style={{ maxWidth: '100%' }}>
                    {t('backups.history.byMerge', { from: entry.merge.peerOffice ?? entry.merge.fileName })}
                  </Badge>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(entry.recordedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

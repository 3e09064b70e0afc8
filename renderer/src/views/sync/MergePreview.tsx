import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '@db/sync/files';
import { formatNumber } from '../../format';
import { entityLabel, fieldLabel, formatFieldValue, SYNC_ENTITIES } from './syncFormat';
import { useRecordLabels } from './useRecordLabels';

const COUNT_KEYS = ['added', 'changed', 'deleted', 'conflicts'] as const;

function Count({ n, strong }: { n: number; strong?: boolean }) {
  return (
    <Text span size="sm" c={n === 0 ? 'dimmed' : undefined} fw={strong ? 600 : undefined}>
      {formatNumber(n)}
    </Text>
  );
}

/** What merging a file would do: per entity counts, conflicting fields with both values, likely duplicates, the sender. */
export function MergePreview({ summary }: { summary: MergeSummary }) {
  const { t } = useTranslation();
  const labelOf = useRecordLabels([...summary.conflictList, ...summary.duplicates.map((d) => ({ entity: 'organizations', rowId: d.localId }))]);
  const nothingNew = summary.added + summary.changed + summary.deleted + summary.conflicts === 0 && summary.duplicates.length === 0;

  return (
    <Paper withBorder p="md" radius="md" data-testid="merge-preview">
      <Stack gap="sm">
        <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {t('sync.import.summaryTitle', { file: summary.fileName })}
        </Title>
        <Group gap="xs">
          <IconBuildingCommunity size={16} aria-hidden />
          <Text size="sm">
            {t('sync.import.from')} <strong data-testid="peer-office">{summary.peerOffice ?? t('sync.import.unknownOffice')}</strong>
          </Text>
          {summary.encrypted ? (
            <Badge tt="none" size="sm" variant="light" color="teal" leftSection={<IconLock size={12} aria-hidden />}>
              {t('sync.import.encryptedFile')}
            </Badge>
          ) : (
            <Badge tt="none" size="sm" variant="light" color="gray" leftSection={<IconLockOpen size={12} aria-hidden />}>
              {t('sync.import.plainFile')}
            </Badge>
          )}
        </Group>
        {nothingNew ? <Text size="sm">{t('sync.import.nothingNew')}</Text> : null}
        <Table striped verticalSpacing={4} aria-label={t('sync.import.columns.entity')} data-testid="preview-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.import.columns.entity')}</Table.Th>
              {COUNT_KEYS.map((k) => (
                <Table.Th key={k} ta="right">
                  {t(`sync.import.columns.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SYNC_ENTITIES.map((entity) => {
              const counts = summary.entities[entity];
              return (
                <Table.Tr key={entity} data-entity={entity}>
                  <Table.Td>{entityLabel(entity)}</Table.Td>
                  {COUNT_KEYS.map((k) => (
                    <Table.Td key={k} ta="right">
                      <Count n={counts[k]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-entity="total">
              <Table.Th>{t('sync.import.total')}</Table.Th>
              {COUNT_KEYS.map((k) => (
                <Table.Td key={k} ta="right">
                  <Count n={summary[k]} strong />
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>

        {summary.conflictList.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('sync.import.conflictsTitle')} ({formatNumber(summary.conflictList.length)})
            </Title>
            <Text size="xs" c="dimmed">
              {t('sync.import.conflictsHint')}
            </Text>
            <Table layout="fixed" verticalSpacing={4} data-testid="preview-conflicts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">{t('sync.import.conflictColumns.record')}</Table.Th>
                  <Table.Th w="16%">{t('sync.import.conflictColumns.field')}</Table.Th>
                  <Table.Th>{t('sync.import.conflictColumns.ours')}</Table.Th>
                  <Table.Th>{t('sync.import.conflictColumns.theirs')}</Table.Th>
                  <Table.Th w="18%">{t('sync.import.conflictColumns.wins')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.conflictList.map((c) => {
                  const ours = c.localWon ? c.winningValue : c.losingValue;
                  const theirs = c.localWon ? c.losingValue : c.winningValue;
                  return (
                    <Table.Tr key={`${c.entity}:${c.rowId}:${c.field}`}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm">{labelOf(c)}</Text>
                        <Text size="xs" c="dimmed">
                          {entityLabel(c.entity)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{fieldLabel(c.field)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm" lineClamp={3} fw={c.localWon ? 600 : undefined}>
                          {formatFieldValue(c.entity, c.field, ours)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm" lineClamp={3} fw={c.localWon ? undefined : 600}>
                          {formatFieldValue(c.entity, c.field, theirs)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge tt="none" size="sm" variant="light" color={c.localWon ? 'indigo' : 'orange'} style={{ whiteSpace: 'normal', height: 'auto' }}>
                          {c.localWon ? t('sync.import.oursWins') : t('sync.import.theirsWins')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}

        {summary.duplicates.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('sync.import.duplicatesTitle')} ({formatNumber(summary.duplicates.length)})
            </Title>
            <Text size="xs" c="dimmed">
              {t('sync.import.duplicatesHint')}
            </Text>
            <Group gap="xs" data-testid="preview-duplicates">
              {summary.duplicates.map((d) => (
                <Badge key={`${d.localId}:${d.importedId}`} variant="outline" color="grape" tt="none" style={{ height: 'auto', whiteSpace: 'normal' }}>
                  {d.name} {t('sync.import.duplicateHere', { name: labelOf({ entity: 'organizations', rowId: d.localId }) })}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone, showError } from '../../notify';
import type { ConflictView } from '@db/sync/review';
import { entityLabel, fieldLabel, formatFieldValue, formatInstant } from './syncFormat';
import { useRecordLabels } from './useRecordLabels';

/** Fields both offices changed: keep the value the merge kept, or flip to the other one. */
export function ConflictsPanel({ conflicts }: { conflicts: ConflictView[] | undefined }) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const [working, setWorking] = useState<string | null>(null);
  const labelOf = useRecordLabels(conflicts ?? []);
  const shown = (conflicts ?? []).filter((c) => showResolved || c.resolvedAt === null);

  const resolve = async (conflict: ConflictView, choice: 'keep' | 'flip') => {
    setWorking(conflict.id);
    try {
      await api['conflicts.resolve']({ id: conflict.id, choice });
      showDone(choice === 'flip' ? t('sync.conflicts.flippedDone') : t('sync.conflicts.keptDone'));
    } catch (error) {
      showError(error);
    } finally {
      setWorking(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            {t('sync.conflicts.heading')}
          </Title>
          <Switch label={t('sync.conflicts.showResolved')} checked={showResolved} onChange={(e) => setShowResolved(e.currentTarget.checked)} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.description')}
        </Text>
        {conflicts && shown.length === 0 ? <Text>{t('sync.conflicts.empty')}</Text> : null}
        {shown.length > 0 ? (
          <Table layout="fixed" verticalSpacing="xs" aria-label={t('sync.conflicts.heading')} data-testid="conflicts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="18%">{t('sync.conflicts.columns.record')}</Table.Th>
                <Table.Th w="12%">{t('sync.conflicts.columns.field')}</Table.Th>
                <Table.Th>{t('sync.conflicts.columns.kept')}</Table.Th>
                <Table.Th>{t('sync.conflicts.columns.other')}</Table.Th>
                <Table.Th w="12%">{t('sync.conflicts.columns.detected')}</Table.Th>
                <Table.Th w={216}>{t('sync.conflicts.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => {
                const record = labelOf(c);
                const field = fieldLabel(c.field);
                const kept = formatFieldValue(c.entity, c.field, c.winningValue);
                const other = formatFieldValue(c.entity, c.field, c.losingValue);
                return (
                  <Table.Tr key={c.id} data-conflict={c.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{record}</Text>
                      <Text size="xs" c="dimmed">
                        {entityLabel(c.entity)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {field}
                      {c.kind === 'delete_edit' ? (
                        <Text size="xs" c="orange" data-testid="delete-edit">
                          {t('sync.conflicts.deletedWhileEdited', {
                            deleter: c.winningOffice ?? t('sync.conflicts.anotherOffice'),
                            editor: c.losingOffice ?? t('sync.conflicts.anotherOffice'),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm" lineClamp={4} fw={c.resolution === 'flip' ? undefined : 600} td={c.resolution === 'flip' ? 'line-through' : undefined}>
                        {kept}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('sync.conflicts.writtenBy', {
                          office: c.winningOffice ?? t('sync.conflicts.anotherOffice'),
                          at: c.winningAt ? formatInstant(c.winningAt) : '?',
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm" lineClamp={4} fw={c.resolution === 'flip' ? 600 : undefined}>
                        {other}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('sync.conflicts.writtenBy', {
                          office: c.losingOffice ?? t('sync.conflicts.anotherOffice'),
                          at: c.losingAt ? formatInstant(c.losingAt) : '?',
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatInstant(c.detectedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {c.resolvedAt ? (
                        <Badge
                          tt="none"
                          size="sm"
                          variant="light"
                          color={c.resolution === 'flip' ? 'orange' : 'gray'}
                          style={{ whiteSpace: 'normal', height: 'auto' }}
                        >
                          {c.resolution === 'flip' ? t('sync.conflicts.flipped') : t('sync.conflicts.kept')}
                        </Badge>
                      ) : (
                        <Stack gap={6} align="flex-start">
                          <Button
                            size="compact-sm"
                            variant="default"
                            leftSection={<IconCheck size={14} aria-hidden />}
                            disabled={working !== null}
                            loading={working === c.id}
                            aria-label={t('sync.conflicts.keepLabel', { value: kept, field, record })}
                            onClick={() => void resolve(c, 'keep')}
                          >
                            {t('sync.conflicts.keep')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="orange"
                            leftSection={<IconArrowsExchange size={14} aria-hidden />}
                            disabled={working !== null}
                            aria-label={t('sync.conflicts.flipLabel', { value: other, field, record })}
                            onClick={() => void resolve(c, 'flip')}
                          >
                            {t('sync.conflicts.flip')}
                          </Button>
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

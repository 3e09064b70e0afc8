import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../useApi';
import { showDone, showError } from '../notify';
import type { TrashEntity, TrashItem } from '@db/trash';
import { formatDateTime } from '../lib/task-format';

/** Record<Union, …> keeps the list complete: a kind added to the contract fails the typecheck here. */
const KIND_COLORS: Record<TrashEntity, string> = {
  partnerships: 'indigo',
  organizations: 'teal',
  milestones: 'grape',
  meetings: 'cyan',
  tasks: 'orange',
  contacts: 'pink',
  attachments: 'gray',
};
const KINDS = Object.keys(KIND_COLORS) as TrashEntity[];

/** Deleted records of every kind, newest first, each with Restore. */
export function TrashView() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TrashEntity | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const { data, loading } = useApi('trash.list');
  const items = (data ?? []).filter((item) => !kind || item.entity === kind);

  const restore = async (item: TrashItem) => {
    setRestoring(item.id);
    try {
      await api['trash.restore']({ entity: item.entity, id: item.id });
      showDone(t('tasks.trash.restored', { label: item.label || t('tasks.trash.untitled') }));
    } catch (error) {
      showError(error);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('tasks.trash.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('tasks.trash.intro')}
          </Text>
        </Stack>
        {data && data.length > 0 ? (
          <Select
            label={t('tasks.trash.kindFilter')}
            placeholder={t('tasks.trash.allKinds')}
            clearable
            value={kind}
            onChange={(v) => setKind(v && v in KIND_COLORS ? (v as TrashEntity) : null)}
            data={KINDS.map((k) => ({ value: k, label: t(`tasks.trash.kinds.${k}`) }))}
            w={180}
          />
        ) : null}
      </Group>
      {data && items.length === 0 && !loading ? (
        <Text c="dimmed" data-testid="trash-empty">
          {data.length === 0 ? t('tasks.trash.empty') : t('tasks.trash.emptyKind')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('tasks.trash.title')} data-testid="trash-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('tasks.trash.columns.kind')}</Table.Th>
                <Table.Th>{t('tasks.trash.columns.label')}</Table.Th>
                <Table.Th w={190}>{t('tasks.trash.columns.deletedAt')}</Table.Th>
                <Table.Th w={120}>
                  <VisuallyHidden>{t('tasks.trash.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const label = item.label || t('tasks.trash.untitled');
                return (
                  <Table.Tr key={`${item.entity}/${item.id}`}>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLORS[item.entity]} tt="none">
                        {t(`tasks.trash.kinds.${item.entity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(item.deletedAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconRestore size={14} aria-hidden />}
                        aria-label={t('tasks.trash.restoreLabel', { label })}
                        loading={restoring === item.id}
                        onClick={() => void restore(item)}
                      >
                        {t('tasks.trash.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}

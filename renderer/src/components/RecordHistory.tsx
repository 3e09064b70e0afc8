import { useState, type ReactNode } from 'react';
import { Badge, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconHistory, IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { formatDateTime } from '../lib/task-format';
import type { HistoryEntry } from '@db/history';
import type { RecordEntity } from '@db/schema';

/** Fields whose stored values are codes, and where their names are in each language. */
const VALUE_LABELS: Partial<Record<RecordEntity, Record<string, string>>> = {
  organizations: { kind: 'organizationKind' },
  partnerships: { status: 'status', kind: 'partnershipKind' },
  partnershipStatusHistory: { status: 'status' },
  milestones: { kind: 'partnership.milestone.kinds', status: 'partnership.milestone.statuses', date_precision: 'backups.history.precision' },
  meetings: { kind: 'partnership.meeting.kinds', format: 'partnership.meeting.formats' },
  tasks: { status: 'tasks.status', priority: 'tasks.priority' },
};

/** Where a record's own name for a field differs from the general one (a contact's title is a job title). */
const FIELD_LABELS: Partial<Record<RecordEntity, Record<string, string>>> = {
  contacts: { title: 'meetings.contacts.fields.title' },
};

function show(value: unknown, none: string, label: (code: string) => string): string {
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.map((v) => show(v, none, label)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? label(value) : String(value as number | boolean);
}

/**
 * The change list of one record: field, old → new, who, when, and whether it came by merge.
 * `compact` lays each change out on lines of its own, for a narrow drawer.
 */
export function RecordHistory({ entity, id, compact = false }: { entity: RecordEntity; id: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { data } = useApi('history.list', { entity, id });
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (data.length === 0) return <Text c="dimmed">{t('backups.history.empty')}</Text>;
  const none = t('backups.history.none');
  const label = (field: string) => {
    const own = FIELD_LABELS[entity]?.[field];
    if (own) return t(own);
    return i18n.exists(`sync.fields.${field}`) ? t(`sync.fields.${field}`) : field.replace(/_/g, ' ');
  };
  const value = (entry: HistoryEntry, v: unknown, name: string | null) => {
    if (name) return name;
    const prefix = VALUE_LABELS[entity]?.[entry.field];
    return show(v, none, (code) => (prefix && i18n.exists(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code));
  };
  const who = (entry: HistoryEntry) =>
    entry.office ??
    (entry.via === 'sample' || entry.via === 'generated'
      ? t(`backups.history.${entry.via}`)
      : entry.via === 'local'
        ? t('backups.history.local')
        : entry.origin.slice(0, 8));
  const change = (entry: HistoryEntry) =>
    entry.first ? (
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {t('backups.history.created')}{' '}
        </Text>
        {value(entry, entry.newValue, entry.newName)}
      </Text>
    ) : (
      <Text size="sm">
        <Text span c="dimmed" size="sm" td="line-through">
          {value(entry, entry.oldValue, entry.oldName)}
        </Text>
        {' → '}
        {value(entry, entry.newValue, entry.newName)}
      </Text>
    );
  const merged = (entry: HistoryEntry) =>
    entry.merge ? (
      <Badge variant="light" color="grape" tt="none" size="sm" style={{ maxWidth: '100%' }}>
        {t('backups.history.byMerge', { from: entry.merge.peerOffice ?? entry.merge.fileName })}
      </Badge>
    ) : null;

  if (compact) {
    return (
      <Stack gap="sm" component="ul" aria-label={t('backups.history.label')} data-testid="history-table" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.map((entry) => (
          <Stack key={`${entry.field}/${entry.hlc}`} component="li" gap={2} data-testid="history-row" style={{ overflowWrap: 'anywhere' }}>
            <Text size="sm" fw={500}>
              {label(entry.field)}
            </Text>
            {change(entry)}
            <Text size="xs" c="dimmed">
              {who(entry)} · {formatDateTime(entry.recordedAt)}
            </Text>
            {merged(entry)}
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs" aria-label={t('backups.history.label')} data-testid="history-table" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="17%">{t('backups.history.columns.field')}</Table.Th>
          <Table.Th>{t('backups.history.columns.change')}</Table.Th>
          <Table.Th w="19%">{t('backups.history.columns.who')}</Table.Th>
          <Table.Th w="22%">{t('backups.history.columns.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((entry) => (
          <Table.Tr key={`${entry.field}/${entry.hlc}`} data-testid="history-row">
            <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
              {label(entry.field)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{change(entry)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Stack gap={2}>
                <Text size="sm">{who(entry)}</Text>
                {merged(entry)}
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

/**
 * A record's dialog or drawer as two tabs: Details (what `children` shows, the form) and History (its
 * change list, loaded when the tab is opened). A record not saved yet (`id` null) has no history: only the details.
 */
export function WithHistoryTab({ entity, id, compact = false, children }: { entity: RecordEntity; id: string | null; compact?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'details' | 'history'>('details');
  if (!id) return <>{children}</>;
  return (
    <Tabs value={tab} onChange={(v) => setTab(v === 'history' ? 'history' : 'details')}>
      <Tabs.List mb="md">
        <Tabs.Tab value="details" leftSection={<IconListDetails size={16} aria-hidden />}>
          {t('backups.history.details')}
        </Tabs.Tab>
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
          {t('backups.history.title')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="details">{children}</Tabs.Panel>
      <Tabs.Panel value="history">{tab === 'history' ? <RecordHistory entity={entity} id={id} compact={compact} /> : null}</Tabs.Panel>
    </Tabs>
  );
}

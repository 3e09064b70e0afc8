import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiPages } from '../useApi';
import { FIT, VirtualTable, type Column } from '../components/VirtualTable';
import { ExportMenu } from '../components/ExportMenu';
import { countryName } from '../format';
import type { Organization, OrganizationListItem } from '@db/organizations';
import { OrganizationForm } from './OrganizationForm';
import { navigate } from '../route';

export function OrganizationsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const { rows, total, loading, loadMore } = useApiPages('organizations.list', debounced.trim() ? { query: debounced.trim() } : {});

  useHotkeys([['mod+N', () => setEditing('new')]], []);

  const columns: Column<OrganizationListItem>[] = [
    { key: 'name', header: t('organizations.columns.name'), width: '28%', lines: 2, fw: 500, cell: (o) => o.displayName },
    { key: 'zh', header: t('organizations.columns.zh'), width: '22%', cell: (o) => o.nameZh },
    { key: 'en', header: t('organizations.columns.en'), width: '28%', cell: (o) => o.nameEn },
    { key: 'country', header: t('organizations.columns.country'), width: '12%', cell: (o) => countryName(o.country) },
    { key: 'kind', header: t('organizations.columns.kind'), width: '10%', cell: (o) => t(`organizationKind.${o.kind}`) },
    { key: 'partnerships', header: t('organizations.columns.partnerships'), width: FIT, align: 'right', cell: (o) => o.partnershipCount },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('organizations.title')}
        </Title>
        <Group>
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('organizations.filterPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={260}
          />
          <ExportMenu view="organizations" filters={debounced.trim() ? { query: debounced.trim() } : {}} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} title="Ctrl+N">
            {t('organizations.new')}
          </Button>
        </Group>
      </Group>
      {total === 0 && !loading ? <Text c="dimmed">{t('organizations.empty')}</Text> : null}
      {total !== undefined && total > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('organizations.count', { count: total })}
          </Text>
          <VirtualTable
            rows={rows}
            total={total}
            columns={columns}
            rowKey={(o) => o.id}
            onOpen={(o) => navigate('organizations', o.id)}
            onEndReached={loadMore}
            ariaLabel={t('organizations.title')}
            testId="organizations-table"
            estimateRowHeight={41}
            verticalSpacing="xs"
          />
        </>
      ) : null}
      {editing ? (
        <OrganizationForm organization={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

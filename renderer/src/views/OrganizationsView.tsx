import { useState } from 'react';
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLoad } from '../useLoad';
import { countryName } from '../format';
import type { Organization } from '../../../db/organizations';
import { OrganizationForm } from './OrganizationForm';

export function OrganizationsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const { data, loading, reload } = useLoad(() => api['organizations.list']({ query: debounced || undefined }), [debounced]);

  useHotkeys([['mod+N', () => setEditing('new')]], []);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('organizations.title')}</Title>
        <Group>
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('organizations.filterPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={260}
          />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} title="Ctrl+N">
            {t('organizations.new')}
          </Button>
        </Group>
      </Group>
      {data && data.length === 0 && !loading ? <Text c="dimmed">{t('organizations.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('organizations.title')} data-testid="organizations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organizations.columns.name')}</Table.Th>
              <Table.Th>{t('organizations.columns.zh')}</Table.Th>
              <Table.Th>{t('organizations.columns.en')}</Table.Th>
              <Table.Th>{t('organizations.columns.country')}</Table.Th>
              <Table.Th>{t('organizations.columns.kind')}</Table.Th>
              <Table.Th ta="right">{t('organizations.columns.partnerships')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((o) => (
              <Table.Tr
                key={o.id}
                className="clickable-row"
                tabIndex={0}
                onClick={() => setEditing(o)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setEditing(o);
                  }
                }}
              >
                <Table.Td fw={500}>{o.displayName}</Table.Td>
                <Table.Td>{o.nameZh}</Table.Td>
                <Table.Td>{o.nameEn}</Table.Td>
                <Table.Td>{countryName(o.country)}</Table.Td>
                <Table.Td>{t(`organizationKind.${o.kind}`)}</Table.Td>
                <Table.Td ta="right">{o.partnershipCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {editing ? (
        <OrganizationForm
          organization={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

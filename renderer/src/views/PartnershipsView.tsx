import { useEffect, useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconArrowsSort, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiPages } from '../useApi';
import { FIT, VirtualTable, type Column } from '../components/VirtualTable';
import { ExportMenu } from '../components/ExportMenu';
import { countryName, formatPartialDate } from '../format';
import { navigate } from '../route';
import type { PartnershipListItem, PartnershipStatus, PARTNERSHIP_SORTS } from '@db/partnerships';
import { isTopic, localTitle, partyName, PARTNERSHIP_STATUS_LIST, STATUS_COLORS, TOPIC_LIST, type Topic } from './partnership/common';
import { PartnershipForm } from './partnership/PartnershipForm';

export { STATUS_COLORS };

type Sort = (typeof PARTNERSHIP_SORTS)[number];
const SORT_ORDER: Record<Sort, number> = { since: 0, title: 1, status: 2, updated: 3 };
const SORTS = Object.keys(SORT_ORDER) as Sort[];

interface Filters {
  query: string;
  status: PartnershipStatus | null;
  programmeId: string | null;
  country: string | null;
  topic: Topic | null;
  owner: string | null;
  sort: Sort;
}

const NO_FILTERS: Filters = { query: '', status: null, programmeId: null, country: null, topic: null, owner: null, sort: 'since' };
/** Filters survive opening a partnership and coming back (for this window's session). */
const STORAGE_KEY = 'pt.partnerships.filters';

function storedFilters(): Filters {
  try {
    const raw = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<keyof Filters, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
    const status = text(raw.status);
    const topic = text(raw.topic);
    const sort = text(raw.sort);
    return {
      query: text(raw.query) ?? '',
      status: status && (PARTNERSHIP_STATUS_LIST as string[]).includes(status) ? (status as PartnershipStatus) : null,
      programmeId: text(raw.programmeId),
      country: text(raw.country),
      topic: topic && isTopic(topic) ? topic : null,
      owner: text(raw.owner),
      sort: sort && sort in SORT_ORDER ? (sort as Sort) : 'since',
    };
  } catch {
    return NO_FILTERS;
  }
}

export function PartnershipsView() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>(storedFilters);
  const [creating, setCreating] = useState(false);
  const [debouncedQuery] = useDebouncedValue(filters.query.trim(), 200);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
  }, [filters]);

  // The list as filtered and sorted now (the typed query settled); the export is the same list.
  const exportFilters = {
    ...(debouncedQuery ? { query: debouncedQuery } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.owner ? { owner: filters.owner } : {}),
    sort: filters.sort,
  };
  const { rows, total, loading, loadMore } = useApiPages('partnerships.list', exportFilters);
  const { data: options } = useApi('partnerships.filterOptions');

  useHotkeys([['mod+N', () => setCreating(true)]], []);

  const zh = i18n.language === 'zh';
  const filtered = !!filters.query.trim() || !!filters.status || !!filters.programmeId || !!filters.country || !!filters.topic || !!filters.owner;
  const open = (id: string) => navigate('partnerships', id);
  const parties = (p: PartnershipListItem) => p.parties.map((party) => partyName(party, i18n.language)).join(' · ');
  const moreParties = (p: PartnershipListItem) =>
    p.partyCount > p.parties.length ? t('partnerships.moreParties', { count: p.partyCount - p.parties.length }) : '';
  const columns: Column<PartnershipListItem>[] = [
    { key: 'title', header: t('partnerships.columns.title'), width: '34%', fw: 500, lines: 2, cell: (p) => localTitle(p, i18n.language) },
    {
      key: 'parties',
      header: t('partnerships.columns.parties'),
      width: '30%',
      lines: 2,
      text: (p) => `${parties(p)} ${moreParties(p)}`.trim(),
      cell: (p) => (
        <>
          {parties(p)}
          {moreParties(p) ? (
            <Text span c="dimmed" size="sm">
              {' '}
              {moreParties(p)}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'kind', header: t('partnerships.columns.kind'), width: '16%', cell: (p) => t(`partnershipKind.${p.kind}`) },
    {
      key: 'status',
      header: t('partnerships.columns.status'),
      width: FIT,
      cell: (p) => (
        <Badge color={STATUS_COLORS[p.status]} variant="light" tt="none">
          {t(`status.${p.status}`)}
        </Badge>
      ),
    },
    { key: 'since', header: t('partnerships.columns.since'), width: FIT, cell: (p) => formatPartialDate(p.statusSince) },
    {
      key: 'programme',
      header: t('partnerships.columns.programme'),
      width: '20%',
      cell: (p) => (zh ? p.programmeNameZh : p.programmeNameEn) ?? t('common.none'),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('partnerships.title')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Select
            aria-label={t('partnership.list.sort')}
            leftSection={<IconArrowsSort size={16} aria-hidden />}
            allowDeselect={false}
            value={filters.sort}
            onChange={(v) => v && v in SORT_ORDER && set('sort', v as Sort)}
            data={SORTS.map((s) => ({ value: s, label: t(`partnership.list.sorts.${s}`) }))}
            w={200}
            comboboxProps={{ width: 240, position: 'bottom-start' }}
          />
          <ExportMenu view="partnerships" filters={exportFilters} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} title="Ctrl+N">
            {t('partnership.list.new')}
          </Button>
        </Group>
      </Group>

      <Group gap="xs" align="center" role="search" aria-label={t('partnership.list.filters')}>
        <TextInput
          aria-label={t('partnership.list.search')}
          placeholder={t('partnership.list.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.query}
          onChange={(e) => set('query', e.currentTarget.value)}
          w={200}
        />
        <Select
          aria-label={t('partnership.list.status')}
          placeholder={t('partnership.list.allStatuses')}
          clearable
          value={filters.status}
          onChange={(v) => set('status', v as PartnershipStatus | null)}
          data={PARTNERSHIP_STATUS_LIST.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          w={140}
        />
        <Select
          aria-label={t('partnership.list.programme')}
          placeholder={t('partnership.list.allProgrammes')}
          clearable
          searchable
          value={filters.programmeId}
          onChange={(v) => set('programmeId', v)}
          data={(options?.programmes ?? []).map((p) => ({ value: p.id, label: (zh ? p.nameZh : p.nameEn) ?? p.nameZh ?? p.nameEn ?? p.id }))}
          comboboxProps={{ width: 320, position: 'bottom-start' }}
          w={180}
        />
        <Select
          aria-label={t('partnership.list.country')}
          placeholder={t('partnership.list.allCountries')}
          clearable
          searchable
          value={filters.country}
          onChange={(v) => set('country', v)}
          data={(options?.countries ?? []).map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))}
          w={180}
          comboboxProps={{ width: 220, position: 'bottom-start' }}
        />
        <Select
          aria-label={t('partnership.list.topic')}
          placeholder={t('partnership.list.allTopics')}
          clearable
          searchable
          value={filters.topic}
          onChange={(v) => set('topic', v && isTopic(v) ? v : null)}
          data={TOPIC_LIST.map((topic) => ({ value: topic, label: t(`partnership.topics.${topic}`) }))}
          w={170}
          comboboxProps={{ width: 200, position: 'bottom-start' }}
        />
        <Select
          aria-label={t('partnership.list.owner')}
          placeholder={t('partnership.list.allOwners')}
          clearable
          searchable
          disabled={(options?.owners.length ?? 0) === 0}
          value={filters.owner}
          onChange={(v) => set('owner', v)}
          data={options?.owners ?? []}
          w={140}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => setFilters((f) => ({ ...NO_FILTERS, sort: f.sort }))}>
            {t('partnership.list.clear')}
          </Button>
        ) : null}
      </Group>

      {total === 0 && !loading ? (
        filtered ? (
          <Text c="dimmed">{t('partnership.list.noMatches')}</Text>
        ) : (
          <Text c="dimmed">
            {t('partnerships.empty')} {t('partnership.list.emptyHint')}
          </Text>
        )
      ) : null}
      {total !== undefined && total > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('partnership.list.count', { count: total })}
          </Text>
          <VirtualTable
            rows={rows}
            total={total}
            columns={columns}
            rowKey={(p) => p.id}
            onOpen={(p) => open(p.id)}
            onEndReached={loadMore}
            ariaLabel={t('partnerships.title')}
            testId="partnerships-table"
            estimateRowHeight={45}
          />
        </>
      ) : null}
      {creating ? (
        <PartnershipForm
          partnership={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            open(saved.id);
          }}
        />
      ) : null}
    </Stack>
  );
}

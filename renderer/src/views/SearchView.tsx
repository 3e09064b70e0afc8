import { useState } from 'react';
import { Button, Chip, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../useApi';
import { navigate } from '../route';
import { showError } from '../notify';
import type { SearchGroup, SearchKind } from '@db/search';
import { HitLine, openHit } from '../lib/search-hits';

const PAGE = 20;
/** The kinds in the order the core groups them (the record makes the list complete). */
const KINDS = Object.keys({ organization: 1, partnership: 1, milestone: 1, meeting: 1, task: 1, contact: 1 } satisfies Record<SearchKind, 1>) as SearchKind[];

/** Every result of a search, grouped by kind, each kind paged with "Show more". */
export function SearchView({ query }: { query: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const searching = !!query.trim();
  const { data } = useApi('search.query', { query, limit: PAGE, ...(kinds.length ? { kinds } : {}) }, { enabled: searching, keepPrevious: true });
  // The hits "Show more" added to each kind, for the first page they followed (a new answer starts over).
  const [more, setMore] = useState<{ after: typeof data; groups: SearchGroup[] }>({ after: undefined, groups: [] });
  const added = more.after === data ? more.groups : [];
  const groups: SearchGroup[] | null = !searching
    ? []
    : (data?.groups.map((g) => {
        const extra = added.find((a) => a.kind === g.kind);
        return extra ? { ...g, hits: [...g.hits, ...extra.hits], next: extra.next } : g;
      }) ?? null);

  const showMore = async (group: SearchGroup) => {
    try {
      const next = await api['search.query']({ query, limit: PAGE, kinds: [group.kind], before: group.next! });
      const page = next.groups[0];
      const before = added.find((a) => a.kind === group.kind);
      const merged = { ...group, hits: [...(before?.hits ?? []), ...(page?.hits ?? [])], next: page?.next ?? null };
      setMore({ after: data, groups: [...added.filter((a) => a.kind !== group.kind), merged] });
    } catch (error) {
      showError(error, 'load');
    }
  };

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {query.trim() ? t('search.resultsFor', { query }) : t('search.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) navigate('search', text.trim());
        }}
      >
        <TextInput
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          description={t('search.hint')}
        />
      </form>
      <Group gap="xs" role="group" aria-label={t('search.kinds')}>
        <Chip checked={kinds.length === 0} onChange={() => setKinds([])} size="sm">
          {t('search.allKinds')}
        </Chip>
        <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as SearchKind[])}>
          {KINDS.map((kind) => (
            <Chip key={kind} value={kind} size="sm">
              {t(`search.groups.${kind}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {groups === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : groups.length === 0 ? (
        <Text c="dimmed">{query.trim() ? t('search.nothing', { query }) : t('search.start')}</Text>
      ) : (
        groups.map((group) => (
          <Paper key={group.kind} withBorder p="sm" radius="md" component="section" aria-label={t(`search.groups.${group.kind}`)}>
            <Title order={2} size="h5" mb="xs">
              {t(`search.groups.${group.kind}`)}
            </Title>
            <Stack gap={4}>
              {group.hits.map((hit) => (
                <UnstyledButton key={hit.id} onClick={() => openHit(hit)} p={6} className="search-hit">
                  <HitLine hit={hit} />
                </UnstyledButton>
              ))}
            </Stack>
            {group.next ? (
              <Button variant="subtle" size="xs" mt="xs" onClick={() => void showMore(group)}>
                {t('search.more')}
              </Button>
            ) : null}
          </Paper>
        ))
      )}
    </Stack>
  );
}

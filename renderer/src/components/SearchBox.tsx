import { useEffect, useRef, useState } from 'react';
import { Combobox, Group, Kbd, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate, type View } from '../route';
import type { TitleHit, TitleHitKind } from '../../../db/titles';

const VIEW_OF: Record<TitleHitKind, View> = {
  partnership: 'partnerships',
  organization: 'organizations',
  meeting: 'meetings',
  contact: 'contacts',
  task: 'tasks',
};

/** The header's search box: Ctrl/Cmd+K focuses it; Enter or a click opens the record. */
export function TitleSearch() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [hits, setHits] = useState<TitleHit[]>([]);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useHotkeys([['mod+K', () => input.current?.focus()]], []);

  useEffect(() => {
    if (!debounced) {
      setHits([]);
      return;
    }
    let cancelled = false;
    api['search.titles']({ query: debounced, limit: 20 }).then(
      (result) => {
        if (!cancelled) {
          setHits(result);
          combobox.selectFirstOption();
        }
      },
      () => setHits([]),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const open = (value: string) => {
    const hit = hits.find((h) => `${h.kind}:${h.id}` === value);
    if (!hit) return;
    navigate(VIEW_OF[hit.kind], hit.kind === 'partnership' || hit.kind === 'meeting' ? hit.id : null);
    setQuery('');
    combobox.closeDropdown();
    input.current?.blur();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal>
      <Combobox.Target>
        <TextInput
          ref={input}
          w={320}
          size="sm"
          aria-label={t('common.search')}
          placeholder={t('common.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={<Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={56}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              input.current?.blur();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced}>
        <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
          {hits.length === 0 ? <Combobox.Empty>{t('common.noMatches')}</Combobox.Empty> : null}
          {hits.map((hit) => (
            <Combobox.Option value={`${hit.kind}:${hit.id}`} key={`${hit.kind}:${hit.id}`}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" lineClamp={1}>
                  {hit.title}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t(`common.kind.${hit.kind}`)}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

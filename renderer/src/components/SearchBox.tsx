import { useEffect, useRef, useState } from 'react';
import { Combobox, Kbd, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate } from '../route';
import type { SearchHit, SearchResult } from '../../../db/search';
import { HitLine, openHit } from '../views/search/hits';

const ALL = '__all__';
const keyOf = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

/**
 * The header's search palette: Ctrl/Cmd+K focuses it; results grouped by kind with the match
 * marked; ↑ ↓ choose, Enter opens the record (or, with nothing chosen, the results page), Esc leaves.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [result, setResult] = useState<SearchResult | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useHotkeys([['mod+K', () => input.current?.select()]], []);

  useEffect(() => {
    if (!debounced) {
      setResult(null);
      return;
    }
    let cancelled = false;
    api['search.query']({ query: debounced, limit: 5 }).then(
      (found) => {
        if (!cancelled) {
          setResult(found);
          combobox.selectFirstOption();
        }
      },
      () => setResult(null),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const leave = () => {
    setQuery('');
    combobox.closeDropdown();
    input.current?.blur();
  };

  const submit = (value: string) => {
    if (value === ALL) {
      if (debounced) navigate('search', debounced);
      leave();
      return;
    }
    const hit = result?.groups.flatMap((g) => g.hits).find((h) => keyOf(h) === value);
    if (!hit) return;
    openHit(hit);
    leave();
  };

  const groups = result?.groups ?? [];
  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal width={480} position="bottom-end">
      <Combobox.Target>
        <TextInput
          ref={input}
          w={300}
          size="sm"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
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
            if (e.key === 'Escape') leave();
            // Enter with no option chosen: every result on its own page
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && debounced) submit(ALL);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced} aria-label={t('search.label')}>
        <Combobox.Options mah={460} style={{ overflowY: 'auto' }}>
          {result && groups.length === 0 ? <Combobox.Empty>{t('common.noMatches')}</Combobox.Empty> : null}
          {groups.map((group) => (
            <Combobox.Group label={t(`search.groups.${group.kind}`)} key={group.kind}>
              {group.hits.map((hit) => (
                <Combobox.Option value={keyOf(hit)} key={keyOf(hit)} aria-label={`${hit.title}${hit.context ? ` · ${hit.context}` : ''}`}>
                  <HitLine hit={hit} />
                </Combobox.Option>
              ))}
            </Combobox.Group>
          ))}
          {debounced ? (
            <Combobox.Option value={ALL}>
              <Text size="sm" c="blue">
                {t('search.allResults', { query: debounced })}
              </Text>
            </Combobox.Option>
          ) : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { Combobox, Kbd, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { navigate } from '../route';
import type { SearchHit, SearchResult } from '@db/search';
import { HitLine, openHit } from '../lib/search-hits';
import { focusPageHeading } from './Dialog';

const ALL = '__all__';
const keyOf = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

/**
 * The header's search palette: Ctrl/Cmd+K focuses it; results grouped by kind with the match
 * marked; ↑ ↓ choose, Enter opens the record (or, with nothing chosen, the results page), Esc leaves.
 *
 * The highlighted row is this component's state, not the combobox store's: the store chose "the
 * first option" in the DOM before the new results had rendered, so Enter could open a row other
 * than the one shown highlighted. The input is an ARIA combobox whose aria-activedescendant names
 * the highlighted row, so a screen reader reads what Enter will open.
 */
export function SearchBox({ narrow = false }: { narrow?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const { data } = useApi('search.query', { query: debounced, limit: 5 }, { enabled: debounced !== '', keepPrevious: true });
  const result: SearchResult | null = debounced ? (data ?? null) : null;
  const combobox = useCombobox();
  const [active, setActive] = useState(-1);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  useHotkeys([['mod+K', () => input.current?.select()]], []);

  // New results: the first row is highlighted; Enter opens it, or the results page when nothing matched.
  useEffect(() => {
    if (data) setActive(0);
  }, [data]);

  /** Close the palette; focus goes to the page's heading (the new page's, once it is drawn), not to <body>. */
  const leave = () => {
    setQuery('');
    setActive(-1);
    combobox.closeDropdown();
    if (!focusPageHeading()) input.current?.blur();
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
  // Every row in the order drawn: the hits by group, then "all results".
  const values = [...groups.flatMap((g) => g.hits.map(keyOf)), ...(debounced ? [ALL] : [])];
  const shown = combobox.dropdownOpened && !!debounced && values.length > 0;
  const highlighted = shown && active >= 0 && active < values.length ? active : -1;
  const move = (step: number) => {
    combobox.openDropdown();
    setActive((current) => (values.length === 0 ? -1 : (Math.max(current, step > 0 ? -1 : 0) + step + values.length) % values.length));
  };
  let index = 0;

  useEffect(() => {
    if (highlighted >= 0) document.getElementById(optionId(highlighted))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from listId, which never changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlighted]);
  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal width={480} position="bottom-end">
      <Combobox.Target withKeyboardNavigation={false} withAriaAttributes={false}>
        <TextInput
          ref={input}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={shown ? listId : undefined}
          aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
          w={narrow ? 170 : 300}
          size="sm"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={narrow ? null : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={narrow ? undefined : 56}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') leave();
            else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              move(e.key === 'ArrowDown' ? 1 : -1);
            } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              // The highlighted row; with none, every result on its own page.
              if (highlighted >= 0) submit(values[highlighted]!);
              else if (debounced) submit(ALL);
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced} aria-label={t('search.label')}>
        <Combobox.Options id={listId} aria-label={t('search.label')} mah={460} style={{ overflowY: 'auto' }}>
          {result && groups.length === 0 ? <Combobox.Empty>{t('common.noMatches')}</Combobox.Empty> : null}
          {groups.map((group) => (
            <Combobox.Group label={t(`search.groups.${group.kind}`)} key={group.kind}>
              {group.hits.map((hit) => {
                const at = index++;
                return (
                  <Combobox.Option
                    value={keyOf(hit)}
                    key={keyOf(hit)}
                    id={optionId(at)}
                    className="search-option"
                    selected={at === highlighted}
                    aria-selected={at === highlighted}
                    onMouseEnter={() => setActive(at)}
                    aria-label={`${hit.title}${hit.context ? ` · ${hit.context}` : ''}`}
                  >
                    <HitLine hit={hit} />
                  </Combobox.Option>
                );
              })}
            </Combobox.Group>
          ))}
          {debounced ? (
            <Combobox.Option
              value={ALL}
              className="search-option"
              id={optionId(index)}
              selected={index === highlighted}
              aria-selected={index === highlighted}
              onMouseEnter={() => setActive(values.length - 1)}
            >
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

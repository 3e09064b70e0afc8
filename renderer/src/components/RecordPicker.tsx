/**
 * A picker that searches through the contract as the person types: ~200 ms after the last key it
 * asks for the first page of matches (the list operations' `query`, which matches every name, title
 * and alias in every script), drops answers that arrive after a newer question, and never loads a
 * whole table. One value or several. Chosen values keep their names while the search moves on.
 * Optionally offers "Create “…”" with the typed text. Esc closes the list and keeps the text.
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { CloseButton, Combobox, Group, Loader, Pill, PillsInput, Text, TextInput, useCombobox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { showError } from '../notify';
import classes from './RecordPicker.module.css';

/** How many matches a picker asks for: the first page only. */
export const PICKER_PAGE = 20;

export interface PickerOption {
  value: string;
  label: string;
  /** A second, dimmer line (country, organization…). */
  description?: string | null | undefined;
}

/** The option that creates a record from the typed text (never an id: ids are UUIDs). */
const CREATE = '\u0000create';

/**
 * The rows matching `text`, asked `delay` ms after it last changed, only while `active`.
 * An answer to an older question than the last one asked is dropped, and rows are given only for
 * the text as it is now: while a newer text waits for its answer there are none (the list says
 * it is searching), so Enter never picks a match of what was typed before.
 */
export function useRecordSearch<T>(
  search: (query: string) => Promise<T[]>,
  text: string,
  active: boolean,
  delay = 200,
): { rows: T[]; loading: boolean; query: string } {
  const [query] = useDebouncedValue(text.trim(), delay);
  const [answer, setAnswer] = useState<{ query: string; rows: T[] }>({ query: '', rows: [] });
  const [answered, setAnswered] = useState<string | null>(null);
  const searchRef = useRef(search);
  searchRef.current = search;
  const asked = useRef(0);
  // Each time the list opens it asks afresh: a record made meanwhile (Create “…”) is found.
  useEffect(() => {
    if (!active) setAnswered(null);
  }, [active]);
  useEffect(() => {
    if (!active || answered === query) return;
    const question = ++asked.current;
    searchRef.current(query).then(
      (found) => {
        if (question !== asked.current) return;
        setAnswer({ query, rows: found });
        setAnswered(query);
      },
      (error: unknown) => {
        if (question === asked.current) showError(error, 'load');
      },
    );
    // `answered` is left out on purpose: an answer must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, query]);
  const rows = answer.query === text.trim() ? answer.rows : [];
  return { rows, loading: active && (answered !== query || query !== text.trim()), query };
}

interface CommonProps<T> {
  /** The first page of records matching the text (empty text: the first page of all). */
  search: (query: string) => Promise<T[]>;
  option: (row: T) => PickerOption;
  /** Names of values that may not be in the current page (a saved record's parties…). */
  known?: readonly PickerOption[] | undefined;
  /** Values not offered (chosen elsewhere). */
  exclude?: readonly string[] | undefined;
  /** Offer "Create “text”…" at the end of the list; called with the typed text. */
  onCreate?: ((text: string) => void) | undefined;
  label?: string | undefined;
  'aria-label'?: string | undefined;
  placeholder?: string | undefined;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean | undefined;
  autoFocus?: boolean | undefined;
  leftSection?: ReactNode;
  style?: CSSProperties | undefined;
  id?: string | undefined;
  'data-testid'?: string | undefined;
}

interface SingleProps<T> extends CommonProps<T> {
  multiple?: false;
  value: string | null;
  onChange: (value: string | null, row: T | null) => void;
  clearable?: boolean | undefined;
  /**
   * Free text: the typed text is the field's value (an attendee's name) and `onText` gets every
   * key; a record may be picked from what matches. The list opens once something is typed.
   */
  text?: string | undefined;
  onText?: ((text: string) => void) | undefined;
}

interface MultipleProps<T> extends CommonProps<T> {
  multiple: true;
  value: string[];
  onChange: (value: string[], rows: T[]) => void;
}

export type RecordPickerProps<T> = SingleProps<T> | MultipleProps<T>;

export function RecordPicker<T>(props: RecordPickerProps<T>) {
  const { t } = useTranslation();
  const { search, option, known, exclude, onCreate } = props;
  const freeText = !props.multiple && props.onText !== undefined;
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  // What is typed; null while a single picker shows its chosen value's name.
  const [typed, setTyped] = useState<string | null>(null);
  const text = freeText ? ((props as SingleProps<T>).text ?? '') : (typed ?? '');
  const opened = combobox.dropdownOpened;
  const searching = opened && (!freeText || text.trim() !== '');
  const { rows, loading } = useRecordSearch(search, text, searching);

  // Every record this picker has shown, so a chosen one keeps its name and row.
  const seen = useRef(new Map<string, { row: T; option: PickerOption }>());
  for (const row of rows) {
    const o = option(row);
    seen.current.set(o.value, { row, option: o });
  }
  const knownLabels = new Map((known ?? []).map((o) => [o.value, o.label]));
  const labelOf = (value: string) => knownLabels.get(value) ?? seen.current.get(value)?.option.label ?? value;

  const chosen = props.multiple ? props.value : props.value ? [props.value] : [];
  const hidden = new Set([...(exclude ?? []), ...(props.multiple ? chosen : [])]);
  const options = rows.map(option).filter((o) => !hidden.has(o.value));
  const typedText = text.trim();
  const offerCreate = !!onCreate && typedText !== '' && !loading && !options.some((o) => o.label.trim().toLowerCase() === typedText.toLowerCase());

  // The first match is the one Enter picks, as soon as the matches for the typed text are in.
  useEffect(() => {
    if (opened && typedText && !loading) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, typedText, loading, rows]);

  const submit = (value: string) => {
    if (value === CREATE) {
      combobox.closeDropdown();
      if (!freeText) setTyped(null);
      onCreate?.(typedText);
      return;
    }
    const row = seen.current.get(value)?.row ?? null;
    if (props.multiple) {
      const next = [...props.value, value];
      props.onChange(
        next,
        next.flatMap((v) => {
          const r = seen.current.get(v)?.row;
          return r === undefined ? [] : [r];
        }),
      );
      setTyped('');
    } else {
      props.onChange(value, row);
      if (!freeText) setTyped(null);
      combobox.closeDropdown();
    }
  };

  const dropdown = (
    <Combobox.Dropdown miw={320} hidden={freeText && (typedText === '' || (options.length === 0 && !offerCreate && !loading))}>
      <Combobox.Options aria-label={props.label ?? props['aria-label']} mah={320} style={{ overflowY: 'auto' }}>
        {options.map((o) => (
          <Combobox.Option value={o.value} key={o.value} active={chosen.includes(o.value)}>
            <Text size="sm">{o.label}</Text>
            {o.description ? (
              <Text size="xs" className={classes.description}>
                {o.description}
              </Text>
            ) : null}
          </Combobox.Option>
        ))}
        {options.length === 0 && loading ? (
          <Combobox.Empty>
            <Group gap="xs" justify="center">
              <Loader size="xs" />
              {t('picker.searching')}
            </Group>
          </Combobox.Empty>
        ) : null}
        {options.length === 0 && !loading && !offerCreate ? <Combobox.Empty>{t('common.noMatches')}</Combobox.Empty> : null}
        {offerCreate ? (
          <Combobox.Option value={CREATE} key={CREATE}>
            <Group gap={6} wrap="nowrap">
              <IconPlus size={14} aria-hidden />
              <Text size="sm">{t('picker.create', { text: typedText })}</Text>
            </Group>
          </Combobox.Option>
        ) : null}
      </Combobox.Options>
    </Combobox.Dropdown>
  );

  const typing = (value: string) => {
    if (freeText) (props as SingleProps<T>).onText?.(value);
    else setTyped(value);
    combobox.openDropdown();
    combobox.resetSelectedOption();
  };

  if (props.multiple) {
    const remove = (value: string) => {
      const next = props.value.filter((v) => v !== value);
      props.onChange(
        next,
        next.flatMap((v) => {
          const r = seen.current.get(v)?.row;
          return r === undefined ? [] : [r];
        }),
      );
    };
    return (
      <Combobox store={combobox} withinPortal onOptionSubmit={submit}>
        <Combobox.DropdownTarget>
          <PillsInput
            label={props.label}
            description={props.description}
            error={props.error}
            required={props.required}
            leftSection={props.leftSection}
            style={props.style}
            data-testid={props['data-testid']}
            onClick={() => combobox.openDropdown()}
          >
            <Pill.Group>
              {props.value.map((value) => (
                <Pill
                  key={value}
                  withRemoveButton
                  onRemove={() => remove(value)}
                  removeButtonProps={{ 'aria-label': t('picker.remove', { label: labelOf(value) }) }}
                >
                  {labelOf(value)}
                </Pill>
              ))}
              <Combobox.EventsTarget withExpandedAttribute>
                <PillsInput.Field
                  id={props.id}
                  role="combobox"
                  aria-autocomplete="list"
                  aria-label={props['aria-label'] ?? props.label}
                  aria-invalid={!!props.error}
                  aria-required={props.required}
                  autoFocus={props.autoFocus}
                  placeholder={props.value.length === 0 ? props.placeholder : undefined}
                  value={typed ?? ''}
                  onChange={(e) => typing(e.currentTarget.value)}
                  onFocus={() => combobox.openDropdown()}
                  onBlur={() => combobox.closeDropdown()}
                  onKeyDown={(e) => {
                    if (e.key === 'Backspace' && !typed && props.value.length > 0) {
                      e.preventDefault();
                      remove(props.value[props.value.length - 1]!);
                    }
                  }}
                />
              </Combobox.EventsTarget>
            </Pill.Group>
          </PillsInput>
        </Combobox.DropdownTarget>
        {dropdown}
      </Combobox>
    );
  }

  const single = props;
  const shown = freeText ? text : (typed ?? (single.value ? labelOf(single.value) : ''));
  const clear =
    single.clearable && single.value && !freeText ? (
      <CloseButton
        size="sm"
        aria-label={t('picker.clear')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          single.onChange(null, null);
          setTyped(null);
        }}
      />
    ) : undefined;
  return (
    <Combobox store={combobox} withinPortal onOptionSubmit={submit}>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          id={props.id}
          role="combobox"
          aria-autocomplete="list"
          label={props.label}
          aria-label={props['aria-label']}
          description={props.description}
          error={props.error}
          required={props.required}
          autoFocus={props.autoFocus}
          leftSection={props.leftSection}
          rightSection={clear ?? (opened && loading ? <Loader size="xs" /> : freeText ? undefined : <Combobox.Chevron />)}
          rightSectionPointerEvents={clear ? 'all' : 'none'}
          style={props.style}
          data-testid={props['data-testid']}
          placeholder={props.placeholder}
          value={shown}
          onChange={(e) => typing(e.currentTarget.value)}
          onClick={() => {
            if (!freeText) combobox.openDropdown();
          }}
          onFocus={() => {
            if (!freeText) combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
            if (freeText) return;
            // Text left without a pick goes back to the chosen name; an emptied clearable picker is cleared.
            if (typed === '' && single.clearable && single.value) single.onChange(null, null);
            setTyped(null);
          }}
        />
      </Combobox.Target>
      {dropdown}
    </Combobox>
  );
}

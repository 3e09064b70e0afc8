import { useMemo } from 'react';
import { Select, type ComboboxItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import countries from 'i18n-iso-countries';
import { useTranslation } from 'react-i18next';
import { countryName } from '../format';
import { foldName } from '@common/search';

/** Every ISO 3166-1 code (the i18n-iso-countries list), with what a user may type for it: its names in both languages and its code. */
function countryOptions(language: string): (ComboboxItem & { terms: string })[] {
  const zh = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({
      value: code,
      label: countryName(code),
      terms: foldName([code, zh.of(code) ?? '', en.of(code) ?? ''].join(' ')),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, language === 'zh' ? 'zh-CN' : 'en'));
}

/**
 * A country chosen by its name in Chinese or English (or its code), shown in the UI's language; the value is the ISO
 * code the contract stores. Names come from the browser's CLDR data, as everywhere else in the app (`countryName`).
 */
export function CountrySelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (code: string) => void }) {
  const { i18n } = useTranslation();
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const terms = useMemo(() => new Map(options.map((o) => [o.value, o.terms])), [options]);
  const filter: OptionsFilter = ({ options: shown, search }) => {
    const wanted = foldName(search.trim());
    if (!wanted) return shown;
    return shown.filter((option) => 'value' in option && (terms.get(option.value)?.includes(wanted) ?? false));
  };
  return (
    <Select
      searchable
      clearable
      data={options}
      filter={filter}
      limit={300}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      nothingFoundMessage="—"
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

import { useEffect, useState } from 'react';
import { ActionIcon, Popover, SegmentedControl, Stack, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker, MonthPicker, YearPicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DATE_PRECISIONS } from '@common/inputs/enums';
import { formatPartialDate } from '../format';
import { parseTypedPartialDate } from '../lib/typed-dates';
import { AppDatesProvider, calendarFormats } from './DateField';

type Precision = (typeof DATE_PRECISIONS)[number];

const precisionOf = (value: string): Precision => (value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day');

export type PartialDateFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'rightSection' | 'description'> & {
  /** The contract's 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; '' for none; while the text is no date, the text itself. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date as precise as it is known: a year (2016), a month (2015-06) or a day (2017-05-31), as milestones and a
 * partnership's "status since" keep it. Typed as offices write it (2024, 2024年, 2024/5, 2024年5月, 2024/5/1,
 * 2024年5月1日: `parseTypedPartialDate`), or picked from a calendar at the chosen precision, in the app's language.
 * Below the field it says how the date will be shown ("May 2024", "2024年5月"). Text that is no date is passed on
 * as typed, for the form's schema to refuse.
 */
export function PartialDateField({ value, onChange, onBlur, ...props }: PartialDateFieldProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(value);
  const [opened, setOpened] = useState(false);
  const [precision, setPrecision] = useState<Precision>(value ? precisionOf(value) : 'month');
  // A value set from outside (the calendar, a reset) shows as written.
  useEffect(() => {
    setText((current) => ((parseTypedPartialDate(current) ?? current) === value ? current : value));
  }, [value]);
  const parsed = parseTypedPartialDate(text);
  const pick = (date: string | null) => {
    if (!date) return;
    const next = precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date.slice(0, 10);
    setText(next);
    onChange(next);
    setOpened(false);
  };
  const pickerValue = parsed ? `${parsed}${parsed.length === 4 ? '-01-01' : parsed.length === 7 ? '-01' : ''}` : null;
  const { monthLabelFormat, yearLabelFormat, decadeLabelFormat, monthsListFormat, getDayAriaLabel } = calendarFormats(i18n.language);
  const pickerProps = {
    value: pickerValue,
    defaultDate: pickerValue ?? undefined,
    onChange: pick,
    monthLabelFormat,
    yearLabelFormat,
    decadeLabelFormat,
    monthsListFormat,
    getDayAriaLabel,
  };

  return (
    <TextInput
      placeholder={t('dates.partialPlaceholder')}
      {...props}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (parseTypedPartialDate(typed) ?? typed));
      }}
      onBlur={(event) => {
        if (parsed) setText(parsed);
        onBlur?.(event);
      }}
      description={parsed ? t('partnership.milestone.shownAs', { date: formatPartialDate(parsed) }) : t('partnership.milestone.dateHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('dates.pickDate')} aria-expanded={opened} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown
            onKeyDown={(event) => {
              // Esc closes the calendar, not the dialog around it.
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              setOpened(false);
            }}
          >
            <Stack gap="xs">
              <SegmentedControl
                size="xs"
                aria-label={t('dates.precision')}
                value={precision}
                onChange={(v) => setPrecision(v as Precision)}
                data={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`dates.${p}`) }))}
              />
              <AppDatesProvider>
                {precision === 'year' ? (
                  <YearPicker {...pickerProps} />
                ) : precision === 'month' ? (
                  <MonthPicker {...pickerProps} />
                ) : (
                  <DatePicker {...pickerProps} />
                )}
              </AppDatesProvider>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

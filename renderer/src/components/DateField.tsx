import { useState, type ReactNode } from 'react';
import { DateInput, DatesProvider, type CalendarLevel, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../lib/typed-dates';
// Here, not in main.tsx: the dates library and its styles load with the views that have date fields, not before the
// first screen (about 50 KB of script the dashboard never runs).
import '@mantine/dates/styles.css';

/** The dayjs locale of the app's language (never the browser's): month and weekday names, first day of the week. */
export const datesLocale = (language: string) => (language === 'zh' ? 'zh-cn' : 'en');

/**
 * The calendars' locale follows the language switch; weeks start on Monday in both languages, as in China and Britain.
 * Around each date field's picker (DateField, PartialDateField).
 */
export function AppDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** How the calendar dropdown writes its headings: 2024年5月 and May 2024. */
export function calendarFormats(language: string): Partial<DateInputProps> {
  if (language === 'zh') {
    return {
      monthLabelFormat: 'YYYY年M月',
      yearLabelFormat: 'YYYY年',
      decadeLabelFormat: 'YYYY年',
      monthsListFormat: 'MMM',
      getDayAriaLabel: (day) => dayjs(day).format('YYYY年M月D日'),
    };
  }
  return { monthLabelFormat: 'MMMM YYYY', getDayAriaLabel: (day) => dayjs(day).locale('en').format('D MMMM YYYY') };
}

export type DateFieldProps = Omit<
  DateInputProps,
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'dateParser'
  | 'valueFormat'
  | 'popoverProps'
  | 'getDayProps'
  | 'fixOnBlur'
  | 'date'
  | 'onDateChange'
  | 'level'
  | 'onLevelChange'
> & {
  /** The contract's 'YYYY-MM-DD', or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A calendar day, shown and typed as 2024-05-01 in both languages, with a calendar dropdown in the app's
 * language. Typing 2024/5/1, 2024.5.1 or 2024年5月1日 sets the same day (`parseTypedDate`); what is not a
 * whole date is put back to the last good value on blur. `clearable` for optional dates: emptying the text
 * or the × clears it to ''.
 *
 * The calendar opens on a click or on ↓ (and follows what is typed while open), not on focus or on typing
 * alone: a date that failed validation and gets the focus keeps its message in view, and a date typed
 * whole leaves the fields and buttons below it uncovered. Esc, Enter, Tab, a day clicked or leaving the
 * field close it; while it is open, Esc closes it and not the dialog around it.
 */
export function DateField({ value, onChange, clearable, onClick, onKeyDown, onBlur, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Each time it opens, the calendar shows the month of the date (or of today), whatever was browsed before.
  const [shownMonth, setShownMonth] = useState(() => value || dayjs().format('YYYY-MM-DD'));
  const [level, setLevel] = useState<CalendarLevel>('month');
  const open = () => {
    if (opened) return;
    setShownMonth(value || dayjs().format('YYYY-MM-DD'));
    setLevel('month');
    setOpened(true);
  };
  return (
    <AppDatesProvider>
      <DateInput
        valueFormat="YYYY-MM-DD"
        placeholder={t('dates.datePlaceholder')}
        leftSection={<IconCalendar size={16} aria-hidden />}
        leftSectionPointerEvents="none"
        {...calendarFormats(i18n.language)}
        ariaLabels={{
          previousMonth: t('dates.previousMonth'),
          nextMonth: t('dates.nextMonth'),
          previousYear: t('dates.previousYear'),
          nextYear: t('dates.nextYear'),
          previousDecade: t('dates.previousDecade'),
          nextDecade: t('dates.nextDecade'),
        }}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': t('dates.clear') }}
        {...props}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        dateParser={parseTypedDate}
        fixOnBlur
        data-mantine-stop-propagation={opened || undefined}
        popoverProps={{ opened }}
        date={shownMonth}
        onDateChange={setShownMonth}
        level={level}
        onLevelChange={setLevel}
        getDayProps={() => ({ onClick: () => setOpened(false) })}
        onClick={(event) => {
          open();
          onClick?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') open();
          else if (event.key === 'Escape' || event.key === 'Enter' || event.key === 'Tab') setOpened(false);
          onKeyDown?.(event);
        }}
        onBlur={(event) => {
          setOpened(false);
          onBlur?.(event);
        }}
      />
    </AppDatesProvider>
  );
}

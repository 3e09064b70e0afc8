/** Dates for the tasks, dashboard and trash screens, in the UI locale (Intl). */
import { uiLocale } from '../i18n';
import { daysBetween } from '@common/calendar';

/** An instant (ISO 8601, UTC) as a local date and time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "in 12 days", "yesterday", "3 days ago" for a full calendar day; '' for a partial date (2026-07). */
export function relativeDay(day: string, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  return new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' }).format(daysBetween(today, day), 'day');
}

/** A title in the UI language when the record has one, else the title as entered. */
export function localTitle(record: { title: string | null; titleZh: string | null; titleEn: string | null }, language: string): string {
  return (language === 'zh' ? record.titleZh : record.titleEn) ?? record.title ?? '';
}

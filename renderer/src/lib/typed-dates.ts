import { isCalendarDate } from '@common/calendar';

/**
 * Dates and times as people in a foreign-affairs office type them, read into the contract's strings.
 * Full-width digits and punctuation (from a Chinese input method) count as their ASCII forms.
 */
const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A typed date as 'YYYY-MM-DD', or null when it is not a whole, real date: 2024-05-01, 2024-5-1,
 * 2024/5/1, 2024.5.1, 2024年5月1日 and 20240501 are all 1 May 2024; 2024-02-30 is nothing.
 */
export function parseTypedDate(text: string): string | null {
  const folded = fold(text);
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(folded) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(folded);
  if (!parts) return null;
  const iso = `${parts[1]}-${pad(Number(parts[2]))}-${pad(Number(parts[3]))}`;
  return isCalendarDate(iso) ? iso : null;
}

const MORNING = /^(am|a\.m\.|上午|早上|凌晨)$/;
const AFTERNOON = /^(pm|p\.m\.|下午|晚上|中午)$/;

/**
 * A typed time of day as 24-hour 'HH:mm', or null: 14:30, 14.30, 14：30, 1430, 930, 9 (09:00),
 * 14时30分, 14点半, 2:30 pm and 下午2:30 (14:30). Hours run 0–23, or 1–12 with am/pm or 上午/下午.
 */
export function parseTypedTime(text: string): string | null {
  const folded = fold(text);
  const parts =
    /^(am|pm|a\.m\.|p\.m\.|上午|早上|凌晨|中午|下午|晚上)?\s*(\d{1,2})(?:\s*[:.时点h]\s*(\d{1,2}|半)?\s*分?|(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(folded);
  if (!parts) return null;
  const [, before, hourText, minuteText, runOn, after] = parts;
  if (before && after) return null;
  const meridiem = before ?? after;
  let hour = Number(hourText);
  const minuteSource = minuteText ?? runOn;
  const minute = minuteSource === '半' ? 30 : minuteSource ? Number(minuteSource) : 0;
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (AFTERNOON.test(meridiem) && hour < 12) hour += 12;
    else if (MORNING.test(meridiem) && hour === 12) hour = 0;
  } else if (hour > 23) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * A typed date of any precision as the contract writes it ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'), or null: 2024 and
 * 2024年 are the year; 2024-05, 2024-5, 2024/5, 2024.5 and 2024年5月 are May 2024; a whole date as `parseTypedDate`.
 */
export function parseTypedPartialDate(text: string): string | null {
  const folded = fold(text);
  if (/^\d{4}\s*年?$/.test(folded)) return folded.slice(0, 4);
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(folded);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? `${month[1]}-${pad(m)}` : null;
  }
  return parseTypedDate(text);
}

/** What a form sends for a typed partial date: the contract's form where it reads, else the text as typed (trimmed), for the contract to refuse in its own words. */
export function partialDateOf(text: string): string {
  return parseTypedPartialDate(text) ?? text.normalize('NFKC').trim();
}

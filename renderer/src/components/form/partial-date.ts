import { isPartialDate } from '@common/calendar';

const pad = (n: string) => n.padStart(2, '0');

/**
 * A typed year, year-month or day as the contract's partial date ('YYYY', 'YYYY-MM', 'YYYY-MM-DD'): 2024, 2024年,
 * 2024-5, 2024/5, 2024.5, 2024年5月 and 2024年5月3日 (full-width digits too). What it cannot read is returned as
 * typed (trimmed), for the contract to refuse in its own words.
 */
export function partialDateOf(text: string): string {
  const folded = text.normalize('NFKC').trim();
  const parts = /^(\d{4})\s*年?(?:\s*[-/.年]?\s*(\d{1,2})\s*月?(?:\s*[-/.月]?\s*(\d{1,2})\s*日?)?)?$/.exec(folded);
  if (!parts) return folded;
  const [, year, month, day] = parts;
  const iso = [year, month && pad(month), month && day && pad(day)].filter(Boolean).join('-');
  return isPartialDate(iso) ? iso : folded;
}

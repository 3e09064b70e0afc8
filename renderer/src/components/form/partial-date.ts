import { parseTypedPartialDate } from '../../lib/typed-dates';

/**
 * A typed year, year-month or day as the contract's partial date ('YYYY', 'YYYY-MM', 'YYYY-MM-DD'): the forms
 * offices use (2024, 2024年, 2024-5, 2024/5, 2024年5月, 2024年5月3日, full-width digits too), read by the same
 * parser as the partial-date picker. What it cannot read is returned as typed (trimmed), for the contract to
 * refuse in its own words.
 */
export function partialDateOf(text: string): string {
  return parseTypedPartialDate(text) ?? text.normalize('NFKC').trim();
}

import { i18n } from './i18n';

export function countryName(code: string | null): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([i18n.language === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A calendar date with its precision (2016, 2015-06, 2017-05-31) in the UI locale. */
export function formatPartialDate(value: string | null): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d === undefined ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en').format(n);
}

import { i18n, uiLocale } from './i18n';

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
  return dateFormat(locale, d === undefined ? 'month' : 'day').format(date);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Made once per locale and precision: a timeline formats thousands of dates, and making a format costs more than using it. */
export function dateFormat(locale: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC', ...(precision === 'day' ? { day: 'numeric' } : {}) };
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number): string {
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en';
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/** A file size in B, KB or MB, in the UI locale. */
export function formatSize(bytes: number): string {
  const number = (n: number) => new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

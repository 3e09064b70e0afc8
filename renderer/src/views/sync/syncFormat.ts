/** Small helpers of the Sync view: entity order, values, sizes, instants. */
import type { RecordEntity } from '@db/schema';
import { ApiError } from '../../api';
import { i18n, localized, uiLocale } from '../../i18n';
import { CLOCK_SKEW_LIMIT_MS, MERGE_ORDER, MIN_PASSPHRASE } from '@common/sync';

/** Every kind of record a file carries, in the order the merge applies them. */
export const SYNC_ENTITIES: readonly RecordEntity[] = MERGE_ORDER;
export { CLOCK_SKEW_LIMIT_MS, MIN_PASSPHRASE };

export function entityLabel(entity: string): string {
  return i18n.t(`sync.entities.${entity}`, { defaultValue: entity });
}

export function fieldLabel(field: string): string {
  return i18n.t(`sync.fields.${field}`, { defaultValue: field });
}

/** A field value as a person reads it; enumerations in the UI language. */
export function formatFieldValue(entity: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('sync.values.empty');
  if (typeof value === 'number') return new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 6 }).format(value);
  if (typeof value !== 'string') return i18n.t('sync.values.binary');
  const enumKey =
    entity === 'partnerships' && field === 'status'
      ? 'status'
      : entity === 'partnerships' && field === 'kind'
        ? 'partnershipKind'
        : entity === 'organizations' && field === 'kind'
          ? 'organizationKind'
          : null;
  if (enumKey) return i18n.t(`${enumKey}.${value}`, { defaultValue: value });
  if (field === 'aliases' || field === 'topics') {
    try {
      const list = JSON.parse(value) as unknown;
      if (Array.isArray(list)) return list.length === 0 ? i18n.t('sync.values.empty') : list.map(String).join(', ');
    } catch {
      // not a list after all: shown as it is
    }
  }
  return value;
}

export function formatBytes(bytes: number): string {
  const locale = uiLocale();
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  if (bytes < 1024 * 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1024);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An error as a message in the UI language (called at render time, so a language switch re-translates it). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return localized(error.localized);
  return localized({
    zh: '发生意外错误，未作任何改动。请重试。',
    en: 'Something unexpected went wrong and nothing was changed. Try again.',
  });
}

/** The Reports view's settings and the contract input they make (reports.html and reports.pdf take the same). */
import type { OperationInput } from '@db/api';
import type { PartnershipStatus } from '@db/partnerships';
import { saveBytes } from '../../files';
import { isCalendarDate } from '@common/calendar';

export type ReportKind = 'partnership' | 'portfolio';
export type ReportLanguage = 'zh' | 'en';
export type ReportInput = OperationInput<'reports.html'>;

export interface ReportSettings {
  kind: ReportKind;
  partnershipId: string | null;
  status: PartnershipStatus | null;
  programmeId: string | null;
  country: string | null;
  owner: string | null;
  from: string;
  to: string;
  /** null: the UI language, until the user picks one. */
  lang: ReportLanguage | null;
  /** null: the office name from Settings, until the user edits it. */
  officeName: string | null;
  classification: string;
}

export function initialSettings(partnershipId: string | null): ReportSettings {
  return {
    kind: 'partnership',
    partnershipId,
    status: null,
    programmeId: null,
    country: null,
    owner: null,
    from: '',
    to: '',
    lang: null,
    officeName: null,
    classification: '',
  };
}

/** The period's dates when complete and in order; `invalid` when the end comes before the start. */
export function period(settings: Pick<ReportSettings, 'from' | 'to'>): { from?: string; to?: string; invalid: boolean } {
  const from = isCalendarDate(settings.from) ? settings.from : undefined;
  const to = isCalendarDate(settings.to) ? settings.to : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), invalid: !!from && !!to && to < from };
}

/** The contract input for these settings, or null while there is nothing to report (no partnership chosen, a bad period). */
export function reportInput(settings: ReportSettings, lang: ReportLanguage, officeName: string, today: string): ReportInput | null {
  const { invalid, ...dates } = period(settings);
  if (invalid) return null;
  const classification = settings.classification.trim();
  const common = { lang, today, officeName: officeName.trim(), ...(classification ? { classification } : {}), ...dates };
  if (settings.kind === 'partnership') {
    return settings.partnershipId ? { kind: 'partnership', partnershipId: settings.partnershipId, ...common } : null;
  }
  return {
    kind: 'portfolio',
    ...common,
    ...(settings.status ? { status: settings.status } : {}),
    ...(settings.programmeId ? { programmeId: settings.programmeId } : {}),
    ...(settings.country ? { country: settings.country } : {}),
    ...(settings.owner ? { owner: settings.owner } : {}),
  };
}

/** Save a PDF the contract returned (base64) through the browser's download: a Save dialog in Electron. */
export function downloadPdf(fileName: string, pdfBase64: string): void {
  saveBytes(fileName, 'application/pdf', pdfBase64);
}

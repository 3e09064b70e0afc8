/**
 * The meeting log's column widths. Each row of the log is a grid of its own (rows come and go as it scrolls), so the
 * fitted columns (date, time, kind, format) are as wide as the widest value they can show, measured once per language
 * from every such value laid out unseen in the cells' fonts, and again when a font arrives. The title and the
 * partnerships share the rest.
 *
 * Measured apart from the log (a hidden block of its own in <body>, laid out alone) and kept: the log draws once, with
 * its widths, and never measures its own rows. The app measures them at rest (App.tsx), before the log opens.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { MEETING_FORMAT_LABELS, MEETING_KIND_LABELS } from '@common/labels';
import { i18n } from '../../i18n';
import { formatDay } from './shared';

const FITTED = ['date', 'time', 'kind', 'format'] as const;
type Fitted = (typeof FITTED)[number];

/** Until measured (a page without layout): about right in either language. */
const GUESS: Record<Fitted, number> = { date: 120, time: 60, kind: 160, format: 100 };

const columnsOf = (w: Record<Fitted, number>) => `${w.date}px ${w.time}px minmax(9em, 3fr) ${w.kind}px ${w.format}px minmax(6em, 2fr)`;

/** grid-template-columns per language. */
const measured = new Map<string, string>();
let version = 0;
const listeners = new Set<() => void>();

function languageOf(language: string): 'zh' | 'en' {
  return language === 'zh' ? 'zh' : 'en';
}

/** Every value a fitted column can show: the longest day of each month (the names differ in length), a late time, every kind and format. */
function valuesOf(lang: 'zh' | 'en'): Record<Fitted, string[]> {
  return {
    date: Array.from({ length: 12 }, (_, m) => formatDay(`2000-${String(m + 1).padStart(2, '0')}-28`)),
    time: ['23:59', '00:00'],
    kind: Object.values(MEETING_KIND_LABELS[lang]),
    format: Object.values(MEETING_FORMAT_LABELS[lang]),
  };
}

function measure(lang: 'zh' | 'en'): string {
  if (typeof document === 'undefined' || !document.body) return columnsOf(GUESS);
  const t = i18n.getFixedT(lang);
  const sizer = document.createElement('div');
  sizer.setAttribute('aria-hidden', 'true');
  sizer.lang = lang === 'zh' ? 'zh-CN' : 'en';
  sizer.style.cssText = 'position:absolute;visibility:hidden;height:0;overflow:hidden;white-space:nowrap;top:0;left:0';
  const values = valuesOf(lang);
  const spans = new Map<Fitted, HTMLSpanElement[]>();
  for (const field of FITTED) {
    const line = document.createElement('div');
    const head = [true, ...values[field].map(() => false)];
    const texts = [t(`meetings.fields.${field}`), ...values[field]];
    const row = texts.map((text, i) => {
      const span = document.createElement('span');
      span.className = head[i] ? 'meetings-log-cell meetings-log-head-cell' : 'meetings-log-cell';
      span.style.display = 'inline-block';
      span.textContent = text;
      return span;
    });
    line.append(...row);
    sizer.append(line);
    spans.set(field, row);
  }
  document.body.append(sizer);
  const widths = {} as Record<Fitted, number>;
  for (const field of FITTED) widths[field] = Math.ceil(Math.max(...spans.get(field)!.map((span) => span.getBoundingClientRect().width))) + 1;
  sizer.remove();
  // No layout (a page not drawn): the guess, measured again next time.
  if (FITTED.every((field) => widths[field] <= 1)) return columnsOf(GUESS);
  const columns = columnsOf(widths);
  measured.set(lang, columns);
  return columns;
}

/** The log's grid-template-columns in `language`, measured now if not yet. */
export function logColumns(language: string): string {
  const lang = languageOf(language);
  return measured.get(lang) ?? measure(lang);
}

// A font that arrives late (a Chinese face the first time Chinese is drawn) changes the widths: measure again.
if (typeof document !== 'undefined' && 'fonts' in document) {
  document.fonts.addEventListener('loadingdone', () => {
    measured.clear();
    version += 1;
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The log's columns in the UI language, drawn with the log's first render. */
export function useLogColumns(language: string): string {
  const fonts = useSyncExternalStore(subscribe, () => version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `fonts` is why the widths are measured again
  return useMemo(() => logColumns(language), [language, fonts]);
}

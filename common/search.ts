/** The kinds of record search finds, and their group headings, for the core, the CLI and the renderer alike. */

export const SEARCH_KINDS = ['organization', 'partnership', 'milestone', 'meeting', 'task', 'contact'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Group headings: the search palette's and results page's, and the CLI's `search`. */
export const SEARCH_KIND_LABELS: Record<SearchKind, { zh: string; en: string }> = {
  organization: { zh: '城市与机构', en: 'Cities and organizations' },
  partnership: { zh: '合作关系', en: 'Partnerships' },
  milestone: { zh: '里程碑', en: 'Milestones' },
  meeting: { zh: '会见', en: 'Meetings' },
  task: { zh: '任务', en: 'Tasks' },
  contact: { zh: '联系人', en: 'Contacts' },
};

/** The headings in one language, keyed by kind (for the renderer's message tables). */
export function searchKindLabels(language: 'zh' | 'en'): Record<SearchKind, string> {
  return Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, SEARCH_KIND_LABELS[kind][language]])) as Record<SearchKind, string>;
}

/**
 * A name folded for matching: case, accents, full-width letters and punctuation do not matter ("malmo" finds
 * Malmö, "ＢＵＲＧＡＳ" Burgas, "cote d'ivoire" Côte d’Ivoire). The gazetteer and the country picker use it.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’‘`.\-–—_,()]+/g, ' ')
    .trim();
}

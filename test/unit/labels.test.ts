/**
 * The enumerations' names (common/labels.ts) against the contract's lists (db/schema.ts): every stored value has a
 * name in both languages, no name is left for a value that no longer exists, and the screens and the reports show
 * the same words.
 */
import { describe, expect, it } from 'vitest';
import * as labels from '../../common/labels';
import * as schema from '../../db/schema';
import { en } from '../../renderer/src/i18n/en';
import { zh } from '../../renderer/src/i18n/zh';
import { meetingsMessages } from '../../renderer/src/i18n/features/meetings';
import { partnershipMessages } from '../../renderer/src/i18n/features/partnership';

const PAIRS: [string, readonly string[], { zh: Record<string, string>; en: Record<string, string> }][] = [
  ['partnership status', schema.PARTNERSHIP_STATUSES, labels.PARTNERSHIP_STATUS_LABELS],
  ['partnership kind', schema.PARTNERSHIP_KINDS, labels.PARTNERSHIP_KIND_LABELS],
  ['organization kind', schema.ORGANIZATION_KINDS, labels.ORGANIZATION_KIND_LABELS],
  ['milestone kind', schema.MILESTONE_KINDS, labels.MILESTONE_KIND_LABELS],
  ['milestone status', schema.MILESTONE_STATUSES, labels.MILESTONE_STATUS_LABELS],
  ['meeting kind', schema.MEETING_KINDS, labels.MEETING_KIND_LABELS],
  ['meeting format', schema.MEETING_FORMATS, labels.MEETING_FORMAT_LABELS],
  ['task status', schema.TASK_STATUSES, labels.TASK_STATUS_LABELS],
  ['task priority', schema.TASK_PRIORITIES, labels.TASK_PRIORITY_LABELS],
];

describe('names of the enumerations', () => {
  it.each(PAIRS)('%s: one name per stored value, in Chinese and in English, all different', (_what, values, names) => {
    for (const lang of ['zh', 'en'] as const) {
      expect(Object.keys(names[lang]).sort()).toEqual([...values].sort());
      const words = Object.values(names[lang]);
      expect(words.every((word) => word.trim().length > 0)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
    expect(Object.values(names.zh).some((word) => /[\u4e00-\u9fff]/.test(word))).toBe(true);
  });

  it('the meeting log, the partnership page and the reports call a meeting kind by the same name', () => {
    expect(meetingsMessages.zh.kind).toEqual(partnershipMessages.zh.meeting.kinds);
    expect(meetingsMessages.en.format).toEqual(partnershipMessages.en.meeting.formats);
    expect(zh.status).toBe(labels.PARTNERSHIP_STATUS_LABELS.zh);
    expect(en.partnershipKind).toBe(labels.PARTNERSHIP_KIND_LABELS.en);
  });
});

/** What the meeting screens share: the enumerations (as values), titles and dates in the UI language. */
import { i18n, uiLocale } from '../../i18n';
import { dateFormat } from '../../format';
import type { ATTENDEE_SIDES, MEETING_FORMATS, MEETING_KINDS, TASK_PRIORITIES, TASK_STATUSES } from '@db/schema';

export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type AttendeeSide = (typeof ATTENDEE_SIDES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FORMATS: readonly MeetingFormat[] = ['in_person', 'video', 'phone'];
export const KINDS: readonly MeetingKind[] = ['incoming_delegation', 'outgoing_delegation', 'forum', 'signing', 'working_meeting'];
export const SIDES: readonly AttendeeSide[] = ['ours', 'partner', 'third_party'];
export const PRIORITIES: readonly TaskPriority[] = ['low', 'normal', 'high'];

export const STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', in_progress: 'yellow', done: 'green', cancelled: 'gray' };
export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'red' };

/** A partnership's title in the UI language, falling back to its main title. */
export function partnershipTitle(p: { title: string; titleZh: string | null; titleEn: string | null }): string {
  return (i18n.language === 'zh' ? p.titleZh : p.titleEn) ?? p.title;
}

function dateOf(day: string): Date | null {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 14 Mar 2025 / 2025年3月14日 */
export function formatDay(day: string | null): string {
  if (!day) return '';
  const date = dateOf(day);
  if (!date) return day;
  // One format per locale: the meeting log draws dozens of days a frame while it scrolls.
  return dateFormat(uiLocale(), 'day').format(date);
}

/** Friday 14 March 2025 / 2025年3月14日星期五 */
export function formatLongDay(day: string): string {
  const date = dateOf(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(uiLocale(), { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export { isCalendarDate } from '@common/calendar';

/** The sessionStorage key a partnership page sets before opening #/meetings/new. */
export const PRESELECTED_PARTNERSHIP_KEY = 'pt.meeting.partnership';

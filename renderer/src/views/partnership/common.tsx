/** Shared bits of the partnership screens: enumerations (as the contract's types), names, dates. */
import { formatPartialDate } from '../../format';
import { isCalendarDate, isPartialDate, localDay } from '@common/calendar';
import type { PartnershipKind, PartnershipStatus, PartyView, TOPICS } from '@db/partnerships';
import { localTitle, STATUS_COLORS } from '../../lib/partnership';

export { localTitle, STATUS_COLORS };
import type { MILESTONE_KINDS, MILESTONE_STATUSES } from '@db/schema';

export type Topic = (typeof TOPICS)[number];
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Record<Union, …> keeps these lists complete: a value added to the contract fails the typecheck here. */
export const PARTNERSHIP_STATUS_LIST = Object.keys(STATUS_COLORS) as PartnershipStatus[];

const KIND_ORDER: Record<PartnershipKind, number> = {
  sister_city: 0,
  friendship_city: 1,
  cooperation_mou: 2,
  strategic_agreement: 3,
  project_cooperation: 4,
  pilot_programme: 5,
};
export const PARTNERSHIP_KIND_LIST = Object.keys(KIND_ORDER) as PartnershipKind[];

const TOPIC_ORDER: Record<Topic, number> = {
  smart_city: 0,
  green_building: 1,
  smart_transport: 2,
  port: 3,
  finance: 4,
  culture_tourism: 5,
  trade: 6,
  education: 7,
  health: 8,
  environment: 9,
  energy: 10,
  technology: 11,
  urbanization: 12,
};
export const TOPIC_LIST = Object.keys(TOPIC_ORDER) as Topic[];
export const isTopic = (value: string): value is Topic => value in TOPIC_ORDER;

const MILESTONE_KIND_ORDER: Record<MilestoneKind, number> = {
  proposal: 0,
  mou: 1,
  joint_statement: 2,
  agreement: 3,
  visit: 4,
  forum: 5,
  launch: 6,
  report: 7,
  other: 8,
};
export const MILESTONE_KIND_LIST = Object.keys(MILESTONE_KIND_ORDER) as MilestoneKind[];

export const MILESTONE_STATUS_COLORS: Record<MilestoneStatus, string> = {
  planned: 'blue',
  done: 'green',
  cancelled: 'gray',
};
export const MILESTONE_STATUS_LIST = Object.keys(MILESTONE_STATUS_COLORS) as MilestoneStatus[];

/** The title in the UI language when there is one, else the title as entered. */
export function partyName(party: Pick<PartyView, 'displayName' | 'nameZh' | 'nameEn'>, language: string): string {
  return (language === 'zh' ? party.nameZh : party.nameEn) ?? party.displayName;
}

/** Dates as the forms check them: the contract's own rules (db/rules.ts uses the same functions). */
export { isCalendarDate, isPartialDate, localDay };

/** An instant (ISO, UTC) as the user's calendar day, in the UI locale. */
export function formatInstantDay(instant: string): string {
  return formatPartialDate(localDay(instant));
}

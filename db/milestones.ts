import { z } from 'zod';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { milestones, MILESTONE_KINDS, MILESTONE_STATUSES, DATE_PRECISIONS } from './schema';
import { deleteRecord, insertRecord, requireLive, restoreRecord, updateRecord, type Core } from './core';
import { notFound } from './errors';
import { idSchema } from './validation';

export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The precision a partial date is written with: 2016 -> year, 2015-06 -> month, 2017-05-31 -> day. */
export function precisionOf(date: string): DatePrecision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

import { firstMilestoneInput, milestoneCreateInput, milestoneUpdateInput } from '../common/inputs/records';
export { firstMilestoneInput, milestoneCreateInput, milestoneUpdateInput };
export const milestoneListInput = z.strictObject({ partnershipId: idSchema });

export interface Milestone {
  id: string;
  partnershipId: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  kind: (typeof MILESTONE_KINDS)[number];
  status: (typeof MILESTONE_STATUSES)[number];
  source: string | null;
  notes: string | null;
  deletedAt: string | null;
}

const columns = {
  id: milestones.id,
  partnershipId: milestones.partnershipId,
  title: milestones.title,
  date: milestones.date,
  datePrecision: milestones.datePrecision,
  kind: milestones.kind,
  status: milestones.status,
  source: milestones.source,
  notes: milestones.notes,
  deletedAt: milestones.deletedAt,
};

export function getMilestone(core: Core, id: string): Milestone {
  const row = core.db.select(columns).from(milestones).where(eq(milestones.id, id)).get();
  if (!row) throw notFound('milestones', id);
  return row;
}

export function listMilestones(core: Core, partnershipId: string): Milestone[] {
  requireLive(core, 'partnerships', partnershipId, true);
  return core.db
    .select(columns)
    .from(milestones)
    .where(and(eq(milestones.partnershipId, partnershipId), isNull(milestones.deletedAt)))
    .orderBy(asc(milestones.date), asc(milestones.id))
    .all();
}

export function createMilestone(core: Core, input: z.output<typeof milestoneCreateInput>): Milestone {
  requireLive(core, 'partnerships', input.partnershipId);
  const id = insertRecord(core, 'milestones', { ...input, datePrecision: precisionOf(input.date) });
  return getMilestone(core, id);
}

export function updateMilestone(core: Core, input: z.output<typeof milestoneUpdateInput>): Milestone {
  const { id, ...fields } = input;
  requireLive(core, 'milestones', id);
  updateRecord(core, 'milestones', id, { ...fields, ...(fields.date ? { datePrecision: precisionOf(fields.date) } : {}) });
  return getMilestone(core, id);
}

export function deleteMilestone(core: Core, id: string): Milestone {
  requireLive(core, 'milestones', id);
  deleteRecord(core, 'milestones', id);
  return getMilestone(core, id);
}

export function restoreMilestone(core: Core, id: string): Milestone {
  requireLive(core, 'milestones', id, true);
  restoreRecord(core, 'milestones', id);
  return getMilestone(core, id);
}

/**
 * The contract's inputs for creating and editing records: what `tasks.create`, `organizations.update`, ... accept
 * (db/api.ts runs them at the door), and what the forms validate with before they send, so that both refuse the same
 * values with the same words (./messages.ts).
 */
import { z } from 'zod';
import {
  ATTENDEE_SIDES,
  MEETING_FORMATS,
  MEETING_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  ORGANIZATION_KINDS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TOPICS,
} from './enums';
import { calendarDate, countryCode, email, idSchema, LIMITS, meetingTime, optionalDate, optionalText, partialDate, requiredText } from './fields';

const organizationFields = {
  displayName: requiredText(LIMITS.name),
  nameZh: optionalText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
  nameLocal: optionalText(LIMITS.name),
  aliases: z.array(z.string().trim().min(1).max(LIMITS.name)).max(LIMITS.aliases).optional(),
  country: countryCode.nullable().optional(),
  region: optionalText(LIMITS.shortText),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  notes: optionalText(LIMITS.notes),
  source: optionalText(LIMITS.source),
};
export const organizationCreateInput = z.strictObject(organizationFields);
export const organizationUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(organizationFields).partial().shape });

const contactFields = {
  name: requiredText(LIMITS.name),
  title: optionalText(LIMITS.shortText),
  organizationId: idSchema.nullable().optional(),
  email: z
    .union([z.literal(''), z.string().trim().pipe(email)])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  phone: optionalText(LIMITS.phone),
  notes: optionalText(LIMITS.notes),
};
export const contactCreateInput = z.strictObject(contactFields);
export const contactUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(contactFields).partial().shape });

const taskFields = {
  title: requiredText(LIMITS.title),
  details: optionalText(LIMITS.notes),
  dueOn: optionalDate,
  assignee: optionalText(LIMITS.shortText),
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  partnershipId: idSchema.nullable().optional(),
  meetingId: idSchema.nullable().optional(),
};
export const taskCreateInput = z.strictObject(taskFields);
export const taskUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(taskFields).partial().shape });

const milestoneFields = {
  partnershipId: idSchema,
  title: requiredText(LIMITS.title),
  /** YYYY, YYYY-MM or YYYY-MM-DD: the precision is what is written. */
  date: partialDate,
  kind: z.enum(MILESTONE_KINDS),
  status: z.enum(MILESTONE_STATUSES),
  source: optionalText(LIMITS.source),
  notes: optionalText(LIMITS.notes),
};
export const milestoneCreateInput = z.strictObject(milestoneFields);
/** A milestone given with a new partnership (its first), by the same rules. */
export const firstMilestoneInput = z.strictObject(milestoneFields).omit({ partnershipId: true });
export const milestoneUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(milestoneFields).omit({ partnershipId: true }).partial().shape });

export const programmeCreateInput = z
  .strictObject({
    nameZh: optionalText(LIMITS.title),
    nameEn: optionalText(LIMITS.title),
    startedOn: partialDate.nullable().optional(),
    description: optionalText(LIMITS.notes),
  })
  .refine((p) => !!(p.nameZh || p.nameEn), { message: 'name required', path: ['nameZh'] });

const partySchema = z.strictObject({ organizationId: idSchema, role: optionalText(LIMITS.shortText) });
const partnershipFields = {
  title: requiredText(LIMITS.title),
  titleZh: optionalText(LIMITS.title),
  titleEn: optionalText(LIMITS.title),
  kind: z.enum(PARTNERSHIP_KINDS),
  status: z.enum(PARTNERSHIP_STATUSES),
  /** When the current status began; defaults to today. */
  statusSince: partialDate.optional(),
  programmeId: idSchema.nullable().optional(),
  topics: z.array(z.enum(TOPICS)).max(TOPICS.length).optional(),
  owner: optionalText(LIMITS.shortText),
  summary: optionalText(LIMITS.notes),
  rationale: optionalText(LIMITS.notes),
  termStart: optionalDate,
  termEnd: optionalDate,
  reviewOn: optionalDate,
  source: optionalText(LIMITS.source),
  parties: z
    .array(partySchema)
    .min(2)
    .max(200)
    // Rows without an organization are refused on their own: they are not "the same organization twice".
    .refine(
      (list) => {
        const ids = list.map((p) => p.organizationId).filter(Boolean);
        return new Set(ids).size === ids.length;
      },
      { message: 'duplicate party' },
    ),
};
export const partnershipCreateInput = z.strictObject(partnershipFields);
export const partnershipUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(partnershipFields).partial().shape });
/** A new partnership with, optionally, its first milestone: the form's input and `partnerships.create`'s, saved in one transaction. */
export const partnershipCreateWithMilestoneInput = partnershipCreateInput.extend({ firstMilestone: firstMilestoneInput.optional() });

export const attendeeInput = z
  .strictObject({
    contactId: idSchema.nullable().optional(),
    name: optionalText(LIMITS.name),
    side: z.enum(ATTENDEE_SIDES),
    organizationId: idSchema.nullable().optional(),
    organizationName: optionalText(LIMITS.name),
    role: optionalText(LIMITS.shortText),
    isInterpreter: z.boolean().optional(),
  })
  .refine((a) => !!a.contactId || !!a.name, { message: 'name or contact', path: ['name'] });

const followUpInput = z.strictObject({
  title: requiredText(LIMITS.title),
  details: optionalText(LIMITS.notes),
  assignee: optionalText(LIMITS.shortText),
  dueOn: optionalDate,
  priority: z.enum(TASK_PRIORITIES).optional(),
  /** Which of the meeting's partnerships the task belongs to; default the first. */
  partnershipId: idSchema.nullable().optional(),
});

const meetingFields = {
  title: requiredText(LIMITS.title),
  date: calendarDate,
  time: meetingTime.nullable().optional(),
  location: optionalText(LIMITS.location),
  format: z.enum(MEETING_FORMATS),
  kind: z.enum(MEETING_KINDS),
  partnershipIds: z
    .array(idSchema)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate partnership' }),
  attendees: z.array(attendeeInput).max(500).optional(),
  agenda: optionalText(LIMITS.notes),
  summary: optionalText(LIMITS.longText),
  outcomes: optionalText(LIMITS.longText),
  gifts: optionalText(LIMITS.gifts),
  notes: optionalText(LIMITS.meetingNotes),
};
export const meetingCreateInput = z.strictObject({ ...meetingFields, followUps: z.array(followUpInput).max(100).optional() });
export const meetingUpdateInput = z.strictObject({ id: idSchema, ...z.strictObject(meetingFields).partial().shape });

/**
 * The values a record's enumerated fields may hold, as plain lists: the schema's columns (db/schema.ts), the
 * contract's inputs (./records.ts), the import mapping and the forms all read them from here.
 */
export const ORGANIZATION_KINDS = [
  'city',
  'district',
  'new_area',
  'province',
  'region',
  'country',
  'association',
  'company',
  'university',
  'programme_body',
  'government_body',
  'other',
] as const;
export const PARTNERSHIP_KINDS = [
  'sister_city',
  'friendship_city',
  'cooperation_mou',
  'strategic_agreement',
  'project_cooperation',
  'pilot_programme',
] as const;
export const PARTNERSHIP_STATUSES = ['prospect', 'negotiating', 'active', 'dormant', 'concluded'] as const;
/** Topic keys a partnership may carry (stored as a JSON array in `partnerships.topics`). */
export const TOPICS = [
  'smart_city',
  'green_building',
  'smart_transport',
  'port',
  'finance',
  'culture_tourism',
  'trade',
  'education',
  'health',
  'environment',
  'energy',
  'technology',
  'urbanization',
] as const;
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export const MILESTONE_KINDS = ['proposal', 'mou', 'joint_statement', 'agreement', 'visit', 'forum', 'launch', 'report', 'other'] as const;
export const MILESTONE_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const MEETING_FORMATS = ['in_person', 'video', 'phone'] as const;
export const MEETING_KINDS = ['incoming_delegation', 'outgoing_delegation', 'forum', 'signing', 'working_meeting'] as const;
export const ATTENDEE_SIDES = ['ours', 'partner', 'third_party'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;

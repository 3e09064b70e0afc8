/** What the core's merge and the Sync view must agree on (see common/calendar.ts for this folder's rule). */

/** Every kind of record an exchange file carries, parents before children: the order the merge applies them. */
export const MERGE_ORDER = [
  'organizations',
  'programmes',
  'partnerships',
  'partnershipParties',
  'partnershipStatusHistory',
  'milestones',
  'contacts',
  'meetings',
  'meetingPartnerships',
  'meetingAttendees',
  'tasks',
  'attachments',
] as const;

/** An incoming clock this far ahead of ours is shown, and merged only after a person confirms. */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60 * 1000;

/** The shortest passphrase an export accepts. */
export const MIN_PASSPHRASE = 8;

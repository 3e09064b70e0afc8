/** The meeting form's draft: what is typed, row by row, before the contract sees it. */
import type { Meeting } from '@db/meetings';
import { localDay } from '@common/calendar';
import type { AttendeeSide, MeetingFormat, MeetingKind, TaskPriority } from './shared';

export interface AttendeeDraft {
  key: string;
  side: AttendeeSide;
  contactId: string | null;
  name: string;
  organizationId: string | null;
  organizationName: string;
  role: string;
  isInterpreter: boolean;
}

export interface FollowUpDraft {
  key: string;
  title: string;
  assignee: string;
  dueOn: string;
  priority: TaskPriority;
  partnershipId: string;
}

export interface Draft {
  title: string;
  date: string;
  time: string;
  location: string;
  format: MeetingFormat;
  kind: MeetingKind;
  partnershipIds: string[];
  attendees: AttendeeDraft[];
  agenda: string;
  summary: string;
  outcomes: string;
  gifts: string;
  notes: string;
  followUps: FollowUpDraft[];
}

export type TextField = 'title' | 'date' | 'time' | 'location' | 'agenda' | 'summary' | 'outcomes' | 'gifts' | 'notes';
/** Messages by field: `title`, `attendee.<key>`, `followUp.<key>`, `followUp.<key>.dueOn`… */
export type Errors = Record<string, string>;

/** What a section of the form may do to the draft. */
export interface DraftEditor {
  draft: Draft;
  errors: Errors;
  setDraft: (change: (draft: Draft) => Draft) => void;
  clearError: (key: string) => void;
}

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

export const blankAttendee = (side: AttendeeSide): AttendeeDraft => ({
  key: newKey(),
  side,
  contactId: null,
  name: '',
  organizationId: null,
  organizationName: '',
  role: '',
  isInterpreter: false,
});
export const blankFollowUp = (): FollowUpDraft => ({ key: newKey(), title: '', assignee: '', dueOn: '', priority: 'normal', partnershipId: '' });

export const isBlankAttendee = (a: AttendeeDraft) => !a.contactId && !a.name.trim() && !a.organizationName.trim() && !a.role.trim() && !a.isInterpreter;
export const isBlankFollowUp = (f: FollowUpDraft) => !f.title.trim() && !f.assignee.trim() && !f.dueOn;

export function draftOf(meeting: Meeting | null, preselected: string | null): Draft {
  if (!meeting) {
    return {
      title: '',
      date: localDay(),
      time: '',
      location: '',
      format: 'in_person',
      kind: 'working_meeting',
      partnershipIds: preselected ? [preselected] : [],
      attendees: [blankAttendee('ours'), blankAttendee('partner')],
      agenda: '',
      summary: '',
      outcomes: '',
      gifts: '',
      notes: '',
      followUps: [blankFollowUp()],
    };
  }
  return {
    title: meeting.title,
    date: meeting.date,
    time: meeting.time ?? '',
    location: meeting.location ?? '',
    format: meeting.format,
    kind: meeting.kind,
    partnershipIds: meeting.partnerships.map((p) => p.id),
    attendees: meeting.attendees.map((a) => ({
      key: newKey(),
      side: a.side,
      contactId: a.contactId,
      name: a.name ?? '',
      organizationId: a.organizationId,
      organizationName: a.organizationName ?? '',
      role: a.role ?? '',
      isInterpreter: a.isInterpreter,
    })),
    agenda: meeting.agenda ?? '',
    summary: meeting.summary ?? '',
    outcomes: meeting.outcomes ?? '',
    gifts: meeting.gifts ?? '',
    notes: meeting.notes ?? '',
    followUps: [],
  };
}

/**
 * The meeting log form: filled a few minutes after a meeting, so everything is on one page,
 * reachable with Tab, and Ctrl/Cmd+Enter saves. A new meeting is saved with its follow-up
 * tasks in one call (meetings.create with followUps): all of it or nothing. A rejection keeps
 * everything typed and marks the fields.
 *
 * Opening it asks for little (the assignees, and the partnership a page preselected): partnerships
 * and contacts are searched through the contract as the person types (components/RecordPicker).
 * The sections are their own components: basics, attendees, record (notes), follow-up tasks.
 */
import { useEffect, useRef, useState } from 'react';
import { Box, Button, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { meetingCreateInput, meetingUpdateInput } from '@common/inputs/records';
import { api } from '../../api';
import { showDone } from '../../notify';
import { useApi } from '../../useApi';
import { contractOptions, useContractForm } from '../../lib/contract-form';
import { ContractFormElement } from '../../components/form/ContractFormElement';
import { FormErrorSummary } from '../../components/FormErrors';
import type { Meeting } from '@db/meetings';
import type { PartnershipListItem } from '@db/partnerships';
import { PRESELECTED_PARTNERSHIP_KEY, partnershipTitle } from './shared';
import { useUnsavedGuard } from '../../lib/unsaved';
import { draftOf, isBlankAttendee, isBlankFollowUp, type Draft, type Errors } from './meetingDraft';
import { MeetingBasics } from './MeetingBasics';
import { MeetingAttendees } from './MeetingAttendees';
import { MeetingNotes } from './MeetingNotes';
import { MeetingFollowUps } from './MeetingFollowUps';

/** A partnership as the picker names it, in the UI's language. */
type PartnershipChoice = Parameters<typeof partnershipTitle>[0] & { id: string };

/**
 * Shows the form at once; only a partnership a page preselected is read first (its name). The
 * assignees the follow-ups offer are read while the person types.
 */
export function MeetingForm({ meeting, onCancel, onSaved }: { meeting: Meeting | null; onCancel: () => void; onSaved: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  // A partnership page may ask for a preselected partnership; one that is gone since is not offered.
  const [wanted] = useState(() => (meeting ? null : sessionStorage.getItem(PRESELECTED_PARTNERSHIP_KEY)));
  const preselected = useApi('partnerships.get', { id: wanted ?? '' }, { enabled: wanted !== null, quiet: () => true });
  if (wanted && preselected.data === undefined && !preselected.error) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    );
  }
  const chosen = wanted && preselected.data && !preselected.data.deletedAt ? preselected.data : null;
  return <MeetingFormBody meeting={meeting} preselected={chosen} onCancel={onCancel} onSaved={onSaved} />;
}

/**
 * The linked contacts still in the address book, with their names: a contact deleted since is
 * kept as a typed name. Asked at save time, for the few linked contacts alone.
 */
async function liveContactNames(ids: string[]): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(ids)].map((id) => api['contacts.get']({ id }).catch(() => null)));
  return new Map(found.flatMap((c) => (c && !c.deletedAt ? [[c.id, c.name] as const] : [])));
}

/** What the form sends: the rows left blank are not sent, a blank time is none, a follow-up's partnership is one of the meeting's. */
function fieldsOf(draft: Draft) {
  return {
    title: draft.title,
    date: draft.date,
    time: draft.time || null,
    location: draft.location,
    format: draft.format,
    kind: draft.kind,
    partnershipIds: draft.partnershipIds,
    attendees: draft.attendees
      .filter((a) => !isBlankAttendee(a))
      .map((a) => ({
        contactId: a.contactId,
        name: a.name,
        side: a.side,
        organizationId: a.organizationId,
        organizationName: a.organizationId ? null : a.organizationName,
        role: a.role,
        isInterpreter: a.isInterpreter,
      })),
    agenda: draft.agenda,
    summary: draft.summary,
    outcomes: draft.outcomes,
    gifts: draft.gifts,
    notes: draft.notes,
  };
}

function followUpsOf(draft: Draft) {
  return draft.followUps
    .filter((f) => !isBlankFollowUp(f))
    .map((f) => ({
      title: f.title,
      assignee: f.assignee,
      dueOn: f.dueOn || null,
      priority: f.priority,
      partnershipId: draft.partnershipIds.includes(f.partnershipId) ? f.partnershipId : null,
    }));
}

/**
 * A contract path onto the draft's: the contract numbers the rows it was sent (the blank ones are not), the draft
 * numbers every row (`attendees.2.name` may be the draft's `attendees.3.name`).
 */
function draftPathOf(draft: Draft, path: string): string {
  const [head, index, ...rest] = path.split('.');
  const rows =
    head === 'attendees'
      ? draft.attendees.filter((a) => !isBlankAttendee(a))
      : head === 'followUps'
        ? draft.followUps.filter((f) => !isBlankFollowUp(f))
        : null;
  if (!rows || index === undefined) return path;
  const row = rows[Number(index)];
  if (!row) return head!;
  const at = (head === 'attendees' ? draft.attendees : draft.followUps).findIndex((r) => r.key === row.key);
  return [head, String(at), ...rest].join('.');
}

/** The form's messages as the sections read them: by row key (`attendee.<key>`, `followUp.<key>`, `followUp.<key>.dueOn`). */
function sectionErrors(draft: Draft, errors: Record<string, string>): Errors {
  const result: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [head, index, field] = path.split('.');
    if (head === 'attendees' && index !== undefined) {
      const key = draft.attendees[Number(index)]?.key;
      if (key) result[`attendee.${key}`] ??= message;
    } else if (head === 'followUps' && index !== undefined) {
      const key = draft.followUps[Number(index)]?.key;
      if (key) result[field === 'dueOn' ? `followUp.${key}.dueOn` : `followUp.${key}`] ??= message;
    } else if (head) result[head] ??= message;
  }
  return result;
}

/** A section's key onto the draft path whose mark it clears. */
function markedPathOf(draft: Draft, key: string): string {
  const [kind, rowKey, field] = key.split('.');
  if (kind === 'attendee') return `attendees.${draft.attendees.findIndex((a) => a.key === rowKey)}`;
  if (kind === 'followUp') return `followUps.${draft.followUps.findIndex((f) => f.key === rowKey)}${field ? `.${field}` : ''}`;
  return key;
}

/** Linked contacts deleted since are kept as typed names; a name that is the contact's own is not sent twice. */
async function withLiveContacts<A extends { contactId?: string | null; name?: string | null }>(attendees: A[]): Promise<A[]> {
  const contactNames = await liveContactNames(attendees.flatMap((a) => (a.contactId ? [a.contactId] : [])));
  return attendees.map((a) => {
    const contactId = a.contactId && contactNames.has(a.contactId) ? a.contactId : null;
    const followsContact = !!contactId && contactNames.get(contactId) === (a.name ?? '').trim();
    return { ...a, contactId, name: followsContact ? null : a.name };
  });
}

function MeetingFormBody({
  meeting,
  preselected,
  onCancel,
  onSaved,
}: {
  meeting: Meeting | null;
  preselected: PartnershipChoice | null;
  onCancel: () => void;
  onSaved: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const { data: assignees } = useApi('tasks.assignees');
  const current = useRef<() => Draft>(() => draftOf(null, null));
  const defaults = useState(() => draftOf(meeting, preselected?.id ?? null))[0];
  const options = {
    defaultValues: defaults,
    fieldOf: (path: string) => draftPathOf(current.current(), path),
    onSaved: (saved: Meeting) => {
      showDone(t('meetings.form.saved'));
      onSaved(saved);
    },
    announce: false,
  };
  const contractForm = useContractForm(
    meeting
      ? contractOptions({
          ...options,
          schema: meetingUpdateInput,
          toInput: (draft: Draft) => ({ id: meeting.id, ...fieldsOf(draft) }),
          save: async (input) => api['meetings.update']({ ...input, attendees: await withLiveContacts(input.attendees ?? []) }),
        })
      : contractOptions({
          ...options,
          schema: meetingCreateInput,
          toInput: (draft: Draft) => ({ ...fieldsOf(draft), followUps: followUpsOf(draft) }),
          save: async (input) => api['meetings.create']({ ...input, attendees: await withLiveContacts(input.attendees ?? []) }),
        }),
  );
  const { form, saving } = contractForm;
  current.current = form.getValues;
  const draft = form.watch();
  const guard = useUnsavedGuard(contractForm.unsaved);
  const lastAdded = useRef<string | null>(null);

  useEffect(() => {
    sessionStorage.removeItem(PRESELECTED_PARTNERSHIP_KEY);
    // Keep a field reached with Tab clear of the app header and the form's sticky title bar.
    const root = document.documentElement;
    const previous = root.style.scrollPaddingTop;
    root.style.scrollPaddingTop = '150px';
    return () => {
      root.style.scrollPaddingTop = previous;
    };
  }, []);

  /** A section's change: each part of the draft it changed is set, and counts as a change. */
  const setDraft = (change: (draft: Draft) => Draft) => {
    const before = form.getValues();
    const after = change(before);
    for (const key of Object.keys(after) as (keyof Draft)[]) {
      if (after[key] !== before[key]) form.setValue(key, after[key] as never, { shouldDirty: true });
    }
  };
  const clearError = (key: string) => {
    const path = markedPathOf(form.getValues(), key);
    if (!path.includes('.-1')) form.clearErrors(path as never);
  };

  // Every partnership the picker has named, so that the chosen ones keep their names while the search moves on.
  // A partnership deleted since the meeting was logged stays selectable for this meeting.
  const [named, setNamed] = useState<Map<string, PartnershipChoice>>(
    () => new Map([...(meeting?.partnerships ?? []), ...(preselected ? [preselected] : [])].map((p) => [p.id, p])),
  );
  const selectedPartnerships = draft.partnershipIds.flatMap((id) => {
    const p = named.get(id);
    return p ? [{ value: p.id, label: partnershipTitle(p) }] : [];
  });
  const choosePartnerships = (ids: string[], rows: PartnershipListItem[]) => {
    setNamed((map) => new Map([...map, ...rows.map((p) => [p.id, p] as const)]));
    setDraft((d) => ({ ...d, partnershipIds: ids }));
    clearError('partnershipIds');
  };

  const editor = { draft, errors: sectionErrors(draft, contractForm.errors), setDraft, clearError };

  return (
    <ContractFormElement form={contractForm} enterInFieldSaves={false} aria-label={meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}>
      <Stack maw={1100} gap="md" pb="xl">
        {/* Title and actions stay in view under the app header while the form scrolls. */}
        <Box
          py="xs"
          style={{
            position: 'sticky',
            top: 'var(--app-shell-header-offset, 56px)',
            zIndex: 5,
            background: 'var(--mantine-color-body)',
            borderBottom: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Title order={1} size="h2" style={{ minWidth: 0 }}>
              {meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}
            </Title>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={() => guard.confirm(onCancel)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={saving}
                rightSection={<Kbd size="xs">Ctrl ↵</Kbd>}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                title={t('meetings.form.saveHint')}
              >
                {t('meetings.form.save')}
              </Button>
            </Group>
          </Group>
          <Box mt="xs">
            <FormErrorSummary errors={contractForm.errors} />
          </Box>
        </Box>

        <MeetingBasics {...editor} partnerships={selectedPartnerships} onPartnerships={choosePartnerships} />
        <MeetingAttendees {...editor} lastAdded={lastAdded} />
        <MeetingNotes draft={draft} />
        <MeetingFollowUps {...editor} meeting={meeting} assignees={assignees ?? []} partnerships={selectedPartnerships} lastAdded={lastAdded} />
      </Stack>
    </ContractFormElement>
  );
}

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
import { Alert, Box, Button, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { localized } from '../../i18n';
import { showDone, showError } from '../../notify';
import { useLoad } from '../../useLoad';
import type { Meeting } from '@db/meetings';
import type { PartnershipListItem } from '@db/partnerships';
import { PRESELECTED_PARTNERSHIP_KEY, isCalendarDate, partnershipTitle } from './shared';
import { useDraftChanges, useUnsavedGuard } from '../../lib/unsaved';
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
  const { data: preselected } = useLoad(() => (wanted ? api['partnerships.get']({ id: wanted }).catch(() => null) : Promise.resolve(null)), []);
  if (wanted && preselected === undefined) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    );
  }
  return <MeetingFormBody meeting={meeting} preselected={preselected && !preselected.deletedAt ? preselected : null} onCancel={onCancel} onSaved={onSaved} />;
}

/**
 * The linked contacts still in the address book, with their names: a contact deleted since is
 * kept as a typed name. Asked at save time, for the few linked contacts alone.
 */
async function liveContactNames(ids: string[]): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(ids)].map((id) => api['contacts.get']({ id }).catch(() => null)));
  return new Map(found.flatMap((c) => (c && !c.deletedAt ? [[c.id, c.name] as const] : [])));
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(meeting, preselected?.id ?? null));
  const { data: assignees } = useLoad(() => api['tasks.assignees'](), []);
  const changes = useDraftChanges(draft);
  const guard = useUnsavedGuard(changes.dirty);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [focusErrors, setFocusErrors] = useState(0);
  const form = useRef<HTMLFormElement>(null);
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

  useEffect(() => {
    if (focusErrors === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  }, [focusErrors]);

  const clearError = (key: string) =>
    setErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });

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

  const validate = (): Errors => {
    const next: Errors = {};
    if (!draft.title.trim()) next.title = t('meetings.form.errors.title');
    if (!draft.date) next.date = t('meetings.form.errors.date');
    else if (!isCalendarDate(draft.date)) next.date = t('meetings.form.errors.dateFormat');
    if (draft.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.time)) next.time = t('meetings.form.errors.time');
    if (draft.partnershipIds.length === 0) next.partnershipIds = t('meetings.form.errors.partnerships');
    for (const a of draft.attendees) {
      if (!isBlankAttendee(a) && !a.contactId && !a.name.trim()) next[`attendee.${a.key}`] = t('meetings.form.errors.attendeeName');
    }
    for (const f of draft.followUps) {
      if (!isBlankFollowUp(f) && !f.title.trim()) next[`followUp.${f.key}`] = t('meetings.form.errors.followUpTitle');
      else if (f.dueOn && !isCalendarDate(f.dueOn)) next[`followUp.${f.key}.dueOn`] = t('meetings.form.errors.dateFormat');
    }
    return next;
  };

  const save = async () => {
    if (saving) return;
    const problems = validate();
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFocusErrors((n) => n + 1);
      return;
    }
    const attendees = draft.attendees.filter((a) => !isBlankAttendee(a));
    const followUps = draft.followUps.filter((f) => !isBlankFollowUp(f));
    setSaving(true);
    try {
      const contactNames = await liveContactNames(attendees.flatMap((a) => (a.contactId ? [a.contactId] : [])));
      const fields = {
        title: draft.title,
        date: draft.date,
        time: draft.time || null,
        location: draft.location,
        format: draft.format,
        kind: draft.kind,
        partnershipIds: draft.partnershipIds,
        attendees: attendees.map((a) => {
          // A contact no longer in the address book is kept as a typed name.
          const contactId = a.contactId && contactNames.has(a.contactId) ? a.contactId : null;
          const followsContact = !!contactId && contactNames.get(contactId) === a.name.trim();
          return {
            contactId,
            name: followsContact ? null : a.name,
            side: a.side,
            organizationId: a.organizationId,
            organizationName: a.organizationId ? null : a.organizationName,
            role: a.role,
            isInterpreter: a.isInterpreter,
          };
        }),
        agenda: draft.agenda,
        summary: draft.summary,
        outcomes: draft.outcomes,
        gifts: draft.gifts,
        notes: draft.notes,
      };
      const saved = meeting
        ? await api['meetings.update']({ id: meeting.id, ...fields })
        : await api['meetings.create']({
            ...fields,
            followUps: followUps.map((f) => ({
              title: f.title,
              assignee: f.assignee,
              dueOn: f.dueOn || null,
              priority: f.priority,
              partnershipId: draft.partnershipIds.includes(f.partnershipId) ? f.partnershipId : null,
            })),
          });
      showDone(t('meetings.form.saved'));
      changes.saved();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const message = localized(error.localized);
        const marked: Errors = {};
        for (const field of error.fields) {
          const [head, index] = field.split('.');
          if (head === 'attendees' && index !== undefined && attendees[Number(index)]) marked[`attendee.${attendees[Number(index)]!.key}`] = message;
          else if (head === 'followUps' && index !== undefined && followUps[Number(index)]) marked[`followUp.${followUps[Number(index)]!.key}`] = message;
          else if (head) marked[head] = message;
        }
        setErrors(marked);
        setFocusErrors((n) => n + 1);
      }
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const editor = { draft, errors, setDraft, clearError };

  return (
    <form
      ref={form}
      noValidate
      aria-label={meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          void save();
        } else if (e.target instanceof HTMLInputElement) {
          // Enter in a field must not save a half-filled form: only Ctrl/Cmd+Enter or the button does.
          e.preventDefault();
        }
      }}
    >
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
            <Title order={2} style={{ minWidth: 0 }}>
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
          {errorCount > 0 ? (
            <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" py={6} mt="xs">
              {t('meetings.form.errors.summary', { count: errorCount })}
            </Alert>
          ) : null}
        </Box>

        <MeetingBasics {...editor} partnerships={selectedPartnerships} onPartnerships={choosePartnerships} />
        <MeetingAttendees {...editor} lastAdded={lastAdded} />
        <MeetingNotes {...editor} />
        <MeetingFollowUps {...editor} meeting={meeting} assignees={assignees ?? []} partnerships={selectedPartnerships} lastAdded={lastAdded} />
      </Stack>
    </form>
  );
}

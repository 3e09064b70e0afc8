/**
 * The meeting log form: filled a few minutes after a meeting, so everything is on one page,
 * reachable with Tab, and Ctrl/Cmd+Enter saves. A new meeting is saved with its follow-up
 * tasks in one call (meetings.create with followUps): all of it or nothing. A rejection keeps
 * everything typed and marks the fields.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import {
  ActionIcon,
  Alert,
  Autocomplete,
  Badge,
  Box,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Input,
  Group,
  Kbd,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { localized } from '../../i18n';
import { showDone, showError } from '../../notify';
import { useLoad } from '../../useLoad';
import { Markdown } from '../../components/Markdown';
import type { Contact } from '@db/contacts';
import type { Meeting } from '@db/meetings';
import {
  FORMATS,
  KINDS,
  PRESELECTED_PARTNERSHIP_KEY,
  PRIORITIES,
  SIDES,
  STATUS_COLORS,
  formatDay,
  isCalendarDate,
  partnershipTitle,
  type AttendeeSide,
  type MeetingFormat,
  type MeetingKind,
  type TaskPriority,
} from './shared';
import { ContactPicker } from './ContactPicker';
import { allPages } from '../../api/pages';
import { localDay } from '@common/calendar';
import { useDraftChanges, useUnsavedGuard } from '../../lib/unsaved';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';

interface AttendeeDraft {
  key: string;
  side: AttendeeSide;
  contactId: string | null;
  name: string;
  organizationId: string | null;
  organizationName: string;
  role: string;
  isInterpreter: boolean;
}

interface FollowUpDraft {
  key: string;
  title: string;
  assignee: string;
  dueOn: string;
  priority: TaskPriority;
  partnershipId: string;
}

interface Draft {
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

type TextField = 'title' | 'date' | 'time' | 'location' | 'agenda' | 'summary' | 'outcomes' | 'gifts' | 'notes';
type Errors = Record<string, string>;

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

const blankAttendee = (side: AttendeeSide): AttendeeDraft => ({
  key: newKey(),
  side,
  contactId: null,
  name: '',
  organizationId: null,
  organizationName: '',
  role: '',
  isInterpreter: false,
});
const blankFollowUp = (): FollowUpDraft => ({ key: newKey(), title: '', assignee: '', dueOn: '', priority: 'normal', partnershipId: '' });

const isBlankAttendee = (a: AttendeeDraft) => !a.contactId && !a.name.trim() && !a.organizationName.trim() && !a.role.trim() && !a.isInterpreter;
const isBlankFollowUp = (f: FollowUpDraft) => !f.title.trim() && !f.assignee.trim() && !f.dueOn;

function draftOf(meeting: Meeting | null, preselected: string | null): Draft {
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

/** A partnership as the picker names it, in the UI's language. */
type PartnershipChoice = Parameters<typeof partnershipTitle>[0] & { id: string };

/** The partnership picker offers the first page of what matches the typed text: never the whole table. */
const PARTNERSHIP_MATCHES = 20;

/**
 * Loads what the form offers (contacts, assignees, the partnership a page preselected), then shows
 * it. Partnerships are searched through the contract as the user types (`usePartnershipSearch`).
 */
export function MeetingForm({ meeting, onCancel, onSaved }: { meeting: Meeting | null; onCancel: () => void; onSaved: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const { data } = useLoad(() => {
    // A partnership page may ask for a preselected partnership; one that is gone since is not offered.
    const wanted = meeting ? null : sessionStorage.getItem(PRESELECTED_PARTNERSHIP_KEY);
    return Promise.all([
      allPages((page) => api['contacts.list'](page)),
      api['tasks.assignees'](),
      wanted ? api['partnerships.get']({ id: wanted }).catch(() => null) : Promise.resolve(null),
    ]);
  }, []);
  if (!data) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    );
  }
  const [contacts, assignees, preselected] = data;
  return (
    <MeetingFormBody
      meeting={meeting}
      preselected={preselected && !preselected.deletedAt ? preselected : null}
      contacts={contacts}
      assignees={assignees}
      onCancel={onCancel}
      onSaved={onSaved}
    />
  );
}

/** The first page of partnerships whose title (in any language) holds `search`, asked ~200 ms after the last key. */
function usePartnershipSearch(search: string): PartnershipChoice[] {
  const [query] = useDebouncedValue(search.trim(), 200);
  const [found, setFound] = useState<PartnershipChoice[]>([]);
  useEffect(() => {
    let current = true;
    api['partnerships.list']({ ...(query ? { query } : {}), limit: PARTNERSHIP_MATCHES }).then(
      (page) => current && setFound(page.rows),
      (error: unknown) => current && showError(error, 'load'),
    );
    return () => {
      current = false;
    };
  }, [query]);
  return found;
}

function MeetingFormBody({
  meeting,
  preselected,
  contacts,
  assignees,
  onCancel,
  onSaved,
}: {
  meeting: Meeting | null;
  preselected: PartnershipChoice | null;
  contacts: Contact[];
  assignees: string[];
  onCancel: () => void;
  onSaved: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(meeting, preselected?.id ?? null));
  const changes = useDraftChanges(draft);
  const guard = useUnsavedGuard(changes.dirty);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [focusErrors, setFocusErrors] = useState(0);
  const [notesTab, setNotesTab] = useState<'write' | 'preview'>('write');
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
  const setText = (key: TextField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearError(key);
  };
  const updateAttendee = (key: string, change: Partial<AttendeeDraft>) => {
    setDraft((d) => ({ ...d, attendees: d.attendees.map((a) => (a.key === key ? { ...a, ...change } : a)) }));
    clearError(`attendee.${key}`);
  };
  const updateFollowUp = (key: string, change: Partial<FollowUpDraft>) => {
    setDraft((d) => ({ ...d, followUps: d.followUps.map((f) => (f.key === key ? { ...f, ...change } : f)) }));
    clearError(`followUp.${key}`);
  };

  // Every partnership the picker has named, so that the chosen ones keep their names while the search moves on.
  // A partnership deleted since the meeting was logged stays selectable for this meeting.
  const [partnershipSearch, setPartnershipSearch] = useState('');
  const found = usePartnershipSearch(partnershipSearch);
  const [named, setNamed] = useState<Map<string, PartnershipChoice>>(
    () => new Map([...(meeting?.partnerships ?? []), ...(preselected ? [preselected] : [])].map((p) => [p.id, p])),
  );
  const option = (p: PartnershipChoice) => ({ value: p.id, label: partnershipTitle(p) });
  const selectedPartnerships = draft.partnershipIds.flatMap((id) => {
    const p = named.get(id);
    return p ? [option(p)] : [];
  });
  const partnershipOptions = [...selectedPartnerships, ...found.filter((p) => !draft.partnershipIds.includes(p.id)).map(option)];

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
    const contactNames = new Map(contacts.map((c) => [c.id, c.name]));
    const attendees = draft.attendees.filter((a) => !isBlankAttendee(a));
    const followUps = draft.followUps.filter((f) => !isBlankFollowUp(f));
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
    setSaving(true);
    try {
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

  const addAttendee = (side: AttendeeSide) => {
    const row = blankAttendee(side);
    lastAdded.current = row.key;
    setDraft((d) => ({ ...d, attendees: [...d.attendees, row] }));
  };
  const addFollowUp = () => {
    const row = blankFollowUp();
    lastAdded.current = row.key;
    setDraft((d) => ({ ...d, followUps: [...d.followUps, row] }));
  };

  const errorCount = Object.keys(errors).length;
  const manyPartnerships = selectedPartnerships.length > 1;
  const sideLegend: Record<AttendeeSide, string> = {
    ours: t('meetings.sides.ours'),
    partner: t('meetings.sides.partner'),
    third_party: t('meetings.sides.third_party'),
  };

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

        <Paper withBorder p="md" radius="md">
          <Grid gutter="sm">
            <Grid.Col span={12}>
              <TextInput
                label={t('meetings.fields.title')}
                placeholder={t('meetings.form.titlePlaceholder')}
                required
                autoFocus
                value={draft.title}
                onChange={(e) => setText('title', e.currentTarget.value)}
                error={errors.title}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 4, lg: 3 }}>
              <DateField label={t('meetings.fields.date')} required value={draft.date} onChange={(v) => setText('date', v)} error={errors.date} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3, lg: 2 }}>
              <TimeField label={t('meetings.fields.time')} value={draft.time} onChange={(v) => setText('time', v)} error={errors.time} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5, lg: 7 }}>
              <TextInput
                label={t('meetings.fields.location')}
                placeholder={t('meetings.form.locationPlaceholder')}
                value={draft.location}
                onChange={(e) => setText('location', e.currentTarget.value)}
                error={errors.location}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Input.Label id="meeting-format-label" component="div">
                {t('meetings.fields.format')}
              </Input.Label>
              <SegmentedControl
                aria-labelledby="meeting-format-label"
                fullWidth
                value={draft.format}
                onChange={(value) => setDraft((d) => ({ ...d, format: value as MeetingFormat }))}
                data={FORMATS.map((f) => ({ value: f, label: t(`meetings.format.${f}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <NativeSelect
                label={t('meetings.fields.kind')}
                value={draft.kind}
                onChange={(e) => setDraft((d) => ({ ...d, kind: e.currentTarget.value as MeetingKind }))}
                data={KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
                error={errors.kind}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <MultiSelect
                label={t('meetings.fields.partnerships')}
                placeholder={draft.partnershipIds.length === 0 ? t('meetings.form.partnershipsPlaceholder') : undefined}
                required
                searchable
                hidePickedOptions
                nothingFoundMessage={t('common.noMatches')}
                data={partnershipOptions}
                // The contract has matched the text already, in every title.
                filter={({ options }) => options}
                searchValue={partnershipSearch}
                onSearchChange={setPartnershipSearch}
                value={draft.partnershipIds}
                onChange={(ids) => {
                  setNamed((map) => new Map([...map, ...found.filter((p) => ids.includes(p.id)).map((p) => [p.id, p] as const)]));
                  setDraft((d) => ({ ...d, partnershipIds: ids }));
                  clearError('partnershipIds');
                }}
                error={errors.partnershipIds}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
          </Grid>
        </Paper>

        <Section title={t('meetings.form.attendees')}>
          <Stack gap="sm">
            {SIDES.map((side) => {
              const rows = draft.attendees.filter((a) => a.side === side);
              return (
                <Fieldset key={side} legend={sideLegend[side]} variant="filled" p="sm" pt={4}>
                  <Stack gap={6}>
                    {rows.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('meetings.form.noAttendees')}
                      </Text>
                    ) : null}
                    {rows.length > 0 ? (
                      <ColumnHeads
                        columns={[
                          [7, t('meetings.form.attendeeName')],
                          [7, t('meetings.form.attendeeOrganization')],
                          [6, t('meetings.form.attendeeRole')],
                          [4, t('meetings.form.interpreter')],
                        ]}
                      />
                    ) : null}
                    {rows.map((a, index) => (
                      <Grid key={a.key} columns={24} gutter={6} align="flex-start">
                        <Grid.Col span={7}>
                          <ContactPicker
                            label={t('meetings.form.attendeeName')}
                            name={a.name}
                            contactId={a.contactId}
                            contacts={contacts}
                            autoFocus={lastAdded.current === a.key}
                            error={errors[`attendee.${a.key}`]}
                            onType={(name) => updateAttendee(a.key, { name, contactId: null })}
                            onPick={(c) =>
                              updateAttendee(a.key, {
                                contactId: c.id,
                                name: c.name,
                                organizationId: c.organizationId,
                                organizationName: c.organizationName ?? '',
                                role: a.role || (c.title ?? ''),
                              })
                            }
                          />
                        </Grid.Col>
                        <Grid.Col span={7}>
                          <TextInput
                            aria-label={t('meetings.form.attendeeOrganization')}
                            placeholder={t('meetings.form.attendeeOrganization')}
                            value={a.organizationName}
                            onChange={(e) => updateAttendee(a.key, { organizationName: e.currentTarget.value, organizationId: null })}
                          />
                        </Grid.Col>
                        <Grid.Col span={6}>
                          <TextInput
                            aria-label={t('meetings.form.attendeeRole')}
                            placeholder={t('meetings.form.attendeeRole')}
                            value={a.role}
                            onChange={(e) => updateAttendee(a.key, { role: e.currentTarget.value })}
                          />
                        </Grid.Col>
                        <Grid.Col span={4}>
                          <Group gap={4} wrap="nowrap" justify="space-between" h={36} pl={4}>
                            <Checkbox
                              size="sm"
                              aria-label={t('meetings.form.interpreter')}
                              title={t('meetings.form.interpreter')}
                              checked={a.isInterpreter}
                              onChange={(e) => updateAttendee(a.key, { isInterpreter: e.currentTarget.checked })}
                            />
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('meetings.form.removeAttendee', { number: index + 1 })}
                              title={t('meetings.form.removeAttendee', { number: index + 1 })}
                              onClick={() => setDraft((d) => ({ ...d, attendees: d.attendees.filter((x) => x.key !== a.key) }))}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Group>
                        </Grid.Col>
                      </Grid>
                    ))}
                    <Box>
                      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => addAttendee(side)}>
                        {t('meetings.form.addAttendee')}
                      </Button>
                    </Box>
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        </Section>

        <Section title={t('meetings.form.record')}>
          <Stack gap="sm">
            <Textarea
              label={t('meetings.fields.agenda')}
              autosize
              minRows={2}
              maxRows={10}
              value={draft.agenda}
              onChange={(e) => setText('agenda', e.currentTarget.value)}
              error={errors.agenda}
            />
            <Textarea
              label={t('meetings.fields.summary')}
              autosize
              minRows={3}
              maxRows={14}
              value={draft.summary}
              onChange={(e) => setText('summary', e.currentTarget.value)}
              error={errors.summary}
            />
            <Textarea
              label={t('meetings.fields.outcomes')}
              description={t('meetings.form.outcomesHint')}
              autosize
              minRows={2}
              maxRows={10}
              value={draft.outcomes}
              onChange={(e) => setText('outcomes', e.currentTarget.value)}
              error={errors.outcomes}
            />
            <Textarea
              label={t('meetings.fields.gifts')}
              description={t('meetings.form.giftsHint')}
              autosize
              minRows={1}
              maxRows={6}
              value={draft.gifts}
              onChange={(e) => setText('gifts', e.currentTarget.value)}
              error={errors.gifts}
            />
            <Box>
              <Group justify="space-between" align="flex-end" mb={4} wrap="nowrap">
                <Box>
                  <Text component="label" htmlFor="meeting-notes" size="sm" fw={500}>
                    {t('meetings.fields.notes')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('meetings.form.notesHint')}
                  </Text>
                </Box>
                <SegmentedControl
                  size="xs"
                  aria-label={t('meetings.form.notesView')}
                  value={notesTab}
                  onChange={(value) => setNotesTab(value as 'write' | 'preview')}
                  data={[
                    { value: 'write', label: t('meetings.form.write') },
                    { value: 'preview', label: t('meetings.form.preview') },
                  ]}
                />
              </Group>
              {notesTab === 'preview' ? (
                <Paper withBorder p="sm" mih={84} data-testid="notes-preview">
                  {draft.notes.trim() ? (
                    <Markdown source={draft.notes} />
                  ) : (
                    <Text c="dimmed" size="sm">
                      {t('meetings.form.nothingToPreview')}
                    </Text>
                  )}
                </Paper>
              ) : (
                <Textarea
                  id="meeting-notes"
                  autosize
                  minRows={3}
                  maxRows={16}
                  value={draft.notes}
                  onChange={(e) => setText('notes', e.currentTarget.value)}
                  error={errors.notes}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                />
              )}
            </Box>
          </Stack>
        </Section>

        <Section title={t('meetings.form.followUps')}>
          {meeting ? (
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {t('meetings.form.followUpsOnEdit')}
              </Text>
              {meeting.tasks.map((task) => (
                <Group key={task.id} gap="xs" wrap="nowrap">
                  <Badge size="sm" variant="light" color={STATUS_COLORS[task.status]} style={{ flexShrink: 0 }}>
                    {t(`meetings.taskStatus.${task.status}`)}
                  </Badge>
                  <Text size="sm" truncate>
                    {task.title}
                  </Text>
                  {task.dueOn ? (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(task.dueOn)}
                    </Text>
                  ) : null}
                </Group>
              ))}
            </Stack>
          ) : (
            <Stack gap={6} data-testid="follow-ups">
              {draft.followUps.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('meetings.form.noFollowUps')}
                </Text>
              ) : null}
              {draft.followUps.length > 0 ? (
                <ColumnHeads
                  columns={[
                    [manyPartnerships ? 6 : 8, t('meetings.form.followUpTitle')],
                    [manyPartnerships ? 4 : 5, t('meetings.form.assignee')],
                    [5, t('meetings.form.dueOn')],
                    [manyPartnerships ? 3 : 4, t('meetings.form.priority')],
                    ...(manyPartnerships ? ([[5, t('meetings.form.followUpPartnership')]] as const) : []),
                  ]}
                />
              ) : null}
              {draft.followUps.map((f, index) => {
                const number = index + 1;
                return (
                  <Grid key={f.key} columns={24} gutter={6} align="flex-start" role="group" aria-label={t('meetings.form.followUpNumber', { number })}>
                    <Grid.Col span={manyPartnerships ? 6 : 8}>
                      <TextInput
                        aria-label={t('meetings.form.followUpTitle')}
                        placeholder={t('meetings.form.followUpTitle')}
                        autoFocus={lastAdded.current === f.key}
                        value={f.title}
                        onChange={(e) => updateFollowUp(f.key, { title: e.currentTarget.value })}
                        error={errors[`followUp.${f.key}`]}
                      />
                    </Grid.Col>
                    <Grid.Col span={manyPartnerships ? 4 : 5}>
                      <Autocomplete
                        aria-label={t('meetings.form.assignee')}
                        placeholder={t('meetings.form.assignee')}
                        data={assignees}
                        value={f.assignee}
                        onChange={(assignee) => updateFollowUp(f.key, { assignee })}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Grid.Col>
                    <Grid.Col span={5}>
                      <DateField
                        aria-label={t('meetings.form.dueOn')}
                        title={t('meetings.form.dueOn')}
                        clearable
                        value={f.dueOn}
                        onChange={(dueOn) => updateFollowUp(f.key, { dueOn })}
                        error={errors[`followUp.${f.key}.dueOn`]}
                      />
                    </Grid.Col>
                    <Grid.Col span={manyPartnerships ? 3 : 4}>
                      <NativeSelect
                        aria-label={t('meetings.form.priority')}
                        title={t('meetings.form.priority')}
                        value={f.priority}
                        onChange={(e) => updateFollowUp(f.key, { priority: e.currentTarget.value as TaskPriority })}
                        data={PRIORITIES.map((p) => ({ value: p, label: t(`meetings.priority.${p}`) }))}
                      />
                    </Grid.Col>
                    {manyPartnerships ? (
                      <Grid.Col span={5}>
                        <NativeSelect
                          aria-label={t('meetings.form.followUpPartnership')}
                          title={t('meetings.form.followUpPartnership')}
                          value={draft.partnershipIds.includes(f.partnershipId) ? f.partnershipId : ''}
                          onChange={(e) => updateFollowUp(f.key, { partnershipId: e.currentTarget.value })}
                          data={selectedPartnerships.map((p, i) => ({ value: i === 0 ? '' : p.value, label: p.label }))}
                        />
                      </Grid.Col>
                    ) : null}
                    <Grid.Col span={manyPartnerships ? 1 : 2}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={4}
                        aria-label={t('meetings.form.removeFollowUp', { number })}
                        title={t('meetings.form.removeFollowUp', { number })}
                        onClick={() => setDraft((d) => ({ ...d, followUps: d.followUps.filter((x) => x.key !== f.key) }))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Grid.Col>
                  </Grid>
                );
              })}
              <Box>
                <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={addFollowUp}>
                  {t('meetings.form.addFollowUp')}
                </Button>
              </Box>
            </Stack>
          )}
        </Section>
      </Stack>
    </form>
  );
}

/** Column names over a list of rows; each field also carries its own label for assistive technology. */
function ColumnHeads({ columns }: { columns: readonly (readonly [number, string])[] }) {
  return (
    <Grid columns={24} gutter={6} aria-hidden mb={-4}>
      {columns.map(([span, label]) => (
        <Grid.Col key={label} span={span} py={0}>
          <Text size="xs" fw={500} c="dimmed" truncate>
            {label}
          </Text>
        </Grid.Col>
      ))}
    </Grid>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  ActionIcon,
  Autocomplete,
  Button,
  Divider,
  Group,
  Input,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { AppModal } from '../../components/Dialog';
import { IconBuildingPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone, showError } from '../../notify';
import { useLoad } from '../../useLoad';
import type { Partnership, PartnershipKind, PartnershipStatus } from '@db/partnerships';
import type { Organization } from '@db/organizations';
import {
  isCalendarDate,
  isPartialDate,
  isTopic,
  PARTNERSHIP_KIND_LIST,
  PARTNERSHIP_STATUS_LIST,
  rejectedFields,
  localDay,
  MILESTONE_KIND_LIST,
  TOPIC_LIST,
  useFieldErrors,
  type MilestoneKind,
  type MilestoneStatus,
  type Topic,
} from './common';
import { NewOrganizationPanel } from './NewOrganizationPanel';
import { NewProgrammePanel } from './NewProgrammePanel';
import type { ProgrammeOption } from '@db/programmes';
import { OrganizationPicker, organizationOption } from '../../components/pickers';
import type { PickerOption } from '../../components/RecordPicker';
import { CancelSaveButtons } from '../../components/CancelSaveButtons';
import { FormErrorSummary } from '../../components/FormErrors';
import { useDraftChanges } from '../../lib/unsaved';
import { DateField } from '../../components/DateField';

interface PartyDraft {
  key: number;
  organizationId: string | null;
  role: string;
}

interface Draft {
  title: string;
  titleZh: string;
  titleEn: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  statusSince: string;
  programmeId: string | null;
  topics: Topic[];
  owner: string;
  summary: string;
  rationale: string;
  termStart: string;
  termEnd: string;
  reviewOn: string;
  parties: PartyDraft[];
  /** A new partnership's first milestone (optional: an empty title adds none). */
  milestoneTitle: string;
  milestoneDate: string;
  milestoneKind: MilestoneKind;
}

let partyKeys = 0;
const newParty = (organizationId: string | null = null, role = ''): PartyDraft => ({ key: ++partyKeys, organizationId, role });

function draftOf(p: Partnership | null): Draft {
  return {
    title: p?.title ?? '',
    titleZh: p?.titleZh ?? '',
    titleEn: p?.titleEn ?? '',
    kind: p?.kind ?? 'cooperation_mou',
    status: p?.status ?? 'prospect',
    statusSince: p?.statusSince ?? '',
    programmeId: p?.programmeId ?? null,
    topics: (p?.topics ?? []).filter(isTopic),
    owner: p?.owner ?? '',
    summary: p?.summary ?? '',
    rationale: p?.rationale ?? '',
    termStart: p?.termStart ?? '',
    termEnd: p?.termEnd ?? '',
    reviewOn: p?.reviewOn ?? '',
    parties: p ? p.parties.map((party) => newParty(party.organizationId, party.role ?? '')) : [newParty(), newParty()],
    milestoneTitle: '',
    milestoneDate: '',
    milestoneKind: 'mou',
  };
}

/** Focus back on `button` once `open` turns false (not on the first render). */
function useFocusBackAfter(open: boolean, button: RefObject<HTMLButtonElement | null>): void {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      button.current?.focus();
    }
  }, [open, button]);
}

/** The title as saved: the one typed, else the title in the UI's language, else the other one. */
function titleOf(draft: Pick<Draft, 'title' | 'titleZh' | 'titleEn'>, language: string): string {
  const [first, second] = language === 'zh' ? [draft.titleZh, draft.titleEn] : [draft.titleEn, draft.titleZh];
  return (draft.title.trim() || first.trim() || second.trim()).trim();
}

/** A first milestone in the past (or today) is done; one still ahead is planned. */
function milestoneStatusOf(date: string): MilestoneStatus {
  return date <= localDay().slice(0, date.length) ? 'done' : 'planned';
}

/**
 * Create or edit a partnership, its parties included. Mistakes are caught here with a message
 * next to the field; a rejection by the contract is shown and keeps everything typed.
 */
export function PartnershipForm({
  partnership,
  onClose,
  onSaved,
}: {
  partnership: Partnership | null;
  onClose: () => void;
  onSaved: (saved: Partnership) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(partnership));
  const changes = useDraftChanges(draft);
  const [saving, setSaving] = useState(false);
  // The inline new-organization panel: open, with the name typed in a party picker and that party's row.
  const [addingOrganization, setAddingOrganization] = useState<{ name: string; partyKey: number | null } | null>(null);
  const [addingProgramme, setAddingProgramme] = useState(false);
  const [createdProgrammes, setCreatedProgrammes] = useState<ProgrammeOption[]>([]);
  // Names of the organizations chosen so far (a saved partnership's parties, those created here, those picked).
  const [named, setNamed] = useState<PickerOption[]>(() => (partnership?.parties ?? []).map((p) => organizationOption({ ...p, id: p.organizationId })));
  const form = useRef<HTMLFormElement>(null);
  const newOrganizationButton = useRef<HTMLButtonElement>(null);
  const newProgrammeButton = useRef<HTMLButtonElement>(null);
  const { errors, show: setErrors, clear } = useFieldErrors(form);
  const { data: options } = useLoad(() => api['partnerships.filterOptions'](), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clear(key);
    // The term's order is checked on both ends.
    if (key === 'termStart') clear('termEnd');
  };
  const zh = i18n.language === 'zh';

  // When a small inline form closes (created or cancelled), keyboard focus returns to the button that opened it.
  useFocusBackAfter(addingOrganization !== null, newOrganizationButton);
  useFocusBackAfter(addingProgramme, newProgrammeButton);

  const setParty = (key: number, change: Partial<PartyDraft>) => {
    setDraft((d) => ({ ...d, parties: d.parties.map((p) => (p.key === key ? { ...p, ...change } : p)) }));
    const index = draft.parties.findIndex((p) => p.key === key);
    clear(`parties.${index}`);
  };
  /** Adding or removing a row renumbers them: the row messages no longer fit, so drop them. */
  const setParties = (parties: PartyDraft[]) => {
    setDraft((d) => ({ ...d, parties }));
    clear((key) => key.startsWith('parties'));
  };

  const changeStatus = (status: PartnershipStatus) => {
    clear('statusSince');
    setDraft((d) => {
      // Editing: a new status starts today unless told otherwise; going back restores the old date.
      if (!partnership) return { ...d, status };
      const original = partnership.statusSince ?? '';
      if (status === partnership.status) return { ...d, status, statusSince: original };
      return { ...d, status, statusSince: d.statusSince === original ? localDay() : d.statusSince };
    });
  };

  const addCreatedOrganization = (organization: Organization) => {
    setNamed((list) => [...list, organizationOption(organization)]);
    const target = addingOrganization?.partyKey ?? null;
    setDraft((d) => {
      const empty = d.parties.find((p) => p.key === target) ?? d.parties.find((p) => !p.organizationId);
      const parties = empty
        ? d.parties.map((p) => (p.key === empty.key ? { ...p, organizationId: organization.id } : p))
        : [...d.parties, newParty(organization.id)];
      return { ...d, parties };
    });
    clear((key) => key.startsWith('parties'));
    setAddingOrganization(null);
    showDone(t('partnership.org.created', { name: organization.displayName }));
  };

  const validate = (): boolean => {
    const next: Record<string, string> = {};
    if (!titleOf(draft, i18n.language)) next.title = t('partnership.form.errors.title');
    if (!partnership && (draft.milestoneTitle.trim() || draft.milestoneDate.trim())) {
      if (!draft.milestoneTitle.trim()) next.milestoneTitle = t('partnership.form.errors.milestoneTitle');
      if (!isPartialDate(draft.milestoneDate.trim())) next.milestoneDate = t('partnership.form.errors.partialDate');
    }
    if (draft.statusSince.trim() && !isPartialDate(draft.statusSince.trim())) next.statusSince = t('partnership.form.errors.partialDate');
    for (const field of ['termStart', 'termEnd', 'reviewOn'] as const) {
      if (draft[field] && !isCalendarDate(draft[field])) next[field] = t('partnership.form.errors.date');
    }
    if (!next.termStart && !next.termEnd && draft.termStart && draft.termEnd && draft.termEnd < draft.termStart) {
      next.termEnd = t('partnership.form.errors.termOrder');
    }
    const seen = new Set<string>();
    draft.parties.forEach((p, index) => {
      if (!p.organizationId) next[`parties.${index}`] = t('partnership.form.errors.partyMissing');
      else if (seen.has(p.organizationId)) next[`parties.${index}`] = t('partnership.form.errors.partyDuplicate');
      else seen.add(p.organizationId);
    });
    if (draft.parties.length < 2) next.parties = t('partnership.form.errors.partiesMin');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const save = async () => {
    if (!validate()) return;
    const since = draft.statusSince.trim();
    const sinceChanged = since !== (partnership?.statusSince ?? '') || draft.status !== partnership?.status;
    const fields = {
      title: titleOf(draft, i18n.language),
      titleZh: draft.titleZh,
      titleEn: draft.titleEn,
      kind: draft.kind,
      status: draft.status,
      ...(since && sinceChanged ? { statusSince: since } : {}),
      programmeId: draft.programmeId,
      topics: draft.topics,
      owner: draft.owner,
      summary: draft.summary,
      rationale: draft.rationale,
      termStart: draft.termStart || null,
      termEnd: draft.termEnd || null,
      reviewOn: draft.reviewOn || null,
      parties: draft.parties.map((p) => ({ organizationId: p.organizationId ?? '', role: p.role })),
    };
    setSaving(true);
    try {
      const firstMilestone = draft.milestoneTitle.trim()
        ? { title: draft.milestoneTitle, date: draft.milestoneDate.trim(), kind: draft.milestoneKind, status: milestoneStatusOf(draft.milestoneDate.trim()) }
        : undefined;
      const saved = partnership
        ? await api['partnerships.update']({ id: partnership.id, ...fields })
        : await api['partnerships.create']({ ...fields, ...(firstMilestone ? { firstMilestone } : {}) });
      showDone(partnership ? t('common.saved') : t('partnership.form.created'));
      changes.saved();
      onSaved(saved);
    } catch (error) {
      setErrors(rejectedFields(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const chosen = new Set(draft.parties.map((p) => p.organizationId).filter(Boolean));

  return (
    <AppModal opened onClose={onClose} dirty={changes.dirty} title={partnership ? t('partnership.form.editTitle') : t('partnership.form.newTitle')} size="xl">
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('partnership.form.titleZh')}
              description={t('partnership.form.titleZhHint')}
              data-autofocus={zh || undefined}
              value={draft.titleZh}
              onChange={(e) => set('titleZh', e.currentTarget.value)}
              error={errors.titleZh}
            />
            <TextInput
              label={t('partnership.form.titleEn')}
              description={t('partnership.form.titleEnHint')}
              data-autofocus={!zh || undefined}
              value={draft.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={errors.titleEn}
            />
          </SimpleGrid>
          <TextInput
            label={t('partnership.form.title')}
            description={t('partnership.form.titleHint')}
            placeholder={titleOf({ ...draft, title: '' }, i18n.language) || undefined}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <SimpleGrid cols={3} spacing="sm">
            <Select
              label={t('partnership.form.kind')}
              value={draft.kind}
              allowDeselect={false}
              onChange={(v) => v && set('kind', v as PartnershipKind)}
              data={PARTNERSHIP_KIND_LIST.map((k) => ({ value: k, label: t(`partnershipKind.${k}`) }))}
              error={errors.kind}
            />
            <Select
              label={t('partnership.form.status')}
              value={draft.status}
              allowDeselect={false}
              onChange={(v) => v && changeStatus(v as PartnershipStatus)}
              data={PARTNERSHIP_STATUS_LIST.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              error={errors.status}
            />
            <TextInput
              label={t('partnership.form.statusSince')}
              description={t('partnership.form.statusSinceHint')}
              placeholder={localDay()}
              value={draft.statusSince}
              onChange={(e) => set('statusSince', e.currentTarget.value)}
              error={errors.statusSince}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('partnership.form.programme')}
              placeholder={t('partnership.form.noProgramme')}
              clearable
              searchable
              value={draft.programmeId}
              onChange={(v) => set('programmeId', v)}
              data={[...(options?.programmes ?? []), ...createdProgrammes].map((p) => ({
                value: p.id,
                label: (zh ? p.nameZh : p.nameEn) ?? p.nameZh ?? p.nameEn ?? p.id,
              }))}
              error={errors.programmeId}
              inputContainer={(children) => (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <div style={{ flex: 1 }}>{children}</div>
                  <Button
                    ref={newProgrammeButton}
                    variant="light"
                    size="sm"
                    px="xs"
                    onClick={() => setAddingProgramme(true)}
                    aria-label={t('partnership.form.newProgramme')}
                  >
                    <IconPlus size={16} aria-hidden />
                  </Button>
                </Group>
              )}
            />
            <Autocomplete
              label={t('partnership.form.owner')}
              value={draft.owner}
              onChange={(v) => set('owner', v)}
              data={options?.owners ?? []}
              error={errors.owner}
            />
          </SimpleGrid>
          {addingProgramme ? (
            <NewProgrammePanel
              onCancel={() => setAddingProgramme(false)}
              onCreated={(programme) => {
                setCreatedProgrammes((list) => [...list, programme]);
                set('programmeId', programme.id);
                setAddingProgramme(false);
              }}
            />
          ) : null}
          <MultiSelect
            label={t('partnership.form.topics')}
            placeholder={draft.topics.length === 0 ? t('partnership.form.topicsPlaceholder') : undefined}
            searchable
            hidePickedOptions
            value={draft.topics}
            onChange={(v) => set('topics', v.filter(isTopic))}
            data={TOPIC_LIST.map((topic) => ({ value: topic, label: t(`partnership.topics.${topic}`) }))}
            error={errors.topics}
          />

          <Divider mt="xs" />
          <div role="group" aria-labelledby="partnership-form-parties">
            <Title order={3} size="h5" id="partnership-form-parties">
              {t('partnership.form.parties')}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('partnership.form.partiesHint')}
            </Text>
            <Stack gap="xs">
              {draft.parties.map((party, index) => {
                const n = index + 1;
                return (
                  <Group key={party.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="party-row">
                    <OrganizationPicker
                      aria-label={t('partnership.form.partyOrganization', { n })}
                      placeholder={t('partnership.form.organizationPlaceholder')}
                      clearable
                      value={party.organizationId}
                      known={named}
                      exclude={[...chosen].filter((id): id is string => !!id && id !== party.organizationId)}
                      onChange={(id, row) => {
                        if (row) setNamed((list) => [...list, organizationOption(row)]);
                        setParty(party.key, { organizationId: id });
                      }}
                      onCreate={(name) => setAddingOrganization({ name, partyKey: party.key })}
                      error={errors[`parties.${index}`]}
                      style={{ flex: 3, minWidth: 0 }}
                    />
                    <TextInput
                      aria-label={t('partnership.form.partyRole', { n })}
                      placeholder={t('partnership.form.rolePlaceholder')}
                      value={party.role}
                      onChange={(e) => setParty(party.key, { role: e.currentTarget.value })}
                      style={{ flex: 2, minWidth: 0 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('partnership.form.removeParty', { n })}
                      title={t('partnership.form.removeParty', { n })}
                      disabled={draft.parties.length <= 2}
                      onClick={() => setParties(draft.parties.filter((p) => p.key !== party.key))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              })}
            </Stack>
            {errors.parties ? (
              <Input.Error mt={4} role="alert">
                {errors.parties}
              </Input.Error>
            ) : null}
            <Group gap="xs" mt="xs">
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setParties([...draft.parties, newParty()])}>
                {t('partnership.form.addParty')}
              </Button>
              {addingOrganization === null ? (
                <Button
                  ref={newOrganizationButton}
                  variant="light"
                  size="xs"
                  leftSection={<IconBuildingPlus size={14} aria-hidden />}
                  onClick={() => setAddingOrganization({ name: '', partyKey: null })}
                >
                  {t('partnership.form.newOrganization')}
                </Button>
              ) : null}
            </Group>
            {addingOrganization !== null ? (
              <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
                <NewOrganizationPanel
                  // A new name typed in a picker starts a new panel.
                  key={`${addingOrganization.partyKey ?? ''}:${addingOrganization.name}`}
                  initialName={addingOrganization.name}
                  onCreated={addCreatedOrganization}
                  onCancel={() => setAddingOrganization(null)}
                />
              </div>
            ) : null}
          </div>

          {partnership ? null : (
            <>
              <Divider mt="xs" />
              <Title order={3} size="h5">
                {t('partnership.form.firstMilestone')}
              </Title>
              <SimpleGrid cols={3} spacing="sm">
                <TextInput
                  label={t('partnership.form.firstMilestoneTitle')}
                  placeholder={t('partnership.form.firstMilestonePlaceholder')}
                  value={draft.milestoneTitle}
                  onChange={(e) => set('milestoneTitle', e.currentTarget.value)}
                  error={errors.milestoneTitle}
                />
                <TextInput
                  label={t('partnership.form.firstMilestoneDate')}
                  placeholder="2017-05-31"
                  description={t('partnership.milestone.dateHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  value={draft.milestoneDate}
                  onChange={(e) => set('milestoneDate', e.currentTarget.value)}
                  error={errors.milestoneDate}
                />
                <Select
                  label={t('partnership.form.firstMilestoneKind')}
                  value={draft.milestoneKind}
                  allowDeselect={false}
                  onChange={(v) => v && set('milestoneKind', v as MilestoneKind)}
                  data={MILESTONE_KIND_LIST.map((k) => ({ value: k, label: t(`partnership.milestone.kinds.${k}`) }))}
                />
              </SimpleGrid>
            </>
          )}

          <Divider mt="xs" />
          <Title order={3} size="h5">
            {t('partnership.form.term')}
          </Title>
          <SimpleGrid cols={3} spacing="sm">
            <DateField
              label={t('partnership.form.termStart')}
              clearable
              value={draft.termStart}
              onChange={(v) => set('termStart', v)}
              error={errors.termStart}
            />
            <DateField label={t('partnership.form.termEnd')} clearable value={draft.termEnd} onChange={(v) => set('termEnd', v)} error={errors.termEnd} />
            <DateField label={t('partnership.form.reviewOn')} clearable value={draft.reviewOn} onChange={(v) => set('reviewOn', v)} error={errors.reviewOn} />
          </SimpleGrid>
          <Textarea
            label={t('partnership.form.rationale')}
            autosize
            minRows={2}
            maxRows={6}
            value={draft.rationale}
            onChange={(e) => set('rationale', e.currentTarget.value)}
            error={errors.rationale}
          />
          <Textarea
            label={t('partnership.form.summary')}
            autosize
            minRows={2}
            maxRows={8}
            value={draft.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={errors.summary}
          />
          <FormErrorSummary errors={errors} />
          <CancelSaveButtons onCancel={onClose} saving={saving} justify="flex-end" mt="xs" />
        </Stack>
      </form>
    </AppModal>
  );
}

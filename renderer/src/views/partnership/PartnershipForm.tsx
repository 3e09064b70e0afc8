import { useEffect, useRef, useState, type RefObject } from 'react';
import { ActionIcon, Button, Divider, Group, Input, MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFieldArray, useFormState } from 'react-hook-form';
import { api } from '../../api';
import { showDone } from '../../notify';
import { useApi } from '../../useApi';
import type { Partnership, PartnershipKind, PartnershipStatus } from '@db/partnerships';
import type { Organization } from '@db/organizations';
import { partnershipCreateWithMilestoneInput, partnershipUpdateInput } from '@common/inputs/records';
import {
  isTopic,
  PARTNERSHIP_KIND_LIST,
  PARTNERSHIP_STATUS_LIST,
  localDay,
  MILESTONE_KIND_LIST,
  TOPIC_LIST,
  type MilestoneKind,
  type MilestoneStatus,
  type Topic,
} from './common';
import { NewOrganizationPanel } from './NewOrganizationPanel';
import { NewProgrammePanel } from './NewProgrammePanel';
import type { ProgrammeOption } from '@db/programmes';
import { OrganizationPicker, organizationOption } from '../../components/pickers';
import type { PickerOption } from '../../components/RecordPicker';
import { contractOptions, useContractForm } from '../../lib/contract-form';
import { FormDialog } from '../../components/form/FormDialog';
import { FormAutocomplete, FormDateField, FormField, FormSelect, FormTextarea, FormTextInput } from '../../components/form/fields';
import { PartialDateField } from '../../components/PartialDateField';
import { partialDateOf } from '../../lib/typed-dates';

interface PartyDraft {
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

const newParty = (organizationId: string | null = null, role = ''): PartyDraft => ({ organizationId, role });

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

/** What `partnerships.create` takes (db/api.ts): the partnership, and its first milestone by the milestone's rules. */

/** A first milestone in the past (or today) is done; one still ahead is planned. */
function milestoneStatusOf(date: string): MilestoneStatus {
  return date <= localDay().slice(0, date.length) ? 'done' : 'planned';
}

/** The contract's field paths onto the form's: the first milestone's fields, and the party list as a whole. */
function fieldOf(path: string): string {
  if (path === 'parties') return 'partyList';
  if (path.startsWith('firstMilestone.')) {
    const field = path.slice('firstMilestone.'.length);
    return `milestone${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  }
  return path;
}

/**
 * Create or edit a partnership, its parties included, checked by the contract's own `partnerships.create` /
 * `partnerships.update` input: a refused value is marked under its field in the contract's words and keeps everything
 * typed. The inline panels (a new programme, a new organization) count as unsaved changes while they hold text.
 */
/** The programmes offered: those read, and those created here that the read does not hold yet (it is read again after a create). */
function withCreated(read: ProgrammeOption[], created: ProgrammeOption[]): ProgrammeOption[] {
  const ids = new Set(read.map((p) => p.id));
  return [...read, ...created.filter((p) => !ids.has(p.id))];
}

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
  const zh = i18n.language === 'zh';

  /** What the form sends: the contract's partnership fields (the status date only when it changed). */
  const fieldsOf = (draft: Draft) => {
    const since = partialDateOf(draft.statusSince);
    const sinceChanged = since !== (partnership?.statusSince ?? '') || draft.status !== partnership?.status;
    return {
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
  };
  const firstMilestoneOf = (draft: Draft) => {
    if (!draft.milestoneTitle.trim() && !draft.milestoneDate.trim()) return {};
    const date = partialDateOf(draft.milestoneDate);
    return { firstMilestone: { title: draft.milestoneTitle, date, kind: draft.milestoneKind, status: milestoneStatusOf(date) } };
  };

  const form = useContractForm(
    partnership
      ? contractOptions({
          schema: partnershipUpdateInput,
          defaultValues: draftOf(partnership),
          toInput: (draft: Draft) => ({ id: partnership.id, ...fieldsOf(draft) }),
          save: (input) => api['partnerships.update'](input),
          onSaved,
          fieldOf,
        })
      : contractOptions({
          schema: partnershipCreateWithMilestoneInput,
          defaultValues: draftOf(null),
          toInput: (draft: Draft) => ({ ...fieldsOf(draft), ...firstMilestoneOf(draft) }),
          save: (input) => api['partnerships.create'](input),
          onSaved: (saved) => {
            showDone(t('partnership.form.created'));
            onSaved(saved);
          },
          fieldOf,
          announce: false,
        }),
  );
  const { control, setValue, getValues, watch } = form.form;
  const parties = useFieldArray({ control, name: 'parties' });
  const { errors } = useFormState({ control, name: 'partyList' as never });
  const partyListError = (errors as { partyList?: { message?: string } }).partyList?.message;

  // The inline new-organization panel: open, with the name typed in a party picker and that party's row.
  const [addingOrganization, setAddingOrganization] = useState<{ name: string; partyIndex: number | null } | null>(null);
  const [addingProgramme, setAddingProgramme] = useState(false);
  const [createdProgrammes, setCreatedProgrammes] = useState<ProgrammeOption[]>([]);
  // Names of the organizations chosen so far (a saved partnership's parties, those created here, those picked).
  const [named, setNamed] = useState<PickerOption[]>(() => (partnership?.parties ?? []).map((p) => organizationOption({ ...p, id: p.organizationId })));
  const newOrganizationButton = useRef<HTMLButtonElement>(null);
  const newProgrammeButton = useRef<HTMLButtonElement>(null);
  const { data: options } = useApi('partnerships.filterOptions');
  const dirty = { shouldDirty: true, shouldValidate: form.form.formState.isSubmitted };

  // When a small inline form closes (created or cancelled), keyboard focus returns to the button that opened it.
  useFocusBackAfter(addingOrganization !== null, newOrganizationButton);
  useFocusBackAfter(addingProgramme, newProgrammeButton);

  const changeStatus = (status: PartnershipStatus) => {
    setValue('status', status, dirty);
    // Editing: a new status starts today unless told otherwise; going back restores the old date.
    if (!partnership) return;
    const original = partnership.statusSince ?? '';
    if (status === partnership.status) setValue('statusSince', original, dirty);
    else if (getValues('statusSince') === original) setValue('statusSince', localDay(), dirty);
  };

  const addCreatedOrganization = (organization: Organization) => {
    setNamed((list) => [...list, organizationOption(organization)]);
    const rows = getValues('parties');
    const target = addingOrganization?.partyIndex ?? null;
    const index = target !== null && target < rows.length ? target : rows.findIndex((p) => !p.organizationId);
    if (index >= 0) setValue(`parties.${index}.organizationId`, organization.id, dirty);
    else parties.append(newParty(organization.id));
    setAddingOrganization(null);
    showDone(t('partnership.org.created', { name: organization.displayName }));
  };

  const draftParties = watch('parties');
  const chosen = new Set(draftParties.map((p) => p.organizationId).filter((id): id is string => !!id));
  const titles = watch(['titleZh', 'titleEn']);
  const topics = watch('topics');

  return (
    <FormDialog form={form} onClose={onClose} title={partnership ? t('partnership.form.editTitle') : t('partnership.form.newTitle')} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <FormTextInput
            name="titleZh"
            label={t('partnership.form.titleZh')}
            description={t('partnership.form.titleZhHint')}
            data-autofocus={zh || undefined}
          />
          <FormTextInput
            name="titleEn"
            label={t('partnership.form.titleEn')}
            description={t('partnership.form.titleEnHint')}
            data-autofocus={!zh || undefined}
          />
        </SimpleGrid>
        <FormTextInput
          name="title"
          label={t('partnership.form.title')}
          description={t('partnership.form.titleHint')}
          placeholder={titleOf({ title: '', titleZh: titles[0], titleEn: titles[1] }, i18n.language) || undefined}
        />
        <SimpleGrid cols={3} spacing="sm">
          <FormSelect
            name="kind"
            label={t('partnership.form.kind')}
            allowDeselect={false}
            data={PARTNERSHIP_KIND_LIST.map((k) => ({ value: k, label: t(`partnershipKind.${k}`) }))}
          />
          <FormField
            name="status"
            render={(field, state) => (
              <Select
                label={t('partnership.form.status')}
                allowDeselect={false}
                value={field.value as string}
                onChange={(v) => v && changeStatus(v as PartnershipStatus)}
                data={PARTNERSHIP_STATUS_LIST.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                error={state.message}
              />
            )}
          />
          <FormField
            name="statusSince"
            render={(field, state) => (
              <PartialDateField
                label={t('partnership.form.statusSince')}
                placeholder={localDay()}
                name={field.name}
                value={field.value as string}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={state.message}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <FormSelect
            name="programmeId"
            label={t('partnership.form.programme')}
            placeholder={t('partnership.form.noProgramme')}
            clearable
            searchable
            data={withCreated(options?.programmes ?? [], createdProgrammes).map((p) => ({
              value: p.id,
              label: (zh ? p.nameZh : p.nameEn) ?? p.nameZh ?? p.nameEn ?? p.id,
            }))}
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
          <FormAutocomplete name="owner" label={t('partnership.form.owner')} data={options?.owners ?? []} />
        </SimpleGrid>
        {addingProgramme ? (
          <NewProgrammePanel
            onCancel={() => setAddingProgramme(false)}
            onCreated={(programme) => {
              setCreatedProgrammes((list) => [...list, programme]);
              setValue('programmeId', programme.id, dirty);
              setAddingProgramme(false);
            }}
          />
        ) : null}
        <FormField
          name="topics"
          render={(field, state) => (
            <MultiSelect
              label={t('partnership.form.topics')}
              placeholder={topics.length === 0 ? t('partnership.form.topicsPlaceholder') : undefined}
              searchable
              hidePickedOptions
              value={field.value as string[]}
              onChange={(v) => field.onChange(v.filter(isTopic))}
              data={TOPIC_LIST.map((topic) => ({ value: topic, label: t(`partnership.topics.${topic}`) }))}
              error={state.message}
            />
          )}
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
            {parties.fields.map((row, index) => {
              const n = index + 1;
              const own = draftParties[index]?.organizationId ?? null;
              return (
                <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap" data-testid="party-row">
                  <FormField
                    name={`parties.${index}.organizationId`}
                    render={(field, state) => (
                      <OrganizationPicker
                        aria-label={t('partnership.form.partyOrganization', { n })}
                        placeholder={t('partnership.form.organizationPlaceholder')}
                        clearable
                        value={(field.value as string | null) ?? null}
                        known={named}
                        exclude={[...chosen].filter((id) => id !== own)}
                        onChange={(id, picked) => {
                          if (picked) setNamed((list) => [...list, organizationOption(picked)]);
                          field.onChange(id);
                        }}
                        onCreate={(name) => setAddingOrganization({ name, partyIndex: index })}
                        error={state.message}
                        style={{ flex: 3, minWidth: 0 }}
                      />
                    )}
                  />
                  <FormTextInput
                    name={`parties.${index}.role`}
                    aria-label={t('partnership.form.partyRole', { n })}
                    placeholder={t('partnership.form.rolePlaceholder')}
                    style={{ flex: 2, minWidth: 0 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('partnership.form.removeParty', { n })}
                    title={t('partnership.form.removeParty', { n })}
                    disabled={parties.fields.length <= 2}
                    onClick={() => parties.remove(index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
          {partyListError ? (
            <Input.Error mt={4} role="alert">
              {partyListError}
            </Input.Error>
          ) : null}
          <Group gap="xs" mt="xs">
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => parties.append(newParty())}>
              {t('partnership.form.addParty')}
            </Button>
            {addingOrganization === null ? (
              <Button
                ref={newOrganizationButton}
                variant="light"
                size="xs"
                leftSection={<IconBuildingPlus size={14} aria-hidden />}
                onClick={() => setAddingOrganization({ name: '', partyIndex: null })}
              >
                {t('partnership.form.newOrganization')}
              </Button>
            ) : null}
          </Group>
          {addingOrganization !== null ? (
            <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
              <NewOrganizationPanel
                // A new name typed in a picker starts a new panel.
                key={`${addingOrganization.partyIndex ?? ''}:${addingOrganization.name}`}
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
              <FormTextInput
                name="milestoneTitle"
                label={t('partnership.form.firstMilestoneTitle')}
                placeholder={t('partnership.form.firstMilestonePlaceholder')}
              />
              <FormTextInput
                name="milestoneDate"
                label={t('partnership.form.firstMilestoneDate')}
                placeholder="2017-05-31"
                description={t('partnership.milestone.dateHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <FormSelect
                name="milestoneKind"
                label={t('partnership.form.firstMilestoneKind')}
                allowDeselect={false}
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
          <FormDateField name="termStart" label={t('partnership.form.termStart')} clearable />
          <FormDateField name="termEnd" label={t('partnership.form.termEnd')} clearable />
          <FormDateField name="reviewOn" label={t('partnership.form.reviewOn')} clearable />
        </SimpleGrid>
        <FormTextarea name="rationale" label={t('partnership.form.rationale')} autosize minRows={2} maxRows={6} />
        <FormTextarea name="summary" label={t('partnership.form.summary')} autosize minRows={2} maxRows={8} />
      </Stack>
    </FormDialog>
  );
}

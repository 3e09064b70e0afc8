import { useRef, useState } from 'react';
import { NumberInput, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { FormErrorSummary, useFocusFirstError } from '../components/FormErrors';
import { AppModal } from '../components/Dialog';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { showDone, showError } from '../notify';
import { localized } from '../i18n';
import type { Organization } from '@db/organizations';
import type { ORGANIZATION_KINDS } from '@db/schema';
import { ORGANIZATION_KIND_LABELS } from '@common/labels';
import { WithHistoryTab } from '../components/RecordHistory';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { CountrySelect } from '../components/CountrySelect';
import { PlaceFinder } from '../components/PlaceFinder';
import { useDraftChanges } from '../lib/unsaved';

type Kind = (typeof ORGANIZATION_KINDS)[number];
/** In the order of their names' list (common/labels.ts), which test/unit/labels.test.ts holds equal to the contract's. */
const KINDS = Object.keys(ORGANIZATION_KIND_LABELS.en) as Kind[];

interface Draft {
  displayName: string;
  nameZh: string;
  nameEn: string;
  nameLocal: string;
  aliases: string[];
  country: string;
  region: string;
  kind: Kind;
  latitude: number | '';
  longitude: number | '';
  notes: string;
}

function draftOf(o: Organization | null): Draft {
  return {
    displayName: o?.displayName ?? '',
    nameZh: o?.nameZh ?? '',
    nameEn: o?.nameEn ?? '',
    nameLocal: o?.nameLocal ?? '',
    aliases: o?.aliases ?? [],
    country: o?.country ?? '',
    region: o?.region ?? '',
    kind: o?.kind ?? 'city',
    latitude: o?.latitude ?? '',
    longitude: o?.longitude ?? '',
    notes: o?.notes ?? '',
  };
}

/** Create or edit an organization. A rejection keeps everything typed and marks the fields. */
export function OrganizationForm({ organization, onClose, onSaved }: { organization: Organization | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(organization));
  const changes = useDraftChanges(draft);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(form);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const validate = (): boolean => {
    const next: typeof errors = {};
    if (!draft.displayName.trim()) next.displayName = t('organizations.required');
    if (draft.country.trim() && !/^[A-Za-z]{2}$/.test(draft.country.trim())) next.country = t('organizations.countryFormat');
    setErrors(next);
    if (Object.keys(next).length > 0) focusFirstError();
    return Object.keys(next).length === 0;
  };

  const save = async () => {
    if (!validate()) return;
    const fields = {
      displayName: draft.displayName,
      nameZh: draft.nameZh,
      nameEn: draft.nameEn,
      nameLocal: draft.nameLocal,
      aliases: draft.aliases,
      country: draft.country.trim() ? draft.country.trim() : null,
      region: draft.region,
      kind: draft.kind,
      latitude: draft.latitude === '' ? null : draft.latitude,
      longitude: draft.longitude === '' ? null : draft.longitude,
      notes: draft.notes,
    };
    setSaving(true);
    try {
      if (organization) await api['organizations.update']({ id: organization.id, ...fields });
      else await api['organizations.create'](fields);
      showDone(t('common.saved'));
      changes.saved();
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const message = localized(error.localized);
        setErrors(Object.fromEntries(error.fields.map((f) => [f.split('.')[0], message])));
        focusFirstError();
      }
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} dirty={changes.dirty} title={organization ? t('organizations.editTitle') : t('organizations.newTitle')} size="lg">
      <WithHistoryTab entity="organizations" id={organization?.id ?? null}>
        <form
          ref={form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <TextInput
            label={t('organizations.fields.displayName')}
            required
            data-autofocus
            value={draft.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errors.displayName}
            mb="sm"
          />
          <SimpleGrid cols={3} mb="sm">
            <TextInput
              label={t('organizations.fields.nameZh')}
              value={draft.nameZh}
              onChange={(e) => set('nameZh', e.currentTarget.value)}
              error={errors.nameZh}
            />
            <TextInput
              label={t('organizations.fields.nameEn')}
              value={draft.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={errors.nameEn}
            />
            <TextInput
              label={t('organizations.fields.nameLocal')}
              value={draft.nameLocal}
              onChange={(e) => set('nameLocal', e.currentTarget.value)}
              error={errors.nameLocal}
            />
          </SimpleGrid>
          <TagsInput
            label={t('organizations.fields.aliases')}
            description={organization?.damaged?.includes('aliases') ? `⚠ ${t('common.damagedValue')}` : t('organizations.fields.aliasesHint')}
            value={draft.aliases}
            onChange={(v) => set('aliases', v)}
            error={errors.aliases}
            mb="sm"
          />
          <SimpleGrid cols={3} mb="sm">
            <CountrySelect label={t('organizations.fields.country')} value={draft.country} onChange={(code) => set('country', code)} error={errors.country} />
            <TextInput
              label={t('organizations.fields.region')}
              value={draft.region}
              onChange={(e) => set('region', e.currentTarget.value)}
              error={errors.region}
            />
            <Select
              label={t('organizations.fields.kind')}
              value={draft.kind}
              allowDeselect={false}
              onChange={(v) => v && set('kind', v as Kind)}
              data={KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
            />
          </SimpleGrid>
          <PlaceFinder
            names={[draft.nameEn, draft.nameLocal, draft.displayName, ...draft.aliases, draft.nameZh]}
            country={draft.country}
            onPick={(place) => {
              setDraft((d) => ({ ...d, latitude: place.latitude, longitude: place.longitude, country: d.country || place.country }));
            }}
          />
          <SimpleGrid cols={2} mb="sm" mt="xs">
            <NumberInput
              label={t('organizations.fields.latitude')}
              min={-90}
              max={90}
              decimalScale={6}
              value={draft.latitude}
              onChange={(v) => set('latitude', typeof v === 'number' ? v : '')}
              error={errors.latitude}
            />
            <NumberInput
              label={t('organizations.fields.longitude')}
              min={-180}
              max={180}
              decimalScale={6}
              value={draft.longitude}
              onChange={(v) => set('longitude', typeof v === 'number' ? v : '')}
              error={errors.longitude}
            />
          </SimpleGrid>
          <Textarea
            label={t('organizations.fields.notes')}
            autosize
            minRows={2}
            maxRows={6}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            mb="md"
          />
          <FormErrorSummary errors={errors} />
          <CancelSaveButtons onCancel={onClose} saving={saving} justify="flex-end" />
        </form>
      </WithHistoryTab>
    </AppModal>
  );
}

import { NumberInput, SimpleGrid, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Organization } from '@db/organizations';
import type { ORGANIZATION_KINDS } from '@db/schema';
import { ORGANIZATION_KIND_LABELS } from '@common/labels';
import { organizationCreateInput, organizationUpdateInput } from '@common/inputs/records';
import { contractOptions, useContractForm } from '../lib/contract-form';
import { FormDialog } from '../components/form/FormDialog';
import { FormField, FormSelect, FormTextarea, FormTextInput } from '../components/form/fields';
import { FormCountrySelect, FormPlaceFinder } from '../components/form/place-fields';

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

/** What the form sends: empty coordinates and country as none. */
const fieldsOf = (draft: Draft) => ({
  ...draft,
  country: draft.country.trim() || null,
  latitude: draft.latitude === '' ? null : draft.latitude,
  longitude: draft.longitude === '' ? null : draft.longitude,
});

/** Create or edit an organization. A rejection keeps everything typed and marks the fields. */
export function OrganizationForm({ organization, onClose, onSaved }: { organization: Organization | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(
    organization
      ? contractOptions({
          schema: organizationUpdateInput,
          defaultValues: draftOf(organization),
          toInput: (draft: Draft) => ({ id: organization.id, ...fieldsOf(draft) }),
          save: (input) => api['organizations.update'](input),
          onSaved,
        })
      : contractOptions({
          schema: organizationCreateInput,
          defaultValues: draftOf(null),
          toInput: fieldsOf,
          save: (input) => api['organizations.create'](input),
          onSaved,
        }),
  );
  const [displayName, nameZh, nameEn, nameLocal, aliases] = form.form.watch(['displayName', 'nameZh', 'nameEn', 'nameLocal', 'aliases']);

  return (
    <FormDialog
      form={form}
      onClose={onClose}
      title={organization ? t('organizations.editTitle') : t('organizations.newTitle')}
      history={{ entity: 'organizations', id: organization?.id ?? null }}
    >
      <FormTextInput name="displayName" label={t('organizations.fields.displayName')} required data-autofocus mb="sm" />
      <SimpleGrid cols={3} mb="sm">
        <FormTextInput name="nameZh" label={t('organizations.fields.nameZh')} />
        <FormTextInput name="nameEn" label={t('organizations.fields.nameEn')} />
        <FormTextInput name="nameLocal" label={t('organizations.fields.nameLocal')} />
      </SimpleGrid>
      <FormField
        name="aliases"
        render={(field, state) => (
          <TagsInput
            label={t('organizations.fields.aliases')}
            description={organization?.damaged?.includes('aliases') ? `⚠ ${t('common.damagedValue')}` : t('organizations.fields.aliasesHint')}
            value={field.value as string[]}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={state.message}
            mb="sm"
          />
        )}
      />
      <SimpleGrid cols={3} mb="sm">
        <FormCountrySelect label={t('organizations.fields.country')} />
        <FormTextInput name="region" label={t('organizations.fields.region')} />
        <FormSelect
          name="kind"
          label={t('organizations.fields.kind')}
          allowDeselect={false}
          data={KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
        />
      </SimpleGrid>
      <FormPlaceFinder names={[nameEn, nameLocal, displayName, ...aliases, nameZh]} />
      <SimpleGrid cols={2} mb="sm" mt="xs">
        {(['latitude', 'longitude'] as const).map((name) => (
          <FormField
            key={name}
            name={name}
            render={(field, state) => (
              <NumberInput
                label={t(`organizations.fields.${name}`)}
                min={name === 'latitude' ? -90 : -180}
                max={name === 'latitude' ? 90 : 180}
                decimalScale={6}
                value={field.value as number | ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                onBlur={field.onBlur}
                error={state.message}
              />
            )}
          />
        ))}
      </SimpleGrid>
      <FormTextarea name="notes" label={t('organizations.fields.notes')} autosize minRows={2} maxRows={6} />
    </FormDialog>
  );
}

import { useEffect } from 'react';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Organization } from '@db/organizations';
import { ORGANIZATION_KINDS } from '@common/inputs/enums';
import { organizationCreateInput } from '@common/inputs/records';
import { useContractForm } from '../../lib/contract-form';
import { FormScope, FormSelect, FormTextInput } from '../../components/form/fields';
import { InlinePanel } from './InlinePanel';
import { FormCountrySelect, FormPlaceFinder } from '../../components/form/place-fields';

type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

interface Draft {
  displayName: string;
  nameZh: string;
  nameEn: string;
  country: string;
  kind: OrganizationKind;
  latitude: number | null;
  longitude: number | null;
}

/** A new organization's draft; a name typed in a picker is its display name, and its Chinese name when in Han characters, else its English one. */
function draftNamed(name: string): Draft {
  const han = /\p{Script=Han}/u.test(name);
  return { displayName: name, nameZh: han ? name : '', nameEn: han ? '' : name, country: '', kind: 'city', latitude: null, longitude: null };
}

/**
 * A small form inside the partnership form: create an organization that is not in the list yet,
 * then hand it back to be added as a party. Not a <form> (forms do not nest): Enter creates.
 * Checked by the contract's `organizations.create` input.
 */
export function NewOrganizationPanel({
  initialName = '',
  onCreated,
  onCancel,
}: {
  /** A name typed in a party picker: also the Chinese name when it is in Han characters, else the English one. */
  initialName?: string;
  onCreated: (organization: Organization) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useContractForm({
    schema: organizationCreateInput,
    defaultValues: draftNamed(initialName),
    toInput: (draft) => ({ ...draft, country: draft.country.trim() || null }),
    save: (input) => api['organizations.create'](input),
    onSaved: onCreated,
    announce: false,
  });
  const { setFocus, watch } = form.form;
  useEffect(() => setFocus('displayName'), [setFocus]);
  const [displayName, nameZh, nameEn, latitude, longitude] = watch(['displayName', 'nameZh', 'nameEn', 'latitude', 'longitude']);

  return (
    <InlinePanel
      ref={(node) => {
        form.containerRef.current = node;
      }}
      id="new-party-organization-title"
      title={t('partnership.org.title')}
      createLabel={t('partnership.org.create')}
      saving={form.saving}
      dirty={form.dirty}
      onCreate={() => void form.submit()}
      onCancel={onCancel}
    >
      <FormScope form={form}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mb="sm">
          <FormTextInput name="displayName" label={t('partnership.org.displayName')} required />
          <FormCountrySelect label={t('partnership.org.country')} />
          <FormTextInput name="nameZh" label={t('partnership.org.nameZh')} />
          <FormTextInput name="nameEn" label={t('partnership.org.nameEn')} />
          <FormSelect
            name="kind"
            label={t('partnership.org.kind')}
            allowDeselect={false}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
          />
        </SimpleGrid>
        <Stack gap={4} mb="sm">
          <FormPlaceFinder names={[nameEn, displayName, nameZh]} />
          {latitude !== null && longitude !== null ? (
            <Text size="sm" data-testid="new-party-coordinates">
              {t('organizations.fields.latitude')} {latitude.toFixed(3)}, {t('organizations.fields.longitude')} {longitude.toFixed(3)}
            </Text>
          ) : null}
        </Stack>
      </FormScope>
    </InlinePanel>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showError } from '../../notify';
import type { Organization } from '@db/organizations';
import type { ORGANIZATION_KINDS } from '@db/schema';
import { rejectedFields, useFieldErrors } from './common';
import { InlinePanel } from './InlinePanel';
import { CountrySelect } from '../../components/CountrySelect';
import { PlaceFinder } from '../../components/PlaceFinder';

type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
const KIND_ORDER: Record<OrganizationKind, number> = {
  city: 0,
  district: 1,
  new_area: 2,
  province: 3,
  region: 4,
  country: 5,
  association: 6,
  company: 7,
  university: 8,
  programme_body: 9,
  government_body: 10,
  other: 11,
};
const KINDS = Object.keys(KIND_ORDER) as OrganizationKind[];

interface Draft {
  displayName: string;
  nameZh: string;
  nameEn: string;
  country: string;
  kind: OrganizationKind;
  latitude: number | null;
  longitude: number | null;
}

/**
 * A small form inside the partnership form: create an organization that is not in the list yet,
 * then hand it back to be added as a party. Not a <form> (forms do not nest): Enter creates.
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
  const [draft, setDraft] = useState<Draft>(() => {
    const han = /\p{Script=Han}/u.test(initialName);
    return {
      displayName: initialName,
      nameZh: han ? initialName : '',
      nameEn: han ? '' : initialName,
      country: '',
      kind: 'city',
      latitude: null,
      longitude: null,
    };
  });
  const [saving, setSaving] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const { errors, show: setErrors, clear } = useFieldErrors(panel);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clear(key);
  };

  useEffect(() => first.current?.focus(), []);

  const create = async () => {
    const next: Record<string, string> = {};
    if (!draft.displayName.trim()) next.displayName = t('partnership.org.errors.displayName');
    if (draft.country.trim() && !/^[A-Za-z]{2}$/.test(draft.country.trim())) next.country = t('partnership.org.errors.country');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setSaving(true);
    try {
      const organization = await api['organizations.create']({
        displayName: draft.displayName,
        nameZh: draft.nameZh,
        nameEn: draft.nameEn,
        country: draft.country.trim() ? draft.country.trim() : null,
        kind: draft.kind,
        latitude: draft.latitude,
        longitude: draft.longitude,
      });
      onCreated(organization);
    } catch (error) {
      setErrors(rejectedFields(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <InlinePanel
      ref={panel}
      id="new-party-organization-title"
      title={t('partnership.org.title')}
      createLabel={t('partnership.org.create')}
      saving={saving}
      onCreate={() => void create()}
      onCancel={onCancel}
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mb="sm">
        <TextInput
          ref={first}
          label={t('partnership.org.displayName')}
          required
          value={draft.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
          error={errors.displayName}
        />
        <CountrySelect label={t('partnership.org.country')} value={draft.country} onChange={(code) => set('country', code)} error={errors.country} />
        <TextInput label={t('partnership.org.nameZh')} value={draft.nameZh} onChange={(e) => set('nameZh', e.currentTarget.value)} error={errors.nameZh} />
        <TextInput label={t('partnership.org.nameEn')} value={draft.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={errors.nameEn} />
        <Select
          label={t('partnership.org.kind')}
          value={draft.kind}
          allowDeselect={false}
          onChange={(v) => v && v in KIND_ORDER && set('kind', v as OrganizationKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
        />
      </SimpleGrid>
      <Stack gap={4} mb="sm">
        <PlaceFinder
          names={[draft.nameEn, draft.displayName, draft.nameZh]}
          country={draft.country}
          onPick={(place) => setDraft((d) => ({ ...d, latitude: place.latitude, longitude: place.longitude, country: d.country || place.country }))}
        />
        {draft.latitude !== null && draft.longitude !== null ? (
          <Text size="sm" data-testid="new-party-coordinates">
            {t('organizations.fields.latitude')} {draft.latitude.toFixed(3)}, {t('organizations.fields.longitude')} {draft.longitude.toFixed(3)}
          </Text>
        ) : null}
      </Stack>
    </InlinePanel>
  );
}

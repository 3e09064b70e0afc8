import { useEffect } from 'react';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ProgrammeOption } from '@db/programmes';
import { programmeCreateInput } from '@common/inputs/records';
import { useContractForm } from '../../lib/contract-form';
import { FormScope, FormTextInput } from '../../components/form/fields';
import { InlinePanel } from './InlinePanel';

/**
 * A programme that is not in the list yet, made inside the partnership form and chosen for it. Not a <form>
 * (forms do not nest): Enter creates. Checked by the contract's `programmes.create` input.
 */
export function NewProgrammePanel({ onCreated, onCancel }: { onCreated: (programme: ProgrammeOption) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm({
    schema: programmeCreateInput,
    defaultValues: { nameZh: '', nameEn: '' },
    toInput: (names) => names,
    save: (input) => api['programmes.create'](input),
    onSaved: onCreated,
    announce: false,
  });
  const { setFocus } = form.form;
  useEffect(() => setFocus('nameZh'), [setFocus]);

  return (
    <InlinePanel
      ref={(node) => {
        form.containerRef.current = node;
      }}
      id="new-programme-title"
      title={t('partnership.programme.title')}
      createLabel={t('partnership.programme.create')}
      saving={form.saving}
      dirty={form.dirty}
      onCreate={() => void form.submit()}
      onCancel={onCancel}
    >
      <FormScope form={form}>
        <SimpleGrid cols={2} spacing="sm" mb="sm">
          <FormTextInput name="nameZh" label={t('partnership.programme.nameZh')} />
          <FormTextInput name="nameEn" label={t('partnership.programme.nameEn')} />
        </SimpleGrid>
      </FormScope>
    </InlinePanel>
  );
}

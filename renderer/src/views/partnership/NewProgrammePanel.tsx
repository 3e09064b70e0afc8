import { useEffect, useRef, useState } from 'react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showError } from '../../notify';
import type { ProgrammeOption } from '@db/programmes';
import { rejectedFields, useFieldErrors } from './common';
import { InlinePanel } from './InlinePanel';

/**
 * A programme that is not in the list yet, made inside the partnership form and chosen for it. Not a <form>
 * (forms do not nest): Enter creates.
 */
export function NewProgrammePanel({ onCreated, onCancel }: { onCreated: (programme: ProgrammeOption) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState({ nameZh: '', nameEn: '' });
  const [saving, setSaving] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const { errors, show, clear } = useFieldErrors(panel);
  useEffect(() => first.current?.focus(), []);

  const create = async () => {
    if (!names.nameZh.trim() && !names.nameEn.trim()) {
      show({ nameZh: t('partnership.programme.required') });
      return;
    }
    setSaving(true);
    try {
      onCreated(await api['programmes.create'](names));
    } catch (error) {
      show(rejectedFields(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: 'nameZh' | 'nameEn', label: string) => (
    <TextInput
      ref={key === 'nameZh' ? first : undefined}
      label={label}
      value={names[key]}
      maxLength={300}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setNames((n) => ({ ...n, [key]: value }));
        clear('nameZh');
      }}
      error={errors[key]}
    />
  );
  return (
    <InlinePanel
      ref={panel}
      id="new-programme-title"
      title={t('partnership.programme.title')}
      createLabel={t('partnership.programme.create')}
      saving={saving}
      onCreate={() => void create()}
      onCancel={onCancel}
    >
      <SimpleGrid cols={2} spacing="sm" mb="sm">
        {field('nameZh', t('partnership.programme.nameZh'))}
        {field('nameEn', t('partnership.programme.nameEn'))}
      </SimpleGrid>
    </InlinePanel>
  );
}

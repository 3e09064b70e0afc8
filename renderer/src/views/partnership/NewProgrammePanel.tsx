import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showError } from '../../notify';
import type { ProgrammeOption } from '@db/programmes';
import { rejectedFields, useFieldErrors } from './common';

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
    <Paper
      ref={panel}
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-labelledby="new-programme-title"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.defaultPrevented && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          void create();
        }
        if (e.key === 'Escape') {
          // Closes this panel, not the whole form.
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Text fw={600} size="sm" mb="xs" id="new-programme-title">
        {t('partnership.programme.title')}
      </Text>
      <SimpleGrid cols={2} spacing="sm" mb="sm">
        {field('nameZh', t('partnership.programme.nameZh'))}
        {field('nameEn', t('partnership.programme.nameEn'))}
      </SimpleGrid>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={saving} onClick={() => void create()}>
          {t('partnership.programme.create')}
        </Button>
      </Group>
    </Paper>
  );
}

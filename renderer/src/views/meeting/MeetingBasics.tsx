/** The meeting form's first section: title, date and time, place, format, kind and the partnerships concerned. */
import { Grid, Input, NativeSelect, SegmentedControl } from '@mantine/core';
import { FormTextInput } from '../../components/form/fields';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { PartnershipPicker } from '../../components/pickers';
import type { PickerOption } from '../../components/RecordPicker';
import type { PartnershipListItem } from '@db/partnerships';
import { FORMATS, KINDS, type MeetingFormat, type MeetingKind } from './shared';
import type { DraftEditor, TextField } from './meetingDraft';
import { Section } from './FormParts';

export function MeetingBasics({
  draft,
  errors,
  setDraft,
  clearError,
  partnerships,
  onPartnerships,
}: DraftEditor & {
  /** The chosen partnerships with their names. */
  partnerships: PickerOption[];
  onPartnerships: (ids: string[], rows: PartnershipListItem[]) => void;
}) {
  const { t } = useTranslation();
  const setText = (key: TextField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearError(key);
  };
  return (
    <Section>
      <Grid gutter="sm">
        <Grid.Col span={12}>
          <FormTextInput name="title" label={t('meetings.fields.title')} placeholder={t('meetings.form.titlePlaceholder')} required autoFocus />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4, lg: 3 }}>
          <DateField label={t('meetings.fields.date')} required value={draft.date} onChange={(v) => setText('date', v)} error={errors.date} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3, lg: 2 }}>
          <TimeField label={t('meetings.fields.time')} value={draft.time} onChange={(v) => setText('time', v)} error={errors.time} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 7 }}>
          <FormTextInput name="location" label={t('meetings.fields.location')} placeholder={t('meetings.form.locationPlaceholder')} />
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
          <PartnershipPicker
            multiple
            label={t('meetings.fields.partnerships')}
            placeholder={t('meetings.form.partnershipsPlaceholder')}
            required
            value={draft.partnershipIds}
            known={partnerships}
            onChange={onPartnerships}
            error={errors.partnershipIds}
          />
        </Grid.Col>
      </Grid>
    </Section>
  );
}

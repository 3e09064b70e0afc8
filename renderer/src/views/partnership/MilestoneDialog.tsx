import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { MilestoneView } from '@db/partnerships';
import { milestoneCreateInput, milestoneUpdateInput } from '@common/inputs/records';
import { contractOptions, useContractForm } from '../../lib/contract-form';
import { FormDialog } from '../../components/form/FormDialog';
import { FormField, FormSelect, FormTextarea, FormTextInput } from '../../components/form/fields';
import { PartialDateField } from '../../components/PartialDateField';
import { MILESTONE_KIND_LIST, MILESTONE_STATUS_LIST, type MilestoneKind, type MilestoneStatus } from './common';

interface Draft {
  title: string;
  date: string;
  kind: MilestoneKind;
  status: MilestoneStatus;
  source: string;
  notes: string;
}

function draftOf(m: MilestoneView | null): Draft {
  return {
    title: m?.title ?? '',
    date: m?.date ?? '',
    kind: m?.kind ?? 'other',
    status: m?.status ?? 'planned',
    source: m?.source ?? '',
    notes: m?.notes ?? '',
  };
}

/** Add or edit a milestone. The date is written with its precision: 2016, 2015-06 or 2017-05-31. */
export function MilestoneDialog({
  partnershipId,
  milestone,
  onClose,
  onSaved,
}: {
  partnershipId: string;
  milestone: MilestoneView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fieldsOf = (draft: Draft) => ({ ...draft, date: draft.date.trim() });
  const form = useContractForm(
    milestone
      ? contractOptions({
          schema: milestoneUpdateInput,
          defaultValues: draftOf(milestone),
          toInput: (draft: Draft) => ({ id: milestone.id, ...fieldsOf(draft) }),
          save: (input) => api['milestones.update'](input),
          onSaved,
        })
      : contractOptions({
          schema: milestoneCreateInput,
          defaultValues: draftOf(null),
          toInput: (draft: Draft) => ({ partnershipId, ...fieldsOf(draft) }),
          save: (input) => api['milestones.create'](input),
          onSaved,
        }),
  );

  return (
    <FormDialog
      form={form}
      onClose={onClose}
      title={milestone ? t('partnership.milestone.editTitle') : t('partnership.milestone.newTitle')}
      history={{ entity: 'milestones', id: milestone?.id ?? null }}
    >
      <Stack gap="sm">
        <FormTextInput name="title" label={t('partnership.milestone.title')} required data-autofocus />
        <SimpleGrid cols={3} spacing="sm">
          <FormField
            name="date"
            render={(field, state) => (
              <PartialDateField
                label={t('partnership.milestone.date')}
                required
                name={field.name}
                value={field.value as string}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={state.message}
              />
            )}
          />
          <FormSelect
            name="kind"
            label={t('partnership.milestone.kind')}
            allowDeselect={false}
            data={MILESTONE_KIND_LIST.map((k) => ({ value: k, label: t(`partnership.milestone.kinds.${k}`) }))}
          />
          <FormSelect
            name="status"
            label={t('partnership.milestone.status')}
            allowDeselect={false}
            data={MILESTONE_STATUS_LIST.map((s) => ({ value: s, label: t(`partnership.milestone.statuses.${s}`) }))}
          />
        </SimpleGrid>
        <FormTextInput name="source" label={t('partnership.milestone.source')} />
        <FormTextarea name="notes" label={t('partnership.milestone.notes')} autosize minRows={2} maxRows={8} />
      </Stack>
    </FormDialog>
  );
}

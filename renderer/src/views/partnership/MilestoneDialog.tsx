import { useRef, useState } from 'react';
import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { AppModal } from '../../components/Dialog';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone, showError } from '../../notify';
import { formatPartialDate } from '../../format';
import type { MilestoneView } from '@db/partnerships';
import { WithHistoryTab } from '../../components/RecordHistory';
import { CancelSaveButtons } from '../../components/CancelSaveButtons';
import { FormErrorSummary } from '../../components/FormErrors';
import { useDraftChanges } from '../../lib/unsaved';
import { isPartialDate, MILESTONE_KIND_LIST, MILESTONE_STATUS_LIST, rejectedFields, useFieldErrors, type MilestoneKind, type MilestoneStatus } from './common';

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(milestone));
  const changes = useDraftChanges(draft);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, show: setErrors, clear } = useFieldErrors(form);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clear(key);
  };

  const date = draft.date.trim();
  const dateValid = isPartialDate(date);

  const save = async () => {
    const next: Record<string, string> = {};
    if (!draft.title.trim()) next.title = t('partnership.milestone.errors.title');
    if (!dateValid) next.date = t('partnership.milestone.errors.date');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const fields = { title: draft.title, date, kind: draft.kind, status: draft.status, source: draft.source, notes: draft.notes };
    setSaving(true);
    try {
      if (milestone) await api['milestones.update']({ id: milestone.id, ...fields });
      else await api['milestones.create']({ partnershipId, ...fields });
      showDone(t('common.saved'));
      changes.saved();
      onSaved();
    } catch (error) {
      setErrors(rejectedFields(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      dirty={changes.dirty}
      title={milestone ? t('partnership.milestone.editTitle') : t('partnership.milestone.newTitle')}
      size="lg"
    >
      <WithHistoryTab entity="milestones" id={milestone?.id ?? null}>
        <form
          ref={form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              label={t('partnership.milestone.title')}
              required
              data-autofocus
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
            />
            <SimpleGrid cols={3} spacing="sm">
              <TextInput
                label={t('partnership.milestone.date')}
                required
                placeholder="2015-06"
                description={dateValid ? t('partnership.milestone.shownAs', { date: formatPartialDate(date) }) : t('partnership.milestone.dateHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={draft.date}
                onChange={(e) => set('date', e.currentTarget.value)}
                error={errors.date}
              />
              <Select
                label={t('partnership.milestone.kind')}
                value={draft.kind}
                allowDeselect={false}
                onChange={(v) => v && set('kind', v as MilestoneKind)}
                data={MILESTONE_KIND_LIST.map((k) => ({ value: k, label: t(`partnership.milestone.kinds.${k}`) }))}
                error={errors.kind}
              />
              <Select
                label={t('partnership.milestone.status')}
                value={draft.status}
                allowDeselect={false}
                onChange={(v) => v && set('status', v as MilestoneStatus)}
                data={MILESTONE_STATUS_LIST.map((s) => ({ value: s, label: t(`partnership.milestone.statuses.${s}`) }))}
                error={errors.status}
              />
            </SimpleGrid>
            <TextInput
              label={t('partnership.milestone.source')}
              value={draft.source}
              onChange={(e) => set('source', e.currentTarget.value)}
              error={errors.source}
            />
            <Textarea
              label={t('partnership.milestone.notes')}
              autosize
              minRows={2}
              maxRows={8}
              value={draft.notes}
              onChange={(e) => set('notes', e.currentTarget.value)}
              error={errors.notes}
            />
            <FormErrorSummary errors={errors} />
            <CancelSaveButtons onCancel={onClose} saving={saving} justify="flex-end" />
          </Stack>
        </form>
      </WithHistoryTab>
    </AppModal>
  );
}

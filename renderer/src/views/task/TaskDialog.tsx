import { useRef, useState } from 'react';
import { Anchor, Autocomplete, Button, Group, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { FormErrorSummary, useFocusFirstError } from '../../components/FormErrors';
import { AppModal } from '../../components/Dialog';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { localized } from '../../i18n';
import { showDone, showError } from '../../notify';
import { routeHash } from '../../route';
import type { Task, TaskStatus } from '@db/tasks';
import type { TASK_PRIORITIES } from '@db/schema';
import { WithHistoryTab } from '../../components/RecordHistory';
import { CancelSaveButtons } from '../../components/CancelSaveButtons';
import { useDraftChanges } from '../../lib/unsaved';
import { DateField } from '../../components/DateField';
import { PartnershipPicker } from '../../components/pickers';

type Priority = (typeof TASK_PRIORITIES)[number];
const PRIORITIES: Record<Priority, true> = { low: true, normal: true, high: true };
const STATUSES: Record<TaskStatus, true> = { open: true, in_progress: true, done: true, cancelled: true };

const LIMITS = { title: 300, details: 20000, assignee: 200 } as const;

interface Draft {
  title: string;
  details: string;
  dueOn: string;
  assignee: string;
  priority: Priority;
  partnershipId: string | null;
  status: TaskStatus;
}

export interface PartnershipOption {
  value: string;
  label: string;
}

function draftOf(task: Task | null, defaults: { assignee: string | null; partnershipId: string | null }): Draft {
  return {
    title: task?.title ?? '',
    details: task?.details ?? '',
    dueOn: task?.dueOn ?? '',
    assignee: task ? (task.assignee ?? '') : (defaults.assignee ?? ''),
    priority: task?.priority ?? 'normal',
    partnershipId: task ? task.partnershipId : defaults.partnershipId,
    status: task?.status ?? 'open',
  };
}

/** Create or edit a task. A rejection keeps everything typed and marks the fields. */
export function TaskDialog({
  task,
  defaults,
  partnerships,
  assignees,
  onClose,
  onSaved,
  onDelete,
}: {
  task: Task | null;
  defaults: { assignee: string | null; partnershipId: string | null };
  partnerships: PartnershipOption[];
  assignees: string[];
  onClose: () => void;
  onSaved: (task: Task) => void;
  onDelete?: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(task, defaults));
  const changes = useDraftChanges(draft);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(form);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const options =
    task?.partnershipId && !partnerships.some((p) => p.value === task.partnershipId)
      ? [...partnerships, { value: task.partnershipId, label: task.partnershipTitle ?? task.partnershipId }]
      : partnerships;

  const validate = (): boolean => {
    const next: typeof errors = {};
    if (!draft.title.trim()) next.title = t('tasks.form.titleRequired');
    else if (draft.title.trim().length > LIMITS.title) next.title = t('tasks.form.tooLong', { max: LIMITS.title });
    if (draft.details.trim().length > LIMITS.details) next.details = t('tasks.form.tooLong', { max: LIMITS.details });
    if (draft.assignee.trim().length > LIMITS.assignee) next.assignee = t('tasks.form.tooLong', { max: LIMITS.assignee });
    if (draft.dueOn && !/^\d{4}-\d{2}-\d{2}$/.test(draft.dueOn)) next.dueOn = t('tasks.form.badDate');
    setErrors(next);
    if (Object.keys(next).length > 0) focusFirstError();
    return Object.keys(next).length === 0;
  };

  const save = async () => {
    if (!validate()) return;
    const fields = {
      title: draft.title,
      details: draft.details,
      dueOn: draft.dueOn || null,
      assignee: draft.assignee,
      priority: draft.priority,
      partnershipId: draft.partnershipId,
    };
    setSaving(true);
    try {
      const saved = task ? await api['tasks.update']({ id: task.id, ...fields, status: draft.status }) : await api['tasks.create'](fields);
      showDone(t('common.saved'));
      changes.saved();
      onSaved(saved);
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
    <AppModal opened onClose={onClose} dirty={changes.dirty} title={task ? t('tasks.form.editTitle') : t('tasks.form.newTitle')} size="lg">
      <WithHistoryTab entity="tasks" id={task?.id ?? null}>
        <form
          ref={form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <TextInput
            label={t('tasks.form.title')}
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            mb="sm"
          />
          <Textarea
            label={t('tasks.form.details')}
            autosize
            minRows={2}
            maxRows={8}
            value={draft.details}
            onChange={(e) => set('details', e.currentTarget.value)}
            error={errors.details}
            mb="sm"
          />
          <SimpleGrid cols={2} mb="sm">
            <DateField label={t('tasks.form.dueOn')} clearable value={draft.dueOn} onChange={(v) => set('dueOn', v)} error={errors.dueOn} />
            <Autocomplete
              label={t('tasks.form.assignee')}
              value={draft.assignee}
              onChange={(v) => set('assignee', v)}
              data={assignees.filter((name) => name !== draft.assignee)}
              error={errors.assignee}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6} mb="sm">
            {t('tasks.form.assigneeHint')}
          </Text>
          <PartnershipPicker
            label={t('tasks.form.partnership')}
            placeholder={t('tasks.form.noPartnership')}
            clearable
            value={draft.partnershipId}
            known={options}
            onChange={(v) => set('partnershipId', v)}
            error={errors.partnershipId}
            style={{ marginBottom: 'var(--mantine-spacing-sm)' }}
          />
          <SimpleGrid cols={2} mb="sm">
            <Select
              label={t('tasks.form.priority')}
              allowDeselect={false}
              value={draft.priority}
              onChange={(v) => v && v in PRIORITIES && set('priority', v as Priority)}
              data={(Object.keys(PRIORITIES) as Priority[]).map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
            />
            {task ? (
              <Select
                label={t('tasks.form.status')}
                allowDeselect={false}
                value={draft.status}
                onChange={(v) => v && v in STATUSES && set('status', v as TaskStatus)}
                data={(Object.keys(STATUSES) as TaskStatus[]).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
              />
            ) : null}
          </SimpleGrid>
          {task?.meetingId ? (
            <Text size="sm" mb="sm">
              {t('tasks.form.fromMeeting')} {/* Going there closes the dialog with its view; with unsaved changes, the navigation asks first. */}
              <Anchor href={routeHash('meetings', task.meetingId)}>{task.meetingTitle ?? task.meetingId}</Anchor>
            </Text>
          ) : null}
          <Group justify="space-between" mt="md">
            {task && onDelete ? (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(task)}>
                {t('common.delete')}
              </Button>
            ) : (
              <span />
            )}
            <FormErrorSummary errors={errors} />
            <CancelSaveButtons onCancel={onClose} saving={saving} />
          </Group>
        </form>
      </WithHistoryTab>
    </AppModal>
  );
}

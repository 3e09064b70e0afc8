import { Anchor, Button, SimpleGrid, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { routeHash } from '../../route';
import type { Task, TaskStatus } from '@db/tasks';
import { TASK_PRIORITIES, TASK_STATUSES } from '@common/inputs/enums';
import { taskCreateInput, taskUpdateInput } from '@common/inputs/records';
import { contractOptions, useContractForm } from '../../lib/contract-form';
import { FormDialog } from '../../components/form/FormDialog';
import { FormAutocomplete, FormDateField, FormField, FormSelect, FormTextarea, FormTextInput } from '../../components/form/fields';
import { PartnershipPicker } from '../../components/pickers';

type Priority = (typeof TASK_PRIORITIES)[number];

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

/** What the dialog sends: the contract's task fields (a new task starts open). */
const fieldsOf = (draft: Draft) => ({
  title: draft.title,
  details: draft.details,
  dueOn: draft.dueOn || null,
  assignee: draft.assignee,
  priority: draft.priority,
  partnershipId: draft.partnershipId,
});

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
  const form = useContractForm(
    task
      ? contractOptions({
          schema: taskUpdateInput,
          defaultValues: draftOf(task, defaults),
          toInput: (draft: Draft) => ({ id: task.id, ...fieldsOf(draft), status: draft.status }),
          save: (input) => api['tasks.update'](input),
          onSaved,
        })
      : contractOptions({
          schema: taskCreateInput,
          defaultValues: draftOf(null, defaults),
          toInput: fieldsOf,
          save: (input) => api['tasks.create'](input),
          onSaved,
        }),
  );
  const assignee = form.form.watch('assignee');

  const options =
    task?.partnershipId && !partnerships.some((p) => p.value === task.partnershipId)
      ? [...partnerships, { value: task.partnershipId, label: task.partnershipTitle ?? task.partnershipId }]
      : partnerships;

  return (
    <FormDialog
      form={form}
      onClose={onClose}
      title={task ? t('tasks.form.editTitle') : t('tasks.form.newTitle')}
      history={{ entity: 'tasks', id: task?.id ?? null }}
      start={
        task && onDelete ? (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(task)}>
            {t('common.delete')}
          </Button>
        ) : undefined
      }
    >
      <FormTextInput name="title" label={t('tasks.form.title')} required data-autofocus mb="sm" />
      <FormTextarea name="details" label={t('tasks.form.details')} autosize minRows={2} maxRows={8} mb="sm" />
      <SimpleGrid cols={2} mb="sm">
        <FormDateField name="dueOn" label={t('tasks.form.dueOn')} clearable />
        <FormAutocomplete name="assignee" label={t('tasks.form.assignee')} data={assignees.filter((name) => name !== assignee)} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-6} mb="sm">
        {t('tasks.form.assigneeHint')}
      </Text>
      <FormField
        name="partnershipId"
        render={(field, state) => (
          <PartnershipPicker
            label={t('tasks.form.partnership')}
            placeholder={t('tasks.form.noPartnership')}
            clearable
            value={(field.value as string | null) ?? null}
            known={options}
            onChange={(id) => field.onChange(id)}
            error={state.message}
            style={{ marginBottom: 'var(--mantine-spacing-sm)' }}
          />
        )}
      />
      <SimpleGrid cols={2} mb="sm">
        <FormSelect
          name="priority"
          label={t('tasks.form.priority')}
          allowDeselect={false}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
        />
        {task ? (
          <FormSelect
            name="status"
            label={t('tasks.form.status')}
            allowDeselect={false}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
          />
        ) : null}
      </SimpleGrid>
      {task?.meetingId ? (
        <Text size="sm" mb="sm">
          {t('tasks.form.fromMeeting')} {/* Going there closes the dialog with its view; with unsaved changes, the navigation asks first. */}
          <Anchor href={routeHash('meetings', task.meetingId)}>{task.meetingTitle ?? task.meetingId}</Anchor>
        </Text>
      ) : null}
    </FormDialog>
  );
}

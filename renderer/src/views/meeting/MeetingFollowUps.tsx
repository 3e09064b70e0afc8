/**
 * The meeting form's follow-up tasks: rows saved with a new meeting in the same call; an edited
 * meeting lists its tasks (managed under Tasks). With several partnerships, each task names its own.
 */
import type { RefObject } from 'react';
import { ActionIcon, Autocomplete, Badge, Box, Button, Grid, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@db/meetings';
import { DateField } from '../../components/DateField';
import type { PickerOption } from '../../components/RecordPicker';
import { PRIORITIES, STATUS_COLORS, formatDay, type TaskPriority } from './shared';
import { blankFollowUp, type DraftEditor, type FollowUpDraft } from './meetingDraft';
import { ColumnHeads, Section } from './FormParts';

export function MeetingFollowUps({
  meeting,
  draft,
  errors,
  setDraft,
  clearError,
  assignees,
  partnerships,
  lastAdded,
}: DraftEditor & { meeting: Meeting | null; assignees: string[]; partnerships: PickerOption[]; lastAdded: RefObject<string | null> }) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<FollowUpDraft>) => {
    setDraft((d) => ({ ...d, followUps: d.followUps.map((f) => (f.key === key ? { ...f, ...change } : f)) }));
    clearError(`followUp.${key}`);
  };
  const add = () => {
    const row = blankFollowUp();
    lastAdded.current = row.key;
    setDraft((d) => ({ ...d, followUps: [...d.followUps, row] }));
  };
  const many = partnerships.length > 1;

  if (meeting) {
    return (
      <Section title={t('meetings.form.followUps')}>
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t('meetings.form.followUpsOnEdit')}
          </Text>
          {meeting.tasks.map((task) => (
            <Group key={task.id} gap="xs" wrap="nowrap">
              <Badge size="sm" variant="light" color={STATUS_COLORS[task.status]} style={{ flexShrink: 0 }}>
                {t(`meetings.taskStatus.${task.status}`)}
              </Badge>
              <Text size="sm" truncate>
                {task.title}
              </Text>
              {task.dueOn ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(task.dueOn)}
                </Text>
              ) : null}
            </Group>
          ))}
        </Stack>
      </Section>
    );
  }

  return (
    <Section title={t('meetings.form.followUps')}>
      <Stack gap={6} data-testid="follow-ups">
        {draft.followUps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.form.noFollowUps')}
          </Text>
        ) : null}
        {draft.followUps.length > 0 ? (
          <ColumnHeads
            columns={[
              [many ? 6 : 8, t('meetings.form.followUpTitle')],
              [many ? 4 : 5, t('meetings.form.assignee')],
              [5, t('meetings.form.dueOn')],
              [many ? 3 : 4, t('meetings.form.priority')],
              ...(many ? ([[5, t('meetings.form.followUpPartnership')]] as const) : []),
            ]}
          />
        ) : null}
        {draft.followUps.map((f, index) => {
          const number = index + 1;
          return (
            <Grid key={f.key} columns={24} gutter={6} align="flex-start" role="group" aria-label={t('meetings.form.followUpNumber', { number })}>
              <Grid.Col span={many ? 6 : 8}>
                <TextInput
                  aria-label={t('meetings.form.followUpTitle')}
                  placeholder={t('meetings.form.followUpTitle')}
                  autoFocus={lastAdded.current === f.key}
                  value={f.title}
                  onChange={(e) => update(f.key, { title: e.currentTarget.value })}
                  error={errors[`followUp.${f.key}`]}
                />
              </Grid.Col>
              <Grid.Col span={many ? 4 : 5}>
                <Autocomplete
                  aria-label={t('meetings.form.assignee')}
                  placeholder={t('meetings.form.assignee')}
                  data={assignees}
                  value={f.assignee}
                  onChange={(assignee) => update(f.key, { assignee })}
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
              <Grid.Col span={5}>
                <DateField
                  aria-label={t('meetings.form.dueOn')}
                  title={t('meetings.form.dueOn')}
                  clearable
                  value={f.dueOn}
                  onChange={(dueOn) => update(f.key, { dueOn })}
                  error={errors[`followUp.${f.key}.dueOn`]}
                />
              </Grid.Col>
              <Grid.Col span={many ? 3 : 4}>
                <NativeSelect
                  aria-label={t('meetings.form.priority')}
                  title={t('meetings.form.priority')}
                  value={f.priority}
                  onChange={(e) => update(f.key, { priority: e.currentTarget.value as TaskPriority })}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`meetings.priority.${p}`) }))}
                />
              </Grid.Col>
              {many ? (
                <Grid.Col span={5}>
                  <NativeSelect
                    aria-label={t('meetings.form.followUpPartnership')}
                    title={t('meetings.form.followUpPartnership')}
                    value={draft.partnershipIds.includes(f.partnershipId) ? f.partnershipId : ''}
                    onChange={(e) => update(f.key, { partnershipId: e.currentTarget.value })}
                    data={partnerships.map((p, i) => ({ value: i === 0 ? '' : p.value, label: p.label }))}
                  />
                </Grid.Col>
              ) : null}
              <Grid.Col span={many ? 1 : 2}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  aria-label={t('meetings.form.removeFollowUp', { number })}
                  title={t('meetings.form.removeFollowUp', { number })}
                  onClick={() => setDraft((d) => ({ ...d, followUps: d.followUps.filter((x) => x.key !== f.key) }))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          );
        })}
        <Box>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t('meetings.form.addFollowUp')}
          </Button>
        </Box>
      </Stack>
    </Section>
  );
}

import { useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconFlag, IconPencil, IconPlus, IconRotate, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone, showError } from '../../notify';
import { deleteWithUndo } from '../../undo';
import { formatPartialDate } from '../../format';
import { navigate, routeHash } from '../../route';
import type { MilestoneView } from '@db/partnerships';
import type { MeetingListItem } from '@db/meetings';
import { MILESTONE_STATUS_COLORS, type MilestoneStatus } from './common';
import { MilestoneDialog } from './MilestoneDialog';

type Entry = { type: 'milestone'; date: string; milestone: MilestoneView } | { type: 'meeting'; date: string; meeting: MeetingListItem };

/**
 * Newest first. A partial date sorts as the start of its period, so "2017" comes after (below)
 * "2017-05-31"; on the same date a meeting comes before a milestone.
 */
function orderEntries(milestones: MilestoneView[], meetings: MeetingListItem[]): Entry[] {
  const entries: Entry[] = [
    ...milestones.map((milestone): Entry => ({ type: 'milestone', date: milestone.date, milestone })),
    ...meetings.map((meeting): Entry => ({ type: 'meeting', date: meeting.date, meeting })),
  ];
  const timeOf = (e: Entry) => (e.type === 'meeting' ? (e.meeting.time ?? '') : '');
  return entries.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (a.type !== b.type) return a.type === 'meeting' ? -1 : 1;
    return timeOf(a) < timeOf(b) ? 1 : timeOf(a) > timeOf(b) ? -1 : 0;
  });
}

export function PartnershipTimeline({
  partnershipId,
  milestones,
  meetings,
}: {
  partnershipId: string;
  milestones: MilestoneView[];
  meetings: MeetingListItem[];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<MilestoneView | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const entries = orderEntries(milestones, meetings);

  const setStatus = async (milestone: MilestoneView, status: MilestoneStatus) => {
    setBusy(milestone.id);
    try {
      await api['milestones.update']({ id: milestone.id, status });
      showDone(
        t(
          status === 'done'
            ? 'partnership.timeline.markedDone'
            : status === 'cancelled'
              ? 'partnership.timeline.markedCancelled'
              : 'partnership.timeline.reopened',
        ),
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = (milestone: MilestoneView) =>
    void deleteWithUndo({
      label: milestone.title,
      remove: () => api['milestones.delete']({ id: milestone.id }),
      restore: () => api['milestones.restore']({ id: milestone.id }),
    });

  const actionLabel = (action: string, title: string) => t('partnership.timeline.actionOn', { action, title });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('partnership.timeline.label')}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
          {t('partnership.timeline.addMilestone')}
        </Button>
      </Group>
      {entries.length === 0 ? <Text c="dimmed">{t('partnership.timeline.empty')}</Text> : null}
      <Box component="ol" aria-label={t('partnership.timeline.label')} data-testid="timeline" m={0} p={0} style={{ listStyle: 'none' }}>
        {entries.map((entry, index) => {
          const last = index === entries.length - 1;
          const key = entry.type === 'milestone' ? entry.milestone.id : entry.meeting.id;
          return (
            <Box component="li" key={`${entry.type}:${key}`} style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)' }}>
              <Text size="sm" fw={600} w={120} ta="right" pt={4} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                {formatPartialDate(entry.date)}
              </Text>
              <Box style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', flexShrink: 0 }} aria-hidden>
                <ThemeIcon
                  size={26}
                  radius="xl"
                  variant={entry.type === 'milestone' && entry.milestone.status === 'planned' ? 'light' : 'filled'}
                  color={entry.type === 'meeting' ? 'cyan' : MILESTONE_STATUS_COLORS[entry.milestone.status]}
                >
                  {entry.type === 'meeting' ? <IconCalendarEvent size={15} /> : <IconFlag size={15} />}
                </ThemeIcon>
                {!last ? <Box style={{ flex: 1, width: 2, background: 'var(--mantine-color-gray-3)', minHeight: 12 }} /> : null}
              </Box>
              <Paper withBorder radius="md" p="xs" mb="sm" style={{ flex: 1, minWidth: 0 }}>
                {entry.type === 'milestone' ? (
                  <MilestoneEntry
                    milestone={entry.milestone}
                    busy={busy === entry.milestone.id}
                    actionLabel={actionLabel}
                    onStatus={(status) => void setStatus(entry.milestone, status)}
                    onEdit={() => setEditing(entry.milestone)}
                    onDelete={() => remove(entry.milestone)}
                  />
                ) : (
                  <MeetingEntry meeting={entry.meeting} />
                )}
              </Paper>
            </Box>
          );
        })}
      </Box>
      {editing ? (
        <MilestoneDialog
          partnershipId={partnershipId}
          milestone={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

function MilestoneEntry({
  milestone,
  busy,
  actionLabel,
  onStatus,
  onEdit,
  onDelete,
}: {
  milestone: MilestoneView;
  busy: boolean;
  actionLabel: (action: string, title: string) => string;
  onStatus: (status: MilestoneStatus) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const text = (key: 'markDone' | 'markCancelled' | 'reopen' | 'edit' | 'delete') => t(`partnership.timeline.${key}`);
  const named = (key: Parameters<typeof text>[0]) => actionLabel(text(key), milestone.title);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Text fw={500} size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }} td={milestone.status === 'cancelled' ? 'line-through' : undefined}>
          {milestone.title}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Badge variant="light" color="gray" tt="none">
            {t('partnership.timeline.milestone')} · {t(`partnership.milestone.kinds.${milestone.kind}`)}
          </Badge>
          <Badge variant="light" color={MILESTONE_STATUS_COLORS[milestone.status]} tt="none">
            {t(`partnership.milestone.statuses.${milestone.status}`)}
          </Badge>
        </Group>
      </Group>
      {milestone.notes ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {milestone.notes}
        </Text>
      ) : null}
      {milestone.source ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('partnership.timeline.source', { source: milestone.source })}
        </Text>
      ) : null}
      <Group gap={4} mt={2}>
        {milestone.status !== 'done' ? (
          <Button
            size="compact-xs"
            variant="light"
            color="green"
            leftSection={<IconCheck size={12} aria-hidden />}
            loading={busy}
            onClick={() => onStatus('done')}
            aria-label={named('markDone')}
          >
            {text('markDone')}
          </Button>
        ) : null}
        {milestone.status === 'planned' ? (
          <Button
            size="compact-xs"
            variant="light"
            color="gray"
            leftSection={<IconX size={12} aria-hidden />}
            disabled={busy}
            onClick={() => onStatus('cancelled')}
            aria-label={named('markCancelled')}
          >
            {text('markCancelled')}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconRotate size={12} aria-hidden />}
            disabled={busy}
            onClick={() => onStatus('planned')}
            aria-label={named('reopen')}
          >
            {text('reopen')}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} aria-hidden />} onClick={onEdit} aria-label={named('edit')}>
          {text('edit')}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={12} aria-hidden />}
          onClick={onDelete}
          aria-label={named('delete')}
        >
          {text('delete')}
        </Button>
      </Group>
    </Stack>
  );
}

function MeetingEntry({ meeting }: { meeting: MeetingListItem }) {
  const { t } = useTranslation();
  const details = [meeting.time, t(`partnership.meeting.kinds.${meeting.kind}`), t(`partnership.meeting.formats.${meeting.format}`), meeting.location].filter(
    Boolean,
  );
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Anchor
          href={routeHash('meetings', meeting.id)}
          size="sm"
          fw={500}
          style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          onClick={(e) => {
            e.preventDefault();
            navigate('meetings', meeting.id);
          }}
        >
          {meeting.title}
        </Anchor>
        <Badge variant="light" color="cyan" tt="none" style={{ flexShrink: 0 }}>
          {t('partnership.timeline.meeting')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {details.join(' · ')}
      </Text>
      {meeting.outcomes ? (
        <Text size="xs" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
          {meeting.outcomes}
        </Text>
      ) : null}
    </Stack>
  );
}

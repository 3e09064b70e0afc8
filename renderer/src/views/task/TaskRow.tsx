import type { KeyboardEvent } from 'react';
import { ActionIcon, Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../../lang';
import { formatPartialDate } from '../../format';
import { routeHash } from '../../route';
import type { Task } from '@db/tasks';
import type { VirtualRowProps } from '../../components/VirtualTable';
import { localTitle, relativeDay } from '../../lib/task-format';
import { isOverdue, localDay } from '@common/calendar';
import classes from './tasks.module.css';

export function isClosed(task: Pick<Task, 'status'>): boolean {
  return task.status === 'done' || task.status === 'cancelled';
}

/**
 * One task. The row itself is focusable: X or Space completes or reopens, Enter edits, Delete
 * deletes, the arrow keys move to the next or previous task.
 */
export function TaskRow({
  task,
  today,
  rowProps,
  onToggle,
  onEdit,
  onDelete,
  onMove,
}: {
  task: Task;
  today: string;
  /** From the virtualized table: the row is measured and counted there. */
  rowProps: VirtualRowProps;
  onToggle: (viaKeyboard: boolean) => void;
  onEdit: () => void;
  onDelete: (viaKeyboard: boolean) => void;
  onMove: (step: -1 | 1 | 'first' | 'last') => void;
}) {
  const { t, i18n } = useTranslation();
  const closed = isClosed(task);
  const overdue = isOverdue(task, today);
  const partnership = task.partnershipId
    ? localTitle({ title: task.partnershipTitle, titleZh: task.partnershipTitleZh, titleEn: task.partnershipTitleEn }, i18n.language)
    : null;
  const toggleLabel = closed ? t('tasks.reopen', { title: task.title }) : t('tasks.complete', { title: task.title });

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    // Keys pressed on a button or link inside the row belong to that control.
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key;
    const handled = () => e.preventDefault();
    if (key === 'x' || key === 'X' || key === ' ') {
      handled();
      onToggle(true);
    } else if (key === 'Enter') {
      handled();
      onEdit();
    } else if (key === 'Delete') {
      handled();
      onDelete(true);
    } else if (key === 'ArrowDown' || key === 'j') {
      handled();
      onMove(1);
    } else if (key === 'ArrowUp' || key === 'k') {
      handled();
      onMove(-1);
    } else if (key === 'Home') {
      handled();
      onMove('first');
    } else if (key === 'End') {
      handled();
      onMove('last');
    }
  };

  return (
    <Table.Tr
      {...rowProps}
      tabIndex={0}
      className={classes.row}
      data-done={closed || undefined}
      data-testid="task-row"
      aria-keyshortcuts="X Space Enter Delete"
      onKeyDown={onKeyDown}
    >
      <Table.Td w={44}>
        <Tooltip label={toggleLabel} openDelay={400} withinPortal>
          <ActionIcon
            className={classes.check}
            data-done={closed || undefined}
            variant={closed ? 'filled' : 'default'}
            color={closed ? 'green' : 'gray'}
            radius="sm"
            size={22}
            aria-label={toggleLabel}
            aria-pressed={closed}
            onClick={() => onToggle(false)}
          >
            <IconCheck size={15} stroke={3} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap" align="center">
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={500}
            c="inherit"
            className={classes.title}
            onClick={onEdit}
            lang={langOf(task.title, i18n.language)}
          >
            {task.title}
          </Anchor>
          {task.priority !== 'normal' ? (
            <Badge size="xs" variant="light" color={task.priority === 'high' ? 'orange' : 'gray'}>
              {t(`tasks.priorityBadge.${task.priority}`)}
            </Badge>
          ) : null}
          {task.status === 'in_progress' || task.status === 'cancelled' ? (
            <Badge size="xs" variant="outline" color={task.status === 'in_progress' ? 'blue' : 'gray'}>
              {t(`tasks.status.${task.status}`)}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td w={124}>
        <Stack gap={2} align="flex-start">
          {task.dueOn ? (
            <Text size="sm" title={relativeDay(task.dueOn, today)} style={{ whiteSpace: 'nowrap' }}>
              {formatPartialDate(task.dueOn)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('tasks.noDueDate')}
            </Text>
          )}
          {overdue ? (
            <Badge size="sm" color="red" variant="filled" data-testid="overdue-badge">
              {t('tasks.overdue')}
            </Badge>
          ) : null}
          {task.status === 'done' && task.doneAt ? (
            <Text size="xs" c="dimmed">
              {t('tasks.doneOn', { date: formatPartialDate(localDay(new Date(task.doneAt))) })}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td w={120}>
        {task.assignee ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {task.assignee}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('tasks.nobody')}
          </Text>
        )}
      </Table.Td>
      <Table.Td w="28%">
        <Stack gap={2} className={classes.related}>
          {task.partnershipId ? (
            <Anchor href={routeHash('partnerships', task.partnershipId)} size="sm">
              {partnership}
            </Anchor>
          ) : null}
          {task.meetingId ? (
            <Anchor href={routeHash('meetings', task.meetingId)} size="xs" aria-label={t('tasks.meeting', { title: task.meetingTitle ?? '' })}>
              <IconCalendarEvent size={13} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
              {task.meetingTitle}
            </Anchor>
          ) : null}
          {!task.partnershipId && !task.meetingId ? (
            <Text size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td w={44}>
        <Tooltip label={t('tasks.remove', { title: task.title })} openDelay={400} withinPortal>
          <ActionIcon variant="subtle" color="red" aria-label={t('tasks.remove', { title: task.title })} onClick={() => onDelete(false)}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

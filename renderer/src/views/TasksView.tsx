import { useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Switch, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ExportMenu } from '../components/ExportMenu';
import { useApi, useApiComposed, useApiPages } from '../useApi';
import { showDone, showError } from '../notify';
import { deleteWithUndo } from '../undo';
import { navigate, routeHash, useRoute } from '../route';
import type { Task, TaskView } from '@db/tasks';
import { localDay } from '@common/calendar';
import { storedTaskFilters, storeTaskFilters, TASK_VIEW_LIST, type TaskFilters } from '../lib/task-state';
import { isClosed, TaskRow } from './task/TaskRow';
import { focusPageHeading } from '../components/Dialog';
import { TaskDialog } from './task/TaskDialog';
import { PartnershipPicker, useKnownPartnerships } from '../components/pickers';
import { VirtualTable, type Column } from '../components/VirtualTable';

export function TasksView() {
  const { t } = useTranslation();
  const route = useRoute();
  const [filters, setFilters] = useState<TaskFilters>(storedTaskFilters);
  const [today] = useState(localDay);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const focusRow = useRef<((index: number) => void) | null>(null);
  const focusAfterLoad = useRef<number | null>(null);
  const set = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  useEffect(() => storeTaskFilters(filters), [filters]);

  const listInput = {
    view: filters.view,
    today,
    ...(filters.partnershipId ? { partnershipId: filters.partnershipId } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    includeClosed: filters.view === 'all' && filters.showDone,
  };
  const { rows: tasks, total, loading, loadMore } = useApiPages('tasks.list', listInput);
  // The tabs' counts: the total of a one-row page of each view.
  const { data: counts } = useApiComposed('tasks.list', { today, limit: 1 }, async () => {
    const [mine, overdue, week] = await Promise.all((['mine', 'overdue', 'week'] as const).map((view) => api['tasks.list']({ view, today, limit: 1 })));
    return { mine: mine!.total, overdue: overdue!.total, week: week!.total };
  });
  const { data: settings } = useApi('settings.get');
  const { data: assignees } = useApi('tasks.assignees');

  const partnershipNames = useKnownPartnerships([filters.partnershipId]);
  const assigneeOptions = useMemo(() => {
    const names = [...(assignees ?? [])];
    if (filters.assignee && !names.includes(filters.assignee)) names.push(filters.assignee);
    return names;
  }, [assignees, filters.assignee]);

  // #/tasks/<id> (from the dashboard) opens that task.
  const routeId = route.view === 'tasks' ? route.id : null;
  useEffect(() => {
    if (!routeId) return;
    let cancelled = false;
    api['tasks.get']({ id: routeId }).then(
      (task) => {
        if (!cancelled && !task.deletedAt) setEditing(task);
      },
      (error: unknown) => showError(error, 'load'),
    );
    return () => {
      cancelled = true;
    };
  }, [routeId]);

  // After completing or deleting a row the focus stays in the list: on the same place (the next row), or the last row.
  useEffect(() => {
    if (focusAfterLoad.current === null || loading) return;
    const index = Math.min(focusAfterLoad.current, tasks.length - 1);
    focusAfterLoad.current = null;
    if (index >= 0) focusRow.current?.(index);
    // The list is empty now: the page's heading, not <body>.
    else if (document.activeElement === document.body) focusPageHeading();
  }, [tasks, loading]);

  useHotkeys([['mod+N', () => setEditing((current) => current ?? 'new')]], []);

  const closeDialog = () => {
    setEditing(null);
    if (routeId) location.replace(routeHash('tasks'));
  };

  const toggle = async (task: Task, index: number | null) => {
    const reopening = isClosed(task);
    try {
      if (reopening) await api['tasks.reopen']({ id: task.id });
      else await api['tasks.complete']({ id: task.id });
    } catch (error) {
      showError(error);
      return;
    }
    // The list reads again by itself (api/cache.ts); the focus goes back once it has.
    focusAfterLoad.current = index;
    const id = `task-toggle-${task.id}-${Date.now()}`;
    notifications.show({
      id,
      color: 'green',
      autoClose: 5000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{reopening ? t('tasks.reopened', { title: task.title }) : t('tasks.completed', { title: task.title })}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              const undo = reopening ? api['tasks.complete']({ id: task.id }) : api['tasks.reopen']({ id: task.id });
              undo.then(
                () => showDone(t('common.restored')),
                (error: unknown) => showError(error),
              );
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
  };

  const remove = (task: Task, index: number | null) => {
    setEditing(null);
    focusAfterLoad.current = index;
    void deleteWithUndo({
      label: task.title,
      remove: () => api['tasks.delete']({ id: task.id }),
      restore: () => api['tasks.restore']({ id: task.id }),
    });
  };

  const move = (index: number, step: -1 | 1 | 'first' | 'last') => {
    const last = tasks.length - 1;
    const target = step === 'first' ? 0 : step === 'last' ? last : Math.max(0, Math.min(last, index + step));
    focusRow.current?.(target);
  };

  // The header and widths of the columns; each row draws its own cells (TaskRow).
  const columns: Column<Task>[] = [
    { key: 'done', width: '44px', header: <VisuallyHidden>{t('tasks.columns.done')}</VisuallyHidden>, cell: () => null },
    { key: 'title', width: 'auto', header: t('tasks.columns.title'), cell: () => null },
    { key: 'due', width: '124px', header: t('tasks.columns.due'), cell: () => null },
    { key: 'assignee', width: '120px', header: t('tasks.columns.assignee'), cell: () => null },
    { key: 'related', width: '28%', header: t('tasks.columns.related'), cell: () => null },
    { key: 'actions', width: '44px', header: <VisuallyHidden>{t('tasks.columns.actions')}</VisuallyHidden>, cell: () => null },
  ];

  const filtered = !!filters.partnershipId || !!filters.assignee;

  const emptyMessage = () => {
    if (filters.view === 'mine' && settings && !settings.userName) {
      return (
        <Stack gap="xs" align="flex-start" data-testid="tasks-empty">
          <Text>{t('tasks.empty.noUserName')}</Text>
          <Anchor
            href={routeHash('settings')}
            onClick={(e) => {
              e.preventDefault();
              navigate('settings');
            }}
          >
            <IconSettings size={16} aria-hidden style={{ verticalAlign: '-3px', marginRight: 6 }} />
            {t('tasks.empty.setName')}
          </Anchor>
        </Stack>
      );
    }
    let message: string;
    if (filtered) message = t('tasks.empty.filtered');
    else if (filters.view === 'mine') message = t('tasks.empty.mine', { name: settings?.userName ?? '' });
    else if (filters.view === 'all') message = filters.showDone ? t('tasks.empty.all') : t('tasks.empty.allOpen');
    else message = t(`tasks.empty.${filters.view}`);
    return (
      <Text c="dimmed" data-testid="tasks-empty">
        {message}
      </Text>
    );
  };

  const list = (
    <Stack gap="sm" pt="sm">
      <Group gap="xs" align="flex-end" role="search" aria-label={t('tasks.filters.label')} wrap="wrap">
        <PartnershipPicker
          label={t('tasks.filters.partnership')}
          placeholder={t('tasks.filters.allPartnerships')}
          clearable
          value={filters.partnershipId}
          known={partnershipNames.known}
          onChange={(id, row) => {
            if (row) partnershipNames.remember([row]);
            set('partnershipId', id);
          }}
          style={{ width: 280 }}
        />
        <Select
          label={t('tasks.filters.assignee')}
          placeholder={t('tasks.filters.allAssignees')}
          clearable
          searchable
          value={filters.assignee}
          onChange={(v) => set('assignee', v)}
          data={assigneeOptions}
          w={200}
        />
        {filters.view === 'all' ? (
          <Switch label={t('tasks.filters.showDone')} checked={filters.showDone} onChange={(e) => set('showDone', e.currentTarget.checked)} mb={8} />
        ) : null}
        {total ? (
          <Text size="sm" c="dimmed" ml="auto" mb={8} aria-live="polite">
            {t('tasks.shown', { count: total })}
          </Text>
        ) : null}
      </Group>
      {total === 0 && !loading ? emptyMessage() : null}
      {total ? (
        <Text size="xs" c="dimmed">
          {t('tasks.keyboardHint')}
        </Text>
      ) : null}
      {total ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <VirtualTable
            // new filters show their first rows from the top
            key={`${filters.partnershipId}|${filters.assignee}|${filters.showDone}`}
            rows={tasks}
            total={total}
            columns={columns}
            rowKey={(task) => task.id}
            onOpen={setEditing}
            onEndReached={loadMore}
            ariaLabel={t(`tasks.views.${filters.view}`)}
            testId="tasks-table"
            estimateRowHeight={53}
            verticalSpacing="xs"
            focusRef={focusRow}
            renderRow={(task, index, props) => (
              <TaskRow
                task={task}
                today={today}
                rowProps={props}
                // By key or by its ✓ button, focus stays in the list: on this place, now the next row.
                onToggle={() => void toggle(task, index)}
                onEdit={() => setEditing(task)}
                onDelete={() => remove(task, index)}
                onMove={(step) => move(index, step)}
              />
            )}
          />
        </Paper>
      ) : null}
    </Stack>
  );

  const tabCount = (view: TaskView) => {
    if (view === 'all' || !counts || counts[view] === 0) return null;
    return (
      <Badge size="sm" variant={view === 'overdue' ? 'filled' : 'light'} color={view === 'overdue' ? 'red' : 'indigo'} circle={counts[view] < 10}>
        {counts[view]}
      </Badge>
    );
  };

  return (
    <Stack>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={1} size="h2">
          {t('tasks.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <ExportMenu view="tasks" filters={listInput} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} title="Ctrl+N">
            {t('tasks.new')}
          </Button>
        </Group>
      </Group>
      <Tabs value={filters.view} onChange={(v) => v && (TASK_VIEW_LIST as string[]).includes(v) && set('view', v as TaskView)}>
        <Tabs.List aria-label={t('tasks.views.label')}>
          {TASK_VIEW_LIST.map((view) => (
            <Tabs.Tab key={view} value={view} rightSection={tabCount(view)}>
              {t(`tasks.views.${view}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TASK_VIEW_LIST.map((view) => (
          <Tabs.Panel key={view} value={view}>
            {filters.view === view ? list : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      {editing ? (
        <TaskDialog
          task={editing === 'new' ? null : editing}
          defaults={{
            assignee: filters.assignee ?? (filters.view === 'mine' ? (settings?.userName ?? null) : null),
            partnershipId: filters.partnershipId,
          }}
          partnerships={partnershipNames.known}
          assignees={[...new Set([...(settings?.userName ? [settings.userName] : []), ...(assignees ?? [])])]}
          onClose={closeDialog}
          onSaved={closeDialog}
          onDelete={(task) => {
            if (routeId) location.replace(routeHash('tasks'));
            remove(task, null);
          }}
        />
      ) : null}
    </Stack>
  );
}

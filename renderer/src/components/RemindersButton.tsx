/**
 * The bell in the header: a badge with the number of reminders (tasks due today or overdue,
 * agreements up for renewal or review within 12 months, partnerships with no meeting for 180
 * days) and a popover listing them; each item opens its record. Read again after every write here that
 * changes its sources (api/cache.ts), and whenever the route changes (another window, the CLI may have
 * written); the desktop app opens it when its daily notification is clicked.
 */
import { useDesktopCommand } from '../desktop';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { formatNumber, formatPartialDate } from '../format';
import { routeHash, useRoute } from '../route';
import { localDay } from '@common/calendar';
import { localTitle, relativeDay } from '../lib/task-format';
import { showTaskView } from '../lib/task-state';
import { ItemLink } from './ItemLink';
import { whenReadsSettle } from '../lib/reads-settle';

export function RemindersButton() {
  const route = useRoute();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // A failure here is not worth an error box: the bell just keeps its last count.
  const { data: reminders, refetch } = useApi('reminders.list', { today: localDay() }, { keepPrevious: true, quiet: () => true });
  const shownAt = useRef(`${route.view}/${route.id ?? ''}`);
  useEffect(() => {
    const place = `${route.view}/${route.id ?? ''}`;
    if (place === shownAt.current) return;
    shownAt.current = place;
    // Once the new view has what it shows first: the bell's count is not what the person came for.
    return whenReadsSettle(refetch);
  }, [route.view, route.id, refetch]);
  const [opened, setOpened] = useState(false);

  useDesktopCommand((command) => {
    if (command === 'open-reminders') setOpened(true);
  });

  const count = reminders?.count ?? 0;
  const close = () => setOpened(false);
  const partnershipLink = (id: string, title: string, secondary: string, aside?: ReactNode) => (
    <ItemLink href={routeHash('partnerships', id)} onClick={close} primary={title} secondary={secondary} aside={aside} />
  );
  const dashboardLink = (
    <Anchor href={routeHash('dashboard')} size="xs" onClick={close}>
      {t('timeline.reminders.openDashboard')}
    </Anchor>
  );
  const when = (day: string) => (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {relativeDay(day, reminders?.today ?? localDay())}
    </Text>
  );

  return (
    // The indicator wraps the popover, not the other way round: the popover's target gets
    // aria-expanded, which is allowed on the button and not on the indicator's <div>.
    <Indicator label={count > 99 ? '99+' : formatNumber(count)} size={18} color="red" offset={4} disabled={count === 0} data-testid="reminders-badge">
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withArrow trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('timeline.reminders.button', { count })}
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-labelledby="reminders-title" data-testid="reminders">
          <Group justify="space-between" px="md" pt="sm" pb={6}>
            <Title order={2} size="h5" id="reminders-title">
              {t('timeline.reminders.title')}
            </Title>
            {reminders ? (
              <Text size="xs" c="dimmed">
                {t('timeline.reminders.today', { date: formatPartialDate(reminders.today) })}
              </Text>
            ) : null}
          </Group>
          <Divider />
          <ScrollArea.Autosize mah="min(70vh, 560px)" type="auto">
            <Stack gap="sm" px="md" py="sm">
              {!reminders ? (
                <Text size="sm" c="dimmed">
                  {t('common.loading')}
                </Text>
              ) : count === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('timeline.reminders.nothing')}
                </Text>
              ) : (
                <>
                  <ReminderGroup
                    title={t('timeline.reminders.tasksDue')}
                    items={reminders.tasksDue}
                    total={reminders.totals.tasksDue}
                    testId="reminders-tasks"
                    color="red"
                    more={
                      <Anchor
                        href={routeHash('tasks')}
                        size="xs"
                        onClick={() => {
                          showTaskView('overdue');
                          close();
                        }}
                      >
                        {t('timeline.reminders.openTasks')}
                      </Anchor>
                    }
                    render={(task) => (
                      <ItemLink
                        href={routeHash('tasks', task.id)}
                        onClick={close}
                        primary={task.title}
                        secondary={[
                          task.dueOn ? t('timeline.reminders.due', { date: formatPartialDate(task.dueOn) }) : null,
                          task.assignee,
                          task.partnershipId
                            ? localTitle({ title: task.partnershipTitle, titleZh: task.partnershipTitleZh, titleEn: task.partnershipTitleEn }, lang)
                            : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                        aside={task.dueOn ? when(task.dueOn) : null}
                      />
                    )}
                  />
                  <ReminderGroup
                    title={t('timeline.reminders.renewals')}
                    items={reminders.renewals}
                    total={reminders.totals.renewals}
                    testId="reminders-renewals"
                    color="orange"
                    more={dashboardLink}
                    render={(r) =>
                      partnershipLink(
                        r.partnershipId,
                        localTitle(r, lang),
                        t(r.what === 'review' ? 'timeline.reminders.review' : 'timeline.reminders.termEnd', { date: formatPartialDate(r.date) }),
                        when(r.date),
                      )
                    }
                  />
                  <ReminderGroup
                    title={t('timeline.reminders.quiet')}
                    items={reminders.quiet}
                    total={reminders.totals.quiet}
                    testId="reminders-quiet"
                    color="yellow"
                    more={dashboardLink}
                    render={(p) =>
                      partnershipLink(
                        p.id,
                        localTitle(p, lang),
                        p.lastMeeting ? t('timeline.reminders.lastMeeting', { date: formatPartialDate(p.lastMeeting) }) : t('timeline.reminders.never'),
                      )
                    }
                  />
                </>
              )}
            </Stack>
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

/** Items of a group shown before "show all": the three groups fit the popover without scrolling. */
const FIRST = 4;

/** One group of the list: a heading with its count, the first items (all on request), and a way to the rest the contract left out. */
function ReminderGroup<T>({
  title,
  items,
  total,
  render,
  color,
  more,
  testId,
}: {
  title: string;
  items: T[];
  total: number;
  render: (item: T) => ReactNode;
  color: string;
  more: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, FIRST);
  return (
    <section aria-label={title} data-testid={testId}>
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={2}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Badge size="sm" variant={total > 0 ? 'filled' : 'light'} color={total > 0 ? color : 'gray'} style={{ flexShrink: 0 }}>
          {formatNumber(total)}
        </Badge>
      </Group>
      {total === 0 ? (
        <Text size="xs" c="dimmed">
          {t('timeline.reminders.none')}
        </Text>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((item, index) => (
            <li key={index}>{render(item)}</li>
          ))}
        </Stack>
      )}
      {items.length > FIRST || total > items.length ? (
        <Group justify="space-between" mt={2} gap="xs">
          {items.length > FIRST ? (
            <Button variant="subtle" size="compact-xs" onClick={() => setExpanded((v) => !v)} aria-expanded={expanded}>
              {expanded ? t('timeline.reminders.fewer') : t('timeline.reminders.all', { count: items.length })}
            </Button>
          ) : (
            <span />
          )}
          {total > items.length ? (
            <Text size="xs" c="dimmed">
              {t('timeline.reminders.more', { count: total - items.length })} · {more}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </section>
  );
}

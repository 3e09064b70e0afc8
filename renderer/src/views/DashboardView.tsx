import { useState } from 'react';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { formatPartialDate } from '../format';
import { routeHash } from '../route';
import type { DashboardMeeting, DashboardMilestone, DashboardRenewal, QuietPartnership } from '@db/dashboard';
import type { Task } from '@db/tasks';
import { localDay } from '@common/calendar';
import { localTitle, relativeDay } from '../lib/task-format';
import { showTaskView } from '../lib/task-state';
import { DashboardCard } from './dashboard/DashboardCard';
import { ItemLink } from '../components/ItemLink';
import { StatusCard } from './dashboard/StatusCard';

const QUIET_STATUS_COLORS: Record<QuietPartnership['status'], string> = {
  prospect: 'gray',
  negotiating: 'yellow',
  active: 'green',
  dormant: 'orange',
  concluded: 'blue',
};

/** The head of division's weekly look: what is overdue, what is coming, what has gone quiet. Every item opens its record. */
export function DashboardView() {
  const { t, i18n } = useTranslation();
  const [today] = useState(localDay);
  const { data } = useApi('dashboard.get', { today });
  const lang = i18n.language;
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
  const when = (day: string) => (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {relativeDay(day, today)}
    </Text>
  );

  return (
    <Stack>
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {t('tasks.dashboard.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('tasks.dashboard.today', { date: formatPartialDate(today) })}
        </Text>
      </Group>
      {!data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md" style={{ alignItems: 'start' }}>
          <StatusCard byStatus={data.byStatus} />

          <DashboardCard<Task>
            testId="dashboard-overdue"
            title={t('tasks.dashboard.overdue')}
            items={data.overdueTasks}
            total={data.totals.overdueTasks}
            countColor="red"
            empty={t('tasks.dashboard.overdueEmpty')}
            render={(task) => (
              <ItemLink
                href={routeHash('tasks', task.id)}
                onClick={() => showTaskView('overdue')}
                primary={task.title}
                secondary={join(
                  task.dueOn ? formatPartialDate(task.dueOn) : null,
                  task.assignee,
                  task.partnershipId
                    ? localTitle({ title: task.partnershipTitle, titleZh: task.partnershipTitleZh, titleEn: task.partnershipTitleEn }, lang)
                    : null,
                )}
                aside={task.dueOn ? when(task.dueOn) : null}
              />
            )}
            footer={
              data.overdueTasks.length > 0 ? (
                <Anchor href={routeHash('tasks')} size="sm" onClick={() => showTaskView('overdue')}>
                  {t('tasks.dashboard.openOverdue')}
                </Anchor>
              ) : null
            }
          />

          <DashboardCard<DashboardMilestone>
            testId="dashboard-milestones"
            title={t('tasks.dashboard.milestones')}
            items={data.upcomingMilestones}
            total={data.totals.upcomingMilestones}
            empty={t('tasks.dashboard.milestonesEmpty')}
            render={(m) => (
              <ItemLink
                href={routeHash('partnerships', m.partnershipId)}
                primary={m.title}
                secondary={join(
                  formatPartialDate(m.date),
                  t(`tasks.dashboard.milestoneKind.${m.kind}`, { defaultValue: m.kind }),
                  localTitle({ title: m.partnershipTitle, titleZh: m.partnershipTitleZh, titleEn: m.partnershipTitleEn }, lang),
                )}
                aside={when(m.date)}
              />
            )}
          />

          <DashboardCard<DashboardRenewal>
            testId="dashboard-renewals"
            title={t('tasks.dashboard.renewals')}
            items={data.renewals}
            empty={t('tasks.dashboard.renewalsEmpty')}
            render={(r) => (
              <ItemLink
                href={routeHash('partnerships', r.partnershipId)}
                primary={localTitle(r, lang)}
                secondary={join(t(r.what === 'review' ? 'tasks.dashboard.review' : 'tasks.dashboard.termEnd'), formatPartialDate(r.date))}
                aside={when(r.date)}
              />
            )}
          />

          <DashboardCard<DashboardMeeting>
            testId="dashboard-meetings"
            title={t('tasks.dashboard.meetings')}
            items={data.recentMeetings}
            total={data.totals.recentMeetings}
            empty={t('tasks.dashboard.meetingsEmpty')}
            render={(m) => (
              <ItemLink
                href={routeHash('meetings', m.id)}
                primary={m.title}
                secondary={join(formatPartialDate(m.date), t(`tasks.dashboard.meetingKind.${m.kind}`, { defaultValue: m.kind }))}
                aside={when(m.date)}
              />
            )}
          />

          <DashboardCard<QuietPartnership>
            testId="dashboard-quiet"
            title={t('tasks.dashboard.quiet')}
            hint={t('tasks.dashboard.quietHint')}
            items={data.quietPartnerships}
            total={data.totals.quietPartnerships}
            countColor="orange"
            empty={t('tasks.dashboard.quietEmpty')}
            render={(p) => (
              <ItemLink
                href={routeHash('partnerships', p.id)}
                primary={localTitle(p, lang)}
                secondary={p.lastMeeting ? t('tasks.dashboard.lastMeeting', { date: formatPartialDate(p.lastMeeting) }) : t('tasks.dashboard.never')}
                aside={
                  <Badge size="xs" variant="light" color={QUIET_STATUS_COLORS[p.status]} tt="none">
                    {t(`status.${p.status}`)}
                  </Badge>
                }
              />
            )}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { routeHash } from '../../route';
import type { PartnershipStatus } from '@db/partnerships';
import classes from './dashboard.module.css';

/** Record<Union, …> keeps the list complete: a status added to the contract fails the typecheck here. */
const STATUS_COLORS: Record<PartnershipStatus, string> = {
  prospect: 'gray',
  negotiating: 'yellow',
  active: 'green',
  dormant: 'orange',
  concluded: 'blue',
};
const STATUSES = Object.keys(STATUS_COLORS) as PartnershipStatus[];

/** Partnerships by status: a count per status and a bar of plain divs showing the shares. */
export function StatusCard({ byStatus }: { byStatus: Record<PartnershipStatus, number> }) {
  const { t } = useTranslation();
  const total = STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="dashboard-status" data-testid="dashboard-status">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={2} size="h5" id="dashboard-status">
            {t('tasks.dashboard.byStatus')}
          </Title>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {formatNumber(total)}
          </Badge>
        </Group>
        {total > 0 ? (
          <div className={classes.bar} aria-hidden title={t('tasks.dashboard.statusBar')}>
            {STATUSES.filter((s) => byStatus[s] > 0).map((s) => (
              <div
                key={s}
                className={classes.segment}
                title={`${t(`status.${s}`)}: ${formatNumber(byStatus[s])}`}
                style={{ width: `${(100 * byStatus[s]) / total}%`, background: `var(--mantine-color-${STATUS_COLORS[s]}-6)` }}
              />
            ))}
          </div>
        ) : null}
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {STATUSES.map((s) => (
            <Group key={s} component="li" justify="space-between" wrap="nowrap" data-status={s}>
              <Badge color={STATUS_COLORS[s]} variant={byStatus[s] > 0 ? 'light' : 'outline'} tt="none">
                {t(`status.${s}`)}
              </Badge>
              <Text size="sm" fw={byStatus[s] > 0 ? 600 : 400} c={byStatus[s] > 0 ? undefined : 'dimmed'}>
                {formatNumber(byStatus[s])}
              </Text>
            </Group>
          ))}
        </Stack>
        <Anchor href={routeHash('partnerships')} size="sm">
          {t('tasks.dashboard.openList')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const FIRST = 8;

/** One card of the dashboard: a title with a count, its items (the first few, then "show all"), or what it means when empty. */
export function DashboardCard<T>({
  title,
  hint,
  items,
  empty,
  render,
  countColor = 'gray',
  footer,
  testId,
  total = items.length,
}: {
  title: string;
  hint?: string;
  items: T[];
  /** How many there are when `items` is only the first of them. */
  total?: number;
  empty: string;
  render: (item: T) => ReactNode;
  countColor?: string;
  footer?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST);
  const headingId = `dashboard-${testId}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={2} size="h5" id={headingId}>
            {title}
          </Title>
          {items.length > 0 ? (
            <Badge variant={countColor === 'gray' ? 'light' : 'filled'} color={countColor} style={{ flexShrink: 0 }}>
              {total.toLocaleString()}
            </Badge>
          ) : null}
        </Group>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {shown.map((item, index) => (
              <li key={index}>{render(item)}</li>
            ))}
          </Stack>
        )}
        {items.length > FIRST || footer ? (
          <Group justify="space-between" gap="xs">
            {items.length > FIRST ? (
              <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)} aria-expanded={all}>
                {all
                  ? t('tasks.dashboard.showFewer')
                  : total > items.length
                    ? t('tasks.dashboard.showFirst', { count: items.length, total: total.toLocaleString() })
                    : t('tasks.dashboard.showAll', { count: items.length })}
              </Button>
            ) : (
              <span />
            )}
            {footer}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Pieces the meeting form's sections share: a titled section, and column names over rows of fields. */
import type { ReactNode } from 'react';
import { Grid, Paper, Text, Title } from '@mantine/core';

/** Column names over a list of rows; each field also carries its own label for assistive technology. */
export function ColumnHeads({ columns }: { columns: readonly (readonly [number, string])[] }) {
  return (
    <Grid columns={24} gutter={6} aria-hidden mb={-4}>
      {columns.map(([span, label]) => (
        <Grid.Col key={label} span={span} py={0}>
          <Text size="xs" fw={500} c="dimmed" truncate>
            {label}
          </Text>
        </Grid.Col>
      ))}
    </Grid>
  );
}

export function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      {title ? (
        <Title order={2} size="h5" mb="sm">
          {title}
        </Title>
      ) : null}
      {children}
    </Paper>
  );
}

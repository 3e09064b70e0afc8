import type { ReactNode } from 'react';
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate, routeHash, type View } from '../route';

/** "← All partnerships": back to the list a record page belongs to. */
export function BackLink({ view, label }: { view: View; label: string }) {
  return (
    <Anchor
      href={routeHash(view)}
      size="sm"
      onClick={(e) => {
        e.preventDefault();
        navigate(view);
      }}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
    >
      <IconArrowLeft size={14} aria-hidden />
      {label}
    </Anchor>
  );
}

/** A record page before its record is there: loading (`missing` unset), or a record that does not exist. */
export function PageState({ back, missing }: { back: ReactNode; missing?: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      {back}
      {missing ? <Alert color="orange">{missing}</Alert> : <Text c="dimmed">{t('common.loading')}</Text>}
    </Stack>
  );
}

/** One titled block of a record page (a landmark named by its title). */
export function PageSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId} style={{ minWidth: 0 }}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { View } from '../route';

export function PlaceholderView({ view }: { view: View }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t(`nav.${view}`)}
      </Title>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="xs">
          <Badge variant="light" color="gray" w="fit-content">
            {t('empty.comingSoon')}
          </Badge>
          <Text>{t(`empty.${view}`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

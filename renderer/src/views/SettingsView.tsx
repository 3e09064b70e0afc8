import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../db/info';
import { formatNumber } from '../format';

export function SettingsView({ info }: { info: AppInfo | undefined; onChange?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={2}>{t('nav.settings')}</Title>
      <Text c="dimmed">{t('empty.settings')}</Text>
      {info ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="sm">
            {t('settings.about')}
          </Title>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('settings.version')}</Table.Th>
                <Table.Td>{info.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.database')}</Table.Th>
                <Table.Td>
                  <Code>{info.databasePath}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.schema')}</Table.Th>
                <Table.Td>{info.schemaVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.records')}</Table.Th>
                <Table.Td>
                  {t('nav.partnerships')} {formatNumber(info.counts.partnerships)} · {t('nav.organizations')}{' '}
                  {formatNumber(info.counts.organizations)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}

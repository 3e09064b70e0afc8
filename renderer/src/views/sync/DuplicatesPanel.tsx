import { useState } from 'react';
import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone, showError } from '../../notify';
import type { DuplicateView } from '@db/sync/review';
import { formatInstant } from './syncFormat';

type Decision = NonNullable<DuplicateView['decision']>;

/** Imported organizations that look like local ones: a person decides, nothing is merged silently. */
export function DuplicatesPanel({ duplicates }: { duplicates: DuplicateView[] | undefined }) {
  const { t } = useTranslation();
  const [working, setWorking] = useState<string | null>(null);

  const decide = async (duplicate: DuplicateView, decision: Decision) => {
    setWorking(duplicate.id);
    try {
      await api['duplicates.decide']({ id: duplicate.id, decision });
      showDone(decision === 'linked' ? t('sync.duplicates.linkedDone') : t('sync.duplicates.keptApartDone'));
    } catch (error) {
      showError(error);
    } finally {
      setWorking(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('sync.duplicates.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.duplicates.description')}
        </Text>
        {duplicates && duplicates.length === 0 ? <Text>{t('sync.duplicates.empty')}</Text> : null}
        {duplicates && duplicates.length > 0 ? (
          <Table layout="fixed" verticalSpacing="xs" aria-label={t('sync.duplicates.heading')} data-testid="duplicates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.duplicates.columns.local')}</Table.Th>
                <Table.Th>{t('sync.duplicates.columns.imported')}</Table.Th>
                <Table.Th w="18%">{t('sync.duplicates.columns.detected')}</Table.Th>
                <Table.Th w={220}>{t('sync.duplicates.columns.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duplicates.map((d) => {
                const local = d.localName ?? d.localId;
                const imported = d.importedName ?? d.importedId;
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{local}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{imported}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatInstant(d.detectedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {d.decision ? (
                        <Badge tt="none" size="sm" variant="light" color={d.decision === 'linked' ? 'teal' : 'gray'}>
                          {d.decision === 'linked' ? t('sync.duplicates.linked') : t('sync.duplicates.keptApart')}
                        </Badge>
                      ) : (
                        <Stack gap={6} align="flex-start">
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="teal"
                            leftSection={<IconLink size={14} aria-hidden />}
                            disabled={working !== null}
                            loading={working === d.id}
                            aria-label={t('sync.duplicates.linkLabel', { local, imported })}
                            onClick={() => void decide(d, 'linked')}
                          >
                            {t('sync.duplicates.link')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            leftSection={<IconLinkOff size={14} aria-hidden />}
                            disabled={working !== null}
                            aria-label={t('sync.duplicates.keepApartLabel', { local, imported })}
                            onClick={() => void decide(d, 'kept_apart')}
                          >
                            {t('sync.duplicates.keepApart')}
                          </Button>
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconFileExport, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { showDone } from '../../notify';
import { formatNumber } from '../../format';
import type { ExportResult } from '../../../../db/sync/files';
import { errorText, formatBytes, MIN_PASSPHRASE, suggestedExportPath } from './syncFormat';

interface FieldErrors {
  path?: string;
  passphrase?: string;
  confirm?: string;
}

/** Write this database to a file for another office, optionally encrypted. */
export function ExportPanel({ databasePath, onExported }: { databasePath: string | undefined; onExported: () => void }) {
  const { t } = useTranslation();
  // null until the person types: until then the suggestion (database folder + dated name) is the value.
  const [typedPath, setTypedPath] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const path = typedPath ?? (databasePath ? suggestedExportPath(databasePath) : '');

  const validate = (): boolean => {
    const next: FieldErrors = {};
    if (!path.trim()) next.path = t('sync.export.pathRequired');
    if (passphrase && passphrase.length < MIN_PASSPHRASE) next.passphrase = t('sync.export.tooShort');
    if ((passphrase || confirm) && passphrase !== confirm) next.confirm = t('sync.export.mismatch');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const run = async () => {
    if (!validate()) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const written = await api['sync.export']({ path: path.trim(), ...(passphrase ? { passphrase } : {}) });
      setResult(written);
      showDone(t('sync.export.done'));
      onExported();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const records = result ? Object.values(result.counts).reduce((sum, n) => sum + n, 0) : 0;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <form
          aria-label={t('sync.export.heading')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('sync.export.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sync.export.description')}
            </Text>
            <TextInput
              label={t('sync.export.path')}
              description={t('sync.export.pathHint')}
              value={path}
              onChange={(e) => setTypedPath(e.currentTarget.value)}
              error={errors.path}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <SimpleGrid cols={2}>
              <PasswordInput
                label={t('sync.export.passphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={errors.passphrase}
                autoComplete="new-password"
              />
              <PasswordInput
                label={t('sync.export.passphraseConfirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={errors.confirm}
                disabled={!passphrase && !confirm}
                autoComplete="new-password"
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('sync.export.passphraseHint')}
            </Text>
            <Group>
              <Button type="submit" loading={busy} leftSection={<IconFileExport size={16} aria-hidden />}>
                {t('sync.export.submit')}
              </Button>
              {busy ? (
                <Text size="sm" c="dimmed" role="status">
                  {t('sync.export.busy')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Paper>
      {failure ? (
        <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} title={t('common.errorTitle')} role="alert">
          {errorText(failure)}
        </Alert>
      ) : null}
      {result ? (
        <Paper withBorder p="md" radius="md" data-testid="export-result">
          <Title order={3} size="h5" mb="xs">
            {t('sync.export.resultTitle')}
          </Title>
          <Table layout="fixed" verticalSpacing={6}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('sync.export.resultPath')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Code>{result.path}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.export.resultSize')}</Table.Th>
                <Table.Td>{formatBytes(result.bytes)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.export.resultRecords')}</Table.Th>
                <Table.Td>{formatNumber(records)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.export.resultProtection')}</Table.Th>
                <Table.Td>
                  {result.encrypted ? (
                    <Badge tt="none" color="teal" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
                      {t('sync.export.encrypted')}
                    </Badge>
                  ) : (
                    <Badge tt="none" color="gray" variant="light" leftSection={<IconLockOpen size={12} aria-hidden />}>
                      {t('sync.export.plain')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}

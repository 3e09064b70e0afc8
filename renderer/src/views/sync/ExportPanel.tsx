import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, PasswordInput, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileExport, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, isDesktop } from '../../api';
import { chooseExportTarget, deliverExport } from '../../files';
import { waitForJob } from '../../lib/jobs';
import { defaultExportName } from '@common/files';
import { showDone } from '../../notify';
import { formatNumber } from '../../format';
import type { OperationOutput } from '@db/api';
import { errorText, formatBytes, MIN_PASSPHRASE } from './syncFormat';

interface FieldErrors {
  passphrase?: string;
  confirm?: string;
}

/**
 * Write this database to a file for another office, optionally encrypted. Where it goes the person chooses: the save
 * dialog in the desktop app; in the browser, a download.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<OperationOutput<'sync.export'> | null>(null);
  // The export job under way: its steps (snapshot, sealing, writing) and the means to cancel it.
  const [job, setJob] = useState<{ id: string; step: number } | null>(null);

  const validate = (): boolean => {
    const next: FieldErrors = {};
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
      const target = await chooseExportTarget(defaultExportName(new Date()));
      if (!target) return;
      const started = await api['sync.exportStart']({ file: target.file, ...(passphrase ? { passphrase } : {}) });
      setJob({ id: started.id, step: 0 });
      const written = (await waitForJob(started, (step) => setJob({ id: started.id, step }))) as OperationOutput<'sync.export'>;
      deliverExport(target);
      setResult(written);
      showDone(t('sync.export.done'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setJob(null);
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
            <Title order={2} size="h4">
              {t('sync.export.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sync.export.description')}
            </Text>
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
                {t(isDesktop ? 'sync.export.submitDesktop' : 'sync.export.submitBrowser')}
              </Button>
              {busy ? (
                <Text size="sm" c="dimmed" role="status">
                  {t('sync.export.busy')}
                </Text>
              ) : null}
              {job ? (
                <>
                  <Progress aria-label={t('sync.export.busy')} value={(100 * job.step) / 3} w={160} data-testid="export-progress" />
                  <Button size="xs" variant="default" onClick={() => void api['jobs.cancel']({ id: job.id })}>
                    {t('sync.cancelJob')}
                  </Button>
                </>
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
          <Title order={2} size="h5" mb="xs">
            {t('sync.export.resultTitle')}
          </Title>
          <Table layout="fixed" verticalSpacing={6}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('sync.export.resultPath')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {/* The desktop shows where the chosen file is; the browser, the name it downloaded. */}
                  <Code>{isDesktop ? result.path : result.name}</Code>
                  {isDesktop ? null : (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('sync.export.downloaded')}
                    </Text>
                  )}
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

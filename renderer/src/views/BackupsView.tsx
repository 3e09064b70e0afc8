import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Progress, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { AppModal } from '../components/Dialog';
import { IconDatabaseExport, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { waitForJob } from '../lib/jobs';
import { useApi } from '../useApi';
import { showDone, showError } from '../notify';
import { formatDateTime } from '../lib/task-format';
import { formatSize } from '../format';
import type { BackupInfo, BackupReason } from '@db/backups';

const REASON_COLORS: Record<BackupReason, string> = {
  daily: 'blue',
  migration: 'orange',
  merge: 'grape',
  import: 'cyan',
  'before-restore': 'red',
  manual: 'teal',
};

/** Every backup of the open database, newest first: back up now, restore or delete after a confirmation, how many to keep. */
export function BackupsView() {
  const { t } = useTranslation();
  const { data, loading } = useApi('backups.list');
  const settings = useApi('settings.get');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [deleting, setDeleting] = useState<BackupInfo | null>(null);

  const backUp = async () => {
    setBusy(true);
    try {
      const made = await api['backups.create']();
      showDone(t('backups.made', { name: made.name }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  // The restore under way (a job of the core): the pages copied so far; Cancel works until the copy begins.
  const [restoring, setRestoring] = useState<{ id: string; done: number; total: number } | null>(null);
  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    try {
      const job = await api['backups.restoreStart']({ name: backup.name });
      setRestoring({ id: job.id, done: 0, total: 0 });
      await waitForJob(job, (done, total) => setRestoring({ id: job.id, done, total }));
      setConfirming(null);
      showDone(t('backups.restored', { time: formatDateTime(backup.time) }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  const remove = async (backup: BackupInfo) => {
    setBusy(true);
    try {
      await api['backups.delete']({ name: backup.name });
      setDeleting(null);
      showDone(t('backups.deleted', { time: formatDateTime(backup.time) }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const saveKeep = async (value: number | string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 365) return;
    try {
      await api['settings.update']({ keepBackups: n });
      showDone(t('backups.keepSaved', { count: n }));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} maw={720}>
          <Title order={1} size="h2">
            {t('backups.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('backups.intro')}
          </Text>
        </Stack>
        <Group align="flex-end" gap="sm">
          {settings.data ? (
            <NumberInput
              label={t('backups.keep')}
              defaultValue={settings.data.keepBackups}
              min={1}
              max={365}
              w={190}
              onBlur={(e) => void saveKeep(e.currentTarget.value)}
              data-testid="keep-backups"
            />
          ) : null}
          <Button leftSection={<IconDatabaseExport size={16} aria-hidden />} loading={busy && !confirming && !deleting} onClick={() => void backUp()}>
            {t('backups.backUpNow')}
          </Button>
        </Group>
      </Group>
      {data && data.length === 0 && !loading ? <Text c="dimmed">{t('backups.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('backups.title')} data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('backups.columns.time')}</Table.Th>
                <Table.Th w={140}>{t('backups.columns.reason')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('backups.columns.size')}
                </Table.Th>
                <Table.Th>{t('backups.columns.name')}</Table.Th>
                <Table.Th w={150}>
                  <VisuallyHidden>{t('backups.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((backup) => (
                <Table.Tr key={backup.name} data-testid="backup-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(backup.time)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={REASON_COLORS[backup.reason]} tt="none">
                      {t(`backups.reasons.${backup.reason}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatSize(backup.size)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {backup.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconRestore size={14} aria-hidden />}
                        aria-label={t('backups.restoreLabel', { time: formatDateTime(backup.time) })}
                        onClick={() => setConfirming(backup)}
                      >
                        {t('backups.restore')}
                      </Button>
                      <Tooltip label={t('backups.delete')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('backups.deleteLabel', { time: formatDateTime(backup.time) })}
                          onClick={() => setDeleting(backup)}
                          data-testid="delete-backup"
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <AppModal opened={!!confirming} onClose={() => setConfirming(null)} title={t('backups.confirmTitle')} centered>
        {confirming ? (
          <Stack>
            <Text size="sm">{t('backups.confirmBody', { time: formatDateTime(confirming.time) })}</Text>
            {restoring ? (
              <Stack gap={4}>
                <Progress
                  aria-label={t('backups.restoring')}
                  value={restoring.total ? (100 * restoring.done) / restoring.total : 5}
                  animated={!restoring.total}
                  striped
                  data-testid="restore-progress"
                />
                <Text size="xs" c="dimmed" role="status">
                  {restoring.done > 0 ? t('backups.copying') : t('backups.restoring')}
                </Text>
              </Stack>
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="default"
                // While the restore runs, Cancel stops it, until the copy into the database has begun.
                disabled={!!restoring && restoring.done > 0}
                onClick={() => (restoring ? void api['jobs.cancel']({ id: restoring.id }) : setConfirming(null))}
              >
                {t('backups.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={() => void restore(confirming)} data-testid="confirm-restore">
                {t('backups.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </AppModal>
      <AppModal opened={!!deleting} onClose={() => setDeleting(null)} title={t('backups.deleteTitle')} centered>
        {deleting ? (
          <Stack>
            <Text size="sm">
              {t('backups.deleteBody', {
                time: formatDateTime(deleting.time),
                reason: t(`backups.reasons.${deleting.reason}`),
                size: formatSize(deleting.size),
              })}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {deleting.name}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                {t('backups.cancel')}
              </Button>
              <Button
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                loading={busy}
                onClick={() => void remove(deleting)}
                data-testid="confirm-delete"
              >
                {t('backups.deleteConfirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </AppModal>
    </Stack>
  );
}

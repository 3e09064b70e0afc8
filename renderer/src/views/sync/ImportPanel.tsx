import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Code, Group, Paper, PasswordInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconEye, IconFileUpload, IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { waitForJob } from '../../lib/jobs';
import { chooseImportFile } from '../../files';
import type { ChosenFile } from '@common/files';
import { showDone } from '../../notify';
import type { MergeSummary } from '@db/sync/files';
import { MergePreview } from './MergePreview';
import { CLOCK_SKEW_LIMIT_MS, errorText } from './syncFormat';

type Busy = 'preview' | 'merge' | null;

/**
 * Import another office's file: preview (a dry run), then merge. A refusal is shown in the UI language
 * beside the form and everything typed stays.
 */
export function ImportPanel({
  onReview,
  requested = null,
}: {
  onReview: (section: 'conflicts' | 'duplicates') => void;
  /** A file handed over by the desktop shell (double-clicked, or chosen in the File menu): previewed at once. */
  requested?: { chosen: ChosenFile; seq: number } | null;
}) {
  const { t } = useTranslation();
  // The file the person chose (a handle and its name: the page never holds a path).
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<MergeSummary | null>(null);
  const [acceptClockSkew, setAcceptClockSkew] = useState(false);
  const [merged, setMerged] = useState<MergeSummary | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const clockAhead = !!preview && preview.clockAheadMs > CLOCK_SKEW_LIMIT_MS;
  const canMerge = !!preview && !busy && (!clockAhead || acceptClockSkew);

  // Whatever changes in the inputs makes the preview stale: merging then needs a new preview.
  const edited = () => {
    setPreview(null);
    setAcceptClockSkew(false);
  };

  const input = () => ({ file: chosen?.file ?? '', ...(passphrase ? { passphrase } : {}) });

  const runPreview = async (request: { file: string; passphrase?: string } = input()) => {
    if (!request.file) {
      setFileError(t('sync.import.fileRequired'));
      return;
    }
    setFileError(undefined);
    setBusy('preview');
    setFailure(null);
    setMerged(null);
    setPreview(null);
    setAcceptClockSkew(false);
    try {
      setPreview(await api['sync.preview'](request));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  // A handed-over file replaces what was typed and is previewed; an encrypted one then asks for its passphrase.
  useEffect(() => {
    if (!requested) return;
    setChosen(requested.chosen);
    setPassphrase('');
    void runPreview({ file: requested.chosen.file });
    // Only a new request (its seq) starts a preview; runPreview reads the rest when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested?.seq]);

  /** The desktop's open dialog, or the browser's picker and an upload (with its progress); then the preview. */
  const choose = async () => {
    setFailure(null);
    try {
      const file = await chooseImportFile((fraction) => setUploaded(fraction));
      if (!file) return;
      setChosen(file);
      setMerged(null);
      edited();
      await runPreview({ file: file.file, ...(passphrase ? { passphrase } : {}) });
    } catch (error) {
      setFailure(error);
    } finally {
      setUploaded(null);
    }
  };

  const runMerge = async () => {
    if (!preview) return;
    setBusy('merge');
    setFailure(null);
    try {
      // The merge runs in a worker thread; poll its progress so a large file shows a moving bar (and can be cancelled).
      const job = await api['sync.mergeStart']({ ...input(), ...(clockAhead ? { acceptClockSkew: true } : {}) });
      setJobId(job.id);
      setProgress({ done: 0, total: 0 });
      const summary = (await waitForJob(job, (done, total) => setProgress({ done, total }))) as MergeSummary;
      setMerged(summary);
      setPreview(null);
      setAcceptClockSkew(false);
      showDone(t('sync.import.resultTitle', { file: summary.fileName }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
      setProgress(null);
      setJobId(null);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <form
          aria-label={t('sync.import.heading')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('sync.import.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sync.import.description')}
            </Text>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={t('sync.import.path')}
                description={t('sync.import.chooseHint')}
                placeholder={t('sync.import.noFile')}
                value={chosen?.name ?? ''}
                readOnly
                error={fileError}
                style={{ flex: 1 }}
                maw={520}
              />
              <Button
                type="button"
                variant="default"
                leftSection={<IconFileUpload size={16} aria-hidden />}
                loading={uploaded !== null}
                disabled={busy !== null}
                onClick={() => void choose()}
              >
                {t('sync.import.choose')}
              </Button>
            </Group>
            {uploaded !== null ? <Progress aria-label={t('sync.import.uploading')} value={100 * uploaded} data-testid="upload-progress" /> : null}
            <PasswordInput
              label={t('sync.import.passphrase')}
              description={t('sync.import.passphraseHint')}
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
                edited();
              }}
              autoComplete="off"
              maw={420}
            />
            <Group gap="sm">
              <Button
                type="submit"
                variant={preview ? 'default' : 'filled'}
                loading={busy === 'preview'}
                disabled={busy === 'merge'}
                leftSection={<IconEye size={16} aria-hidden />}
              >
                {t('sync.import.preview')}
              </Button>
              <Button
                type="button"
                color="teal"
                loading={busy === 'merge'}
                disabled={!canMerge}
                leftSection={<IconGitMerge size={16} aria-hidden />}
                onClick={() => void runMerge()}
                aria-describedby={preview ? undefined : 'sync-merge-hint'}
              >
                {t('sync.import.merge')}
              </Button>
              {busy ? (
                <Text size="sm" c="dimmed" role="status">
                  {busy === 'preview' ? t('sync.import.previewing') : t('sync.import.merging')}
                </Text>
              ) : !preview ? (
                <Text size="sm" c="dimmed" id="sync-merge-hint">
                  {t('sync.import.mergeHint')}
                </Text>
              ) : null}
            </Group>
            {progress ? (
              <Group gap="sm" wrap="nowrap">
                <Progress
                  aria-label={t('sync.import.merging')}
                  value={progress.total ? (100 * progress.done) / progress.total : 5}
                  animated={!progress.total}
                  striped
                  data-testid="merge-progress"
                  style={{ flex: 1 }}
                />
                {jobId ? (
                  <Button size="xs" variant="default" onClick={() => void api['jobs.cancel']({ id: jobId })}>
                    {t('sync.cancelJob')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </form>
      </Paper>

      {failure ? (
        <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} title={t('sync.import.errorTitle')} role="alert" data-testid="import-error">
          {errorText(failure)}
        </Alert>
      ) : null}

      {preview && clockAhead ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('sync.import.clockTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('sync.import.clockBody', { minutes: Math.round(preview.clockAheadMs / 60000) })}</Text>
            <Checkbox label={t('sync.import.clockConfirm')} checked={acceptClockSkew} onChange={(e) => setAcceptClockSkew(e.currentTarget.checked)} />
          </Stack>
        </Alert>
      ) : null}

      {preview ? <MergePreview summary={preview} /> : null}

      {merged ? (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={18} aria-hidden />}
          title={t('sync.import.resultTitle', { file: merged.fileName })}
          data-testid="merge-result"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('sync.import.resultCounts', { added: merged.added, changed: merged.changed, deleted: merged.deleted, conflicts: merged.conflicts })}
            </Text>
            {merged.backupPath ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('sync.import.backup')}: <Code>{merged.backupPath}</Code>
              </Text>
            ) : null}
            {merged.conflicts > 0 || merged.duplicates.length > 0 ? (
              <Group gap="xs">
                {merged.conflicts > 0 ? (
                  <Button size="xs" variant="light" onClick={() => onReview('conflicts')}>
                    {t('sync.import.reviewConflicts')}
                  </Button>
                ) : null}
                {merged.duplicates.length > 0 ? (
                  <Button size="xs" variant="light" onClick={() => onReview('duplicates')}>
                    {t('sync.import.reviewDuplicates')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

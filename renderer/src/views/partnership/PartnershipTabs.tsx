import { useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApi, useApiComposed } from '../../useApi';
import { showDone, showError } from '../../notify';
import { deleteWithUndo } from '../../undo';
import { formatPartialDate, formatSize } from '../../format';
import { i18n } from '../../i18n';
import { navigate, routeHash } from '../../route';
import type { Attachment, AttachmentContent } from '@db/attachments';
import type { Task } from '@db/tasks';
import { formatInstantDay, localDay } from './common';
import { MAX_ATTACHMENT_BYTES } from '@common/limits';
import { readAsBase64, saveBytes } from '../../files';
import { allPages } from '../../api/pages';

/** Open or in progress, and due before today (the user's day). */
function isOverdue(task: Pick<Task, 'status' | 'dueOn'>, today: string): boolean {
  return (task.status === 'open' || task.status === 'in_progress') && !!task.dueOn && task.dueOn < today;
}

const TASK_STATUS_COLORS: Record<Task['status'], string> = { open: 'blue', in_progress: 'yellow', done: 'green', cancelled: 'gray' };

export function TasksTab({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const today = localDay();
  // A partnership's tasks are few: all of them, page by page.
  const input = { view: 'all', partnershipId, includeClosed: true, today } as const;
  const { data } = useApiComposed('tasks.list', input, () => allPages((page) => api['tasks.list']({ ...input, ...page })));
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (data.length === 0) return <Text c="dimmed">{t('partnership.tasks.empty')}</Text>;
  return (
    <Table verticalSpacing="xs" aria-label={t('partnership.tasks.label')} data-testid="partnership-tasks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partnership.tasks.columns.title')}</Table.Th>
          <Table.Th className="list-fit">{t('partnership.tasks.columns.due')}</Table.Th>
          <Table.Th className="list-clip" w="22%" title={t('partnership.tasks.columns.assignee')}>
            {t('partnership.tasks.columns.assignee')}
          </Table.Th>
          <Table.Th className="list-fit">{t('partnership.tasks.columns.status')}</Table.Th>
          <Table.Th className="list-fit">{t('partnership.tasks.columns.priority')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((task) => {
          const overdue = isOverdue(task, today);
          const closed = task.status === 'done' || task.status === 'cancelled';
          return (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Text size="sm" fw={500} c={closed ? 'dimmed' : undefined} td={task.status === 'cancelled' ? 'line-through' : undefined}>
                  {task.title}
                </Text>
                {task.meetingId && task.meetingTitle ? (
                  <Text size="xs" c="dimmed">
                    {t('partnership.tasks.fromMeeting')}{' '}
                    <Anchor
                      size="xs"
                      href={routeHash('meetings', task.meetingId)}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate('meetings', task.meetingId);
                      }}
                    >
                      {task.meetingTitle}
                    </Anchor>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td className="list-fit">
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {task.dueOn ? formatPartialDate(task.dueOn) : t('common.none')}
                  </Text>
                  {overdue ? (
                    <Badge color="red" variant="filled" size="sm" tt="none" style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
                      {t('partnership.tasks.overdue')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td className="list-clip" title={task.assignee ?? undefined}>
                {task.assignee ?? t('common.none')}
              </Table.Td>
              <Table.Td className="list-fit">
                <Badge variant="light" color={TASK_STATUS_COLORS[task.status]} tt="none">
                  {t(`partnership.tasks.statuses.${task.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td className="list-fit">{t(`partnership.tasks.priorities.${task.priority}`)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function ContactsTab({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const { data } = useApi('partnerships.contacts', { partnershipId });
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (data.length === 0) return <Text c="dimmed">{t('partnership.contacts.empty')}</Text>;
  return (
    <Table verticalSpacing="xs" aria-label={t('partnership.contacts.label')} data-testid="partnership-contacts">
      <Table.Thead>
        <Table.Tr>
          {(
            [
              ['name', '18%'],
              ['title', '24%'],
              ['organization', '20%'],
              ['email', '22%'],
              ['phone', '16%'],
            ] as const
          ).map(([column, width]) => (
            <Table.Th key={column} className="list-clip" w={width} title={t(`partnership.contacts.columns.${column}`)}>
              {t(`partnership.contacts.columns.${column}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((c) => (
          <Table.Tr key={c.id}>
            {[c.name, c.title, c.organizationName, c.email, c.phone].map((text, i) => (
              <Table.Td key={i} className="list-clip" fw={i === 0 ? 500 : undefined} title={text ?? undefined}>
                {text}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Largest file the contract accepts. */
const MAX_BYTES = MAX_ATTACHMENT_BYTES;

function showProblem(message: string): void {
  notifications.show({ color: 'red', title: i18n.t('common.errorTitle'), message, autoClose: 8000 });
}

export function DocumentsTab({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  /** A file whose extension could run code: saved only once the person has read the warning. */
  const [risky, setRisky] = useState<AttachmentContent | null>(null);
  const { data } = useApi('attachments.list', { partnershipId });

  const attach = async (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (input.current) input.current.value = '';
    if (list.length === 0) return;
    setUploading(true);
    try {
      for (const file of list) {
        if (file.size > MAX_BYTES) {
          showProblem(t('partnership.documents.tooLarge', { name: file.name }));
          continue;
        }
        let dataBase64: string;
        try {
          dataBase64 = await readAsBase64(file);
        } catch {
          showProblem(t('partnership.documents.readFailed', { name: file.name }));
          continue;
        }
        try {
          await api['attachments.add']({ partnershipId, fileName: file.name, mimeType: file.type || null, dataBase64 });
          showDone(t('partnership.documents.attached', { name: file.name }));
        } catch (error) {
          showError(error);
        }
      }
    } finally {
      setUploading(false);
    }
  };

  const open = async (attachment: Attachment) => {
    setOpening(attachment.id);
    try {
      const content = await api['attachments.content']({ id: attachment.id });
      if (content.riskyExtension) setRisky(content);
      else saveBytes(content.fileName, content.mimeType, content.dataBase64);
    } catch (error) {
      showError(error, 'load');
    } finally {
      setOpening(null);
    }
  };

  const remove = (attachment: Attachment) =>
    void deleteWithUndo({
      label: attachment.fileName,
      remove: () => api['attachments.remove']({ id: attachment.id }),
      restore: () => api['attachments.restore']({ id: attachment.id }),
    });

  return (
    <Stack gap="sm">
      <Modal opened={!!risky} onClose={() => setRisky(null)} title={t('partnership.documents.riskyTitle')} data-testid="attachment-risky">
        <Stack gap="md">
          <Text style={{ overflowWrap: 'anywhere' }}>
            {risky ? t('partnership.documents.riskyText', { name: risky.fileName, ext: risky.riskyExtension }) : null}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRisky(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (risky) saveBytes(risky.fileName, risky.mimeType, risky.dataBase64);
                setRisky(null);
              }}
            >
              {t('partnership.documents.riskySave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Group justify="space-between" wrap="nowrap" align="center">
        <Text size="sm" c="dimmed">
          {t('partnership.documents.hint')}
        </Text>
        <input
          ref={input}
          type="file"
          multiple
          aria-label={t('partnership.documents.input')}
          data-testid="attachment-input"
          tabIndex={-1}
          style={{ display: 'none' }}
          onChange={(e) => void attach(e.currentTarget.files)}
        />
        <Button
          size="xs"
          leftSection={<IconPaperclip size={14} aria-hidden />}
          loading={uploading}
          onClick={() => input.current?.click()}
          style={{ flexShrink: 0 }}
        >
          {t('partnership.documents.add')}
        </Button>
      </Group>
      {data && data.length === 0 ? <Text c="dimmed">{t('partnership.documents.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Table verticalSpacing="xs" aria-label={t('partnership.documents.label')} data-testid="partnership-documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('partnership.documents.columns.name')}</Table.Th>
              <Table.Th ta="right">{t('partnership.documents.columns.size')}</Table.Th>
              <Table.Th>{t('partnership.documents.columns.added')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('partnership.documents.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {a.fileName}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatSize(a.size)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstantDay(a.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconDownload size={14} aria-hidden />}
                      loading={opening === a.id}
                      onClick={() => void open(a)}
                      aria-label={t('partnership.timeline.actionOn', { action: t('partnership.documents.open'), title: a.fileName })}
                    >
                      {t('partnership.documents.open')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => remove(a)}
                      aria-label={t('partnership.timeline.actionOn', { action: t('partnership.documents.remove'), title: a.fileName })}
                    >
                      {t('partnership.documents.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Spoiler, Stack, Table, Tabs, Text, Timeline, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconCalendarPlus,
  IconChecklist,
  IconFiles,
  IconListCheck,
  IconHistory,
  IconPencil,
  IconRestore,
  IconTimeline,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { showDone, showError } from '../notify';
import { deleteWithUndo } from '../undo';
import { countryName, formatPartialDate } from '../format';
import { navigate, routeHash } from '../route';
import type { Partnership } from '@db/partnerships';
import type { MeetingListItem } from '@db/meetings';
import { localTitle, STATUS_COLORS } from './partnership/common';
import { PartnershipForm } from './partnership/PartnershipForm';
import { PartnershipTimeline } from './partnership/PartnershipTimeline';
import { ContactsTab, DocumentsTab, TasksTab } from './partnership/PartnershipTabs';
import { RecordHistory } from '../components/RecordHistory';
import { BackLink, PageSection, PageState } from '../components/RecordPage';
import { TimelineChart } from '../components/Timeline';
import { PRESELECTED_PARTNERSHIP_KEY } from './meeting/shared';
import { useLangOf } from '../lang';
import type { TimelineRow } from '@db/timeline';
import { TaskDialog } from './task/TaskDialog';
import { useApi, useApiComposed } from '../useApi';
import { isMissing } from '../api/client';

/** Every meeting of one partnership (tens, rarely hundreds), page by page. */
async function meetingsOf(partnershipId: string): Promise<MeetingListItem[]> {
  const rows: MeetingListItem[] = [];
  let page = await api['meetings.list']({ partnershipId, limit: 500 });
  rows.push(...page.rows);
  while (page.next) {
    page = await api['meetings.list']({ partnershipId, limit: 500, after: page.next });
    rows.push(...page.rows);
  }
  return rows;
}
type Tab = 'timeline' | 'tasks' | 'contacts' | 'documents' | 'history';

/** #/partnerships/<id>: everything about one partnership, its timeline, tasks, contacts and documents. */
export function PartnershipPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const partnership = useApi('partnerships.get', { id }, { quiet: isMissing });
  const { data: meetings } = useApiComposed('meetings.list', { partnershipId: id }, () => meetingsOf(id));
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<Tab>('timeline');
  const [addingTask, setAddingTask] = useState(false);

  const back = <BackLink view="partnerships" label={t('partnership.page.back')} />;
  if (partnership.error && isMissing(partnership.error)) return <PageState back={back} missing={t('partnership.page.missing')} />;
  const p = partnership.data;
  if (!p || !meetings) return <PageState back={back} />;

  const remove = () => {
    let calls = 0;
    void deleteWithUndo({
      label: localTitle(p, i18n.language),
      remove: () => api['partnerships.delete']({ id: p.id }),
      restore: () => api['partnerships.restore']({ id: p.id }),
      // After the delete: back to the list. After an undo: back to the restored partnership.
      onChange: () => {
        calls += 1;
        navigate('partnerships', calls === 1 ? null : p.id);
      },
    });
  };

  const restore = async () => {
    try {
      await api['partnerships.restore']({ id: p.id });
      showDone(t('common.restored'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Stack gap="md">
      {back}
      {p.deletedAt ? (
        <Alert color="orange" title={t('partnership.page.inTrash')}>
          <Button size="xs" variant="white" color="orange" leftSection={<IconRestore size={14} aria-hidden />} onClick={() => void restore()}>
            {t('partnership.page.restore')}
          </Button>
        </Alert>
      ) : null}
      <Header partnership={p} onEdit={() => setEditing(true)} onDelete={remove} onAddTask={() => setAddingTask(true)} />

      <SimpleGrid cols={2} spacing="md">
        <Details partnership={p} />
        <StatusHistory partnership={p} />
      </SimpleGrid>
      <Parties partnership={p} />
      {p.rationale || p.summary ? (
        <SimpleGrid cols={p.rationale && p.summary ? 2 : 1} spacing="md">
          {p.rationale ? <LongText title={t('partnership.page.rationale')} text={p.rationale} /> : null}
          {p.summary ? <LongText title={t('partnership.page.summary')} text={p.summary} /> : null}
        </SimpleGrid>
      ) : null}

      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} aria-hidden />}>
            {t('partnership.page.tabs.timeline')} ({p.milestones.length + meetings.length})
          </Tabs.Tab>
          <Tabs.Tab value="tasks" leftSection={<IconChecklist size={16} aria-hidden />}>
            {t('partnership.page.tabs.tasks')}
          </Tabs.Tab>
          <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} aria-hidden />}>
            {t('partnership.page.tabs.contacts')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFiles size={16} aria-hidden />}>
            {t('partnership.page.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('backups.history.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <Stack gap="md">
            <TimelineChart rows={[chartRow(p, meetings)]} name={localTitle(p, i18n.language)} labels={false} rowHeight={56} />
            <PartnershipTimeline partnershipId={p.id} milestones={p.milestones} meetings={meetings} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksTab partnershipId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab partnershipId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab partnershipId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RecordHistory entity="partnerships" id={p.id} />
        </Tabs.Panel>
      </Tabs>

      {addingTask ? (
        <NewTaskDialog
          partnership={p}
          onClose={() => setAddingTask(false)}
          onSaved={() => {
            setAddingTask(false);
            showDone(t('partnership.page.taskAdded'));
            setTab('tasks');
          }}
        />
      ) : null}
      {editing ? <PartnershipForm partnership={p} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </Stack>
  );
}

/** The partnership's milestones and meetings as the drawn timeline shows them (the same data as the list below it). */
function chartRow(p: Partnership, meetings: MeetingListItem[]): TimelineRow {
  return {
    id: p.id,
    title: p.title,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    status: p.status,
    milestones: p.milestones.map(({ id, date, datePrecision, title, status, kind }) => ({ id, date, precision: datePrecision, title, status, kind })),
    meetings: meetings.map(({ id, date, title, kind }) => ({ id, date, title, kind })),
    milestoneCount: p.milestones.length,
    meetingCount: meetings.length,
  };
}

/** "New task" from the partnership page: the task dialog with this partnership chosen and the user as assignee. */
function NewTaskDialog({ partnership: p, onClose, onSaved }: { partnership: Partnership; onClose: () => void; onSaved: () => void }) {
  const { i18n } = useTranslation();
  const { data: settings } = useApi('settings.get');
  const { data: assignees } = useApi('tasks.assignees');
  if (!settings || !assignees) return null;
  const userName = settings.userName ?? null;
  return (
    <TaskDialog
      task={null}
      defaults={{ assignee: userName, partnershipId: p.id }}
      partnerships={[{ value: p.id, label: localTitle(p, i18n.language) }]}
      assignees={[...new Set([...(userName ? [userName] : []), ...assignees])]}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

function Header({
  partnership: p,
  onEdit,
  onDelete,
  onAddTask,
}: {
  partnership: Partnership;
  onEdit: () => void;
  onDelete: () => void;
  onAddTask: () => void;
}) {
  const { t, i18n } = useTranslation();
  const title = localTitle(p, i18n.language);
  const other = i18n.language === 'zh' ? p.titleEn : p.titleZh;
  const langOf = useLangOf();
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} {...langOf(title)}>
            {title}
          </Title>
          {other && other !== title ? (
            <Text c="dimmed" size="sm" style={{ overflowWrap: 'anywhere' }} {...langOf(other)}>
              {other}
            </Text>
          ) : null}
        </Stack>
        {!p.deletedAt ? (
          <Group gap="xs" wrap="nowrap" role="group" aria-label={t('partnership.page.actions')} style={{ flexShrink: 0 }}>
            {/* The meeting form opens with this partnership chosen (it reads the key once). */}
            <Button
              variant="default"
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() => {
                sessionStorage.setItem(PRESELECTED_PARTNERSHIP_KEY, p.id);
                navigate('meetings', 'new');
              }}
            >
              {t('meetings.list.new')}
            </Button>
            <Button variant="default" leftSection={<IconListCheck size={16} aria-hidden />} onClick={onAddTask}>
              {t('tasks.new')}
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
              {t('partnership.page.edit')}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
              {t('partnership.page.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Group gap="xs" data-testid="partnership-status">
        <Badge size="lg" color={STATUS_COLORS[p.status]} variant="light" tt="none" style={{ overflow: 'visible' }}>
          {t(`status.${p.status}`)}
        </Badge>
        {p.statusSince ? <Text size="sm">{t('partnership.page.since', { date: formatPartialDate(p.statusSince) })}</Text> : null}
      </Group>
    </Stack>
  );
}

function Details({ partnership: p }: { partnership: Partnership }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh';
  const notSet = (
    <Text span c="dimmed" size="sm">
      {t('partnership.page.notSet')}
    </Text>
  );
  const start = p.termStart ? formatPartialDate(p.termStart) : null;
  const end = p.termEnd ? formatPartialDate(p.termEnd) : null;
  const term =
    start && end
      ? t('partnership.page.termRange', { start, end })
      : start
        ? t('partnership.page.termFrom', { date: start })
        : end
          ? t('partnership.page.termUntil', { date: end })
          : null;
  const rows: [string, ReactNode][] = [
    [t('partnership.page.kind'), t(`partnershipKind.${p.kind}`)],
    [t('partnership.page.programme'), (zh ? p.programmeNameZh : p.programmeNameEn) ?? p.programmeNameZh ?? p.programmeNameEn ?? notSet],
    [
      t('partnership.page.topics'),
      p.damaged?.includes('topics') ? (
        <Text span c="orange.9" size="sm" data-testid="damaged-topics">
          ⚠ {t('common.damagedValue')}
        </Text>
      ) : p.topics.length > 0 ? (
        <Group gap={4}>
          {p.topics.map((topic) => (
            <Badge key={topic} variant="outline" color="gray" tt="none" size="sm">
              {t(`partnership.topics.${topic}`)}
            </Badge>
          ))}
        </Group>
      ) : (
        notSet
      ),
    ],
    [t('partnership.page.owner'), p.owner ?? notSet],
    [t('partnership.page.term'), term ?? notSet],
    [t('partnership.page.reviewOn'), p.reviewOn ? formatPartialDate(p.reviewOn) : notSet],
  ];
  return (
    <PageSection title={t('partnership.page.details')} testId="partnership-details">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="38%" fw={500} c="dimmed" fz="sm" style={{ verticalAlign: 'top', paddingRight: 8 }}>
                {label}
              </Table.Th>
              <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </PageSection>
  );
}

function StatusHistory({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const newestFirst = [...p.statusHistory].reverse();
  return (
    <PageSection title={t('partnership.page.statusHistory')} testId="status-history">
      <Timeline active={newestFirst.length} bulletSize={14} lineWidth={2}>
        {newestFirst.map((change) => (
          <Timeline.Item
            key={change.id}
            color={STATUS_COLORS[change.status]}
            title={
              <Group gap="xs" wrap="nowrap">
                <Badge color={STATUS_COLORS[change.status]} variant="light" tt="none">
                  {t(`status.${change.status}`)}
                </Badge>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatPartialDate(change.startedOn)}
                </Text>
              </Group>
            }
          >
            {change.note ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {change.note}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </PageSection>
  );
}

function Parties({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  return (
    <PageSection title={t('partnership.page.parties', { count: p.parties.length })} testId="partnership-parties">
      <Spoiler maxHeight={260} showLabel={t('partnership.page.showMore')} hideLabel={t('partnership.page.showLess')}>
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('partnership.page.partyColumns.zh')}</Table.Th>
              <Table.Th w="24%">{t('partnership.page.partyColumns.en')}</Table.Th>
              <Table.Th w="16%">{t('partnership.page.partyColumns.country')}</Table.Th>
              <Table.Th>{t('partnership.page.partyColumns.role')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.parties.map((party) => (
              <Table.Tr key={party.id}>
                {/* Each name opens the organization's own page. */}
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={routeHash('organizations', party.organizationId)} fw={500} size="sm" inherit>
                    {party.nameZh ?? (party.nameEn ? null : party.displayName)}
                  </Anchor>
                </Table.Td>
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={routeHash('organizations', party.organizationId)} fw={500} size="sm" inherit tabIndex={-1}>
                    {party.nameEn ?? (party.nameZh ? null : party.displayName)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{countryName(party.country)}</Table.Td>
                <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {party.role}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Spoiler>
    </PageSection>
  );
}

function LongText({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  const lang = useLangOf();
  return (
    <PageSection title={title}>
      {/* Six whole lines, then "Show more": no half-cut line. */}
      <Spoiler maxHeight={6 * 22} showLabel={t('partnership.page.showMore')} hideLabel={t('partnership.page.showLess')}>
        <Text size="sm" lh="22px" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...lang(text)}>
          {text}
        </Text>
      </Spoiler>
    </PageSection>
  );
}

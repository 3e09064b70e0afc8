/** One meeting: everything logged, attendees by side, notes as safe Markdown, follow-up tasks. */
import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarEvent, IconClock, IconEdit, IconMapPin, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routeHash, navigate } from '../../route';
import { Markdown } from '../../components/Markdown';
import { useLangOf } from '../../lang';
import type { Meeting } from '@db/meetings';
import { RecordHistory } from '../../components/RecordHistory';
import { PRIORITY_COLORS, SIDES, STATUS_COLORS, formatDay, formatLongDay, partnershipTitle } from './shared';

export function MeetingDetail({ meeting, onEdit, onDelete, onRestore }: { meeting: Meeting; onEdit: () => void; onDelete: () => void; onRestore: () => void }) {
  const { t } = useTranslation();
  const deleted = !!meeting.deletedAt;
  // Shown on request: the change list repeats the page's values, and most visits do not need it.
  const [showHistory, setShowHistory] = useState(false);

  return (
    <Stack maw={1100} gap="md">
      <Anchor
        href={routeHash('meetings')}
        size="sm"
        onClick={(e) => {
          e.preventDefault();
          navigate('meetings');
        }}
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('meetings.detail.back')}
        </Group>
      </Anchor>
      {deleted ? (
        <Alert color="orange" title={t('meetings.detail.deletedTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('meetings.detail.deletedBody')}</Text>
            <Button size="compact-sm" variant="light" onClick={onRestore}>
              {t('common.restore')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {meeting.title}
          </Title>
          <Group gap="md" wrap="wrap">
            <Meta icon={<IconCalendarEvent size={16} aria-hidden />}>{formatLongDay(meeting.date)}</Meta>
            {meeting.time ? <Meta icon={<IconClock size={16} aria-hidden />}>{meeting.time}</Meta> : null}
            {meeting.location ? <Meta icon={<IconMapPin size={16} aria-hidden />}>{meeting.location}</Meta> : null}
            <Badge variant="light" tt="none">
              {t(`meetings.kind.${meeting.kind}`)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {t(`meetings.format.${meeting.format}`)}
            </Badge>
          </Group>
        </Stack>
        {!deleted ? (
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
              {t('common.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>

      <Block title={t('meetings.fields.partnerships')}>
        <Group gap="xs" wrap="wrap">
          {meeting.partnerships.map((p) => (
            <Anchor key={p.id} href={routeHash('partnerships', p.id)} size="sm">
              {partnershipTitle(p)}
            </Anchor>
          ))}
        </Group>
      </Block>

      <Block title={t('meetings.form.attendees')}>
        {meeting.attendees.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.detail.noAttendees')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {SIDES.map((side) => {
              const people = meeting.attendees.filter((a) => a.side === side);
              return (
                <Stack key={side} gap={6} component="section" aria-label={t(`meetings.sides.${side}`)}>
                  <Text size="sm" fw={600} c="dimmed">
                    {t(`meetings.sides.${side}`)}
                  </Text>
                  {people.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  ) : (
                    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {people.map((a) => (
                        <li key={a.id}>
                          <Group gap={6} wrap="wrap">
                            <Text size="sm" fw={500}>
                              {a.name}
                            </Text>
                            {a.isInterpreter ? (
                              <Badge size="sm" color="grape" variant="light" tt="none">
                                {t('meetings.form.interpreter')}
                              </Badge>
                            ) : null}
                          </Group>
                          {a.role || a.organizationName ? (
                            <Text size="xs" c="dimmed">
                              {[a.role, a.organizationName].filter(Boolean).join(' · ')}
                            </Text>
                          ) : null}
                        </li>
                      ))}
                    </Stack>
                  )}
                </Stack>
              );
            })}
          </SimpleGrid>
        )}
      </Block>

      <TextBlock title={t('meetings.fields.agenda')} text={meeting.agenda} />
      <TextBlock title={t('meetings.fields.summary')} text={meeting.summary} />
      <TextBlock title={t('meetings.fields.outcomes')} text={meeting.outcomes} />
      <TextBlock title={t('meetings.fields.gifts')} text={meeting.gifts} />
      {meeting.notes ? (
        <Block title={t('meetings.fields.notes')}>
          <Markdown source={meeting.notes} data-testid="meeting-notes" />
        </Block>
      ) : null}

      <Block title={t('meetings.form.followUps')}>
        {meeting.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.detail.noTasks')}
          </Text>
        ) : (
          <Table verticalSpacing={6} aria-label={t('meetings.form.followUps')} data-testid="meeting-tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.form.followUpTitle')}</Table.Th>
                <Table.Th>{t('meetings.form.assignee')}</Table.Th>
                <Table.Th>{t('meetings.form.dueOn')}</Table.Th>
                <Table.Th>{t('meetings.form.priority')}</Table.Th>
                <Table.Th>{t('meetings.detail.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{task.title}</Table.Td>
                  <Table.Td>{task.assignee ?? t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{task.dueOn ? formatDay(task.dueOn) : t('common.none')}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={PRIORITY_COLORS[task.priority]} tt="none">
                      {t(`meetings.priority.${task.priority}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLORS[task.status]} tt="none">
                      {t(`meetings.taskStatus.${task.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('backups.history.title')}>
        {showHistory ? (
          <RecordHistory entity="meetings" id={meeting.id} />
        ) : (
          <Button size="compact-sm" variant="light" onClick={() => setShowHistory(true)}>
            {t('backups.history.show')}
          </Button>
        )}
      </Block>
    </Stack>
  );
}

function Meta({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Plain text as typed: line breaks kept, nothing interpreted. */
function TextBlock({ title, text }: { title: string; text: string | null }) {
  const lang = useLangOf();
  if (!text) return null;
  return (
    <Block title={title}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...lang(text)}>
        {text}
      </Text>
    </Block>
  );
}

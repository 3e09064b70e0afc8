import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconMapPin, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { isMissing } from '../api/client';
import { deleteWithUndo } from '../undo';
import { countryName, formatPartialDate } from '../format';
import { navigate, routeHash, type View } from '../route';
import { useLangOf } from '../lang';
import { useApi } from '../useApi';
import type { Organization } from '@db/organizations';
import type { PartnershipListItem } from '@db/partnerships';
import type { Contact } from '@db/contacts';
import type { MeetingListItem } from '@db/meetings';
import type { Page } from '@db/paging';
import { localTitle, STATUS_COLORS } from './partnership/common';
import { OrganizationForm } from './OrganizationForm';
import { BackLink, PageSection, PageState } from '../components/RecordPage';

/** How many of each list the page shows; the counts say how many there are. */
const PARTNERSHIPS_SHOWN = 200;
const CONTACTS_SHOWN = 100;
const MEETINGS_SHOWN = 20;

/** A link inside the app: its hash address navigates by itself (a middle click opens it in a new window). */
function AppLink({ view, id, children, ...props }: { view: View; id?: string | null; children: ReactNode; fw?: number; size?: string; lang?: string }) {
  return (
    <Anchor href={routeHash(view, id)} {...props}>
      {children}
    </Anchor>
  );
}

/** #/organizations/<id>: one city or body, its names, place, partnerships, contacts and the meetings of its partnerships. */
export function OrganizationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const organization = useApi('organizations.get', { id }, { quiet: isMissing });
  const partnerships = useApi('partnerships.list', { organizationId: id, limit: PARTNERSHIPS_SHOWN });
  const contacts = useApi('contacts.list', { organizationId: id, limit: CONTACTS_SHOWN });
  const meetings = useApi('meetings.list', { organizationId: id, limit: MEETINGS_SHOWN });
  const [editing, setEditing] = useState(false);

  const back = <BackLink view="organizations" label={t('organizations.page.back')} />;
  if (organization.error && isMissing(organization.error)) return <PageState back={back} missing={t('organizations.page.missing')} />;
  const o = organization.data;
  if (!o || !partnerships.data || !contacts.data || !meetings.data) return <PageState back={back} />;
  const data = { partnerships: partnerships.data, contacts: contacts.data, meetings: meetings.data };

  const remove = () => {
    let calls = 0;
    void deleteWithUndo({
      label: o.displayName,
      remove: () => api['organizations.delete']({ id: o.id }),
      restore: () => api['organizations.restore']({ id: o.id }),
      // After the delete: back to the list. After an undo: back here.
      onChange: () => {
        calls += 1;
        navigate('organizations', calls === 1 ? null : o.id);
      },
    });
  };

  return (
    <Stack gap="md">
      {back}
      {o.deletedAt ? <Alert color="orange">{t('organizations.page.inTrash')}</Alert> : null}
      <Header organization={o} onEdit={() => setEditing(true)} onDelete={remove} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Names organization={o} />
        <Place organization={o} onMap={data.partnerships.total > 0} />
      </SimpleGrid>
      <Partnerships page={data.partnerships} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Contacts page={data.contacts} />
        <Meetings meetings={data.meetings} />
      </SimpleGrid>
      {editing ? <OrganizationForm organization={o} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </Stack>
  );
}

function Header({ organization: o, onEdit, onDelete }: { organization: Organization; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const langOf = useLangOf();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} {...langOf(o.displayName)}>
          {o.displayName}
        </Title>
        <Text c="dimmed" size="sm">
          {[t(`organizationKind.${o.kind}`), o.region, countryName(o.country)].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
      {!o.deletedAt ? (
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('organizations.page.actions')} style={{ flexShrink: 0 }}>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('organizations.page.edit')}
          </Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
            {t('organizations.page.delete')}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}

function Names({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const langOf = useLangOf();
  const rows: [string, string | null][] = [
    [t('organizations.fields.nameZh'), o.nameZh],
    [t('organizations.fields.nameEn'), o.nameEn],
    [t('organizations.fields.nameLocal'), o.nameLocal],
  ];
  return (
    <PageSection title={t('organizations.page.names')} testId="organization-names">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} layout="fixed">
        <Table.Tbody>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="38%" fw={500} c="dimmed" fz="sm" style={{ verticalAlign: 'top', paddingRight: 8 }}>
                  {label}
                </Table.Th>
                <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }} {...langOf(value ?? '')}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {o.aliases.length > 0 ? (
        <Group gap={4} mt="xs" aria-label={t('organizations.page.aliases')} role="list">
          {o.aliases.map((alias) => (
            <Badge key={alias} role="listitem" variant="outline" color="gray" tt="none" {...langOf(alias)}>
              {alias}
            </Badge>
          ))}
        </Group>
      ) : null}
      {o.notes ? (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...langOf(o.notes)}>
          {o.notes}
        </Text>
      ) : null}
    </PageSection>
  );
}

function Place({ organization: o, onMap }: { organization: Organization; onMap: boolean }) {
  const { t } = useTranslation();
  const located = o.latitude !== null && o.longitude !== null;
  return (
    <PageSection title={t('organizations.page.location')} testId="organization-location">
      {located ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t('organizations.fields.latitude')} {o.latitude?.toFixed(4)} · {t('organizations.fields.longitude')} {o.longitude?.toFixed(4)}
          </Text>
          {onMap ? (
            <Button variant="light" size="xs" leftSection={<IconMapPin size={14} aria-hidden />} onClick={() => navigate('map', o.id)}>
              {t('organizations.page.showOnMap')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('organizations.page.noLocation')}
        </Text>
      )}
      {o.source ? (
        <Text size="xs" c="dimmed" mt="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('organizations.page.source', { source: o.source })}
        </Text>
      ) : null}
    </PageSection>
  );
}

function Partnerships({ page }: { page: Page<PartnershipListItem> }) {
  const { t, i18n } = useTranslation();
  const langOf = useLangOf();
  return (
    <PageSection title={t('organizations.page.partnerships', { count: page.total })} testId="organization-partnerships">
      {page.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizations.page.noPartnerships')}
        </Text>
      ) : (
        <Table verticalSpacing={6} layout="fixed">
          <Table.Tbody>
            {page.rows.map((p) => {
              const title = localTitle(p, i18n.language);
              return (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <AppLink view="partnerships" id={p.id} fw={500} size="sm" {...langOf(title)}>
                      {title}
                    </AppLink>
                  </Table.Td>
                  <Table.Td w={140}>
                    <Badge color={STATUS_COLORS[p.status]} variant="light" tt="none" style={{ overflow: 'visible' }}>
                      {t(`status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td w={130} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {p.statusSince ? formatPartialDate(p.statusSince) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </PageSection>
  );
}

function Contacts({ page }: { page: Page<Contact> }) {
  const { t } = useTranslation();
  return (
    <PageSection title={t('organizations.page.contacts', { count: page.total })} testId="organization-contacts">
      {page.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizations.page.noContacts')}
        </Text>
      ) : (
        <Stack gap={6}>
          {page.rows.map((c) => (
            <div key={c.id}>
              <AppLink view="contacts" id={c.id} fw={500} size="sm">
                {c.name}
              </AppLink>
              {c.title ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {c.title}
                </Text>
              ) : null}
            </div>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}

function Meetings({ meetings }: { meetings: { rows: MeetingListItem[]; total: number } }) {
  const { t, i18n } = useTranslation();
  const langOf = useLangOf();
  const formatted = new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en').format(meetings.total);
  return (
    <PageSection title={t('organizations.page.meetings')} testId="organization-meetings">
      {meetings.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizations.page.noMeetings')}
        </Text>
      ) : (
        <Stack gap={6}>
          {meetings.total > meetings.rows.length ? (
            <Text size="xs" c="dimmed">
              {t('organizations.page.meetingsShown', { shown: meetings.rows.length, formatted })}
            </Text>
          ) : null}
          {meetings.rows.map((m) => (
            <Group key={m.id} gap="sm" wrap="nowrap" align="baseline">
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatPartialDate(m.date)}
              </Text>
              <AppLink view="meetings" id={m.id} size="sm" {...langOf(m.title)}>
                {m.title}
              </AppLink>
            </Group>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}

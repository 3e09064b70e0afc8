import type { ReactNode } from 'react';
import { Anchor, Button, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { AppDrawer } from '../../components/Dialog';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../route';
import { useLangOf } from '../../lang';
import { useApi } from '../../useApi';
import { safeHref } from '../../components/Markdown';
import { WithHistoryTab } from '../../components/RecordHistory';
import { formatDay } from '../meeting/shared';
import type { Contact } from '@db/contacts';

/** A contact's details and the meetings they attended, each a link to the meeting. */
export function ContactDrawer({
  id,
  onClose,
  onEdit,
  onDelete,
}: {
  id: string;
  onClose: () => void;
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  const lang = useLangOf();
  const { data: contact } = useApi('contacts.get', { id });
  const mailto = contact?.email ? safeHref(`mailto:${contact.email}`) : null;

  return (
    <AppDrawer opened onClose={onClose} position="right" size="md" title={contact?.name ?? t('common.loading')}>
      {!contact ? (
        <Loader size="sm" />
      ) : (
        <WithHistoryTab entity="contacts" id={contact.id} compact>
          <Stack gap="md">
            <Stack gap={6}>
              <Field label={t('meetings.contacts.fields.title')}>{contact.title}</Field>
              <Field label={t('meetings.contacts.fields.organization')}>{contact.organizationName}</Field>
              <Field label={t('meetings.contacts.fields.email')}>
                {contact.email ? mailto ? <Anchor href={mailto}>{contact.email}</Anchor> : contact.email : null}
              </Field>
              <Field label={t('meetings.contacts.fields.phone')}>{contact.phone}</Field>
              {contact.notes ? (
                <Field label={t('meetings.contacts.fields.notes')}>
                  <Text size="sm" component="span" style={{ whiteSpace: 'pre-wrap' }} {...lang(contact.notes)}>
                    {contact.notes}
                  </Text>
                </Field>
              ) : null}
            </Stack>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => onEdit(contact)}>
                {t('common.edit')}
              </Button>
              <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(contact)}>
                {t('common.delete')}
              </Button>
            </Group>
            <Divider />
            <Stack gap="xs" component="section" aria-label={t('meetings.contacts.meetings')}>
              <Title order={3} size="h5">
                {t('meetings.contacts.meetings')}
              </Title>
              {contact.meetings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('meetings.contacts.noMeetings')}
                </Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {contact.meetings.map((m) => (
                    <li key={`${m.id}-${m.role ?? ''}`}>
                      <Anchor href={routeHash('meetings', m.id)} size="sm" fw={500}>
                        {m.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[formatDay(m.date), m.role].filter(Boolean).join(' · ')}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
            </Stack>
          </Stack>
        </WithHistoryTab>
      )}
    </AppDrawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={96} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {children || t('common.none')}
      </Text>
    </Group>
  );
}

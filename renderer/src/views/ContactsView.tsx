import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ExportMenu } from '../components/ExportMenu';
import { useLoad } from '../useLoad';
import { deleteWithUndo } from '../undo';
import type { Contact } from '../../../db/contacts';
import { ContactForm } from './contact/ContactForm';
import { ContactDrawer } from './contact/ContactDrawer';

/** People met: search, create, edit, delete with Undo; a contact's drawer lists their meetings. */
export function ContactsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, loading, reload } = useLoad(() => api['contacts.list']({ query: debounced || undefined }), [debounced]);

  // Ctrl/Cmd+N works from any field too (it types nothing), but never replaces a form being filled.
  useHotkeys([['mod+N', () => setEditing((current) => current ?? 'new')]], []);

  const remove = (contact: Contact) => {
    setOpenId(null);
    void deleteWithUndo({
      label: contact.name,
      remove: () => api['contacts.delete']({ id: contact.id }),
      restore: () => api['contacts.restore']({ id: contact.id }),
      onChange: reload,
    });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('meetings.contacts.title')}</Title>
        <Group>
          <TextInput
            aria-label={t('meetings.contacts.search')}
            placeholder={t('meetings.contacts.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={280}
          />
          <ExportMenu view="contacts" filters={debounced ? { query: debounced } : {}} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} title="Ctrl+N" aria-keyshortcuts="Control+N Meta+N">
            {t('meetings.contacts.new')}
          </Button>
        </Group>
      </Group>
      {data && data.length === 0 && !loading ? <Text c="dimmed">{debounced ? t('meetings.contacts.noMatches') : t('meetings.contacts.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('meetings.contacts.title')} data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.contacts.fields.name')}</Table.Th>
              <Table.Th>{t('meetings.contacts.fields.title')}</Table.Th>
              <Table.Th>{t('meetings.contacts.fields.organization')}</Table.Th>
              <Table.Th>{t('meetings.contacts.fields.email')}</Table.Th>
              <Table.Th>{t('meetings.contacts.fields.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((c) => (
              <Table.Tr
                key={c.id}
                className="clickable-row"
                tabIndex={0}
                onClick={() => setOpenId(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setOpenId(c.id);
                  }
                }}
              >
                <Table.Td fw={500}>{c.name}</Table.Td>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.organizationName}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {c.email ? (
                    <Anchor href={`mailto:${c.email}`} size="sm" tabIndex={-1} onClick={(e) => e.stopPropagation()}>
                      {c.email}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {openId && !editing ? (
        <ContactDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onEdit={setEditing}
          onDelete={remove}
        />
      ) : null}
      {editing ? (
        <ContactForm
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            // After an edit, back to the contact's details; after a create, back to the list.
            setOpenId(editing === 'new' ? null : saved.id);
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ExportMenu } from '../components/ExportMenu';
import { useApiPages } from '../useApi';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { deleteWithUndo } from '../undo';
import type { Contact } from '@db/contacts';
import { ContactForm } from './contact/ContactForm';
import { ContactDrawer } from './contact/ContactDrawer';
import { routeHash } from '../route';

/** People met: search, create, edit, delete with Undo; a contact's drawer lists their meetings. */
export function ContactsView({ openId: routeId = null }: { openId?: string | null }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  // #/contacts/<id> (from the search palette or an organization's page) opens that contact's drawer.
  const [openId, setOpenId] = useState<string | null>(routeId);
  useEffect(() => setOpenId(routeId), [routeId]);
  const { rows, total, loading, loadMore } = useApiPages('contacts.list', debounced ? { query: debounced } : {});

  // Ctrl/Cmd+N works from any field too (it types nothing), but never replaces a form being filled.
  useHotkeys([['mod+N', () => setEditing((current) => current ?? 'new')]], []);

  const remove = (contact: Contact) => {
    setOpenId(null);
    void deleteWithUndo({
      label: contact.name,
      remove: () => api['contacts.delete']({ id: contact.id }),
      restore: () => api['contacts.restore']({ id: contact.id }),
    });
  };

  const columns: Column<Contact>[] = [
    { key: 'name', header: t('meetings.contacts.fields.name'), width: '18%', fw: 500, cell: (c) => c.name },
    { key: 'title', header: t('meetings.contacts.fields.title'), width: '20%', cell: (c) => c.title },
    { key: 'organization', header: t('meetings.contacts.fields.organization'), width: '22%', cell: (c) => c.organizationName },
    {
      key: 'email',
      header: t('meetings.contacts.fields.email'),
      width: '24%',
      text: (c) => c.email ?? '',
      cell: (c) =>
        c.email ? (
          <Anchor href={`mailto:${c.email}`} size="sm" tabIndex={-1} onClick={(e) => e.stopPropagation()}>
            {c.email}
          </Anchor>
        ) : null,
    },
    { key: 'phone', header: t('meetings.contacts.fields.phone'), width: '16%', cell: (c) => c.phone },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('meetings.contacts.title')}
        </Title>
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
      {total === 0 && !loading ? <Text c="dimmed">{debounced ? t('meetings.contacts.noMatches') : t('meetings.contacts.empty')}</Text> : null}
      {total ? (
        <VirtualTable
          // a new search shows its first rows from the top
          key={debounced}
          rows={rows}
          total={total}
          columns={columns}
          rowKey={(c) => c.id}
          onOpen={(c) => setOpenId(c.id)}
          onEndReached={loadMore}
          ariaLabel={t('meetings.contacts.title')}
          testId="contacts-table"
          estimateRowHeight={41}
          verticalSpacing="xs"
        />
      ) : null}
      {openId && !editing ? (
        <ContactDrawer
          id={openId}
          onClose={() => {
            setOpenId(null);
            if (routeId) location.replace(routeHash('contacts'));
          }}
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
          }}
        />
      ) : null}
    </Stack>
  );
}

import { Combobox, Text, TextInput, useCombobox } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@db/contacts';

function matches(contact: Contact, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  return [contact.name, contact.title, contact.organizationName, contact.email].some((v) => !!v && v.toLowerCase().includes(q));
}

/**
 * An attendee's name: type any name, or pick one of the contacts that match what is typed
 * (arrow keys and Enter, or a click). Typing after a pick unlinks the contact.
 */
export function ContactPicker({
  name,
  contactId,
  contacts,
  label,
  error,
  autoFocus,
  onType,
  onPick,
}: {
  name: string;
  contactId: string | null;
  contacts: Contact[];
  label: string;
  error?: string | undefined;
  autoFocus?: boolean;
  onType: (name: string) => void;
  onPick: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const options = contactId ? [] : contacts.filter((c) => matches(c, name)).slice(0, 8);

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(id) => {
        const contact = contacts.find((c) => c.id === id);
        if (contact) onPick(contact);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          aria-label={label}
          placeholder={t('meetings.form.attendeeNamePlaceholder')}
          value={name}
          error={error}
          autoFocus={autoFocus}
          leftSection={contactId ? <IconAddressBook size={16} aria-label={t('meetings.form.linkedContact')} role="img" /> : undefined}
          onChange={(e) => {
            onType(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0}>
        <Combobox.Options aria-label={t('meetings.form.contactSuggestions')}>
          {options.map((c) => (
            <Combobox.Option value={c.id} key={c.id}>
              <Text size="sm">{c.name}</Text>
              {c.title || c.organizationName ? (
                <Text size="xs" c="dimmed">
                  {[c.title, c.organizationName].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@db/contacts';
import { ContactSearchPicker } from '../../components/pickers';

/**
 * An attendee's name: type any name, or pick one of the contacts the contract finds for what is
 * typed (by name, title, email, phone or any name of their organization). Typing after a pick
 * unlinks the contact.
 */
export function ContactPicker({
  name,
  contactId,
  label,
  error,
  autoFocus,
  onType,
  onPick,
}: {
  name: string;
  contactId: string | null;
  label: string;
  error?: string | undefined;
  autoFocus?: boolean;
  onType: (name: string) => void;
  onPick: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  return (
    <ContactSearchPicker
      aria-label={label}
      placeholder={t('meetings.form.attendeeNamePlaceholder')}
      value={contactId}
      text={name}
      onText={onType}
      onChange={(_, contact) => {
        if (contact) onPick(contact);
      }}
      error={error}
      autoFocus={autoFocus}
      leftSection={contactId ? <IconAddressBook size={16} aria-label={t('meetings.form.linkedContact')} role="img" /> : undefined}
    />
  );
}

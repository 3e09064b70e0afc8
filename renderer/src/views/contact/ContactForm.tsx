import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Contact, ContactDetail } from '@db/contacts';
import type { Organization } from '@db/organizations';
import { OrganizationPicker } from '../../components/pickers';
import { contactCreateInput, contactUpdateInput } from '@common/inputs/records';
import { contractOptions, useContractForm } from '../../lib/contract-form';
import { FormDialog } from '../../components/form/FormDialog';
import { FormField, FormTextarea, FormTextInput } from '../../components/form/fields';

interface Draft {
  name: string;
  title: string;
  organizationId: string | null;
  email: string;
  phone: string;
  notes: string;
}

/** The name in the UI language, with the other language's name to search by: Burgas (布尔加斯). */
function organizationLabel(o: Pick<Organization, 'displayName' | 'nameZh' | 'nameEn'>, language: string): string {
  const main = (language === 'zh' ? o.nameZh : o.nameEn) ?? o.displayName;
  const other = [language === 'zh' ? o.nameEn : o.nameZh, o.displayName].find((n) => n && !main.includes(n) && !n.includes(main));
  return other ? `${main} (${other})` : main;
}

/** Create or edit a contact. A rejection keeps everything typed and marks the fields. */
export function ContactForm({ contact, onClose, onSaved }: { contact: Contact | null; onClose: () => void; onSaved: (saved: ContactDetail) => void }) {
  const { t, i18n } = useTranslation();
  const draft: Draft = {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    organizationId: contact?.organizationId ?? null,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    notes: contact?.notes ?? '',
  };
  const form = useContractForm(
    contact
      ? contractOptions({
          schema: contactUpdateInput,
          defaultValues: draft,
          toInput: (values: Draft) => ({ id: contact.id, ...values }),
          save: (input) => api['contacts.update'](input),
          onSaved,
        })
      : contractOptions({
          schema: contactCreateInput,
          defaultValues: draft,
          toInput: (values: Draft) => values,
          save: (input) => api['contacts.create'](input),
          onSaved,
        }),
  );

  return (
    <FormDialog form={form} onClose={onClose} title={contact ? t('meetings.contacts.editTitle') : t('meetings.contacts.newTitle')}>
      <SimpleGrid cols={2} mb="sm">
        <FormTextInput name="name" label={t('meetings.contacts.fields.name')} required data-autofocus />
        <FormTextInput name="title" label={t('meetings.contacts.fields.title')} />
      </SimpleGrid>
      <div style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
        <FormField
          name="organizationId"
          render={(field, state) => (
            <OrganizationPicker
              label={t('meetings.contacts.fields.organization')}
              placeholder={t('meetings.contacts.organizationPlaceholder')}
              clearable
              value={field.value as string | null}
              known={contact?.organizationId && contact.organizationName ? [{ value: contact.organizationId, label: contact.organizationName }] : []}
              option={(o) => ({ value: o.id, label: organizationLabel(o, i18n.language) })}
              onChange={field.onChange}
              error={state.message}
            />
          )}
        />
      </div>
      <SimpleGrid cols={2} mb="sm">
        <FormTextInput name="email" type="email" label={t('meetings.contacts.fields.email')} />
        <FormTextInput name="phone" type="tel" label={t('meetings.contacts.fields.phone')} />
      </SimpleGrid>
      <FormTextarea name="notes" label={t('meetings.contacts.fields.notes')} autosize minRows={2} maxRows={6} />
    </FormDialog>
  );
}

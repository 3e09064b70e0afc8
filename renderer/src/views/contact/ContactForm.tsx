import { useRef, useState } from 'react';
import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { FormErrorSummary, useFocusFirstError } from '../../components/FormErrors';
import { AppModal } from '../../components/Dialog';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { localized } from '../../i18n';
import { showDone, showError } from '../../notify';
import type { Contact, ContactDetail } from '@db/contacts';
import type { Organization } from '@db/organizations';
import { OrganizationPicker } from '../../components/pickers';
import { CancelSaveButtons } from '../../components/CancelSaveButtons';
import { useDraftChanges } from '../../lib/unsaved';

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Create or edit a contact. A rejection keeps everything typed and marks the fields. */
export function ContactForm({ contact, onClose, onSaved }: { contact: Contact | null; onClose: () => void; onSaved: (saved: ContactDetail) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    organizationId: contact?.organizationId ?? null,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    notes: contact?.notes ?? '',
  }));
  const changes = useDraftChanges(draft);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(form);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const validate = (): boolean => {
    const next: typeof errors = {};
    if (!draft.name.trim()) next.name = t('meetings.contacts.errors.name');
    if (draft.email.trim() && !EMAIL.test(draft.email.trim())) next.email = t('meetings.contacts.errors.email');
    setErrors(next);
    if (Object.keys(next).length > 0) focusFirstError();
    return Object.keys(next).length === 0;
  };

  const save = async () => {
    if (saving || !validate()) return;
    const fields = { ...draft, email: draft.email.trim() };
    setSaving(true);
    try {
      const saved = contact ? await api['contacts.update']({ id: contact.id, ...fields }) : await api['contacts.create'](fields);
      showDone(t('common.saved'));
      changes.saved();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const message = localized(error.localized);
        setErrors(Object.fromEntries(error.fields.map((f) => [f.split('.')[0], message])));
        focusFirstError();
      }
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} dirty={changes.dirty} title={contact ? t('meetings.contacts.editTitle') : t('meetings.contacts.newTitle')} size="lg">
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <SimpleGrid cols={2} mb="sm">
          <TextInput
            label={t('meetings.contacts.fields.name')}
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('meetings.contacts.fields.title')}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
        </SimpleGrid>
        <OrganizationPicker
          label={t('meetings.contacts.fields.organization')}
          placeholder={t('meetings.contacts.organizationPlaceholder')}
          clearable
          value={draft.organizationId}
          known={contact?.organizationId && contact.organizationName ? [{ value: contact.organizationId, label: contact.organizationName }] : []}
          option={(o) => ({ value: o.id, label: organizationLabel(o, i18n.language) })}
          onChange={(id) => set('organizationId', id)}
          error={errors.organizationId}
          style={{ marginBottom: 'var(--mantine-spacing-sm)' }}
        />
        <SimpleGrid cols={2} mb="sm">
          <TextInput
            type="email"
            label={t('meetings.contacts.fields.email')}
            value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            type="tel"
            label={t('meetings.contacts.fields.phone')}
            value={draft.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone}
          />
        </SimpleGrid>
        <Textarea
          label={t('meetings.contacts.fields.notes')}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errors.notes}
          mb="md"
        />
        <FormErrorSummary errors={errors} />
        <CancelSaveButtons onCancel={onClose} saving={saving} justify="flex-end" />
      </form>
    </AppModal>
  );
}

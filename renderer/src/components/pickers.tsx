/**
 * The record pickers the forms and filters share: partnerships, organizations and contacts, each
 * searched through its list operation's `query` (every title and name in every script, aliases,
 * a partnership's parties, a contact's organization), first page only.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { countryName } from '../format';
import type { PartnershipListItem } from '@db/partnerships';
import type { OrganizationListItem } from '@db/organizations';
import type { Contact } from '@db/contacts';
import { PICKER_PAGE, RecordPicker, type PickerOption, type RecordPickerProps } from './RecordPicker';

/** A picker's props without the search, and with the option naming a row optional. */
type PickerProps<T> =
  RecordPickerProps<T> extends infer P ? (P extends unknown ? Omit<P, 'search' | 'option'> & { option?: (row: T) => PickerOption } : never) : never;

const queryOf = (text: string) => ({ ...(text ? { query: text } : {}), limit: PICKER_PAGE });

export const searchPartnerships = (text: string) => api['partnerships.list'](queryOf(text)).then((page) => page.rows);
export const searchOrganizations = (text: string) => api['organizations.list'](queryOf(text)).then((page) => page.rows);
export const searchContacts = (text: string) => api['contacts.list'](queryOf(text)).then((page) => page.rows);

/** A title in the UI language, else the title as entered. */
export function titleIn(record: { title: string; titleZh: string | null; titleEn: string | null }, language: string): string {
  return (language === 'zh' ? record.titleZh : record.titleEn) ?? record.title;
}

/** An organization's name in the UI language, else its display name. */
export function organizationNameIn(o: { displayName: string; nameZh: string | null; nameEn: string | null }, language: string): string {
  return (language === 'zh' ? o.nameZh : o.nameEn) ?? o.displayName;
}

export function partnershipOption(p: PartnershipListItem, language: string): PickerOption {
  return { value: p.id, label: titleIn(p, language), description: p.parties.map((party) => organizationNameIn(party, language)).join(' · ') || null };
}

export function PartnershipPicker(props: PickerProps<PartnershipListItem>) {
  const { i18n } = useTranslation();
  return <RecordPicker<PartnershipListItem> option={(p) => partnershipOption(p, i18n.language)} {...props} search={searchPartnerships} />;
}

export function organizationOption(o: Pick<OrganizationListItem, 'id' | 'displayName' | 'country'>): PickerOption {
  return { value: o.id, label: o.country ? `${o.displayName} (${o.country})` : o.displayName, description: o.country ? countryName(o.country) : null };
}

export function OrganizationPicker(props: PickerProps<OrganizationListItem>) {
  return <RecordPicker<OrganizationListItem> option={organizationOption} {...props} search={searchOrganizations} />;
}

export function contactOption(c: Contact): PickerOption {
  return { value: c.id, label: c.name, description: [c.title, c.organizationName].filter(Boolean).join(' · ') || null };
}

export function ContactSearchPicker(props: PickerProps<Contact>) {
  return <RecordPicker<Contact> option={contactOption} {...props} search={searchContacts} />;
}

type Titled = { title: string; titleZh: string | null; titleEn: string | null };

/**
 * Names of chosen partnerships for a picker's `known`: those it handed back (`remember`), and any
 * other chosen id (from a link, a preset filter) asked once with partnerships.get.
 */
export function useKnownPartnerships(ids: readonly (string | null | undefined)[]): {
  known: PickerOption[];
  remember: (rows: readonly (Titled & { id: string })[]) => void;
} {
  const { i18n } = useTranslation();
  const [titles, setTitles] = useState<ReadonlyMap<string, Titled>>(new Map());
  const missing = ids.filter((id): id is string => !!id && !titles.has(id));
  const key = missing.join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    void Promise.all(key.split(',').map((id) => api['partnerships.get']({ id }).catch(() => null))).then((found) => {
      if (!current) return;
      setTitles((map) => new Map([...map, ...found.flatMap((p) => (p ? [[p.id, p] as const] : []))]));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return {
    known: [...titles].map(([id, p]) => ({ value: id, label: titleIn(p, i18n.language) })),
    remember: (rows) => {
      if (rows.some((p) => !titles.has(p.id))) setTitles((map) => new Map([...map, ...rows.map((p) => [p.id, p] as const)]));
    },
  };
}

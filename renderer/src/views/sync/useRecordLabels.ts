import { useEffect, useState } from 'react';
import { api } from '../../api';
import { i18n } from '../../i18n';

export interface RecordRef {
  entity: string;
  rowId: string;
}

const key = (ref: RecordRef) => `${ref.entity}:${ref.rowId}`;

/** The name or title of one record, or null when its kind has no name to show (or it is gone). */
async function fetchLabel(ref: RecordRef): Promise<string | null> {
  try {
    switch (ref.entity) {
      case 'organizations':
        return (await api['organizations.get']({ id: ref.rowId })).displayName;
      case 'partnerships':
        return (await api['partnerships.get']({ id: ref.rowId })).title;
      case 'contacts':
        return (await api['contacts.get']({ id: ref.rowId })).name;
      case 'meetings':
        return (await api['meetings.get']({ id: ref.rowId })).title;
      case 'tasks':
        return (await api['tasks.get']({ id: ref.rowId })).title;
      case 'milestones':
        return (await api['milestones.get']({ id: ref.rowId })).title;
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/**
 * Names of the records that conflicts point at, so a person reads "Burgas", not an id. Fetched after
 * each change of the list (`version`), since flipping a name changes it.
 */
export function useRecordLabels(refs: RecordRef[], version: number): (ref: RecordRef) => string {
  const [labels, setLabels] = useState<Record<string, string | null>>({});
  const wanted = [...new Set(refs.map(key))].sort().join('|');
  useEffect(() => {
    let cancelled = false;
    const list = wanted ? wanted.split('|') : [];
    void Promise.all(
      list.map(async (k) => {
        const cut = k.indexOf(':');
        return [k, await fetchLabel({ entity: k.slice(0, cut), rowId: k.slice(cut + 1) })] as const;
      }),
    ).then((pairs) => {
      if (!cancelled) setLabels(Object.fromEntries(pairs));
    });
    return () => {
      cancelled = true;
    };
  }, [wanted, version]);
  return (ref) => labels[key(ref)] ?? i18n.t('sync.record', { id: ref.rowId.slice(0, 8) });
}

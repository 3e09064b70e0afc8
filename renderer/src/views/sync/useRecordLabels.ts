import { useQueries } from '@tanstack/react-query';
import type { OperationName } from '@db/api';
import { api } from '../../api';
import { i18n } from '../../i18n';
import { apiKey } from '../../useApi';

export interface RecordRef {
  entity: string;
  rowId: string;
}

const key = (ref: RecordRef) => `${ref.entity}:${ref.rowId}`;

/** Each named kind: the read that has the record, and its name or title in it. */
const NAMED: Record<string, { read: OperationName; label: (record: never) => string }> = {
  organizations: { read: 'organizations.get', label: (o: { displayName: string }) => o.displayName },
  partnerships: { read: 'partnerships.get', label: (p: { title: string }) => p.title },
  contacts: { read: 'contacts.get', label: (c: { name: string }) => c.name },
  meetings: { read: 'meetings.get', label: (m: { title: string }) => m.title },
  tasks: { read: 'tasks.get', label: (t: { title: string }) => t.title },
  milestones: { read: 'milestones.get', label: (m: { title: string }) => m.title },
};

/**
 * Names of the records that conflicts point at, so a person reads "Burgas", not an id. Cached reads of
 * the records themselves: a flipped name shows once the resolve has refreshed them (api/cache.ts).
 */
export function useRecordLabels(refs: RecordRef[]): (ref: RecordRef) => string {
  const wanted = [...new Map(refs.filter((ref) => ref.entity in NAMED).map((ref) => [key(ref), ref])).values()];
  const answers = useQueries({
    queries: wanted.map((ref) => {
      const named = NAMED[ref.entity]!;
      return {
        queryKey: apiKey(named.read, { id: ref.rowId }),
        queryFn: () => (api[named.read] as (input: { id: string }) => Promise<unknown>)({ id: ref.rowId }),
        select: (record: unknown) => named.label(record as never),
        // A record gone meanwhile keeps its short id: no error box.
        meta: { quiet: () => true },
      };
    }),
  });
  const labels = new Map(wanted.map((ref, i) => [key(ref), answers[i]?.data]));
  return (ref) => labels.get(key(ref)) ?? i18n.t('sync.record', { id: ref.rowId.slice(0, 8) });
}

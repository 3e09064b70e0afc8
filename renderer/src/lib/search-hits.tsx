import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { langOf } from '../lang';
import { navigate, type View } from '../route';
import type { SearchHit, SearchKind } from '@db/search';

const VIEW_OF: Record<SearchKind, View> = {
  organization: 'organizations',
  partnership: 'partnerships',
  milestone: 'partnerships',
  meeting: 'meetings',
  task: 'tasks',
  contact: 'contacts',
};

/** Where a hit opens: its own record (a page, the task's dialog, the contact's drawer); a milestone, its partnership. */
export function openHit(hit: SearchHit): void {
  navigate(VIEW_OF[hit.kind], hit.kind === 'milestone' ? hit.partnershipId : hit.id);
}

/** The matching text around the match, the match marked. */
export function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <>
      {hit.snippet.map((part, i) =>
        part.match ? (
          <mark key={i} className="search-match">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** One hit: title and context on the first line, where it matched below. */
export function HitLine({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const inTitle = hit.snippet.map((p) => p.text).join('') === hit.title;
  return (
    <div style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} lineClamp={1} lang={langOf(hit.title, i18n.language)}>
          {inTitle ? <Snippet hit={hit} /> : hit.title}
        </Text>
        {hit.context ? (
          <Text size="xs" c="dimmed" lineClamp={1} maw="45%" style={{ flexShrink: 0 }}>
            {hit.context}
          </Text>
        ) : null}
      </Group>
      {inTitle ? null : (
        <Text size="xs" c="dimmed" lineClamp={2}>
          <Text span size="xs" fw={600} c="dimmed">
            {t(`search.field.${hit.field}`)}:{' '}
          </Text>
          <Snippet hit={hit} />
        </Text>
      )}
    </div>
  );
}

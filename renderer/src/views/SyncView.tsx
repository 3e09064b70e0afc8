import { useState } from 'react';
import { useExchangeFile } from '../desktop';
import type { ChosenFile } from '@common/files';
import { Badge, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconFileExport, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';
import { formatNumber } from '../format';
import { ExportPanel } from './sync/ExportPanel';
import { ImportPanel } from './sync/ImportPanel';
import { HistoryPanel } from './sync/HistoryPanel';
import { ConflictsPanel } from './sync/ConflictsPanel';
import { DuplicatesPanel } from './sync/DuplicatesPanel';

type Section = 'export' | 'import' | 'history' | 'conflicts' | 'duplicates';

function CountBadge({ n, color }: { n: number; color: string }) {
  if (n === 0) return null;
  return (
    <Badge tt="none" size="sm" circle={n < 10} color={color} variant="filled">
      {formatNumber(n)}
    </Badge>
  );
}

/** Exchange the database by file with offices that share no server: export, import (preview, merge), review. */
export function SyncView() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('export');
  // A file double-clicked or chosen in the File menu: the import tab previews it.
  const [requested, setRequested] = useState<{ chosen: ChosenFile; seq: number } | null>(null);
  useExchangeFile((chosen) => {
    setSection('import');
    setRequested((previous) => ({ chosen, seq: (previous?.seq ?? 0) + 1 }));
  });

  const { data: log } = useApi('sync.log');
  const { data: conflicts } = useApi('conflicts.list', { includeResolved: true });
  const { data: duplicates } = useApi('duplicates.list');
  const openConflicts = conflicts?.filter((c) => c.resolvedAt === null).length ?? 0;
  const undecided = duplicates?.filter((d) => d.decision === null).length ?? 0;

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('sync.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.intro')}
        </Text>
      </Stack>
      <Tabs value={section} onChange={(value) => value && setSection(value as Section)} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="export" leftSection={<IconFileExport size={16} aria-hidden />}>
            {t('sync.tabs.export')}
          </Tabs.Tab>
          <Tabs.Tab value="import" leftSection={<IconFileImport size={16} aria-hidden />}>
            {t('sync.tabs.import')}
          </Tabs.Tab>
          <Tabs.Tab value="conflicts" leftSection={<IconAlertTriangle size={16} aria-hidden />} rightSection={<CountBadge n={openConflicts} color="orange" />}>
            {t('sync.tabs.conflicts')}
          </Tabs.Tab>
          <Tabs.Tab value="duplicates" leftSection={<IconCopy size={16} aria-hidden />} rightSection={<CountBadge n={undecided} color="grape" />}>
            {t('sync.tabs.duplicates')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('sync.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export">
          <ExportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportPanel requested={requested} onReview={setSection} />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts">
          <ConflictsPanel conflicts={conflicts} />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates">
          <DuplicatesPanel duplicates={duplicates} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel entries={log} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

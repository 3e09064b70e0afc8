import { useEffect, useState } from 'react';
import {
  Autocomplete,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@db/info';
import type { Settings } from '@db/settings';
import { api, ApiError } from '../api';
import { localized } from '../i18n';
import { formatNumber } from '../format';
import { showDone, showError } from '../notify';
import { useApi } from '../useApi';
import { ReminderSettings } from './ReminderSettings';

const MAX = 200;
const COUNTED = ['partnerships', 'organizations', 'milestones', 'meetings', 'tasks', 'contacts', 'attachments'] as const;

interface Draft {
  officeName: string;
  officeNameEn: string;
  userName: string;
}

const draftOf = (settings: Settings): Draft => ({
  officeName: settings.officeName ?? '',
  officeNameEn: settings.officeNameEn ?? '',
  userName: settings.userName ?? '',
});

/** Office name and the user's name (whose tasks are "My tasks"), and what this installation is. */
export function SettingsView({ info }: { info: AppInfo | undefined }) {
  const { t } = useTranslation();
  const { data: settings } = useApi('settings.get');
  const { data: assignees } = useApi('tasks.assignees');
  // Counting reads every table: asked here, not when the app starts.
  const { data: counts } = useApi('app.counts');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings) setDraft((d) => d ?? draftOf(settings));
  }, [settings]);

  const set = (key: keyof Draft, value: string) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const save = async () => {
    if (!draft) return;
    const next: typeof errors = {};
    if (draft.officeName.trim().length > MAX) next.officeName = t('tasks.settings.tooLong', { max: MAX });
    if (draft.officeNameEn.trim().length > MAX) next.officeNameEn = t('tasks.settings.tooLong', { max: MAX });
    if (draft.userName.trim().length > MAX) next.userName = t('tasks.settings.tooLong', { max: MAX });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setSaving(true);
    try {
      const saved: Settings = await api['settings.update']({ officeName: draft.officeName, officeNameEn: draft.officeNameEn, userName: draft.userName });
      setDraft(draftOf(saved));
      showDone(t('tasks.settings.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const message = localized(error.localized);
        setErrors(Object.fromEntries(error.fields.map((f) => [f.split('.')[0], message])));
      }
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack maw={760}>
      <Title order={2}>{t('nav.settings')}</Title>
      <Text c="dimmed">{t('tasks.settings.intro')}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-profile">
        <Title order={3} size="h5" mb="sm" id="settings-profile">
          {t('tasks.settings.profile')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              label={t('tasks.settings.officeName')}
              description={t('tasks.settings.officeNameHint')}
              value={draft?.officeName ?? ''}
              disabled={!draft}
              onChange={(e) => set('officeName', e.currentTarget.value)}
              error={errors.officeName}
            />
            <TextInput
              label={t('tasks.settings.officeNameEn')}
              description={t('tasks.settings.officeNameEnHint')}
              value={draft?.officeNameEn ?? ''}
              disabled={!draft}
              lang="en"
              onChange={(e) => set('officeNameEn', e.currentTarget.value)}
              error={errors.officeNameEn}
            />
            <Autocomplete
              label={t('tasks.settings.userName')}
              description={t('tasks.settings.userNameHint')}
              value={draft?.userName ?? ''}
              disabled={!draft}
              onChange={(v) => set('userName', v)}
              data={(assignees ?? []).filter((name) => name !== draft?.userName)}
              error={errors.userName}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={saving} disabled={!draft}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <AppearanceSettings />
      <ReminderSettings settings={settings} />
      {info ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-about">
          <Title order={3} size="h5" mb="sm" id="settings-about">
            {t('settings.about')}
          </Title>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('settings.version')}</Table.Th>
                <Table.Td>{info.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.database')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Code>{info.databasePath}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.schema')}</Table.Th>
                <Table.Td>{info.schemaVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.records')}</Table.Th>
                <Table.Td>
                  <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {COUNTED.map((entity) => (
                      <li key={entity}>
                        {t(`tasks.settings.counts.${entity}`)} <strong>{counts ? formatNumber(counts[entity]) : '…'}</strong>
                      </li>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** Light, dark, or the system's choice (the default); remembered on this computer. The desktop menu's View > Appearance is the same setting. */
function AppearanceSettings() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-appearance">
      <Title order={3} size="h5" mb="sm" id="settings-appearance">
        {t('settings.appearance')}
      </Title>
      <SegmentedControl
        aria-labelledby="settings-appearance"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={[
          { value: 'auto', label: t('settings.theme.system') },
          { value: 'light', label: t('settings.theme.light') },
          { value: 'dark', label: t('settings.theme.dark') },
        ]}
      />
    </Paper>
  );
}

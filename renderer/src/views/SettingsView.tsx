import { Button, Code, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@db/info';
import type { Settings } from '@db/settings';
import { settingsUpdateInput } from '@common/inputs/settings';
import { api } from '../api';
import { formatNumber } from '../format';
import { showDone } from '../notify';
import { useContractForm } from '../lib/contract-form';
import { useUnsavedGuard } from '../lib/unsaved';
import { FormAutocomplete, FormTextInput } from '../components/form/fields';
import { ContractFormElement } from '../components/form/ContractFormElement';
import { FormErrorSummary } from '../components/FormErrors';
import { useApi } from '../useApi';
import { ReminderSettings } from './ReminderSettings';

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

  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        {t('nav.settings')}
      </Title>
      <Text c="dimmed">{t('tasks.settings.intro')}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-profile">
        <Title order={2} size="h5" mb="sm" id="settings-profile">
          {t('tasks.settings.profile')}
        </Title>
        {settings ? <ProfileForm settings={settings} assignees={assignees ?? []} /> : <Loader size="sm" />}
      </Paper>
      <AppearanceSettings />
      <ReminderSettings settings={settings} />
      {info ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-about">
          <Title order={2} size="h5" mb="sm" id="settings-about">
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

/**
 * The office's names and the user's: checked by the contract's own schema, kept while the person goes elsewhere
 * (navigation asks first), and after a save the saved values are the new starting point.
 */
function ProfileForm({ settings, assignees }: { settings: Settings; assignees: string[] }) {
  const { t } = useTranslation();
  const form = useContractForm({
    schema: settingsUpdateInput,
    defaultValues: draftOf(settings),
    toInput: (draft: Draft) => draft,
    save: (input) => api['settings.update'](input),
    onSaved: (saved: Settings) => {
      form.form.reset(draftOf(saved));
      showDone(t('tasks.settings.saved'));
    },
    announce: false,
    stays: true,
  });
  useUnsavedGuard(form.unsaved);
  const userName = form.form.watch('userName');
  return (
    <ContractFormElement form={form}>
      <Stack gap="sm">
        <FormTextInput name="officeName" label={t('tasks.settings.officeName')} description={t('tasks.settings.officeNameHint')} />
        <FormTextInput name="officeNameEn" label={t('tasks.settings.officeNameEn')} description={t('tasks.settings.officeNameEnHint')} lang="en" />
        <FormAutocomplete
          name="userName"
          label={t('tasks.settings.userName')}
          description={t('tasks.settings.userNameHint')}
          data={assignees.filter((name) => name !== userName)}
        />
        <FormErrorSummary errors={form.errors} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ContractFormElement>
  );
}

/** Light, dark, or the system's choice (the default); remembered on this computer. The desktop menu's View > Appearance is the same setting. */
function AppearanceSettings() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-appearance">
      <Title order={2} size="h5" mb="sm" id="settings-appearance">
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

import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { AppModal } from '../components/Dialog';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { refreshEverything } from '../api/cache';
import { showError } from '../notify';

/**
 * The first start on a new file: the office's names (Chinese and English, for the header and reports) and the
 * user's own (which tasks are "My tasks"), then the sample data or an empty start. The names can wait: Settings has them.
 */
export function OnboardingDialog({ opened }: { opened: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'sample' | 'empty' | null>(null);
  const [names, setNames] = useState({ officeName: '', officeNameEn: '', userName: '' });
  const choose = async (choice: 'sample' | 'empty') => {
    setBusy(choice);
    try {
      const typed = Object.fromEntries(Object.entries(names).filter(([, value]) => value.trim()));
      await api['app.finishOnboarding']({ choice, ...typed });
      // Every read again (this dialog closes once the app's info says so), the view on screen stays mounted.
      await refreshEverything();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const field = (key: keyof typeof names, label: string, placeholder: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      maxLength={200}
      value={names[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setNames((n) => ({ ...n, [key]: value }));
      }}
    />
  );
  return (
    <AppModal opened={opened} onClose={() => void choose('empty')} title={t('onboarding.title')} centered closeOnClickOutside={false} size="lg">
      <Stack gap="sm" mb="lg">
        <Text size="sm">{t('onboarding.namesIntro')}</Text>
        <SimpleGrid cols={2} spacing="sm">
          {field('officeName', t('tasks.settings.officeName'), t('onboarding.officeNamePlaceholder'))}
          {field('officeNameEn', t('tasks.settings.officeNameEn'), t('onboarding.officeNameEnPlaceholder'))}
        </SimpleGrid>
        {field('userName', t('tasks.settings.userName'), t('onboarding.userNamePlaceholder'))}
        <Text mt="xs">{t('onboarding.body')}</Text>
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" loading={busy === 'empty'} disabled={!!busy} onClick={() => void choose('empty')}>
          {t('onboarding.empty')}
        </Button>
        <Button loading={busy === 'sample'} disabled={!!busy} onClick={() => void choose('sample')} data-autofocus>
          {t('onboarding.sample')}
        </Button>
      </Group>
    </AppModal>
  );
}

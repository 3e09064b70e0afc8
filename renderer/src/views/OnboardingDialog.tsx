import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { AppModal } from '../components/Dialog';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { showError } from '../notify';

export function OnboardingDialog({ opened, onDone }: { opened: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'sample' | 'empty' | null>(null);
  const choose = async (choice: 'sample' | 'empty') => {
    setBusy(choice);
    try {
      await api['app.finishOnboarding']({ choice });
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <AppModal opened={opened} onClose={() => void choose('empty')} title={t('onboarding.title')} centered closeOnClickOutside={false}>
      <Text mb="lg">{t('onboarding.body')}</Text>
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

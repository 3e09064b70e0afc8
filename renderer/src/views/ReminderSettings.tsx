import { useEffect, useMemo, useState } from 'react';
import { Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@db/settings';
import { api } from '../api';
import { uiLocale } from '../i18n';
import { showDone, showError } from '../notify';

type ReminderChoice = Pick<Settings, 'dailyReminder' | 'reminderHour'>;

/** Settings: the daily desktop notification of the reminders, and the hour it may come from. Saved on change. */
export function ReminderSettings({ settings }: { settings: Settings | undefined }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ReminderChoice | null>(null);

  useEffect(() => {
    if (settings) setChoice((c) => c ?? { dailyReminder: settings.dailyReminder, reminderHour: settings.reminderHour });
  }, [settings]);

  const locale = uiLocale();
  const hours = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
    return Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: format.format(Date.UTC(2000, 0, 1, hour)) }));
  }, [locale]);

  const save = async (patch: Partial<ReminderChoice>) => {
    if (!choice) return;
    const before = choice;
    setChoice({ ...choice, ...patch });
    try {
      const saved = await api['settings.update'](patch);
      setChoice({ dailyReminder: saved.dailyReminder, reminderHour: saved.reminderHour });
      showDone(t('timeline.settings.saved'));
    } catch (error) {
      setChoice(before);
      showError(error);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-reminders">
      <Title order={2} size="h5" mb={4} id="settings-reminders">
        {t('timeline.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('timeline.settings.intro')}
      </Text>
      <Stack gap="sm">
        <Switch
          label={t('timeline.settings.daily')}
          description={t('timeline.settings.dailyHint')}
          checked={choice?.dailyReminder ?? true}
          disabled={!choice}
          onChange={(event) => void save({ dailyReminder: event.currentTarget.checked })}
        />
        <Select
          label={t('timeline.settings.hour')}
          description={t('timeline.settings.hourHint')}
          data={hours}
          value={String(choice?.reminderHour ?? 9)}
          disabled={!choice || !choice.dailyReminder}
          allowDeselect={false}
          onChange={(value) => {
            if (value !== null) void save({ reminderHour: Number(value) });
          }}
          maw={320}
        />
      </Stack>
    </Paper>
  );
}

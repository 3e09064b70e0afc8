/** The meeting form's record: agenda, summary, outcomes, gifts, and notes in Markdown with a preview. */
import { useState } from 'react';
import { Box, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';
import type { DraftEditor, TextField } from './meetingDraft';
import { Section } from './FormParts';

export function MeetingNotes({ draft, errors, setDraft, clearError }: DraftEditor) {
  const { t } = useTranslation();
  const [notesTab, setNotesTab] = useState<'write' | 'preview'>('write');
  const setText = (key: TextField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearError(key);
  };
  return (
    <Section title={t('meetings.form.record')}>
      <Stack gap="sm">
        <Textarea
          label={t('meetings.fields.agenda')}
          autosize
          minRows={2}
          maxRows={10}
          value={draft.agenda}
          onChange={(e) => setText('agenda', e.currentTarget.value)}
          error={errors.agenda}
        />
        <Textarea
          label={t('meetings.fields.summary')}
          autosize
          minRows={3}
          maxRows={14}
          value={draft.summary}
          onChange={(e) => setText('summary', e.currentTarget.value)}
          error={errors.summary}
        />
        <Textarea
          label={t('meetings.fields.outcomes')}
          description={t('meetings.form.outcomesHint')}
          autosize
          minRows={2}
          maxRows={10}
          value={draft.outcomes}
          onChange={(e) => setText('outcomes', e.currentTarget.value)}
          error={errors.outcomes}
        />
        <Textarea
          label={t('meetings.fields.gifts')}
          description={t('meetings.form.giftsHint')}
          autosize
          minRows={1}
          maxRows={6}
          value={draft.gifts}
          onChange={(e) => setText('gifts', e.currentTarget.value)}
          error={errors.gifts}
        />
        <Box>
          <Group justify="space-between" align="flex-end" mb={4} wrap="nowrap">
            <Box>
              <Text component="label" htmlFor="meeting-notes" size="sm" fw={500}>
                {t('meetings.fields.notes')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('meetings.form.notesHint')}
              </Text>
            </Box>
            <SegmentedControl
              size="xs"
              aria-label={t('meetings.form.notesView')}
              value={notesTab}
              onChange={(value) => setNotesTab(value as 'write' | 'preview')}
              data={[
                { value: 'write', label: t('meetings.form.write') },
                { value: 'preview', label: t('meetings.form.preview') },
              ]}
            />
          </Group>
          {notesTab === 'preview' ? (
            <Paper withBorder p="sm" mih={84} data-testid="notes-preview">
              {draft.notes.trim() ? (
                <Markdown source={draft.notes} />
              ) : (
                <Text c="dimmed" size="sm">
                  {t('meetings.form.nothingToPreview')}
                </Text>
              )}
            </Paper>
          ) : (
            <Textarea
              id="meeting-notes"
              autosize
              minRows={3}
              maxRows={16}
              value={draft.notes}
              onChange={(e) => setText('notes', e.currentTarget.value)}
              error={errors.notes}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            />
          )}
        </Box>
      </Stack>
    </Section>
  );
}

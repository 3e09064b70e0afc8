/** The meeting form's record: agenda, summary, outcomes, gifts, and notes in Markdown with a preview. */
import { useState } from 'react';
import { Box, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { FormTextarea } from '../../components/form/fields';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/Markdown';
import type { DraftEditor } from './meetingDraft';
import { Section } from './FormParts';

/** The texts are bound by name to the form around (FormScope): each shows its counter near the contract's limit. */
export function MeetingNotes({ draft }: Pick<DraftEditor, 'draft'>) {
  const { t } = useTranslation();
  const [notesTab, setNotesTab] = useState<'write' | 'preview'>('write');
  return (
    <Section title={t('meetings.form.record')}>
      <Stack gap="sm">
        <FormTextarea name="agenda" label={t('meetings.fields.agenda')} autosize minRows={2} maxRows={10} />
        <FormTextarea name="summary" label={t('meetings.fields.summary')} autosize minRows={3} maxRows={14} />
        <FormTextarea name="outcomes" label={t('meetings.fields.outcomes')} description={t('meetings.form.outcomesHint')} autosize minRows={2} maxRows={10} />
        <FormTextarea name="gifts" label={t('meetings.fields.gifts')} description={t('meetings.form.giftsHint')} autosize minRows={1} maxRows={6} />
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
            <FormTextarea
              name="notes"
              id="meeting-notes"
              autosize
              minRows={3}
              maxRows={16}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            />
          )}
        </Box>
      </Stack>
    </Section>
  );
}

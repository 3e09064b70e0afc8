/** The meeting form's attendees: a list per side, each row a name (typed or a contact), organization, role, interpreter. */
import type { RefObject } from 'react';
import { ActionIcon, Box, Button, Checkbox, Fieldset, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SIDES, type AttendeeSide } from './shared';
import { blankAttendee, type AttendeeDraft, type DraftEditor } from './meetingDraft';
import { ContactPicker } from './ContactPicker';
import { ColumnHeads, Section } from './FormParts';

export function MeetingAttendees({ draft, errors, setDraft, clearError, lastAdded }: DraftEditor & { lastAdded: RefObject<string | null> }) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<AttendeeDraft>) => {
    setDraft((d) => ({ ...d, attendees: d.attendees.map((a) => (a.key === key ? { ...a, ...change } : a)) }));
    clearError(`attendee.${key}`);
  };
  const add = (side: AttendeeSide) => {
    const row = blankAttendee(side);
    lastAdded.current = row.key;
    setDraft((d) => ({ ...d, attendees: [...d.attendees, row] }));
  };
  const sideLegend: Record<AttendeeSide, string> = {
    ours: t('meetings.sides.ours'),
    partner: t('meetings.sides.partner'),
    third_party: t('meetings.sides.third_party'),
  };
  return (
    <Section title={t('meetings.form.attendees')}>
      <Stack gap="sm">
        {SIDES.map((side) => {
          const rows = draft.attendees.filter((a) => a.side === side);
          return (
            <Fieldset key={side} legend={sideLegend[side]} variant="filled" p="sm" pt={4}>
              <Stack gap={6}>
                {rows.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.form.noAttendees')}
                  </Text>
                ) : null}
                {rows.length > 0 ? (
                  <ColumnHeads
                    columns={[
                      [7, t('meetings.form.attendeeName')],
                      [7, t('meetings.form.attendeeOrganization')],
                      [6, t('meetings.form.attendeeRole')],
                      [4, t('meetings.form.interpreter')],
                    ]}
                  />
                ) : null}
                {rows.map((a, index) => (
                  <Grid key={a.key} columns={24} gutter={6} align="flex-start">
                    <Grid.Col span={7}>
                      <ContactPicker
                        label={t('meetings.form.attendeeName')}
                        name={a.name}
                        contactId={a.contactId}
                        autoFocus={lastAdded.current === a.key}
                        error={errors[`attendee.${a.key}`]}
                        onType={(name) => update(a.key, { name, contactId: null })}
                        onPick={(c) =>
                          update(a.key, {
                            contactId: c.id,
                            name: c.name,
                            organizationId: c.organizationId,
                            organizationName: c.organizationName ?? '',
                            role: a.role || (c.title ?? ''),
                          })
                        }
                      />
                    </Grid.Col>
                    <Grid.Col span={7}>
                      <TextInput
                        aria-label={t('meetings.form.attendeeOrganization')}
                        placeholder={t('meetings.form.attendeeOrganization')}
                        value={a.organizationName}
                        onChange={(e) => update(a.key, { organizationName: e.currentTarget.value, organizationId: null })}
                      />
                    </Grid.Col>
                    <Grid.Col span={6}>
                      <TextInput
                        aria-label={t('meetings.form.attendeeRole')}
                        placeholder={t('meetings.form.attendeeRole')}
                        value={a.role}
                        onChange={(e) => update(a.key, { role: e.currentTarget.value })}
                      />
                    </Grid.Col>
                    <Grid.Col span={4}>
                      <Group gap={4} wrap="nowrap" justify="space-between" h={36} pl={4}>
                        <Checkbox
                          size="sm"
                          aria-label={t('meetings.form.interpreter')}
                          title={t('meetings.form.interpreter')}
                          checked={a.isInterpreter}
                          onChange={(e) => update(a.key, { isInterpreter: e.currentTarget.checked })}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('meetings.form.removeAttendee', { number: index + 1 })}
                          title={t('meetings.form.removeAttendee', { number: index + 1 })}
                          onClick={() => setDraft((d) => ({ ...d, attendees: d.attendees.filter((x) => x.key !== a.key) }))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Grid.Col>
                  </Grid>
                ))}
                <Box>
                  <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => add(side)}>
                    {t('meetings.form.addAttendee')}
                  </Button>
                </Box>
              </Stack>
            </Fieldset>
          );
        })}
      </Stack>
    </Section>
  );
}

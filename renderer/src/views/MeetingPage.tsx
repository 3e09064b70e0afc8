import { useState } from 'react';
import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate, routeHash } from '../route';
import { useApi } from '../useApi';
import { deleteWithUndo } from '../undo';
import { showDone, showError } from '../notify';
import { MeetingForm } from './meeting/MeetingForm';
import { MeetingDetail } from './meeting/MeetingDetail';

/** `id` is a meeting id, or 'new' for the meeting log form. */
export function MeetingPage({ id }: { id: string }) {
  if (id === 'new') return <MeetingForm meeting={null} onCancel={() => navigate('meetings')} onSaved={(saved) => navigate('meetings', saved.id)} />;
  return <ExistingMeeting id={id} />;
}

function ExistingMeeting({ id }: { id: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { data: meeting, loading } = useApi('meetings.get', { id });

  if (!meeting) {
    return loading ? (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    ) : (
      <Stack gap="xs">
        <Text>{t('meetings.detail.notFound')}</Text>
        <Anchor href={routeHash('meetings')}>{t('meetings.detail.back')}</Anchor>
      </Stack>
    );
  }

  if (editing) {
    return <MeetingForm meeting={meeting} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />;
  }

  const remove = () => {
    let changes = 0;
    void deleteWithUndo({
      label: meeting.title,
      remove: () => api['meetings.delete']({ id: meeting.id }),
      restore: () => api['meetings.restore']({ id: meeting.id }),
      // After the delete: back to the list; after Undo: back to the restored meeting.
      onChange: () => (changes++ === 0 ? navigate('meetings') : navigate('meetings', meeting.id)),
    });
  };

  const restore = () => {
    api['meetings.restore']({ id: meeting.id }).then(
      () => showDone(t('common.restored')),
      (error: unknown) => showError(error),
    );
  };

  return <MeetingDetail meeting={meeting} onEdit={() => setEditing(true)} onDelete={remove} onRestore={restore} />;
}

import { Button, Group, type GroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGuardedClose } from '../lib/unsaved';

/**
 * A dialog form's Cancel and Save buttons; Save submits the form and spins while it saves. In an
 * `AppModal` with unsaved changes, Cancel asks before discarding them, as Esc and × do.
 */
export function CancelSaveButtons({ onCancel, saving, ...group }: { onCancel: () => void; saving: boolean } & GroupProps) {
  const { t } = useTranslation();
  const confirm = useGuardedClose();
  return (
    <Group {...group}>
      <Button variant="default" onClick={() => confirm(onCancel)}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

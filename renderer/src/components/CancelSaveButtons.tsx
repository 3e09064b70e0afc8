import { Button, Group, type GroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dialog form's Cancel and Save buttons; Save submits the form and spins while it saves. */
export function CancelSaveButtons({ onCancel, saving, ...group }: { onCancel: () => void; saving: boolean } & GroupProps) {
  const { t } = useTranslation();
  return (
    <Group {...group}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

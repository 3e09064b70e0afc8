import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { i18n } from './i18n';
import { showDone, showError } from './notify';

/**
 * Delete through the contract, then offer Undo in the toast for 10 seconds. Undo calls the
 * matching restore operation. `onChange` runs after the delete and after an undo.
 */
export async function deleteWithUndo(options: {
  label: string;
  remove: () => Promise<unknown>;
  restore: () => Promise<unknown>;
  onChange?: () => void;
}): Promise<boolean> {
  try {
    await options.remove();
  } catch (error) {
    showError(error);
    return false;
  }
  options.onChange?.();
  const id = `undo-${Date.now()}-${Math.random()}`;
  notifications.show({
    id,
    autoClose: 10_000,
    withCloseButton: true,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{i18n.t('common.deletedItem', { label: options.label })}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            options.restore().then(
              () => {
                options.onChange?.();
                showDone(i18n.t('common.restored'));
              },
              (error: unknown) => showError(error),
            );
          }}
        >
          {i18n.t('common.undo')}
        </Button>
      </Group>
    ),
  });
  return true;
}

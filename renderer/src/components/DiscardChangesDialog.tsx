import { Button, getDefaultZIndex, Group, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { answerDiscard, useDiscardQuestion } from '../lib/unsaved';

/**
 * "Discard unsaved changes?", over the form it is about (a dialog's, or a page's): Keep editing has
 * the focus, so Enter, Esc or a click outside keep what was typed; only Discard throws it away.
 */
export function DiscardChangesDialog() {
  const { t } = useTranslation();
  const asking = useDiscardQuestion();
  return (
    <Modal
      opened={asking}
      onClose={() => answerDiscard(false)}
      title={t('unsaved.title')}
      size="sm"
      centered
      withCloseButton={false}
      zIndex={getDefaultZIndex('modal') + 10}
    >
      <Group justify="flex-end" gap="sm">
        <Button variant="default" color="red" onClick={() => answerDiscard(true)}>
          {t('unsaved.discard')}
        </Button>
        <Button data-autofocus onClick={() => answerDiscard(false)}>
          {t('unsaved.keep')}
        </Button>
      </Group>
    </Modal>
  );
}

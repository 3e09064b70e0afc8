import { useCallback, useEffect, useState, type RefObject } from 'react';
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { focusFirstInvalid } from '../lib/contract-form';

/**
 * A refused save, said out loud: an alert that counts the fields marked in red (read at once by
 * a screen reader), shown while any field has a message. Every dialog form puts it above its
 * buttons, as the meeting form does.
 */
export function FormErrorSummary({ errors }: { errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const count = Object.values(errors).filter(Boolean).length;
  if (count === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" py={6} mb="sm">
      {t('common.formErrors', { count })}
    </Alert>
  );
}

/** After a refused save, focus the first field marked invalid, its picker list closed (call the returned function then). */
export function useFocusFirstError(form: RefObject<HTMLElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt, form]);
  return useCallback(() => setAttempt((a) => a + 1), []);
}

import { notifications } from '@mantine/notifications';
import { ApiError } from './api/client';
import { i18n, localized } from './i18n';

/** Show a contract error (or anything thrown) in the UI language; never a stack trace. */
export function showError(error: unknown, context: 'save' | 'load' = 'save'): void {
  const message =
    error instanceof ApiError
      ? localized(error.localized)
      : localized({
          zh: '发生意外错误，未保存任何更改。请重试。',
          en: 'Something unexpected went wrong and nothing was saved. Try again.',
        });
  notifications.show({
    color: 'red',
    title: i18n.t(context === 'save' ? 'common.errorTitle' : 'common.loadErrorTitle'),
    message,
    autoClose: 8000,
  });
}

export function showDone(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

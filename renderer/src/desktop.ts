/**
 * Commands from the desktop shell (native menu, reminders notification) arrive once through
 * window.api.onCommand and are re-sent as a window event, so any component can listen with
 * useWindowEvent and stop listening when it unmounts. In the browser mode nothing arrives.
 */
import { useEffect, useRef } from 'react';
import { useMantineColorScheme } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PageCommand } from '@electron/menu';
import type { ChosenFile } from '@common/files';
import { setLanguage, type Language } from './i18n';
import { navigate, parseRoute } from './route';

export const COMMAND_EVENT = 'pt:command';
/**
 * An exchange file to import (double-clicked, or chosen in the File menu): a handle and a name as the event's
 * detail, never a path. The Sync view's import tab takes it, previews it, and asks for what it needs.
 */
export const EXCHANGE_FILE_EVENT = 'pt:exchange-file';
/** Asks the Reports view to print what it shows (the menu's Print report…, Ctrl/Cmd+P). */
export const PRINT_EVENT = 'pt:print-report';

let listening = false;

function listenOnce(): void {
  if (listening || !window.api?.onCommand) return;
  listening = true;
  window.api.onCommand((command) => window.dispatchEvent(new CustomEvent<PageCommand>(COMMAND_EVENT, { detail: command })));
  window.api.onExchangeFile?.((file) => window.dispatchEvent(new CustomEvent<ChosenFile>(EXCHANGE_FILE_EVENT, { detail: file })));
}

/** The exchange file asked for while no Sync view was on screen: the next one to mount takes it. */
let pendingExchangeFile: ChosenFile | null = null;
const exchangeFileTakers = new Set<(file: ChosenFile) => void>();

function offerExchangeFile(file: ChosenFile): void {
  const taker = [...exchangeFileTakers].at(-1);
  if (taker) taker(file);
  else pendingExchangeFile = file;
}

/**
 * Receive each exchange file asked for while the component is mounted, and one asked for just before.
 * A file arriving while the user leaves the Sync view can reach the view about to unmount; as the address
 * then says Sync again, the view gives the file back on unmounting and the Sync view mounted next takes it.
 */
export function useExchangeFile(take: (file: ChosenFile) => void): void {
  const latest = useRef(take);
  latest.current = take;
  useEffect(() => {
    let taken: ChosenFile | null = null;
    const taker = (file: ChosenFile) => {
      taken = file;
      latest.current(file);
    };
    exchangeFileTakers.add(taker);
    if (pendingExchangeFile !== null) {
      const file = pendingExchangeFile;
      pendingExchangeFile = null;
      taker(file);
    }
    return () => {
      exchangeFileTakers.delete(taker);
      if (taken !== null && parseRoute(location.hash).view === 'sync') pendingExchangeFile ??= taken;
    };
  }, []);
}

/** Run `handler` for each desktop command while the component is mounted. */
export function useDesktopCommand(handler: (command: PageCommand) => void): void {
  useEffect(listenOnce, []);
  useWindowEvent(COMMAND_EVENT, (event) => handler((event as CustomEvent<PageCommand>).detail));
}

/** The app-wide commands (language, theme, where to go), and the page's choices reported back to the menu. */
export function useDesktopShell(): void {
  const { i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const theme = colorScheme === 'auto' ? 'system' : colorScheme;

  useDesktopCommand((command) => {
    if (command === 'language-zh' || command === 'language-en') setLanguage(command.slice('language-'.length) as Language);
    else if (command === 'theme-system') setColorScheme('auto');
    else if (command === 'theme-light' || command === 'theme-dark') setColorScheme(command === 'theme-light' ? 'light' : 'dark');
    else if (command === 'backups') navigate('backups');
    else if (command === 'print-report') {
      if (location.hash.startsWith('#/reports')) window.dispatchEvent(new Event(PRINT_EVENT));
      else navigate('reports');
    }
  });

  // An exchange file goes to the Sync view, which previews it (mounting it if another view is open).
  useWindowEvent(EXCHANGE_FILE_EVENT, (event) => {
    offerExchangeFile((event as CustomEvent<ChosenFile>).detail);
    navigate('sync');
  });

  useEffect(() => {
    window.api?.reportUiState?.({ language: i18n.language === 'zh' ? 'zh' : 'en', theme });
  }, [i18n.language, theme]);
}

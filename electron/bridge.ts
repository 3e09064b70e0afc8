/** What the preload exposes as `window.api`; shared by preload, main and the renderer (types only there). */
import type { Envelope } from '../db/api';
import type { PageCommand } from './menu';
import { FILE_HANDLE_PATTERN, type ChosenFile } from '../common/files';

export const API_CHANNEL = 'pt:api';
/** Main -> page: a menu item or the reminders notification asks the page to do something (PAGE_COMMANDS). */
export const COMMAND_CHANNEL = 'pt:command';
/** Main -> page: an exchange file to import (double-clicked, or chosen in File > Import and merge…), as a handle and a name. */
export const EXCHANGE_FILE_CHANNEL = 'pt:exchange-file';
/** Page -> main: show the open or save dialog; the answer is a handle for the file the person chose, or null. */
export const CHOOSE_FILE_CHANNEL = 'pt:choose-file';
/** Page -> main: the page's language and theme, so the menu shows the same choices. */
export const UI_STATE_CHANNEL = 'pt:ui-state';

export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  desktop: true;
  /** Called for each command of the native menu (or the notification) that the page carries out. */
  onCommand(listener: (command: PageCommand) => void): void;
  /** Called with each exchange file the person asked to import (a handle, never a path); the Sync view previews it. */
  onExchangeFile(listener: (file: ChosenFile) => void): void;
  /** The system's open or save dialog for an exchange file: the chosen file as a handle, or null when cancelled. */
  chooseFile(request: FileRequest): Promise<ChosenFile | null>;
  /** Tell the desktop shell the language and theme now in use. */
  reportUiState(state: { language: 'zh' | 'en'; theme: 'system' | 'light' | 'dark' }): void;
}

/** What the page may ask a dialog for: a file to import, or where to save an export (under a suggested name). */
export type FileRequest = { purpose: 'import' } | { purpose: 'export'; suggestedName: string };

/** A request as it arrives over IPC, checked (the page is not trusted to send a well-formed one). */
export function parseFileRequest(value: unknown): FileRequest | null {
  if (!value || typeof value !== 'object') return null;
  const request = value as { purpose?: unknown; suggestedName?: unknown };
  if (request.purpose === 'import') return { purpose: 'import' };
  if (request.purpose === 'export' && typeof request.suggestedName === 'string' && /^[^/\\\0]{1,200}$/.test(request.suggestedName)) {
    return { purpose: 'export', suggestedName: request.suggestedName };
  }
  return null;
}

/** A chosen file as it arrives from the main process, checked before the page sees it. */
export function parseChosenFile(value: unknown): ChosenFile | null {
  if (!value || typeof value !== 'object') return null;
  const chosen = value as { file?: unknown; name?: unknown };
  return typeof chosen.file === 'string' && FILE_HANDLE_PATTERN.test(chosen.file) && typeof chosen.name === 'string' && chosen.name.length <= 255
    ? { file: chosen.file, name: chosen.name }
    : null;
}

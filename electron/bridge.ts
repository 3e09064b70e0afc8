/** What the preload exposes as `window.api`; shared by preload, main and the renderer (types only there). */
import type { Envelope } from '../db/api';
import type { PageCommand } from './menu';

export const API_CHANNEL = 'pt:api';
/** Main -> page: a menu item or the reminders notification asks the page to do something (PAGE_COMMANDS). */
export const COMMAND_CHANNEL = 'pt:command';
/** Main -> page: an exchange file to import (double-clicked, or chosen in File > Import and merge…), as its path. */
export const EXCHANGE_FILE_CHANNEL = 'pt:exchange-file';
/** Page -> main: the page's language and theme, so the menu shows the same choices. */
export const UI_STATE_CHANNEL = 'pt:ui-state';

export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  desktop: true;
  /** Called for each command of the native menu (or the notification) that the page carries out. */
  onCommand(listener: (command: PageCommand) => void): void;
  /** Called with the path of each exchange file the person asked to import; the Sync view previews it. */
  onExchangeFile(listener: (path: string) => void): void;
  /** Tell the desktop shell the language and theme now in use. */
  reportUiState(state: { language: 'zh' | 'en'; theme: 'system' | 'light' | 'dark' }): void;
}

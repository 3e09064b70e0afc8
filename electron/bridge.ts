/** What the preload exposes as `window.api`; shared by preload, main and the renderer (types only there). */
import type { Envelope } from '../db/api';

export const API_CHANNEL = 'pt:api';
/** Main -> page: the user clicked the reminders notification; open the reminders list. */
export const OPEN_REMINDERS_CHANNEL = 'pt:open-reminders';

export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  desktop: true;
  /** Called when the user clicks the daily reminders notification. */
  onOpenReminders(listener: () => void): void;
}

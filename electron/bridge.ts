/** What the preload exposes as `window.api`; shared by preload, main and the renderer (types only there). */
import type { Envelope } from '../db/api';

export const API_CHANNEL = 'pt:api';

export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  desktop: true;
}

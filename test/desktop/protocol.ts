/** What the harness (test side) and the app's process (test/desktop/app-process.ts) say to each other. */
import type { DialogAnswer, DialogRecord, StandInConfig } from './stand-in';

export interface LaunchConfig {
  standIn: StandInConfig;
  /** The app's built main process (out/main/index.js in the laid-out app folder). */
  mainFile: string;
  executable: string;
  args: string[];
  /** Hold `app.whenReady()` until the harness sends `ready` (a slow start). */
  holdReady: boolean;
}

export type HarnessRequest =
  | { op: 'invoke'; name: string; input: unknown }
  /** The page asks for the open or save dialog (window.api.chooseFile); answer it first with `answer`. */
  | { op: 'chooseFile'; request: unknown }
  | { op: 'menu'; labels: string[] }
  | { op: 'contextMenu'; params: Record<string, unknown> }
  | { op: 'answer'; kind: DialogRecord['kind']; answer: DialogAnswer }
  | { op: 'openFile'; file: string }
  | { op: 'secondInstance'; args: string[] }
  | { op: 'ready' }
  | { op: 'state' };

export type HarnessResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The messages between a shell's thread and the core's own thread (db/core-host.ts, db/core-thread.ts). */
import type { Envelope } from './api';
import type { SerializedAppError } from './errors';

export interface CoreOpenOptions {
  appVersion?: string;
  migrationsFolder?: string;
  nativeBinding?: string;
}

export type CoreThreadRequest =
  | {
      type: 'open';
      file: string;
      /** The writer owns the file (migrations, the office id, every write); a reader answers long reads beside it. */
      role: 'writer' | 'reader';
      options: CoreOpenOptions;
      slowLogFile?: string;
      /** The host prints PDFs: the core asks it with a 'service' message. */
      renderPdf: boolean;
    }
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'serviceResult'; id: number; ok: true; value: Uint8Array }
  | { type: 'serviceResult'; id: number; ok: false; error: string }
  /** Run these reads once, their answers dropped: the first screens' pages into the connection's cache (CoreDoor.warm). */
  | { type: 'warm'; reads: { name: string; input: unknown }[] }
  | { type: 'close' };

export type CoreThreadReply =
  | { type: 'ready' }
  | { type: 'openFailed'; error: SerializedAppError }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'service'; id: number; name: 'renderPdf'; html: string }
  | { type: 'closed' };

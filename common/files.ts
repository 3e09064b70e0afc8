/**
 * Files chosen by a person, not named by the page (issue #16): the page never hands the core a file-system path. A
 * shell (the desktop's dialogs, the browser mode's upload and download) turns the file a person chose into an opaque
 * handle, and the page passes that handle to the contract.
 */
import { localDay } from './calendar';

/** A file a person chose, as the page holds it: the handle and the name to show, never the path. */
export interface ChosenFile {
  file: string;
  name: string;
  bytes?: number;
}

/** Operations only a shell may call: the page's doors (IPC, HTTP) refuse them. */
export const SHELL_ONLY_OPERATIONS: ReadonlySet<string> = new Set(['files.grant']);

/** What a handle looks like (db/file-grants.ts makes them). */
export const FILE_HANDLE_PATTERN = /^f_[A-Za-z0-9_-]{32}$/;
/** The extension of files exported for another office (a SQLite file, or its encrypted form); the installers associate it with the app. */
export const EXCHANGE_EXTENSION = 'ptdb';

/** The name an export is offered under, in every shell: the app's name and the local date. */
export function defaultExportName(now: Date): string {
  return `partnership-tracker-export-${localDay(now)}.${EXCHANGE_EXTENSION}`;
}

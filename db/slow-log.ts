/**
 * The door's slow-operation log (as Signal-Desktop logs slow queries): every contract call that takes longer than
 * SLOW_OPERATION_MS, with its name and duration, appended to a file a user can send with a support request. No
 * input and no record content is written: names and milliseconds only.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** A call slower than this is logged: a window frame is 16 ms, and three frames is what a person notices. */
export const SLOW_OPERATION_MS = 50;
/** The log keeps about this much: past it, the file becomes `<name>.1` (replacing the one before) and starts again. */
export const SLOW_LOG_MAX_BYTES = 1024 * 1024;

export interface SlowOperation {
  name: string;
  ms: number;
  /** When the call began (ISO, UTC). */
  at: string;
}

/** The file's name in the shells' logs folder: Electron's logs path, or `logs/` beside the database in browser mode. */
export const SLOW_LOG_NAME = 'slow-operations.log';

/**
 * A sink for OperationRegistry's `onSlow` that appends `<at> <name> <ms> ms` lines to `file` (0600). It never
 * throws: a full disk or a read-only folder must not fail the call it measures.
 */
export function slowOperationLogger(file: string): (entry: SlowOperation) => void {
  return (entry) => {
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        if (statSync(file).size > SLOW_LOG_MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {
        // no log yet
      }
      appendFileSync(file, `${entry.at} ${entry.name} ${Math.round(entry.ms)} ms\n`, { mode: 0o600 });
    } catch {
      // nowhere to log: the call itself succeeded
    }
  };
}

/** The entries of a log written by slowOperationLogger (the bench reads what the core's threads logged). */
export function readSlowLog(file: string): SlowOperation[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^(\S+) (\S+) (\d+) ms$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ at: match[1]!, name: match[2]!, ms: Number(match[3]) }));
}

/**
 * Running a child process to SIGKILL it at a chosen moment, for the kill tests (test/unit/sync-kill.test.ts,
 * test/unit/restore-kill.test.ts). The child prints marker lines (`<marker> <number>`) as it goes; the kill
 * is timed from one of them. Also what those tests need to stay off the worker's event loop: inspecting a
 * whole database in another process, and yielding between batches of writes.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundled } from './bundle';

const ROOT = path.resolve(__dirname, '..');

/** When to kill: `delayMs` after the child printed the line starting with `after`. */
export interface Kill {
  after: string;
  delayMs: number;
}

export interface KilledChild {
  /** Everything the child printed. */
  stdout: string;
  /** What it had printed when the kill came; null if it was not killed (it had finished first, or no kill was asked). */
  stdoutAtKill: string | null;
  exitCode: number | null;
  stderr: string;
}

/** The number on the child's line `<marker> <number>`, or null if it did not print it. */
export function markerValue(stdout: string, marker: string): number | null {
  const match = new RegExp(`^${marker} (\\d+)`, 'm').exec(stdout);
  return match ? Number(match[1]) : null;
}

function processGone(pid: number): boolean {
  try {
    // A zombie (killed, not yet reaped by its new parent) no longer holds files.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return / Z /.test(stat.slice(stat.lastIndexOf(')')));
  } catch {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  }
}

/**
 * Run the TypeScript `script` (bundled, test/bundle.ts) with `args` and SIGKILL its whole process group at `kill`,
 * unless it has printed `doneMarker` by then. The script prints `<pidMarker> <its pid>` first; this resolves once
 * that process is gone too.
 */
export async function runKillable(
  script: string,
  args: string[],
  markers: { pid: string; done: string },
  kill: Kill | null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KilledChild> {
  const file = await bundled(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    let stdoutAtKill: string | null = null;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (kill && timer === null && new RegExp(`^${kill.after} `, 'm').test(stdout)) {
        timer = setTimeout(() => {
          if (markerValue(stdout, markers.done) !== null) return;
          stdoutAtKill = stdout;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // the group is already gone
          }
        }, kill.delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const workerPid = markerValue(stdout, markers.pid);
      const wait = () => {
        if (workerPid !== null && !processGone(workerPid)) {
          setTimeout(wait, 5);
          return;
        }
        resolve({ stdout, stdoutAtKill: markerValue(stdout, markers.done) === null ? stdoutAtKill : null, exitCode: code, stderr });
      };
      wait();
    });
  });
}

/**
 * The meta table without what differs between copies of one database: a copy opened as a working file
 * takes an office id of its own (db/office-id.ts), and the clock's last stamp ends with that id.
 */
export const META_WITHOUT_OFFICE_ID =
  "SELECT key, CASE WHEN key = 'hlc_last' THEN substr(value, 1, 22) ELSE value END AS value FROM meta WHERE key NOT IN ('origin_id', 'origin_file', 'origin_history') ORDER BY key";

export interface Inspection {
  pragmas: Record<string, unknown>;
  digest: Record<string, string>;
}

/**
 * Open `file` in a separate process (recovering its WAL as the app would after a crash) and return the asked
 * pragmas and a digest per query, or per table with `allTables` (see test/inspect-db.cjs). The kill tests compare
 * whole databases many times; doing it here would hold the test worker's event loop for seconds each time.
 */
export function inspectDatabase(file: string, request: { pragmas?: string[]; queries?: Record<string, string>; allTables?: boolean }): Promise<Inspection> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'inspect-db.cjs'), file, JSON.stringify(request)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`inspecting ${file}: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as Inspection);
      },
    );
  });
}

/** Let the event loop run: between batches of synchronous database work in a test worker. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One kill trial's outcome as the stratified runner needs it; the test's own fields ride along. */
export interface TrialOutcome {
  killed: boolean;
  /** Killed inside the inner phase (the transaction, the page copy). */
  killedInPhase: boolean;
  /** A run that was not killed: how long it took, and when its inner phase began (ms from its start). */
  completeMs: number | null;
  phaseStartMs: number | null;
}

/**
 * Kill at random moments, stratified: half of the kills over the whole run (timed from `whole`), half within its
 * inner phase (timed from `phase`), each spread over `spread` of the fastest complete run seen so far. The first
 * complete run (`calibration`) may be the slowest (cold caches, or a machine busy just then); a later complete run
 * lowers the mark. Should too few kills land all the same (the machine got faster), more rounds follow, up to three,
 * until half of the kills landed and a quarter inside the phase: a test of kills that land nowhere shows nothing.
 */
export async function stratifiedKills<O extends TrialOutcome, A extends string>(options: {
  kills: number;
  calibration: { completeMs: number; phaseStartMs: number };
  whole: A;
  phase: A;
  spread?: number;
  trial: (kill: { after: A; delayMs: number }) => Promise<O>;
}): Promise<(O & { after: A; delayMs: number })[]> {
  const { kills, whole, phase, spread = 0.75 } = options;
  let fastestMs = options.calibration.completeMs;
  let fastestPhaseMs = options.calibration.completeMs - options.calibration.phaseStartMs;
  const half = kills / 2;
  const outcomes: (O & { after: A; delayMs: number })[] = [];
  const enoughLanded = () => outcomes.filter((o) => o.killed).length >= half && outcomes.filter((o) => o.killedInPhase).length >= kills / 4;
  for (let i = 0; i < kills * 3 && !(i >= kills && enoughLanded()); i++) {
    const slot = i % kills;
    const kill =
      slot < half
        ? { after: whole, delayMs: Math.floor(((slot + Math.random()) / half) * fastestMs * spread) }
        : { after: phase, delayMs: Math.floor(((slot - half + Math.random()) / half) * fastestPhaseMs * spread) };
    const outcome = await options.trial(kill);
    if (!outcome.killed && outcome.completeMs !== null && outcome.phaseStartMs !== null) {
      fastestMs = Math.min(fastestMs, outcome.completeMs);
      fastestPhaseMs = Math.min(fastestPhaseMs, outcome.completeMs - outcome.phaseStartMs);
    }
    outcomes.push({ ...outcome, ...kill });
  }
  return outcomes;
}

/**
 * Logs every stretch of synchronous work that holds a test worker's event loop for more than a second.
 *
 * Vitest's worker answers the main process over RPC; a worker that does not get back to its event loop within
 * 60 s (better-sqlite3 work is synchronous) fails the whole run with "Timeout calling onTaskUpdate", even when
 * every test passed. On a slower or busier machine a 20 s stretch here is a 60 s stretch there, so the suite keeps
 * them short and this file shows any that come back: one line on stderr per block, with the file and the test, and,
 * when PT_LOOP_LOG names a file, one JSON line there (the closing notes' lists come from it).
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

const TICK_MS = 100;
const REPORT_MS = 1000;

const file = path.relative(process.cwd(), expect.getState().testPath ?? 'unknown');
/** What the worker is doing: importing the test file, its beforeAll hooks, or a test (from its beforeEach on). */
let phase = '(import)';
/** When the loop last ran (or a block was last reported), and the phase then: a block that ends now began in it. */
let last = performance.now();
let phaseAtLast = phase;

/**
 * Report the time since `last` if it is a block. Called by the timer, and by the hooks too: vitest runs one
 * synchronous test after another without returning to the loop, and a file's last block would otherwise end
 * after the timer is gone. Where no tick came for over a second, nothing else could run either.
 */
function check(fromTimer: boolean): void {
  const now = performance.now();
  const late = now - last - TICK_MS;
  if (late > REPORT_MS) {
    // from a hook, the block ends where the phase it belongs to ends; from the timer, it may span two
    const test = fromTimer && phaseAtLast !== phase ? `${phaseAtLast} → ${phase}` : phase;
    const block = { file, test, ms: Math.round(late) };
    process.stderr.write(`[event-loop] ${file} › ${test}: blocked ${block.ms} ms\n`);
    if (process.env.PT_LOOP_LOG) appendFileSync(process.env.PT_LOOP_LOG, JSON.stringify(block) + '\n');
  }
  if (fromTimer || late > REPORT_MS) {
    last = now;
    phaseAtLast = phase;
  }
}

const timer = setInterval(() => check(true), TICK_MS);
timer.unref();

beforeAll(() => {
  check(false);
  phase = '(beforeAll)';
});

beforeEach((context) => {
  check(false);
  phase = context.task.name;
});

afterEach(() => {
  check(false);
});

afterAll(() => {
  check(false);
  clearInterval(timer);
});

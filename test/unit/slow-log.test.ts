/**
 * The door logs every call slower than 50 ms, with its name and duration, to a file a user can send with a
 * support request (issue #16): names and milliseconds only, never the input.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { createRegistry, defineOperation, SLOW_LOG_NAME, slowOperationLogger, type SlowOperation } from '../../db/api';
import { SLOW_LOG_MAX_BYTES } from '../../db/slow-log';
import { AppError } from '../../db/errors';
import { tempCore, tempDir } from '../helpers';

/** Hold the thread for `ms`, as a slow query does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a synchronous query holding the thread
  }
}

const operations = [
  defineOperation('test.fast', 'read', z.strictObject({ secret: z.string() }), () => 'fast'),
  defineOperation('test.slow', 'read', z.strictObject({ secret: z.string() }), () => {
    busy(80);
    return 'slow';
  }),
  defineOperation('test.slowAsync', 'read', z.strictObject({}), () => new Promise((resolve) => setTimeout(() => resolve('late'), 120))),
  defineOperation('test.slowRefusal', 'read', z.strictObject({}), () => {
    busy(70);
    throw new AppError('not_found', { zh: '没有找到。', en: 'Not found.' });
  }),
];

describe('the slow-operation log', () => {
  it('reports each call over 50 ms by name and duration, synchronous or not, refused or not; fast calls not at all', async () => {
    const core = await tempCore();
    const logged: SlowOperation[] = [];
    const registry = createRegistry(operations, { onSlow: (entry) => logged.push(entry) });
    expect(registry.call(core, 'test.fast', { secret: 'Dimitar Nikolov' })).toEqual({ ok: true, value: 'fast' });
    expect(logged).toEqual([]);
    expect(registry.call(core, 'test.slow', { secret: 'Dimitar Nikolov' })).toEqual({ ok: true, value: 'slow' });
    expect(await registry.callAsync(core, 'test.slowAsync', {})).toEqual({ ok: true, value: 'late' });
    const refused = registry.call(core, 'test.slowRefusal', {});
    expect(refused.ok).toBe(false);
    expect(logged.map((e) => e.name)).toEqual(['test.slow', 'test.slowAsync', 'test.slowRefusal']);
    expect(logged[0]!.ms).toBeGreaterThanOrEqual(80);
    // The promise is measured until it settles, not until it is returned.
    expect(logged[1]!.ms).toBeGreaterThanOrEqual(115);
    expect(Date.parse(logged[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('the shells’ file: one line per slow call, no input in it, readable by the user only, and kept near 1 MB', async () => {
    const core = await tempCore();
    const file = path.join(tempDir(), 'logs', SLOW_LOG_NAME);
    const registry = createRegistry(operations, { slowLogFile: file });
    registry.call(core, 'test.fast', { secret: 'Dimitar Nikolov' });
    registry.call(core, 'test.slow', { secret: 'Dimitar Nikolov' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z test\.slow \d+ ms$/);
    expect(readFileSync(file, 'utf8')).not.toContain('Dimitar');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // Past the limit the log starts again, the previous one kept as .1.
    writeFileSync(file, 'x'.repeat(SLOW_LOG_MAX_BYTES + 1));
    slowOperationLogger(file)({ name: 'meetings.list', ms: 75.4, at: '2026-12-02T08:00:00.000Z' });
    expect(readFileSync(file, 'utf8')).toBe('2026-12-02T08:00:00.000Z meetings.list 75 ms\n');
    expect(statSync(`${file}.1`).size).toBe(SLOW_LOG_MAX_BYTES + 1);
  });

  it('a log that cannot be written does not fail the call it measures', async () => {
    const core = await tempCore();
    const blocker = path.join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const registry = createRegistry(operations, { slowLogFile: path.join(blocker, 'logs', SLOW_LOG_NAME) });
    expect(registry.call(core, 'test.slow', { secret: 'x' })).toEqual({ ok: true, value: 'slow' });
    // Nor does a sink of a shell's own that throws, synchronous or not.
    const throwing = createRegistry(operations, {
      onSlow: () => {
        throw new Error('logs folder unavailable');
      },
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(throwing.call(core, 'test.slow', { secret: 'x' })).toEqual({ ok: true, value: 'slow' });
    expect(await throwing.callAsync(core, 'test.slowAsync', {})).toEqual({ ok: true, value: 'late' });
    expect(quiet).toHaveBeenCalledWith('slow-operation log failed:', expect.any(Error));
    quiet.mockRestore();
  });
});

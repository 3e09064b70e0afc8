/**
 * The core in threads of its own (db/core-host.ts), as `serve` and the desktop app run it: the thread that answers
 * the browser never waits for SQL, so a slow call leaves every other request answering meanwhile.
 */
import path from 'node:path';
import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type RunningServer } from '../../cli/server';
import { startCoreThreads, workerThreadPort, type CoreDoor } from '../../db/core-host';
import { AppError } from '../../db/errors';
import { openCore } from '../../db/core';
import { tempDir } from '../helpers';

let door: CoreDoor | null = null;
let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
  await door?.close();
  door = null;
});

function post(port: number, token: string, name: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/${name}`, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve(JSON.parse(data) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function get(port: number, token: string, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the core in threads of its own', () => {
  it('answers the contract from a writer and a reader: what is saved is read at once, by either', async () => {
    const file = path.join(tempDir(), 'office.db');
    door = await startCoreThreads({ file, options: { appVersion: '0.0.0-test' } });
    const created = await door.call('organizations.create', { displayName: '汕头 / Shantou', country: 'CN' });
    expect(created).toMatchObject({ ok: true, value: { displayName: '汕头 / Shantou' } });
    // search.query is one of the reader's operations: it sees the writer's answered write.
    const found = await door.call('search.query', { query: 'Shantou' });
    expect(found).toMatchObject({ ok: true, value: { groups: [expect.objectContaining({ kind: 'organization' })] } });
    const refused = await door.call('organizations.create', { displayName: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: { zh: expect.any(String), en: expect.any(String) } } });
  });

  it('follows a job where it runs: a PDF made in the reader, printed by the host, polled and finished through the same door', async () => {
    const file = path.join(tempDir(), 'office.db');
    const printed: number[] = [];
    door = await startCoreThreads({
      file,
      options: { appVersion: '0.0.0-test' },
      renderPdf: (html) => {
        printed.push(html.length);
        return Promise.resolve(Buffer.from('%PDF-1.7 from the host'));
      },
    });
    await door.call('app.finishOnboarding', { choice: 'sample' });
    const started = await door.call('reports.pdfStart', { kind: 'portfolio', lang: 'en', today: '2026-12-02' });
    expect(started).toMatchObject({ ok: true, value: { status: 'running' } });
    const id = (started as { value: { id: string } }).value.id;
    let job = await door.call('jobs.get', { id });
    for (let i = 0; i < 200 && job.ok && (job.value as { status: string }).status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      job = await door.call('jobs.get', { id });
    }
    expect(job).toMatchObject({ ok: true, value: { status: 'done', result: { fileName: 'portfolio-report-20261202.pdf' } } });
    expect(Buffer.from((job as { value: { result: { pdfBase64: string } } }).value.result.pdfBase64, 'base64').toString()).toBe('%PDF-1.7 from the host');
    expect(printed).toHaveLength(1);
  });

  it('refuses a file that is not a database as opening it in-process does, and leaves it as it was', async () => {
    const file = path.join(tempDir(), 'notes.db');
    writeFileSync(file, 'meeting notes, not a database\n'.repeat(100));
    const error = await startCoreThreads({ file, options: {} }).then(
      () => null,
      (e: unknown) => e,
    );
    const inProcess = await openCore(file, {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_a_database');
    expect((error as AppError).localized).toEqual((inProcess as AppError).localized);
    expect(readFileSync(file, 'utf8')).toBe('meeting notes, not a database\n'.repeat(100));
  });

  it('starts the reader’s thread with the writer’s, and opens its connection only once the writer has opened the file', async () => {
    const file = path.join(tempDir(), 'office.db');
    const events: string[] = [];
    const warmed: string[] = [];
    let spawned = 0;
    door = await startCoreThreads({
      file,
      options: { appVersion: '0.0.0-test' },
      spawn: () => {
        const port = workerThreadPort();
        const n = spawned++;
        events.push(`spawn ${n}`);
        return {
          ...port,
          post: (message) => {
            if (message.type === 'open') events.push(`open ${n} as ${message.role}`);
            if (message.type === 'warm') warmed.push(...message.reads.map((read) => `${read.name} in ${n}`));
            port.post(message);
          },
          onMessage: (listener) =>
            port.onMessage((reply) => {
              if (reply.type === 'ready') events.push(`ready ${n}`);
              listener(reply);
            }),
        };
      },
    });
    // The new file is created and migrated by the writer before the reader's connection opens it.
    expect(events).toEqual(['spawn 0', 'spawn 1', 'open 0 as writer', 'ready 0', 'open 1 as reader', 'ready 1']);
    // The first screens' reads, each warmed in the thread that answers it; a call meanwhile is answered.
    door.warm();
    expect(warmed.sort()).toEqual(['dashboard.get in 1', 'meetings.list in 0', 'reminders.list in 1']);
    expect(await door.call('dashboard.get', {})).toMatchObject({ ok: true });
    expect(await door.call('meetings.list', { limit: 100, offset: 0 })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('answers every call with a translated error once its thread has stopped, and never hangs', async () => {
    const file = path.join(tempDir(), 'office.db');
    const ports: ReturnType<typeof workerThreadPort>[] = [];
    door = await startCoreThreads({
      file,
      options: {},
      spawn: () => {
        const port = workerThreadPort();
        ports.push(port);
        return port;
      },
    });
    for (const port of ports) port.kill();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answer = await door.call('app.info', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: { en: expect.stringContaining('Restart the app') } } });
  });

  it('with the server: a save held 2 s by a lock on the file leaves a read and the page answering first', async () => {
    const file = path.join(tempDir(), 'office.db');
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    door = await startCoreThreads({ file, options: { appVersion: '0.0.0-test' } });
    const opened = door;
    running = await startBrowserMode({ call: (name, input) => opened.call(name, input), staticDir });
    const { port, token } = running;

    // Another program (an office's backup tool, say) holds the write lock for 2 s; the writer thread waits on it.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => other.exec('COMMIT'), 2000);
    const order: string[] = [];
    try {
      const save = post(port, token, 'organizations.create', { displayName: '布尔加斯 / Burgas', country: 'BG' }).then((answer) => {
        order.push('save');
        return answer;
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const [dashboard, page] = await Promise.all([
        post(port, token, 'dashboard.get', { today: '2026-12-02' }).then((answer) => {
          order.push('read');
          return answer;
        }),
        get(port, token, '/').then((status) => {
          order.push('page');
          return status;
        }),
      ]);
      expect(dashboard.ok).toBe(true);
      expect(page).toBe(200);
      expect(await save).toMatchObject({ ok: true, value: { displayName: '布尔加斯 / Burgas' } });
      // Neither waited for the save, which could finish only once the lock was released.
      expect(order).toEqual([expect.any(String), expect.any(String), 'save']);
    } finally {
      clearTimeout(release);
      if (other.inTransaction) other.exec('COMMIT');
      other.close();
    }
  });
});

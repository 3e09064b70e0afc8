/**
 * The browser-mode server under abuse: a body larger than any operation needs is answered 413 (a
 * 25 MB attachment still goes through), a client that sends its request slowly is answered 408
 * after the timeout, and a malformed address is answered 400, never 500 or a reset.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../db/attachments';
import { MAX_BODY, REQUEST_TIMEOUT_MS, startBrowserMode, type RunningServer } from '../../cli/server';
import { inProcess, tempCore, tempDir } from '../helpers';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(requestTimeoutMs?: number): Promise<RunningServer> {
  const core = await tempCore();
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  running = await startBrowserMode({ call: inProcess(core), staticDir, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });
  return running;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/**
 * POST `total` bytes in 1 MiB chunks (waiting for each to drain, so nothing is held in memory) and
 * resolve with the answer as soon as it comes, even while the body is still being sent.
 */
function send(
  server: RunningServer,
  pathname: string,
  options: { body?: Buffer | string; total?: number; declareLength?: boolean; stallAfter?: number },
): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? null : Buffer.from(options.body);
    const total = body ? body.length : options.total!;
    const headers: Record<string, string | number> = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    if (options.declareLength !== false) headers['Content-Length'] = total;
    let answered = false;
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', headers }, (res) => {
      answered = true;
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: data, ms: Date.now() - started });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body) {
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(1 << 20, 0x61);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        if (options.stallAfter !== undefined && sent >= options.stallAfter) return; // and wait, holding the request open
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent, options.stallAfter ?? Infinity));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && sent >= total) req.end();
    };
    pump();
  });
}

describe('browser-mode server limits', () => {
  it('takes a 25 MB attachment, the largest request an operation needs', async () => {
    const server = await start();
    const organization = async (displayName: string) =>
      (JSON.parse((await send(server, '/api/organizations.create', { body: JSON.stringify({ displayName }) })).body) as { value: { id: string } }).value.id;
    const parties = [{ organizationId: await organization('汕头') }, { organizationId: await organization('Burgas') }];
    const created = await send(server, '/api/partnerships.create', {
      body: JSON.stringify({ title: 'Big files', kind: 'cooperation_mou', status: 'active', parties }),
    });
    const partnership = JSON.parse(created.body) as { ok: boolean; value?: { id: string } };
    expect(partnership.ok, created.body).toBe(true);
    // A PDF by its header (the rule set refuses bytes that are not what the type says), at the size limit.
    const bytes = randomBytes(MAX_ATTACHMENT_BYTES);
    bytes.write('%PDF-1.7', 0, 'latin1');
    const data = bytes.toString('base64');
    const name = `${'长'.repeat(255)}`;
    const body = JSON.stringify({ partnershipId: partnership.value!.id, fileName: name, mimeType: 'application/pdf', dataBase64: data });
    expect(body.length).toBeLessThan(MAX_BODY);
    const answer = await send(server, '/api/attachments.add', { body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { size: MAX_ATTACHMENT_BYTES } });
    // The cap is that request and its other fields, no more: 33.4 MiB.
    expect(MAX_BODY).toBe(34_952_536 + 65_536);
  }, 30_000);

  it('answers 413 to a body over the cap, declared or streamed (100 MB), and stays up', async () => {
    const server = await start();
    const declared = await send(server, '/api/attachments.add', { total: MAX_BODY + 1 });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({
      ok: false,
      error: { message: { en: 'The request is too large (attachments are 25 MB at most). Nothing was saved.' } },
    });
    const streamed = await send(server, '/api/attachments.add', { total: 100 * 1024 * 1024, declareLength: false });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { message: { zh: '请求太大（附件最大 25 MB）。未保存任何内容。' } } });
    const after = await send(server, '/api/organizations.list', { body: '{}' });
    expect(after.status).toBe(200);
  }, 30_000);

  it('answers 408 to a request whose body stops arriving, after the timeout (a minute by default)', async () => {
    expect(REQUEST_TIMEOUT_MS).toBe(60_000);
    const server = await start(600);
    const slow = await send(server, '/api/organizations.create', { total: 1000, stallAfter: 10 });
    expect(slow.status).toBe(408);
    expect(slow.ms).toBeGreaterThanOrEqual(500);
    expect(slow.ms).toBeLessThan(5000);
    const after = await send(server, '/api/organizations.list', { body: '{}' });
    expect(after.status).toBe(200);
  }, 30_000);

  it('answers 400 to a malformed address, on the contract and on pages', async () => {
    const server = await start();
    const api = await send(server, '/api/%E0%A4%A', { body: '{}' });
    expect(api.status).toBe(400);
    const page = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/%E0%A4%A', headers: { Authorization: `Bearer ${server.token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(page).toBe(400);
  });
});

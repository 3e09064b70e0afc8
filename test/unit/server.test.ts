import path from 'node:path';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isRequestAllowed, startBrowserMode } from '../../cli/server';
import { inProcess, tempCore, tempDir } from '../helpers';
import { writeFileSync } from 'node:fs';

describe('browser-mode request policy', () => {
  const token = 'a'.repeat(32);
  it('allows only this server’s host and origin with the right token', () => {
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: undefined, token }, 4000, token)).toBe(true);
    expect(isRequestAllowed({ host: 'localhost:4000', origin: 'http://localhost:4000', token }, 4000, token)).toBe(true);
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: undefined, token: undefined }, 4000, token)).toBe(false);
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: undefined, token: 'b'.repeat(32) }, 4000, token)).toBe(false);
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: undefined, token: 'short' }, 4000, token)).toBe(false);
    // DNS rebinding: a foreign name resolving to 127.0.0.1.
    expect(isRequestAllowed({ host: 'evil.example:4000', origin: undefined, token }, 4000, token)).toBe(false);
    expect(isRequestAllowed({ host: '127.0.0.1:4001', origin: undefined, token }, 4000, token)).toBe(false);
    expect(isRequestAllowed({ host: undefined, origin: undefined, token }, 4000, token)).toBe(false);
    // A page on another site posting to us.
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: 'http://evil.example', token }, 4000, token)).toBe(false);
    expect(isRequestAllowed({ host: '127.0.0.1:4000', origin: 'null', token }, 4000, token)).toBe(false);
  });
});

function post(port: number, pathname: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method: 'POST', headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, on a random port, and serves the contract to the token holder', async () => {
    const core = await tempCore();
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    const running = await startBrowserMode({ call: inProcess(core), staticDir });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      expect((running.server.address() as { address: string }).address).toBe('127.0.0.1');
      const auth = { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' };
      const created = await post(running.port, '/api/organizations.create', JSON.stringify({ displayName: '汕头 / Shantou', country: 'cn' }), auth);
      expect(created.status).toBe(200);
      expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { displayName: '汕头 / Shantou', country: 'CN' } });

      const invalid = await post(running.port, '/api/organizations.create', JSON.stringify({ displayName: '' }), auth);
      expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const notJson = await post(running.port, '/api/organizations.create', '{', auth);
      expect(notJson.status).toBe(400);

      const refused = await post(running.port, '/api/organizations.create', JSON.stringify({ displayName: 'X' }), { 'Content-Type': 'application/json' });
      expect(refused.status).toBe(403);
      const list = await post(running.port, '/api/organizations.list', '{}', auth);
      expect((JSON.parse(list.body) as { value: { rows: unknown[]; total: number } }).value).toMatchObject({ rows: [expect.anything()], total: 1, next: null });
    } finally {
      await running.close();
    }
  });
});

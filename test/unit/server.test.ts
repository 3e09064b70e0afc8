import path from 'node:path';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isRequestAllowed, startBrowserMode } from '../../cli/server';
import { inProcess, localClient, tempCore, tempDir } from '../helpers';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';

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

function post(port: number, pathname: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
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

function get(port: number, pathname: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
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

  it('never lets the page name a file: a path is refused, an upload is read by handle, an export is downloaded once', async () => {
    const core = await tempCore();
    await localClient(core)['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    const home = tempDir();
    const profile = path.join(home, '.bashrc');
    writeFileSync(profile, 'export PATH=$HOME/bin:$PATH\n');
    const running = await startBrowserMode({ call: inProcess(core), staticDir });
    try {
      const auth = { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' };
      const api = async (name: string, input: unknown) =>
        JSON.parse((await post(running.port, `/api/${name}`, JSON.stringify(input), auth)).body) as {
          ok: boolean;
          value: Record<string, string>;
          error: { code: string };
        };
      // What the issue measured: a path from the page overwrote ~/.bashrc. Now refused, the file untouched.
      expect(await api('sync.export', { path: profile })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await api('sync.preview', { path: profile })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await api('files.grant', { path: profile, mode: 'write' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(readFileSync(profile, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n');

      // Export: a target the server names, written by the core, downloaded once, then gone from the server.
      const target = JSON.parse((await post(running.port, '/files/target?name=shantou%20export.ptdb', '', auth)).body) as {
        ok: true;
        value: { file: string; name: string; download: string };
      };
      expect(target.value.name).toBe('shantou export.ptdb');
      expect(JSON.stringify(target)).not.toContain(os.tmpdir());
      const written = await api('sync.export', { file: target.value.file });
      expect(written.ok).toBe(true);
      const downloaded = await get(running.port, target.value.download, { Authorization: `Bearer ${running.token}` });
      expect(downloaded.status).toBe(200);
      expect(downloaded.headers['content-disposition']).toContain("filename*=UTF-8''shantou%20export.ptdb");
      expect(downloaded.body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect((await get(running.port, target.value.download, { Authorization: `Bearer ${running.token}` })).status).toBe(404);

      // Import: the same bytes uploaded come back as a handle to preview and merge; a name with a path in it is only a name.
      const uploaded = JSON.parse((await post(running.port, '/files/upload?name=..%2F..%2Fetc%2Fpasswd', downloaded.body, auth)).body) as {
        ok: true;
        value: { file: string; name: string; bytes: number };
      };
      expect(uploaded.value).toMatchObject({ name: '_.._etc_passwd', bytes: downloaded.body.length });
      expect(await api('sync.preview', { file: uploaded.value.file })).toMatchObject({ ok: true, value: { fileName: expect.not.stringContaining('/') } });
    } finally {
      await running.close();
    }
  });
});

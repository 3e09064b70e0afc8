/**
 * The browser mode: the built renderer and the contract over HTTP, on 127.0.0.1 only.
 * Every request must carry the per-run token (query on the first page load, then a
 * same-site cookie, or an Authorization header), a Host of this server, and, when the
 * browser sends one, an Origin of this server. Anything else gets 403.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../db/core';
import type { OperationRegistry } from '../db/api';

export interface BrowserModeOptions {
  core: Core;
  registry: OperationRegistry;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 64 * 1024 * 1024;
const COOKIE = 'pt_token';

/** Pure request policy, unit-tested: is this request allowed to reach the app? */
export function isRequestAllowed(
  request: { host: string | undefined; origin: string | undefined; token: string | undefined },
  port: number,
  expectedToken: string,
): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!request.host || !hosts.includes(request.host.toLowerCase())) return false;
  if (request.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(request.origin.toLowerCase())) return false;
  if (!request.token) return false;
  const a = Buffer.from(request.token);
  const b = Buffer.from(expectedToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const cookie = request.headers.cookie
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE);
  return cookie?.[1];
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendStatic(response: ServerResponse, staticDir: string, pathname: string): void {
  const root = path.resolve(staticDir);
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  let file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) {
    response.writeHead(404).end();
    return;
  }
  // Client-side routes fall back to the app shell.
  if (!existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The renderer is not built: run `npm run build` first.');
    return;
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
}

export function startBrowserMode(options: BrowserModeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    void (async () => {
      securityHeaders(response);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const allowed = isRequestAllowed(
        { host: request.headers.host, origin: request.headers.origin, token: tokenOf(request, url) },
        port,
        token,
      );
      if (!allowed) {
        response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: open the address that `serve` printed, token included.\n');
        return;
      }
      if (url.searchParams.has('token')) {
        response.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      }
      if (url.pathname.startsWith('/api/')) {
        if (request.method !== 'POST') {
          response.writeHead(405, { Allow: 'POST' }).end();
          return;
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        let input: unknown;
        try {
          const body = await readBody(request);
          input = body ? (JSON.parse(body) as unknown) : undefined;
        } catch {
          response.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: { zh: '请求格式不正确。', en: 'The request is not valid JSON.' } } }));
          return;
        }
        const envelope = await options.registry.callAsync(options.core, name, input);
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(envelope));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET' }).end();
        return;
      }
      sendStatic(response, options.staticDir, url.pathname);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        // Stop at once: an open page keeps connections alive (and asks again), which would hold close() open.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * The browser mode: the built renderer and the contract over HTTP, on 127.0.0.1 only.
 * Every request must carry the per-run token (query on the first page load, then a
 * same-site cookie, or an Authorization header), a Host of this server, and, when the
 * browser sends one, an Origin of this server. Anything else gets 403.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../db/api';
import { MAX_ATTACHMENT_BYTES } from '../common/limits';
import { SHELL_ONLY_OPERATIONS } from '../common/files';

export interface BrowserModeOptions {
  /** The contract: in `serve`, the core's own threads (db/core-host.ts); tests may call a registry in-process. */
  call: (name: string, input: unknown) => Promise<Envelope<unknown>>;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** A request whose headers and body have not all arrived by then is answered 408 and closed; default a minute. */
  requestTimeoutMs?: number;
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

/**
 * The largest request body: what the largest operation needs, a 25 MB attachment as base64 in its
 * JSON envelope (34,952,536 characters), plus 64 KiB for its other fields. Anything larger is
 * answered 413 without being read into memory.
 */
export const MAX_BODY = 4 * Math.ceil(MAX_ATTACHMENT_BYTES / 3) + 64 * 1024;
/** A client that has not sent its whole request by then is answered 408 (slow-body attacks hold nothing for long). */
export const REQUEST_TIMEOUT_MS = 60_000;
const COOKIE = 'pt_token';
/** The largest exchange file the browser can upload: an L database is about 1 GB. */
export const MAX_UPLOAD = 4 * 1024 ** 3;

/** A file name from the page, made safe to use as the last part of a path (and to show): never a path itself. */
export function safeFileName(raw: string | null, fallback: string): string {
  const name = [...(raw ?? '')]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '/\\:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return name || fallback;
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

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

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        request.off('data', onData);
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJsonError(response: ServerResponse, status: number, code: string, message: { zh: string; en: string }): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ ok: false, error: { code, message } }));
}

/**
 * 413 at once; the rest of the body is read and dropped, never kept, so the client, still sending,
 * reads the answer instead of a reset. Past four times the cap the connection is cut.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  sendJsonError(response, 413, 'invalid_input', {
    zh: '请求太大（附件最大 25 MB）。未保存任何内容。',
    en: 'The request is too large (attachments are 25 MB at most). Nothing was saved.',
  });
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 4 * MAX_BODY) request.destroy();
  });
  request.resume();
}

/** decodeURIComponent, or null for a malformed escape (answered 400, never 500). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function badRequest(response: ServerResponse): void {
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the address is not valid.\n');
}

function sendStatic(response: ServerResponse, staticDir: string, pathname: string): void {
  const root = path.resolve(staticDir);
  const relative = decodePath(pathname === '/' ? '/index.html' : pathname);
  if (relative === null || relative.includes('\0')) {
    badRequest(response);
    return;
  }
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

/**
 * Files in and out of the browser (issue #16): the page never names a path. An upload is written to a private folder
 * of this server and granted to the page as a handle to read; an export target is a new name in that folder, granted
 * to write, and the finished file is downloaded once and removed.
 */
class BrowserFiles {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'pt-browser-files-'));
  private readonly downloads = new Map<string, { path: string; name: string }>();

  constructor(private readonly call: BrowserModeOptions['call']) {}

  private newFolder(): { id: string; folder: string } {
    const id = randomBytes(18).toString('base64url');
    const folder = path.join(this.dir, id);
    mkdirSync(folder, { mode: 0o700 });
    return { id, folder };
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const sendJson = (value: unknown) => {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(value));
    };
    if (url.pathname === '/files/upload' && request.method === 'POST') {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_UPLOAD) {
        sendJsonError(response, 413, 'invalid_input', { zh: '文件太大（最大 4 GB）。', en: 'The file is too large (4 GB at most).' });
        request.resume();
        return;
      }
      const name = safeFileName(url.searchParams.get('name'), 'upload.ptdb');
      const { folder } = this.newFolder();
      const target = path.join(folder, name);
      const partial = `${target}.partial`;
      let bytes = 0;
      request.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_UPLOAD) request.destroy(new Error('too large'));
      });
      try {
        await pipeline(request, createWriteStream(partial, { mode: 0o600 }));
        renameSync(partial, target);
        chmodSync(target, 0o600);
      } catch {
        rmSync(folder, { recursive: true, force: true });
        if (!response.headersSent)
          sendJsonError(response, 400, 'invalid_input', { zh: '上传未完成，未导入任何内容。', en: 'The upload did not finish. Nothing was imported.' });
        return;
      }
      const envelope = await this.call('files.grant', { path: target, mode: 'read', name });
      sendJson(envelope.ok ? { ok: true, value: { ...(envelope.value as object), bytes } } : envelope);
      return;
    }
    if (url.pathname === '/files/target' && request.method === 'POST') {
      request.resume();
      const name = safeFileName(url.searchParams.get('name'), 'partnership-tracker-export.ptdb');
      const { id, folder } = this.newFolder();
      const target = path.join(folder, name);
      const envelope = await this.call('files.grant', { path: target, mode: 'write', name });
      if (envelope.ok) this.downloads.set(id, { path: target, name });
      sendJson(envelope.ok ? { ok: true, value: { ...(envelope.value as object), download: `/files/download/${id}` } } : envelope);
      return;
    }
    const download = /^\/files\/download\/([\w-]{24})$/.exec(url.pathname);
    if (download && (request.method === 'GET' || request.method === 'HEAD')) {
      const entry = this.downloads.get(download[1]!);
      if (!entry || !existsSync(entry.path)) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This export has already been downloaded, or was not written.\n');
        return;
      }
      this.downloads.delete(download[1]!);
      const folder = path.dirname(entry.path);
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(statSync(entry.path).size),
        'Content-Disposition': contentDisposition(entry.name),
      });
      try {
        await pipeline(createReadStream(entry.path), response);
      } finally {
        // Downloaded once: the server keeps no copy of the office's data.
        rmSync(folder, { recursive: true, force: true });
      }
      return;
    }
    response.writeHead(404).end();
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function startBrowserMode(options: BrowserModeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const files = new BrowserFiles(options.call);
  let port = 0;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createServer(
    { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(requestTimeout / 4))) },
    (request, response) => {
      void (async () => {
        securityHeaders(response);
        let url: URL;
        try {
          url = new URL(request.url ?? '/', 'http://127.0.0.1');
        } catch {
          badRequest(response);
          return;
        }
        const allowed = isRequestAllowed({ host: request.headers.host, origin: request.headers.origin, token: tokenOf(request, url) }, port, token);
        if (!allowed) {
          response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: open the address that `serve` printed, token included.\n');
          return;
        }
        if (url.searchParams.has('token')) {
          response.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        }
        if (url.pathname.startsWith('/files/')) {
          await files.handle(request, response, url);
          return;
        }
        if (url.pathname.startsWith('/api/')) {
          if (request.method !== 'POST') {
            response.writeHead(405, { Allow: 'POST' }).end();
            return;
          }
          const name = decodePath(url.pathname.slice('/api/'.length));
          if (name === null) {
            badRequest(response);
            return;
          }
          let input: unknown;
          try {
            const body = await readBody(request);
            input = body ? (JSON.parse(body) as unknown) : undefined;
          } catch (error) {
            if (error instanceof BodyTooLarge) refuseTooLarge(request, response);
            else sendJsonError(response, 400, 'invalid_input', { zh: '请求格式不正确。', en: 'The request is not valid JSON.' });
            return;
          }
          // What only a shell may do (turn a path into a chosen file) is not the page's to ask.
          const envelope = SHELL_ONLY_OPERATIONS.has(name)
            ? {
                ok: false as const,
                error: {
                  code: 'forbidden' as const,
                  message: { zh: '页面不能指定文件路径：请选择或上传文件。', en: 'A page cannot name a file path: choose or upload the file.' },
                },
              }
            : await options.call(name, input);
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
    },
  );
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
            server.close(() => {
              files.close();
              done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}

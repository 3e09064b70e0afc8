import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Envelope, OperationInput, OperationName, OperationOutput } from '../../db/api';

const ROOT = path.resolve(__dirname, '../..');
/** The built CLI (`npm run build`), as `npm run serve` runs it: ready in a fifth of the time tsx takes to compile the sources. */
const CLI = path.join(ROOT, 'out', 'cli', 'main.js');

export interface BrowserModeServer {
  /** The address `serve` printed, token included. */
  url: string;
  origin: string;
  dbPath: string;
}

async function startServe(dbPath: string): Promise<{ server: BrowserModeServer; child: ChildProcess }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const child = spawn(process.execPath, [CLI, 'serve', '--db', dbPath], { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its address: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { server: { url, origin: new URL(url).origin, dbPath }, child };
}

async function loadSample(app: BrowserModeServer): Promise<void> {
  const token = new URL(app.url).searchParams.get('token')!;
  const response = await fetch(`${app.origin}/api/app.finishOnboarding`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ choice: 'sample' }),
  });
  const envelope = (await response.json()) as Envelope<unknown>;
  expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
}

interface Fixtures {
  /** A browser-mode server on a fresh, empty database. */
  emptyApp: BrowserModeServer;
  /** A browser-mode server on a fresh database loaded with the sample data, as the first-run dialog loads it. */
  sampleApp: BrowserModeServer;
}

function serverFixture(withSample: boolean) {
  // Playwright reads a fixture's dependencies from this destructuring: none here.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (server: BrowserModeServer) => Promise<void>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-'));
    const dbPath = path.join(dir, 'office.db');
    const { server, child } = await startServe(dbPath);
    try {
      // The sample through the contract, as the first-run dialog loads it: one process per test, not two.
      if (withSample) await loadSample(server);
      await use(server);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export const test = base.extend<Fixtures>({
  emptyApp: serverFixture(false),
  sampleApp: serverFixture(true),
});
export { expect };

/** Click the language switch in the header, as a person does. */
export async function switchLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  const group = page.getByRole('radiogroup', { name: /Language|语言/ });
  await group.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
  await expect(group.getByRole('radio', { name: label })).toBeChecked();
}

/** A calendar day relative to today, in this machine's time zone (the browser's too): what the user calls "today". */
/** From the partnerships list, open the sample's Shantou–Burgas partnership by its row, in either language. */
export async function openShantouBurgas(page: Page): Promise<void> {
  await page
    .getByTestId('partnerships-table')
    .getByRole('row', { name: /Shantou–Burgas|汕头—布尔加斯/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Shantou–Burgas project cooperation|汕头—布尔加斯项目合作/ })).toBeVisible();
}

export function localDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The headers of a test's own call to the contract: the run's token, and a connection of its own. A test's
 * APIRequestContext reuses an idle keep-alive connection and does not retry: when a step of the test in between
 * takes the server's keep-alive time (5 s), the server closes the connection as the next call goes out on it
 * (ECONNRESET, seen once on a slow machine). Chromium retries such a request; this client is told not to reuse.
 */
export function contractHeaders(app: BrowserModeServer): Record<string, string> {
  return { Authorization: `Bearer ${new URL(app.url).searchParams.get('token')!}`, Connection: 'close' };
}

/** Call the contract over HTTP with the run's token, as another client of the browser mode would. */
export async function callApi<N extends OperationName>(
  request: APIRequestContext,
  app: BrowserModeServer,
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  const response = await request.post(`${app.origin}/api/${name}`, { data: input, headers: contractHeaders(app) });
  expect(response.status(), `${name} over HTTP`).toBe(200);
  const envelope = (await response.json()) as Envelope<OperationOutput<N>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message.en}`);
  return envelope.value;
}

/** Scroll a long list to its end, again as later pages come in, until `row` is in view. */
export async function scrollToEndUntilVisible(scroller: Locator, row: Locator): Promise<void> {
  await expect(async () => {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass();
}

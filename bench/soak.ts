/**
 * Memory after an hour of use, compressed (issue #19): on the browser mode with the built command line, a person
 * opens 200 records (partnerships, meetings, organizations), scrolls every list to its end, and runs 20 searches in
 * the palette. Then the server process's resident memory (now and its peak) and the page's JavaScript heap after a
 * garbage collection, beside the heap right after the dashboard: what an hour leaves behind.
 *
 * bench/run.ts calls `measureSoak` on the database it generated; alone: `npx tsx bench/soak.ts --db FILE`
 * (`npm run build` first). Figures, not assertions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../cli/pdf';
import { ARGS, BUILT_CLI, startServe } from './browser';

export interface SoakFigures {
  recordsOpened: number;
  listsScrolled: number;
  searches: number;
  seconds: number;
  serverRssMB: number | null;
  serverPeakRssMB: number | null;
  /** The page's JS heap after a garbage collection: right after the dashboard, and at the end. */
  pageHeapStartMB: number;
  pageHeapEndMB: number;
}

const LISTS = ['partnerships', 'organizations', 'meetings', 'tasks', 'contacts', 'timeline', 'trash'];
const SEARCHES = ['汕头', 'Burgas', '智慧', 'port', '深圳', 'smart city', '合作', 'Varna', '会见', 'pilot'];

/** Scroll the tallest scrolling box in <main> (or the window) to its end, a screenful a frame, for at most `ms`. */
const IN_PAGE_SCROLL_TO_END = `(ms) => new Promise((resolve) => {
  const boxes = [...document.querySelectorAll('main *')].filter((e) => e.scrollHeight > e.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(e).overflowY));
  const box = boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
  const until = performance.now() + ms;
  const frame = () => {
    box.scrollTop += box.clientHeight;
    if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2 || performance.now() > until) return resolve();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

function procMB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (pid === undefined) return null;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

async function heapMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round(used / 1024 / 102.4) / 10;
}

/** Go to a place in the app by its address and wait until its heading is drawn. */
async function visit(page: Page, hash: string): Promise<void> {
  const target = JSON.stringify(hash);
  await page.evaluate(`new Promise((resolve) => {
    location.hash = ${target};
    const drawn = () => [...document.querySelectorAll('main h1')].some((h) => h.getClientRects().length > 0);
    const check = () => (location.hash === ${target} && drawn() ? resolve() : requestAnimationFrame(check));
    check();
  })`);
  await page.waitForLoadState('networkidle');
}

export async function measureSoak(db: string, records = 200, searches = 20): Promise<SoakFigures> {
  const file = path.resolve(db);
  // The records a person opens: live partnerships, meetings and organizations, read from the file beforehand.
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  const pick = (table: string, n: number) =>
    (reader.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id LIMIT ?`).pluck().all(n) as string[]).map((id) => ({ table, id }));
  const third = Math.ceil(records / 3);
  const targets = [...pick('partnerships', third), ...pick('meetings', third), ...pick('organizations', records - 2 * third)];
  reader.close();

  const started = performance.now();
  const { url, child } = await startServe(file, existsSync(BUILT_CLI));
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('[data-testid="dashboard-overdue"]');
    await page.waitForLoadState('networkidle');
    const pageHeapStartMB = await heapMB(page);

    for (const { table, id } of targets) await visit(page, `#/${table}/${id}`);
    for (const list of LISTS) {
      await visit(page, `#/${list}`);
      await page.evaluate(`(${IN_PAGE_SCROLL_TO_END})(5000)`);
      await page.waitForLoadState('networkidle');
    }
    const box = page.getByRole('combobox').first();
    for (let i = 0; i < searches; i++) {
      await page.keyboard.press('Control+K');
      const query = SEARCHES[i % SEARCHES.length]!;
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/search.query') && (r.request().postData() ?? '').includes(JSON.stringify(query)));
      await box.fill(query);
      await answered;
      await page.keyboard.press('Escape');
    }
    await page.waitForLoadState('networkidle');
    return {
      recordsOpened: targets.length,
      listsScrolled: LISTS.length,
      searches,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      serverRssMB: procMB(child.pid, 'VmRSS'),
      serverPeakRssMB: procMB(child.pid, 'VmHWM'),
      pageHeapStartMB,
      pageHeapEndMB: await heapMB(page),
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  if (!values.db || !existsSync(values.db)) throw new Error('usage: tsx bench/soak.ts --db FILE');
  console.log(JSON.stringify(await measureSoak(values.db), null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

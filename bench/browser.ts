/**
 * What a person feels in the browser mode (issue #7). bench/run.ts calls `measureBrowser` on the
 * database it generated; alone: `npx tsx bench/browser.ts --db FILE [--shot PNG]`.
 *
 * Starts `cli serve` on FILE (make one with `cli generate --db FILE --scale M`; run `npm run build`
 * first), opens it in Chromium (playwright-core, the system's browser) at 1280×800 and measures,
 * in the page:
 * - the dashboard's first contentful paint (the static shell in index.html), and when its data is on screen;
 * - mounting the meeting log: from setting #/meetings until its first rows are in the DOM
 *   (a MutationObserver, performance.now(); a placeholder row does not count), then until the next frame is painted;
 * - the longest frame (requestAnimationFrame delta) while the log is scrolled from top to bottom quickly, as a
 *   dragged scrollbar does (at least `step` px a frame, more for a long list: its end in about SCROLL_FRAMES frames),
 *   then until the rows at its end are read and drawn.
 * - opening the meeting form: from the click on "Log a meeting" until its title field has the
 *   focus and can be typed into, and how many contract calls the page made until then;
 * - the server process's peak resident memory (VmHWM) over all of it (Linux).
 * The first two (first paint, the dashboard's data, the log's mount) are measured in `starts` cold starts, each with a
 * server started a moment before and a fresh browser, and their medians are the figures; the last start goes on.
 * Prints one JSON object. Figures, not assertions: no test times anything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../cli/pdf';

const ROOT = path.resolve(__dirname, '..');
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the built renderer is: the browser mode serves it (`npm run build`). */
export const RENDERER_INDEX = path.join(ROOT, 'out', 'renderer', 'index.html');

/** The built command line (`npm run build`), as the desktop app runs its own code: compiled, not through tsx. */
export const BUILT_CLI = path.join(ROOT, 'out', 'cli', 'main.js');

/** `cli serve` in a Node process of its own (not through the tsx launcher), so its memory is its own; `built`: the compiled CLI. */
export function startServe(db: string, built = false): Promise<{ url: string; child: ChildProcess }> {
  const args = built ? [BUILT_CLI] : ['--require', 'tsx/cjs', path.join(ROOT, 'cli', 'main.ts')];
  const child = spawn(process.execPath, [...args, 'serve', '--db', db], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its address: ${out}`)), 300_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

// The in-page parts are plain JavaScript strings: this file is compiled for Node, without the DOM types.

/** The dashboard's first contentful paint, from the navigation's start. */
const IN_PAGE_FCP = `new Promise((resolve) => {
  const seen = performance.getEntriesByName('first-contentful-paint')[0];
  if (seen) return resolve(seen.startTime);
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) resolve(entry.startTime);
  }).observe({ type: 'paint', buffered: true });
})`;

/** From the navigation's start until the dashboard shows its data (its overdue card is in the DOM). */
const IN_PAGE_DASHBOARD_READY = `new Promise((resolve) => {
  const selector = '[data-testid="dashboard-overdue"]';
  if (document.querySelector(selector)) return resolve(performance.now());
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    resolve(performance.now());
  });
  observer.observe(document.body, { childList: true, subtree: true });
})`;

/** From #/meetings until the log's first row is in the DOM, and until the frame after it. */
const IN_PAGE_MOUNT = `new Promise((resolve) => {
  const selector = '[data-testid="meetings-table"] [role="row"][data-index]:not([data-placeholder])';
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    const rowsInDomMs = performance.now() - start;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve({ rowsInDomMs, paintedMs: performance.now() - start })));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/meetings';
})`;

/** From the click on "Log a meeting" until the form's first field is focused and editable, and the frame after. */
const IN_PAGE_OPEN_FORM = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('main button')].find((b) => b.textContent.includes('Log a meeting'));
  if (!button) return reject(new Error('no "Log a meeting" button'));
  const ready = () => {
    const field = document.activeElement;
    return field instanceof HTMLInputElement && !!field.closest('form') && !field.disabled && !field.readOnly;
  };
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    const editableMs = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => resolve({ editableMs, paintedMs: performance.now() - start })));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

interface ScrollResult {
  longestFrameMs: number;
  p99FrameMs: number;
  frames: number;
  scrollMs: number;
  rowsInDom: number;
  scrollHeight: number;
  stepPx: number;
  total: string;
}

/** The log's end is reached in about this many frames when the step asked for would take longer (10 s at 60 Hz). */
const SCROLL_FRAMES = 600;

/**
 * Scroll the log by px every frame (more if its end is further than SCROLL_FRAMES such steps) until it is at its
 * end with nothing loading and its last row drawn; the frame deltas.
 */
const IN_PAGE_SCROLL = `(minPx, maxMs, frames) => new Promise((resolve) => {
  const scroller = document.querySelector('[data-testid="meetings-table"]');
  const px = Math.max(minPx, Math.ceil(scroller.scrollHeight / frames));
  const deltas = [];
  const start = performance.now();
  let last = start;
  let settled = 0;
  const frame = (now) => {
    deltas.push(now - last);
    last = now;
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    const busy = scroller.getAttribute('aria-busy') === 'true' || !!scroller.querySelector('[data-placeholder]');
    settled = atEnd && !busy ? settled + 1 : 0;
    if (settled >= 10 || now - start > maxMs) {
      const sorted = deltas.slice(1).sort((a, b) => a - b);
      resolve({
        longestFrameMs: sorted[sorted.length - 1] ?? 0,
        p99FrameMs: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
        frames: sorted.length,
        scrollMs: now - start,
        rowsInDom: scroller.querySelectorAll('[role="row"]').length,
        scrollHeight: scroller.scrollHeight,
        stepPx: px,
        total: document.querySelector('[data-testid="meetings-count"]')?.textContent ?? '',
      });
      return;
    }
    scroller.scrollTop += px;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/** Peak resident memory of a process in MB (Linux's VmHWM), or null where /proc is not there. */
function peakRssMB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** One cold start's first moments: a server started a moment before, a fresh browser, the dashboard, then the log. */
export interface FirstMoments {
  firstContentfulPaintMs: number;
  dashboardReadyMs: number;
  meetingsMountMs: number;
  meetingsMountPaintedMs: number;
}

export interface BrowserFigures {
  db: string;
  /** Each cold start's figures; the first moments' figures below are their medians. */
  starts: FirstMoments[];
  firstContentfulPaintMs: number;
  /** Until the dashboard's data is on screen (the shell paints before the script runs). */
  dashboardReadyMs: number;
  meetingsMountMs: number;
  meetingsMountPaintedMs: number;
  mountCalls: { op: string; ms: number }[];
  slowestPageCallMs: number;
  longestScrollFrameMs: number;
  p99ScrollFrameMs: number;
  scrollFrames: number;
  scrollStepPx: number;
  scrollMs: number;
  reachedEnd: boolean;
  rowsInDomAtEnd: number;
  listHeightPx: number;
  shown: string;
  /** From the click on "Log a meeting" until the meeting form's title field is focused and editable. */
  meetingFormEditableMs: number;
  meetingFormPaintedMs: number;
  /** The contract calls the page made from that click until the form was editable. */
  meetingFormCalls: string[];
  serverPeakRssMB: number | null;
}

export interface BrowserOptions {
  db: string;
  /** Pixels scrolled per frame, at least (a long list more: see SCROLL_FRAMES). */
  step?: number;
  /** Stop scrolling after this long if the end is not reached and read by then, its frames measured so far. */
  scrollMs?: number;
  shot?: string;
  /**
   * Cold starts measured for the first moments (first paint, the dashboard's data, the log's mount): one figure of a
   * few hundred ms on this shared machine moves by half between runs, so the figure is the median of these (default 5).
   */
  starts?: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const tenths = (ms: number): number => Math.round(ms * 10) / 10;

/** From the navigation to the dashboard's data on screen, then (once it is quiet) the log's mount. */
async function firstMoments(page: Page, url: string, beforeMount: () => void = () => {}): Promise<FirstMoments> {
  await page.goto(url);
  const firstContentfulPaintMs = await page.evaluate<number>(IN_PAGE_FCP);
  const dashboardReadyMs = await page.evaluate<number>(IN_PAGE_DASHBOARD_READY);
  // Let the dashboard settle before leaving it.
  await page.waitForLoadState('networkidle');
  beforeMount();
  const mount = await page.evaluate<{ rowsInDomMs: number; paintedMs: number }>(IN_PAGE_MOUNT);
  return {
    firstContentfulPaintMs: tenths(firstContentfulPaintMs),
    dashboardReadyMs: tenths(dashboardReadyMs),
    meetingsMountMs: tenths(mount.rowsInDomMs),
    meetingsMountPaintedMs: tenths(mount.paintedMs),
  };
}

/** A server started on `db` and a fresh browser's page; `close` stops both and waits for the server to exit. */
async function openStart(db: string): Promise<{ url: string; page: Page; pid: number | undefined; close: () => Promise<void> }> {
  const { url, child } = await startServe(path.resolve(db));
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: ARGS, headless: true });
  const close = async () => {
    await browser.close();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    return { url, page: await browser.newPage({ viewport: { width: 1280, height: 800 } }), pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A cold start measured and closed: the server stopped before the next one opens the file. */
async function coldStart(db: string): Promise<FirstMoments> {
  const start = await openStart(db);
  try {
    return await firstMoments(start.page, start.url);
  } finally {
    await start.close();
  }
}

export async function measureBrowser(options: BrowserOptions): Promise<BrowserFigures> {
  const step = options.step ?? 3000;
  const scrollMs = options.scrollMs ?? 600_000;
  const starts: FirstMoments[] = [];
  for (let i = 1; i < (options.starts ?? 5); i++) starts.push(await coldStart(options.db));
  // The last start goes on: the log scrolled, the meeting form opened, the server's memory.
  const { url, page, pid, close } = await openStart(options.db);
  try {
    // Which contract calls the mount waited on, and how long each took (the server answers one at a time).
    const calls: { op: string; ms: number }[] = [];
    const started = new Map<string, number>();
    const opOf = (u: string) => new URL(u).pathname.replace(/^\/api\//, '');
    const requested: string[] = [];
    let listening = false;
    page.on('request', (r) => {
      if (!listening || !r.url().includes('/api/')) return;
      started.set(r.url() + r.postData(), Date.now());
      requested.push(opOf(r.url()));
    });
    page.on('requestfinished', (r) => {
      const t = started.get(r.url() + r.postData());
      if (t !== undefined) calls.push({ op: opOf(r.url()), ms: Date.now() - t });
    });
    const last = await firstMoments(page, url, () => (listening = true));
    starts.push(last);
    const mountCalls = [...calls];
    // The list is in view: let its first page of partnerships names settle before scrolling.
    await page.waitForLoadState('networkidle');

    if (options.shot) await page.screenshot({ path: options.shot });

    const scroll = await page.evaluate<ScrollResult>(`(${IN_PAGE_SCROLL})(${step}, ${scrollMs}, ${SCROLL_FRAMES})`);

    // The log is on screen and quiet: open the meeting form as a person does, with a click.
    await page.waitForLoadState('networkidle');
    const callsBefore = requested.length;
    const form = await page.evaluate<{ editableMs: number; paintedMs: number }>(IN_PAGE_OPEN_FORM);
    const meetingFormCalls = requested.slice(callsBefore);

    return {
      db: options.db,
      starts,
      firstContentfulPaintMs: median(starts.map((m) => m.firstContentfulPaintMs)),
      dashboardReadyMs: median(starts.map((m) => m.dashboardReadyMs)),
      meetingsMountMs: median(starts.map((m) => m.meetingsMountMs)),
      meetingsMountPaintedMs: median(starts.map((m) => m.meetingsMountPaintedMs)),
      mountCalls,
      slowestPageCallMs: Math.max(
        0,
        ...calls
          .slice(mountCalls.length)
          .filter((c) => c.op === 'meetings.list')
          .map((c) => c.ms),
      ),
      longestScrollFrameMs: Math.round(scroll.longestFrameMs * 10) / 10,
      p99ScrollFrameMs: Math.round(scroll.p99FrameMs * 10) / 10,
      scrollFrames: scroll.frames,
      scrollStepPx: scroll.stepPx,
      scrollMs: Math.round(scroll.scrollMs),
      reachedEnd: scroll.scrollMs <= scrollMs,
      rowsInDomAtEnd: scroll.rowsInDom,
      listHeightPx: scroll.scrollHeight,
      shown: scroll.total,
      meetingFormEditableMs: Math.round(form.editableMs * 10) / 10,
      meetingFormPaintedMs: Math.round(form.paintedMs * 10) / 10,
      meetingFormCalls,
      serverPeakRssMB: peakRssMB(pid),
    };
  } finally {
    await close();
  }
}

/**
 * The desktop's own moment, on the browser mode: from starting the server process (what the desktop app's main
 * process does first: open the database, run the core's threads) until the dashboard's data is on screen in a
 * window that is already open, with the compiled command line when it is built. Twice: the first start of the file
 * after it was written (the day's backup is made then), then a second start (the operating system's file cache is
 * warm both times: the file was just generated).
 */
export async function measureStartup(db: string): Promise<{ firstMs: number; secondMs: number }> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const once = async (): Promise<number> => {
    const started = performance.now();
    const { url, child } = await startServe(path.resolve(db), existsSync(BUILT_CLI));
    try {
      await page.goto(url);
      await page.waitForSelector('[data-testid="dashboard-overdue"]');
      return performance.now() - started;
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const firstMs = await once();
    const secondMs = await once();
    return { firstMs: Math.round(firstMs), secondMs: Math.round(secondMs) };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, shot: { type: 'string' }, step: { type: 'string' }, 'scroll-ms': { type: 'string' }, starts: { type: 'string' } },
  });
  if (!values.db || !existsSync(values.db)) throw new Error('usage: tsx bench/browser.ts --db FILE [--shot PNG] [--step PX] [--scroll-ms MS] [--starts N]');
  const figures = await measureBrowser({
    db: values.db,
    ...(values.step ? { step: Number(values.step) } : {}),
    ...(values['scroll-ms'] ? { scrollMs: Number(values['scroll-ms']) } : {}),
    ...(values.shot ? { shot: values.shot } : {}),
    ...(values.starts ? { starts: Number(values.starts) } : {}),
  });
  console.log(JSON.stringify(figures, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** HTML -> PDF through the system's Chromium (playwright-core), for `cli report` and the browser mode. */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../db/errors';

const CANDIDATES = [
  process.env.PT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(): string | null {
  // PT_CHROMIUM_ONLY=1: use PT_CHROMIUM and nothing else (tests of the "no browser" path; a pinned browser).
  if (process.env.PT_CHROMIUM_ONLY === '1') return process.env.PT_CHROMIUM && existsSync(process.env.PT_CHROMIUM) ? process.env.PT_CHROMIUM : null;
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = playwright().chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // no bundled browser
  }
  return null;
}

/**
 * playwright-core, loaded when a browser is first needed: it takes about 0.7 s of CPU to load, which every
 * CLI command and the browser mode's start paid before.
 */
function playwright(): typeof import('playwright-core') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load that stays synchronous (findChromium)
  return require('playwright-core') as typeof import('playwright-core');
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let shared: Promise<Browser> | null = null;

async function browser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new AppError('internal', {
      zh: '找不到 Chromium 或 Chrome，无法生成 PDF。请安装 Chromium（Debian：apt-get install chromium），或设置 PT_CHROMIUM 为浏览器路径；也可以改用 --format html。',
      en: 'No Chromium or Chrome found to make the PDF. Install Chromium (Debian: apt-get install chromium) or set PT_CHROMIUM to a browser path; or use --format html.',
    });
  }
  if (!shared) {
    const launched = playwright().chromium.launch({ executablePath, args: ARGS, headless: true });
    shared = launched;
    // A browser that crashed or was closed is started again by the next report.
    void launched
      .then((b) =>
        b.on('disconnected', () => {
          if (shared === launched) {
            shared = null;
            warm = null;
          }
        }),
      )
      .catch(() => {
        if (shared === launched) shared = null;
      });
  }
  return shared;
}

interface Tab {
  context: BrowserContext;
  page: Page;
}

/**
 * A page for reports: JavaScript off, no service workers, offline, and every request refused except
 * `data:` URLs (the embedded fonts), which never reach the network layer.
 */
async function openTab(b: Browser): Promise<Tab> {
  const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, offline: true });
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
  return { context, page: await context.newPage() };
}

/**
 * The page kept open between reports while the app runs: a new context and page cost about 0.4 s of a
 * report at L, and a warm page lays the next document out faster. Each report replaces the document
 * whole (setContent). One report at a time prints on it; another asked for meanwhile gets a page of its own.
 */
let warm: Promise<Tab> | null = null;
let warmBusy = false;

/**
 * Print an HTML report to an A4 PDF using its own @page rules (margins, running header and footer).
 * The document holds values from other offices, so it is rendered with JavaScript off and no request
 * (openTab).
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const b = await browser();
  const onWarm = !warmBusy;
  let tab: Promise<Tab>;
  if (onWarm) {
    warmBusy = true;
    tab = warm ??= openTab(b);
  } else tab = openTab(b);
  let failed = false;
  try {
    const { page } = await tab;
    await page.setContent(html, { waitUntil: 'load' });
    // Wait until the embedded fonts are decoded, so no page is laid out with a fallback font
    // (evaluated by the driver: the page's own scripts stay off).
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (onWarm) {
      // A page that failed is not used again.
      if (failed && warm === tab) warm = null;
      warmBusy = false;
    }
    if (!onWarm || failed) await closeTab(tab);
  }
}

async function closeTab(tab: Promise<Tab>): Promise<void> {
  try {
    await (await tab).context.close();
  } catch {
    // never opened, or its browser is gone
  }
}

export async function closePdfBrowser(): Promise<void> {
  if (!shared) return;
  const current = shared;
  shared = null;
  warm = null;
  await (await current).close();
}

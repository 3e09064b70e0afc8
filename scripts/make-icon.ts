/**
 * Renders build/icon.svg to build/icon.png (1024×1024, transparent corners) with the system's
 * Chromium; electron-builder makes the .ico and .icns from the PNG. Run after changing the SVG:
 * `npx tsx scripts/make-icon.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../cli/pdf';

const BUILD = path.resolve(__dirname, '..', 'build');

async function main(): Promise<void> {
  const svg = readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(BUILD, 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.join(BUILD, 'icon.png')}`);
}

void main();

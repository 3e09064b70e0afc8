import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { test, expect, switchLanguage } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
/** A line is named by its places and status (its title is asked for when it is hovered or focused). */
const BURGAS = /^(Shantou – Burgas \(|汕头市—布尔加斯（)/;

/**
 * Counted in the file itself, not through the app: live partnerships with two or more live
 * parties that have coordinates, and the located organizations that are a party to a live one.
 */
function locatedInFile(dbPath: string): { partnerships: number; places: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const located = `SELECT pp.partnership_id, o.id AS organization_id FROM partnership_parties pp
      JOIN partnerships p ON p.id = pp.partnership_id JOIN organizations o ON o.id = pp.organization_id
     WHERE p.deleted_at IS NULL AND pp.deleted_at IS NULL AND o.deleted_at IS NULL AND o.latitude IS NOT NULL AND o.longitude IS NOT NULL`;
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      partnerships: count(
        `SELECT count(*) AS n FROM (SELECT partnership_id FROM (${located}) GROUP BY partnership_id HAVING count(DISTINCT organization_id) >= 2)`,
      ),
      places: count(`SELECT count(DISTINCT organization_id) AS n FROM (${located})`),
    };
  } finally {
    db.close();
  }
}

async function zoomTo(page: Page, label: string, region: string): Promise<void> {
  const group = page.getByRole('radiogroup', { name: /Zoom to|缩放至/ });
  await group.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-region', region);
}

/** A point on the link's first line, `offset` px beside it, in page coordinates, where nothing but this link is on top. */
async function pointOnLink(link: Locator, offset: number): Promise<{ x: number; y: number }> {
  const point = await link.evaluate((group, offsetPx) => {
    const line = group.querySelectorAll('path')[1] as SVGPathElement;
    const total = line.getTotalLength();
    for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = line.getPointAtLength(total * fraction);
      const screen = new DOMPoint(p.x, p.y).matrixTransform(line.getScreenCTM()!);
      const candidate = { x: screen.x, y: screen.y + offsetPx };
      if (document.elementFromPoint(candidate.x, candidate.y)?.closest('[data-testid="map-link"]') === group) return candidate;
    }
    return null;
  }, offset);
  expect(point, 'a free spot on the line').not.toBeNull();
  return point!;
}

test('the map draws every located partnership offline, zooms to Europe and China, and a line opens its partnership', async ({ page, sampleApp }) => {
  test.slow(); // Several views, two languages, screenshots.
  mkdirSync(SHOTS, { recursive: true });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto(sampleApp.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The map (and its borders) is not part of the first screen's bundle: it loads on first visit.
  expect(requested.filter((url) => /MapView/.test(url))).toEqual([]);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
  expect(requested.filter((url) => /MapView/.test(url)).length).toBeGreaterThan(0);

  // One line (or star of lines) per partnership with two located parties; each a keyboard-reachable link named by its places.
  const { partnerships: expected, places } = locatedInFile(sampleApp.dbPath);
  expect([expected, places]).toEqual([8, 41]);
  const links = page.getByTestId('map-link');
  await expect(links).toHaveCount(expected);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('tabindex', '0');
    await expect(link).toHaveAttribute('role', 'link');
  }
  const burgas = page.getByRole('link', { name: BURGAS });
  await expect(burgas).toHaveAccessibleName('Shantou – Burgas (Active)');
  // A star names its hub, two more places and how many others.
  await expect(page.getByRole('link', { name: 'Riga – Venice, Amsterdam and 27 more places (Active)' })).toHaveCount(1);
  await expect(burgas.locator('path').first()).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('map-legend')).toContainText('Active');
  await expect(page.getByTestId('map-summary')).toHaveText(`${expected} partnerships between ${places} places`);
  await expect(page.getByTestId('map-city')).toHaveCount(places);

  // Zoom: the same line is drawn elsewhere, lines far from the region are not drawn.
  const worldPath = await burgas.locator('path').nth(1).getAttribute('d');
  const jilin = page.getByRole('link', { name: /^Liaoyuan – / });
  await expect(jilin).toHaveCount(1);
  await zoomTo(page, 'Europe', 'europe');
  await expect(jilin).toHaveCount(0);
  await expect(burgas.locator('path').nth(1)).not.toHaveAttribute('d', worldPath!);
  await expect(page.getByTestId('map-label').filter({ hasText: /^Burgas$/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'map-europe-en-1280.png'), animations: 'disabled' });
  await zoomTo(page, 'China', 'china');
  await expect(jilin).toHaveCount(1);
  await expect(page.getByTestId('map-label').filter({ hasText: /^Liaoyuan$/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'map-china-en-1280.png'), animations: 'disabled' });
  await zoomTo(page, 'World', 'world');
  await expect(burgas.locator('path').nth(1)).toHaveAttribute('d', worldPath!);

  // Pointer: hovering a line shows its title (asked for then) over the map.
  const over = await pointOnLink(burgas, 0);
  await page.mouse.move(over.x, over.y);
  await expect(page.getByTestId('map-focus')).toHaveText('Shantou–Burgas project cooperation (Active)');
  await page.mouse.move(1, 1);
  await expect(page.getByTestId('map-focus')).toHaveText('');
  // Keyboard: focus the line (it is highlighted, and its title is said), Enter opens the partnership.
  await burgas.focus();
  await expect(page.getByTestId('map-focus')).toHaveText('Shantou–Burgas project cooperation (Active)');
  await expect(burgas.locator('title')).toHaveText('Shantou–Burgas project cooperation (Active)');
  await page.screenshot({ path: path.join(SHOTS, 'map-en-1280.png'), animations: 'disabled' });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Shantou–Burgas project cooperation' })).toBeVisible();
  const partnershipUrl = page.url();

  // Mouse: a click a few pixels beside the thin line still hits it (the wider, invisible hit stroke).
  await page.goBack();
  await expect(burgas).toBeVisible();
  const spot = await pointOnLink(burgas, 4);
  await page.mouse.click(spot.x, spot.y);
  await expect(page).toHaveURL(partnershipUrl);

  // A place lists its partnerships (by click, or by keyboard where dots lie on top of each other); each opens.
  await page.goBack();
  await page.getByRole('button', { name: 'Burgas: 1 partnership', exact: true }).click();
  const burgasPanel = page.getByRole('dialog', { name: 'Partnerships of Burgas' });
  await expect(burgasPanel.getByRole('link')).toHaveText(['Shantou–Burgas project cooperation']);
  await burgasPanel.getByRole('button', { name: 'Close' }).click();
  await expect(burgasPanel).toBeHidden();
  await page.getByRole('button', { name: 'Shantou: 2 partnerships', exact: true }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Partnerships of Shantou' });
  await expect(panel.getByRole('link')).toHaveCount(2);
  await page.screenshot({ path: path.join(SHOTS, 'map-place-en-1280.png'), animations: 'disabled' });
  await panel.getByRole('link', { name: /Andalusia/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Shantou–Andalusia/ })).toBeVisible();
  await page.goBack();

  // Chinese: the same map, every word translated.
  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { level: 1, name: '地图' })).toBeVisible();
  await expect(page.getByRole('link', { name: '地图', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: '汕头市—布尔加斯（执行中）' })).toBeVisible();
  await expect(page.getByTestId('map-legend')).toContainText('执行中');
  await expect(page.getByTestId('map-summary')).toHaveText(`${places} 个地点之间的 ${expected} 项合作关系`);
  await expect(page.getByTestId('map-label').filter({ hasText: /^布尔加斯$/ })).toBeVisible();
  await page.getByRole('link', { name: /^汕头市—布尔加斯（/ }).focus();
  await expect(page.getByTestId('map-focus')).toHaveText('汕头—布尔加斯项目合作（执行中）');
  await page.screenshot({ path: path.join(SHOTS, 'map-zh-1280.png'), animations: 'disabled' });
  await zoomTo(page, '欧洲', 'europe');
  await page.screenshot({ path: path.join(SHOTS, 'map-europe-zh-1280.png'), animations: 'disabled' });
  await zoomTo(page, '中国', 'china');
  await page.screenshot({ path: path.join(SHOTS, 'map-china-zh-1280.png'), animations: 'disabled' });

  // A place's list has the titles in Chinese too.
  await zoomTo(page, '全球', 'world');
  await page.getByRole('button', { name: '布尔加斯：1 项合作关系', exact: true }).click();
  const burgasPanelZh = page.getByRole('dialog', { name: '布尔加斯的合作关系' });
  await expect(burgasPanelZh.getByRole('link')).toHaveText(['汕头—布尔加斯项目合作']);
  await burgasPanelZh.getByRole('button', { name: '关闭' }).click();

  // Nothing left the machine: every request went to the app's own origin.
  expect(requested.filter((url) => new URL(url).origin !== sampleApp.origin)).toEqual([]);
  // Close the page before the server stops, so no open connection holds up its shutdown.
  await page.close();
});

/**
 * A desk officer's day around one city: the palette opens the city's own page (names, place, partnerships,
 * contacts, meetings), a partnership's page logs a meeting and adds a task for it, and a partner city made
 * inside the partnership form takes its place from the gazetteer and appears on the map.
 */
import type { Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi, openShantouBurgas } from './fixtures';

const BURGAS = 'Shantou–Burgas project cooperation';

async function openPalette(page: Page, text: string, name: RegExp) {
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Search everything|全局搜索/ });
  await expect(box).toBeFocused();
  await box.fill(text);
  const hit = page.getByRole('listbox').getByRole('option', { name }).first();
  await expect(hit).toBeVisible();
  return { box, hit };
}

/** New partnership, titled, with Shantou as party 1 and the inline "new organization" panel open for party 2. */
async function newPartnershipWithShantou(page: Page, url: string, title: string) {
  await page.goto(`${url}#/partnerships`);
  await switchLanguage(page, 'English');
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New partnership' });
  if (title) await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  const party1 = dialog.getByLabel('Party 1: organization');
  await party1.click();
  await party1.fill('Swatow');
  await page.getByRole('option', { name: /^汕头 \/ Shantou/ }).click();
  await dialog.getByRole('button', { name: 'New organization…' }).click();
  return { dialog, inline: dialog.getByRole('group', { name: 'New organization (added as a party)' }) };
}

test('the palette opens a city’s own page, by click or by Enter, in English and Chinese; the page leads to its partnerships and the map', async ({
  page,
  request,
  sampleApp,
}) => {
  const burgasCity = (await callApi(request, sampleApp, 'organizations.list', { query: 'Burgas' })).rows.find((o) => o.nameEn === 'Burgas')!;
  await callApi(request, sampleApp, 'contacts.create', { name: 'Dimitar Nikolov', title: 'Mayor of Burgas', organizationId: burgasCity.id });
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  const { hit } = await openPalette(page, 'Burgas', /布尔加斯 \/ Burgas/);
  await hit.click();
  await expect(page).toHaveURL(/#\/organizations\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1, name: /Burgas/ });
  await expect(heading).toBeVisible();
  await expect(page.getByTestId('organization-names')).toContainText('布尔加斯');
  await expect(page.getByTestId('organization-location')).toContainText('42.5');
  const partnerships = page.getByTestId('organization-partnerships');
  await expect(partnerships.getByRole('heading')).toHaveText('1 partnership');
  await expect(partnerships.getByRole('link', { name: BURGAS })).toBeVisible();
  // Its contacts open in their drawer, as a contact found by the palette does.
  await page.getByTestId('organization-contacts').getByRole('link', { name: 'Dimitar Nikolov' }).click();
  await expect(page.getByRole('dialog', { name: /Dimitar Nikolov/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /Dimitar Nikolov/ })).toBeHidden();
  // The drawer opened on the Contacts page, its opener left behind: focus lands on that page's heading (the
  // drawer's close done) before the palette is asked for.
  await expect(page.getByRole('heading', { level: 1, name: /Contacts/ })).toBeFocused();
  const { hit: contactHit } = await openPalette(page, 'Nikolov', /Dimitar Nikolov/);
  await contactHit.click();
  await expect(page.getByRole('dialog', { name: /Dimitar Nikolov/ })).toContainText('Mayor of Burgas');
  await page.goBack();
  await page.goBack();
  await expect(heading).toBeVisible();

  // Show on the map: the Europe zoom, Burgas chosen, its partnership listed beside it.
  await page.getByRole('button', { name: 'Show on the map' }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-region', 'europe');
  await expect(page.getByTestId('map-city-panel')).toContainText(BURGAS);

  // In Chinese, the highlighted row opens with Enter: another city, typed by its English name.
  await switchLanguage(page, '中文');
  const { box, hit: liaoyuan } = await openPalette(page, 'Liaoyuan', /辽源/);
  await expect(liaoyuan).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/organizations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /辽源/ })).toBeVisible();
  await expect(page.getByTestId('organization-partnerships').getByRole('heading')).toHaveText(/^\d+ 项合作关系$/);
  await page.getByRole('link', { name: '全部机构' }).click();
  await expect(page.getByTestId('organizations-table')).toBeVisible();
});

test('a partnership’s page logs a meeting and adds a task for that partnership, without searching for it again', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);
  const partnershipUrl = page.url();
  const actions = page.getByRole('group', { name: 'Partnership actions' });

  // Log a meeting: the form opens with this partnership chosen; saved, it is on the partnership's timeline.
  await actions.getByRole('button', { name: 'Log a meeting' }).click();
  await expect(page.getByRole('combobox', { name: 'Partnerships concerned', exact: true }).locator('..')).toContainText(BURGAS);
  await page.getByLabel(/^Title( \*)?$/).fill('Video call on the demonstration zone');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Video call on the demonstration zone' })).toBeVisible();
  await expect(page.getByRole('link', { name: BURGAS }).first()).toBeVisible();
  await page.goto(partnershipUrl);
  await expect(page.getByRole('heading', { level: 1, name: BURGAS })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Video call on the demonstration zone');

  // New task: this partnership is chosen; saved, the Tasks tab shows it.
  await actions.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog.getByRole('combobox', { name: 'Partnership' })).toHaveValue(BURGAS);
  await dialog.getByLabel('Title').fill('Send the call notes to Burgas');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Tasks' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('partnership-tasks')).toContainText('Send the call notes to Burgas');
});

test('a partner city made inside the partnership form takes its place from the gazetteer and appears on the map', async ({ page, sampleApp }) => {
  test.slow(); // a form, a gazetteer search, the map
  const { dialog, inline } = await newPartnershipWithShantou(page, sampleApp.url, 'Shantou–Plovdiv trade exchange');
  await inline.getByLabel('Display name').fill('普罗夫迪夫 / Plovdiv');
  await inline.getByLabel('Chinese name').fill('普罗夫迪夫');
  await inline.getByLabel('English name').fill('Plovdiv');
  await inline.getByRole('button', { name: 'Find coordinates' }).click();
  await inline
    .getByTestId('place-results')
    .getByRole('button', { name: /^Plovdiv · Bulgaria/ })
    .click();
  await expect(inline.getByTestId('new-party-coordinates')).toContainText('42.1');
  // The place's country is taken when none was chosen.
  await expect(inline.getByRole('textbox', { name: 'Country' })).toHaveValue('Bulgaria');
  await inline.getByRole('button', { name: 'Create and add' }).click();
  await expect(dialog.getByLabel('Party 2: organization')).toHaveValue('普罗夫迪夫 / Plovdiv (BG)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Shantou–Plovdiv trade exchange' })).toBeVisible();

  await page.getByRole('link', { name: 'Map', exact: true }).click();
  // Its line, named by its places (the title comes when the line is focused or hovered).
  const line = page.getByRole('link', { name: /^Shantou – Plovdiv \(/ });
  await expect(line).toHaveCount(1);
  await line.focus();
  await expect(page.getByText('Shantou–Plovdiv trade exchange')).not.toHaveCount(0);
  await expect(page.getByRole('button', { name: /^普罗夫迪夫 \/ Plovdiv|^Plovdiv: 1 partnership/ })).toHaveCount(1);
});

test('the map names the partnerships it cannot place, and the party without coordinates', async ({ page, sampleApp }) => {
  const { dialog, inline } = await newPartnershipWithShantou(page, sampleApp.url, 'Shantou–Jilin smart poles');
  await inline.getByLabel('Display name').fill('某智慧杆协会');
  await inline.getByRole('button', { name: 'Create and add' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const unplaced = page.getByTestId('map-unplaced');
  await expect(unplaced).toContainText('Not on the map');
  await expect(unplaced).toContainText('Shantou–Jilin smart poles: no coordinates for 某智慧杆协会');
  await unplaced.getByRole('link', { name: '某智慧杆协会' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '某智慧杆协会' })).toBeVisible();
  await expect(page.getByTestId('organization-location')).toContainText('No coordinates yet');
});

test('the partnership form says which title to fill, makes a programme on the spot and takes a first milestone', async ({ page, sampleApp }) => {
  const { dialog, inline } = await newPartnershipWithShantou(page, sampleApp.url, '');
  await inline.getByLabel('Display name').fill('Varna');
  await inline.getByRole('button', { name: 'Create and add' }).click();
  await expect(dialog.getByLabel('Party 2: organization')).toHaveValue('Varna');
  // Only the Chinese and English titles: the title is taken from the interface's language.
  await dialog.getByRole('textbox', { name: 'Chinese title' }).fill('汕头—瓦尔纳港口合作');
  await dialog.getByRole('textbox', { name: 'English title' }).fill('Shantou–Varna port cooperation');
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute('placeholder', 'Shantou–Varna port cooperation');
  // A programme that is not in the list yet. Esc closes the small panel only; focus goes back to its button.
  const newProgramme = dialog.getByRole('button', { name: 'New programme…' });
  await newProgramme.click();
  const programme = dialog.getByRole('group', { name: 'New programme (chosen for this partnership)' });
  await programme.getByLabel('Chinese name').fill('黑海');
  await page.keyboard.press('Escape');
  await expect(programme).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Discard unsaved changes/ })).toHaveCount(0);
  await expect(newProgramme).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Chinese title' })).toHaveValue('汕头—瓦尔纳港口合作');
  await newProgramme.click();
  await programme.getByRole('button', { name: 'Create and choose' }).click();
  await expect(programme.getByText('Chinese name: enter a name in Chinese or English')).toBeVisible();
  await programme.getByLabel('English name').fill('Black Sea port cities');
  await programme.getByLabel('English name').press('Enter');
  await expect(programme).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Programme' })).toHaveValue('Black Sea port cities');
  // The first milestone, with the partnership.
  await dialog.getByLabel('Milestone', { exact: true }).fill('MoU signed in Varna');
  await dialog.getByLabel('Milestone date').fill('2026-13');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Write the date as 2016, 2015-06 or 2017-05-31')).toBeVisible();
  await dialog.getByLabel('Milestone date').fill('2026-11');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Shantou–Varna port cooperation' })).toBeVisible();
  await expect(page.getByTestId('partnership-details')).toContainText('Black Sea port cities');
  await expect(page.getByRole('tabpanel')).toContainText('MoU signed in Varna');
});

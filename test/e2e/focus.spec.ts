import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi, openShantouBurgas } from './fixtures';

/** Screenshots a person looks at: the dark timeline, badges in both themes, the sidebar at 200%. */
const SHOTS = '/tmp/a11y-shots';

const BURGAS = 'Shantou–Burgas project cooperation';

/** Focus is somewhere a keyboard user can continue from: never left on <body>. */
async function expectFocusNotOnBody(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
}

/** Press Tab until `target` has focus (at most `max` times), as a keyboard user does. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
    await expectFocusNotOnBody(page);
  }
  await expect(target).toBeFocused();
}

test('every dialog gives focus back to what opened it, on Esc, on Cancel and on Save', async ({ page, sampleApp }) => {
  test.setTimeout(180_000);
  await page.goto(`${sampleApp.url}#/organizations`);
  await switchLanguage(page, 'English');

  // New organization: Esc, then Cancel.
  const newOrganization = page.getByRole('button', { name: 'New organization' });
  await newOrganization.click();
  await expect(page.getByRole('dialog', { name: 'New organization' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(newOrganization).toBeFocused();
  await newOrganization.press('Enter');
  await page.getByRole('dialog', { name: 'New organization' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(newOrganization).toBeFocused();

  // An organization's row opens its page, by keyboard; Edit there, and Save gives focus back to Edit.
  const row = page
    .getByTestId('organizations-table')
    .getByRole('row', { name: /Burgas/ })
    .first();
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Burgas/ })).toBeVisible();
  const editButton = page.getByRole('group', { name: 'Organization actions' }).getByRole('button', { name: 'Edit' });
  await editButton.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit organization' });
  await edit.getByLabel('Region').fill('Burgas Province');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(editButton).toBeFocused();
  await expect(page.getByText('Burgas Province')).toBeVisible();
  await page.getByRole('link', { name: 'All organizations' }).click();

  // Ctrl+N from nowhere in particular: focus lands on the page's heading, not <body>.
  await page.getByRole('heading', { name: 'Organizations', level: 1 }).click();
  await page.keyboard.press('Control+n');
  await page.keyboard.press('Escape');
  await expectFocusNotOnBody(page);

  // New partnership.
  await page.getByRole('link', { name: 'Partnerships' }).click();
  const newPartnership = page.getByRole('button', { name: 'New partnership' });
  await newPartnership.click();
  await page.getByRole('dialog', { name: 'New partnership' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(newPartnership).toBeFocused();

  // The partnership page: Edit, Add milestone.
  await page
    .getByTestId('partnerships-table')
    .getByRole('row', { name: new RegExp(BURGAS) })
    .click();
  const editPartnership = page.getByRole('button', { name: 'Edit', exact: true });
  await editPartnership.click();
  await expect(page.getByRole('dialog', { name: 'Edit partnership' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editPartnership).toBeFocused();
  const addMilestone = page.getByRole('button', { name: 'Add milestone' });
  await addMilestone.click();
  await expect(page.getByRole('dialog', { name: 'Add milestone' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(addMilestone).toBeFocused();
  // Esc at once, before the dialog has moved focus in (a quick hand, a busy machine): it closes all the same.
  await addMilestone.click();
  await addMilestone.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(addMilestone).toBeFocused();

  // New task: Save.
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  const newTask = page.getByRole('button', { name: 'New task' });
  await newTask.click();
  const task = page.getByRole('dialog', { name: 'New task' });
  // An empty title is refused out loud: focus on the field, an alert that says why.
  await task.getByRole('button', { name: 'Save' }).click();
  await expect(task.getByRole('alert')).toContainText('Not saved');
  await expect(task.getByLabel('Title')).toBeFocused();
  await task.getByLabel('Title').fill('Book the interpreter');
  await task.getByRole('button', { name: 'Save' }).click();
  await expect(task).toBeHidden();
  await expect(newTask).toBeFocused();

  // New contact, and the contact drawer from its row.
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  const newContact = page.getByRole('button', { name: 'New contact' });
  await newContact.click();
  const contact = page.getByRole('dialog', { name: 'New contact' });
  await contact.getByLabel('Name').fill('Dimitar Nikolov');
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact).toBeHidden();
  await expect(newContact).toBeFocused();
  const contactRow = page.getByTestId('contacts-table').getByRole('row', { name: /Dimitar Nikolov/ });
  await contactRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Dimitar Nikolov' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(contactRow).toBeFocused();
});

test('Enter in the search palette opens the highlighted row, which the box names as its active descendant', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Search everything' });
  await expect(box).toBeFocused();
  await box.fill('Burgas');
  const options = page.getByRole('listbox', { name: 'Search everything' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  // Move down to the partnership (not the first row), and check the highlight is where Enter acts.
  const target = options.filter({ hasText: BURGAS }).first();
  await expect(target).toBeVisible();
  const targetId = await target.getAttribute('id');
  let steps = 0;
  while ((await box.getAttribute('aria-activedescendant')) !== targetId && steps < 20) {
    await box.press('ArrowDown');
    steps += 1;
  }
  expect(steps, 'the partnership is below the first row').toBeGreaterThan(0);
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/partnerships\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1, name: BURGAS });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(`${BURGAS} · Partnership Tracker`);
});

for (const [width, height] of [
  [1280, 800],
  [1024, 768],
] as const) {
  test(`at 200% zoom on a ${width}×${height} screen every sidebar link is reachable, and visible when focused`, async ({ browser, sampleApp }) => {
    // 200% zoom: half the CSS pixels, each drawn twice as large.
    const context = await browser.newContext({ viewport: { width: width / 2, height: height / 2 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    // The language is chosen before the page loads: no click, so the first Tab starts at the top.
    await context.addInitScript(() => localStorage.setItem('pt.language', 'zh'));
    const page = await context.newPage();
    await page.goto(`${sampleApp.url}#/dashboard`);
    await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
    const nav = page.getByRole('navigation');
    const links = nav.getByRole('link');
    await expect(links).toHaveCount(14);

    // The skip link is the first Tab stop and takes focus to the page's heading.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    // Every link, reached by Tab, is on screen when it has focus (the sidebar scrolls to it).
    const names: string[] = [];
    for (let i = 0; i < 14; i++) {
      const link = links.nth(i);
      await tabTo(page, link, 30);
      await expect(link).toBeInViewport({ ratio: 1 });
      names.push((await link.getAttribute('aria-label')) ?? (await link.innerText()));
    }
    expect(names).toEqual(['总览', '合作关系', '地图', '机构', '会见', '时间线', '任务', '联系人', '报告', '同步', '备份', '表格导入', '回收站', '设置']);
    // Icons alone: a link's name shows as a tooltip under the pointer.
    await links.nth(4).hover();
    await expect(page.getByRole('tooltip').filter({ hasText: '会见' })).toBeVisible();
    if (width === 1280) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/sidebar-200pct-1280-settings-focused.png` });
    }

    // Nothing in the header is cut: it fits the window's width.
    const header = page.getByRole('banner');
    const overflow = await header.evaluate((el) =>
      [...el.querySelectorAll('*')].some((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5),
    );
    expect(overflow).toBe(false);
    await expect(page.getByRole('combobox', { name: '全局搜索' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('radiogroup', { name: '语言' })).toBeInViewport({ ratio: 1 });

    // Lists: the window never scrolls sideways, every header button is on screen, and a title keeps room for
    // words (at least 7em, not a character and an ellipsis): a list that is wider scrolls sideways in its own box.
    for (const [view, heading, testId, column] of [
      ['partnerships', '合作关系', 'partnerships-table', '合作关系'],
      ['organizations', '机构', 'organizations-table', '名称'],
      ['meetings', '会见', 'meetings-table', '标题'],
    ] as const) {
      await page.evaluate((target) => (location.hash = target), `#/${view}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      const table = page.getByTestId(testId);
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width / 2);
      for (const button of await page.getByRole('main').getByRole('button').all())
        if (await button.isVisible())
          expect(await button.evaluate((el) => el.getBoundingClientRect().right), await button.innerText()).toBeLessThanOrEqual(width / 2);
      const header = table.getByRole('columnheader', { name: column, exact: true });
      expect((await header.boundingBox())!.width, `${view}: ${column}`).toBeGreaterThanOrEqual(7 * 16);
    }
    await context.close();
  });
}

/** The palette's search for the whole of `query` has been answered (typed key by key, each prefix is searched too). */
function searchAnswered(page: Page, query: string): Promise<unknown> {
  return page.waitForResponse(
    (response) => response.url().endsWith('/api/search.query') && (response.request().postData() ?? '').includes(`"query":"${query}"`),
  );
}

/**
 * Move the palette's highlight down to `option`, as a person does with the arrow keys. Typed key by key, a query's
 * results arrive for each prefix and the rows are numbered afresh, so the option's id is read again at every step.
 */
async function highlight(page: Page, box: Locator, option: Locator): Promise<void> {
  await expect(async () => {
    const id = await option.getAttribute('id');
    if ((await box.getAttribute('aria-activedescendant')) !== id) await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await expect(option).toHaveAttribute('aria-selected', 'true', { timeout: 100 });
  }).toPass({ intervals: [100], timeout: 30_000 });
}

test('keyboard only: palette → partnership → log a meeting with one task → save → complete the task, focus never on <body>', async ({
  page,
  request,
  sampleApp,
}) => {
  test.setTimeout(180_000);
  const taskTitle = 'Send the port data model to Burgas';
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  await page.evaluate(() => document.getElementById('root')?.focus());

  // Palette → partnership
  await page.keyboard.press('Control+K');
  let answered = searchAnswered(page, 'Burgas');
  await page.keyboard.type('Burgas');
  await answered;
  const box = page.getByRole('combobox', { name: 'Search everything' });
  // The palette names a hit by its title as entered (here the Chinese one), then its context.
  const hit = page.getByRole('option', { name: /^汕头—布尔加斯项目合作 ·/ }).first();
  await expect(hit).toBeVisible();
  await highlight(page, box, hit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: BURGAS })).toBeFocused();

  // Log a meeting: the form opens with the partnership chosen and the title field focused.
  await tabTo(page, page.getByRole('button', { name: 'Log a meeting' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await expect(page.getByLabel(/^Title/)).toBeFocused();
  await page.keyboard.type('Video call on the port data exchange');
  await expect(page.getByRole('main')).toContainText(BURGAS);
  const followUp = page.getByRole('group', { name: 'Follow-up 1' }).getByRole('textbox', { name: 'Task', exact: true });
  await tabTo(page, followUp, 120);
  await page.keyboard.type(taskTitle);
  await page.keyboard.press('Tab');
  await expectFocusNotOnBody(page);
  // Save from the keyboard; the meeting page's heading takes focus.
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Video call on the port data exchange' })).toBeFocused();
  await expect(page.getByTestId('meeting-tasks')).toContainText(taskTitle);

  // Complete the task: the palette finds it and opens it (its dialog, over the task list); Esc leaves the list, where the row completes with X.
  await page.keyboard.press('Control+K');
  answered = searchAnswered(page, 'port data model');
  await page.keyboard.type('port data model');
  await answered;
  const taskHit = page.getByRole('option', { name: new RegExp(`^${taskTitle}`) });
  await expect(taskHit).toBeVisible();
  await highlight(page, box, taskHit);
  await page.keyboard.press('Enter');
  const taskDialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(taskDialog.getByLabel('Title')).toHaveValue(taskTitle);
  await page.keyboard.press('Escape');
  await expect(taskDialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeFocused();
  await tabTo(page, page.getByRole('tab', { selected: true }));
  // Every task: the All tab.
  for (let i = 0; i < 4 && !(await page.getByRole('tab', { name: /^All/ }).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expectFocusNotOnBody(page);
  const row = page.getByTestId('task-row').filter({ hasText: taskTitle });
  for (let i = 0; i < 60 && !(await row.evaluate((el) => el === document.activeElement).catch(() => false)); i++) {
    const onRow = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'task-row');
    await page.keyboard.press(onRow ? 'ArrowDown' : 'Tab');
    await expectFocusNotOnBody(page);
  }
  await expect(row).toBeFocused();
  await page.keyboard.press('x');
  await expect(page.getByText(`Done: “${taskTitle}”`)).toBeVisible();
  // The done task leaves the list; focus stays in it (the row that took its place), or on the heading if it emptied.
  await expect(page.getByTestId('task-row').filter({ hasText: taskTitle })).toHaveCount(0);
  await expect(page.locator('main [data-testid="task-row"]:focus, main h1:focus')).toHaveCount(1);
  const done = await callApi(request, sampleApp, 'tasks.list', { view: 'all', includeClosed: true, query: taskTitle });
  expect(done.rows.find((t) => t.title === taskTitle)?.status).toBe('done');
});

test('list cells and notes in the other language than the UI’s carry their lang, so a screen reader reads them with the right voice', async ({
  page,
  request,
  sampleApp,
}) => {
  await page.goto(`${sampleApp.url}#/organizations`);
  await switchLanguage(page, 'English');
  const table = page.getByTestId('organizations-table');
  const shantou = table.getByRole('row', { name: /Shantou/ }).first();
  await expect(shantou.getByRole('cell', { name: '汕头市', exact: true })).toHaveAttribute('lang', 'zh-CN');
  await expect(shantou.getByRole('cell', { name: 'Shantou', exact: true })).not.toHaveAttribute('lang', /.+/);
  await switchLanguage(page, '中文');
  await expect(shantou.getByRole('cell', { name: 'Shantou', exact: true })).toHaveAttribute('lang', 'en');
  await expect(shantou.getByRole('cell', { name: '汕头市', exact: true }).first()).not.toHaveAttribute('lang', /.+/);

  // A meeting's summary in English and its notes in Chinese: each read in its own voice in the other UI.
  const { rows } = await callApi(request, sampleApp, 'partnerships.list', { query: 'Burgas' });
  const meeting = await callApi(request, sampleApp, 'meetings.create', {
    title: 'Port data call',
    format: 'video',
    kind: 'working_meeting',
    date: '2026-11-20',
    partnershipIds: [rows[0]!.id],
    summary: 'Both ports agreed to exchange traffic data every month.',
    notes: '港口数据每月交换一次，由港务局负责。',
  });
  await page.goto(`${sampleApp.url}#/meetings/${meeting.id}`);
  const summary = page.getByText('Both ports agreed to exchange traffic data every month.');
  const notes = page.getByTestId('meeting-notes');
  await expect(summary).toHaveAttribute('lang', 'en');
  await expect(notes).not.toHaveAttribute('lang', /.+/);
  await switchLanguage(page, 'English');
  await expect(summary).not.toHaveAttribute('lang', /.+/);
  await expect(notes).toHaveAttribute('lang', 'zh-CN');
});

test('a row deleted, restored from the trash or removed from a drawer hands focus to the row that took its place', async ({ page, sampleApp }) => {
  test.setTimeout(120_000);
  await page.goto(`${sampleApp.url}#/partnerships`);
  await switchLanguage(page, 'English');
  await openShantouBurgas(page);

  // A milestone deleted by keyboard: focus goes to the same place in the entry below it, never to <body>.
  const timeline = page.getByTestId('timeline');
  const entries = timeline.getByRole('listitem');
  await expect(entries).toHaveCount(5);
  const titles = await entries.allTextContents();
  const statementAt = titles.findIndex((text) => text.includes('Joint statement signed in Brussels'));
  expect(statementAt).toBeGreaterThanOrEqual(0);
  const below = titles[statementAt + 1] ?? titles[statementAt - 1]!;
  await timeline
    .getByRole('listitem')
    .nth(statementAt)
    .getByRole('button', { name: /^Delete/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(4);
  await expect(entries.filter({ hasText: 'Joint statement signed in Brussels' })).toHaveCount(0);
  const focusedEntry = timeline.getByRole('listitem').filter({ has: page.locator(':focus') });
  await expect(focusedEntry).toHaveCount(1);
  await expect(focusedEntry).toHaveText(below);

  // A second one, by the same keys, for the trash to hold two.
  const other = entries.filter({ has: page.getByRole('button', { name: /^Delete/ }) }).first();
  const otherTitle = (await other.getByRole('button', { name: /^Delete/ }).getAttribute('aria-label'))!.replace(/^Delete: /, '');
  await other.getByRole('button', { name: /^Delete/ }).focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(3);
  await expectFocusNotOnBody(page);

  // The trash: Restore on the first row by keyboard; focus moves to the Restore of the row that took its place.
  await page.getByRole('link', { name: 'Trash' }).click();
  const trash = page.getByTestId('trash-table');
  await expect(trash.getByRole('button', { name: /^Restore/ })).toHaveCount(2);
  const restoreFirst = trash.getByRole('button', { name: /^Restore/ }).first();
  const firstLabel = await restoreFirst.getAttribute('aria-label');
  await restoreFirst.focus();
  await page.keyboard.press('Enter');
  await expect(trash.getByRole('button', { name: /^Restore/ })).toHaveCount(1);
  await expect(trash.getByRole('button', { name: /^Restore/ })).toBeFocused();
  await expect(trash.getByRole('button', { name: /^Restore/ })).not.toHaveAttribute('aria-label', firstLabel!);
  expect([`Restore “${otherTitle}”`, 'Restore “Joint statement signed in Brussels”']).toContain(firstLabel);
  // The last one restored: the trash is empty and its heading has focus.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeFocused();

  // A contact deleted from its drawer: the drawer closes and focus is on the row that took the contact's place.
  await page.getByRole('link', { name: 'Contacts' }).click();
  const contacts = page.getByTestId('contacts-table');
  const rows = contacts.getByRole('row');
  const before = Number(await contacts.getAttribute('aria-rowcount'));
  const second = (await rows.nth(2).textContent())!;
  await rows.nth(1).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  await expect(contacts).toHaveAttribute('aria-rowcount', String(before - 1));
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveText(second);
});

test('Ctrl+K pressed while a drawer is closing keeps the search box’s focus: the page’s heading does not take it back', async ({
  page,
  request,
  sampleApp,
}) => {
  // A contact opened from elsewhere (a city's page, the palette) has an address of its own: its drawer over the Contacts page.
  const contact = (await callApi(request, sampleApp, 'contacts.list', {})).rows[0]!;
  await page.goto(`${sampleApp.url}#/dashboard`);
  await switchLanguage(page, 'English');
  await page.evaluate((id) => (location.hash = `#/contacts/${id}`), contact.id);
  await expect(page.getByRole('dialog', { name: new RegExp(contact.name) })).toBeVisible();
  // Esc and Ctrl+K at once, as a quick hand does: the drawer's close changes the address, and that change is handled
  // after the search box already has focus.
  await page.evaluate(() => {
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    document.activeElement!.dispatchEvent(key({ key: 'Escape', code: 'Escape' }));
    document.activeElement!.dispatchEvent(key({ key: 'k', code: 'KeyK', ctrlKey: true }));
  });
  const box = page.getByRole('combobox', { name: 'Search everything' });
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(box).toBeFocused();
  await page.keyboard.type('Burgas');
  await expect(box).toHaveValue('Burgas');
});

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { test, expect, callApi, localDay, type BrowserModeServer } from './fixtures';
import type { APIRequestContext } from '@playwright/test';

/**
 * The accessibility gate: axe-core's WCAG 2.0/2.1 A and AA rules over every view, every tab of
 * the partnership page, every dialog, drawer, popover and menu, and the search palette with
 * results, in Chinese and English, light and dark. One page per language and theme walks all the
 * states in-app (no reload between them), so the gate costs four page loads.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Parts of the page left out of the check, each with its reason. */
const EXCLUDED: { selector: string; reason: string }[] = [];

/**
 * Not checked: what is inside an iframe. The only one is the report preview on the Reports view,
 * a printable A4 document (not app UI) in a sandbox that runs no script, so axe cannot run in it
 * and would wait out its frame timeout. The <iframe> element itself is checked (it has a title).
 */
const FRAMES_CHECKED = false;

type Lang = 'zh' | 'en';
type Scheme = 'light' | 'dark';

/** A label in both languages, matched exactly or as a pattern. */
const both = (en: string, zh: string) => new RegExp(`^(${escape(en)}|${escape(zh)})`);
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class Gate {
  readonly found: string[] = [];
  readonly states: string[] = [];
  axeMs = 0;
  constructor(
    private readonly page: Page,
    private readonly combo: string,
  ) {}

  /** Run axe over the page as it is now, and keep what it finds under the state's name. */
  async check(state: string, ...within: string[]): Promise<void> {
    // Legacy mode runs axe.run() in the page: the default mode opens a blank page per run to
    // merge frame results, which tripled the gate's time.
    let builder = new AxeBuilder({ page: this.page }).setLegacyMode();
    for (const selector of within) builder = builder.include(selector);
    for (const { selector } of EXCLUDED) builder = builder.exclude(selector);
    const started = Date.now();
    const results = await builder.options({ runOnly: { type: 'tag', values: WCAG }, resultTypes: ['violations'], iframes: FRAMES_CHECKED }).analyze();
    this.states.push(state);
    this.axeMs += Date.now() - started;
    for (const violation of results.violations) {
      const nodes = violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} :: ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 200)}`);
      this.found.push(`[${this.combo}] ${state}: ${violation.id} (${violation.impact}, ${violation.nodes.length}) ${nodes.join(' | ')}`);
    }
  }
}

/** Screenshots a person looks at: badges and the timeline in each language and theme. */
const SHOTS = '/tmp/a11y-shots';
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function go(page: Page, hash: string, heading: Locator): Promise<void> {
  await page.evaluate((target) => (location.hash = target), hash);
  await expect(heading).toBeVisible();
  // The view's title is the page's one h1 (the app's name in the header is not a heading), so a screen
  // reader's "next h1" and the focus after a route change land on what was opened.
  await expect(page.locator('h1:visible'), `one h1 on ${hash}`).toHaveCount(1);
  await settle(page);
}

/** Wait until nothing on the page says it is loading. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main').getByText(/^(Loading…|加载中…)$/)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 30_000 });
}

async function dialogState(gate: Gate, page: Page, state: string, open: () => Promise<unknown>, dialogName?: RegExp): Promise<void> {
  await open();
  const dialog = dialogName ? page.getByRole('dialog', { name: dialogName }) : page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await settle(page);
  // The page behind was checked in its own state: only the dialog is new.
  await gate.check(state, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** A meeting with a contact among its attendees and a follow-up task: the sample has partnerships and milestones, not these. */
async function seed(request: APIRequestContext, app: BrowserModeServer): Promise<void> {
  const { rows } = await callApi(request, app, 'partnerships.list', { query: 'Burgas' });
  const burgas = rows.find((p) => p.titleEn === 'Shantou–Burgas project cooperation')!;
  const contact = await callApi(request, app, 'contacts.create', { name: 'Dimitar Nikolov', title: 'Mayor of Burgas' });
  await callApi(request, app, 'meetings.create', {
    title: 'Video call with Burgas municipality',
    date: localDay(-3),
    format: 'video',
    kind: 'working_meeting',
    location: '汕头',
    outcomes: 'Port logistics pilot agreed',
    partnershipIds: [burgas.id],
    attendees: [{ contactId: contact.id, side: 'partner' }],
    followUps: [{ title: 'Send the minutes to Burgas', dueOn: localDay(-1), assignee: 'Li Wei' }],
  });
}

// Forty-odd axe runs and two servers per test: more than the default minute, on a busy machine too.
test.describe.configure({ timeout: 420_000 });
// No trace: the gate's report is its list of violations, and tracing ~40 axe runs doubles its time.
test.use({ actionTimeout: 30_000, trace: 'off' });

const COMBOS: [Lang, Scheme][] = [
  ['zh', 'light'],
  ['en', 'light'],
  ['zh', 'dark'],
  ['en', 'dark'],
];

for (const [lang, scheme] of COMBOS) {
  test(`axe finds no WCAG 2.1 A/AA violation in any view, tab or dialog (${lang}, ${scheme})`, async ({ page, request, sampleApp, emptyApp }) => {
    await seed(request, sampleApp);
    const gate = new Gate(page, `${lang} ${scheme}`);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.addInitScript((language) => localStorage.setItem('pt.language', language), lang);
    const h1 = (en: string, zh: string) => page.locator('main').getByRole('heading', { level: 1, name: both(en, zh) });

    // A new database asks how to start.
    await page.goto(`${emptyApp.url}#/dashboard`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await gate.check('onboarding dialog');

    await page.goto(`${sampleApp.url}#/dashboard`);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await expect(h1('Dashboard', '总览')).toBeVisible();
    await settle(page);
    await gate.check('dashboard');

    // The header's popovers and the palette.
    await dialogState(gate, page, 'reminders popover', () => page.getByTestId('reminders-badge').getByRole('button').click());
    const search = page.getByRole('combobox', { name: both('Search everything', '全局搜索') });
    await search.click();
    await search.fill('Burgas');
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('option').first()).toBeVisible();
    await gate.check('search palette with results', 'header', '[role="listbox"]');
    await page.keyboard.press('Escape');

    await go(page, '#/partnerships', h1('Partnerships', '合作关系'));
    await gate.check('partnerships');
    await shot(page, `partnerships-badges-${lang}-${scheme}`);
    await dialogState(gate, page, 'new partnership dialog', () => page.keyboard.press('Control+n'));

    const firstRow = page.getByTestId('partnerships-table').getByRole('row').nth(1);
    await firstRow.click();
    await expect(page.getByRole('tab').first()).toBeVisible();
    await settle(page);
    await gate.check('partnership page: timeline tab');
    await shot(page, `partnership-timeline-${lang}-${scheme}`);
    for (const [en, zh] of [
      ['Tasks', '任务'],
      ['Contacts', '联系人'],
      ['Documents', '文件'],
      ['History', '修改记录'],
    ] as const) {
      await page.getByRole('tab', { name: both(en, zh) }).click();
      await settle(page);
      await gate.check(`partnership page: ${en} tab`, '[role="tabpanel"]');
    }
    await dialogState(gate, page, 'edit partnership dialog', () =>
      page
        .getByRole('group')
        .getByRole('button', { name: both('Edit', '编辑') })
        .click(),
    );
    await page.getByRole('tab').first().click();
    await dialogState(gate, page, 'milestone dialog', () => page.getByRole('button', { name: both('Add milestone', '添加里程碑') }).click());

    await go(page, '#/map', h1('Map', '地图'));
    await gate.check('map');

    await go(page, '#/organizations', h1('Organizations', '机构'));
    await gate.check('organizations');
    await dialogState(gate, page, 'new organization dialog', () => page.keyboard.press('Control+n'));
    await page.getByTestId('organizations-table').getByRole('row').nth(1).click();
    await expect(page.getByTestId('organization-names')).toBeVisible();
    await gate.check('organization page');
    await dialogState(gate, page, 'edit organization dialog', () =>
      page
        .getByRole('group', { name: /^(Organization actions|机构操作)$/ })
        .getByRole('button')
        .first()
        .click(),
    );

    await go(page, '#/meetings', h1('Meetings', '会见'));
    await gate.check('meetings');
    await page.getByTestId('meetings-table').getByRole('row').nth(1).click();
    await expect(page.locator('main').getByRole('heading', { level: 1 })).toBeVisible();
    await settle(page);
    await gate.check('meeting page');
    await go(page, '#/meetings/new', page.locator('main').getByRole('heading', { level: 1, name: both('Log a meeting', '记录会见') }));
    await gate.check('meeting form');
    // A picker open on what the contract found: the combobox, its listbox and options.
    await page.getByRole('combobox', { name: /^(Partnerships concerned|涉及的合作关系)/ }).fill('Burgas');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await gate.check('meeting form: partnership picker open');
    await page.keyboard.press('Escape');

    await go(page, '#/timeline', h1('Timeline', '时间线'));
    await gate.check('timeline');
    await shot(page, `timeline-${lang}-${scheme}`);

    await go(page, '#/tasks', h1('Tasks', '任务'));
    await gate.check('tasks');
    await dialogState(gate, page, 'new task dialog', () => page.keyboard.press('Control+n'));

    await go(page, '#/contacts', h1('Contacts', '联系人'));
    await gate.check('contacts');
    await dialogState(gate, page, 'new contact dialog', () => page.keyboard.press('Control+n'));
    await dialogState(gate, page, 'contact drawer', () => page.getByTestId('contacts-table').getByRole('row').nth(1).click());

    await go(page, '#/reports', h1('Reports', '报告'));
    await gate.check('reports');

    await go(page, '#/sync', h1('Sync', '同步'));
    const syncTabs = ['export', 'import', 'conflicts', 'duplicates', 'history'];
    for (const [index, tab] of syncTabs.entries()) {
      await page.getByRole('tab').nth(index).click();
      await settle(page);
      if (index === 0) await gate.check(`sync: ${tab} tab`);
      else await gate.check(`sync: ${tab} tab`, '[role="tabpanel"]');
    }

    await go(page, '#/backups', h1('Backups', '备份'));
    await gate.check('backups');

    await go(page, '#/import', h1('Import from a spreadsheet', '从表格导入'));
    await gate.check('import');

    await go(page, '#/trash', h1('Trash', '回收站'));
    await gate.check('trash');

    await go(page, '#/settings', h1('Settings', '设置'));
    await gate.check('settings');

    await go(page, '#/search/Burgas', page.locator('main').getByRole('heading', { level: 1 }));
    await gate.check('search results page');

    console.log(`axe gate ${lang} ${scheme}: ${gate.states.length} states checked in ${Math.round(gate.axeMs / 1000)} s of axe`);
    expect(gate.found, gate.found.join('\n')).toEqual([]);
  });
}

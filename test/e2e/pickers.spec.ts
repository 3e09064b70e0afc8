/**
 * The pickers that search through the contract as the person types (components/RecordPicker): the
 * meeting form opens with a handful of calls, finds a partnership by any of its titles, a contact
 * by their organization's name, keeps the typed text on Esc; the partnership form's party picker
 * offers to create what it does not find, with the typed name carried over.
 */
import { test, expect, switchLanguage } from './fixtures';
import type { Page } from '@playwright/test';

const UI = {
  en: {
    language: 'English',
    logMeeting: 'Log a meeting',
    title: 'Title',
    partnerships: 'Partnerships concerned',
    partnership: 'Shantou–Burgas project cooperation',
    searching: 'Searching…',
    partnerSide: 'Partner side',
    name: 'Name',
    organization: 'Organization',
    newPartnership: 'New partnership',
    party1: 'Party 1: organization',
    panel: 'New organization (added as a party)',
    displayName: 'Display name',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    createAndAdd: 'Create and add',
  },
  zh: {
    language: '中文',
    logMeeting: '记录会见',
    title: '标题',
    partnerships: '涉及的合作关系',
    partnership: '汕头—布尔加斯项目合作',
    searching: '正在搜索…',
    partnerSide: '对方',
    name: '姓名',
    organization: '单位',
    newPartnership: '新建合作关系',
    party1: '合作方 1：机构',
    panel: '新建机构（并添加为合作方）',
    displayName: '显示名称',
    nameZh: '中文名称',
    nameEn: '英文名称',
    createAndAdd: '新建并添加',
  },
} as const;

/** Every call to the contract the page makes from now on. */
function countCalls(page: Page): { names: string[] } {
  const calls = { names: [] as string[] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) calls.names.push(url.pathname.slice('/api/'.length));
  });
  return calls;
}

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: the meeting form is editable after at most 3 calls; partnerships by any title, contacts by their organization, Esc keeps the text`, async ({
    page,
    sampleApp,
  }) => {
    await page.goto(`${sampleApp.url}#/meetings`);
    await switchLanguage(page, ui.language);
    const logMeeting = page.getByRole('button', { name: ui.logMeeting });
    await expect(logMeeting).toBeVisible();
    await page.waitForLoadState('networkidle');

    const calls = countCalls(page);
    await logMeeting.click();
    const title = page.getByRole('textbox', { name: ui.title, exact: true });
    await expect(title).toBeEditable();
    await expect(title).toBeFocused();
    const beforeEditable = [...calls.names];
    expect(beforeEditable.length, beforeEditable.join(', ')).toBeLessThanOrEqual(3);
    // No table is read to fill a picker: partnerships and contacts are asked for as the person types.
    expect(beforeEditable.filter((name) => ['partnerships.list', 'contacts.list', 'organizations.list'].includes(name))).toEqual([]);

    // The English name and the Chinese one both find the partnership, in either language.
    const picker = page.getByRole('combobox', { name: ui.partnerships, exact: true });
    for (const search of ['Burgas', '汕头']) {
      await picker.fill(search);
      await expect(page.getByRole('option', { name: ui.partnership }), search).toBeVisible();
    }
    // A new text never lists the matches of the one before while its own are on their way (held back here).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const isLiaoyuan = (postData: string | null) => !!postData?.includes('Liaoyuan');
    await page.route('**/api/partnerships.list', async (route) => {
      if (isLiaoyuan(route.request().postData())) await held;
      await route.continue();
    });
    await picker.fill('Liaoyuan');
    await expect(page.getByRole('listbox')).toContainText(ui.searching);
    await expect(page.getByRole('option', { name: ui.partnership })).toHaveCount(0);
    // Let it through; take the route away only once its handler has passed every held request on.
    const answered = page.waitForResponse((response) => response.url().includes('/api/partnerships.list') && isLiaoyuan(response.request().postData()));
    release();
    await answered;
    await page.unrouteAll({ behavior: 'wait' });
    // Esc closes the list and keeps what was typed.
    await picker.fill('Burg');
    await expect(page.getByRole('option', { name: ui.partnership })).toBeVisible();
    await picker.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(picker).toHaveValue('Burg');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Reopened with the arrow key, the list shows the matches of what is still typed; Enter picks the first.
    await picker.press('ArrowDown');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(ui.partnership);
    await picker.press('Enter');
    await expect(picker.locator('..')).toContainText(ui.partnership);
    await expect(picker).toHaveValue('');

    // A contact is found by another name of their organization (Swatow, an alias of Shantou).
    const partner = page.getByRole('group', { name: ui.partnerSide });
    const name = partner.getByRole('combobox', { name: ui.name, exact: true });
    await name.fill('Swatow');
    await page.getByRole('option', { name: /Lin Yimin/ }).click();
    await expect(name).toHaveValue('林依民 / Lin Yimin');
    await expect(partner.getByRole('textbox', { name: ui.organization, exact: true })).toHaveValue(/汕头/);

    // Every search asked for one short page.
    expect(calls.names.filter((n) => n === 'contacts.list' || n === 'partnerships.list').length).toBeGreaterThan(0);
  });

  test(`${lang}: a party not found ("吉林") is created from the picker, its name carried over, and chosen`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, ui.language);
    await page.getByRole('button', { name: ui.newPartnership }).click();
    const dialog = page.getByRole('dialog', { name: ui.newPartnership });
    const party = dialog.getByRole('combobox', { name: ui.party1 });
    await party.fill('吉林');
    const create = page.getByRole('option', { name: lang === 'zh' ? '新建“吉林”…' : 'Create “吉林”…' });
    await expect(create).toBeVisible();
    // Esc closes the list without closing the dialog or dropping the text.
    await party.press('Escape');
    await expect(create).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(party).toHaveValue('吉林');
    await party.press('ArrowDown');
    await create.click();

    const panel = dialog.getByRole('group', { name: ui.panel });
    await expect(panel.getByRole('textbox', { name: ui.displayName })).toHaveValue('吉林');
    await expect(panel.getByRole('textbox', { name: ui.nameZh })).toHaveValue('吉林');
    await expect(panel.getByRole('textbox', { name: ui.nameEn })).toHaveValue('');
    await panel.getByRole('button', { name: ui.createAndAdd }).click();
    await expect(panel).toBeHidden();
    await expect(party).toHaveValue('吉林');

    // A Latin name goes to the English name.
    const second = dialog.getByRole('combobox', { name: ui.party1.replace('1', '2') });
    await second.fill('Jilin City');
    await page.getByRole('option', { name: lang === 'zh' ? '新建“Jilin City”…' : 'Create “Jilin City”…' }).click();
    await expect(panel.getByRole('textbox', { name: ui.nameEn })).toHaveValue('Jilin City');
    await expect(panel.getByRole('textbox', { name: ui.nameZh })).toHaveValue('');
  });
}

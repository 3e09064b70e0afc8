import type { Locator, Page } from '@playwright/test';
import { test, expect, switchLanguage } from './fixtures';

/** The words a person sees, in each UI language. */
const UI = {
  en: {
    language: 'English',
    question: 'Discard unsaved changes?',
    discard: 'Discard',
    keep: 'Keep editing',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    navPartnerships: 'Partnerships',
    navOrganizations: 'Organizations',
    navMeetings: 'Meetings',
    newPartnership: 'New partnership',
    titleZh: 'Chinese title',
    titleEn: 'English title',
    summary: 'Summary',
    newOrganization: 'New organization',
    displayName: 'Display name',
    meetingForm: 'Log a meeting',
    meetingTitle: 'Title',
    location: 'Location',
    meetingSummary: 'Summary',
    officeName: 'Office name',
    settingsSaved: 'Settings saved',
  },
  zh: {
    language: '中文',
    question: '放弃未保存的修改？',
    discard: '放弃修改',
    keep: '继续编辑',
    close: '关闭',
    cancel: '取消',
    save: '保存',
    navPartnerships: '合作关系',
    navOrganizations: '机构',
    navMeetings: '会见',
    newPartnership: '新建合作关系',
    titleZh: '中文标题',
    titleEn: '英文标题',
    summary: '概要',
    newOrganization: '新建机构',
    displayName: '显示名称',
    meetingForm: '记录会见',
    meetingTitle: '标题',
    location: '地点',
    meetingSummary: '会谈纪要',
    officeName: '办公室名称',
    settingsSaved: '设置已保存',
  },
} as const;

type Words = (typeof UI)[keyof typeof UI];

const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** "Discard unsaved changes?" is on screen with the focus on Keep editing; answer it. */
async function answer(page: Page, ui: Words, choice: 'keep' | 'discard'): Promise<void> {
  const question = page.getByRole('dialog', { name: ui.question });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: ui.keep })).toBeFocused();
  await question.getByRole('button', { name: choice === 'keep' ? ui.keep : ui.discard }).click();
  await expect(question).toBeHidden();
}

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: a dirty dialog asks before Esc, × or Cancel discards it; a clean one and a save do not`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, ui.language);
    const question = page.getByRole('dialog', { name: ui.question });
    const open = page.getByRole('button', { name: ui.newPartnership });
    const dialog = page.getByRole('dialog', { name: ui.newPartnership });

    // Clean: Esc closes at once.
    await open.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(question).toHaveCount(0);

    // Dirty: Esc, × and Cancel each ask; Keep editing keeps every value typed.
    await open.click();
    const typed = {
      [ui.titleZh]: '汕头—瓦尔纳港口合作',
      [ui.titleEn]: 'Shantou–Varna port cooperation',
      [ui.summary]: 'Container traffic and a joint training centre.',
    };
    for (const [name, value] of Object.entries(typed)) await field(dialog, name).fill(value);
    const ways: [string, () => Promise<void>][] = [
      ['Esc', () => page.keyboard.press('Escape')],
      ['×', () => dialog.getByRole('button', { name: ui.close }).click()],
      ['Cancel', () => dialog.getByRole('button', { name: ui.cancel }).click()],
    ];
    for (const [way, discardBy] of ways) {
      await discardBy();
      await answer(page, ui, 'keep');
      await expect(dialog, way).toBeVisible();
      for (const [name, value] of Object.entries(typed)) await expect(field(dialog, name), `${way}: ${name}`).toHaveValue(value);
    }
    // Discard throws it away: the form opens empty again.
    await page.keyboard.press('Escape');
    await answer(page, ui, 'discard');
    await expect(dialog).toBeHidden();
    await open.click();
    for (const name of Object.keys(typed)) await expect(field(dialog, name)).toHaveValue('');
    await dialog.getByRole('button', { name: ui.cancel }).click();
    await expect(dialog).toBeHidden();
    await expect(question).toHaveCount(0);

    // Saving never asks.
    await page.getByRole('link', { name: ui.navOrganizations, exact: true }).click();
    await page.getByRole('button', { name: ui.newOrganization }).click();
    const organization = page.getByRole('dialog', { name: ui.newOrganization });
    await field(organization, ui.displayName).fill(`Varna ${lang}`);
    await organization.getByRole('button', { name: ui.save }).click();
    await expect(organization).toBeHidden();
    await expect(question).toHaveCount(0);
  });

  test(`${lang}: leaving a dirty meeting form by the sidebar asks; Keep editing keeps it all, Discard goes on`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/meetings`);
    await switchLanguage(page, ui.language);
    const question = page.getByRole('dialog', { name: ui.question });
    const heading = page.getByRole('heading', { level: 1, name: ui.meetingForm });
    const sidebarMeetings = page.getByRole('navigation').getByRole('link', { name: ui.navMeetings, exact: true });

    // Clean: the sidebar leaves at once.
    await page.goto(`${sampleApp.url}#/meetings/new`);
    await expect(heading).toBeVisible();
    await sidebarMeetings.click();
    await expect(page).toHaveURL(/#\/meetings$/);
    await expect(heading).toBeHidden();
    await expect(question).toHaveCount(0);

    await page.goto(`${sampleApp.url}#/meetings/new`);
    await expect(heading).toBeVisible();
    const typed = {
      [ui.meetingTitle]: lang === 'zh' ? '布尔加斯代表团来访' : 'Burgas delegation visit',
      [ui.location]: lang === 'zh' ? '三号会议室' : 'Room 3',
      [ui.meetingSummary]: lang === 'zh' ? '双方回顾了试点进展。' : 'Both sides reviewed the pilot.',
    };
    for (const [name, value] of Object.entries(typed)) await field(page.locator('main'), name).fill(value);

    // Another view by the sidebar: asked; Keep editing stays, with everything typed, at the same address.
    await page.getByRole('navigation').getByRole('link', { name: ui.navPartnerships, exact: true }).click();
    await answer(page, ui, 'keep');
    await expect(page).toHaveURL(/#\/meetings\/new$/);
    await expect(heading).toBeVisible();
    for (const [name, value] of Object.entries(typed)) await expect(field(page.locator('main'), name), name).toHaveValue(value);

    // The form's own Cancel asks too.
    await page.locator('main').getByRole('button', { name: ui.cancel }).click();
    await answer(page, ui, 'keep');
    await expect(heading).toBeVisible();
    await expect(field(page.locator('main'), ui.meetingTitle)).toHaveValue(typed[ui.meetingTitle]!);

    // Discard goes where the user asked.
    await sidebarMeetings.click();
    await answer(page, ui, 'discard');
    await expect(page).toHaveURL(/#\/meetings$/);
    await expect(heading).toBeHidden();
    await expect(question).toHaveCount(0);
  });
}

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: browser Back from a dirty form asks; Keep editing leaves the history as it was, Discard then goes back`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/meetings`);
    await switchLanguage(page, ui.language);
    const form = page.getByRole('heading', { level: 1, name: ui.meetingForm });
    const title = field(page.locator('main'), ui.meetingTitle);
    await page.locator('main').getByRole('button', { name: ui.meetingForm }).click();
    await expect(form).toBeVisible();
    const entries = await page.evaluate(() => history.length);
    const typed = lang === 'zh' ? '布尔加斯代表团来访' : 'Burgas delegation visit';
    await title.fill(typed);

    // Back: asked; Keep editing stays on the form, and no entry was added or written twice.
    await page.evaluate(() => history.back());
    await answer(page, ui, 'keep');
    await expect(page).toHaveURL(/#\/meetings\/new$/);
    await expect(title).toHaveValue(typed);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    // The entry before is still the meeting log: Back asks again, and Discard goes there.
    await page.evaluate(() => history.back());
    await answer(page, ui, 'discard');
    await expect(page).toHaveURL(/#\/meetings$/);
    await expect(form).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: ui.navMeetings })).toBeVisible();
    // Forward comes back to a fresh form: the history is the one the browser kept.
    await page.evaluate(() => history.forward());
    await expect(page).toHaveURL(/#\/meetings\/new$/);
    await expect(title).toHaveValue('');
  });
}

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: a changed office name in Settings asks before the sidebar leaves it; once saved, nothing asks`, async ({ page, sampleApp }) => {
    await page.goto(`${sampleApp.url}#/settings`);
    await switchLanguage(page, ui.language);
    const officeName = field(page.locator('main'), ui.officeName);
    const typed = lang === 'zh' ? '汕头市人民政府外事办公室' : 'Shantou Foreign Affairs Office';
    await officeName.fill(typed);
    const sidebarPartnerships = page.getByRole('navigation').getByRole('link', { name: ui.navPartnerships, exact: true });

    await sidebarPartnerships.click();
    await answer(page, ui, 'keep');
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(officeName).toHaveValue(typed);

    await page.locator('main').getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page.getByText(ui.settingsSaved)).toBeVisible();
    await sidebarPartnerships.click();
    await expect(page).toHaveURL(/#\/partnerships$/);
    await expect(page.getByRole('dialog', { name: ui.question })).toHaveCount(0);
    // Saved, not merely let go: the name is there on coming back after a reload.
    await page.goto(`${sampleApp.url}#/settings`);
    await expect(officeName).toHaveValue(typed);
  });
}

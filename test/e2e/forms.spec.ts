/**
 * The record forms on one form dialog, checked by the contract's own input schemas: a refused value is said in the
 * core's words under its field, with the alert and the focus there; text fields count down to the contract's limit;
 * Ctrl+Enter saves; a panel inside a form counts as unsaved changes.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, callApi, switchLanguage } from './fixtures';

const UI = {
  en: {
    language: 'English',
    tasks: 'Tasks',
    newTask: 'New task',
    title: 'Title',
    details: 'Details',
    save: 'Save',
    required: 'Title is required',
    notSaved: 'Not saved: check the fields marked in red (1).',
    counter: (n: number) => `${n} / 300 characters`,
    over: (n: number) => `${n} / 300 characters: ${n - 300} too many`,
    tooLong: 'Title is too long (at most 300 characters)',
    partnerships: 'Partnerships',
    newPartnership: 'New partnership',
    newOrganization: 'New organization…',
    displayName: 'Display name',
    question: 'Discard unsaved changes?',
    keep: 'Keep editing',
    discard: 'Discard',
    addMilestone: 'Add milestone',
    date: 'Date',
    shownAs: 'Shown as: May 2024',
    month: 'May 2024',
  },
  zh: {
    language: '中文',
    tasks: '任务',
    newTask: '新建任务',
    title: '标题',
    details: '详情',
    save: '保存',
    required: '标题不能为空',
    notSaved: '未保存：请检查标红的字段（1 处）。',
    counter: (n: number) => `${n} / 300 字`,
    over: (n: number) => `${n} / 300 字，超出 ${n - 300} 字`,
    tooLong: '标题过长（最多 300 个字符）',
    partnerships: '合作关系',
    newPartnership: '新建合作关系',
    newOrganization: '新建机构…',
    displayName: '显示名称',
    question: '放弃未保存的修改？',
    keep: '继续编辑',
    discard: '放弃修改',
    addMilestone: '添加里程碑',
    date: '日期',
    shownAs: '显示为：2024年5月',
    month: '2024年5月',
  },
} as const;

const textbox = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** No picker list is open over the form. */
async function expectNoOpenList(page: Page): Promise<void> {
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

for (const lang of ['zh', 'en'] as const) {
  const ui = UI[lang];

  test(`${lang}: the task form says a refusal in the core's words, counts to the core's limit, and saves on Ctrl+Enter`, async ({ page, sampleApp }) => {
    test.setTimeout(90_000);
    await page.goto(`${sampleApp.url}#/tasks`);
    await switchLanguage(page, ui.language);
    await page.getByRole('button', { name: ui.newTask }).click();
    const dialog = page.getByRole('dialog', { name: ui.newTask });
    const title = textbox(dialog, ui.title);

    // Empty: the message under the field, the alert, the focus on the field.
    await dialog.getByRole('button', { name: ui.save }).click();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAccessibleDescription(ui.required);
    await expect(dialog.getByRole('alert')).toHaveText(ui.notSaved);
    await expect(title).toBeFocused();
    await expectNoOpenList(page);

    // The counter shows from 80% of the limit the contract gives the field (300), and past it says by how much.
    await title.fill('x'.repeat(239));
    await expect(dialog.getByText(ui.counter(239))).toHaveCount(0);
    await title.fill('x'.repeat(240));
    await expect(dialog.getByText(ui.counter(240))).toBeVisible();
    await title.fill('x'.repeat(301));
    await expect(dialog.getByText(ui.over(301))).toBeVisible();
    await dialog.getByRole('button', { name: ui.save }).click();
    await expect(title).toHaveAccessibleDescription(new RegExp(ui.tooLong.replace(/[()]/g, '\\$&')));
    await expect(title).toBeFocused();

    // The core says the same of the same value (the browser mode's contract, over HTTP).
    const token = new URL(sampleApp.url).searchParams.get('token')!;
    const refused = await page.request.post(`${sampleApp.origin}/api/tasks.create`, {
      data: { title: 'x'.repeat(301) },
      headers: { Authorization: `Bearer ${token}` },
    });
    const envelope = (await refused.json()) as { ok: boolean; error: { message: Record<'zh' | 'en', string>; fields: string[] } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.fields).toEqual(['title']);
    expect(envelope.error.message[lang]).toContain(ui.tooLong);

    // 300 is within the limit; Ctrl+Enter in the details saves.
    const name = `${'任务'.repeat(10)} ${lang}`.padEnd(300, '.');
    await title.fill(name);
    await expect(dialog.getByText(ui.counter(300))).toBeVisible();
    await textbox(dialog, ui.details).fill('Ctrl+Enter');
    await textbox(dialog, ui.details).press('Control+Enter');
    await expect(dialog).toBeHidden();
    const saved = await callApi(page.request, sampleApp, 'tasks.list', { view: 'all', query: name.slice(0, 20) });
    expect(saved.rows.map((task) => [task.title, task.details])).toEqual([[name, 'Ctrl+Enter']]);
  });

  test(`${lang}: text typed in the new-organization panel makes the partnership form ask before Esc discards it`, async ({ page, sampleApp }) => {
    test.setTimeout(90_000);
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, ui.language);
    await page.getByRole('button', { name: ui.newPartnership }).click();
    const dialog = page.getByRole('dialog', { name: ui.newPartnership });
    await dialog.getByRole('button', { name: ui.newOrganization }).click();
    const panelName = textbox(dialog, ui.displayName);
    await expect(panelName).toBeFocused();
    await panelName.fill('Varna Port Authority');

    // Esc in the outer form (not in the panel, whose own Esc closes the panel) asks first.
    await textbox(dialog, ui.title).focus();
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: ui.question });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: ui.keep }).click();
    await expect(panelName).toHaveValue('Varna Port Authority');

    // A refused save with no parties chosen: focus on the first marked field, a party's organization picker (which
    // opens its list on focus), with its list closed again so the messages below it stay in view.
    await textbox(dialog, ui.title).fill('Shantou–Varna');
    await dialog.getByRole('button', { name: ui.save }).click();
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-invalid', 'true');
    await expect(focused).toHaveAttribute('aria-haspopup', 'listbox');
    await expectNoOpenList(page);

    // Discard closes it all.
    await page.keyboard.press('Escape');
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: ui.discard }).click();
    await expect(dialog).toBeHidden();
  });

  test(`${lang}: a milestone dated 2024年5月 is kept as a month and shown as ${ui.month}`, async ({ page, sampleApp }) => {
    test.setTimeout(90_000);
    await page.goto(`${sampleApp.url}#/partnerships`);
    await switchLanguage(page, ui.language);
    await page
      .getByTestId('partnerships-table')
      .getByRole('row', { name: /Shantou–Burgas|汕头—布尔加斯/ })
      .click();
    await page.getByRole('button', { name: ui.addMilestone }).click();
    const dialog = page.getByRole('dialog', { name: ui.addMilestone });
    await textbox(dialog, ui.title).fill(`Port survey ${lang}`);
    const date = textbox(dialog, ui.date);
    await date.fill('2024年5月');
    await expect(dialog.getByText(ui.shownAs)).toBeVisible();
    await date.press('Control+Enter');
    await expect(dialog).toBeHidden();
    const item = page
      .getByTestId('timeline')
      .getByRole('listitem')
      .filter({ hasText: `Port survey ${lang}` });
    await expect(item).toContainText(ui.month);
    const partnership = (await callApi(page.request, sampleApp, 'partnerships.list', { query: 'Burgas' })).rows[0]!;
    const milestones = await callApi(page.request, sampleApp, 'milestones.list', { partnershipId: partnership.id });
    expect(milestones.find((m) => m.title === `Port survey ${lang}`)?.date).toBe('2024-05');
  });
}

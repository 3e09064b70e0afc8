import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, switchLanguage, callApi, scrollToEndUntilVisible } from './fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** The words a person sees, in one UI language, and what they type in it. */
interface MeetingFlow {
  lang: 'en' | 'zh';
  ui: {
    navMeetings: string;
    /** The meeting log's count line. */
    count: (n: number) => string;
    logMeeting: string;
    formHeading: string;
    title: string;
    date: string;
    time: string;
    location: string;
    kind: string;
    partnerships: string;
    ours: string;
    partner: string;
    name: string;
    organization: string;
    role: string;
    interpreter: string;
    addAttendee: string;
    agenda: string;
    summary: string;
    outcomes: string;
    gifts: string;
    notes: string;
    followUp: (n: number) => string;
    task: string;
    assignee: string;
    dueOn: string;
    priority: string;
    high: string;
    addFollowUp: string;
    save: string;
    partnershipTitle: string;
    longDate: string;
    shortDate: string;
    dueDate: string;
    kindShown: string;
    formatShown: string;
    open: string;
    followUps: string;
    meetingsTable: string;
  };
  data: {
    title: string;
    location: string;
    ours: [string, string, string];
    interpreter: [string, string];
    partner: [string, string, string];
    agenda: string;
    summary: string;
    outcomes: string;
    gifts: string;
    notesBold: string;
    notesItalic: string;
    notesItem: string;
    tasks: [string, string];
    assignee: string;
  };
}

const EN: MeetingFlow = {
  lang: 'en',
  ui: {
    navMeetings: 'Meetings',
    count: (n) => `${n} meetings`,
    logMeeting: 'Log a meeting',
    formHeading: 'Log a meeting',
    title: 'Title',
    date: 'Date',
    time: 'Time',
    location: 'Location',
    kind: 'Kind',
    partnerships: 'Partnerships concerned',
    ours: 'Our side',
    partner: 'Partner side',
    name: 'Name',
    organization: 'Organization',
    role: 'Role',
    interpreter: 'Interpreter',
    addAttendee: 'Add attendee',
    agenda: 'Agenda',
    summary: 'Summary',
    outcomes: 'Outcomes',
    gifts: 'Gifts exchanged (protocol)',
    notes: 'Notes',
    followUp: (n) => `Follow-up ${n}`,
    task: 'Task',
    assignee: 'Assignee',
    dueOn: 'Due date',
    priority: 'Priority',
    high: 'High',
    addFollowUp: 'Add follow-up task',
    save: 'Save meeting',
    partnershipTitle: 'Shantou–Burgas project cooperation',
    longDate: 'Friday, 14 March 2025',
    shortDate: '14 Mar 2025',
    dueDate: '1 Apr 2025',
    kindShown: 'Incoming delegation',
    formatShown: 'In person',
    open: 'Open',
    followUps: 'Follow-up tasks',
    meetingsTable: 'Meetings',
  },
  data: {
    title: 'Burgas delegation on the smart transport pilot',
    location: 'Shantou City Hall, room 3',
    ours: ['Chen Liang', 'Shantou Foreign Affairs Office', 'Deputy director'],
    interpreter: ['Lin Mei', 'Bulgarian–Chinese interpreter'],
    partner: ['Dimitar Nikolov', 'Burgas Municipality', 'Mayor'],
    agenda: 'Smart transport pilot; port cooperation',
    summary: 'Both sides reviewed the pilot and the next steps.',
    outcomes: 'Agreed to draft a pilot work plan by April.',
    gifts: 'Chaozhou embroidery given; Burgas sea salt received',
    notesBold: 'Next visit',
    notesItalic: 'May',
    notesItem: 'share the traffic data model',
    tasks: ['Draft the pilot work plan', 'Send the minutes to Burgas'],
    assignee: 'Chen Liang',
  },
};

const ZH: MeetingFlow = {
  lang: 'zh',
  ui: {
    navMeetings: '会见',
    count: (n) => `${n} 次会见`,
    logMeeting: '记录会见',
    formHeading: '记录会见',
    title: '标题',
    date: '日期',
    time: '时间',
    location: '地点',
    kind: '类型',
    partnerships: '涉及的合作关系',
    ours: '我方',
    partner: '对方',
    name: '姓名',
    organization: '单位',
    role: '职务',
    interpreter: '译员',
    addAttendee: '添加出席人员',
    agenda: '议程',
    summary: '会谈纪要',
    outcomes: '成果',
    gifts: '互赠礼品（礼宾）',
    notes: '备注',
    followUp: (n) => `后续任务 ${n}`,
    task: '任务',
    assignee: '负责人',
    dueOn: '截止日期',
    priority: '优先级',
    high: '高',
    addFollowUp: '添加后续任务',
    save: '保存会见',
    partnershipTitle: '汕头—布尔加斯项目合作',
    longDate: '2025年3月14日星期五',
    shortDate: '2025年3月14日',
    dueDate: '2025年4月1日',
    kindShown: '来访团组',
    formatShown: '面谈',
    open: '待办',
    followUps: '后续任务',
    meetingsTable: '会见',
  },
  data: {
    title: '布尔加斯代表团来访：智慧交通试点',
    location: '汕头市政府三号会议室',
    ours: ['陈亮', '汕头市外事办公室', '副主任'],
    interpreter: ['林梅', '保加利亚语翻译'],
    partner: ['迪米塔尔·尼科洛夫', '布尔加斯市政府', '市长'],
    agenda: '智慧交通试点；港口合作',
    summary: '双方回顾了试点进展，商定下一步工作。',
    outcomes: '商定四月前起草试点工作方案。',
    gifts: '赠送潮绣；收到布尔加斯海盐',
    notesBold: '下次访问',
    notesItalic: '五月',
    notesItem: '共享交通数据模型',
    tasks: ['起草试点工作方案', '向布尔加斯发送会谈纪要'],
    assignee: '陈亮',
  },
};

/** A field by its label, exactly, with or without the required mark (“Title *”). */
function byLabel(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

async function loadSampleFromOnboarding(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/meetings`);
  const dialog = page.getByRole('dialog', { name: 'A new, empty database' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Load sample data' }).click();
  await expect(dialog).toBeHidden();
}

async function pickPartnership(page: Page, label: string, search: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** The meetings, signings and visits the sample logs (db/sample.ts). */
const SAMPLE_MEETINGS = 9;
/** The people the sample's articles name (db/sample.ts). */
const SAMPLE_CONTACTS = 11;

/** Log the Shantou–Burgas meeting with attendees on both sides, an interpreter and two follow-ups; check it everywhere. */
async function logMeetingFlow(page: Page, url: string, flow: MeetingFlow): Promise<void> {
  const { ui, data } = flow;
  await loadSampleFromOnboarding(page, url);
  if (flow.lang === 'zh') await switchLanguage(page, '中文');
  // The sample's own meetings are in the log.
  await expect(page.getByTestId('meetings-count')).toHaveText(ui.count(SAMPLE_MEETINGS));
  await page.getByRole('button', { name: ui.logMeeting }).click();
  await expect(page.getByRole('heading', { name: ui.formHeading, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/new$/);

  await expect(byLabel(page, ui.title)).toBeFocused();
  await byLabel(page, ui.title).fill(data.title);
  await byLabel(page, ui.date).fill('2025-03-14');
  await byLabel(page, ui.time).fill('14:30');
  await byLabel(page, ui.location).fill(data.location);
  await byLabel(page, ui.kind).selectOption({ label: ui.kindShown });
  await expect(page.getByRole('radio', { name: ui.formatShown })).toBeChecked();
  await pickPartnership(page, ui.partnerships, flow.lang === 'zh' ? '布尔加斯' : 'Burgas', ui.partnershipTitle);

  const ours = page.getByRole('group', { name: ui.ours });
  await ours.getByRole('combobox', { name: ui.name, exact: true }).fill(data.ours[0]);
  await ours.getByRole('textbox', { name: ui.organization, exact: true }).fill(data.ours[1]);
  await ours.getByRole('textbox', { name: ui.role, exact: true }).fill(data.ours[2]);
  await ours.getByRole('button', { name: ui.addAttendee }).click();
  // The new row's name field takes the focus: type straight away.
  await expect(ours.getByRole('combobox', { name: ui.name, exact: true }).nth(1)).toBeFocused();
  await page.keyboard.type(data.interpreter[0]);
  await ours.getByRole('textbox', { name: ui.role, exact: true }).nth(1).fill(data.interpreter[1]);
  await ours.getByRole('checkbox', { name: ui.interpreter }).nth(1).check();

  const partner = page.getByRole('group', { name: ui.partner });
  await partner.getByRole('combobox', { name: ui.name, exact: true }).fill(data.partner[0]);
  await partner.getByRole('textbox', { name: ui.organization, exact: true }).fill(data.partner[1]);
  await partner.getByRole('textbox', { name: ui.role, exact: true }).fill(data.partner[2]);

  await byLabel(page, ui.agenda).fill(data.agenda);
  await byLabel(page, ui.summary).fill(data.summary);
  await byLabel(page, ui.outcomes).fill(data.outcomes);
  await byLabel(page, ui.gifts).fill(data.gifts);
  await byLabel(page, ui.notes).fill(`**${data.notesBold}** in *${data.notesItalic}*\n\n- ${data.notesItem}\n- [programme page](https://example.org/burgas)`);

  const first = page.getByRole('group', { name: ui.followUp(1) });
  await first.getByRole('textbox', { name: ui.task, exact: true }).fill(data.tasks[0]);
  await first.getByRole('textbox', { name: ui.assignee, exact: true }).fill(data.assignee);
  await byLabel(first, ui.dueOn).fill('2025-04-01');
  await byLabel(first, ui.priority).selectOption({ label: ui.high });
  await page.getByRole('button', { name: ui.addFollowUp }).click();
  const second = page.getByRole('group', { name: ui.followUp(2) });
  await expect(second.getByRole('textbox', { name: ui.task, exact: true })).toBeFocused();
  await page.keyboard.type(data.tasks[1]);

  mkdirSync(SHOTS, { recursive: true });
  // From the top, so the fixed header and navigation are where a person sees them.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `meeting-form-${flow.lang}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('button', { name: ui.save })).toBeInViewport();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `meeting-form-${flow.lang}-1024.png`), fullPage: true });

  // Ctrl+Enter saves from any field.
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: data.title, level: 1 })).toBeVisible();
  await expectMeetingPage(page, flow);

  await page.reload();
  await page.getByRole('link', { name: ui.navMeetings, exact: true }).click();
  const table = page.getByRole('table', { name: ui.meetingsTable });
  const row = table.getByRole('row', { name: new RegExp(data.title) });
  await expect(page.getByTestId('meetings-count')).toHaveText(ui.count(SAMPLE_MEETINGS + 1));
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(ui.shortDate);
  await expect(row).toContainText('14:30');
  await expect(row).toContainText(ui.kindShown);
  await expect(row).toContainText(ui.formatShown);
  await expect(row).toContainText(ui.partnershipTitle);
  // A row opens its meeting with the keyboard.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: data.title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('meeting-tasks').getByRole('row')).toHaveCount(3);
}

async function expectMeetingPage(page: Page, { ui, data }: MeetingFlow): Promise<void> {
  await expect(page.getByText(ui.longDate)).toBeVisible();
  await expect(page.getByText('14:30')).toBeVisible();
  await expect(page.getByText(data.location)).toBeVisible();
  await expect(page.getByText(ui.kindShown)).toBeVisible();
  await expect(page.getByRole('link', { name: ui.partnershipTitle })).toHaveAttribute('href', /^#\/partnerships\/[0-9a-f-]{36}$/);

  const ours = page.getByRole('region', { name: ui.ours });
  await expect(ours.getByRole('listitem')).toHaveCount(2);
  await expect(ours.getByRole('listitem').nth(0)).toContainText(`${data.ours[0]}${data.ours[2]} · ${data.ours[1]}`);
  const interpreter = ours.getByRole('listitem').nth(1);
  await expect(interpreter).toContainText(data.interpreter[0]);
  await expect(interpreter).toContainText(ui.interpreter);
  await expect(ours.getByRole('listitem').nth(0)).not.toContainText(ui.interpreter);
  const partner = page.getByRole('region', { name: ui.partner, exact: true });
  await expect(partner.getByRole('listitem')).toHaveCount(1);
  await expect(partner).toContainText(`${data.partner[0]}${data.partner[2]} · ${data.partner[1]}`);

  await expect(page.getByRole('region', { name: ui.agenda })).toContainText(data.agenda);
  await expect(page.getByRole('region', { name: ui.summary })).toContainText(data.summary);
  await expect(page.getByRole('region', { name: ui.outcomes })).toContainText(data.outcomes);
  await expect(page.getByRole('region', { name: ui.gifts })).toContainText(data.gifts);
  const notes = page.getByTestId('meeting-notes');
  await expect(notes.locator('strong')).toHaveText(data.notesBold);
  await expect(notes.locator('em')).toHaveText(data.notesItalic);
  await expect(notes.getByRole('listitem').first()).toHaveText(data.notesItem);
  await expect(notes.getByRole('link', { name: 'programme page' })).toHaveAttribute('href', 'https://example.org/burgas');

  const tasks = page.getByTestId('meeting-tasks');
  await expect(tasks.getByRole('row')).toHaveCount(3);
  const firstTask = tasks.getByRole('row', { name: new RegExp(data.tasks[0]) });
  await expect(firstTask).toContainText(data.assignee);
  await expect(firstTask).toContainText(ui.dueDate);
  await expect(firstTask).toContainText(ui.high);
  await expect(firstTask).toContainText(ui.open);
  await expect(tasks.getByRole('row', { name: new RegExp(data.tasks[1]) })).toContainText(ui.open);
}

// The two full flows fill every part of the form; give them room on a busy machine.
test('from an empty database: log a meeting on Shantou–Burgas with two follow-up tasks', async ({ page, emptyApp }) => {
  test.setTimeout(180_000);
  await logMeetingFlow(page, emptyApp.url, EN);
});

test('the same meeting flow in Chinese: Chinese labels, Chinese text saved and shown', async ({ page, emptyApp }) => {
  test.setTimeout(180_000);
  await logMeetingFlow(page, emptyApp.url, ZH);
});

test('a rejected save keeps everything typed and marks the fields', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/meetings/new`);
  await switchLanguage(page, 'English');
  await byLabel(page, 'Title').fill('Call with Burgas');
  await byLabel(page, 'Summary').fill('We talked about the port.');
  const partnerRow = page.getByRole('group', { name: 'Partner side' });
  await partnerRow.getByRole('textbox', { name: 'Role', exact: true }).fill('Deputy mayor');
  await page.getByRole('group', { name: 'Follow-up 1' }).getByRole('textbox', { name: 'Assignee', exact: true }).fill('Chen Liang');

  // Refused in the form: no partnership, an attendee without a name, a follow-up without a title.
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByText('Choose at least one partnership this meeting concerns')).toBeVisible();
  await expect(page.getByText('Enter a name or pick a contact, or remove this row')).toBeVisible();
  await expect(page.getByText('Say what the task is, or remove this row')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved: check the fields marked in red (3).' })).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/new$/);
  await expect(byLabel(page, 'Title')).toHaveValue('Call with Burgas');
  await expect(byLabel(page, 'Summary')).toHaveValue('We talked about the port.');
  await expect(partnerRow.getByRole('textbox', { name: 'Role', exact: true })).toHaveValue('Deputy mayor');
  await expect(page.getByRole('combobox', { name: 'Partnerships concerned', exact: true })).toBeFocused();

  // Refused by the contract's own rules, in its words: the field is marked, its counter says by how much, nothing typed is lost.
  await pickPartnership(page, 'Partnerships concerned', 'Burgas', 'Shantou–Burgas project cooperation');
  await partnerRow.getByRole('combobox', { name: 'Name', exact: true }).fill('Ivan Petrov');
  await page.getByRole('group', { name: 'Follow-up 1' }).getByRole('textbox', { name: 'Task', exact: true }).fill('Send the port study');
  const tooLong = `Call with Burgas ${'x'.repeat(300)}`;
  await byLabel(page, 'Title').fill(tooLong);
  await byLabel(page, 'Summary').press('Control+Enter');
  await expect(page.getByText('Title is too long (at most 300 characters)')).toBeVisible();
  await expect(page.getByText('317 / 300 characters: 17 too many')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved: check the fields marked in red (1).' })).toBeVisible();
  await expect(byLabel(page, 'Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(byLabel(page, 'Title')).toBeFocused();
  await expect(page).toHaveURL(/#\/meetings\/new$/);
  await expect(byLabel(page, 'Title')).toHaveValue(tooLong);
  await expect(byLabel(page, 'Summary')).toHaveValue('We talked about the port.');
  await expect(partnerRow.getByRole('combobox', { name: 'Name', exact: true })).toHaveValue('Ivan Petrov');

  await byLabel(page, 'Title').fill('Call with Burgas');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Call with Burgas', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('We talked about the port.');
  await expect(page.getByRole('region', { name: 'Partner side', exact: true })).toContainText('Ivan PetrovDeputy mayor');
  await expect(page.getByTestId('meeting-tasks')).toContainText('Send the port study');

  // Edit keeps the record; delete is soft and Undo brings the meeting back.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit meeting', level: 1 })).toBeVisible();
  await expect(byLabel(page, 'Summary')).toHaveValue('We talked about the port.');
  await byLabel(page, 'Location').fill('Video, Zoom');
  await byLabel(page, 'Location').press('Control+Enter');
  await expect(page.getByText('Video, Zoom')).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/#\/meetings$/);
  await expect(page.getByTestId('meetings-count')).toHaveText(`${SAMPLE_MEETINGS} meetings`);
  await expect(page.getByRole('table', { name: 'Meetings' }).getByRole('row', { name: /Call with Burgas/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Call with Burgas', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'All meetings' }).click();
  await expect(page.getByRole('table', { name: 'Meetings' }).getByRole('row', { name: /Call with Burgas/ })).toBeVisible();
});

test('Markdown notes with <script> and <img onerror> are shown as text, never run', async ({ page, sampleApp }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const script = `<script>window.__pwned = 1; alert('script')</script>`;
  const image = `<img src=x onerror="window.__pwned = 2; alert('img')">`;
  const js = '[click me](javascript:alert(3))';
  await page.goto(`${sampleApp.url}#/meetings`);
  await switchLanguage(page, 'English');
  // A partnership page opens the form with its partnership preselected through sessionStorage, used once.
  const burgasId = await page.evaluate(async () => {
    const response = await fetch('/api/partnerships.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const list = ((await response.json()) as { value: { rows: { id: string; titleEn: string | null }[] } }).value.rows;
    return list.find((p) => p.titleEn === 'Shantou–Burgas project cooperation')!.id;
  });
  await page.evaluate(`sessionStorage.setItem('pt.meeting.partnership', ${JSON.stringify(burgasId)})`);
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  await expect(page.getByRole('combobox', { name: 'Partnerships concerned', exact: true }).locator('..')).toContainText('Shantou–Burgas project cooperation');
  expect(await page.evaluate("sessionStorage.getItem('pt.meeting.partnership')")).toBeNull();
  await byLabel(page, 'Title').fill('Notes safety check');
  await byLabel(page, 'Notes').fill(`**Careful** ${script}\n${image}\n\n- ${js}`);
  await page.getByRole('radiogroup', { name: 'Notes: write or preview' }).locator('label', { hasText: 'Preview' }).click();
  const preview = page.getByTestId('notes-preview');
  await expect(preview).toContainText(script);
  await expect(preview.locator('img, script')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save meeting' }).click();

  await expect(page.getByRole('heading', { name: 'Notes safety check', level: 1 })).toBeVisible();
  const notes = page.getByTestId('meeting-notes');
  await expect(notes.locator('strong')).toHaveText('Careful');
  await expect(notes).toContainText(script);
  await expect(notes).toContainText(image);
  await expect(notes).toContainText(js);
  await expect(notes.locator('img, script')).toHaveCount(0);
  await expect(notes.getByRole('link')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('meeting-notes')).toContainText(image);
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  expect(dialogs).toEqual([]);
});

test('a contact created here, attached to a meeting, lists that meeting', async ({ page, sampleApp }) => {
  await page.goto(`${sampleApp.url}#/contacts`);
  await switchLanguage(page, 'English');
  // The people the sample's articles name.
  const contacts = page.getByTestId('contacts-table');
  await expect(contacts).toHaveAttribute('aria-rowcount', String(1 + SAMPLE_CONTACTS));
  await expect(contacts.getByRole('row', { name: /Ruska Boyadzhieva/ })).toContainText('布尔加斯 / Burgas');
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await expect(byLabel(dialog, 'Name')).toBeFocused();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await byLabel(dialog, 'Name').fill('Dimitar Nikolov');
  await byLabel(dialog, 'Title').fill('Mayor');
  await byLabel(dialog, 'Organization').fill('Burgas');
  await page.getByRole('option', { name: 'Burgas (布尔加斯)', exact: true }).click();
  await byLabel(dialog, 'Email').fill('mayor@');
  await byLabel(dialog, 'Phone').fill('+359 56 907 200');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Email: write an address like name@example.org, or leave it empty')).toBeVisible();
  await expect(byLabel(dialog, 'Name')).toHaveValue('Dimitar Nikolov');
  await byLabel(dialog, 'Email').fill('mayor@burgas.bg');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId('contacts-table');
  await expect(table.getByRole('row', { name: /Dimitar Nikolov/ })).toContainText('布尔加斯 / Burgas');
  // The search looks at the organization and the phone too.
  // Dimitar Nikolov and the sample's deputy mayor of Burgas.
  await page.getByRole('textbox', { name: 'Search contacts' }).fill('布尔加斯');
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Search contacts' }).fill('907 200');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Search contacts' }).fill('nobody-here');
  await expect(page.getByText('No contact matches this search.')).toBeVisible();

  // Attach the contact to a meeting by picking them in the partner side's name field.
  await page.goto(`${sampleApp.url}#/meetings/new`);
  await byLabel(page, 'Title').fill('Meeting with the mayor of Burgas');
  await pickPartnership(page, 'Partnerships concerned', 'Burgas', 'Shantou–Burgas project cooperation');
  const partner = page.getByRole('group', { name: 'Partner side' });
  await partner.getByRole('combobox', { name: 'Name', exact: true }).fill('Dimit');
  await page.getByRole('option', { name: /Dimitar Nikolov/ }).click();
  await expect(partner.getByRole('textbox', { name: 'Organization', exact: true })).toHaveValue('布尔加斯 / Burgas');
  await expect(partner.getByRole('textbox', { name: 'Role', exact: true })).toHaveValue('Mayor');
  await expect(partner.getByRole('img', { name: 'Linked to a contact' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Meeting with the mayor of Burgas', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Partner side', exact: true })).toContainText('Dimitar NikolovMayor · 布尔加斯 / Burgas');

  await page.getByRole('link', { name: 'Contacts' }).click();
  const row = page.getByTestId('contacts-table').getByRole('row', { name: /Dimitar Nikolov/ });
  await row.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Dimitar Nikolov' });
  const attended = drawer.getByRole('region', { name: 'Meetings attended' });
  await expect(attended.getByRole('link', { name: 'Meeting with the mayor of Burgas' })).toBeVisible();
  // Esc closes the drawer; Enter opens it again; the link opens the meeting.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await row.click();
  await attended.getByRole('link', { name: 'Meeting with the mayor of Burgas' }).click();
  await expect(page).toHaveURL(/#\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Meeting with the mayor of Burgas', level: 1 })).toBeVisible();

  // Delete the contact with Undo.
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page
    .getByTestId('contacts-table')
    .getByRole('row', { name: /Dimitar Nikolov/ })
    .click();
  await page.getByRole('dialog', { name: 'Dimitar Nikolov' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('contacts-table')).toHaveAttribute('aria-rowcount', String(1 + SAMPLE_CONTACTS));
  await expect(page.getByTestId('contacts-table').getByRole('row', { name: /Dimitar Nikolov/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('contacts-table').getByRole('row', { name: /Dimitar Nikolov/ })).toBeVisible();
});

test('a long meeting log: the total shown, only the rows in view in the page, later pages load on scrolling, Enter opens a row', async ({
  page,
  request,
  sampleApp,
}) => {
  const {
    rows: [partnership],
  } = await callApi(request, sampleApp, 'partnerships.list', {});
  // 450 meetings, one a day from 2000-01-01: older than every sample meeting, so the last is "Bulk meeting 000".
  const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
  for (let start = 0; start < 450; start += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, k) => start + k).map((i) =>
        callApi(request, sampleApp, 'meetings.create', {
          title: `Bulk meeting ${String(i).padStart(3, '0')}`,
          date: day(i),
          format: 'video',
          kind: 'working_meeting',
          partnershipIds: [partnership!.id],
        }),
      ),
    );
  }
  const { total } = await callApi(request, sampleApp, 'meetings.list', { limit: 1 });
  expect(total).toBeGreaterThanOrEqual(450);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${sampleApp.url}#/meetings`);
  const table = page.getByRole('table', { name: 'Meetings' });
  await expect(page.getByTestId('meetings-count')).toHaveText(`${total.toLocaleString('en')} meetings`);
  await expect(table.getByRole('row', { name: /Bulk meeting 449/ })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  // virtualized: the header and the rows in view (plus a few either side), not hundreds
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await expect(table.getByRole('columnheader', { name: 'Date' })).toBeVisible();

  // Scroll to the end: the pages after the first load on the way; the header stays in view.
  const last = table.getByRole('row', { name: /Bulk meeting 000/ });
  await scrollToEndUntilVisible(table, last);
  await expect(table.getByRole('columnheader', { name: 'Date' })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // A filter starts over at its first page, with its own total.
  await page.getByRole('textbox', { name: 'Title' }).fill('Bulk meeting 44');
  await expect(page.getByTestId('meetings-count')).toHaveText('10 meetings');
  await expect(table.getByRole('row')).toHaveCount(11);
  await page.getByRole('textbox', { name: 'Title' }).fill('');
  await expect(page.getByTestId('meetings-count')).toHaveText(`${total.toLocaleString('en')} meetings`);

  // The keyboard opens a row, as before.
  await table.getByRole('row', { name: /Bulk meeting 449/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bulk meeting 449', level: 1 })).toBeVisible();
});

for (const [lang, ui] of [
  ['zh', { language: '中文', partnerships: '涉及的合作关系', title: '标题', save: '保存会见', partnership: '汕头—布尔加斯项目合作' }],
  [
    'en',
    { language: 'English', partnerships: 'Partnerships concerned', title: 'Title', save: 'Save meeting', partnership: 'Shantou–Burgas project cooperation' },
  ],
] as const) {
  test(`${lang}: the partnership picker searches every title through the contract as you type, never the whole table`, async ({ page, sampleApp }) => {
    // Every partnerships.list the page asks for: one page of a few, never a table read page by page.
    const limits: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/partnerships.list')) limits.push((request.postDataJSON() as { limit?: number }).limit ?? 100);
    });
    await page.goto(`${sampleApp.url}#/meetings/new`);
    await switchLanguage(page, ui.language);
    const picker = page.getByRole('combobox', { name: ui.partnerships, exact: true });
    await expect(picker).toBeVisible();

    // The English name finds it in the Chinese UI, and the Chinese one in the English UI.
    for (const search of ['Burgas', '汕头']) {
      await picker.fill(search);
      await expect(page.getByRole('option', { name: ui.partnership }), search).toBeVisible();
    }
    await picker.fill('Burgas');
    await page.getByRole('option', { name: ui.partnership }).click();
    await expect(picker.locator('..')).toContainText(ui.partnership);
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(20);

    await byLabel(page, ui.title).fill(`Burgas picker ${lang}`);
    await page.getByRole('button', { name: ui.save }).click();
    await expect(page.getByRole('heading', { name: `Burgas picker ${lang}`, level: 1 })).toBeVisible();
    await expect(page.locator('main').getByRole('link', { name: ui.partnership })).toHaveAttribute('href', /#\/partnerships\/[0-9a-f-]{36}$/);
  });
}

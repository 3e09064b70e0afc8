/**
 * Why the contract refused a value, in both UI languages: the core's `invalid_input` error (db/validation.ts) and the
 * forms' messages under their fields are made here from the same zod issues, so both say the same thing.
 */
import type { z } from 'zod';
import { PARTIAL_DATE_PATTERN } from '../calendar';

export interface Bilingual {
  zh: string;
  en: string;
}

/** The fields' names as the contract's messages give them (a field without one is named by its path). */
export const FIELD_LABELS: Record<string, Bilingual> = {
  displayName: { zh: '显示名称', en: 'Display name' },
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  nameLocal: { zh: '当地语言名称', en: 'Local name' },
  aliases: { zh: '别名', en: 'Aliases' },
  country: { zh: '国家', en: 'Country' },
  region: { zh: '地区', en: 'Region' },
  latitude: { zh: '纬度', en: 'Latitude' },
  longitude: { zh: '经度', en: 'Longitude' },
  title: { zh: '标题', en: 'Title' },
  parties: { zh: '合作方', en: 'Parties' },
  kind: { zh: '类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  id: { zh: '编号', en: 'Id' },
  name: { zh: '名称', en: 'Name' },
  firstMilestone: { zh: '第一个里程碑', en: 'First milestone' },
  details: { zh: '详情', en: 'Details' },
  dueOn: { zh: '截止日期', en: 'Due date' },
  assignee: { zh: '负责人', en: 'Assignee' },
  date: { zh: '日期', en: 'Date' },
  source: { zh: '来源', en: 'Source' },
  notes: { zh: '备注', en: 'Notes' },
  email: { zh: '电子邮箱', en: 'Email' },
  phone: { zh: '电话', en: 'Phone' },
  description: { zh: '说明', en: 'Description' },
  startedOn: { zh: '开始时间', en: 'Started' },
  titleZh: { zh: '中文标题', en: 'Chinese title' },
  titleEn: { zh: '英文标题', en: 'English title' },
  statusSince: { zh: '状态起始日期', en: 'Status since' },
  termStart: { zh: '期限开始', en: 'Term start' },
  termEnd: { zh: '期限结束', en: 'Term end' },
  reviewOn: { zh: '复核日期', en: 'Review date' },
  owner: { zh: '负责人', en: 'Owner' },
  summary: { zh: '摘要', en: 'Summary' },
  rationale: { zh: '合作理由', en: 'Rationale' },
  topics: { zh: '领域', en: 'Topics' },
  programmeId: { zh: '项目', en: 'Programme' },
  time: { zh: '时间', en: 'Time' },
  location: { zh: '地点', en: 'Place' },
  format: { zh: '形式', en: 'Format' },
  partnershipIds: { zh: '合作关系', en: 'Partnerships' },
  attendees: { zh: '参会人员', en: 'Attendee' },
  followUps: { zh: '后续任务', en: 'Follow-up task' },
  agenda: { zh: '议程', en: 'Agenda' },
  outcomes: { zh: '成果', en: 'Outcomes' },
  gifts: { zh: '礼品', en: 'Gifts' },
  role: { zh: '职务', en: 'Role' },
  organizationName: { zh: '单位', en: 'Organization' },
  officeName: { zh: '办公室名称', en: 'Office name' },
  officeNameEn: { zh: '办公室英文名称', en: 'Office name in English' },
  userName: { zh: '您的姓名', en: 'Your name' },
  keepBackups: { zh: '保留的备份数', en: 'Backups kept' },
  reminderHour: { zh: '提醒时间', en: 'Reminder hour' },
};

/** What a whole-record rule of the contract (a zod refinement, by its message) says is wrong. */
const RULE_TEXT: Record<string, Bilingual> = {
  'name required': { zh: '：请输入中文或英文名称', en: ': enter a name in Chinese or English' },
  'duplicate party': { zh: '中有重复的机构', en: 'name an organization twice' },
  'name or contact': { zh: '：请选择联系人或输入姓名', en: ': choose a contact or enter a name' },
  'duplicate partnership': { zh: '中有重复的合作关系', en: 'name a partnership twice' },
  country: { zh: '不是已知的国家代码', en: 'is not a known country code' },
};

/** What is wrong with the value, without the field's name. */
export function describeIssue(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue && issue.pattern === String(PARTIAL_DATE_PATTERN))
        return { zh: '请写作 2016、2015-06 或 2017-05-31', en: ': write the date as 2016, 2015-06 or 2017-05-31' };
      if (issue.format === 'email')
        return { zh: '应写作 name@example.org 这样的地址，或留空', en: ': write an address like name@example.org, or leave it empty' };
      return { zh: '格式不正确', en: 'is not in the right format' };
    case 'too_small':
      if (issue.origin === 'array') return { zh: `至少需要 ${String(issue.minimum)} 项`, en: `needs at least ${String(issue.minimum)}` };
      if (issue.origin === 'string') {
        return Number(issue.minimum) > 1
          ? { zh: `至少需要 ${String(issue.minimum)} 个字符`, en: `needs at least ${String(issue.minimum)} characters` }
          : { zh: '不能为空', en: 'is required' };
      }
      return { zh: `不能小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
    case 'too_big':
      if (issue.origin === 'string')
        return { zh: `过长（最多 ${String(issue.maximum)} 个字符）`, en: `is too long (at most ${String(issue.maximum)} characters)` };
      return { zh: `不能大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
    case 'invalid_type':
      return issue.input === undefined ? { zh: '不能为空', en: 'is required' } : { zh: '类型不正确', en: 'has the wrong type' };
    case 'invalid_value':
      return { zh: '不是允许的值', en: 'is not one of the allowed values' };
    case 'unrecognized_keys':
      return { zh: `包含未知字段 ${issue.keys.join(', ')}`, en: `has unknown fields ${issue.keys.join(', ')}` };
    case 'custom':
      return RULE_TEXT[issue.message] ?? { zh: '无效', en: 'is not valid' };
    default:
      return { zh: '无效', en: 'is not valid' };
  }
}

const isMissing = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' || issue.code === 'invalid_format' || (issue.code === 'too_small' && issue.origin === 'string');
/** A row of a list (`parties.0.organizationId`) at `list` and `field`. */
const inRow = (issue: z.core.$ZodIssue, list: string, field: string) =>
  issue.path.length === 3 && issue.path[0] === list && typeof issue.path[1] === 'number' && issue.path[2] === field;

/** Refusals said as what to do about them, where the general wording would leave a person guessing. */
const ADVICE: { applies: (issue: z.core.$ZodIssue) => boolean; says: Bilingual }[] = [
  {
    applies: (issue) => inRow(issue, 'parties', 'organizationId') && isMissing(issue),
    says: { zh: '请选择机构，或删除此行', en: 'Choose an organization, or remove this row' },
  },
  {
    applies: (issue) => inRow(issue, 'attendees', 'name') && issue.code === 'custom' && issue.message === 'name or contact',
    says: { zh: '请输入姓名或选择联系人，或删除此行', en: 'Enter a name or pick a contact, or remove this row' },
  },
  {
    applies: (issue) => inRow(issue, 'followUps', 'title') && isMissing(issue),
    says: { zh: '请填写任务内容，或删除此行', en: 'Say what the task is, or remove this row' },
  },
  {
    applies: (issue) => issue.path.length === 1 && issue.path[0] === 'partnershipIds' && issue.code === 'too_small',
    says: { zh: '请至少选择一个本次会见涉及的合作关系', en: 'Choose at least one partnership this meeting concerns' },
  },
  {
    applies: (issue) => issue.path.length === 1 && issue.path[0] === 'time' && issue.code === 'invalid_format',
    says: { zh: '时间请按“时:分”书写，例如 14:30', en: 'Time: write hours and minutes, e.g. 14:30' },
  },
];

/** Where in the record: "Title", or a list's row and its field ("Follow-up task 2, Due date"). */
function placeOf(path: readonly PropertyKey[]): Bilingual {
  const name = (key: PropertyKey, fallback: string): Bilingual => FIELD_LABELS[String(key)] ?? { zh: fallback, en: fallback };
  const pathText = path.map(String).join('.');
  if (path.length === 0) return { zh: '输入', en: 'Input' };
  const head = name(path[0]!, pathText);
  if (path.length === 3 && typeof path[1] === 'number') {
    const field = name(path[2]!, String(path[2]));
    const row = path[1] + 1;
    return { zh: `${head.zh} ${row} 的${field.zh}`, en: `${head.en} ${row}, ${field.en}` };
  }
  if (path.length === 1) return head;
  // A field of a nested record with a name of its own ("First milestone, Title").
  if (path.length === 2 && FIELD_LABELS[String(path[1])]) {
    const field = FIELD_LABELS[String(path[1])]!;
    return { zh: `${head.zh}的${field.zh}`, en: `${head.en}, ${field.en}` };
  }
  const rest = path.slice(1).map(String).join('.');
  return { zh: `${head.zh} (${rest})`, en: `${head.en} (${rest})` };
}

/** One refused value as the contract says it: the field's name, where in it, and what is wrong ("标题不能为空", "Title is required"). */
export function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  const advice = ADVICE.find((rule) => rule.applies(issue));
  if (advice) return advice.says;
  const place = placeOf(issue.path);
  const what = describeIssue(issue);
  return { zh: `${place.zh}${what.zh}`, en: `${place.en}${what.en.startsWith(':') ? '' : ' '}${what.en}` };
}

/** The field paths an issue is about (an unknown key's issue sits on the object: it names the keys themselves). */
export function issueFields(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...issue.path, key].map(String).join('.'));
  return [issue.path.map(String).join('.')];
}

/** The whole refusal, as the core reports it for up to five issues. */
export function refusalMessage(issues: readonly z.core.$ZodIssue[]): Bilingual & { fields: string[] } {
  const fields: string[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const issue of issues.slice(0, 5)) {
    fields.push(...issueFields(issue));
    const message = issueMessage(issue);
    zh.push(message.zh);
    en.push(message.en);
  }
  return { zh: `输入有误：${zh.join('；')}。未保存任何内容。`, en: `Invalid input: ${en.join('; ')}. Nothing was saved.`, fields };
}

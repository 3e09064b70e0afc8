/** What each importable entity's columns can be, and the header names (zh and en) offices use for them. */
import type { LocalizedText } from '../errors';

export const IMPORT_ENTITIES = ['organizations', 'partnerships', 'contacts', 'meetings', 'tasks'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type FieldType = 'text' | 'date' | 'list' | 'organization' | 'partnership' | 'enum';

export interface ImportField {
  key: string;
  label: LocalizedText;
  type: FieldType;
  required?: boolean;
  /** Header names that mean this field, compared with `headerKey`. */
  headers: string[];
  /** For enum fields: the words people write (zh or en) → the stored value. */
  values?: Record<string, string>;
}

const f = (key: string, zh: string, en: string, type: FieldType, headers: string[], extra: Partial<ImportField> = {}): ImportField => ({
  key,
  label: { zh, en },
  type,
  headers: [zh, en, ...headers],
  ...extra,
});

const notes = f('notes', '备注', 'Notes', 'text', ['说明', 'Remarks', 'Comment', 'Comments']);

const taskStatus = {
  未开始: 'open',
  待办: 'open',
  open: 'open',
  进行中: 'in_progress',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  已完成: 'done',
  完成: 'done',
  done: 'done',
  已取消: 'cancelled',
  取消: 'cancelled',
  cancelled: 'cancelled',
};
const priority = { 高: 'high', high: 'high', 中: 'normal', 普通: 'normal', normal: 'normal', 低: 'low', low: 'low' };
const partnershipStatus = {
  意向: 'prospect',
  prospect: 'prospect',
  洽谈中: 'negotiating',
  商谈中: 'negotiating',
  negotiating: 'negotiating',
  有效: 'active',
  活跃: 'active',
  已签约: 'active',
  active: 'active',
  休眠: 'dormant',
  dormant: 'dormant',
  终止: 'concluded',
  已结束: 'concluded',
  concluded: 'concluded',
};
const partnershipKind = {
  友好城市: 'sister_city',
  姐妹城市: 'sister_city',
  'sister city': 'sister_city',
  sister_city: 'sister_city',
  友好交流城市: 'friendship_city',
  'friendship city': 'friendship_city',
  friendship_city: 'friendship_city',
  合作备忘录: 'cooperation_mou',
  mou: 'cooperation_mou',
  cooperation_mou: 'cooperation_mou',
  战略合作协议: 'strategic_agreement',
  'strategic agreement': 'strategic_agreement',
  strategic_agreement: 'strategic_agreement',
  项目合作: 'project_cooperation',
  'project cooperation': 'project_cooperation',
  project_cooperation: 'project_cooperation',
  试点项目: 'pilot_programme',
  'pilot programme': 'pilot_programme',
  pilot_programme: 'pilot_programme',
};

export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
  organizations: [
    f('displayName', '名称', 'Name', 'text', ['城市', '城市名称', '机构名称', '单位名称', 'City', 'Organization', 'Display name'], { required: true }),
    f('nameZh', '中文名称', 'Chinese name', 'text', ['中文名', 'Name (zh)']),
    f('nameEn', '英文名称', 'English name', 'text', ['英文名', 'Name (en)']),
    f('nameLocal', '当地语言名称', 'Local name', 'text', ['当地名称', '外文名称']),
    f('aliases', '别名', 'Aliases', 'list', ['其他名称', 'Alias', 'Other names']),
    f('country', '国家', 'Country', 'text', ['国别', '国家代码', 'Country code']),
    f('region', '地区', 'Region', 'text', ['省/州', '省州', 'State', 'Province']),
    notes,
  ],
  partnerships: [
    f('title', '标题', 'Title', 'text', ['合作名称', '名称', '合作关系', 'Partnership', 'Name'], { required: true }),
    f('titleZh', '中文标题', 'Chinese title', 'text', ['中文名称']),
    f('titleEn', '英文标题', 'English title', 'text', ['英文名称']),
    f('ourSide', '我方', 'Our side', 'organization', ['我方城市', '本市', 'Our city'], { required: true }),
    f('partner', '对方城市', 'Partner', 'organization', ['合作城市', '友好城市', '城市', '对方', 'Partner city', 'City'], { required: true }),
    f('kind', '类型', 'Kind', 'enum', ['合作类型', 'Type'], { values: partnershipKind }),
    f('status', '状态', 'Status', 'enum', ['合作状态'], { values: partnershipStatus }),
    f('statusSince', '建立日期', 'Since', 'date', ['签约日期', '结好日期', '日期', 'Date', 'Signed on']),
    f('owner', '负责人', 'Owner', 'text', ['承办人', '联系人', 'Contact person']),
    f('summary', '简介', 'Summary', 'text', ['概况', '摘要']),
  ],
  contacts: [
    f('name', '姓名', 'Name', 'text', ['联系人', 'Contact', 'Full name'], { required: true }),
    f('title', '职务', 'Position', 'text', ['职位', '头衔', 'Job title', 'Title']),
    f('organization', '单位', 'Organization', 'organization', ['城市', '机构', '所在城市', 'City']),
    f('email', '邮箱', 'Email', 'text', ['电子邮件', '电子邮箱', 'E-mail', 'Mail']),
    f('phone', '电话', 'Phone', 'text', ['手机', '联系电话', 'Telephone', 'Mobile']),
    notes,
  ],
  meetings: [
    f('date', '日期', 'Date', 'date', ['会见日期', '会谈日期', '时间', 'Meeting date'], { required: true }),
    f('title', '标题', 'Title', 'text', ['事由', '主题', '会见事由', '活动名称', 'Subject', 'Topic'], { required: true }),
    f('city', '城市', 'City', 'organization', ['城市名称', '对方城市', '来访城市', 'Partner city']),
    f('partnership', '合作关系', 'Partnership', 'partnership', ['合作名称', '所属合作']),
    f('location', '地点', 'Location', 'text', ['会见地点', 'Place', 'Venue']),
    f('summary', '纪要', 'Summary', 'text', ['摘要', '会谈纪要', 'Minutes']),
    f('outcomes', '成果', 'Outcomes', 'text', ['会谈成果', 'Results']),
    notes,
  ],
  tasks: [
    f('title', '任务', 'Task', 'text', ['事项', '标题', '工作事项', 'Title'], { required: true }),
    f('partnership', '合作关系', 'Partnership', 'partnership', ['合作名称', '所属合作', '项目']),
    f('assignee', '负责人', 'Assignee', 'text', ['承办人', '经办人', 'Owner', 'Responsible']),
    f('dueOn', '截止日期', 'Due', 'date', ['期限', '完成时限', 'Due date', 'Deadline']),
    f('status', '状态', 'Status', 'enum', ['进度'], { values: taskStatus }),
    f('priority', '优先级', 'Priority', 'enum', ['紧急程度'], { values: priority }),
    f('details', '说明', 'Details', 'text', ['详情', '备注', 'Notes', 'Description']),
  ],
};

/** How a header (or an enum word) is compared: NFKC, lower case, no spaces or marks around it. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*:：_]+/g, ' ')
    .trim();
}

/** The field a header names, if any. */
export function fieldForHeader(entity: ImportEntity, header: string): ImportField | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  return IMPORT_FIELDS[entity].find((field) => field.headers.some((h) => headerKey(h) === key));
}

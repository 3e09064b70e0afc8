/**
 * The names of the contract's enumerations in Chinese and English: one home for the screens (renderer i18n), the
 * reports (db/reports/html.ts) and anything else that shows them. Keys are the stored values; test/unit/labels.test.ts
 * holds them equal to the contract's own lists, so a value added there without a name here fails.
 */
type Labels<K extends string> = { readonly zh: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

export const PARTNERSHIP_STATUS_LABELS: Labels<'prospect' | 'negotiating' | 'active' | 'dormant' | 'concluded'> = {
  zh: { prospect: '意向', negotiating: '洽谈中', active: '执行中', dormant: '休眠', concluded: '已结束' },
  en: { prospect: 'Prospect', negotiating: 'Negotiating', active: 'Active', dormant: 'Dormant', concluded: 'Concluded' },
};

export const PARTNERSHIP_KIND_LABELS: Labels<
  'sister_city' | 'friendship_city' | 'cooperation_mou' | 'strategic_agreement' | 'project_cooperation' | 'pilot_programme'
> = {
  zh: {
    sister_city: '友好城市',
    friendship_city: '友好交流城市',
    cooperation_mou: '合作备忘录',
    strategic_agreement: '战略合作协议',
    project_cooperation: '项目合作',
    pilot_programme: '试点项目',
  },
  en: {
    sister_city: 'Sister city',
    friendship_city: 'Friendship city',
    cooperation_mou: 'Cooperation MoU',
    strategic_agreement: 'Strategic agreement',
    project_cooperation: 'Project cooperation',
    pilot_programme: 'Pilot programme',
  },
};

export const ORGANIZATION_KIND_LABELS: Labels<
  | 'city'
  | 'district'
  | 'new_area'
  | 'province'
  | 'region'
  | 'country'
  | 'association'
  | 'company'
  | 'university'
  | 'programme_body'
  | 'government_body'
  | 'other'
> = {
  zh: {
    city: '城市',
    district: '区',
    new_area: '新区',
    province: '省',
    region: '地区',
    country: '国家',
    association: '协会',
    company: '企业',
    university: '大学',
    programme_body: '项目机构',
    government_body: '政府部门',
    other: '其他',
  },
  en: {
    city: 'City',
    district: 'District',
    new_area: 'New area',
    province: 'Province',
    region: 'Region',
    country: 'Country',
    association: 'Association',
    company: 'Company',
    university: 'University',
    programme_body: 'Programme body',
    government_body: 'Government body',
    other: 'Other',
  },
};

export const MILESTONE_KIND_LABELS: Labels<'proposal' | 'mou' | 'joint_statement' | 'agreement' | 'visit' | 'forum' | 'launch' | 'report' | 'other'> = {
  zh: {
    proposal: '倡议',
    mou: '备忘录',
    joint_statement: '联合声明',
    agreement: '协议',
    visit: '互访',
    forum: '论坛',
    launch: '启动',
    report: '报告',
    other: '其他',
  },
  en: {
    proposal: 'Proposal',
    mou: 'MoU',
    joint_statement: 'Joint statement',
    agreement: 'Agreement',
    visit: 'Visit',
    forum: 'Forum',
    launch: 'Launch',
    report: 'Report',
    other: 'Other',
  },
};

export const MILESTONE_STATUS_LABELS: Labels<'planned' | 'done' | 'cancelled'> = {
  zh: { planned: '计划中', done: '已完成', cancelled: '已取消' },
  en: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
};

export const MEETING_KIND_LABELS: Labels<'incoming_delegation' | 'outgoing_delegation' | 'forum' | 'signing' | 'working_meeting'> = {
  zh: { incoming_delegation: '来访团组', outgoing_delegation: '出访团组', forum: '论坛', signing: '签约', working_meeting: '工作会谈' },
  en: {
    incoming_delegation: 'Incoming delegation',
    outgoing_delegation: 'Outgoing delegation',
    forum: 'Forum',
    signing: 'Signing',
    working_meeting: 'Working meeting',
  },
};

export const MEETING_FORMAT_LABELS: Labels<'in_person' | 'video' | 'phone'> = {
  zh: { in_person: '面谈', video: '视频会议', phone: '电话' },
  en: { in_person: 'In person', video: 'Video call', phone: 'Phone call' },
};

export const TASK_STATUS_LABELS: Labels<'open' | 'in_progress' | 'done' | 'cancelled'> = {
  zh: { open: '待办', in_progress: '进行中', done: '已完成', cancelled: '已取消' },
  en: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
};

export const TASK_PRIORITY_LABELS: Labels<'low' | 'normal' | 'high'> = {
  zh: { low: '低', normal: '普通', high: '高' },
  en: { low: 'Low', normal: 'Normal', high: 'High' },
};

/**
 * Messages of the search box (Ctrl/Cmd+K) and the search results page, in both languages (the
 * zh object must have exactly the en keys). The group headings are common/search.ts's, which the CLI prints too.
 */
import { searchKindLabels } from '@common/search';

const en = {
  label: 'Search everything',
  placeholder: 'Search names, titles, notes…',
  groups: searchKindLabels('en'),
  field: {
    display_name: 'name',
    name_zh: 'Chinese name',
    name_en: 'English name',
    name_local: 'local name',
    aliases: 'alias',
    region: 'region',
    notes: 'notes',
    title: 'title',
    title_zh: 'Chinese title',
    title_en: 'English title',
    summary: 'summary',
    rationale: 'rationale',
    owner: 'owner',
    source: 'source',
    location: 'location',
    agenda: 'agenda',
    outcomes: 'outcomes',
    gifts: 'gifts',
    details: 'details',
    assignee: 'assignee',
    name: 'name',
    email: 'email',
    phone: 'phone',
  },
  allResults: 'All results for “{{query}}”',
  title: 'Search',
  resultsFor: 'Results for “{{query}}”',
  kinds: 'Show',
  allKinds: 'Everything',
  more: 'Show more',
  nothing: 'Nothing matches “{{query}}”. Try fewer characters, or another script: 汕头, Shantou and Шантоу find the same city.',
  start: 'Type what you are looking for: a city in any script, a title, words from meeting notes.',
  hint: 'Matches anywhere in names, aliases, titles and notes; upper and lower case, full- and half-width letters are the same.',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const zh: Widen<typeof en> = {
  label: '全局搜索',
  placeholder: '搜索名称、标题、纪要…',
  groups: searchKindLabels('zh'),
  field: {
    display_name: '名称',
    name_zh: '中文名',
    name_en: '英文名',
    name_local: '当地名称',
    aliases: '别名',
    region: '地区',
    notes: '备注',
    title: '标题',
    title_zh: '中文标题',
    title_en: '英文标题',
    summary: '摘要',
    rationale: '合作依据',
    owner: '负责人',
    source: '来源',
    location: '地点',
    agenda: '议程',
    outcomes: '成果',
    gifts: '礼品',
    details: '详情',
    assignee: '承办人',
    name: '姓名',
    email: '邮箱',
    phone: '电话',
  },
  allResults: '查看“{{query}}”的全部结果',
  title: '搜索',
  resultsFor: '“{{query}}”的搜索结果',
  kinds: '显示',
  allKinds: '全部',
  more: '显示更多',
  nothing: '没有与“{{query}}”匹配的内容。可减少字数，或换一种文字：汕头、Shantou、Шантоу 都能找到同一城市。',
  start: '输入要查找的内容：任意文字的城市名、标题、会见纪要中的词语。',
  hint: '在名称、别名、标题和纪要中任意位置匹配；不区分大小写和全角半角。',
};

export const searchMessages = { en, zh };

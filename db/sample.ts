/**
 * Sample data, built from the news reports in ../shared/seeds/: each record cites its source article
 * (title, publisher, date), never a file path.
 *
 * Everything is inserted with `insertFixedRecord`: ids are derived from stable keys and every
 * stamp is fixed, so two offices that load the sample hold byte-identical rows and a merge
 * between them changes nothing; loading it a second time inserts nothing.
 *
 * The data is declared in the tables below (one entry per organization, programme, partnership,
 * milestone, contact, meeting and task); `loadSampleData` only walks them.
 *
 * Ids are part of the data: never rename a key, or a database that loaded an older sample
 * gets a second copy of the record on merge.
 *
 * Revisions: the sample's first revision (organizations, programmes, partnerships, milestones) is
 * stamped SAMPLE_HLC. What a later revision adds or changes carries a later fixed stamp (revision 2:
 * SAMPLE_HLC_2, the same instant with counter 1): new records wholly, changed fields of older records
 * field by field (`later` in FixedStamp). A merge between an office on the older sample and one on the
 * newer then takes the newer text, with no conflict, and both hold the same rows. A changed value
 * never keeps its old stamp: two values under one stamp never converge. Stamps stay at the sample's
 * instant, so an office's own edit (stamped by its clock, later) still wins over a sample revision.
 */
import { createHash } from 'node:crypto';
import { insertFixedRecord, type Core, type FixedStamp } from './core';
import { formatHlc } from './hlc';
import type {
  ATTENDEE_SIDES,
  DATE_PRECISIONS,
  MEETING_FORMATS,
  MEETING_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  ORGANIZATION_KINDS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  RecordEntity,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from './schema';
import type { TOPICS } from './partnerships';

export interface SampleSummary {
  organizations: number;
  programmes: number;
  partnerships: number;
  parties: number;
  milestones: number;
  statusHistory: number;
  contacts: number;
  meetings: number;
  /** Links of meetings to the partnerships they concern. */
  meetingPartnerships: number;
  attendees: number;
  tasks: number;
  /** Records actually written by this call (0 when the sample was already loaded). */
  inserted: number;
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/**
 * The source articles, as cited in every record's `source` (and in the notes of contacts and meetings): title,
 * publisher and date as each article's header gives them; what an article does not state is said to be missing.
 */
export const SAMPLE_SOURCES = {
  /** seeds/000 (2014-5-16): Li Keqiang meets Queen Margrethe II; China–Denmark green smart city pilots; MIIT pilot exchange meeting. */
  denmark: '《智慧城市:李克强:做好绿色智慧城市合作试点》，www.bulude.com（广州菱控，文章来源未注明），更新时间2014-05-16',
  /** seeds/001: EU–China Smart City Cooperation launched 2013-11-21; the 15 + 15 pilot cities. */
  pilots: '《中欧智慧城市合作试点启动 我国15城入选》，发布方未注明，12月9日消息（年份未注明）',
  /** seeds/002 (2016-09-30): international smart city cooperation overview (not cited by any record). */
  overview: '《智慧城市:如何加强国际合作?》，百方网，2016-09-30',
  /** seeds/003: 13th China–Northeast Asia Expo: Shenzhen Smart Pole association signs with three Jilin partners. */
  jilin: '第十三届中国—东北亚博览会吉林—深圳智慧城市建设推介会报道（“新闻中心”页，标题与发布方未注明），9月23日（年份未注明）',
  /** seeds/004: Shantou: Andalusia memorandum (2015), Burgas joint statement (2017), smart city demonstration zone. */
  shantou: '《汕头华侨试验区将打造“中欧智慧城市示范区”》，中美创新时报，2017-06-12',
} as const;
type Source = (typeof SAMPLE_SOURCES)[keyof typeof SAMPLE_SOURCES];
const S = SAMPLE_SOURCES;
/** A source as a note's last line. */
const cite = (...sources: Source[]) => sources.map((source) => `来源 / Source：${source}`).join('\n');
/** The notes of a record the office invented around the articles (recent follow-ups, plans): never a fact from them. */
const OFFICE_RECORD = '示例记录：办内跟进，并非新闻报道内容。/ Sample record: an office follow-up, not from the news reports.';

// ---------------------------------------------------------------------------------------------
// Fixed ids and stamps
// ---------------------------------------------------------------------------------------------

export const SAMPLE_ORIGIN = 'sample';
export const SAMPLE_AT = '2024-01-01T00:00:00.000Z';
export const SAMPLE_HLC = formatHlc({ ms: Date.UTC(2024, 0, 1), counter: 0, origin: SAMPLE_ORIGIN });
/**
 * Revision 2 (contacts, meetings, tasks; sources cited as articles): later than SAMPLE_HLC by its counter alone.
 * Not a later instant: a merge refuses a file whose clock is ahead of this computer's, and an office's own edits,
 * stamped by its clock, must still win over what a sample revision changes.
 */
export const SAMPLE_HLC_2 = formatHlc({ ms: Date.UTC(2024, 0, 1), counter: 1, origin: SAMPLE_ORIGIN });

/** A UUID-shaped id (version nibble 8, RFC 9562 variant) derived from a stable key. */
export function sampleId(key: string): string {
  const hex = createHash('sha256').update(`sample:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

interface SampleOrganization {
  key: string;
  zh: string;
  en: string;
  /** Defaults to "zh / en". */
  display?: string;
  local?: string;
  aliases?: string[];
  country: string;
  region?: string;
  kind: OrganizationKind;
  lat: number;
  lon: number;
  notes?: string;
  source: Source;
}

/**
 * The 30 pilot cities of the EU–China Smart City Cooperation, in the order of the list in
 * seeds/001 ("中欧试点城市名单"). Chinese names as in the list (province prefix dropped from
 * nameZh, kept as an alias); EU Chinese names as in the list.
 */
// prettier-ignore
const CHINESE_PILOT_CITIES: Omit<SampleOrganization, 'source' | 'notes'>[] = [
  { key: 'cn-beijing-haidian', zh: '北京市海淀区', en: 'Haidian District, Beijing', display: '海淀区 / Haidian (Beijing)', aliases: ['海淀区', 'Beijing Haidian District'], country: 'CN', region: 'Beijing', kind: 'district', lat: 39.96, lon: 116.3 },
  { key: 'cn-tianjin-binhai', zh: '天津市滨海新区', en: 'Binhai New Area, Tianjin', display: '滨海新区 / Binhai New Area (Tianjin)', aliases: ['滨海新区', 'Tianjin Binhai New Area'], country: 'CN', region: 'Tianjin', kind: 'new_area', lat: 39.03, lon: 117.71 },
  { key: 'cn-shanghai-pudong', zh: '上海市浦东新区', en: 'Pudong New Area, Shanghai', display: '浦东新区 / Pudong New Area (Shanghai)', aliases: ['浦东新区', 'Shanghai Pudong New Area'], country: 'CN', region: 'Shanghai', kind: 'new_area', lat: 31.22, lon: 121.54 },
  { key: 'cn-yangzhou', zh: '扬州市', en: 'Yangzhou', aliases: ['江苏省扬州市', '揚州'], country: 'CN', region: 'Jiangsu', kind: 'city', lat: 32.39, lon: 119.41 },
  { key: 'cn-nantong', zh: '南通市', en: 'Nantong', aliases: ['江苏省南通市'], country: 'CN', region: 'Jiangsu', kind: 'city', lat: 31.98, lon: 120.89 },
  { key: 'cn-huaian', zh: '淮安市', en: "Huai'an", aliases: ['江苏省淮安市', 'Huai’an', 'Huaian'], country: 'CN', region: 'Jiangsu', kind: 'city', lat: 33.61, lon: 119.02 },
  { key: 'cn-ningbo', zh: '宁波市', en: 'Ningbo', aliases: ['浙江省宁波市', '寧波'], country: 'CN', region: 'Zhejiang', kind: 'city', lat: 29.87, lon: 121.55 },
  { key: 'cn-jiaxing', zh: '嘉兴市', en: 'Jiaxing', aliases: ['浙江省嘉兴市', '嘉興'], country: 'CN', region: 'Zhejiang', kind: 'city', lat: 30.75, lon: 120.76 },
  { key: 'cn-zhangzhou', zh: '漳州市', en: 'Zhangzhou', aliases: ['福建省漳州市', 'Chiang-chiu'], country: 'CN', region: 'Fujian', kind: 'city', lat: 24.51, lon: 117.65 },
  { key: 'cn-yantai', zh: '烟台市', en: 'Yantai', aliases: ['山东省烟台市', '煙台', 'Chefoo'], country: 'CN', region: 'Shandong', kind: 'city', lat: 37.46, lon: 121.45 },
  { key: 'cn-guangzhou-nansha', zh: '广州市南沙区', en: 'Nansha District, Guangzhou', display: '南沙区 / Nansha (Guangzhou)', aliases: ['广东省广州市南沙区', '南沙区', 'Guangzhou Nansha District'], country: 'CN', region: 'Guangdong', kind: 'district', lat: 22.8, lon: 113.53 },
  {
    key: 'cn-shenzhen-qianhai',
    zh: '深圳市前海深港合作区',
    en: 'Qianhai Shenzhen–Hong Kong Modern Service Industry Cooperation Zone',
    display: '前海深港合作区 / Qianhai (Shenzhen)',
    aliases: ['广东省深圳市前海深港合作区', '前海深港现代服务业合作区', '前海', 'Qianhai', 'Authority of Qianhai Shenzhen-Hongkong Modern Service Industry Cooperation Zone'],
    country: 'CN', region: 'Guangdong', kind: 'new_area', lat: 22.53, lon: 113.9,
  },
  { key: 'cn-zhuhai-hengqin', zh: '珠海市横琴新区', en: 'Hengqin New Area, Zhuhai', display: '横琴新区 / Hengqin New Area (Zhuhai)', aliases: ['广东省珠海市横琴新区', '横琴新区', '橫琴', 'Zhuhai Hengqin New Area'], country: 'CN', region: 'Guangdong', kind: 'new_area', lat: 22.12, lon: 113.53 },
  { key: 'cn-chengdu', zh: '成都市', en: 'Chengdu', aliases: ['四川省成都市'], country: 'CN', region: 'Sichuan', kind: 'city', lat: 30.57, lon: 104.07 },
  { key: 'cn-korla', zh: '库尔勒市', en: 'Korla', local: 'كورلا', aliases: ['新疆维吾尔族自治区库尔勒市', '新疆维吾尔自治区库尔勒市', 'Kurla'], country: 'CN', region: 'Xinjiang', kind: 'city', lat: 41.76, lon: 86.15 },
];

// prettier-ignore
const EU_PILOT_CITIES: Omit<SampleOrganization, 'source' | 'notes'>[] = [
  { key: 'eu-amsterdam', zh: '阿姆斯特丹', en: 'Amsterdam', local: 'Amsterdam', country: 'NL', region: 'North Holland', kind: 'city', lat: 52.37, lon: 4.9 },
  { key: 'eu-barcelona', zh: '巴塞罗那', en: 'Barcelona', local: 'Barcelona', aliases: ['巴塞隆拿'], country: 'ES', region: 'Catalonia', kind: 'city', lat: 41.39, lon: 2.17 },
  { key: 'eu-bristol', zh: '布里斯托', en: 'Bristol', local: 'Bristol', aliases: ['布里斯托尔'], country: 'GB', region: 'England', kind: 'city', lat: 51.45, lon: -2.59 },
  { key: 'eu-copenhagen', zh: '哥本哈根', en: 'Copenhagen', local: 'København', aliases: ['Kopenhagen'], country: 'DK', region: 'Capital Region of Denmark', kind: 'city', lat: 55.68, lon: 12.57 },
  { key: 'eu-florence-prato', zh: '佛罗伦萨/普拉托', en: 'Florence/Prato', local: 'Firenze/Prato', aliases: ['佛罗伦萨', '普拉托', 'Florence', 'Prato', 'Firenze'], country: 'IT', region: 'Tuscany', kind: 'city', lat: 43.77, lon: 11.26 },
  { key: 'eu-frankfurt', zh: '法兰克福', en: 'Frankfurt', local: 'Frankfurt am Main', country: 'DE', region: 'Hesse', kind: 'city', lat: 50.11, lon: 8.68 },
  { key: 'eu-issy-les-moulineaux', zh: '伊西莱穆', en: 'Issy-les-Moulineaux', local: 'Issy-les-Moulineaux', aliases: ['巴黎伊西莱穆', '伊西莱穆利诺', 'Issy-les-Moulineux, Paris', 'Issy'], country: 'FR', region: 'Île-de-France', kind: 'city', lat: 48.82, lon: 2.27 },
  { key: 'eu-lyon', zh: '里昂', en: 'Lyon', local: 'Lyon', aliases: ['Lyons'], country: 'FR', region: 'Auvergne-Rhône-Alpes', kind: 'city', lat: 45.76, lon: 4.84 },
  { key: 'eu-malmo', zh: '马尔默', en: 'Malmö', local: 'Malmö', aliases: ['Malmo'], country: 'SE', region: 'Skåne', kind: 'city', lat: 55.6, lon: 13.0 },
  { key: 'eu-manchester', zh: '曼彻斯特', en: 'Manchester', local: 'Manchester', country: 'GB', region: 'England', kind: 'city', lat: 53.48, lon: -2.24 },
  { key: 'eu-riga', zh: '里加', en: 'Riga', local: 'Rīga', aliases: ['Рига'], country: 'LV', region: 'Riga', kind: 'city', lat: 56.95, lon: 24.11 },
  { key: 'eu-tallinn', zh: '塔林', en: 'Tallinn', local: 'Tallinn', aliases: ['Таллин', 'Reval'], country: 'EE', region: 'Harju County', kind: 'city', lat: 59.44, lon: 24.75 },
  { key: 'eu-venice', zh: '威尼斯', en: 'Venice', local: 'Venezia', aliases: ['Venesia'], country: 'IT', region: 'Veneto', kind: 'city', lat: 45.44, lon: 12.32 },
  { key: 'eu-vilnius', zh: '维尔纽斯', en: 'Vilnius', local: 'Vilnius', aliases: ['Вильнюс', 'Wilno'], country: 'LT', region: 'Vilnius County', kind: 'city', lat: 54.69, lon: 25.28 },
  { key: 'eu-zagreb', zh: '萨格勒布', en: 'Zagreb', local: 'Zagreb', country: 'HR', region: 'City of Zagreb', kind: 'city', lat: 45.81, lon: 15.98 },
];

const pilotCity =
  (side: 'China' | 'EU') =>
  (city: Omit<SampleOrganization, 'source' | 'notes'>, index: number): SampleOrganization => ({
    ...city,
    notes:
      side === 'China'
        ? `中欧智慧城市合作中方试点城市（名单第 ${index + 1} 号）/ EU–China Smart City Cooperation pilot city, China list no. ${index + 1}`
        : `中欧智慧城市合作欧方试点城市（名单第 ${index + 1} 号）/ EU–China Smart City Cooperation pilot city, EU list no. ${index + 1}`,
    source: S.pilots,
  });

/** Every organization in the sample. */
const ORGANIZATIONS: SampleOrganization[] = [
  ...CHINESE_PILOT_CITIES.map(pilotCity('China')),
  ...EU_PILOT_CITIES.map(pilotCity('EU')),
  // seeds/004: Shantou and its European partners
  {
    key: 'shantou',
    zh: '汕头市',
    en: 'Shantou',
    display: '汕头 / Shantou',
    aliases: ['汕头', '汕頭', 'Шантоу', 'Swatow'],
    country: 'CN',
    region: 'Guangdong',
    kind: 'city',
    lat: 23.35,
    lon: 116.68,
    source: S.shantou,
  },
  {
    key: 'burgas',
    zh: '布尔加斯',
    en: 'Burgas',
    local: 'Бургас',
    aliases: ['布尔加斯市', 'Bourgas'],
    country: 'BG',
    region: 'Burgas Province',
    kind: 'city',
    lat: 42.5,
    lon: 27.47,
    source: S.shantou,
  },
  {
    key: 'andalusia',
    zh: '安达卢西亚',
    en: 'Andalusia',
    local: 'Andalucía',
    aliases: ['安达卢西亚地区', '西班牙安达卢西亚地区', 'Andalucia'],
    country: 'ES',
    region: 'Andalusia',
    kind: 'region',
    lat: 37.46,
    lon: -4.58,
    source: S.shantou,
  },
  {
    key: 'shantou-overseas-chinese-zone',
    zh: '汕头华侨试验区',
    en: 'Shantou Overseas Chinese Economic and Cultural Cooperation Zone',
    display: '汕头华侨试验区 / Shantou Overseas Chinese Zone',
    aliases: ['华侨试验区', '中国华侨试验区', '汕头华侨经济文化合作试验区', 'Shantou Overseas Chinese Zone', 'Shantou Huaqiao Zone'],
    country: 'CN',
    region: 'Guangdong',
    kind: 'new_area',
    lat: 23.35,
    lon: 116.76,
    notes:
      '由华侨试验区管委会管理；东海岸新城可持续总体规划与“中欧智慧城市示范区”所在地。2017年在布鲁塞尔与欧洲议会欧中友好小组代表探讨在试验区建设“欧盟外交官小镇”等项目。',
    source: S.shantou,
  },
  {
    key: 'andalusia-smart-city-alliance',
    zh: '安达卢西亚智慧城市联盟',
    en: 'Andalusia Smart City Alliance',
    local: 'Clúster Andalucía Smart City',
    aliases: ['西班牙安达卢西亚智慧城市联盟', 'Andalucía Smart City', 'Andalusia Smart City Cluster'],
    country: 'ES',
    region: 'Andalusia',
    kind: 'association',
    lat: 37.39,
    lon: -5.98,
    source: S.shantou,
  },
  // seeds/003: Shenzhen Smart Pole association and its three Jilin partners (the seed is in traditional characters)
  {
    key: 'shenzhen-smart-pole-association',
    zh: '深圳市智慧杆产业促进会',
    en: 'Shenzhen Smart Pole Industry Promotion Association',
    display: '深圳市智慧杆产业促进会 / Shenzhen Smart Pole Association',
    aliases: ['深圳市智慧桿產業促進會', '市智慧杆产业促进会', 'Shenzhen Smart Pole Association'],
    country: 'CN',
    region: 'Guangdong',
    kind: 'association',
    lat: 22.54,
    lon: 114.06,
    source: S.jilin,
  },
  {
    key: 'liaoyuan',
    zh: '辽源市',
    en: 'Liaoyuan',
    display: '辽源 / Liaoyuan',
    aliases: ['遼源市', '辽源', '辽源市人民政府', '遼源市人民政府'],
    country: 'CN',
    region: 'Jilin',
    kind: 'city',
    lat: 42.89,
    lon: 125.14,
    source: S.jilin,
  },
  {
    key: 'changchun-new-area',
    zh: '长春新区',
    en: 'Changchun New Area',
    aliases: ['長春新區', '长春新区管委会', '長春新區管委會'],
    country: 'CN',
    region: 'Jilin',
    kind: 'new_area',
    lat: 43.95,
    lon: 125.4,
    source: S.jilin,
  },
  {
    key: 'changchun-jingyue-high-tech-zone',
    zh: '长春净月高新技术产业开发区',
    en: 'Changchun Jingyue High-tech Industrial Development Zone',
    display: '长春净月高新区 / Changchun Jingyue High-tech Zone',
    aliases: ['長春凈月高新技術產業開發區', '長春凈月高新產業開發區', '长春净月高新区', '净月高新区', 'Changchun Jingyue High-tech Zone'],
    country: 'CN',
    region: 'Jilin',
    kind: 'new_area',
    lat: 43.78,
    lon: 125.45,
    source: S.jilin,
  },
  // seeds/000: the China–Denmark green smart city pilots name no cities, only the two countries
  {
    key: 'country-cn',
    zh: '中国',
    en: 'China',
    aliases: ['中华人民共和国', "People's Republic of China"],
    country: 'CN',
    kind: 'country',
    lat: 35.86,
    lon: 104.2,
    source: S.denmark,
  },
  {
    key: 'country-dk',
    zh: '丹麦',
    en: 'Denmark',
    local: 'Danmark',
    aliases: ['丹麦王国', 'Kingdom of Denmark', 'Kongeriget Danmark'],
    country: 'DK',
    kind: 'country',
    lat: 56.26,
    lon: 9.5,
    source: S.denmark,
  },
];

// ---------------------------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------------------------

interface SampleProgramme {
  key: string;
  zh: string;
  en: string;
  startedOn: string | null;
  description: string;
  source: Source;
}

const PROGRAMMES: SampleProgramme[] = [
  {
    key: 'eu-china-smart-city',
    zh: '中欧智慧城市合作',
    en: 'EU–China Smart City Cooperation',
    startedOn: '2013-11-21',
    description:
      '2011年第三次中欧信息技术、电信和信息化对话会议（成都）期间由工信部与欧盟委员会DG CONNECT共同倡议，2013年11月21日正式启动。工信部委托电信研究院与DG CONNECT推进合作，成立中欧绿色智慧城市专家团，中欧各选择15个试点城市，组织撰写中欧智慧城市比较研究报告。\n' +
      'Proposed by MIIT and the European Commission (DG CONNECT) at the 3rd EU–China ICT dialogue (Chengdu, 2011); launched on 21 November 2013 with an expert framework, 15 pilot cities on each side and a comparative study.',
    source: S.pilots,
  },
  {
    key: 'eu-china-regional-policy',
    zh: '中欧区域政策合作',
    en: 'EU–China Regional Policy Cooperation',
    startedOn: null,
    description:
      '中欧区域政策合作高层研讨会（第十一次2016年在汕头，第十二次2017年5月31日在布鲁塞尔）；中国5个试点地区包括天津、武汉、汕头等；国际城镇合作项目支持中欧案例地区结对合作。\n' +
      'High-level seminars on regional policy (11th in Shantou, 2016; 12th in Brussels, 31 May 2017); five Chinese pilot regions including Tianjin, Wuhan and Shantou; the International Urban Cooperation programme pairs EU and Chinese case regions.',
    source: S.shantou,
  },
  {
    key: 'eu-china-urbanisation-partnership',
    zh: '中欧城镇化伙伴关系',
    en: 'EU–China Urbanisation Partnership',
    startedOn: '2012-05',
    description:
      '2012年5月李克强与欧盟委员会主席巴罗佐在布鲁塞尔共同签署《中欧城镇化伙伴关系共同宣言》，每年在欧盟和中国轮流举办中欧城镇化合作论坛，将“绿色智慧城市”作为重要内容。\n' +
      'Joint declaration signed in Brussels in May 2012 by Li Keqiang and José Manuel Barroso; an urbanisation forum held each year, alternately in the EU and in China, with green smart cities as a main theme.',
    source: S.denmark,
  },
];

// ---------------------------------------------------------------------------------------------
// Partnerships, their parties, status and milestones
// ---------------------------------------------------------------------------------------------

type Topic = (typeof TOPICS)[number];

interface SampleMilestone {
  key: string;
  title: string;
  date: string;
  precision: (typeof DATE_PRECISIONS)[number];
  kind: (typeof MILESTONE_KINDS)[number];
  status: (typeof MILESTONE_STATUSES)[number];
  notes: string;
  /** null for the office's own plans. */
  source: Source | null;
  /** The sample revision that added it (default 1). */
  since?: 2;
}

interface SamplePartnership {
  key: string;
  zh: string;
  en: string;
  kind: (typeof PARTNERSHIP_KINDS)[number];
  status: (typeof PARTNERSHIP_STATUSES)[number];
  statusSince: string;
  statusNote: string;
  programme: string | null;
  topics: Topic[];
  summary: string;
  rationale: string | null;
  source: Source;
  /** The office's own review date (revision 2): the dashboard's renewals. */
  reviewOn?: string;
  /** [organization key, role] */
  parties: [string, string][];
  milestones: SampleMilestone[];
}

/** One of the Shenzhen association's three agreements (seeds/003): each Jilin partner signed separately. */
function shenzhenAgreement(partnerKey: string, partnerZh: string, partnerEn: string, signatoryZh: string, signatoryEn: string): SamplePartnership {
  return {
    key: `shenzhen-smart-pole-${partnerKey}`,
    zh: `深圳市智慧杆产业促进会—${partnerZh}智慧城市战略合作`,
    en: `Shenzhen Smart Pole Association – ${partnerEn} smart city strategic cooperation`,
    kind: 'strategic_agreement',
    status: 'active',
    statusSince: '2020-09-23',
    statusNote: '第十三届中国—东北亚博览会期间签署智慧城市战略合作协议 / Agreement signed at the 13th China–Northeast Asia Expo',
    programme: null,
    topics: ['smart_city', 'technology'],
    summary:
      `第十三届中国—东北亚博览会期间的吉林—深圳智慧城市建设推介会（长春南湖宾馆）上，${signatoryZh}与深圳市智慧杆产业促进会签署智慧城市战略合作协议；辽源市人民政府、长春新区管委会和长春净月高新技术产业开发区分别签约。双方将建立战略合作伙伴关系和定向信息交流机制，组织建设项目和产业对接专题活动。\n` +
      `At the Jilin–Shenzhen smart city promotion conference (Nanhu Hotel, Changchun) during the 13th China–Northeast Asia Expo, ${signatoryEn} signed a smart city strategic cooperation agreement with the Shenzhen Smart Pole Industry Promotion Association (one of three separate agreements, with Liaoyuan, Changchun New Area and Changchun Jingyue High-tech Zone): a strategic partnership, a targeted information-exchange mechanism, and project and industry matchmaking events.`,
    rationale:
      '吉林省人民政府副秘书长张凯明：深圳的新型智慧城市建设模式为全国树立了标杆；期待深圳发挥产业、技术、资金、人才等优势，带动吉林数字资源等新型生产要素与产业升级，以新型智慧城市建设助推吉林全面振兴。\n' +
      "Jilin's deputy secretary-general: Shenzhen's smart city model is a national benchmark; Jilin hopes Shenzhen's industry, technology, capital and talent will drive its digital economy and industrial upgrading.",
    source: S.jilin,
    parties: [
      ['shenzhen-smart-pole-association', '签约方 / signatory'],
      [partnerKey, `签约方（${signatoryZh}）/ signatory (${signatoryEn})`],
    ],
    milestones: [
      {
        key: 'agreement-2020',
        title:
          '签署智慧城市战略合作协议（第十三届中国—东北亚博览会，长春）/ Smart city strategic cooperation agreement signed (13th China–Northeast Asia Expo, Changchun)',
        date: '2020-09-23',
        precision: 'day',
        kind: 'agreement',
        status: 'done',
        notes: `“9月23日……在当天下午举行的吉林—深圳智慧城市建设推介会上，吉林辽源市、长春新区、长春净月高新产业开发区与深圳市智慧杆产业促进会签署智慧城市战略合作协议。”（本协议：${signatoryZh}）`,
        source: S.jilin,
      },
    ],
  };
}

const PARTNERSHIPS: SamplePartnership[] = [
  {
    key: 'eu-china-smart-city-pilots',
    zh: '中欧智慧城市合作试点城市',
    en: 'EU–China Smart City Cooperation pilot cities',
    kind: 'pilot_programme',
    status: 'active',
    statusSince: '2013-11-21',
    statusNote: '中欧智慧城市合作正式启动 / Cooperation launched',
    programme: 'eu-china-smart-city',
    topics: ['smart_city', 'urbanization', 'technology'],
    summary:
      '工信部委托电信研究院与欧盟委员会通信网络内容和技术总司（DG CONNECT）推进中欧智慧城市合作，成立中欧绿色智慧城市专家团（expert framework），在中国和欧盟成员国中各选择15个试点城市开展智慧城市合作，组织撰写中欧智慧城市比较研究报告。\n' +
      'MIIT (through the China Academy of Telecommunication Research) and the European Commission (DG CONNECT) run the cooperation: an expert framework, 15 pilot cities in China and 15 in EU member states, and a comparative study of smart cities in the EU and China.',
    rationale:
      '城市化带来人口拥挤、资源短缺、环境污染、交通堵塞等城市病；智慧城市的提出为解决这些问题、实现经济社会和城市的可持续发展提供了一种可能。\n' +
      'Urbanisation brings congestion, resource shortages, pollution and traffic jams; smart cities offer a way to address them and develop sustainably.',
    source: S.pilots,
    parties: [
      ...CHINESE_PILOT_CITIES.map((c): [string, string] => [c.key, '中方试点城市 / pilot city (China)']),
      ...EU_PILOT_CITIES.map((c): [string, string] => [c.key, '欧方试点城市 / pilot city (EU)']),
    ],
    milestones: [
      {
        key: 'proposal-2011',
        title: '第三次中欧信息技术对话（成都）倡议绿色智慧城市合作 / Green smart city cooperation proposed at the 3rd EU–China ICT dialogue (Chengdu)',
        date: '2011',
        precision: 'year',
        kind: 'proposal',
        status: 'done',
        notes:
          '2011年成都举行的第三次中欧信息技术、电信和信息化对话会议期间，工业和信息化部杨学山副部长和欧盟委员会DG CONNECT斯坦奇奇副总司长共同倡议中欧进行绿色智慧城市合作。',
        source: S.pilots,
      },
      {
        key: 'launch-2013',
        title: '中欧智慧城市合作正式启动，中欧各选15个试点城市 / EU–China Smart City Cooperation launched, 15 pilot cities on each side',
        date: '2013-11-21',
        precision: 'day',
        kind: 'launch',
        status: 'done',
        notes:
          '按照第三次中欧信息技术对话会议达成的共识，于2013年11月21日正式启动中欧智慧城市合作（中欧城镇化伙伴关系论坛智慧城市分论坛），在中国和欧盟成员国中各选择15个试点城市。',
        source: S.pilots,
      },
      {
        key: 'exchange-meeting-2014',
        title: '工信部召开中欧绿色智慧城市合作试点交流会议，发布研究报告 / MIIT pilot exchange meeting; research reports released',
        date: '2014',
        precision: 'year',
        kind: 'report',
        status: 'done',
        notes:
          '工业和信息化部召开中欧绿色智慧城市合作试点交流会议，宣布中国绿色智慧城市建设研究报告成果；“已经是选定了中欧有30个试点城市，中欧专家合作撰写的中欧智慧城市比较研究报告也已经初步完成”。（报道更新于2014-5-16，未写明会议日期）',
        source: S.denmark,
      },
    ],
  },
  {
    key: 'shantou-burgas',
    zh: '汕头—布尔加斯项目合作',
    en: 'Shantou–Burgas project cooperation',
    kind: 'project_cooperation',
    status: 'active',
    statusSince: '2017-05-31',
    statusNote: '在布鲁塞尔签署合作联合声明 / Joint statement signed in Brussels',
    programme: 'eu-china-regional-policy',
    topics: ['smart_city', 'smart_transport', 'technology', 'finance', 'energy', 'environment', 'culture_tourism'],
    summary:
      '国际城镇合作项目中欧案例地区合作联合声明：所有城市同意建立国际城镇合作城市网络；合作初期以项目合作为导向的双边合作为主要形式，汕头将与布尔加斯市进行项目合作，领域包括可持续城市发展、交通、智慧城市与技术创新、金融创新、产业升级、低碳发展与能效提升以及人文交流。\n' +
      'Joint statement of the International Urban Cooperation programme (EU–China case regions): a city network; at first, project-oriented bilateral cooperation, Shantou with Burgas, in sustainable urban development, transport, smart city and innovation, financial innovation, industrial upgrading, low carbon and energy efficiency, and people-to-people exchange.',
    rationale:
      '与布尔加斯市开展结对合作，对推进中欧区域深层次合作、促进汕头城市创新发展具有显著的意义和积极的促进作用；根据平等互利、互惠共赢的原则开展务实合作。\n' +
      "Pairing with Burgas deepens EU–China regional cooperation and drives Shantou's innovation; cooperation on the basis of equality and mutual benefit.",
    source: S.shantou,
    reviewOn: '2027-01-29',
    parties: [
      ['shantou', '签约方（副市长林依民）/ signatory (Vice Mayor Lin Yimin)'],
      ['burgas', '签约方（副市长 Ruska Boyadzhieva）/ signatory (Deputy Mayor Ruska Boyadzhieva)'],
    ],
    milestones: [
      {
        key: 'delegation-2017',
        title: '汕头代表团赴欧洲（5月24日至6月2日）/ Shantou delegation to Europe (24 May – 2 June)',
        date: '2017-05-24',
        precision: 'day',
        kind: 'visit',
        status: 'done',
        notes:
          '5月24日至6月2日，由汕头市政府副市长林依民带队，华侨试验区管委会、汕头市外事侨务局和汕头市金融局相关负责人组成的汕头代表团赴欧洲参加第十二次中欧区域政策合作高层研讨会并开展招商宣传推介活动。',
        source: S.shantou,
      },
      {
        key: 'joint-statement-2017',
        title: '在布鲁塞尔签署合作联合声明 / Joint statement signed in Brussels',
        date: '2017-05-31',
        precision: 'day',
        kind: 'joint_statement',
        status: 'done',
        notes:
          '2017年5月31日第十二次中欧区域政策合作高层研讨会期间，在国家发改委副主任胡祖才和欧盟委员会委员科丽娜·克雷楚见证下，汕头市副市长林依民与保加利亚布尔加斯市副市长Ruska Boyadzhieva女士签署合作联合声明。',
        source: S.shantou,
      },
    ],
  },
  {
    key: 'shantou-zone-andalusia-smart-city-alliance',
    zh: '汕头华侨试验区—安达卢西亚智慧城市联盟：中欧智慧城市示范区',
    en: 'Shantou Overseas Chinese Zone – Andalusia Smart City Alliance: EU–China Smart City Demonstration Zone',
    kind: 'project_cooperation',
    status: 'active',
    statusSince: '2016',
    statusNote: '签署智慧城市规划建设务实合作协议 / Practical cooperation agreement signed',
    programme: 'eu-china-regional-policy',
    topics: ['smart_city', 'green_building', 'smart_transport', 'environment', 'urbanization'],
    summary:
      '2016年签署《中国华侨试验区智慧城市规划建设务实合作协议》，启动华侨试验区东海岸新城可持续总体规划和智慧城市建设方面的合作；2017年在西班牙安达卢西亚驻欧盟办事处签署关于共同设计、实施“中欧智慧城市示范区项目”的《项目合作协议书》。下一步在绿色建筑、智慧交通、污水处理、垃圾处理、海绵城市等领域推进示范项目。\n' +
      "2016: practical cooperation agreement on smart city planning and construction (sustainable master plan of the zone's East Coast New Town). 2017: project agreement, signed at Andalusia's office to the EU, to design and build an EU–China Smart City Demonstration Zone. Next: demonstration projects in green building, smart transport, sewage and waste treatment, sponge city.",
    rationale:
      '中欧合作在智慧城市建设方面连续两年取得新进展；重点推进华侨试验区在智慧城市规划、建设、管理等领域与安达卢西亚地区优势企业开展务实合作。\n' +
      "Two years of progress on smart city cooperation; the zone seeks practical cooperation with Andalusia's leading companies in smart city planning, construction and management.",
    source: S.shantou,
    parties: [
      ['shantou-overseas-chinese-zone', '签约方（华侨试验区）/ signatory (the zone)'],
      ['andalusia-smart-city-alliance', '签约方 / signatory'],
    ],
    milestones: [
      {
        key: 'agreement-2016',
        title: '签署《中国华侨试验区智慧城市规划建设务实合作协议》/ Practical cooperation agreement on smart city planning and construction',
        date: '2016',
        precision: 'year',
        kind: 'agreement',
        status: 'done',
        notes:
          '2016年，华侨试验区与安达卢西亚智慧城市联盟签署《中国华侨试验区智慧城市规划建设务实合作协议》，启动华侨试验区东海岸新城可持续总体规划和智慧城市建设方面的合作。',
        source: S.shantou,
      },
      {
        key: 'project-agreement-2017',
        title: '签署“中欧智慧城市示范区项目”《项目合作协议书》/ Project agreement on the EU–China Smart City Demonstration Zone',
        date: '2017',
        precision: 'year',
        kind: 'agreement',
        status: 'done',
        notes:
          '2017年，在西班牙安达卢西亚驻欧盟办事处，华侨试验区与西班牙安达卢西亚智慧城市联盟签署关于共同设计、实施“中欧智慧城市示范区项目”的《项目合作协议书》。',
        source: S.shantou,
      },
      {
        key: 'annual-review-2027',
        title: '示范区合作年度评估（办内计划）/ Annual review of the demonstration-zone cooperation (office plan)',
        date: '2027-02-26',
        precision: 'day',
        kind: 'report',
        status: 'planned',
        notes: `向华侨试验区管委会提交示范项目（绿色建筑、智慧交通、污水处理、垃圾处理、海绵城市）年度进展评估。/ Yearly review of the demonstration projects, for the zone's administrative committee.\n${OFFICE_RECORD}`,
        source: null,
        since: 2,
      },
    ],
  },
  {
    key: 'shantou-andalusia-regional-policy',
    zh: '汕头—安达卢西亚中欧区域政策合作试点',
    en: 'Shantou–Andalusia EU–China regional policy cooperation pilot',
    kind: 'cooperation_mou',
    status: 'active',
    statusSince: '2015-06',
    statusNote: '签署中欧区域政策合作备忘录 / Memorandum signed',
    programme: 'eu-china-regional-policy',
    topics: ['smart_city', 'technology', 'port', 'finance', 'education', 'culture_tourism'],
    summary:
      '2015年6月底，汕头市与西班牙安达卢西亚地区签署中欧区域政策合作备忘录，成为包括天津、武汉等在内的中国5个试点地区之一。《汕头市建设中欧区域政策合作试点地区工作方案（2016—2020年）》明确近期合作重点：智慧城市建设、科技创新与产业转化、港口合作、双向投资与金融合作、社会教育以及文化旅游。\n' +
      "End of June 2015: Shantou and Andalusia signed an EU–China regional policy cooperation memorandum, making Shantou one of five Chinese pilot regions (with Tianjin, Wuhan and others). Shantou's 2016–2020 work plan names smart cities, innovation, port cooperation, investment and finance, education, and culture and tourism.",
    rationale:
      '汕头把中欧区域政策合作作为创新发展和扩大对外开放的重要动力。\n' +
      'Shantou treats EU–China regional policy cooperation as a driver of innovation and opening up.',
    source: S.shantou,
    parties: [
      ['shantou', '中方试点地区 / Chinese pilot region'],
      ['andalusia', '欧方结对地区 / EU partner region'],
    ],
    milestones: [
      {
        key: 'mou-2015',
        title: '签署中欧区域政策合作备忘录 / EU–China regional policy cooperation memorandum signed',
        date: '2015-06',
        precision: 'month',
        kind: 'mou',
        status: 'done',
        notes: '早在2015年6月底，汕头市与西班牙安达卢西亚地区就已签署了中欧区域政策合作备忘录，成为包括天津、武汉等在内的中国5个试点地区之一。',
        source: S.shantou,
      },
      {
        key: 'sme-summit-2015',
        title: '汕头承办中欧（汕头）中小企业科技创新合作峰会 / Shantou hosts the EU–China (Shantou) SME innovation cooperation summit',
        date: '2015',
        precision: 'year',
        kind: 'forum',
        status: 'done',
        notes: '汕头推进与结对城市等地区和相关机构的合作与交流互访，于2015年成功承办了中欧（汕头）中小企业科技创新合作峰会。',
        source: S.shantou,
      },
      {
        key: 'seminar-2016',
        title: '汕头承办第十一次中欧区域政策高层研讨会暨案例地区总结会 / Shantou hosts the 11th EU–China high-level regional policy seminar',
        date: '2016',
        precision: 'year',
        kind: 'forum',
        status: 'done',
        notes: '2016年汕头成功承办第十一次中欧区域政策高层研讨会暨案例地区总结会。',
        source: S.shantou,
      },
    ],
  },
  shenzhenAgreement('liaoyuan', '辽源市', 'Liaoyuan', '辽源市人民政府', "Liaoyuan Municipal People's Government"),
  shenzhenAgreement('changchun-new-area', '长春新区', 'Changchun New Area', '长春新区管委会', 'Changchun New Area Administrative Committee'),
  shenzhenAgreement(
    'changchun-jingyue-high-tech-zone',
    '长春净月高新区',
    'Changchun Jingyue High-tech Zone',
    '长春净月高新技术产业开发区',
    'Changchun Jingyue High-tech Industrial Development Zone',
  ),
  {
    key: 'china-denmark-green-smart-city-pilots',
    zh: '中丹绿色智慧城市合作试点',
    en: 'China–Denmark green smart city pilots',
    kind: 'pilot_programme',
    status: 'negotiating',
    statusSince: '2014',
    statusNote: '李克强会见丹麦女王，提出做好双方试点对接 / Premier Li calls for matching the pilots',
    programme: 'eu-china-urbanisation-partnership',
    topics: ['smart_city', 'energy', 'environment', 'education', 'technology'],
    summary:
      '李克强会见丹麦女王玛格丽特二世时表示，希望中丹加强创新研发、清洁能源、教育文化、生态环保等领域的交流与合作；在中欧城镇化伙伴关系合作框架下，做好双方绿色智慧城市合作试点对接。报道未列出试点城市。\n' +
      'Meeting Queen Margrethe II, Premier Li Keqiang asked for closer cooperation in innovation, clean energy, education and culture and the environment, and for matching Chinese and Danish green smart city pilots under the EU–China Urbanisation Partnership. The report names no pilot cities.',
    rationale: null,
    source: S.denmark,
    parties: [
      ['country-cn', '中方 / Chinese side'],
      ['country-dk', '丹方 / Danish side'],
    ],
    milestones: [
      {
        key: 'state-visit-2014',
        title:
          '李克强会见丹麦女王玛格丽特二世，提出做好中丹绿色智慧城市合作试点对接 / Premier Li Keqiang meets Queen Margrethe II and calls for matching green smart city pilots',
        date: '2014',
        precision: 'year',
        kind: 'visit',
        status: 'done',
        notes:
          '国务院总理李克强25日下午在人民大会堂会见丹麦女王玛格丽特二世……“在中欧城镇化伙伴关系合作框架下，做好双方绿色智慧城市合作试点对接”。（报道更新于2014-5-16；女王“时隔35年再次访问中国”）',
        source: S.denmark,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Contacts: only people the articles name, with the titles they give (as of the article's date)
// ---------------------------------------------------------------------------------------------

interface SampleContact {
  key: string;
  /** "中文名 / Name in Latin letters" where both are sensible. */
  name: string;
  title: string;
  /** Organization key, when the sample has the organization. */
  organization: string | null;
  notes: string;
  source: Source;
}

const CONTACTS: SampleContact[] = [
  {
    key: 'lin-yimin',
    name: '林依民 / Lin Yimin',
    title: '汕头市政府副市长 / Vice Mayor, Shantou Municipal Government',
    organization: 'shantou',
    notes: '2017年5月24日至6月2日带队赴欧洲；5月31日在布鲁塞尔代表汕头市签署合作联合声明。职务据2017年报道。',
    source: S.shantou,
  },
  {
    key: 'ruska-boyadzhieva',
    name: 'Ruska Boyadzhieva',
    title: '布尔加斯市副市长 / Deputy Mayor of Burgas',
    organization: 'burgas',
    notes: '2017年5月31日在布鲁塞尔与汕头市副市长林依民签署合作联合声明。职务据2017年报道。',
    source: S.shantou,
  },
  {
    key: 'hu-zucai',
    name: '胡祖才 / Hu Zucai',
    title: '国家发展改革委副主任 / Vice Chairman, National Development and Reform Commission',
    organization: null,
    notes:
      '2017年5月31日第十二次中欧区域政策合作高层研讨会（布鲁塞尔）上与欧盟委员会委员科丽娜·克雷楚会见，并见证汕头—布尔加斯合作联合声明的签署。职务据2017年报道。',
    source: S.shantou,
  },
  {
    key: 'corina-cretu',
    name: '科丽娜·克雷楚 / Corina Crețu',
    title: '欧盟委员会委员 / Member of the European Commission',
    organization: null,
    notes: '2017年5月31日在布鲁塞尔与胡祖才副主任会见，并见证汕头—布尔加斯合作联合声明的签署。职务据2017年报道。',
    source: S.shantou,
  },
  {
    key: 'yang-xueshan',
    name: '杨学山 / Yang Xueshan',
    title: '工业和信息化部副部长 / Vice Minister of Industry and Information Technology',
    organization: null,
    notes:
      '2011年第三次中欧信息技术、电信和信息化对话会议（成都）期间与欧盟委员会斯坦奇奇副总司长共同倡议中欧绿色智慧城市合作；2014年在中欧绿色智慧城市合作试点交流会议上讲话。职务据报道。',
    source: S.pilots,
  },
  {
    key: 'stancic',
    name: '斯坦奇奇',
    title: '欧盟委员会通信网络内容和技术总司（DG CONNECT）副总司长 / Deputy Director-General, DG CONNECT, European Commission',
    organization: null,
    notes: '2011年与杨学山副部长共同倡议中欧绿色智慧城市合作。另一篇报道作“斯坦齐齐”，职务作“欧盟委员会信息社会和媒体总司副总司长”。',
    source: S.pilots,
  },
  {
    key: 'ai-xuefeng',
    name: '艾学峰 / Ai Xuefeng',
    title: '深圳市委常委、副市长 / Member of the Standing Committee of the CPC Shenzhen Municipal Committee, Vice Mayor of Shenzhen',
    organization: null,
    notes: '率深圳代表团出席第十三届中国—东北亚博览会，在吉林—深圳智慧城市建设推介会上致辞。职务据报道。',
    source: S.jilin,
  },
  {
    key: 'zhang-kaiming',
    name: '张凯明 / Zhang Kaiming',
    title: "吉林省人民政府副秘书长 / Deputy Secretary-General, Jilin Provincial People's Government",
    organization: null,
    notes: '在吉林—深圳智慧城市建设推介会上对深圳代表团表示欢迎并讲话。职务据报道。',
    source: S.jilin,
  },
  {
    key: 'lang-zhanao',
    name: '郎占鳌 / Lang Zhan’ao',
    title: '吉林省住建厅总经济师 / Chief Economist, Jilin Department of Housing and Urban-Rural Development',
    organization: null,
    notes: '在吉林—深圳智慧城市建设推介会上介绍吉林省智慧城市基本情况、发展目标和产业规划。职务据报道。',
    source: S.jilin,
  },
  {
    key: 'wang-bingyan',
    name: '汪炳炎 / Wang Bingyan',
    title: '原深圳市经贸信息委副处长 / Former Deputy Division Director, Shenzhen Economy, Trade and Information Commission',
    organization: null,
    notes: '在吉林—深圳智慧城市建设推介会上发言（5G与信息化新型基础设施）。职务据报道。',
    source: S.jilin,
  },
  {
    key: 'wang-hailong',
    name: '王海龙 / Wang Hailong',
    title: "深圳市人大代表；深圳市智慧杆产业促进会 / Deputy to the Shenzhen Municipal People's Congress; Shenzhen Smart Pole Industry Promotion Association",
    organization: 'shenzhen-smart-pole-association',
    notes: '在吉林—深圳智慧城市建设推介会上分享经验。报道未写明其在促进会的职务。',
    source: S.jilin,
  },
];

// ---------------------------------------------------------------------------------------------
// Meetings: the signings, visits and forums the articles describe, then the office's recent follow-ups
// ---------------------------------------------------------------------------------------------

interface SampleAttendee {
  /** A contact's key, or a typed name (the articles' unnamed officials, the office's own staff). */
  contact?: string;
  name?: string;
  side: (typeof ATTENDEE_SIDES)[number];
  organization?: string;
  organizationName?: string;
  role: string;
  interpreter?: boolean;
}

interface SampleMeeting {
  key: string;
  title: string;
  date: string;
  time?: string;
  location: string | null;
  format: (typeof MEETING_FORMATS)[number];
  kind: (typeof MEETING_KINDS)[number];
  /** Partnership keys, the main one first. */
  partnerships: string[];
  attendees: SampleAttendee[];
  agenda: string;
  summary: string;
  outcomes: string;
  /** The source, or that the office invented it; dates the articles leave open are said so here. */
  notes: string;
}

const MEETINGS: SampleMeeting[] = [
  {
    key: 'eu-china-smart-city-launch-2013',
    title: '中欧城镇化伙伴关系论坛智慧城市分论坛：中欧智慧城市合作启动 / EU–China Urbanisation Partnership Forum, smart city sub-forum: cooperation launched',
    date: '2013-11-21',
    location: '北京 / Beijing',
    format: 'in_person',
    kind: 'forum',
    partnerships: ['eu-china-smart-city-pilots'],
    attendees: [],
    agenda:
      '正式启动中欧智慧城市合作；成立中欧绿色智慧城市专家团；中欧各选择15个试点城市。\n' +
      'Launch of the EU–China Smart City Cooperation; an expert framework; 15 pilot cities on each side.',
    summary:
      '按照第三次中欧信息技术对话会议达成的共识，于2013年11月21日正式启动中欧智慧城市合作。工信部委托工信部电信研究院与欧盟委员会通信网络内容和技术总司（DG CONNECT）推进合作，由部信息化推进司牵头。2013年中欧城镇化伙伴关系论坛在北京召开，中欧双方政府部门、企业和研究机构近1000名代表出席；论坛上双方确定了一批试点城市。\n' +
      'Launched on 21 November 2013, as agreed at the 3rd EU–China ICT dialogue. MIIT, through the China Academy of Telecommunication Research, and DG CONNECT run the cooperation. The 2013 EU–China Urbanisation Partnership Forum in Beijing drew nearly 1,000 participants from government, business and research; the pilot cities were named there.',
    outcomes:
      '中欧各选择15个试点城市（名单见合作关系参与方）；成立中欧绿色智慧城市专家团；下一步撰写中欧智慧城市比较研究报告，全面开展试点城市间的合作。\n' +
      'Fifteen pilot cities on each side (the parties of the partnership); an expert framework; next, a comparative study and cooperation between the pilot cities.',
    notes: `报道未列出具体与会人员。\n${cite(S.pilots, S.denmark)}`,
  },
  {
    key: 'miit-pilot-exchange-2014',
    title: '工信部中欧绿色智慧城市合作试点交流会议 / MIIT exchange meeting on the EU–China green smart city pilots',
    date: '2014-05-16',
    location: null,
    format: 'in_person',
    kind: 'forum',
    partnerships: ['eu-china-smart-city-pilots'],
    attendees: [{ contact: 'yang-xueshan', side: 'third_party', organizationName: '工业和信息化部 / MIIT', role: '讲话 / speech' }],
    agenda:
      '中外政府相关负责人及专家介绍中欧绿色智慧城市合作工作总体情况；宣布中国绿色智慧城市建设研究报告成果；发布中欧智慧城市比较研究报告。\n' +
      'Officials and experts on the state of the cooperation; results of the research report on green smart cities in China; the EU–China comparative study.',
    summary:
      '杨学山副部长表示，智慧城市已成为中欧众多城市的共同选择；2013年11月中欧城镇化伙伴关系论坛期间正式启动了中欧之间的智慧城市合作，已选定中欧30个试点城市，中欧专家合作撰写的比较研究报告已初步完成。他提出，在智慧城市建设中保证国家机密、政府机密的安全是未来发展需着重注意的关键内容。\n' +
      'Vice Minister Yang Xueshan: smart cities are the common choice of many EU and Chinese cities; the cooperation launched in November 2013 has 30 pilot cities, and the comparative study is nearly finished. He stressed protecting state and government secrets in smart city projects.',
    outcomes:
      '宣布中国绿色智慧城市建设研究报告成果；中欧智慧城市比较研究报告初步完成，于会上发布。\n' +
      'Research report results announced; the comparative study, nearly finished, released at the meeting.',
    notes: `会议日期报道未写明：报道（更新时间2014-05-16）称工信部“今天”召开，此处按报道日期记录；地点亦未写明。\nThe report gives no date ("today", in a report updated 2014-05-16) and no place; recorded on the report's date.\n${cite(S.denmark)}`,
  },
  {
    key: 'shantou-andalusia-memorandum-2015',
    title: '汕头市与安达卢西亚地区签署中欧区域政策合作备忘录 / Shantou and Andalusia sign the EU–China regional policy cooperation memorandum',
    date: '2015-06-30',
    location: null,
    format: 'in_person',
    kind: 'signing',
    partnerships: ['shantou-andalusia-regional-policy'],
    attendees: [],
    agenda: '签署中欧区域政策合作备忘录。\nSigning of the EU–China regional policy cooperation memorandum.',
    summary:
      '2015年6月底，汕头市与西班牙安达卢西亚地区签署中欧区域政策合作备忘录。\nAt the end of June 2015 Shantou and the Spanish region of Andalusia signed an EU–China regional policy cooperation memorandum.',
    outcomes:
      '汕头成为包括天津、武汉等在内的中国5个试点地区之一；其后有《汕头市建设中欧区域政策合作试点地区工作方案（2016—2020年）》。\n' +
      "Shantou became one of five Chinese pilot regions (with Tianjin, Wuhan and others); Shantou's 2016–2020 pilot work plan followed.",
    notes: `报道仅称“2015年6月底”，未写明日期、地点与签署人；此处按6月30日记录（里程碑记为2015年6月）。\nThe report says only "end of June 2015"; recorded on 30 June.\n${cite(S.shantou)}`,
  },
  {
    key: 'shantou-delegation-europe-2017',
    title: '汕头代表团赴欧洲（副市长林依民带队，5月24日至6月2日）/ Shantou delegation to Europe led by Vice Mayor Lin Yimin (24 May – 2 June)',
    date: '2017-05-24',
    location: '欧洲（比利时布鲁塞尔等）/ Europe (Brussels, Belgium, and elsewhere)',
    format: 'in_person',
    kind: 'outgoing_delegation',
    partnerships: ['shantou-burgas', 'shantou-andalusia-regional-policy'],
    attendees: [
      { contact: 'lin-yimin', side: 'ours', organization: 'shantou', role: '带队 / head of delegation' },
      {
        name: '华侨试验区管委会相关负责人 / Official of the zone’s administrative committee',
        side: 'ours',
        organization: 'shantou-overseas-chinese-zone',
        role: '代表团成员 / delegation member',
      },
      {
        name: '汕头市外事侨务局相关负责人 / Official of the Shantou Foreign and Overseas Chinese Affairs Bureau',
        side: 'ours',
        organizationName: '汕头市外事侨务局 / Shantou Foreign and Overseas Chinese Affairs Bureau',
        role: '代表团成员 / delegation member',
      },
      {
        name: '汕头市金融局相关负责人 / Official of the Shantou Finance Bureau',
        side: 'ours',
        organizationName: '汕头市金融局 / Shantou Finance Bureau',
        role: '代表团成员 / delegation member',
      },
    ],
    agenda:
      '参加第十二次中欧区域政策合作高层研讨会；开展招商宣传推介活动；拜访中国国际商会和欧盟议会有关机构。\n' +
      'The 12th EU–China High-level Seminar on Regional Policy; investment promotion; calls on the China Chamber of International Commerce and European Parliament bodies.',
    summary:
      '5月24日至6月2日，由汕头市政府副市长林依民带队，华侨试验区管委会、汕头市外事侨务局和汕头市金融局相关负责人组成的汕头代表团赴欧洲参加第十二次中欧区域政策合作高层研讨会并开展招商宣传推介活动。在布鲁塞尔参会期间，代表团还拜访了中国国际商会和欧盟议会有关机构。\n' +
      'From 24 May to 2 June a Shantou delegation led by Vice Mayor Lin Yimin, with officials of the zone, the foreign and overseas Chinese affairs bureau and the finance bureau, attended the 12th seminar and promoted investment. In Brussels it also called on the China Chamber of International Commerce and European Parliament bodies.',
    outcomes:
      '5月31日在布鲁塞尔与布尔加斯市签署合作联合声明（另见签字仪式记录）；与欧洲议会欧中友好小组代表探讨在汕头华侨试验区建设“欧盟外交官小镇”等项目。\n' +
      "Joint statement with Burgas signed in Brussels on 31 May (see the signing); talks with the European Parliament's EU–China Friendship Group on an EU Diplomats' Town in the zone.",
    notes: cite(S.shantou),
  },
  {
    key: 'brussels-joint-statement-2017',
    title:
      '第十二次中欧区域政策合作高层研讨会：汕头—布尔加斯合作联合声明签字仪式 / 12th EU–China Seminar on Regional Policy: Shantou–Burgas joint statement signed',
    date: '2017-05-31',
    location: '比利时布鲁塞尔 / Brussels, Belgium',
    format: 'in_person',
    kind: 'signing',
    partnerships: ['shantou-burgas'],
    attendees: [
      { contact: 'lin-yimin', side: 'ours', organization: 'shantou', role: '签署人 / signatory' },
      { contact: 'ruska-boyadzhieva', side: 'partner', organization: 'burgas', role: '签署人 / signatory' },
      { contact: 'hu-zucai', side: 'third_party', organizationName: '国家发展改革委 / NDRC', role: '见证人 / witness' },
      { contact: 'corina-cretu', side: 'third_party', organizationName: '欧盟委员会 / European Commission', role: '见证人 / witness' },
    ],
    agenda:
      '国际城镇合作项目中欧案例地区合作联合声明签字仪式。\nSigning of the joint statement of the International Urban Cooperation programme (EU–China case regions).',
    summary:
      '第十二次中欧区域政策合作高层研讨会在布鲁塞尔召开。胡祖才副主任与科丽娜·克雷楚委员举行会见，就在国际城镇合作项目的支持下深入推进中欧双方案例地区合作达成共识。签字仪式上，在二人见证下，汕头市副市长林依民代表汕头市与保加利亚布尔加斯市副市长Ruska Boyadzhieva女士签署合作联合声明，双方进行了亲切交谈。\n' +
      'At the 12th seminar in Brussels, NDRC Vice Chairman Hu Zucai and Commissioner Corina Crețu agreed to deepen cooperation between case regions under the International Urban Cooperation programme. Witnessed by both, Vice Mayor Lin Yimin signed the joint statement for Shantou with Deputy Mayor Ruska Boyadzhieva of Burgas.',
    outcomes:
      '所有城市同意建立国际城镇合作城市网络；合作初期以项目合作为导向的双边合作为主要形式，汕头将与布尔加斯市进行项目合作；领域包括可持续城市发展、交通、智慧城市与技术创新、金融创新、产业升级、低碳发展与能效提升以及人文交流。\n' +
      'All cities agreed on an International Urban Cooperation city network; at first, project-oriented bilateral cooperation, Shantou with Burgas, in sustainable urban development, transport, smart city and innovation, financial innovation, industrial upgrading, low carbon and energy efficiency, and people-to-people exchange.',
    notes: cite(S.shantou),
  },
  {
    key: 'jilin-shenzhen-expo-signing-2020',
    title:
      '吉林—深圳智慧城市建设推介会：智慧城市战略合作协议签约（第十三届中国—东北亚博览会）/ Jilin–Shenzhen smart city promotion conference: strategic cooperation agreements signed (13th China–Northeast Asia Expo)',
    date: '2020-09-23',
    location: '吉林省长春市南湖宾馆 / Nanhu Hotel, Changchun, Jilin',
    format: 'in_person',
    kind: 'signing',
    partnerships: ['shenzhen-smart-pole-liaoyuan', 'shenzhen-smart-pole-changchun-new-area', 'shenzhen-smart-pole-changchun-jingyue-high-tech-zone'],
    attendees: [
      { contact: 'ai-xuefeng', side: 'ours', organizationName: '深圳市 / Shenzhen', role: '深圳代表团团长，致辞 / head of the Shenzhen delegation; speech' },
      { contact: 'wang-hailong', side: 'ours', organization: 'shenzhen-smart-pole-association', role: '分享经验 / shared experience' },
      { contact: 'wang-bingyan', side: 'ours', organizationName: '深圳市 / Shenzhen', role: '发言 / spoke' },
      { contact: 'zhang-kaiming', side: 'partner', organizationName: '吉林省人民政府 / Jilin Provincial Government', role: '致欢迎辞 / welcome address' },
      {
        contact: 'lang-zhanao',
        side: 'partner',
        organizationName: '吉林省住建厅 / Jilin Department of Housing',
        role: '介绍吉林省智慧城市情况 / presented Jilin’s smart city plans',
      },
    ],
    agenda:
      '分享深圳智慧城市建设创新经验，宣传推广智慧城市产业标准；专题分享（国家新基建5G+政策、智慧城市核心平台、智慧杆的作用）；圆桌讨论“数字化转型推进智慧城市建设”；签署智慧城市战略合作协议。\n' +
      "Shenzhen's smart city experience and industry standards; talks on 5G+ new infrastructure policy, core city platforms and smart poles; a round table on digital transformation; signing of the agreements.",
    summary:
      '9月23日下午，深圳代表团在长春市南湖宾馆举办吉林—深圳智慧城市建设推介会，由深圳市贸促委、吉林省贸促会和吉林驻深办共同主办，深圳市智慧杆产业促进会承办；30多家深企和100多位吉林当地政府官员、专家学者、机构代表、企业家参加。张凯明对深圳代表团表示欢迎；艾学峰致辞；郎占鳌介绍吉林省智慧城市基本情况、发展目标和产业规划；汪炳炎、王海龙发言。\n' +
      'On the afternoon of 23 September the Shenzhen delegation held the conference at the Nanhu Hotel, Changchun (hosts: Shenzhen and Jilin trade promotion councils and Jilin’s Shenzhen office; organizer: the association), with more than 30 Shenzhen companies and over 100 Jilin officials, experts and business people.',
    outcomes:
      '辽源市人民政府、长春新区管委会和长春净月高新技术产业开发区分别与深圳市智慧杆产业促进会签订智慧城市战略合作协议；双方将建立战略合作伙伴关系和定向信息交流机制，组织建设项目和产业对接专题活动。\n' +
      'Liaoyuan, Changchun New Area and Changchun Jingyue High-tech Zone each signed a smart city strategic cooperation agreement with the association: a strategic partnership, a targeted information-exchange mechanism, project and industry matchmaking events.',
    notes: `报道写“当天下午”，未写明具体时间。\n${cite(S.jilin)}`,
  },
  // The office's own follow-ups (invented, plainly marked): the articles say nothing about them.
  {
    key: 'burgas-video-call-2026-10',
    title: '与布尔加斯市政府视频会议：项目合作进展 / Burgas municipality video call: progress of the project cooperation',
    date: '2026-10-20',
    time: '15:00',
    location: null,
    format: 'video',
    kind: 'working_meeting',
    partnerships: ['shantou-burgas'],
    attendees: [
      { name: '欧洲处经办人 / Europe Division desk officer', side: 'ours', role: '主持 / chair' },
      { name: '英语翻译 / English interpreter', side: 'ours', role: '翻译 / interpreter', interpreter: true },
      {
        name: '布尔加斯市政府国际合作部门代表 / Burgas municipality, international cooperation staff',
        side: 'partner',
        organization: 'burgas',
        role: '对口联系人 / counterpart',
      },
    ],
    agenda:
      '回顾2017年联合声明确定的合作领域；交流双方项目进展；商议回访与合作评估安排。\n' +
      'The fields named in the 2017 joint statement; progress on each side; a return visit and the review of the cooperation.',
    summary: '双方交流了项目合作进展，商定保持定期视频联系。\nBoth sides exchanged news of their projects and agreed to keep in touch by regular video calls.',
    outcomes:
      '我方发送中英文会议纪要；研究回访时间；在评估日期（2027-01-29）前完成合作评估。\n' +
      'We send the minutes in Chinese and English, propose dates for a return visit, and complete the review before 29 January 2027.',
    notes: OFFICE_RECORD,
  },
  {
    key: 'zone-demonstration-working-meeting-2026-11',
    title: '与华侨试验区管委会工作会议：中欧智慧城市示范区 / Working meeting with the zone on the EU–China Smart City Demonstration Zone',
    date: '2026-11-18',
    time: '09:30',
    location: '汕头华侨试验区管委会 / Shantou Overseas Chinese Zone administrative committee',
    format: 'in_person',
    kind: 'working_meeting',
    partnerships: ['shantou-zone-andalusia-smart-city-alliance'],
    attendees: [
      { name: '欧洲处经办人 / Europe Division desk officer', side: 'ours', role: '记录 / minutes' },
      {
        name: '华侨试验区管委会经办人 / Officer of the zone’s administrative committee',
        side: 'partner',
        organization: 'shantou-overseas-chinese-zone',
        role: '介绍进展 / progress report',
      },
    ],
    agenda:
      '示范项目（绿色建筑、智慧交通、污水处理、垃圾处理、海绵城市）进展；与安达卢西亚智慧城市联盟的沟通安排；年度评估。\n' +
      'Progress of the demonstration projects (green building, smart transport, sewage and waste treatment, sponge city); contact with the Andalusia Smart City Alliance; the yearly review.',
    summary:
      '试验区介绍了各示范项目进展，双方商定年度评估的分工。\nThe zone reported on each demonstration project; both sides divided the work of the yearly review.',
    outcomes:
      '我方汇总各示范项目进展并译成英文供安达卢西亚方参阅；起草年度评估。\n' +
      'We compile the progress of each project, translate a summary for the Andalusian side, and draft the yearly review.',
    notes: OFFICE_RECORD,
  },
  {
    key: 'smart-pole-association-call-2026-11',
    title: '与深圳市智慧杆产业促进会电话会议：长春两地合作对接 / Phone call with the Shenzhen Smart Pole association on the Changchun agreements',
    date: '2026-11-25',
    time: '10:00',
    location: null,
    format: 'phone',
    kind: 'working_meeting',
    partnerships: ['shenzhen-smart-pole-changchun-new-area', 'shenzhen-smart-pole-changchun-jingyue-high-tech-zone'],
    attendees: [
      { name: '国内合作处经办人 / Domestic Cooperation Division desk officer', side: 'ours', role: '联系人 / contact' },
      {
        name: '深圳市智慧杆产业促进会秘书处 / Secretariat of the Shenzhen Smart Pole association',
        side: 'partner',
        organization: 'shenzhen-smart-pole-association',
        role: '对口联系人 / counterpart',
      },
    ],
    agenda:
      '定向信息交流机制的联系人更新；项目和产业对接专题活动安排。\nUpdating the contacts of the information-exchange mechanism; dates of the matchmaking events.',
    summary: '双方核对了信息交流联系人，初步讨论了对接活动的时间。\nBoth sides checked the contact list and discussed dates for the matchmaking events.',
    outcomes:
      '我方本周内发送更新后的联系人名单；与两地商定对接活动时间。\nWe send the updated contact list this week and agree dates with both Changchun partners.',
    notes: OFFICE_RECORD,
  },
];

// ---------------------------------------------------------------------------------------------
// Tasks: the follow-ups an office keeps (invented, plausible; none states a fact about a person)
// ---------------------------------------------------------------------------------------------

const EUROPE_DIVISION = '欧洲处 / Europe Division';
const DOMESTIC_DIVISION = '国内合作处 / Domestic Cooperation Division';
const GENERAL_OFFICE = '综合处 / General Office';

interface SampleTask {
  key: string;
  title: string;
  details?: string;
  dueOn: string;
  assignee: string;
  status: (typeof TASK_STATUSES)[number];
  priority: (typeof TASK_PRIORITIES)[number];
  partnership: string;
  meeting?: string;
  /** When a done task was done (ISO instant). */
  doneAt?: string;
}

const TASKS: SampleTask[] = [
  // Follow-ups of the meetings the articles describe: long done.
  {
    key: 'launch-2013:circulate-pilot-list',
    title: '向本市相关部门通报中欧智慧城市合作试点城市名单 / Circulate the list of the 30 pilot cities to the city’s departments',
    dueOn: '2013-12-13',
    assignee: GENERAL_OFFICE,
    status: 'done',
    priority: 'normal',
    partnership: 'eu-china-smart-city-pilots',
    meeting: 'eu-china-smart-city-launch-2013',
    doneAt: '2013-12-12T08:00:00.000Z',
  },
  {
    key: 'miit-2014:forward-study',
    title: '转发中欧智慧城市比较研究报告 / Forward the EU–China comparative study of smart cities',
    dueOn: '2014-05-30',
    assignee: GENERAL_OFFICE,
    status: 'done',
    priority: 'normal',
    partnership: 'eu-china-smart-city-pilots',
    meeting: 'miit-pilot-exchange-2014',
    doneAt: '2014-05-28T08:00:00.000Z',
  },
  {
    key: 'memorandum-2015:work-plan',
    title: '跟进《汕头市建设中欧区域政策合作试点地区工作方案（2016—2020年）》 / Follow up the 2016–2020 pilot region work plan',
    dueOn: '2015-12-31',
    assignee: EUROPE_DIVISION,
    status: 'done',
    priority: 'normal',
    partnership: 'shantou-andalusia-regional-policy',
    meeting: 'shantou-andalusia-memorandum-2015',
    doneAt: '2015-12-21T08:00:00.000Z',
  },
  {
    key: 'delegation-2017:trip-report',
    title: '撰写出访欧洲总结报告 / Write the report on the Europe trip',
    dueOn: '2017-06-09',
    assignee: EUROPE_DIVISION,
    status: 'done',
    priority: 'high',
    partnership: 'shantou-burgas',
    meeting: 'shantou-delegation-europe-2017',
    doneAt: '2017-06-08T08:00:00.000Z',
  },
  {
    key: 'delegation-2017:diplomats-town',
    title: '向华侨试验区管委会了解“欧盟外交官小镇”项目的申请要求 / Ask the zone for the EU Diplomats’ Town application requirements',
    dueOn: '2017-07-14',
    assignee: EUROPE_DIVISION,
    status: 'done',
    priority: 'normal',
    partnership: 'shantou-andalusia-regional-policy',
    meeting: 'shantou-delegation-europe-2017',
    doneAt: '2017-07-10T08:00:00.000Z',
  },
  {
    key: 'joint-statement-2017:thank-you-letter',
    title: '向布尔加斯市政府致感谢函 / Thank-you letter to Burgas municipality',
    dueOn: '2017-06-16',
    assignee: EUROPE_DIVISION,
    status: 'done',
    priority: 'normal',
    partnership: 'shantou-burgas',
    meeting: 'brussels-joint-statement-2017',
    doneAt: '2017-06-14T08:00:00.000Z',
  },
  {
    key: 'joint-statement-2017:file-statement',
    title: '联合声明文本存档 / File the signed joint statement',
    dueOn: '2017-06-16',
    assignee: GENERAL_OFFICE,
    status: 'done',
    priority: 'normal',
    partnership: 'shantou-burgas',
    meeting: 'brussels-joint-statement-2017',
    doneAt: '2017-06-12T08:00:00.000Z',
  },
  {
    key: 'expo-2020:file-agreements',
    title: '三份智慧城市战略合作协议文本存档 / File the three signed strategic cooperation agreements',
    dueOn: '2020-09-30',
    assignee: GENERAL_OFFICE,
    status: 'done',
    priority: 'normal',
    partnership: 'shenzhen-smart-pole-liaoyuan',
    meeting: 'jilin-shenzhen-expo-signing-2020',
    doneAt: '2020-09-29T08:00:00.000Z',
  },
  {
    key: 'expo-2020:contact-list',
    title: '建立定向信息交流机制联系人名单 / Set up the contact list of the targeted information-exchange mechanism',
    dueOn: '2020-10-30',
    assignee: DOMESTIC_DIVISION,
    status: 'done',
    priority: 'normal',
    partnership: 'shenzhen-smart-pole-changchun-new-area',
    meeting: 'jilin-shenzhen-expo-signing-2020',
    doneAt: '2020-10-28T08:00:00.000Z',
  },
  // Follow-ups of the recent calls and meetings: some done, some overdue, some due soon (as of December 2026).
  {
    key: 'burgas-call-2026:minutes',
    title: '向布尔加斯方发送视频会议纪要（中英文）/ Send Burgas the minutes of the call (Chinese and English)',
    dueOn: '2026-10-27',
    assignee: EUROPE_DIVISION,
    status: 'done',
    priority: 'normal',
    partnership: 'shantou-burgas',
    meeting: 'burgas-video-call-2026-10',
    doneAt: '2026-10-26T08:00:00.000Z',
  },
  {
    key: 'burgas-call-2026:return-visit',
    title: '研究布尔加斯代表团回访时间并报领导 / Propose dates for a return visit by a Burgas delegation',
    details: '含接待方案初稿与经费预估。/ With a draft programme and a cost estimate.',
    dueOn: '2026-11-20',
    assignee: EUROPE_DIVISION,
    status: 'open',
    priority: 'high',
    partnership: 'shantou-burgas',
    meeting: 'burgas-video-call-2026-10',
  },
  {
    key: 'burgas-call-2026:review',
    title: '准备汕头—布尔加斯合作评估材料 / Prepare the review of the Shantou–Burgas cooperation',
    details: '评估日期2027-01-29：逐项回顾联合声明所列合作领域的进展。/ Review date 29 January 2027: progress in each field of the joint statement.',
    dueOn: '2027-01-15',
    assignee: EUROPE_DIVISION,
    status: 'in_progress',
    priority: 'high',
    partnership: 'shantou-burgas',
    meeting: 'burgas-video-call-2026-10',
  },
  {
    key: 'zone-2026:project-progress',
    title: '汇总示范项目进展（绿色建筑、智慧交通、污水处理、垃圾处理、海绵城市）/ Compile the progress of the demonstration projects',
    dueOn: '2026-11-30',
    assignee: EUROPE_DIVISION,
    status: 'in_progress',
    priority: 'normal',
    partnership: 'shantou-zone-andalusia-smart-city-alliance',
    meeting: 'zone-demonstration-working-meeting-2026-11',
  },
  {
    key: 'zone-2026:translate-summary',
    title: '将示范区进展摘要译成英文，供安达卢西亚智慧城市联盟参阅 / Translate the progress summary into English for the Andalusia Smart City Alliance',
    dueOn: '2026-12-11',
    assignee: EUROPE_DIVISION,
    status: 'open',
    priority: 'normal',
    partnership: 'shantou-zone-andalusia-smart-city-alliance',
    meeting: 'zone-demonstration-working-meeting-2026-11',
  },
  {
    key: 'zone-2026:annual-review',
    title: '起草示范区合作年度评估 / Draft the yearly review of the demonstration-zone cooperation',
    dueOn: '2027-02-19',
    assignee: EUROPE_DIVISION,
    status: 'open',
    priority: 'normal',
    partnership: 'shantou-zone-andalusia-smart-city-alliance',
    meeting: 'zone-demonstration-working-meeting-2026-11',
  },
  {
    key: 'association-call-2026:contact-list',
    title: '向促进会发送更新后的信息交流联系人名单 / Send the updated contact list to the association',
    dueOn: '2026-12-04',
    assignee: DOMESTIC_DIVISION,
    status: 'open',
    priority: 'normal',
    partnership: 'shenzhen-smart-pole-changchun-new-area',
    meeting: 'smart-pole-association-call-2026-11',
  },
  {
    key: 'association-call-2026:matchmaking-dates',
    title: '与长春新区、净月高新区商定产业对接活动时间 / Agree dates for the matchmaking events with Changchun New Area and Jingyue',
    dueOn: '2027-01-22',
    assignee: DOMESTIC_DIVISION,
    status: 'open',
    priority: 'normal',
    partnership: 'shenzhen-smart-pole-changchun-jingyue-high-tech-zone',
    meeting: 'smart-pole-association-call-2026-11',
  },
  // Tasks of partnerships that have gone quiet.
  {
    key: 'liaoyuan:check-in',
    title: '联系辽源市了解战略合作协议执行情况 / Check with Liaoyuan how the strategic cooperation agreement is going',
    dueOn: '2026-11-27',
    assignee: DOMESTIC_DIVISION,
    status: 'open',
    priority: 'normal',
    partnership: 'shenzhen-smart-pole-liaoyuan',
  },
  {
    key: 'regional-policy:archive',
    title: '整理中欧区域政策合作试点资料并归档 / Sort and archive the files of the EU–China regional policy pilot',
    dueOn: '2026-11-13',
    assignee: GENERAL_OFFICE,
    status: 'open',
    priority: 'low',
    partnership: 'shantou-andalusia-regional-policy',
  },
  {
    key: 'pilots:contact-channels',
    title: '核对30个试点城市的联系渠道 / Check the contact channels of the 30 pilot cities',
    dueOn: '2026-12-18',
    assignee: GENERAL_OFFICE,
    status: 'open',
    priority: 'low',
    partnership: 'eu-china-smart-city-pilots',
  },
  {
    key: 'denmark:pilot-matching',
    title: '了解中丹绿色智慧城市合作试点对接进展 / Find out where the China–Denmark pilot matching stands',
    dueOn: '2027-01-08',
    assignee: EUROPE_DIVISION,
    status: 'open',
    priority: 'low',
    partnership: 'china-denmark-green-smart-city-pilots',
  },
];

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/** One sample record as it is inserted: its table, stable key, values and fixed stamps. */
export interface SampleRecord {
  entity: RecordEntity;
  key: string;
  values: Record<string, unknown>;
  stamp: FixedStamp;
}

/**
 * The stamps of a record: revision 1 at SAMPLE_HLC, with `revised` (its fields revision 2 changed) at SAMPLE_HLC_2;
 * a record revision 2 added, at SAMPLE_HLC_2. `order` spaces created_at by seconds where a list shows rows by it
 * (a meeting's attendees and partnerships): the order they are declared in, not the order of their ids.
 */
function stampFor(key: string, since: 1 | 2, revised: readonly string[] = [], order = 0): FixedStamp {
  const at = order === 0 ? SAMPLE_AT : new Date(Date.parse(SAMPLE_AT) + order * 1000).toISOString();
  const stamp: FixedStamp = { id: sampleId(key), hlc: since === 1 ? SAMPLE_HLC : SAMPLE_HLC_2, origin: SAMPLE_ORIGIN, at };
  return since === 1 && revised.length > 0 ? { ...stamp, later: { hlc: SAMPLE_HLC_2, at, fields: revised } } : stamp;
}

/** Revision 2 cites articles instead of files: every first-revision record with a source has it revised. */
const REVISED_SOURCE = ['source'] as const;

/** The sample as rows to insert, parents before children, each with its stable key and stamps. */
export function sampleRecords(): SampleRecord[] {
  const rows: SampleRecord[] = [];
  const push = (entity: RecordEntity, key: string, values: Record<string, unknown>, stamp: FixedStamp) => rows.push({ entity, key, values, stamp });
  const orgId = new Map<string, string>();
  const organization = (key: string, where: string) => {
    const id = orgId.get(key);
    if (!id) throw new Error(`sample ${where}: unknown organization ${key}`);
    return id;
  };
  for (const o of ORGANIZATIONS) {
    const key = `organizations:${o.key}`;
    orgId.set(o.key, sampleId(key));
    push(
      'organizations',
      key,
      {
        displayName: o.display ?? `${o.zh} / ${o.en}`,
        nameZh: o.zh,
        nameEn: o.en,
        nameLocal: o.local ?? null,
        aliases: JSON.stringify(o.aliases ?? []),
        country: o.country,
        region: o.region ?? null,
        kind: o.kind,
        latitude: o.lat,
        longitude: o.lon,
        notes: o.notes ?? null,
        source: o.source,
      },
      stampFor(key, 1, REVISED_SOURCE),
    );
  }
  const programmeId = new Map<string, string>();
  for (const p of PROGRAMMES) {
    const key = `programmes:${p.key}`;
    programmeId.set(p.key, sampleId(key));
    push(
      'programmes',
      key,
      { nameZh: p.zh, nameEn: p.en, startedOn: p.startedOn, endedOn: null, description: p.description, source: p.source },
      stampFor(key, 1, REVISED_SOURCE),
    );
  }
  const partnershipId = new Map<string, string>();
  for (const p of PARTNERSHIPS) {
    const key = `partnerships:${p.key}`;
    const id = sampleId(key);
    partnershipId.set(p.key, id);
    const programme = p.programme === null ? null : programmeId.get(p.programme);
    if (programme === undefined) throw new Error(`sample partnership ${p.key}: unknown programme ${String(p.programme)}`);
    push(
      'partnerships',
      key,
      {
        title: `${p.zh} / ${p.en}`,
        titleZh: p.zh,
        titleEn: p.en,
        kind: p.kind,
        status: p.status,
        statusSince: p.statusSince,
        programmeId: programme,
        topics: JSON.stringify(p.topics),
        owner: null,
        summary: p.summary,
        rationale: p.rationale,
        termStart: null,
        termEnd: null,
        reviewOn: p.reviewOn ?? null,
        source: p.source,
      },
      stampFor(key, 1, p.reviewOn ? [...REVISED_SOURCE, 'reviewOn'] : REVISED_SOURCE),
    );
    for (const [orgKey, role] of p.parties) {
      const partyKey = `partnershipParties:${p.key}:${orgKey}`;
      push('partnershipParties', partyKey, { partnershipId: id, organizationId: organization(orgKey, `partnership ${p.key}`), role }, stampFor(partyKey, 1));
    }
    const historyKey = `partnershipStatusHistory:${p.key}:initial`;
    push(
      'partnershipStatusHistory',
      historyKey,
      { partnershipId: id, status: p.status, startedOn: p.statusSince, note: p.statusNote },
      stampFor(historyKey, 1),
    );
    for (const m of p.milestones) {
      const milestoneKey = `milestones:${p.key}:${m.key}`;
      push(
        'milestones',
        milestoneKey,
        {
          partnershipId: id,
          title: m.title,
          date: m.date,
          datePrecision: m.precision,
          kind: m.kind,
          status: m.status,
          source: m.source,
          notes: m.notes,
        },
        m.since === 2 ? stampFor(milestoneKey, 2) : stampFor(milestoneKey, 1, REVISED_SOURCE),
      );
    }
  }
  const partnership = (key: string, where: string) => {
    const id = partnershipId.get(key);
    if (!id) throw new Error(`sample ${where}: unknown partnership ${key}`);
    return id;
  };
  // Revision 2: contacts, meetings (their partnerships and attendees) and tasks.
  const contactId = new Map<string, string>();
  for (const c of CONTACTS) {
    const key = `contacts:${c.key}`;
    contactId.set(c.key, sampleId(key));
    push(
      'contacts',
      key,
      {
        name: c.name,
        title: c.title,
        organizationId: c.organization === null ? null : organization(c.organization, `contact ${c.key}`),
        email: null,
        phone: null,
        notes: `${c.notes}\n${cite(c.source)}`,
      },
      stampFor(key, 2),
    );
  }
  const meetingId = new Map<string, string>();
  for (const m of MEETINGS) {
    const key = `meetings:${m.key}`;
    const id = sampleId(key);
    meetingId.set(m.key, id);
    push(
      'meetings',
      key,
      {
        title: m.title,
        date: m.date,
        time: m.time ?? null,
        location: m.location,
        format: m.format,
        kind: m.kind,
        agenda: m.agenda,
        summary: m.summary,
        outcomes: m.outcomes,
        gifts: null,
        notes: m.notes,
      },
      stampFor(key, 2),
    );
    m.partnerships.forEach((p, index) => {
      const linkKey = `meetingPartnerships:${m.key}:${p}`;
      push('meetingPartnerships', linkKey, { meetingId: id, partnershipId: partnership(p, `meeting ${m.key}`) }, stampFor(linkKey, 2, [], index));
    });
    m.attendees.forEach((a, index) => {
      const who = a.contact ?? a.name;
      if (!who) throw new Error(`sample meeting ${m.key}: an attendee without contact or name`);
      const contact = a.contact === undefined ? null : contactId.get(a.contact);
      if (contact === undefined) throw new Error(`sample meeting ${m.key}: unknown contact ${String(a.contact)}`);
      const attendeeKey = `meetingAttendees:${m.key}:${who}`;
      push(
        'meetingAttendees',
        attendeeKey,
        {
          meetingId: id,
          contactId: contact,
          name: a.name ?? null,
          side: a.side,
          organizationId: a.organization === undefined ? null : organization(a.organization, `meeting ${m.key}`),
          organizationName: a.organizationName ?? null,
          role: a.role,
          isInterpreter: a.interpreter ?? false,
        },
        stampFor(attendeeKey, 2, [], index),
      );
    });
  }
  for (const t of TASKS) {
    const key = `tasks:${t.key}`;
    const meeting = t.meeting === undefined ? null : meetingId.get(t.meeting);
    if (meeting === undefined) throw new Error(`sample task ${t.key}: unknown meeting ${String(t.meeting)}`);
    if ((t.status === 'done') !== (t.doneAt !== undefined)) throw new Error(`sample task ${t.key}: done_at goes with status done`);
    push(
      'tasks',
      key,
      {
        title: t.title,
        details: t.details ?? null,
        dueOn: t.dueOn,
        assignee: t.assignee,
        status: t.status,
        priority: t.priority,
        partnershipId: partnership(t.partnership, `task ${t.key}`),
        meetingId: meeting,
        doneAt: t.doneAt ?? null,
      },
      stampFor(key, 2),
    );
  }
  return rows;
}

/**
 * Insert the sample records (fixed ids and stamps) in one transaction (a savepoint when the
 * caller already holds one). Records already present are left as they are.
 */
export function loadSampleData(core: Core): SampleSummary {
  const rows = sampleRecords();
  const count = (entity: RecordEntity) => rows.filter((r) => r.entity === entity).length;
  const inserted = core.sqlite.transaction(() => {
    let n = 0;
    for (const row of rows) if (insertFixedRecord(core, row.entity, row.values, row.stamp)) n += 1;
    return n;
  })();
  return {
    organizations: count('organizations'),
    programmes: count('programmes'),
    partnerships: count('partnerships'),
    parties: count('partnershipParties'),
    milestones: count('milestones'),
    statusHistory: count('partnershipStatusHistory'),
    contacts: count('contacts'),
    meetings: count('meetings'),
    meetingPartnerships: count('meetingPartnerships'),
    attendees: count('meetingAttendees'),
    tasks: count('tasks'),
    inserted,
  };
}

/**
 * Sample data, built from the news reports in ../shared/seeds/ (each record names its source file).
 *
 * Everything is inserted with `insertFixedRecord`: ids are derived from stable keys and every
 * stamp is fixed, so two offices that load the sample hold byte-identical rows and a merge
 * between them changes nothing; loading it a second time inserts nothing.
 *
 * The data is declared in the tables below (one entry per organization, programme,
 * partnership and milestone); `loadSampleData` only walks them.
 *
 * Ids are part of the data: never rename a key, or a database that loaded an older sample
 * gets a second copy of the record on merge.
 */
import { createHash } from 'node:crypto';
import { insertFixedRecord, type Core, type FixedStamp } from './core';
import { formatHlc } from './hlc';
import type { DATE_PRECISIONS, MILESTONE_KINDS, MILESTONE_STATUSES, ORGANIZATION_KINDS, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, RecordEntity } from './schema';
import type { TOPICS } from './partnerships';

export interface SampleSummary {
  organizations: number;
  programmes: number;
  partnerships: number;
  parties: number;
  milestones: number;
  statusHistory: number;
  /** Records actually written by this call (0 when the sample was already loaded). */
  inserted: number;
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/** The seed files, as cited in every record's `source`. */
export const SAMPLE_SOURCES = {
  /** 2014-5-16: Li Keqiang meets Queen Margrethe II; China–Denmark green smart city pilots; MIIT pilot exchange meeting. */
  denmark: 'seeds/000_cc4e40b42eb86bc6.txt',
  /** EU–China Smart City Cooperation launched 2013-11-21; the 15 + 15 pilot cities. */
  pilots: 'seeds/001_46ffafe0d0dd4aba.txt',
  /** 2016-09-30: international smart city cooperation overview (not cited by any record). */
  overview: 'seeds/002_6c20c154254405fc.txt',
  /** 13th China–Northeast Asia Expo: Shenzhen Smart Pole association signs with three Jilin partners. */
  jilin: 'seeds/003_ae25e0414212cda6.txt',
  /** Shantou: Andalusia memorandum (2015), Burgas joint statement (2017), smart city demonstration zone. */
  shantou: 'seeds/004_0e8f8152ddc64cc8.txt',
} as const;
type Source = (typeof SAMPLE_SOURCES)[keyof typeof SAMPLE_SOURCES];
const S = SAMPLE_SOURCES;

// ---------------------------------------------------------------------------------------------
// Fixed ids and stamps
// ---------------------------------------------------------------------------------------------

export const SAMPLE_ORIGIN = 'sample';
export const SAMPLE_AT = '2024-01-01T00:00:00.000Z';
export const SAMPLE_HLC = formatHlc({ ms: Date.UTC(2024, 0, 1), counter: 0, origin: SAMPLE_ORIGIN });

/** A UUID-shaped id (version nibble 8, RFC 9562 variant) derived from a stable key. */
export function sampleId(key: string): string {
  const hex = createHash('sha256').update(`sample:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const stampFor = (key: string): FixedStamp => ({ id: sampleId(key), hlc: SAMPLE_HLC, origin: SAMPLE_ORIGIN, at: SAMPLE_AT });

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
  source: Source;
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
// Loading
// ---------------------------------------------------------------------------------------------

/** The sample as rows to insert, parents before children, each with its stable key. */
function sampleRows(): { entity: RecordEntity; key: string; values: Record<string, unknown> }[] {
  const rows: { entity: RecordEntity; key: string; values: Record<string, unknown> }[] = [];
  const orgId = new Map<string, string>();
  for (const o of ORGANIZATIONS) {
    const key = `organizations:${o.key}`;
    orgId.set(o.key, sampleId(key));
    rows.push({
      entity: 'organizations',
      key,
      values: {
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
    });
  }
  const programmeId = new Map<string, string>();
  for (const p of PROGRAMMES) {
    const key = `programmes:${p.key}`;
    programmeId.set(p.key, sampleId(key));
    rows.push({
      entity: 'programmes',
      key,
      values: { nameZh: p.zh, nameEn: p.en, startedOn: p.startedOn, endedOn: null, description: p.description, source: p.source },
    });
  }
  for (const p of PARTNERSHIPS) {
    const key = `partnerships:${p.key}`;
    const id = sampleId(key);
    const programme = p.programme === null ? null : programmeId.get(p.programme);
    if (programme === undefined) throw new Error(`sample partnership ${p.key}: unknown programme ${String(p.programme)}`);
    rows.push({
      entity: 'partnerships',
      key,
      values: {
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
        reviewOn: null,
        source: p.source,
      },
    });
    for (const [orgKey, role] of p.parties) {
      const organizationId = orgId.get(orgKey);
      if (!organizationId) throw new Error(`sample partnership ${p.key}: unknown organization ${orgKey}`);
      rows.push({ entity: 'partnershipParties', key: `partnershipParties:${p.key}:${orgKey}`, values: { partnershipId: id, organizationId, role } });
    }
    rows.push({
      entity: 'partnershipStatusHistory',
      key: `partnershipStatusHistory:${p.key}:initial`,
      values: { partnershipId: id, status: p.status, startedOn: p.statusSince, note: p.statusNote },
    });
    for (const m of p.milestones) {
      rows.push({
        entity: 'milestones',
        key: `milestones:${p.key}:${m.key}`,
        values: {
          partnershipId: id,
          title: m.title,
          date: m.date,
          datePrecision: m.precision,
          kind: m.kind,
          status: m.status,
          source: m.source,
          notes: m.notes,
        },
      });
    }
  }
  return rows;
}

/**
 * Insert the sample records (fixed ids and stamps) in one transaction (a savepoint when the
 * caller already holds one). Records already present are left as they are.
 */
export function loadSampleData(core: Core): SampleSummary {
  const rows = sampleRows();
  const count = (entity: RecordEntity) => rows.filter((r) => r.entity === entity).length;
  const inserted = core.sqlite.transaction(() => {
    let n = 0;
    for (const row of rows) if (insertFixedRecord(core, row.entity, row.values, stampFor(row.key))) n += 1;
    return n;
  })();
  return {
    organizations: count('organizations'),
    programmes: count('programmes'),
    partnerships: count('partnerships'),
    parties: count('partnershipParties'),
    milestones: count('milestones'),
    statusHistory: count('partnershipStatusHistory'),
    inserted,
  };
}

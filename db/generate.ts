/**
 * Bulk test data (`cli generate`, the benchmark): realistic partnerships, meetings and tasks in
 * Chinese and English, at three scales (L = 2,000 organizations, 10,000 partnerships, 50,000
 * milestones, 200,000 meetings, 300,000 tasks, 20,000 contacts; M = L/10; S = L/100), plus
 * parties, status history, meeting links and attendees.
 *
 * - Deterministic: everything comes from a seeded PRNG (mulberry32). Ids are UUID-shaped
 *   (version 7 layout: a fixed base time plus a counter, then PRNG bits), every stamp is the
 *   fixed base time plus a counter with origin `generated-<seed>`, so two runs with one seed
 *   write byte-identical rows (the installation's own `meta` row, origin_id, differs as it must).
 * - Skewed like a real office: partnership activity follows a Zipf-like law, so a few
 *   partnerships have thousands of meetings (at L) and most have a handful.
 * - Fast: raw prepared INSERTs in one transaction (rollback journal, synchronous OFF, on a file
 *   that is empty, so the journal stays tiny and a failure leaves the file empty); every field of
 *   a row carries the row's one stamp; the change log gets ONE row per generated origin, holding
 *   its highest stamp, which is what merge's version vectors need to know these stamps.
 */
import type Database from 'better-sqlite3';
import { AppError } from './errors';
import { formatHlc } from './hlc';
import { serializeStamps, tableName, type Core } from './core';
import { recordTables, type MILESTONE_KINDS, type RecordEntity } from './schema';
import { withFactsRebuiltAfter } from './facts';
import { rebuildSearchIndex } from './search';

export const GENERATE_SCALES = { S: 0.01, M: 0.1, L: 1 } as const;
export type GenerateScale = keyof typeof GENERATE_SCALES;

export function isGenerateScale(value: string): value is GenerateScale {
  return Object.hasOwn(GENERATE_SCALES, value);
}

/** Counts at L; M and S are 1/10 and 1/100. */
export const SCALE_L_COUNTS = {
  organizations: 2000,
  partnerships: 10000,
  milestones: 50000,
  meetings: 200000,
  tasks: 300000,
  contacts: 20000,
} as const;

/** Wall time of the first generated stamp; the data's "today" is this day. */
export const GENERATED_BASE_MS = Date.UTC(2025, 6, 1);
export const GENERATED_TODAY = '2025-07-01';

export const generatedOrigin = (seed: number): string => `generated-${seed}`;

export interface GenerateOptions {
  scale: GenerateScale;
  seed?: number;
  /** Called now and then with rows written so far and an estimate of the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
  scale: GenerateScale;
  seed: number;
  origin: string;
  counts: Record<RecordEntity, number>;
  /** Every row written (records and change log). */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Inclusive range. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  /** A key by weight: [[key, weight], ...]. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [key, w] of table) {
      x -= w;
      if (x < 0) return key;
    }
    return table[table.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** First and second characters of Chinese place names, with pinyin. */
// prettier-ignore
const ZH_FIRST: readonly (readonly [string, string])[] = [
  ['江', 'Jiang'], ['海', 'Hai'], ['山', 'Shan'], ['河', 'He'], ['金', 'Jin'], ['宁', 'Ning'], ['安', 'An'], ['平', 'Ping'],
  ['清', 'Qing'], ['长', 'Chang'], ['新', 'Xin'], ['东', 'Dong'], ['西', 'Xi'], ['南', 'Nan'], ['北', 'Bei'], ['云', 'Yun'],
  ['阳', 'Yang'], ['华', 'Hua'], ['兴', 'Xing'], ['德', 'De'], ['福', 'Fu'], ['泉', 'Quan'], ['湖', 'Hu'], ['临', 'Lin'],
  ['嘉', 'Jia'], ['永', 'Yong'], ['庆', 'Qing'], ['广', 'Guang'], ['汕', 'Shan'], ['潮', 'Chao'], ['梅', 'Mei'], ['桂', 'Gui'],
  ['柳', 'Liu'], ['荆', 'Jing'], ['襄', 'Xiang'], ['岳', 'Yue'], ['常', 'Chang'], ['泰', 'Tai'], ['盐', 'Yan'], ['连', 'Lian'],
  ['丹', 'Dan'], ['鞍', 'An'], ['营', 'Ying'], ['锦', 'Jin'], ['吉', 'Ji'], ['通', 'Tong'], ['白', 'Bai'], ['松', 'Song'],
  ['宜', 'Yi'], ['昆', 'Kun'], ['玉', 'Yu'], ['威', 'Wei'], ['烟', 'Yan'], ['淄', 'Zi'], ['潍', 'Wei'], ['济', 'Ji'],
  ['青', 'Qing'], ['秦', 'Qin'], ['汉', 'Han'], ['绵', 'Mian'], ['乐', 'Le'], ['辽', 'Liao'],
];
// prettier-ignore
const ZH_SECOND: readonly (readonly [string, string])[] = [
  ['州', 'zhou'], ['江', 'jiang'], ['阳', 'yang'], ['安', "'an"], ['宁', 'ning'], ['山', 'shan'], ['港', 'gang'], ['口', 'kou'],
  ['源', 'yuan'], ['城', 'cheng'], ['沙', 'sha'], ['昌', 'chang'], ['海', 'hai'], ['门', 'men'], ['台', 'tai'], ['林', 'lin'],
  ['丰', 'feng'], ['川', 'chuan'], ['溪', 'xi'], ['陵', 'ling'], ['水', 'shui'], ['津', 'jin'], ['头', 'tou'], ['兴', 'xing'],
  ['平', 'ping'], ['明', 'ming'], ['德', 'de'], ['化', 'hua'],
];

/** Syllables of foreign place names, with a Chinese transliteration. Capitalized ones start a name. */
// prettier-ignore
const FOREIGN_START: readonly (readonly [string, string])[] = [
  ['Bur', '布尔'], ['Val', '瓦尔'], ['Mar', '马尔'], ['Ber', '贝尔'], ['Ro', '罗'], ['Lis', '利斯'], ['Por', '波尔'], ['Kar', '卡尔'],
  ['Nor', '诺尔'], ['Tor', '托尔'], ['Gra', '格拉'], ['Sev', '塞维'], ['Pra', '布拉'], ['Dub', '杜布'], ['Ant', '安特'], ['Zar', '扎尔'],
  ['Ode', '敖德'], ['Tar', '塔尔'], ['Vol', '沃尔'], ['Es', '埃斯'], ['Lim', '利姆'], ['Pal', '帕尔'], ['Cor', '科尔'], ['Kie', '基'],
  ['Mal', '马尔'], ['San', '圣'], ['Bel', '贝尔'], ['Ham', '汉'], ['Sal', '萨尔'], ['Vi', '维'], ['Le', '莱'], ['Al', '阿尔'],
  ['Bra', '布拉'], ['Ca', '卡'], ['Fe', '费'], ['Hel', '赫尔'], ['Ma', '马'], ['O', '奥'], ['Tri', '特里'], ['Ven', '文'],
];
// prettier-ignore
const FOREIGN_MIDDLE: readonly (readonly [string, string])[] = [
  ['en', '恩'], ['sei', '塞'], ['li', '利'], ['ta', '塔'], ['no', '诺'], ['lo', '洛'], ['va', '瓦'], ['ga', '加'], ['ri', '里'],
  ['da', '达'], ['mi', '米'], ['ka', '卡'], ['le', '莱'], ['si', '西'], ['na', '纳'], ['ha', '哈'], ['ro', '罗'], ['tu', '图'],
  ['ma', '马'], ['do', '多'], ['ba', '巴'], ['mo', '莫'], ['ver', '维尔'], ['ber', '贝尔'],
];
// prettier-ignore
const FOREIGN_END: readonly (readonly [string, string])[] = [
  ['gas', '加斯'], ['cia', '西亚'], ['lle', '勒'], ['lin', '林'], ['sa', '萨'], ['rio', '里奥'], ['bon', '本'], ['to', '托'],
  ['ska', '斯卡'], ['by', '比'], ['vik', '维克'], ['heim', '海姆'], ['stad', '斯塔德'], ['burg', '堡'], ['ton', '顿'], ['ford', '福德'],
  ['mont', '蒙'], ['ville', '维尔'], ['nada', '纳达'], ['ov', '奥夫'], ['nik', '尼克'], ['pen', '彭'], ['ssa', '萨'], ['as', '阿斯'],
  ['ma', '马'], ['ba', '巴'], ['mo', '默'], ['ra', '拉'], ['ia', '亚'], ['ena', '埃纳'],
];

// prettier-ignore
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'ы', z: 'з',
};

function toCyrillic(name: string): string {
  let out = '';
  for (const ch of name.toLowerCase()) out += LATIN_TO_CYRILLIC[ch] ?? ch;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

interface Country {
  code: string;
  zh: string;
  en: string;
  lat: number;
  lon: number;
  cyrillic?: boolean;
  /** Telephone country code. */
  tel: string;
}

const COUNTRIES: readonly Country[] = [
  { code: 'DE', zh: '德国', en: 'Germany', lat: 51, lon: 10, tel: '49' },
  { code: 'FR', zh: '法国', en: 'France', lat: 47, lon: 2, tel: '33' },
  { code: 'ES', zh: '西班牙', en: 'Spain', lat: 40, lon: -4, tel: '34' },
  { code: 'IT', zh: '意大利', en: 'Italy', lat: 43, lon: 12, tel: '39' },
  { code: 'BG', zh: '保加利亚', en: 'Bulgaria', lat: 42.7, lon: 25.5, cyrillic: true, tel: '359' },
  { code: 'NL', zh: '荷兰', en: 'the Netherlands', lat: 52.2, lon: 5.3, tel: '31' },
  { code: 'DK', zh: '丹麦', en: 'Denmark', lat: 56, lon: 10, tel: '45' },
  { code: 'SE', zh: '瑞典', en: 'Sweden', lat: 60, lon: 15, tel: '46' },
  { code: 'PL', zh: '波兰', en: 'Poland', lat: 52, lon: 19, tel: '48' },
  { code: 'PT', zh: '葡萄牙', en: 'Portugal', lat: 39.5, lon: -8, tel: '351' },
  { code: 'GB', zh: '英国', en: 'the United Kingdom', lat: 53, lon: -1.5, tel: '44' },
  { code: 'IE', zh: '爱尔兰', en: 'Ireland', lat: 53.3, lon: -8, tel: '353' },
  { code: 'US', zh: '美国', en: 'the United States', lat: 39, lon: -98, tel: '1' },
  { code: 'CA', zh: '加拿大', en: 'Canada', lat: 50, lon: -100, tel: '1' },
  { code: 'BR', zh: '巴西', en: 'Brazil', lat: -12, lon: -50, tel: '55' },
  { code: 'AR', zh: '阿根廷', en: 'Argentina', lat: -34, lon: -64, tel: '54' },
  { code: 'CL', zh: '智利', en: 'Chile', lat: -33, lon: -71, tel: '56' },
  { code: 'MX', zh: '墨西哥', en: 'Mexico', lat: 23, lon: -102, tel: '52' },
  { code: 'RU', zh: '俄罗斯', en: 'Russia', lat: 56, lon: 38, cyrillic: true, tel: '7' },
  { code: 'KZ', zh: '哈萨克斯坦', en: 'Kazakhstan', lat: 48, lon: 68, cyrillic: true, tel: '7' },
  { code: 'RS', zh: '塞尔维亚', en: 'Serbia', lat: 44, lon: 21, cyrillic: true, tel: '381' },
  { code: 'JP', zh: '日本', en: 'Japan', lat: 36, lon: 138, tel: '81' },
  { code: 'KR', zh: '韩国', en: 'South Korea', lat: 36.5, lon: 127.8, tel: '82' },
  { code: 'AU', zh: '澳大利亚', en: 'Australia', lat: -25, lon: 134, tel: '61' },
  { code: 'NZ', zh: '新西兰', en: 'New Zealand', lat: -41, lon: 174, tel: '64' },
  { code: 'ZA', zh: '南非', en: 'South Africa', lat: -29, lon: 24, tel: '27' },
  { code: 'EG', zh: '埃及', en: 'Egypt', lat: 27, lon: 30, tel: '20' },
  { code: 'KE', zh: '肯尼亚', en: 'Kenya', lat: 0, lon: 38, tel: '254' },
  { code: 'MY', zh: '马来西亚', en: 'Malaysia', lat: 3, lon: 102, tel: '60' },
  { code: 'TH', zh: '泰国', en: 'Thailand', lat: 15, lon: 101, tel: '66' },
  { code: 'VN', zh: '越南', en: 'Vietnam', lat: 16, lon: 107, tel: '84' },
  { code: 'TR', zh: '土耳其', en: 'Türkiye', lat: 39, lon: 35, tel: '90' },
  { code: 'GR', zh: '希腊', en: 'Greece', lat: 39, lon: 22, tel: '30' },
  { code: 'CZ', zh: '捷克', en: 'Czechia', lat: 49.8, lon: 15.5, tel: '420' },
  { code: 'HU', zh: '匈牙利', en: 'Hungary', lat: 47, lon: 19.5, tel: '36' },
  { code: 'FI', zh: '芬兰', en: 'Finland', lat: 62, lon: 26, tel: '358' },
  { code: 'NO', zh: '挪威', en: 'Norway', lat: 61, lon: 9, tel: '47' },
  { code: 'AT', zh: '奥地利', en: 'Austria', lat: 47.5, lon: 14.5, tel: '43' },
];

// prettier-ignore
const PROVINCES: readonly (readonly [string, string, number, number])[] = [
  ['广东', 'Guangdong', 23.1, 113.3], ['江苏', 'Jiangsu', 32.1, 118.8], ['浙江', 'Zhejiang', 30.3, 120.2], ['山东', 'Shandong', 36.7, 117],
  ['福建', 'Fujian', 26.1, 119.3], ['四川', 'Sichuan', 30.6, 104.1], ['湖北', 'Hubei', 30.6, 114.3], ['吉林', 'Jilin', 43.9, 125.3],
  ['辽宁', 'Liaoning', 41.8, 123.4], ['河南', 'Henan', 34.8, 113.6], ['湖南', 'Hunan', 28.2, 113], ['云南', 'Yunnan', 25, 102.7],
  ['广西', 'Guangxi', 22.8, 108.3], ['陕西', 'Shaanxi', 34.3, 108.9], ['河北', 'Hebei', 38, 114.5], ['海南', 'Hainan', 20, 110.3],
];

// prettier-ignore
type Topic =
  | 'smart_city' | 'green_building' | 'smart_transport' | 'port' | 'finance' | 'culture_tourism'
  | 'trade' | 'education' | 'health' | 'environment' | 'energy' | 'technology' | 'urbanization';

// prettier-ignore
const TOPIC_NAMES: readonly (readonly [Topic, string, string])[] = [
  ['smart_city', '智慧城市', 'smart city'], ['green_building', '绿色建筑', 'green building'], ['smart_transport', '智慧交通', 'smart transport'],
  ['port', '港口物流', 'port and logistics'], ['finance', '金融创新', 'financial innovation'], ['culture_tourism', '文化旅游', 'culture and tourism'],
  ['trade', '经贸', 'trade'], ['education', '教育交流', 'education'], ['health', '医疗卫生', 'health'], ['environment', '生态环保', 'environment'],
  ['energy', '新能源', 'clean energy'], ['technology', '科技创新', 'technology and innovation'], ['urbanization', '城镇化', 'urbanisation'],
];

const ZH_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
] as const;
const ZH_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '婷',
  '辉',
  '华',
  '鹏',
  '晨',
  '宇',
  '欣',
  '悦',
] as const;
// prettier-ignore
const ZH_SURNAME_PINYIN: Record<string, string> = {
  王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou', 徐: 'xu', 孙: 'sun',
  马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 郑: 'zheng', 梁: 'liang', 谢: 'xie', 宋: 'song', 唐: 'tang',
};
const FOREIGN_FIRST = [
  'Anna',
  'Maria',
  'Elena',
  'Sofia',
  'Laura',
  'Ivan',
  'Peter',
  'Thomas',
  'Lucas',
  'Marco',
  'Jan',
  'Erik',
  'Nikolai',
  'Pablo',
  'Hannah',
  'Claire',
  'Dimitar',
  'Ruska',
  'Olga',
  'James',
] as const;
const FOREIGN_LAST = [
  'Müller',
  'García',
  'Rossi',
  'Petrov',
  'Dubois',
  'Jensen',
  'Nowak',
  'Silva',
  'Andersson',
  'Smith',
  'Ivanova',
  'Kowalski',
  'Hansen',
  'Moreau',
  'Novák',
  'Georgiev',
  'Fernández',
  'Bianchi',
] as const;
const STAFF = [
  '王芳',
  '李明',
  '陈静',
  '张伟',
  '刘洋',
  '黄丽',
  '赵磊',
  '周婷',
  '林晨',
  '郑欣',
  'Lily Wang',
  'David Chen',
  '孙悦',
  '马超',
  '何平',
  '郭涛',
] as const;

// prettier-ignore
const ZH_TITLES = ['市外事办公室主任', '副市长', '国际合作处处长', '外事办副主任', '招商局局长', '科技局副局长', '管委会主任', '秘书长', '项目经理'] as const;
const EN_TITLES = [
  'Deputy Mayor',
  'Head of International Relations',
  'Mayor',
  'Director of Economic Development',
  'Project Officer',
  'Chief of Protocol',
  'City Councillor',
  'Programme Manager',
] as const;

const GIFTS = [
  '赠送潮汕工夫茶具一套 / Chaoshan tea set',
  '双方互赠城市画册 / City albums exchanged',
  '对方赠送市徽纪念盘 / Commemorative plate with the city arms',
  '赠送刺绣屏风 / Embroidered screen',
  '互赠纪念邮票册 / Commemorative stamp albums',
] as const;

interface PairContext {
  cnZh: string;
  cnEn: string;
  fZh: string;
  fEn: string;
  topicZh: string;
  topicEn: string;
}

type Sentence = (c: PairContext, r: Random) => string;

const ZH_SENTENCES: readonly Sentence[] = [
  (c) => `双方就${c.topicZh}领域的合作进行了深入交流。`,
  (c) => `${c.fZh}代表团介绍了当地在${c.topicZh}方面的经验和做法。`,
  (c) => `会议确定由${c.cnZh}市外办牵头起草下一阶段合作备忘录。`,
  (c) => `对方希望明年上半年组织企业代表团回访${c.cnZh}。`,
  () => '双方同意建立季度视频会商机制，及时跟进项目进展。',
  (c) => `与会人员参观了${c.cnZh}的城市运行管理中心。`,
  () => '对方提出在港口物流和跨境电商方面加强对接。',
  () => '会谈纪要已报分管领导审阅。',
  (c) => `双方回顾了与${c.fZh}自建立关系以来的交流成果，认为合作基础扎实。`,
  () => '下一步将梳理可落地的项目清单，明确责任单位和时间节点。',
  (c, r) => `会议邀请了${r.range(3, 12)}家企业参加${c.topicZh}专题对接。`,
  () => '对方对疫情后恢复人员往来表示积极期待。',
];
const EN_SENTENCES: readonly Sentence[] = [
  (c) => `Both sides reviewed progress on ${c.topicEn} and agreed on next steps.`,
  (c) => `The delegation from ${c.fEn} asked for a site visit in the spring.`,
  () => 'Follow-up: share the draft MoU with the legal office before the end of the month.',
  () => 'Minutes were circulated to the head of division.',
  (c) => `${c.fEn} proposed a joint working group on ${c.topicEn}, meeting twice a year.`,
  (c) => `The ${c.cnEn} side presented its five-year plan and invited questions.`,
  () => 'An interpreter was provided by the foreign affairs office.',
  (c, r) => `${r.range(2, 9)} companies from ${c.fEn} expressed interest in the pilot.`,
  () => 'Budget for the return visit still needs approval.',
  (c) => `The partner city confirmed its contact person for ${c.topicEn}.`,
];

function sentences(r: Random, c: PairContext, min: number, max: number): string {
  const n = r.range(min, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r.chance(0.6) ? r.pick(ZH_SENTENCES)(c, r) : r.pick(EN_SENTENCES)(c, r));
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const TODAY = GENERATED_BASE_MS / DAY_MS;
const FIRST_DAY = Date.UTC(2005, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2031, 0, 1) / DAY_MS;
const DAY_TEXT: string[] = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++) DAY_TEXT.push(new Date(d * DAY_MS).toISOString().slice(0, 10));

function day(d: number): string {
  return DAY_TEXT[Math.min(Math.max(d, FIRST_DAY), LAST_DAY) - FIRST_DAY]!;
}

/** A day in the past, recent days more likely (activity grows over the years). */
function pastDay(r: Random, maxYearsBack: number): number {
  return TODAY - 1 - Math.floor(maxYearsBack * 365 * Math.pow(r.float(), 1.6));
}

// ---------------------------------------------------------------------------------------------
// Writing rows
// ---------------------------------------------------------------------------------------------

type SqlValue = string | number | null;

const STAMP_PLACEHOLDER = '@@stamp@@';

/** One record table: a prepared INSERT of every column and the field_stamps template. */
class TableWriter {
  private readonly insert: Database.Statement;
  private readonly stampParts: string[];

  constructor(
    private readonly gen: Generator,
    readonly entity: RecordEntity,
    readonly columns: readonly string[],
  ) {
    const all = ['id', 'created_at', 'updated_at', 'hlc', 'origin', 'field_stamps', ...columns];
    this.insert = gen.sqlite.prepare(`INSERT INTO "${tableName(entity)}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
    this.stampParts = serializeStamps(Object.fromEntries(columns.map((c) => [c, STAMP_PLACEHOLDER]))).split(STAMP_PLACEHOLDER);
  }

  /** Insert one row (values in `columns` order); returns its id. */
  write(values: SqlValue[]): string {
    const { id, hlc, at } = this.gen.next(this.entity);
    this.insert.run(id, at, at, hlc, this.gen.origin, this.stampParts.join(hlc), ...values);
    this.gen.lastField = [this.columns[0]!, values[0] ?? null];
    return id;
  }
}

class Generator {
  readonly origin: string;
  private readonly ids: Random;
  private serial = 0;
  private second = -1;
  private isoPrefix = '';
  private hlcPrefix = '';
  private readonly hlcSuffix: string;
  lastStamp = '';
  lastEntity: RecordEntity | null = null;
  lastId = '';
  /** The first field of the last row written, and its value: what the one change-log row records. */
  lastField: [string, SqlValue] = ['id', null];
  rows = 0;

  constructor(
    readonly sqlite: Database.Database,
    seed: number,
    private readonly progress: () => void,
  ) {
    this.origin = generatedOrigin(seed);
    this.hlcSuffix = formatHlc({ ms: 0, counter: 0, origin: this.origin }).slice(15);
    this.ids = new Random(seed ^ 0x5bd1e995);
  }

  /**
   * Id, stamp and instant of the next row: the base time plus a counter (one millisecond per row).
   * Built from lookup tables (this runs once per row): the stamp is exactly `formatHlc` of
   * { ms, counter: 0, origin }, the instant `new Date(ms).toISOString()`.
   */
  next(entity: RecordEntity): { id: string; hlc: string; at: string } {
    const ms = GENERATED_BASE_MS + this.serial;
    this.serial += 1;
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      this.second = second;
      this.isoPrefix = new Date(second * 1000).toISOString().slice(0, 20);
      this.hlcPrefix = formatHlc({ ms: second * 1000, counter: 0, origin: this.origin }).slice(0, 12);
    }
    const milli = MILLIS[ms - second * 1000]!;
    const hlc = `${this.hlcPrefix}${milli}${this.hlcSuffix}`;
    const r = this.ids;
    const high = Math.floor(ms / 0x1000000);
    const low = ms % 0x1000000;
    const a = r.u32();
    const b = r.u32();
    const c = r.u32();
    const id =
      HEX[(high >>> 16) & 0xff]! +
      HEX[(high >>> 8) & 0xff]! +
      HEX[high & 0xff]! +
      HEX[(low >>> 16) & 0xff]! +
      '-' +
      HEX[(low >>> 8) & 0xff]! +
      HEX[low & 0xff]! +
      '-7' +
      HEX[(a >>> 8) & 0xf]!.charAt(1) +
      HEX[a & 0xff]! +
      '-' +
      HEX[0x80 | ((a >>> 16) & 0x3f)]! +
      HEX[(a >>> 24) & 0xff]! +
      '-' +
      HEX[b & 0xff]! +
      HEX[(b >>> 8) & 0xff]! +
      HEX[(b >>> 16) & 0xff]! +
      HEX[(b >>> 24) & 0xff]! +
      HEX[c & 0xff]! +
      HEX[(c >>> 8) & 0xff]!;
    this.lastStamp = hlc;
    this.lastEntity = entity;
    this.lastId = id;
    this.rows += 1;
    if ((this.rows & 0x3fff) === 0) this.progress();
    return { id, hlc, at: `${this.isoPrefix}${milli}Z` };
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const MILLIS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Cumulative weights for picking partnerships by activity: rank r gets 1 / (r + 3)^exponent. */
function activityTable(r: Random, n: number, exponent: number): { pick: () => number } {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 3, exponent);
    cumulative[rank] = total;
  }
  return {
    pick: () => {
      const x = r.float() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return order[lo]!;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

interface OrgInfo {
  id: string;
  chinese: boolean;
  zh: string;
  en: string;
  country: Country | null;
}

const ORG_COLUMNS = ['display_name', 'name_zh', 'name_en', 'name_local', 'aliases', 'country', 'region', 'kind', 'latitude', 'longitude', 'notes', 'source'];
const PROGRAMME_COLUMNS = ['name_zh', 'name_en', 'started_on', 'ended_on', 'description', 'source'];
// prettier-ignore
const PARTNERSHIP_COLUMNS = [
  'title', 'title_zh', 'title_en', 'kind', 'status', 'status_since', 'programme_id', 'topics', 'owner', 'summary', 'rationale',
  'term_start', 'term_end', 'review_on', 'source',
];
const PARTY_COLUMNS = ['partnership_id', 'organization_id', 'role'];
const HISTORY_COLUMNS = ['partnership_id', 'status', 'started_on', 'note'];
const MILESTONE_COLUMNS = ['partnership_id', 'title', 'date', 'date_precision', 'kind', 'status', 'source', 'notes'];
const CONTACT_COLUMNS = ['name', 'title', 'organization_id', 'email', 'phone', 'notes'];
const MEETING_COLUMNS = ['title', 'date', 'time', 'location', 'format', 'kind', 'agenda', 'summary', 'outcomes', 'gifts', 'notes'];
const LINK_COLUMNS = ['meeting_id', 'partnership_id'];
const ATTENDEE_COLUMNS = ['meeting_id', 'contact_id', 'name', 'side', 'organization_id', 'organization_name', 'role', 'is_interpreter'];
// prettier-ignore
const TASK_COLUMNS = ['title', 'details', 'due_on', 'assignee', 'status', 'priority', 'partnership_id', 'meeting_id', 'done_at'];

const PRECISION_WEIGHTS = [
  ['day', 70],
  ['month', 20],
  ['year', 10],
] as const;
const FORMAT_WEIGHTS = [
  ['in_person', 55],
  ['video', 35],
  ['phone', 10],
] as const;
// prettier-ignore
const MEETING_KIND_WEIGHTS = [['working_meeting', 45], ['incoming_delegation', 25], ['outgoing_delegation', 15], ['forum', 10], ['signing', 5]] as const;
/** A real office closes most old tasks: a few stay open and show up as overdue. */
const PAST_TASK_STATUS_WEIGHTS = [
  ['done', 92],
  ['cancelled', 5],
  ['open', 2],
  ['in_progress', 1],
] as const;
const FUTURE_TASK_STATUS_WEIGHTS = [
  ['open', 65],
  ['in_progress', 25],
  ['done', 10],
] as const;
const PRIORITY_WEIGHTS = [
  ['normal', 65],
  ['low', 20],
  ['high', 15],
] as const;

const KIND_NAMES = {
  sister_city: ['友好城市', 'sister cities'],
  friendship_city: ['友好交流城市', 'friendship exchange'],
  cooperation_mou: ['合作备忘录', 'cooperation MoU'],
  strategic_agreement: ['战略合作协议', 'strategic cooperation agreement'],
  project_cooperation: ['项目合作', 'project cooperation'],
  pilot_programme: ['试点合作', 'pilot programme'],
} as const;
type PartnershipKind = keyof typeof KIND_NAMES;
type PartnershipStatus = 'prospect' | 'negotiating' | 'active' | 'dormant' | 'concluded';

function countsFor(scale: GenerateScale) {
  const f = GENERATE_SCALES[scale];
  const n = (k: keyof typeof SCALE_L_COUNTS) => Math.round(SCALE_L_COUNTS[k] * f);
  return {
    organizations: n('organizations'),
    partnerships: n('partnerships'),
    milestones: n('milestones'),
    meetings: n('meetings'),
    tasks: n('tasks'),
    contacts: n('contacts'),
    programmes: Math.max(3, Math.round(20 * f)),
  };
}

/** The non-automatic indexes of the record tables, with the SQL that created them. */
function secondaryIndexes(sqlite: Database.Database): { name: string; sql: string }[] {
  const tables = Object.keys(recordTables).map((e) => tableName(e as RecordEntity));
  return sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables) as { name: string; sql: string }[];
}

function assertEmpty(core: Core): void {
  const tables = [...Object.keys(recordTables).map((e) => tableName(e as RecordEntity)), 'change_log', 'blobs'];
  for (const table of tables) {
    if (core.sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) {
      throw new AppError('conflict', {
        zh: `${core.opened.path} 中已有数据；生成的测试数据只能写入新的或空的数据库。`,
        en: `${core.opened.path} already holds data; generated data is written only into a new or empty database.`,
      });
    }
  }
}

/** Fill an empty database with generated data. Throws (writing nothing) if it holds any record. */
export function generateDatabase(core: Core, options: GenerateOptions): GenerateSummary {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer from 0 to 2^32-1, not ${seed}`);
  const sqlite = core.sqlite;
  const started = performance.now();
  const target = countsFor(options.scale);
  const estimate = Math.round(
    target.organizations + target.programmes + target.partnerships * 3.4 + target.milestones + target.contacts + target.meetings * 1.7 + target.tasks,
  );
  if (sqlite.inTransaction) throw new Error('generateDatabase needs a connection outside a transaction');

  const previous = {
    journal: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    cacheSize: Number(sqlite.pragma('cache_size', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    tempStore: Number(sqlite.pragma('temp_store', { simple: true })),
    threads: Number(sqlite.pragma('threads', { simple: true })),
  };
  // On an empty file a rollback journal holds almost nothing; WAL would write every page twice.
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -65536');
  // The index builds sort in memory, on a helper thread where SQLite has one.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('threads = 2');
  // Checked once, in bulk, before committing (foreign_keys cannot change inside a transaction).
  sqlite.pragma('foreign_keys = OFF');
  let gen: Generator;
  try {
    gen = sqlite
      .transaction(() => {
        assertEmpty(core);
        // Secondary indexes are built once at the end (a sort) instead of row by row: the same
        // definitions, dropped and re-created from their own SQL inside this transaction.
        // The maintained facts likewise: their triggers dropped, the facts rebuilt in one pass at the end.
        const indexes = secondaryIndexes(sqlite);
        const g = withFactsRebuiltAfter(sqlite, () => {
          for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
          const g = new Generator(sqlite, seed, () => options.onProgress?.(g.rows, estimate));
          fill(g, new Random(seed), target);
          // One change-log row for the generated origin, at its highest stamp (the last row written):
          // merge's version vectors read the highest stamp per origin from the change log.
          sqlite
            .prepare('INSERT INTO change_log (entity, row_id, field, value, hlc, origin, office, via, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(
              g.lastEntity,
              g.lastId,
              g.lastField[0],
              JSON.stringify(g.lastField[1]),
              g.lastStamp,
              g.origin,
              'generated',
              'generated',
              new Date(GENERATED_BASE_MS).toISOString(),
            );
          for (const { sql } of indexes) sqlite.exec(sql);
          return g;
        });
        rebuildSearchIndex(sqlite);
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`generated data breaks ${violations.length} foreign keys`);
        core.clock.receive(g.lastStamp);
        core.setMeta('hlc_last', core.clock.current());
        return g;
      })
      .immediate();
  } finally {
    sqlite.pragma(`threads = ${previous.threads}`);
    sqlite.pragma(`temp_store = ${previous.tempStore}`);
    sqlite.pragma(`foreign_keys = ${previous.foreignKeys}`);
    sqlite.pragma(`cache_size = ${previous.cacheSize}`);
    sqlite.pragma(`synchronous = ${previous.synchronous}`);
    sqlite.pragma(`journal_mode = ${previous.journal}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = gen.rows + 1;
  options.onProgress?.(rows, rows);
  const counts = Object.fromEntries(
    (Object.keys(recordTables) as RecordEntity[]).map((entity) => [
      entity,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${tableName(entity)}"`).get() as { n: number }).n,
    ]),
  ) as Record<RecordEntity, number>;
  return { scale: options.scale, seed, origin: gen.origin, counts, rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}

const TASK_TITLES: readonly ((c: PairContext) => string)[] = [
  (c) => `起草与${c.fZh}的合作备忘录草案`,
  (c) => `Send a thank-you letter to the ${c.fEn} delegation`,
  () => '整理会谈纪要并报分管领导',
  (c) => `Confirm dates for the return visit to ${c.fEn}`,
  (c) => `联系${c.fZh}方面确认${c.topicZh}项目清单`,
  (c) => `Prepare briefing notes on ${c.topicEn}`,
  () => '安排翻译和接待车辆',
  () => 'Update the contact list after the meeting',
  () => '落实礼品采购与报批',
  (c) => `汇总${c.topicZh}企业对接需求`,
  (c) => `Draft the ${c.topicEn} work plan for next year`,
];

const MILESTONE_TITLES: Record<(typeof MILESTONE_KINDS)[number], (c: PairContext) => string> = {
  proposal: (c) => `提出${c.topicZh}合作倡议 / ${cap(c.topicEn)} cooperation proposed`,
  mou: () => '签署合作备忘录 / Memorandum of understanding signed',
  joint_statement: (c) => `与${c.fZh}发表联合声明 / Joint statement with ${c.fEn}`,
  agreement: (c) => `签署${c.topicZh}合作协议 / ${cap(c.topicEn)} agreement signed`,
  visit: (c) => `${c.cnZh}代表团访问${c.fZh} / ${c.cnEn} delegation visits ${c.fEn}`,
  forum: (c) => `${c.topicZh}合作论坛 / ${cap(c.topicEn)} forum`,
  launch: (c) => `${c.topicZh}项目启动 / ${cap(c.topicEn)} project launched`,
  report: () => '年度合作进展报告 / Annual progress report',
  other: (c) => `${c.fZh}城市日活动 / ${c.fEn} city day`,
};
const milestoneKinds = Object.keys(MILESTONE_TITLES) as (keyof typeof MILESTONE_TITLES)[];

/** Fill the tables, parents first. Each table has its own function (V8 optimizes small loops sooner). */
function fill(g: Generator, r: Random, target: ReturnType<typeof countsFor>): void {
  const orgs = writeOrganizations(g, r, target.organizations);
  const programmeIds = writeProgrammes(g, r, target.programmes);
  const { pairs, partnershipIds } = writePartnerships(g, r, target.partnerships, orgs, programmeIds);
  // Activity is skewed: a few partnerships get most meetings, milestones and tasks.
  const busy = activityTable(r, target.partnerships, 1);
  writeMilestones(g, r, target.milestones, pairs, partnershipIds, busy);
  const people = writeContacts(g, r, target.contacts, orgs);
  const held = writeMeetings(g, r, target.meetings, pairs, partnershipIds, busy, people);
  writeTasks(g, r, target.tasks, pairs, partnershipIds, busy, held);
}

type Activity = ReturnType<typeof activityTable>;

function writeOrganizations(g: Generator, r: Random, count: number): OrgInfo[] {
  const organizations = new TableWriter(g, 'organizations', ORG_COLUMNS);
  // About 40% Chinese (cities, districts, new areas, a few associations), the rest abroad.
  const orgs: OrgInfo[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (make: () => [string, string]): [string, string] => {
    let name = make();
    for (let tries = 0; tries < 8 && usedNames.has(name[0]); tries++) name = make();
    usedNames.add(name[0]);
    return name;
  };
  for (let i = 0; i < count; i++) {
    const chinese = i % 5 < 2;
    if (chinese) {
      const [zh, en] = uniqueName(() => {
        const a = r.pick(ZH_FIRST);
        let b = r.pick(ZH_SECOND);
        while (b[0] === a[0]) b = r.pick(ZH_SECOND);
        return [a[0] + b[0], a[1] + b[1]];
      });
      const [provinceZh, provinceEn, lat, lon] = r.pick(PROVINCES);
      const kind = r.weighted([
        ['city', 70],
        ['district', 12],
        ['new_area', 10],
        ['association', 5],
        ['university', 3],
      ] as const);
      const [nameZh, nameEn, display] =
        kind === 'district'
          ? [`${zh}区`, `${en} District`, `${zh}区 / ${en} District`]
          : kind === 'new_area'
            ? [`${zh}新区`, `${en} New Area`, `${zh}新区 / ${en} New Area`]
            : kind === 'association'
              ? [`${zh}市国际友好城市交流协会`, `${en} Association for International Sister Cities`, `${zh}友协 / ${en} Sister Cities Association`]
              : kind === 'university'
                ? [`${zh}大学`, `${en} University`, `${zh}大学 / ${en} University`]
                : [`${zh}市`, en, `${zh} / ${en}`];
      const id = organizations.write([
        display,
        nameZh,
        nameEn,
        null,
        JSON.stringify([`${provinceZh}省${nameZh}`, `${en}, ${provinceEn}`]),
        'CN',
        provinceEn,
        kind,
        round2(lat + (r.float() - 0.5) * 4),
        round2(lon + (r.float() - 0.5) * 4),
        r.chance(0.5) ? sentences(r, { cnZh: zh, cnEn: en, fZh: '外方', fEn: 'the partner', topicZh: '对外交流', topicEn: 'external relations' }, 1, 3) : null,
        r.chance(0.3) ? `${provinceZh}省统计年鉴 / ${provinceEn} statistical yearbook` : null,
      ]);
      orgs.push({ id, chinese: true, zh, en, country: null });
    } else {
      const country = r.pick(COUNTRIES);
      const [en, zh] = uniqueName(() => {
        const start = r.pick(FOREIGN_START);
        const middle = r.chance(0.5) ? r.pick(FOREIGN_MIDDLE) : null;
        const end = r.pick(FOREIGN_END);
        return [start[0] + (middle?.[0] ?? '') + end[0], start[1] + (middle?.[1] ?? '') + end[1]];
      });
      const kind = r.weighted([
        ['city', 80],
        ['region', 8],
        ['association', 5],
        ['university', 4],
        ['company', 3],
      ] as const);
      const local = country.cyrillic ? toCyrillic(en) : en;
      const [nameZh, nameEn] =
        kind === 'region'
          ? [`${zh}大区`, `${en} Region`]
          : kind === 'association'
            ? [`${zh}城市发展协会`, `${en} Urban Development Association`]
            : kind === 'university'
              ? [`${zh}大学`, `University of ${en}`]
              : kind === 'company'
                ? [`${zh}港务集团`, `Port of ${en} Group`]
                : [zh, en];
      const aliases = [`${zh}市`, `${en} City`, ...(country.cyrillic ? [local] : [])];
      const id = organizations.write([
        `${nameZh} / ${nameEn}`,
        nameZh,
        nameEn,
        local,
        JSON.stringify(aliases),
        country.code,
        `${en} ${r.pick(['County', 'Province', 'Region', 'District'])}`,
        kind,
        round2(clamp(country.lat + (r.float() - 0.5) * 6, -89, 89)),
        round2(clamp(country.lon + (r.float() - 0.5) * 6, -179, 179)),
        r.chance(0.5)
          ? `${country.zh}${nameZh}。` +
            sentences(r, { cnZh: '我市', cnEn: 'our city', fZh: zh, fEn: en, topicZh: '友好交流', topicEn: 'friendly exchange' }, 1, 3)
          : null,
        r.chance(0.3) ? `https://www.example.org/cities/${en.toLowerCase()}` : null,
      ]);
      orgs.push({ id, chinese: false, zh, en, country });
    }
  }

  return orgs;
}

function writeProgrammes(g: Generator, r: Random, count: number): string[] {
  const programmes = new TableWriter(g, 'programmes', PROGRAMME_COLUMNS);
  const programmeIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const [, topicZh, topicEn] = TOPIC_NAMES[i % TOPIC_NAMES.length]!;
    const round = Math.floor(i / TOPIC_NAMES.length);
    const start = pastDay(r, 14);
    programmeIds.push(
      programmes.write([
        `中欧${topicZh}合作计划${round ? `（第${round + 1}期）` : ''}`,
        `EU–China ${topicEn} cooperation programme${round ? ` (phase ${round + 1})` : ''}`,
        day(start),
        r.chance(0.3) ? day(start + r.range(700, 2500)) : null,
        sentences(r, { cnZh: '中方', cnEn: 'the Chinese side', fZh: '欧方', fEn: 'the EU side', topicZh, topicEn }, 2, 4),
        r.chance(0.5) ? `https://www.example.org/programmes/${i + 1}` : null,
      ]),
    );
  }

  return programmeIds;
}

/** Partnerships, with their parties and status history. */
function writePartnerships(
  g: Generator,
  r: Random,
  count: number,
  orgs: OrgInfo[],
  programmeIds: string[],
): { pairs: PairContext[]; partnershipIds: string[] } {
  const partnerships = new TableWriter(g, 'partnerships', PARTNERSHIP_COLUMNS);
  const parties = new TableWriter(g, 'partnershipParties', PARTY_COLUMNS);
  const history = new TableWriter(g, 'partnershipStatusHistory', HISTORY_COLUMNS);
  const chineseOrgs = orgs.filter((o) => o.chinese);
  const foreignOrgs = orgs.filter((o) => !o.chinese);
  const pairs: PairContext[] = [];
  const partnershipIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const cn = r.pick(chineseOrgs);
    const foreign = r.pick(foreignOrgs);
    const [topic, topicZh, topicEn] = r.pick(TOPIC_NAMES);
    const c: PairContext = { cnZh: cn.zh, cnEn: cn.en, fZh: foreign.zh, fEn: foreign.en, topicZh, topicEn };
    const kind = r.weighted<PartnershipKind>([
      ['sister_city', 25],
      ['friendship_city', 25],
      ['cooperation_mou', 20],
      ['strategic_agreement', 10],
      ['project_cooperation', 12],
      ['pilot_programme', 8],
    ]);
    const status = r.weighted<PartnershipStatus>([
      ['active', 45],
      ['dormant', 15],
      ['negotiating', 12],
      ['prospect', 10],
      ['concluded', 18],
    ]);
    const [kindZh, kindEn] = KIND_NAMES[kind];
    const detailed = kind === 'project_cooperation' || kind === 'pilot_programme';
    const titleZh = `${cn.zh}—${foreign.zh}${detailed ? topicZh : ''}${kindZh}`;
    const titleEn = `${cn.en}–${foreign.en} ${detailed ? `${topicEn} ` : ''}${kindEn}`;
    // Status history: a path to the current status, dates increasing; the last one is status_since.
    const path: PartnershipStatus[] =
      status === 'prospect'
        ? ['prospect']
        : status === 'negotiating'
          ? r.chance(0.5)
            ? ['prospect', 'negotiating']
            : ['negotiating']
          : status === 'active'
            ? r.chance(0.5)
              ? ['negotiating', 'active']
              : ['active']
            : ['active', status];
    let when = pastDay(r, 16) - path.length * 200;
    const steps: [PartnershipStatus, number][] = [];
    for (const step of path) {
      steps.push([step, when]);
      when = Math.min(TODAY - 1, when + r.range(30, 400));
    }
    const since = steps[steps.length - 1]![1];
    const activeSince = steps.find(([s]) => s === 'active')?.[1];
    const termStart = activeSince !== undefined && kind !== 'friendship_city' ? activeSince : null;
    const termEnd = termStart !== null ? termStart + r.pick([3, 5, 5, 10]) * 365 : null;
    const topics = [topic, ...(r.chance(0.5) ? [r.pick(TOPIC_NAMES)[0]] : [])].filter((t, k, all) => all.indexOf(t) === k);
    const id = partnerships.write([
      titleZh,
      titleZh,
      titleEn,
      kind,
      status,
      r.chance(0.15) ? day(since).slice(0, 7) : day(since),
      programmeIds.length && r.chance(0.15) ? r.pick(programmeIds) : null,
      JSON.stringify(topics),
      r.chance(0.7) ? r.pick(STAFF) : null,
      sentences(r, c, 2, 5),
      r.chance(0.7) ? sentences(r, c, 1, 3) : null,
      termStart !== null ? day(termStart) : null,
      termEnd !== null ? day(termEnd) : null,
      termEnd !== null && r.chance(0.6) ? day(termEnd - r.range(30, 180)) : null,
      r.chance(0.4) ? `市外办档案 ${day(since).slice(0, 4)}-${String(i + 1).padStart(4, '0')} / Office archive` : null,
    ]);
    partnershipIds.push(id);
    pairs.push(c);
    const members = [cn, foreign];
    const extra = r.weighted([
      [0, 80],
      [1, 12],
      [r.range(2, 4), 6],
      [r.range(8, 28), 2],
    ] as const);
    for (let k = 0; k < extra && members.length < orgs.length; k++) {
      let candidate = r.pick(orgs);
      for (let tries = 0; tries < 10 && members.includes(candidate); tries++) candidate = r.pick(orgs);
      if (!members.includes(candidate)) members.push(candidate);
    }
    members.forEach((org, k) => {
      parties.write([
        id,
        org.id,
        k === 0 ? '发起方 / initiator' : k === 1 ? '签约方 / signatory' : r.pick(['合作方 / partner', '观察员 / observer', 'pilot city', 'lead partner']),
      ]);
    });
    for (const [step, at] of steps) {
      history.write([id, step, day(at), r.chance(0.5) ? r.pick(ZH_SENTENCES)(c, r) : r.chance(0.5) ? r.pick(EN_SENTENCES)(c, r) : null]);
    }
  }

  return { pairs, partnershipIds };
}

/** Every partnership has at least one milestone (its founding step), the rest follow activity. */
function writeMilestones(g: Generator, r: Random, count: number, pairs: PairContext[], partnershipIds: string[], busy: Activity): void {
  const milestones = new TableWriter(g, 'milestones', MILESTONE_COLUMNS);
  for (let i = 0; i < count; i++) {
    const p = i < partnershipIds.length ? i : busy.pick();
    const c = pairs[p]!;
    const kind = i < partnershipIds.length ? r.pick(['mou', 'agreement', 'joint_statement'] as const) : r.pick(milestoneKinds);
    const d = r.chance(0.85) ? pastDay(r, 15) : TODAY + r.range(0, 400);
    const precision = r.weighted(PRECISION_WEIGHTS);
    const date = precision === 'day' ? day(d) : precision === 'month' ? day(d).slice(0, 7) : day(d).slice(0, 4);
    const status = d >= TODAY ? (r.chance(0.9) ? 'planned' : 'cancelled') : r.chance(0.93) ? 'done' : 'cancelled';
    milestones.write([
      partnershipIds[p]!,
      MILESTONE_TITLES[kind](c),
      date,
      precision,
      kind,
      status,
      r.chance(0.4) ? `https://news.example.org/${day(d).slice(0, 4)}/${i + 1}.html` : null,
      r.chance(0.5) ? sentences(r, c, 1, 3) : null,
    ]);
  }
}

interface People {
  contactIds: string[];
  contactOrg: OrgInfo[];
}

/** Contacts, by organization. */
function writeContacts(g: Generator, r: Random, count: number, orgs: OrgInfo[]): People {
  const contacts = new TableWriter(g, 'contacts', CONTACT_COLUMNS);
  const contactIds: string[] = [];
  const contactOrg: OrgInfo[] = [];
  for (let i = 0; i < count; i++) {
    const org = r.pick(orgs);
    let name: string;
    let email: string;
    let title: string;
    let phone: string;
    if (org.chinese) {
      const surname = r.pick(ZH_SURNAMES);
      name = surname + r.pick(ZH_GIVEN) + (r.chance(0.6) ? r.pick(ZH_GIVEN) : '');
      email = `${ZH_SURNAME_PINYIN[surname]}.${i + 1}@${org.en.toLowerCase().replace(/[^a-z]/g, '')}.gov.cn`;
      title = r.pick(ZH_TITLES);
      phone = `+86 ${r.range(130, 189)} ${r.range(1000, 9999)} ${r.range(1000, 9999)}`;
    } else {
      const first = r.pick(FOREIGN_FIRST);
      const last = r.pick(FOREIGN_LAST);
      name = `${first} ${last}`;
      email = `${first.toLowerCase()}.${i + 1}@${org.en.toLowerCase().replace(/[^a-z]/g, '')}.example.org`;
      title = r.pick(EN_TITLES);
      phone = `+${org.country?.tel ?? '1'} ${r.range(10, 99)} ${r.range(100, 999)} ${r.range(1000, 9999)}`;
    }
    contactIds.push(
      contacts.write([
        name,
        title,
        org.id,
        r.chance(0.85) ? email : null,
        r.chance(0.7) ? phone : null,
        r.chance(0.3)
          ? org.chinese
            ? `负责${r.pick(TOPIC_NAMES)[1]}方面的对外联络。`
            : `Speaks ${r.pick(['English', 'Spanish', 'German', 'Russian', 'French'])}; prefers email.`
          : null,
      ]),
    );
    contactOrg.push(org);
  }

  return { contactIds, contactOrg };
}

interface Held {
  meetingIds: string[];
  meetingDay: Int32Array;
  meetingPartnership: Int32Array;
}

/** Meetings, their partnership links and (for some) attendees. */
function writeMeetings(g: Generator, r: Random, count: number, pairs: PairContext[], partnershipIds: string[], busy: Activity, people: People): Held {
  const meetings = new TableWriter(g, 'meetings', MEETING_COLUMNS);
  const links = new TableWriter(g, 'meetingPartnerships', LINK_COLUMNS);
  const attendees = new TableWriter(g, 'meetingAttendees', ATTENDEE_COLUMNS);
  const { contactIds, contactOrg } = people;
  const meetingIds: string[] = [];
  const meetingDay = new Int32Array(count);
  const meetingPartnership = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const p = busy.pick();
    const c = pairs[p]!;
    const format = r.weighted(FORMAT_WEIGHTS);
    const kind = r.weighted(MEETING_KIND_WEIGHTS);
    const d = r.chance(0.97) ? pastDay(r, 14) : TODAY + r.range(0, 60);
    const zhTitle = r.chance(0.55);
    const title =
      kind === 'incoming_delegation'
        ? zhTitle
          ? `${c.fZh}代表团来访`
          : `${c.fEn} delegation visits ${c.cnEn}`
        : kind === 'outgoing_delegation'
          ? zhTitle
            ? `赴${c.fZh}开展${c.topicZh}交流`
            : `Visit to ${c.fEn} on ${c.topicEn}`
          : kind === 'forum'
            ? zhTitle
              ? `${c.cnZh}—${c.fZh}${c.topicZh}合作论坛`
              : `${c.cnEn}–${c.fEn} ${c.topicEn} forum`
            : kind === 'signing'
              ? zhTitle
                ? `签署${c.topicZh}合作协议`
                : `Signing: ${c.topicEn} agreement with ${c.fEn}`
              : format === 'video'
                ? zhTitle
                  ? `与${c.fZh}${c.topicZh}工作视频会`
                  : `Video call with ${c.fEn} on ${c.topicEn}`
                : zhTitle
                  ? `${c.topicZh}合作工作会谈`
                  : `Working meeting: ${c.topicEn} (${c.fEn})`;
    const location =
      format === 'video'
        ? '视频会议 / Video conference'
        : format === 'phone'
          ? null
          : kind === 'outgoing_delegation'
            ? `${c.fEn} City Hall`
            : r.pick([`${c.cnZh}市政府外事办公室会议室`, `${c.cnZh}国际会议中心`, `${c.cnEn} Guesthouse`]);
    const id = meetings.write([
      title,
      day(d),
      r.chance(0.6) ? `${String(r.range(8, 17)).padStart(2, '0')}:${r.chance(0.5) ? '00' : '30'}` : null,
      location,
      format,
      kind,
      r.chance(0.7) ? sentences(r, c, 1, 3) : null,
      sentences(r, c, 2, 5),
      r.chance(0.7) ? sentences(r, c, 1, 3) : null,
      kind !== 'working_meeting' && r.chance(0.4) ? r.pick(GIFTS) : null,
      r.chance(0.4) ? `- ${sentences(r, c, 1, 1)}\n- ${sentences(r, c, 1, 1)}\n- ${sentences(r, c, 1, 2)}` : null,
    ]);
    meetingIds.push(id);
    meetingDay[i] = d;
    meetingPartnership[i] = p;
    links.write([id, partnershipIds[p]!]);
    if (r.chance(0.1)) {
      const other = busy.pick();
      if (other !== p) links.write([id, partnershipIds[other]!]);
    }
    if (r.chance(0.2)) {
      const n = r.range(2, 4);
      for (let k = 0; k < n; k++) {
        if (contactIds.length > 0 && r.chance(0.5)) {
          const ci = r.int(contactIds.length);
          attendees.write([id, contactIds[ci]!, null, contactOrg[ci]!.chinese ? 'ours' : 'partner', contactOrg[ci]!.id, null, null, 0]);
        } else {
          const interpreter = r.chance(0.1);
          const ours = r.chance(0.5);
          attendees.write([
            id,
            null,
            ours ? r.pick(STAFF) : `${r.pick(FOREIGN_FIRST)} ${r.pick(FOREIGN_LAST)}`,
            ours ? 'ours' : 'partner',
            null,
            ours ? `${c.cnZh}市外办 / ${c.cnEn} Foreign Affairs Office` : `${c.fEn} City Council`,
            interpreter ? '翻译 / Interpreter' : ours ? r.pick(ZH_TITLES) : r.pick(EN_TITLES),
            interpreter ? 1 : 0,
          ]);
        }
      }
    }
  }

  return { meetingIds, meetingDay, meetingPartnership };
}

/** Tasks: 70% are follow-ups of a meeting, the rest belong to a partnership only. */
function writeTasks(g: Generator, r: Random, count: number, pairs: PairContext[], partnershipIds: string[], busy: Activity, held: Held): void {
  const tasks = new TableWriter(g, 'tasks', TASK_COLUMNS);
  const { meetingIds, meetingDay, meetingPartnership } = held;
  const fromMeetings = meetingIds.length > 0 ? Math.round(count * 0.7) : 0;
  for (let i = 0; i < count; i++) {
    let p: number;
    let meetingId: string | null = null;
    let due: number;
    if (i < fromMeetings) {
      const m = r.int(meetingIds.length);
      p = meetingPartnership[m]!;
      meetingId = meetingIds[m]!;
      due = meetingDay[m]! + r.range(5, 60);
    } else {
      p = busy.pick();
      due = r.chance(0.9) ? pastDay(r, 12) : TODAY + r.range(0, 120);
    }
    const c = pairs[p]!;
    const hasDue = r.chance(0.92);
    const past = hasDue ? due < TODAY : r.chance(0.8);
    const status = past ? r.weighted(PAST_TASK_STATUS_WEIGHTS) : r.weighted(FUTURE_TASK_STATUS_WEIGHTS);
    const doneDay = Math.min(TODAY - 1, (hasDue ? due : TODAY - 30) - r.range(0, 10));
    tasks.write([
      r.pick(TASK_TITLES)(c),
      r.chance(0.6) ? sentences(r, c, 1, 2) : null,
      hasDue ? day(due) : null,
      r.chance(0.85) ? r.pick(STAFF) : null,
      status,
      r.weighted(PRIORITY_WEIGHTS),
      partnershipIds[p]!,
      meetingId,
      status === 'done' ? `${day(doneDay)}T0${r.range(1, 9)}:${r.range(10, 59)}:00.000Z` : null,
    ]);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

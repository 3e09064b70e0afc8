import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import { insertFixedRecord, tableName } from '../../db/core';
import { dashboard } from '../../db/dashboard';
import { UUID_PATTERN } from '../../db/ids';
import { TOPICS } from '../../db/partnerships';
import { listReminders } from '../../db/reminders';
import { checkRow } from '../../db/rules';
import { loadSampleData, SAMPLE_AT, SAMPLE_HLC, SAMPLE_HLC_2, SAMPLE_SOURCES, sampleRecords } from '../../db/sample';
import { DATE_PRECISIONS, MILESTONE_KINDS, recordTables, type RecordEntity } from '../../db/schema';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { tempCore, tempDir } from '../helpers';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
/** The day the sample's recent follow-ups were written for: its overdue and coming tasks are counted as of it. */
const SAMPLE_TODAY = '2026-12-02';
const ENTITIES = Object.keys(recordTables) as RecordEntity[];

type Row = Record<string, unknown>;
const all = (core: Core, sql: string, ...params: unknown[]): Row[] => core.sqlite.prepare(sql).all(...params) as Row[];
const count = (core: Core, table: string): number => (core.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

const CHINESE_PILOTS = [
  'Haidian District, Beijing',
  'Binhai New Area, Tianjin',
  'Pudong New Area, Shanghai',
  'Yangzhou',
  'Nantong',
  "Huai'an",
  'Ningbo',
  'Jiaxing',
  'Zhangzhou',
  'Yantai',
  'Nansha District, Guangzhou',
  'Qianhai Shenzhen–Hong Kong Modern Service Industry Cooperation Zone',
  'Hengqin New Area, Zhuhai',
  'Chengdu',
  'Korla',
];
const EU_PILOTS = [
  'Amsterdam',
  'Barcelona',
  'Bristol',
  'Copenhagen',
  'Florence/Prato',
  'Frankfurt',
  'Issy-les-Moulineaux',
  'Lyon',
  'Malmö',
  'Manchester',
  'Riga',
  'Tallinn',
  'Venice',
  'Vilnius',
  'Zagreb',
];

/** Organizations whose names (any field, aliases included) contain the text. */
function findOrganizations(core: Core, text: string): Row[] {
  const like = `%${text}%`;
  return all(
    core,
    `SELECT * FROM organizations WHERE deleted_at IS NULL AND (display_name LIKE ? OR name_zh LIKE ? OR name_en LIKE ? OR name_local LIKE ? OR aliases LIKE ?)`,
    like,
    like,
    like,
    like,
    like,
  );
}

function pilotProgrammeParties(core: Core): Row[] {
  const pilot = all(
    core,
    `SELECT p.id FROM partnerships p JOIN programmes g ON g.id = p.programme_id
    WHERE p.kind = 'pilot_programme' AND g.name_en = 'EU–China Smart City Cooperation'`,
  );
  expect(pilot).toHaveLength(1);
  return all(
    core,
    `SELECT o.* FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id
     WHERE pp.partnership_id = ? AND pp.deleted_at IS NULL AND o.deleted_at IS NULL`,
    pilot[0]!.id,
  );
}

function snapshot(core: Core): Record<string, Row[]> {
  return Object.fromEntries(ENTITIES.map((entity) => [entity, all(core, `SELECT * FROM "${tableName(entity)}" ORDER BY id`)]));
}

describe('sample data', () => {
  it('loads organizations, programmes, partnerships, parties, status history, milestones, contacts, meetings and tasks, and reports what it wrote', async () => {
    const core = await tempCore();
    const summary = loadSampleData(core);
    expect(summary.organizations).toBeGreaterThanOrEqual(32);
    expect(count(core, 'organizations')).toBe(summary.organizations);
    expect(count(core, 'programmes')).toBe(summary.programmes);
    expect(count(core, 'partnerships')).toBe(summary.partnerships);
    expect(count(core, 'partnership_parties')).toBe(summary.parties);
    expect(count(core, 'partnership_status_history')).toBe(summary.statusHistory);
    expect(count(core, 'milestones')).toBe(summary.milestones);
    expect(count(core, 'contacts')).toBe(summary.contacts);
    expect(count(core, 'meetings')).toBe(summary.meetings);
    expect(count(core, 'meeting_partnerships')).toBe(summary.meetingPartnerships);
    expect(count(core, 'meeting_attendees')).toBe(summary.attendees);
    expect(count(core, 'tasks')).toBe(summary.tasks);
    expect(summary.programmes).toBeGreaterThanOrEqual(2);
    expect(summary.partnerships).toBeGreaterThanOrEqual(6);
    expect(summary.statusHistory).toBe(summary.partnerships);
    expect({ contacts: summary.contacts, meetings: summary.meetings, tasks: summary.tasks }).toEqual({ contacts: 11, meetings: 9, tasks: 21 });
    expect(summary.inserted).toBe(
      summary.organizations +
        summary.programmes +
        summary.partnerships +
        summary.parties +
        summary.statusHistory +
        summary.milestones +
        summary.contacts +
        summary.meetings +
        summary.meetingPartnerships +
        summary.attendees +
        summary.tasks,
    );
  });

  it('writes only rows the record rules accept (the rules a merge and the forms apply)', async () => {
    const core = await tempCore();
    loadSampleData(core);
    for (const entity of ENTITIES) {
      for (const row of all(core, `SELECT * FROM "${tableName(entity)}"`)) expect(checkRow(entity, row), `${entity} ${String(row.id)}`).toEqual([]);
    }
  });

  it('has all 30 EU–China Smart City pilot cities, with Chinese and English names, country and coordinates', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const cities = pilotProgrammeParties(core);
    expect(cities).toHaveLength(30);
    expect(cities.map((c) => c.name_en).sort()).toEqual([...CHINESE_PILOTS, ...EU_PILOTS].sort());
    expect(cities.filter((c) => c.country === 'CN')).toHaveLength(15);
    const euCountries = new Set(['NL', 'ES', 'GB', 'DK', 'IT', 'DE', 'FR', 'SE', 'LV', 'EE', 'LT', 'HR']);
    expect(cities.filter((c) => euCountries.has(c.country as string))).toHaveLength(15);
    for (const city of cities) {
      expect(city.name_zh, String(city.name_en)).toMatch(/\p{Script=Han}/u);
      expect(city.name_en).toBeTruthy();
      expect(['city', 'district', 'new_area']).toContain(city.kind);
      expect(typeof city.latitude).toBe('number');
      expect(typeof city.longitude).toBe('number');
    }
    // rough sanity of the coordinates: Chinese pilots in China, EU pilots in Europe
    for (const city of cities) {
      const [lat, lon] = [city.latitude as number, city.longitude as number];
      if (city.country === 'CN') expect(lat > 18 && lat < 54 && lon > 73 && lon < 135, String(city.name_en)).toBe(true);
      else expect(lat > 35 && lat < 71 && lon > -11 && lon < 32, String(city.name_en)).toBe(true);
    }
    const amsterdam = cities.find((c) => c.name_en === 'Amsterdam')!;
    expect(amsterdam).toMatchObject({ name_zh: '阿姆斯特丹', country: 'NL' });
    expect(cities.find((c) => c.name_en === 'Korla')).toMatchObject({ name_zh: '库尔勒市', country: 'CN' });
  });

  it('finds the seed partners by name in any script', async () => {
    const core = await tempCore();
    loadSampleData(core);
    for (const name of [
      '汕头',
      'Shantou',
      'Шантоу',
      'Swatow',
      '布尔加斯',
      'Burgas',
      'Бургас',
      '辽源',
      'Liaoyuan',
      '安达卢西亚',
      'Andalucía',
      '长春新区',
      '净月',
      '深圳市智慧杆产业促进会',
      '深圳市智慧桿產業促進會',
      '华侨试验区',
    ]) {
      expect(findOrganizations(core, name).length, name).toBeGreaterThan(0);
    }
    const [burgas] = findOrganizations(core, 'Бургас');
    expect(burgas).toMatchObject({ country: 'BG', name_en: 'Burgas' });
    const [shantou] = findOrganizations(core, 'Шантоу');
    expect(shantou).toMatchObject({ country: 'CN', name_zh: '汕头市' });
  });

  it('gives every partnership at least two live parties and exactly one status history row', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const partnerships = all(core, 'SELECT * FROM partnerships');
    for (const p of partnerships) {
      const parties = all(
        core,
        `SELECT DISTINCT o.id FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id
         WHERE pp.partnership_id = ? AND pp.deleted_at IS NULL AND o.deleted_at IS NULL`,
        p.id,
      );
      expect(parties.length, String(p.title)).toBeGreaterThanOrEqual(2);
      const history = all(core, 'SELECT * FROM partnership_status_history WHERE partnership_id = ?', p.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ status: p.status, started_on: p.status_since });
      for (const topic of JSON.parse(p.topics as string) as string[]) expect(TOPICS).toContain(topic);
      expect(all(core, 'SELECT id FROM milestones WHERE partnership_id = ?', p.id).length, String(p.title)).toBeGreaterThan(0);
    }
  });

  it('cites the source article (title, publisher, date) on every record taken from the articles, never a file path', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const citations = new Set<string>(Object.values(SAMPLE_SOURCES));
    for (const citation of citations) expect(citation).toMatch(/^(《[^》]+》|第十三届)/);
    // Each citation names its article as the article's own header does.
    expect(existsSync(SEEDS)).toBe(true);
    expect(readFileSync(path.join(SEEDS, '004_0e8f8152ddc64cc8.txt'), 'utf8')).toContain('汕头华侨试验区将打造 “中欧智慧城市示范区”');
    expect(SAMPLE_SOURCES.shantou).toBe('《汕头华侨试验区将打造“中欧智慧城市示范区”》，中美创新时报，2017-06-12');
    expect(readFileSync(path.join(SEEDS, '002_6c20c154254405fc.txt'), 'utf8')).toMatch(/2016-09-30\s+来源:百方网/);
    expect(SAMPLE_SOURCES.overview).toBe('《智慧城市:如何加强国际合作?》，百方网，2016-09-30');
    for (const table of ['organizations', 'programmes', 'partnerships', 'milestones']) {
      const rows = all(core, `SELECT * FROM "${table}"`);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // Only an office's own plan (a planned milestone) has no article behind it.
        if (table === 'milestones' && row.status === 'planned') expect(row.source).toBeNull();
        else expect(citations.has(row.source as string), `${table} ${String(row.id)}: ${String(row.source)}`).toBe(true);
      }
    }
    for (const table of ['contacts', 'meetings']) {
      for (const row of all(core, `SELECT id, notes FROM "${table}"`)) {
        const notes = row.notes as string;
        const cited = [...citations].some((c) => notes.includes(`来源 / Source：${c}`));
        expect(cited || notes.includes('Sample record: an office follow-up'), `${table} ${String(row.id)}`).toBe(true);
        if (table === 'contacts') expect(cited, String(row.id)).toBe(true);
      }
    }
    // No text anywhere names a seed file.
    for (const entity of ENTITIES) {
      for (const row of all(core, `SELECT * FROM "${tableName(entity)}"`)) {
        for (const [field, value] of Object.entries(row)) {
          if (typeof value === 'string') expect(value, `${entity}.${field}`).not.toMatch(/seeds\/|\.txt\b/);
        }
      }
    }
  });

  it('dates milestones as precisely as the seeds do: the Shantou–Burgas joint statement to the day, the Andalusia memorandum to the month', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const milestones = all(core, 'SELECT * FROM milestones');
    // The articles' milestones are done; the office's own plan lies ahead.
    expect(milestones.filter((m) => m.status !== 'done').map((m) => [m.status, m.date])).toEqual([['planned', '2027-02-26']]);
    for (const m of milestones) {
      expect(DATE_PRECISIONS).toContain(m.date_precision);
      expect(MILESTONE_KINDS).toContain(m.kind);
      const pattern = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ }[m.date_precision as 'year' | 'month' | 'day'];
      expect(m.date).toMatch(pattern);
      expect(m.notes).toBeTruthy();
    }
    const partiesOf = (partnershipId: unknown) =>
      all(core, 'SELECT o.name_en FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.partnership_id = ?', partnershipId)
        .map((r) => r.name_en)
        .sort();

    const statement = milestones.filter((m) => m.date === '2017-05-31');
    expect(statement).toHaveLength(1);
    expect(statement[0]).toMatchObject({ date_precision: 'day', kind: 'joint_statement', source: SAMPLE_SOURCES.shantou });
    expect(partiesOf(statement[0]!.partnership_id)).toEqual(['Burgas', 'Shantou']);

    const memorandum = milestones.filter((m) => m.date === '2015-06');
    expect(memorandum).toHaveLength(1);
    expect(memorandum[0]).toMatchObject({ date_precision: 'month', kind: 'mou' });
    expect(partiesOf(memorandum[0]!.partnership_id)).toEqual(['Andalusia', 'Shantou']);

    const launch = milestones.find((m) => m.date === '2013-11-21');
    expect(launch).toMatchObject({ date_precision: 'day', kind: 'launch', source: SAMPLE_SOURCES.pilots });

    const shenzhen = milestones.filter((m) => m.date === '2020-09-23');
    expect(shenzhen).toHaveLength(3);
    expect(shenzhen.every((m) => m.kind === 'agreement' && m.date_precision === 'day')).toBe(true);
  });

  it('logs the meetings, signings and visits the articles describe, with their dates, places, partnerships and the people named', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const meeting = (date: string) => {
      const rows = all(core, 'SELECT * FROM meetings WHERE date = ?', date);
      expect(rows, date).toHaveLength(1);
      return rows[0]!;
    };
    const partnershipsOf = (meetingId: unknown) =>
      all(
        core,
        `SELECT p.title_en FROM meeting_partnerships mp JOIN partnerships p ON p.id = mp.partnership_id WHERE mp.meeting_id = ? ORDER BY mp.created_at, mp.id`,
        meetingId,
      ).map((r) => r.title_en);
    const attendeesOf = (meetingId: unknown) =>
      all(
        core,
        `SELECT coalesce(c.name, a.name) AS who, a.side, a.role FROM meeting_attendees a LEFT JOIN contacts c ON c.id = a.contact_id
          WHERE a.meeting_id = ? ORDER BY a.created_at, a.id`,
        meetingId,
      ).map((r) => `${String(r.who)} (${String(r.side)}: ${String(r.role)})`);

    const brussels = meeting('2017-05-31');
    expect(brussels).toMatchObject({ kind: 'signing', format: 'in_person', location: '比利时布鲁塞尔 / Brussels, Belgium' });
    expect(partnershipsOf(brussels.id)).toEqual(['Shantou–Burgas project cooperation']);
    expect(attendeesOf(brussels.id)).toEqual([
      '林依民 / Lin Yimin (ours: 签署人 / signatory)',
      'Ruska Boyadzhieva (partner: 签署人 / signatory)',
      '胡祖才 / Hu Zucai (third_party: 见证人 / witness)',
      '科丽娜·克雷楚 / Corina Crețu (third_party: 见证人 / witness)',
    ]);

    const trip = meeting('2017-05-24');
    expect(trip).toMatchObject({ kind: 'outgoing_delegation' });
    expect(trip.summary).toContain('5月24日至6月2日');
    expect(partnershipsOf(trip.id)).toEqual(['Shantou–Burgas project cooperation', 'Shantou–Andalusia EU–China regional policy cooperation pilot']);
    expect(attendeesOf(trip.id)[0]).toBe('林依民 / Lin Yimin (ours: 带队 / head of delegation)');

    const memorandum = meeting('2015-06-30');
    expect(memorandum).toMatchObject({ kind: 'signing' });
    expect(memorandum.notes).toContain('2015年6月底');
    expect(partnershipsOf(memorandum.id)).toEqual(['Shantou–Andalusia EU–China regional policy cooperation pilot']);

    const expo = meeting('2020-09-23');
    expect(expo).toMatchObject({ kind: 'signing', location: '吉林省长春市南湖宾馆 / Nanhu Hotel, Changchun, Jilin' });
    expect(partnershipsOf(expo.id)).toEqual([
      'Shenzhen Smart Pole Association – Liaoyuan smart city strategic cooperation',
      'Shenzhen Smart Pole Association – Changchun New Area smart city strategic cooperation',
      'Shenzhen Smart Pole Association – Changchun Jingyue High-tech Zone smart city strategic cooperation',
    ]);
    expect(attendeesOf(expo.id)[0]).toBe('艾学峰 / Ai Xuefeng (ours: 深圳代表团团长，致辞 / head of the Shenzhen delegation; speech)');

    const launch = meeting('2013-11-21');
    expect(launch).toMatchObject({ kind: 'forum', location: '北京 / Beijing' });
    expect(partnershipsOf(launch.id)).toEqual(['EU–China Smart City Cooperation pilot cities']);
    const exchange = meeting('2014-05-16');
    expect(exchange.notes).toContain('会议日期报道未写明');
    expect(attendeesOf(exchange.id)).toEqual(['杨学山 / Yang Xueshan (third_party: 讲话 / speech)']);

    // Every meeting concerns at least one partnership and has an agenda, a summary and outcomes.
    for (const m of all(core, 'SELECT * FROM meetings')) {
      expect(partnershipsOf(m.id).length, String(m.title)).toBeGreaterThan(0);
      for (const field of ['agenda', 'summary', 'outcomes', 'notes']) expect(m[field], `${String(m.title)} ${field}`).toBeTruthy();
    }
  });

  it('names as contacts only people the articles name, with the titles they give', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const contacts = all(
      core,
      'SELECT c.name, c.title, o.name_en AS organization FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id ORDER BY c.name',
    );
    const seeds = ['000_cc4e40b42eb86bc6', '001_46ffafe0d0dd4aba', '003_ae25e0414212cda6', '004_0e8f8152ddc64cc8']
      .map((f) => readFileSync(path.join(SEEDS, `${f}.txt`), 'utf8'))
      .join('\n');
    // The seed about the Expo is in traditional characters.
    const traditional: Record<string, string> = { 艾学峰: '艾學峰', 张凯明: '張凱明', 郎占鳌: '郎占鰲', 汪炳炎: '汪炳炎', 王海龙: '王海龍' };
    for (const c of contacts) {
      const name = (c.name as string).split(' / ')[0]!;
      expect(seeds.includes(name) || seeds.includes(traditional[name] ?? name), name).toBe(true);
      expect(c.title, name).toBeTruthy();
    }
    expect(contacts.find((c) => (c.name as string).startsWith('林依民'))).toMatchObject({
      organization: 'Shantou',
      title: '汕头市政府副市长 / Vice Mayor, Shantou Municipal Government',
    });
    expect(contacts.find((c) => c.name === 'Ruska Boyadzhieva')).toMatchObject({ organization: 'Burgas', title: '布尔加斯市副市长 / Deputy Mayor of Burgas' });
    expect(contacts.find((c) => (c.name as string).startsWith('艾学峰'))!.title).toContain('深圳市委常委、副市长');
  });

  it('gives the dashboard and the bell something to show: overdue tasks, tasks due soon, recent meetings, a renewal, quiet partnerships', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const board = dashboard(core, { today: SAMPLE_TODAY });
    expect(board.totals).toEqual({ overdueTasks: 4, upcomingMilestones: 1, recentMeetings: 2, quietPartnerships: 4 });
    expect(board.overdueTasks.map((t) => t.dueOn)).toEqual(['2026-11-13', '2026-11-20', '2026-11-27', '2026-11-30']);
    expect(board.renewals).toMatchObject([{ titleEn: 'Shantou–Burgas project cooperation', date: '2027-01-29', what: 'review' }]);
    expect(board.quietPartnerships.map((p) => p.lastMeeting)).toEqual([null, '2014-05-16', '2017-05-24', '2020-09-23']);
    const reminders = listReminders(core, { today: SAMPLE_TODAY });
    expect(reminders.totals).toEqual({ tasksDue: 4, renewals: 1, quiet: 4 });
    const tasks = all(core, 'SELECT status, due_on, done_at, meeting_id, assignee FROM tasks');
    const byStatus = (status: string) => tasks.filter((t) => t.status === status);
    expect(byStatus('done')).toHaveLength(10);
    expect(byStatus('done').every((t) => typeof t.done_at === 'string')).toBe(true);
    expect(tasks.filter((t) => t.status !== 'done').every((t) => t.done_at === null)).toBe(true);
    // Due within the next weeks and months, the first this week.
    const coming = tasks.filter((t) => t.status !== 'done' && (t.due_on as string) >= SAMPLE_TODAY).map((t) => t.due_on as string);
    expect(coming.sort()).toEqual(['2026-12-04', '2026-12-11', '2026-12-18', '2027-01-08', '2027-01-15', '2027-01-22', '2027-02-19']);
    expect(tasks.filter((t) => t.meeting_id !== null).length).toBeGreaterThan(tasks.length / 2);
    expect(tasks.every((t) => typeof t.assignee === 'string')).toBe(true);
  });

  it('inserts nothing when loaded a second time', async () => {
    const core = await tempCore();
    const first = loadSampleData(core);
    const before = snapshot(core);
    const changeLog = count(core, 'change_log');
    const second = loadSampleData(core);
    expect(second.inserted).toBe(0);
    expect({ ...second, inserted: first.inserted }).toEqual(first);
    expect(snapshot(core)).toEqual(before);
    expect(count(core, 'change_log')).toBe(changeLog);
  });

  it('loads inside a caller transaction (as the CLI does)', async () => {
    const core = await tempCore();
    const summary = core.sqlite.transaction(() => loadSampleData(core)).immediate();
    expect(summary.inserted).toBeGreaterThan(0);
    expect(count(core, 'organizations')).toBe(summary.organizations);
  });

  it('writes byte-identical rows with fixed ids and stamps in two separate databases', async () => {
    const a = await tempCore();
    const b = await tempCore();
    expect(a.clock.origin).not.toBe(b.clock.origin);
    loadSampleData(a);
    loadSampleData(b);
    const left = snapshot(a);
    const right = snapshot(b);
    for (const entity of ENTITIES) {
      expect(JSON.stringify(left[entity]), entity).toBe(JSON.stringify(right[entity]));
    }
    for (const entity of ENTITIES.filter((e) => e !== 'attachments')) {
      expect(left[entity]!.length, entity).toBeGreaterThan(0);
      for (const row of left[entity]!) {
        expect(row.id).toMatch(UUID_PATTERN);
        expect(row).toMatchObject({ origin: 'sample', deleted_at: null });
        // A meeting's partnerships and attendees are a few seconds apart, in the order declared.
        expect((row.created_at as string).slice(0, 18)).toBe(SAMPLE_AT.slice(0, 18));
        expect(row.updated_at).toBe(row.created_at);
        const stamps = JSON.parse(row.field_stamps as string) as Record<string, string>;
        // Revision 1 at SAMPLE_HLC (what revision 2 changed at SAMPLE_HLC_2); revision 2's records at SAMPLE_HLC_2.
        expect(row.hlc).toBe(Object.values(stamps).includes(SAMPLE_HLC_2) ? SAMPLE_HLC_2 : SAMPLE_HLC);
        expect(Object.values(stamps).every((s) => s === SAMPLE_HLC || s === SAMPLE_HLC_2)).toBe(true);
        if ('source' in row && row.source !== null) expect(stamps.source).toBe(SAMPLE_HLC_2);
      }
    }
    expect(SAMPLE_HLC_2 > SAMPLE_HLC).toBe(true);
    // the clock moved past the sample stamps, so later local edits win over them
    expect(a.clock.now() > SAMPLE_HLC).toBe(true);
  });

  it('an office on the first sample (sources as file paths) and one on this sample converge by merge, with no conflict', async () => {
    // The first sample cited files: what each citation replaced.
    const OLD_SOURCE: Record<string, string> = {
      [SAMPLE_SOURCES.denmark]: 'seeds/000_cc4e40b42eb86bc6.txt',
      [SAMPLE_SOURCES.pilots]: 'seeds/001_46ffafe0d0dd4aba.txt',
      [SAMPLE_SOURCES.jilin]: 'seeds/003_ae25e0414212cda6.txt',
      [SAMPLE_SOURCES.shantou]: 'seeds/004_0e8f8152ddc64cc8.txt',
    };
    // The old office: revision 1 only, each field revision 2 changed at its old value under the old stamp.
    const old = await tempCore();
    let revised = 0;
    for (const record of sampleRecords()) {
      if (record.stamp.hlc === SAMPLE_HLC_2) continue;
      const values = { ...record.values };
      for (const field of record.stamp.later?.fields ?? []) {
        values[field] = field === 'source' ? OLD_SOURCE[values.source as string] : null;
        expect(values[field], `${record.key}.${field}`).not.toBeUndefined();
        revised += 1;
      }
      insertFixedRecord(old, record.entity, values, { ...record.stamp, later: undefined });
    }
    expect(revised).toBeGreaterThan(60);
    expect(all(old, 'SELECT DISTINCT hlc FROM organizations')).toEqual([{ hlc: SAMPLE_HLC }]);
    expect(count(old, 'meetings')).toBe(0);
    const fresh = await tempCore();
    loadSampleData(fresh);

    const dir = tempDir();
    exportDatabase(old, path.join(dir, 'old.db'));
    exportDatabase(fresh, path.join(dir, 'new.db'));
    const intoFresh = mergeFile(fresh, path.join(dir, 'old.db'));
    expect(intoFresh).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0 });
    const intoOld = mergeFile(old, path.join(dir, 'new.db'));
    expect(intoOld).toMatchObject({ deleted: 0, conflicts: 0 });
    expect(intoOld.added).toBe(sampleRecords().filter((r) => r.stamp.hlc === SAMPLE_HLC_2).length);
    expect(intoOld.changed).toBe(sampleRecords().filter((r) => r.stamp.later).length);
    // Both now hold the new sample, row for row and byte for byte.
    const left = snapshot(old);
    const right = snapshot(fresh);
    for (const entity of ENTITIES) expect(JSON.stringify(left[entity]), entity).toBe(JSON.stringify(right[entity]));
    expect(all(old, "SELECT count(*) AS n FROM milestones WHERE source LIKE 'seeds/%'")).toEqual([{ n: 0 }]);
    expect(count(old, 'conflicts') + count(fresh, 'conflicts')).toBe(0);
    // Loading the sample into the merged office then adds nothing.
    expect(loadSampleData(old).inserted).toBe(0);
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import { tableName } from '../../db/core';
import { UUID_PATTERN } from '../../db/ids';
import { TOPICS } from '../../db/partnerships';
import { loadSampleData, SAMPLE_HLC } from '../../db/sample';
import { DATE_PRECISIONS, MILESTONE_KINDS, recordTables, type RecordEntity } from '../../db/schema';
import { tempCore } from '../helpers';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
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
  it('loads organizations, programmes, partnerships, parties, status history and milestones, and reports what it wrote', async () => {
    const core = await tempCore();
    const summary = loadSampleData(core);
    expect(summary.organizations).toBeGreaterThanOrEqual(32);
    expect(count(core, 'organizations')).toBe(summary.organizations);
    expect(count(core, 'programmes')).toBe(summary.programmes);
    expect(count(core, 'partnerships')).toBe(summary.partnerships);
    expect(count(core, 'partnership_parties')).toBe(summary.parties);
    expect(count(core, 'partnership_status_history')).toBe(summary.statusHistory);
    expect(count(core, 'milestones')).toBe(summary.milestones);
    expect(summary.programmes).toBeGreaterThanOrEqual(2);
    expect(summary.partnerships).toBeGreaterThanOrEqual(6);
    expect(summary.statusHistory).toBe(summary.partnerships);
    expect(summary.inserted).toBe(
      summary.organizations + summary.programmes + summary.partnerships + summary.parties + summary.statusHistory + summary.milestones,
    );
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

  it('cites an existing seed file on every organization, programme, partnership and milestone', async () => {
    const core = await tempCore();
    loadSampleData(core);
    expect(existsSync(SEEDS)).toBe(true);
    for (const table of ['organizations', 'programmes', 'partnerships', 'milestones']) {
      const rows = all(core, `SELECT id, source FROM "${table}"`);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const source = row.source as string | null;
        expect(source, `${table} ${String(row.id)}`).toMatch(/^seeds\/[^/]+\.txt$/);
        expect(existsSync(path.join(SEEDS, path.basename(source!))), source!).toBe(true);
      }
    }
  });

  it('dates milestones as precisely as the seeds do: the Shantou–Burgas joint statement to the day, the Andalusia memorandum to the month', async () => {
    const core = await tempCore();
    loadSampleData(core);
    const milestones = all(core, 'SELECT * FROM milestones');
    for (const m of milestones) {
      expect(DATE_PRECISIONS).toContain(m.date_precision);
      expect(MILESTONE_KINDS).toContain(m.kind);
      expect(m.status).toBe('done');
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
    expect(statement[0]).toMatchObject({ date_precision: 'day', kind: 'joint_statement', source: 'seeds/004_0e8f8152ddc64cc8.txt' });
    expect(partiesOf(statement[0]!.partnership_id)).toEqual(['Burgas', 'Shantou']);

    const memorandum = milestones.filter((m) => m.date === '2015-06');
    expect(memorandum).toHaveLength(1);
    expect(memorandum[0]).toMatchObject({ date_precision: 'month', kind: 'mou' });
    expect(partiesOf(memorandum[0]!.partnership_id)).toEqual(['Andalusia', 'Shantou']);

    const launch = milestones.find((m) => m.date === '2013-11-21');
    expect(launch).toMatchObject({ date_precision: 'day', kind: 'launch', source: 'seeds/001_46ffafe0d0dd4aba.txt' });

    const shenzhen = milestones.filter((m) => m.date === '2020-09-23');
    expect(shenzhen).toHaveLength(3);
    expect(shenzhen.every((m) => m.kind === 'agreement' && m.date_precision === 'day')).toBe(true);
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
    for (const entity of ['organizations', 'programmes', 'partnerships', 'partnershipParties', 'partnershipStatusHistory', 'milestones'] as const) {
      expect(left[entity]!.length, entity).toBeGreaterThan(0);
      for (const row of left[entity]!) {
        expect(row.id).toMatch(UUID_PATTERN);
        expect(row).toMatchObject({
          origin: 'sample',
          hlc: SAMPLE_HLC,
          created_at: '2024-01-01T00:00:00.000Z',
          updated_at: '2024-01-01T00:00:00.000Z',
          deleted_at: null,
        });
        const stamps = JSON.parse(row.field_stamps as string) as Record<string, string>;
        expect(Object.values(stamps).every((s) => s === SAMPLE_HLC)).toBe(true);
      }
    }
    // the clock moved past the sample stamps, so later local edits win over them
    expect(a.clock.now() > SAMPLE_HLC).toBe(true);
  });
});

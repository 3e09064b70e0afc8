import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRegistry, defineOperation, operationList, OperationRegistry, type OperationName } from '../../db/api';
import { insertRecord, type Core } from '../../db/core';
import { ApiError } from '../../renderer/src/api/client';
import { dumpTables, localClient, tempCore } from '../helpers';

const NOW = new Date('2026-03-01T10:00:00Z');
const TODAY = '2026-03-01';
/** Well-formed (UUIDv7-shaped) but belongs to no record. */
const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

type Row = Record<string, unknown>;
type Api = ReturnType<typeof localClient>;
/** The client without its compile-time types, to send what a broken or hostile caller might send. */
type LooseApi = Record<string, (input?: unknown) => Promise<unknown>>;
const loose = (api: Api): LooseApi => api as unknown as LooseApi;

const HAN = /\p{Script=Han}/u;

/** Every table in the file, every row, in storage order: "nothing written" means this does not change. */
const snapshot = (core: Core) => dumpTables(core.sqlite);

function row(core: Core, table: string, id: string): Row {
  const found = core.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Row | undefined;
  if (!found) throw new Error(`no ${table} row ${id}`);
  return found;
}

function stamps(core: Core, table: string, id: string): Record<string, string> {
  return JSON.parse(row(core, table, id).field_stamps as string) as Record<string, string>;
}

function changeLog(core: Core, id: string): Row[] {
  return core.sqlite.prepare('SELECT * FROM change_log WHERE row_id = ? ORDER BY seq').all(id) as Row[];
}

function countRows(core: Core, table: string): number {
  return (core.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** The error the call was rejected with; fails the test if it succeeded. */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
}

function expectBilingual(error: ApiError): void {
  expect(error.localized.zh).toMatch(HAN);
  expect(error.localized.en).toMatch(/[A-Za-z]{3}/);
  expect(error.localized.en).not.toMatch(HAN);
  expect(error.message).toBe(error.localized.en);
  expect(error.localized.en).not.toMatch(/\n\s+at /); // no stack trace
}

/** A database with three cities, a programme, and one partnership between two of the cities. */
async function fixture() {
  const core = await tempCore({ now: () => NOW });
  const api = localClient(core);
  const shantou = await api['organizations.create']({
    displayName: '汕头 / Shantou',
    nameZh: '汕头市',
    nameEn: 'Shantou',
    country: 'cn',
    latitude: 23.35,
    longitude: 116.68,
  });
  const burgas = await api['organizations.create']({ displayName: 'Burgas', nameLocal: 'Бургас', country: 'BG', aliases: ['Бургас', 'Bourgas'] });
  const liaoyuan = await api['organizations.create']({ displayName: '辽源 / Liaoyuan', country: 'CN', kind: 'city' });
  const programmeId = insertRecord(core, 'programmes', { nameZh: '中欧城镇化伙伴关系', nameEn: 'EU–China Urbanization Partnership' });
  const partnership = await api['partnerships.create']({
    title: 'Shantou–Burgas friendship',
    titleZh: '汕头—布尔加斯友好城市',
    kind: 'friendship_city',
    status: 'active',
    statusSince: '2017-05-31',
    termStart: '2017-05-31',
    topics: ['port', 'culture_tourism'],
    parties: [
      { organizationId: shantou.id, role: 'signatory' },
      { organizationId: burgas.id, role: 'signatory' },
    ],
  });
  return { core, api, shantou, burgas, liaoyuan, programmeId, partnership };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

interface InvalidCase {
  what: string;
  input: (f: Fixture) => unknown;
  /** The field path the error must name. */
  field: string;
}

/** The operations this file covers (the first contract); each must stay in operationList. */
const COVERED = [
  'app.info',
  'app.counts',
  'app.finishOnboarding',
  'organizations.list',
  'organizations.get',
  'organizations.create',
  'organizations.update',
  'organizations.delete',
  'organizations.restore',
  'partnerships.list',
  'partnerships.get',
  'partnerships.create',
  'partnerships.update',
  'partnerships.delete',
  'partnerships.restore',
] as const satisfies readonly OperationName[];
type Covered = (typeof COVERED)[number];

/** For every covered operation: inputs a caller could send that must be refused before anything is written. */
const invalidCases: Record<Covered, InvalidCase[]> = {
  'app.info': [{ what: 'unknown key', input: () => ({ verbose: true }), field: 'verbose' }],
  'app.counts': [{ what: 'unknown key', input: () => ({ deleted: true }), field: 'deleted' }],
  'app.finishOnboarding': [
    { what: 'missing choice', input: () => ({}), field: 'choice' },
    { what: 'bad enum', input: () => ({ choice: 'demo' }), field: 'choice' },
    { what: 'wrong type', input: () => ({ choice: 1 }), field: 'choice' },
    { what: 'unknown key', input: () => ({ choice: 'sample', office: 'X' }), field: 'office' },
  ],
  'organizations.list': [
    { what: 'wrong type', input: () => ({ deleted: 'yes' }), field: 'deleted' },
    { what: 'query too long', input: () => ({ query: 'x'.repeat(201) }), field: 'query' },
    { what: 'unknown key', input: () => ({ colour: 'red' }), field: 'colour' },
    { what: 'empty page', input: () => ({ limit: 0 }), field: 'limit' },
    { what: 'page over 500', input: () => ({ limit: 501 }), field: 'limit' },
    { what: 'negative offset', input: () => ({ offset: -1 }), field: 'offset' },
  ],
  'organizations.get': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: 'shantou' }), field: 'id' },
    { what: 'wrong type', input: () => ({ id: 42 }), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.shantou.id, withDeleted: true }), field: 'withDeleted' },
  ],
  'organizations.create': [
    { what: 'missing displayName', input: () => ({ country: 'CN' }), field: 'displayName' },
    { what: 'blank displayName', input: () => ({ displayName: '   ' }), field: 'displayName' },
    { what: 'wrong type', input: () => ({ displayName: 42 }), field: 'displayName' },
    { what: 'unknown key', input: () => ({ displayName: 'Varna', website: 'varna.bg' }), field: 'website' },
    { what: 'bad kind', input: () => ({ displayName: 'Varna', kind: 'village' }), field: 'kind' },
    { what: 'latitude above 90', input: () => ({ displayName: 'Varna', latitude: 91 }), field: 'latitude' },
    { what: 'latitude below -90', input: () => ({ displayName: 'Varna', latitude: -90.5 }), field: 'latitude' },
    { what: 'latitude as text', input: () => ({ displayName: 'Varna', latitude: '43.2' }), field: 'latitude' },
    { what: 'longitude above 180', input: () => ({ displayName: 'Varna', longitude: 181 }), field: 'longitude' },
    { what: 'three-letter country', input: () => ({ displayName: 'Varna', country: 'BGR' }), field: 'country' },
    { what: 'one-letter country', input: () => ({ displayName: 'Varna', country: 'B' }), field: 'country' },
    { what: 'digits as country', input: () => ({ displayName: 'Varna', country: '12' }), field: 'country' },
    { what: 'empty alias', input: () => ({ displayName: 'Varna', aliases: ['Варна', ' '] }), field: 'aliases.1' },
  ],
  'organizations.update': [
    { what: 'missing id', input: () => ({ displayName: 'Shantou' }), field: 'id' },
    { what: 'malformed id', input: () => ({ id: 'not-a-uuid', displayName: 'Shantou' }), field: 'id' },
    { what: 'blank displayName', input: (f) => ({ id: f.shantou.id, displayName: '' }), field: 'displayName' },
    { what: 'latitude out of range', input: (f) => ({ id: f.shantou.id, latitude: 123.4 }), field: 'latitude' },
    { what: 'three-letter country', input: (f) => ({ id: f.shantou.id, country: 'CHN' }), field: 'country' },
    { what: 'bad kind', input: (f) => ({ id: f.shantou.id, kind: 'metropolis' }), field: 'kind' },
    { what: 'unknown key', input: (f) => ({ id: f.shantou.id, population: 5_500_000 }), field: 'population' },
  ],
  'organizations.delete': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: '1234' }), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.shantou.id, hard: true }), field: 'hard' },
  ],
  'organizations.restore': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: UNKNOWN_ID.toUpperCase() }), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.shantou.id, force: true }), field: 'force' },
  ],
  'partnerships.list': [
    { what: 'bad status', input: () => ({ status: 'paused' }), field: 'status' },
    { what: 'wrong type', input: () => ({ deleted: 1 }), field: 'deleted' },
    { what: 'unknown key', input: () => ({ colour: 'red' }), field: 'colour' },
    { what: 'empty page', input: () => ({ limit: 0 }), field: 'limit' },
    { what: 'page over 500', input: () => ({ limit: 501 }), field: 'limit' },
    { what: 'fractional page', input: () => ({ limit: 10.5 }), field: 'limit' },
    { what: 'offset as text', input: () => ({ offset: '100' }), field: 'offset' },
  ],
  'partnerships.get': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: 'shantou-burgas' }), field: 'id' },
  ],
  'partnerships.create': [
    { what: 'missing title', input: (f) => ({ kind: 'sister_city', status: 'active', parties: twoParties(f) }), field: 'title' },
    { what: 'missing status', input: (f) => ({ title: 'Shantou–Liaoyuan', kind: 'sister_city', parties: twoParties(f) }), field: 'status' },
    { what: 'missing parties', input: () => ({ title: 'Shantou–Liaoyuan', kind: 'sister_city', status: 'active' }), field: 'parties' },
    { what: 'wrong type', input: (f) => ({ ...newPartnership(f), title: ['Shantou', 'Liaoyuan'] }), field: 'title' },
    { what: 'unknown key', input: (f) => ({ ...newPartnership(f), budget: 1000 }), field: 'budget' },
    { what: 'bad kind', input: (f) => ({ ...newPartnership(f), kind: 'twin_town' }), field: 'kind' },
    { what: 'bad status', input: (f) => ({ ...newPartnership(f), status: 'paused' }), field: 'status' },
    { what: 'bad topic', input: (f) => ({ ...newPartnership(f), topics: ['port', 'space'] }), field: 'topics.1' },
    { what: 'one party', input: (f) => ({ ...newPartnership(f), parties: [{ organizationId: f.shantou.id }] }), field: 'parties' },
    { what: 'no parties', input: (f) => ({ ...newPartnership(f), parties: [] }), field: 'parties' },
    {
      what: 'duplicate party',
      input: (f) => ({ ...newPartnership(f), parties: [{ organizationId: f.shantou.id }, { organizationId: f.shantou.id, role: 'host' }] }),
      field: 'parties',
    },
    {
      what: 'malformed party id',
      input: (f) => ({ ...newPartnership(f), parties: [{ organizationId: 'shantou' }, { organizationId: f.liaoyuan.id }] }),
      field: 'parties.0.organizationId',
    },
    {
      what: 'unknown key in a party',
      input: (f) => ({ ...newPartnership(f), parties: [{ organizationId: f.shantou.id }, { organizationId: f.liaoyuan.id, lead: true }] }),
      field: 'parties.1.lead',
    },
    { what: 'termEnd before termStart', input: (f) => ({ ...newPartnership(f), termStart: '2024-06-01', termEnd: '2024-05-31' }), field: 'termEnd' },
    { what: 'impossible termStart', input: (f) => ({ ...newPartnership(f), termStart: '2025-02-30' }), field: 'termStart' },
    { what: 'statusSince with month 13', input: (f) => ({ ...newPartnership(f), statusSince: '2025-13' }), field: 'statusSince' },
    { what: 'statusSince in day-first order', input: (f) => ({ ...newPartnership(f), statusSince: '31/05/2017' }), field: 'statusSince' },
    { what: 'malformed programme id', input: (f) => ({ ...newPartnership(f), programmeId: 'eu-china' }), field: 'programmeId' },
  ],
  'partnerships.update': [
    { what: 'missing id', input: () => ({ title: 'Renamed' }), field: 'id' },
    { what: 'malformed id', input: () => ({ id: 'x', title: 'Renamed' }), field: 'id' },
    { what: 'blank title', input: (f) => ({ id: f.partnership.id, title: ' ' }), field: 'title' },
    { what: 'bad status', input: (f) => ({ id: f.partnership.id, status: 'frozen' }), field: 'status' },
    { what: 'unknown key', input: (f) => ({ id: f.partnership.id, archived: true }), field: 'archived' },
    { what: 'one party', input: (f) => ({ id: f.partnership.id, parties: [{ organizationId: f.shantou.id }] }), field: 'parties' },
    {
      what: 'duplicate party',
      input: (f) => ({ id: f.partnership.id, parties: [{ organizationId: f.burgas.id }, { organizationId: f.burgas.id }] }),
      field: 'parties',
    },
    // the stored term starts on 2017-05-31
    { what: 'termEnd before the stored termStart', input: (f) => ({ id: f.partnership.id, termEnd: '2017-05-30' }), field: 'termEnd' },
    { what: 'malformed statusSince', input: (f) => ({ id: f.partnership.id, status: 'dormant', statusSince: '2025-1-5' }), field: 'statusSince' },
  ],
  'partnerships.delete': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: '' }), field: 'id' },
  ],
  'partnerships.restore': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.partnership.id, note: 'oops' }), field: 'note' },
  ],
};

function twoParties(f: Fixture) {
  return [{ organizationId: f.shantou.id }, { organizationId: f.liaoyuan.id }];
}
function newPartnership(f: Fixture) {
  return { title: 'Shantou–Liaoyuan', kind: 'sister_city', status: 'negotiating', parties: twoParties(f) };
}

interface NotFoundCase {
  what: string;
  name: OperationName;
  input: (f: Fixture) => unknown;
  /** The id the message must name. */
  missing: string;
}

const notFoundCases: NotFoundCase[] = [
  { what: 'get an unknown organization', name: 'organizations.get', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  { what: 'update an unknown organization', name: 'organizations.update', input: () => ({ id: UNKNOWN_ID, displayName: 'Varna' }), missing: UNKNOWN_ID },
  { what: 'delete an unknown organization', name: 'organizations.delete', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  { what: 'restore an unknown organization', name: 'organizations.restore', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  { what: 'get an unknown partnership', name: 'partnerships.get', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  { what: 'update an unknown partnership', name: 'partnerships.update', input: () => ({ id: UNKNOWN_ID, status: 'dormant' }), missing: UNKNOWN_ID },
  { what: 'delete an unknown partnership', name: 'partnerships.delete', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  { what: 'restore an unknown partnership', name: 'partnerships.restore', input: () => ({ id: UNKNOWN_ID }), missing: UNKNOWN_ID },
  {
    what: 'create a partnership with an unknown organization (listed last)',
    name: 'partnerships.create',
    input: (f) => ({ ...newPartnership(f), parties: [{ organizationId: f.shantou.id }, { organizationId: UNKNOWN_ID }] }),
    missing: UNKNOWN_ID,
  },
  {
    what: 'create a partnership under an unknown programme',
    name: 'partnerships.create',
    input: (f) => ({ ...newPartnership(f), programmeId: UNKNOWN_ID }),
    missing: UNKNOWN_ID,
  },
  {
    what: 'update a partnership to add an unknown organization',
    name: 'partnerships.update',
    input: (f) => ({ id: f.partnership.id, title: 'Renamed', parties: [{ organizationId: f.shantou.id }, { organizationId: UNKNOWN_ID }] }),
    missing: UNKNOWN_ID,
  },
  {
    what: 'update a partnership to an unknown programme',
    name: 'partnerships.update',
    input: (f) => ({ id: f.partnership.id, status: 'dormant', programmeId: UNKNOWN_ID }),
    missing: UNKNOWN_ID,
  },
];

describe('contract coverage', () => {
  it('has invalid-input cases for every covered operation, and every covered operation is in operationList', () => {
    const names = operationList.map((op) => op.name as string);
    expect(Object.keys(invalidCases).sort()).toEqual([...COVERED].sort());
    for (const name of COVERED) {
      expect(names, name).toContain(name);
      expect(invalidCases[name].length, name).toBeGreaterThan(0);
    }
  });

  it('registers every operation of operationList under its name in the default registry', () => {
    const registry = createRegistry();
    expect(registry.names().sort()).toEqual(operationList.map((op) => op.name).sort());
    expect(new Set(registry.names()).size).toBe(operationList.length);
    for (const op of operationList) expect(registry.has(op.name)).toBe(true);
    expect(registry.has('organizations.purge')).toBe(false);
  });
});

describe('invalid input is refused in both languages, names the field, and writes nothing', () => {
  for (const [name, cases] of Object.entries(invalidCases)) {
    for (const c of cases) {
      it(`${name}: ${c.what}`, async () => {
        const f = await fixture();
        const before = snapshot(f.core);
        const error = await rejection(loose(f.api)[name]!(c.input(f)));
        expect(error.code).toBe('invalid_input');
        expectBilingual(error);
        expect(error.fields).toContain(c.field);
        expect(error.fields).not.toContain('');
        expect(snapshot(f.core)).toEqual(before);
      });
    }
  }

  it('refuses a non-object input for an operation that takes fields', async () => {
    const f = await fixture();
    const before = snapshot(f.core);
    const error = await rejection(loose(f.api)['organizations.create']!('Varna'));
    expect(error.code).toBe('invalid_input');
    expectBilingual(error);
    expect(snapshot(f.core)).toEqual(before);
  });
});

describe('unknown ids give not_found and write nothing', () => {
  for (const c of notFoundCases) {
    it(c.what, async () => {
      const f = await fixture();
      const before = snapshot(f.core);
      const error = await rejection(loose(f.api)[c.name]!(c.input(f)));
      expect(error.code).toBe('not_found');
      expectBilingual(error);
      expect(error.localized.en).toContain(c.missing);
      expect(error.localized.zh).toContain(c.missing);
      expect(snapshot(f.core)).toEqual(before);
    });
  }

  it('a deleted organization cannot be updated or made a party, and a deleted partnership cannot be updated', async () => {
    const f = await fixture();
    await f.api['organizations.delete']({ id: f.liaoyuan.id });
    await f.api['partnerships.delete']({ id: f.partnership.id });
    const before = snapshot(f.core);
    for (const call of [
      () => f.api['organizations.update']({ id: f.liaoyuan.id, displayName: 'Liaoyuan' }),
      () => f.api['partnerships.create']({ title: 'Shantou–Liaoyuan', kind: 'sister_city', status: 'prospect', parties: twoParties(f) }),
      () => f.api['partnerships.update']({ id: f.partnership.id, title: 'Renamed' }),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe('not_found');
      expectBilingual(error);
    }
    expect(snapshot(f.core)).toEqual(before);
  });
});

describe('registry', () => {
  const probe = defineOperation('test.probe', 'read', z.strictObject({}).default({}), () => 'ok');

  it('refuses to register an operation name twice', () => {
    const registry = new OperationRegistry();
    registry.register(probe);
    expect(() => registry.register(probe)).toThrow(/test\.probe.*already registered/);
    expect(() => registry.register({ ...probe, handler: () => 'other' })).toThrow(/already registered/);
    expect(registry.names()).toEqual(['test.probe']);
    expect(() => createRegistry([probe, probe])).toThrow(/already registered/);
    const [first] = operationList;
    expect(() => createRegistry([...operationList, first])).toThrow(/app\.info/);
  });

  it('answers an unknown operation name with unknown_operation in both languages, naming it', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const before = snapshot(core);
    const error = await rejection(loose(api)['organizations.purge']!({ id: UNKNOWN_ID }));
    expect(error.code).toBe('unknown_operation');
    expectBilingual(error);
    expect(error.localized.en).toContain('organizations.purge');
    expect(error.localized.zh).toContain('organizations.purge');
    expect(createRegistry().call(core, 'organizations.purge', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(snapshot(core)).toEqual(before);
  });

  it('never runs a handler on invalid input', async () => {
    const core = await tempCore();
    const handler = vi.fn(() => 'ran');
    const registry = createRegistry([defineOperation('test.echo', 'read', z.strictObject({ n: z.number() }), handler)]);
    expect(registry.call(core, 'test.echo', { n: 'one' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: ['n'] } });
    expect(handler).not.toHaveBeenCalled();
    expect(registry.call(core, 'test.echo', { n: 1 })).toEqual({ ok: true, value: 'ran' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('rolls back a write that fails halfway and reports it as internal, without a stack trace', async () => {
    const core = await tempCore();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failing = defineOperation('test.failHalfway', 'write', z.strictObject({}).default({}), (c) => {
        insertRecord(c, 'organizations', { displayName: 'Half-written', aliases: '[]' });
        throw new Error('disk on fire');
      });
      const before = snapshot(core);
      const envelope = JSON.parse(JSON.stringify(createRegistry([failing]).call(core, 'test.failHalfway', undefined))) as Row;
      expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(envelope)).not.toContain('disk on fire');
      const message = (envelope.error as { message: { zh: string; en: string } }).message;
      expect(message.zh).toMatch(HAN);
      expect(message.en).toMatch(/nothing was saved/i);
      expect(snapshot(core)).toEqual(before);
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

describe('app.info', () => {
  it('describes a fresh database: empty, needs onboarding, with its own origin and schema version', async () => {
    const core = await tempCore();
    const info = await localClient(core)['app.info']();
    expect(info.needsOnboarding).toBe(true);
    const counts = await localClient(core)['app.counts']();
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(counts).toHaveProperty('organizations', 0);
    expect(info.version).toBe('0.0.0-test');
    expect(info.origin).toBe(core.getMeta('origin_id'));
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(info.databasePath).toBe(core.opened.path);
  });

  it('app.counts: live records per table, following creates, deletes and restores', async () => {
    const f = await fixture();
    expect((await f.api['app.info']()).needsOnboarding).toBe(false);
    let counts = await f.api['app.counts']();
    expect(counts).toMatchObject({ organizations: 3, programmes: 1, partnerships: 1, partnershipParties: 2, partnershipStatusHistory: 1 });

    await f.api['organizations.delete']({ id: f.liaoyuan.id });
    await f.api['partnerships.delete']({ id: f.partnership.id });
    counts = await f.api['app.counts']();
    expect(counts).toMatchObject({ organizations: 2, partnerships: 0 });

    await f.api['organizations.restore']({ id: f.liaoyuan.id });
    await f.api['partnerships.restore']({ id: f.partnership.id });
    await f.api['organizations.create']({ displayName: 'Varna', country: 'BG' });
    counts = await f.api['app.counts']();
    expect(counts).toMatchObject({ organizations: 4, partnerships: 1 });
  });
});

describe('app.finishOnboarding', () => {
  it('with the sample: loads it, and onboarding is over', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    const info = await api['app.finishOnboarding']({ choice: 'sample' });
    expect(info.needsOnboarding).toBe(false);
    const counts = await api['app.counts']();
    expect(counts.partnerships).toBe(8);
    expect(counts.organizations).toBeGreaterThanOrEqual(32);
    expect((await api['partnerships.list']()).rows).toHaveLength(8);
    expect((await api['app.info']()).needsOnboarding).toBe(false);
    const [burgas] = (await api['organizations.list']({ query: 'Бургас' })).rows;
    expect(burgas).toMatchObject({ country: 'BG' });
  });

  it('with an empty start: nothing is added, and onboarding stays over even though the file is empty', async () => {
    const core = await tempCore();
    const api = localClient(core);
    const before = await api['app.counts']();
    const info = await api['app.finishOnboarding']({ choice: 'empty' });
    expect(info.needsOnboarding).toBe(false);
    const after = await api['app.counts']();
    expect(after).toEqual(before);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect((await api['partnerships.list']()).rows).toEqual([]);
    expect((await api['app.info']()).needsOnboarding).toBe(false);
  });
});

describe('organizations', () => {
  it('create stores what was typed (normalized) and is visible through get and list', async () => {
    const f = await fixture();
    const varna = await f.api['organizations.create']({
      displayName: '  Varna  ',
      nameLocal: 'Варна',
      country: ' bg ',
      region: '',
      aliases: ['Варна'],
      latitude: -0,
      longitude: 27.91,
    });
    expect(varna).toMatchObject({
      displayName: 'Varna',
      nameLocal: 'Варна',
      country: 'BG',
      region: null,
      kind: 'city',
      aliases: ['Варна'],
      longitude: 27.91,
      deletedAt: null,
    });
    expect(varna.createdAt).toBe(NOW.toISOString());
    expect(await f.api['organizations.get']({ id: varna.id })).toEqual(varna);
    const listed = (await f.api['organizations.list']()).rows;
    expect(listed.map((o) => o.id)).toEqual(expect.arrayContaining([varna.id, f.shantou.id, f.burgas.id, f.liaoyuan.id]));
    expect(listed).toHaveLength(4);
    // found by a name in another script and by alias
    expect((await f.api['organizations.list']({ query: 'Варна' })).rows.map((o) => o.id)).toEqual([varna.id]);
    expect((await f.api['organizations.list']({ query: 'Bourgas' })).rows.map((o) => o.id)).toEqual([f.burgas.id]);
    // the partnership count shows on the list
    expect(listed.find((o) => o.id === f.shantou.id)?.partnershipCount).toBe(1);
    expect(listed.find((o) => o.id === varna.id)?.partnershipCount).toBe(0);
  });

  it('create stamps every field it writes with one fresh stamp, and logs one change per field', async () => {
    const f = await fixture();
    const varna = await f.api['organizations.create']({
      displayName: 'Varna',
      nameEn: 'Varna',
      country: 'BG',
      latitude: 43.21,
      longitude: 27.91,
      notes: 'Black Sea port',
    });
    const stored = row(f.core, 'organizations', varna.id);
    const fieldStamps = stamps(f.core, 'organizations', varna.id);
    for (const column of ['display_name', 'name_en', 'country', 'latitude', 'longitude', 'notes']) {
      expect(fieldStamps[column], column).toBe(stored.hlc);
    }
    expect(stored.origin).toBe(f.core.clock.origin);
    expect((stored.hlc as string) > (row(f.core, 'organizations', f.liaoyuan.id).hlc as string)).toBe(true);
    const log = changeLog(f.core, varna.id);
    expect(log.map((l) => l.field).sort()).toEqual(Object.keys(fieldStamps).sort());
    expect(log).toHaveLength(new Set(log.map((l) => l.field)).size);
    for (const entry of log) expect(entry).toMatchObject({ entity: 'organizations', hlc: stored.hlc, origin: f.core.clock.origin, via: 'local' });
    expect(log.find((l) => l.field === 'latitude')?.value).toBe('43.21');
    expect(log.find((l) => l.field === 'display_name')?.value).toBe('"Varna"');
  });

  it('update changes only the given field, and only that field gets a new, later stamp', async () => {
    const f = await fixture();
    const before = stamps(f.core, 'organizations', f.shantou.id);
    const logBefore = changeLog(f.core, f.shantou.id).length;
    const updated = await f.api['organizations.update']({ id: f.shantou.id, latitude: 23.37 });
    expect(updated).toMatchObject({ latitude: 23.37, longitude: 116.68, displayName: '汕头 / Shantou', nameZh: '汕头市', country: 'CN' });
    expect(await f.api['organizations.get']({ id: f.shantou.id })).toEqual(updated);
    const after = stamps(f.core, 'organizations', f.shantou.id);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const column of Object.keys(before)) {
      if (column === 'latitude') expect(after[column]! > before[column]!, column).toBe(true);
      else expect(after[column], column).toBe(before[column]);
    }
    expect(row(f.core, 'organizations', f.shantou.id).hlc).toBe(after.latitude);
    const log = changeLog(f.core, f.shantou.id);
    expect(log).toHaveLength(logBefore + 1);
    expect(log.at(-1)).toMatchObject({ field: 'latitude', value: '23.37', hlc: after.latitude });
  });

  it('update to the same value writes nothing; null clears a field; aliases are replaced', async () => {
    const f = await fixture();
    const before = snapshot(f.core);
    await f.api['organizations.update']({ id: f.burgas.id, displayName: 'Burgas', country: 'bg' });
    expect(snapshot(f.core)).toEqual(before);

    const cleared = await f.api['organizations.update']({ id: f.burgas.id, country: null, nameLocal: '', aliases: ['Burgas City'] });
    expect(cleared).toMatchObject({ country: null, nameLocal: null, aliases: ['Burgas City'] });
    expect((await f.api['organizations.list']({ query: 'Bourgas' })).rows).toEqual([]);
    expect(stamps(f.core, 'organizations', f.burgas.id).country! > (before.organizations!.find((r) => r.id === f.burgas.id)!.hlc as string)).toBe(true);
  });

  it('delete is a stamped tombstone: the record leaves the list and shows among the deleted', async () => {
    const f = await fixture();
    const before = stamps(f.core, 'organizations', f.liaoyuan.id);
    const deleted = await f.api['organizations.delete']({ id: f.liaoyuan.id });
    expect(deleted.deletedAt).toBe(NOW.toISOString());
    expect(row(f.core, 'organizations', f.liaoyuan.id).deleted_at).toBe(NOW.toISOString());
    const after = stamps(f.core, 'organizations', f.liaoyuan.id);
    expect(after.deleted_at).toBeDefined();
    for (const stamp of Object.values(before)) expect(after.deleted_at! > stamp).toBe(true);
    expect({ ...after, deleted_at: undefined }).toEqual({ ...before, deleted_at: undefined });
    expect(changeLog(f.core, f.liaoyuan.id).at(-1)).toMatchObject({ field: 'deleted_at', value: JSON.stringify(NOW.toISOString()), hlc: after.deleted_at });

    expect((await f.api['organizations.list']()).rows.map((o) => o.id)).not.toContain(f.liaoyuan.id);
    expect((await f.api['organizations.list']({ deleted: true })).rows.map((o) => o.id)).toEqual([f.liaoyuan.id]);
    expect((await f.api['organizations.list']({ query: 'Liaoyuan' })).rows).toEqual([]);
    // still readable by id (for the trash view), marked deleted
    expect((await f.api['organizations.get']({ id: f.liaoyuan.id })).deletedAt).toBe(NOW.toISOString());
    // the row is kept
    expect(countRows(f.core, 'organizations')).toBe(3);
  });

  it('restore brings a deleted record back with a later stamp; restoring a live one changes nothing', async () => {
    const f = await fixture();
    await f.api['organizations.delete']({ id: f.liaoyuan.id });
    const deletedStamp = stamps(f.core, 'organizations', f.liaoyuan.id).deleted_at!;
    const restored = await f.api['organizations.restore']({ id: f.liaoyuan.id });
    expect(restored.deletedAt).toBeNull();
    expect(row(f.core, 'organizations', f.liaoyuan.id).deleted_at).toBeNull();
    expect(stamps(f.core, 'organizations', f.liaoyuan.id).deleted_at! > deletedStamp).toBe(true);
    expect((await f.api['organizations.list']()).rows.map((o) => o.id)).toContain(f.liaoyuan.id);
    expect((await f.api['organizations.list']({ deleted: true })).rows).toEqual([]);
    expect(changeLog(f.core, f.liaoyuan.id).at(-1)).toMatchObject({ field: 'deleted_at', value: 'null' });

    const before = snapshot(f.core);
    expect((await f.api['organizations.restore']({ id: f.shantou.id })).deletedAt).toBeNull();
    expect(snapshot(f.core)).toEqual(before);
  });
});

describe('partnerships', () => {
  it('create stores the partnership, its parties and its first status, visible through get and list', async () => {
    const f = await fixture();
    const created = await f.api['partnerships.create']({
      title: 'Shantou–Liaoyuan',
      kind: 'cooperation_mou',
      status: 'negotiating',
      programmeId: f.programmeId,
      owner: '王芳',
      topics: ['trade'],
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
      parties: [{ organizationId: f.liaoyuan.id, role: 'lead' }, { organizationId: f.shantou.id }],
    });
    expect(created).toMatchObject({
      title: 'Shantou–Liaoyuan',
      kind: 'cooperation_mou',
      status: 'negotiating',
      statusSince: TODAY, // defaults to today
      programmeId: f.programmeId,
      programmeNameEn: 'EU–China Urbanization Partnership',
      programmeNameZh: '中欧城镇化伙伴关系',
      owner: '王芳',
      topics: ['trade'],
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
      partyCount: 2,
      deletedAt: null,
    });
    expect(created.parties.map((p) => [p.organizationId, p.role, p.displayName])).toEqual([
      [f.liaoyuan.id, 'lead', '辽源 / Liaoyuan'],
      [f.shantou.id, null, '汕头 / Shantou'],
    ]);
    expect(created.statusHistory).toEqual([expect.objectContaining({ status: 'negotiating', startedOn: TODAY })]);
    expect(await f.api['partnerships.get']({ id: created.id })).toEqual(created);

    const listed = (await f.api['partnerships.list']()).rows;
    expect(listed.map((p) => p.id).sort()).toEqual([created.id, f.partnership.id].sort());
    expect(listed.find((p) => p.id === created.id)).toMatchObject({ partyCount: 2, programmeNameEn: 'EU–China Urbanization Partnership' });
    expect((await f.api['partnerships.list']({ status: 'negotiating' })).rows.map((p) => p.id)).toEqual([created.id]);
    expect((await f.api['partnerships.list']({ query: '布尔加斯' })).rows.map((p) => p.id)).toEqual([f.partnership.id]);
    // A picker finds a partnership by any name of a party (Liaoyuan is in no title; Bourgas is Burgas's alias), and a
    // contact by any name of their organization, in any script.
    expect((await f.api['partnerships.list']({ query: 'Liaoyuan' })).rows.map((p) => p.id)).toEqual([created.id]);
    expect((await f.api['partnerships.list']({ query: 'Bourgas' })).rows.map((p) => p.id)).toEqual([f.partnership.id]);
    const mayor = await f.api['contacts.create']({ name: 'Dimitar Nikolov', organizationId: f.burgas.id });
    await f.api['contacts.create']({ name: 'Lin Yimin', organizationId: f.shantou.id });
    for (const query of ['Бургас', 'Bourgas', 'Burgas']) expect((await f.api['contacts.list']({ query })).rows.map((c) => c.id)).toEqual([mayor.id]);
    expect((await f.api['organizations.list']()).rows.find((o) => o.id === f.shantou.id)?.partnershipCount).toBe(2);
  });

  it('create keeps the given statusSince as the first status-history date', async () => {
    const f = await fixture();
    expect(f.partnership).toMatchObject({ statusSince: '2017-05-31', topics: ['port', 'culture_tourism'], termStart: '2017-05-31', termEnd: null });
    expect(f.partnership.statusHistory).toEqual([expect.objectContaining({ status: 'active', startedOn: '2017-05-31' })]);
  });

  it('create stamps every field of the partnership, its parties and its status row, one change_log row per field', async () => {
    const f = await fixture();
    const p = f.partnership;
    const stored = row(f.core, 'partnerships', p.id);
    const fieldStamps = stamps(f.core, 'partnerships', p.id);
    for (const column of ['title', 'title_zh', 'kind', 'status', 'status_since', 'term_start', 'topics']) {
      expect(fieldStamps[column], column).toBe(stored.hlc);
    }
    expect(
      changeLog(f.core, p.id)
        .map((l) => l.field)
        .sort(),
    ).toEqual(Object.keys(fieldStamps).sort());
    expect(changeLog(f.core, p.id).find((l) => l.field === 'topics')?.value).toBe(JSON.stringify(JSON.stringify(['port', 'culture_tourism'])));

    const children = [...p.parties.map((party) => ['partnership_parties', party.id]), ['partnership_status_history', p.statusHistory[0]!.id]];
    for (const [table, id] of children as [string, string][]) {
      const childStamps = stamps(f.core, table, id);
      expect(childStamps.partnership_id, table).toBeDefined();
      expect(
        changeLog(f.core, id)
          .map((l) => l.field)
          .sort(),
        table,
      ).toEqual(Object.keys(childStamps).sort());
      expect(childStamps.partnership_id! > (stored.hlc as string), table).toBe(true);
    }
    expect(stamps(f.core, 'partnership_parties', p.parties[0]!.id)).toHaveProperty('organization_id');
    expect(stamps(f.core, 'partnership_parties', p.parties[0]!.id)).toHaveProperty('role');
  });

  it('update of one field changes only that field and its stamp', async () => {
    const f = await fixture();
    const before = stamps(f.core, 'partnerships', f.partnership.id);
    const partiesBefore = f.partnership.parties.map((p) => stamps(f.core, 'partnership_parties', p.id));
    const updated = await f.api['partnerships.update']({ id: f.partnership.id, owner: 'Li Wei' });
    expect(updated).toMatchObject({ owner: 'Li Wei', title: 'Shantou–Burgas friendship', status: 'active', statusSince: '2017-05-31' });
    expect(updated.statusHistory).toHaveLength(1);
    expect(updated.parties).toEqual(f.partnership.parties);
    const after = stamps(f.core, 'partnerships', f.partnership.id);
    expect(after.owner).toBeDefined();
    for (const column of Object.keys(before)) expect(after[column], column).toBe(before[column]);
    expect(Object.values(before).every((s) => after.owner! > s)).toBe(true);
    expect(f.partnership.parties.map((p) => stamps(f.core, 'partnership_parties', p.id))).toEqual(partiesBefore);
    expect(changeLog(f.core, f.partnership.id).at(-1)).toMatchObject({ field: 'owner', value: '"Li Wei"' });
  });

  it('a status change adds a status-history entry dated today, or on the given date', async () => {
    const f = await fixture();
    const dormant = await f.api['partnerships.update']({ id: f.partnership.id, status: 'dormant' });
    expect(dormant).toMatchObject({ status: 'dormant', statusSince: TODAY });
    expect(dormant.statusHistory.map((h) => [h.status, h.startedOn])).toEqual([
      ['active', '2017-05-31'],
      ['dormant', TODAY],
    ]);

    const active = await f.api['partnerships.update']({ id: f.partnership.id, status: 'active', statusSince: '2026-02' });
    expect(active).toMatchObject({ status: 'active', statusSince: '2026-02' });
    expect(active.statusHistory.map((h) => [h.status, h.startedOn])).toContainEqual(['active', '2026-02']);
    expect(active.statusHistory).toHaveLength(3);
    expect((await f.api['partnerships.get']({ id: f.partnership.id })).statusHistory).toEqual(active.statusHistory);
    expect((await f.api['partnerships.list']({ status: 'dormant' })).rows.map((p) => p.id)).toEqual([]);
    expect((await f.api['partnerships.list']({ status: 'active' })).rows.map((p) => p.id)).toEqual([f.partnership.id]);

    // the same status again is not a change
    const same = await f.api['partnerships.update']({ id: f.partnership.id, status: 'active', title: 'Shantou–Burgas' });
    expect(same.statusHistory).toHaveLength(3);
    expect(same.statusSince).toBe('2026-02');
    expect(countRows(f.core, 'partnership_status_history')).toBe(3);
  });

  it('updating parties replaces the set: a removed party is soft-deleted, a new one added, a kept one keeps its row', async () => {
    const f = await fixture();
    const [shantouParty, burgasParty] = f.partnership.parties;
    const updated = await f.api['partnerships.update']({
      id: f.partnership.id,
      parties: [
        { organizationId: f.shantou.id, role: 'signatory' },
        { organizationId: f.liaoyuan.id, role: 'observer' },
      ],
    });
    expect(updated.parties.map((p) => [p.organizationId, p.role])).toEqual([
      [f.shantou.id, 'signatory'],
      [f.liaoyuan.id, 'observer'],
    ]);
    expect(updated.partyCount).toBe(2);
    expect(updated.parties[0]!.id).toBe(shantouParty!.id);

    const removed = row(f.core, 'partnership_parties', burgasParty!.id);
    expect(removed.deleted_at).toBe(NOW.toISOString());
    expect(stamps(f.core, 'partnership_parties', burgasParty!.id).deleted_at).toBeDefined();
    expect(countRows(f.core, 'partnership_parties')).toBe(3); // kept, tombstoned, new

    const counts = Object.fromEntries((await f.api['organizations.list']()).rows.map((o) => [o.id, o.partnershipCount]));
    expect(counts).toEqual({ [f.shantou.id]: 1, [f.burgas.id]: 0, [f.liaoyuan.id]: 1 });
    expect((await f.api['app.counts']()).partnershipParties).toBe(2);

    // changing only a role rewrites only that party's role
    const roleStamp = stamps(f.core, 'partnership_parties', shantouParty!.id).role!;
    const relabelled = await f.api['partnerships.update']({
      id: f.partnership.id,
      parties: [
        { organizationId: f.shantou.id, role: 'host city' },
        { organizationId: f.liaoyuan.id, role: 'observer' },
      ],
    });
    expect(relabelled.parties.map((p) => p.role)).toEqual(['host city', 'observer']);
    expect(stamps(f.core, 'partnership_parties', shantouParty!.id).role! > roleStamp).toBe(true);
    expect(countRows(f.core, 'partnership_parties')).toBe(3);
  });

  it('a term can be set or cleared consistently with the stored one', async () => {
    const f = await fixture();
    const withEnd = await f.api['partnerships.update']({ id: f.partnership.id, termEnd: '2027-05-30' });
    expect(withEnd).toMatchObject({ termStart: '2017-05-31', termEnd: '2027-05-30' });
    const before = snapshot(f.core);
    const error = await rejection(f.api['partnerships.update']({ id: f.partnership.id, termStart: '2028-01-01' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields.some((field) => field === 'termStart' || field === 'termEnd')).toBe(true);
    expect(snapshot(f.core)).toEqual(before);
    const cleared = await f.api['partnerships.update']({ id: f.partnership.id, termStart: null, termEnd: null });
    expect(cleared).toMatchObject({ termStart: null, termEnd: null });
  });

  it('delete hides the partnership from the default list, shows it among the deleted, restore brings it back', async () => {
    const f = await fixture();
    const deleted = await f.api['partnerships.delete']({ id: f.partnership.id });
    expect(deleted.deletedAt).toBe(NOW.toISOString());
    const deletedStamp = stamps(f.core, 'partnerships', f.partnership.id).deleted_at!;
    expect(Object.values(stamps(f.core, 'partnerships', f.partnership.id)).every((s) => s <= deletedStamp)).toBe(true);
    expect((await f.api['partnerships.list']()).rows).toEqual([]);
    expect((await f.api['partnerships.list']({ deleted: true })).rows.map((p) => p.id)).toEqual([f.partnership.id]);
    expect((await f.api['organizations.list']()).rows.find((o) => o.id === f.shantou.id)?.partnershipCount).toBe(0);
    expect((await f.api['partnerships.get']({ id: f.partnership.id })).deletedAt).toBe(NOW.toISOString());

    const restored = await f.api['partnerships.restore']({ id: f.partnership.id });
    expect(restored.deletedAt).toBeNull();
    expect(restored.parties).toEqual(f.partnership.parties);
    expect(stamps(f.core, 'partnerships', f.partnership.id).deleted_at! > deletedStamp).toBe(true);
    expect((await f.api['partnerships.list']()).rows.map((p) => p.id)).toEqual([f.partnership.id]);
    expect((await f.api['partnerships.list']({ deleted: true })).rows).toEqual([]);
    expect((await f.api['organizations.list']()).rows.find((o) => o.id === f.shantou.id)?.partnershipCount).toBe(1);

    const before = snapshot(f.core);
    await f.api['partnerships.restore']({ id: f.partnership.id });
    expect(snapshot(f.core)).toEqual(before);
  });

  it('works on the sample data, whose ids are fixed', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    await api['app.finishOnboarding']({ choice: 'sample' });
    const [first] = (await api['partnerships.list']()).rows;
    const full = await api['partnerships.get']({ id: first!.id });
    expect(full.parties.length).toBeGreaterThanOrEqual(2);
    const updated = await api['partnerships.update']({ id: full.id, status: full.status === 'dormant' ? 'active' : 'dormant' });
    expect(updated.statusHistory).toHaveLength(full.statusHistory.length + 1);
    // the local edit is stamped after the sample's fixed stamps, so it wins a merge against them
    const s = stamps(core, 'partnerships', full.id);
    expect(s.status! > s.title!).toBe(true);
  });
});

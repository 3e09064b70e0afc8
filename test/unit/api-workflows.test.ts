/**
 * The second half of the contract: every operation of operationList that api.test.ts does not
 * cover (the daily workflow: milestones, contacts, meetings with follow-ups, tasks, attachments,
 * dashboard, trash, title search, settings; and the partnership list's filters and sorts).
 * Each operation: a valid call does what a person would notice (seen through later reads);
 * invalid input is refused in both languages and writes nothing; an unknown id is not_found
 * and writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationList, type OperationInput, type OperationName } from '../../db/api';
import { MAX_ATTACHMENT_BYTES } from '../../db/attachments';
import { DASHBOARD_LIST_LIMIT, quietPartnerships } from '../../db/dashboard';
import { insertRecord, type Core } from '../../db/core';
import type { MeetingCursor } from '../../db/meetings';
import { sampleId } from '../../db/sample';
import { ApiError } from '../../renderer/src/api/client';
import { dumpTables, localClient, recountQuiet, rejected, tempCore } from '../helpers';

/** A Wednesday. */
const NOW = new Date('2026-03-04T10:00:00Z');
const TODAY = '2026-03-04';
/** Well-formed (UUIDv7-shaped) but belongs to no record. */
const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

type Row = Record<string, unknown>;
type Api = ReturnType<typeof localClient>;
/** The client without its compile-time types, to send what a broken or hostile caller might send. */
type LooseApi = Record<string, (input?: unknown) => Promise<unknown>>;
const loose = (api: Api): LooseApi => api as unknown as LooseApi;

const HAN = /\p{Script=Han}/u;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every table in the file, every row, in storage order: "nothing written" means this does not change. */
const snapshot = (core: Core) => dumpTables(core.sqlite);

function row(core: Core, table: string, id: string): Row {
  const found = core.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Row | undefined;
  if (!found) throw new Error(`no ${table} row ${id}`);
  return found;
}

function rowsWhere(core: Core, table: string, column: string, value: string): Row[] {
  return core.sqlite.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ? ORDER BY rowid`).all(value) as Row[];
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
  throw new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 500)}`);
}

function expectBilingual(error: ApiError): void {
  expect(error.localized.zh).toMatch(HAN);
  expect(error.localized.en).toMatch(/[A-Za-z]{3}/);
  expect(error.localized.en).not.toMatch(HAN);
  expect(error.message).toBe(error.localized.en);
  expect(error.localized.en).not.toMatch(/\n\s+at /); // no stack trace
}

/** Refused as invalid input, in both languages, naming `field`, with nothing written. */
async function expectInvalid(core: Core, call: () => Promise<unknown>, field: string): Promise<ApiError> {
  const before = snapshot(core);
  const error = await rejection(call());
  expect(error.code).toBe('invalid_input');
  expectBilingual(error);
  expect(error.fields).toContain(field);
  expect(snapshot(core)).toEqual(before);
  return error;
}

const b64 = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Three cities and a programme. */
async function base(now: () => Date = () => NOW) {
  const core = await tempCore({ now });
  const api = localClient(core);
  const shantou = await api['organizations.create']({
    displayName: '汕头 / Shantou',
    nameZh: '汕头市',
    nameEn: 'Shantou',
    country: 'CN',
    aliases: ['Шантоу', 'Swatow'],
  });
  const burgas = await api['organizations.create']({ displayName: 'Burgas', nameLocal: 'Бургас', country: 'BG', aliases: ['Бургас', 'Bourgas'] });
  const liaoyuan = await api['organizations.create']({ displayName: '辽源 / Liaoyuan', country: 'CN' });
  const programmeId = insertRecord(core, 'programmes', { nameZh: '中欧区域政策合作', nameEn: 'EU–China Regional Policy Cooperation', startedOn: '2016' });
  return { core, api, shantou, burgas, liaoyuan, programmeId };
}
type Base = Awaited<ReturnType<typeof base>>;

/** A partnership between Shantou and Burgas unless told otherwise. */
function createPartnership(b: Base, title: string, extra: Partial<OperationInput<'partnerships.create'>> = {}) {
  return b.api['partnerships.create']({
    title,
    kind: 'sister_city',
    status: 'active',
    parties: [{ organizationId: b.shantou.id }, { organizationId: b.burgas.id }],
    ...extra,
  });
}

/** Two partnerships, and one of each workflow record hanging off the first. */
async function fixture(now: () => Date = () => NOW) {
  const b = await base(now);
  const { api } = b;
  const burgasLink = await createPartnership(b, 'Shantou–Burgas friendship', {
    titleZh: '汕头—布尔加斯友好城市',
    titleEn: 'Shantou–Burgas friendship',
    kind: 'friendship_city',
    statusSince: '2017-05-31',
    programmeId: b.programmeId,
    owner: '王芳',
    topics: ['port', 'culture_tourism'],
  });
  const liaoyuanLink = await createPartnership(b, 'Shantou–Liaoyuan cooperation', {
    kind: 'cooperation_mou',
    status: 'negotiating',
    statusSince: '2025-11',
    owner: 'Li Wei',
    topics: ['trade'],
    parties: [{ organizationId: b.shantou.id }, { organizationId: b.liaoyuan.id }],
  });
  const ivan = await api['contacts.create']({ name: 'Ivan Petrov', title: 'Deputy Mayor', organizationId: b.burgas.id, email: 'ivan@burgas.bg' });
  const meeting = await api['meetings.create']({
    title: 'Video call with Burgas',
    date: '2026-02-20',
    format: 'video',
    kind: 'working_meeting',
    partnershipIds: [burgasLink.id],
    attendees: [{ contactId: ivan.id, side: 'partner' }],
  });
  const milestone = await api['milestones.create']({
    partnershipId: burgasLink.id,
    title: 'Joint statement signed',
    date: '2017-05-31',
    kind: 'joint_statement',
    status: 'done',
  });
  const task = await api['tasks.create']({
    title: 'Send the minutes',
    partnershipId: burgasLink.id,
    meetingId: meeting.id,
    dueOn: '2026-03-10',
    assignee: '王芳',
  });
  const attachment = await api['attachments.add']({
    partnershipId: burgasLink.id,
    fileName: 'statement.pdf',
    mimeType: 'application/pdf',
    dataBase64: b64('%PDF-1.4 joint statement'),
  });
  return { ...b, burgasLink, liaoyuanLink, ivan, meeting, milestone, task, attachment };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

/** What test/unit/api.test.ts pins (its COVERED list). */
const COVERED_ELSEWHERE = [
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

/** What this file covers. */
const COVERED_HERE = [
  'partnerships.filterOptions',
  'partnerships.contacts',
  'milestones.list',
  'milestones.get',
  'milestones.create',
  'milestones.update',
  'milestones.delete',
  'milestones.restore',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'contacts.restore',
  'meetings.list',
  'meetings.get',
  'meetings.create',
  'meetings.update',
  'meetings.delete',
  'meetings.restore',
  'tasks.list',
  'tasks.assignees',
  'tasks.get',
  'tasks.create',
  'tasks.update',
  'tasks.complete',
  'tasks.reopen',
  'tasks.delete',
  'tasks.restore',
  'attachments.list',
  'attachments.add',
  'attachments.content',
  'attachments.remove',
  'attachments.restore',
  'dashboard.get',
  'trash.list',
  'trash.restore',
  'search.query',
  'settings.get',
  'settings.update',
] as const satisfies readonly OperationName[];
type CoveredHere = (typeof COVERED_HERE)[number];

/** Operations whose contract tests live in their own files (named there). */
const COVERED_IN_FILES: Record<string, readonly OperationName[]> = {
  'api-sync.test.ts': [
    'files.grant',
    'sync.export',
    'sync.exportStart',
    'sync.preview',
    'sync.merge',
    'sync.mergeStart',
    'jobs.get',
    'jobs.cancel',
    'sync.log',
    'conflicts.list',
    'conflicts.resolve',
    'duplicates.list',
    'duplicates.decide',
  ],
  'reports.test.ts': ['reports.html', 'reports.pdf', 'reports.pdfStart'],
  'map.test.ts': ['map.data', 'map.titles'],
  'gazetteer.test.ts': ['places.search'],
  'programmes.test.ts': ['programmes.create'],
  'backups-history.test.ts': ['backups.list', 'backups.daily', 'backups.create', 'backups.restore', 'backups.restoreStart', 'backups.delete', 'history.list'],
  'timeline-reminders.test.ts': ['timeline.portfolio', 'reminders.list'],
  'spreadsheet-import.test.ts': ['import.preview', 'import.commit', 'export.list'],
};

interface InvalidCase {
  what: string;
  input: (f: Fixture) => unknown;
  /** The field path the error must name. */
  field: string;
}

const meetingInput = (f: Fixture) => ({
  title: 'Port working group',
  date: '2026-03-02',
  format: 'in_person' as const,
  kind: 'working_meeting' as const,
  partnershipIds: [f.burgasLink.id],
});
const milestoneInput = (f: Fixture) => ({
  partnershipId: f.burgasLink.id,
  title: 'MoU renewal',
  date: '2026-05',
  kind: 'mou' as const,
  status: 'planned' as const,
});
const attachmentInput = (f: Fixture) => ({ partnershipId: f.burgasLink.id, fileName: 'minutes.txt', dataBase64: b64('minutes') });

/**
 * For every operation covered here (and the partnership list's newer filters): inputs a caller
 * could send that must be refused before anything is written.
 */
const invalidCases: Record<CoveredHere | 'partnerships.list', InvalidCase[]> = {
  'partnerships.list': [
    { what: 'three-letter country', input: () => ({ country: 'BGR' }), field: 'country' },
    { what: 'digits as country', input: () => ({ country: '12' }), field: 'country' },
    { what: 'bad topic', input: () => ({ topic: 'space' }), field: 'topic' },
    { what: 'bad sort', input: () => ({ sort: 'random' }), field: 'sort' },
    { what: 'malformed programme id', input: () => ({ programmeId: 'eu-china' }), field: 'programmeId' },
    { what: 'owner too long', input: () => ({ owner: 'x'.repeat(201) }), field: 'owner' },
    { what: 'owner of the wrong type', input: () => ({ owner: ['王芳'] }), field: 'owner' },
    { what: 'page over 500', input: () => ({ status: 'active', limit: 501 }), field: 'limit' },
    { what: 'negative offset', input: () => ({ sort: 'title', offset: -5 }), field: 'offset' },
  ],
  'partnerships.filterOptions': [{ what: 'unknown key', input: () => ({ status: 'active' }), field: 'status' }],
  'partnerships.contacts': [
    { what: 'missing partnershipId', input: () => ({}), field: 'partnershipId' },
    { what: 'malformed partnershipId', input: () => ({ partnershipId: 'shantou-burgas' }), field: 'partnershipId' },
    { what: 'unknown key', input: (f) => ({ partnershipId: f.burgasLink.id, withDeleted: true }), field: 'withDeleted' },
  ],

  'milestones.list': [
    { what: 'missing partnershipId', input: () => ({}), field: 'partnershipId' },
    { what: 'malformed partnershipId', input: () => ({ partnershipId: 42 }), field: 'partnershipId' },
    { what: 'unknown key', input: (f) => ({ partnershipId: f.burgasLink.id, status: 'planned' }), field: 'status' },
  ],
  'milestones.get': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'malformed id', input: () => ({ id: 'joint-statement' }), field: 'id' },
  ],
  'milestones.create': [
    { what: 'missing partnershipId', input: (f) => ({ ...milestoneInput(f), partnershipId: undefined }), field: 'partnershipId' },
    { what: 'missing title', input: (f) => ({ ...milestoneInput(f), title: undefined }), field: 'title' },
    { what: 'blank title', input: (f) => ({ ...milestoneInput(f), title: '  ' }), field: 'title' },
    { what: 'missing date', input: (f) => ({ ...milestoneInput(f), date: undefined }), field: 'date' },
    { what: 'month 13', input: (f) => ({ ...milestoneInput(f), date: '2015-13' }), field: 'date' },
    { what: 'February 30', input: (f) => ({ ...milestoneInput(f), date: '2024-02-30' }), field: 'date' },
    { what: 'April 31', input: (f) => ({ ...milestoneInput(f), date: '2025-04-31' }), field: 'date' },
    { what: 'February 29 of a common year', input: (f) => ({ ...milestoneInput(f), date: '2025-02-29' }), field: 'date' },
    { what: 'two-digit year', input: (f) => ({ ...milestoneInput(f), date: '15-06' }), field: 'date' },
    { what: 'date as a number', input: (f) => ({ ...milestoneInput(f), date: 2016 }), field: 'date' },
    { what: 'bad kind', input: (f) => ({ ...milestoneInput(f), kind: 'party' }), field: 'kind' },
    { what: 'bad status', input: (f) => ({ ...milestoneInput(f), status: 'postponed' }), field: 'status' },
    { what: 'unknown key', input: (f) => ({ ...milestoneInput(f), precision: 'month' }), field: 'precision' },
  ],
  'milestones.update': [
    { what: 'missing id', input: () => ({ title: 'Renamed' }), field: 'id' },
    { what: 'blank title', input: (f) => ({ id: f.milestone.id, title: '' }), field: 'title' },
    { what: 'month 00', input: (f) => ({ id: f.milestone.id, date: '2016-00' }), field: 'date' },
    { what: 'February 30', input: (f) => ({ id: f.milestone.id, date: '2024-02-30' }), field: 'date' },
    { what: 'bad status', input: (f) => ({ id: f.milestone.id, status: 'maybe' }), field: 'status' },
    { what: 'moving it to another partnership', input: (f) => ({ id: f.milestone.id, partnershipId: f.liaoyuanLink.id }), field: 'partnershipId' },
  ],
  'milestones.delete': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.milestone.id, hard: true }), field: 'hard' },
  ],
  'milestones.restore': [{ what: 'malformed id', input: () => ({ id: 'x' }), field: 'id' }],

  'contacts.list': [
    { what: 'query too long', input: () => ({ query: 'x'.repeat(201) }), field: 'query' },
    { what: 'malformed organizationId', input: () => ({ organizationId: 'burgas' }), field: 'organizationId' },
    { what: 'wrong type', input: () => ({ deleted: 'no' }), field: 'deleted' },
    { what: 'unknown key', input: () => ({ country: 'BG' }), field: 'country' },
    { what: 'page larger than 500', input: () => ({ limit: 501 }), field: 'limit' },
    { what: 'negative offset', input: () => ({ offset: -1 }), field: 'offset' },
  ],
  'contacts.get': [{ what: 'malformed id', input: () => ({ id: 'ivan' }), field: 'id' }],
  'contacts.create': [
    { what: 'missing name', input: () => ({ email: 'a@b.bg' }), field: 'name' },
    { what: 'blank name', input: () => ({ name: ' ' }), field: 'name' },
    { what: 'bad email', input: () => ({ name: 'Maria Ivanova', email: 'maria.burgas.bg' }), field: 'email' },
    { what: 'email with a space', input: () => ({ name: 'Maria Ivanova', email: 'maria @burgas.bg' }), field: 'email' },
    { what: 'malformed organizationId', input: () => ({ name: 'Maria Ivanova', organizationId: 'burgas' }), field: 'organizationId' },
    { what: 'name of the wrong type', input: () => ({ name: { first: 'Maria' } }), field: 'name' },
    { what: 'unknown key', input: () => ({ name: 'Maria Ivanova', wechat: 'maria_bg' }), field: 'wechat' },
  ],
  'contacts.update': [
    { what: 'missing id', input: () => ({ name: 'Ivan' }), field: 'id' },
    { what: 'blank name', input: (f) => ({ id: f.ivan.id, name: '' }), field: 'name' },
    { what: 'bad email', input: (f) => ({ id: f.ivan.id, email: 'ivan@' }), field: 'email' },
    { what: 'unknown key', input: (f) => ({ id: f.ivan.id, birthday: '1970-01-01' }), field: 'birthday' },
  ],
  'contacts.delete': [{ what: 'missing id', input: () => ({}), field: 'id' }],
  'contacts.restore': [{ what: 'wrong type', input: () => ({ id: 7 }), field: 'id' }],

  'meetings.list': [
    { what: 'impossible from', input: () => ({ from: '2026-02-30' }), field: 'from' },
    { what: 'month-only to', input: () => ({ to: '2026-03' }), field: 'to' },
    { what: 'malformed partnershipId', input: () => ({ partnershipId: 'x' }), field: 'partnershipId' },
    { what: 'unknown key', input: () => ({ kind: 'forum' }), field: 'kind' },
    { what: 'limit 0', input: () => ({ limit: 0 }), field: 'limit' },
    { what: 'limit 501', input: () => ({ limit: 501 }), field: 'limit' },
    { what: 'fractional limit', input: () => ({ limit: 2.5 }), field: 'limit' },
    { what: 'cursor as a string', input: () => ({ after: 'page-2' }), field: 'after' },
    { what: 'negative offset', input: () => ({ offset: -1 }), field: 'offset' },
    { what: 'fractional offset', input: () => ({ offset: 1.5 }), field: 'offset' },
    {
      what: 'offset and cursor together',
      input: () => ({ offset: 2, after: { date: '2026-02-03', time: null, id: '00000000-0000-4000-8000-000000000000' } }),
      field: 'offset',
    },
    {
      what: 'cursor with a bad date',
      input: () => ({ after: { date: '2026-02-30', time: null, id: '00000000-0000-4000-8000-000000000000' } }),
      field: 'after.date',
    },
    { what: 'cursor with a bad id', input: () => ({ after: { date: '2026-02-03', time: '10:00', id: 'x' } }), field: 'after.id' },
    { what: 'cursor without time', input: () => ({ after: { date: '2026-02-03', id: '00000000-0000-4000-8000-000000000000' } }), field: 'after.time' },
    {
      what: 'cursor with an extra key',
      input: () => ({ after: { date: '2026-02-03', time: null, id: '00000000-0000-4000-8000-000000000000', offset: 5 } }),
      field: 'after.offset',
    },
  ],
  'meetings.get': [{ what: 'missing id', input: () => ({}), field: 'id' }],
  'meetings.create': [
    { what: 'missing title', input: (f) => ({ ...meetingInput(f), title: undefined }), field: 'title' },
    { what: 'missing date', input: (f) => ({ ...meetingInput(f), date: undefined }), field: 'date' },
    { what: 'February 30', input: (f) => ({ ...meetingInput(f), date: '2024-02-30' }), field: 'date' },
    { what: 'month-only date', input: (f) => ({ ...meetingInput(f), date: '2026-03' }), field: 'date' },
    { what: 'time 25:00', input: (f) => ({ ...meetingInput(f), time: '25:00' }), field: 'time' },
    { what: 'time 24:00', input: (f) => ({ ...meetingInput(f), time: '24:00' }), field: 'time' },
    { what: 'time without a leading zero', input: (f) => ({ ...meetingInput(f), time: '9:30' }), field: 'time' },
    { what: 'time with minutes 60', input: (f) => ({ ...meetingInput(f), time: '10:60' }), field: 'time' },
    { what: 'bad format', input: (f) => ({ ...meetingInput(f), format: 'email' }), field: 'format' },
    { what: 'bad kind', input: (f) => ({ ...meetingInput(f), kind: 'dinner' }), field: 'kind' },
    { what: 'missing partnershipIds', input: (f) => ({ ...meetingInput(f), partnershipIds: undefined }), field: 'partnershipIds' },
    { what: 'empty partnershipIds', input: (f) => ({ ...meetingInput(f), partnershipIds: [] }), field: 'partnershipIds' },
    { what: 'partnershipIds as a string', input: (f) => ({ ...meetingInput(f), partnershipIds: f.burgasLink.id }), field: 'partnershipIds' },
    { what: 'duplicate partnership', input: (f) => ({ ...meetingInput(f), partnershipIds: [f.burgasLink.id, f.burgasLink.id] }), field: 'partnershipIds' },
    {
      what: 'attendee with neither name nor contact',
      input: (f) => ({
        ...meetingInput(f),
        attendees: [
          { name: 'Maria Ivanova', side: 'partner' },
          { side: 'ours', role: 'interpreter' },
        ],
      }),
      field: 'attendees.1.name',
    },
    { what: 'attendee with a blank name', input: (f) => ({ ...meetingInput(f), attendees: [{ name: '  ', side: 'ours' }] }), field: 'attendees.0.name' },
    { what: 'attendee with a bad side', input: (f) => ({ ...meetingInput(f), attendees: [{ name: 'Maria', side: 'theirs' }] }), field: 'attendees.0.side' },
    {
      what: 'attendee with an unknown key',
      input: (f) => ({ ...meetingInput(f), attendees: [{ name: 'Maria', side: 'partner', email: 'm@b.bg' }] }),
      field: 'attendees.0.email',
    },
    {
      what: 'follow-up with an empty title',
      input: (f) => ({ ...meetingInput(f), followUps: [{ title: 'Send the minutes' }, { title: '' }] }),
      field: 'followUps.1.title',
    },
    {
      what: 'follow-up due on February 30',
      input: (f) => ({ ...meetingInput(f), followUps: [{ title: 'Reply', dueOn: '2026-02-30' }] }),
      field: 'followUps.0.dueOn',
    },
    {
      what: 'follow-up with a bad priority',
      input: (f) => ({ ...meetingInput(f), followUps: [{ title: 'Reply', priority: 'urgent' }] }),
      field: 'followUps.0.priority',
    },
    {
      what: 'follow-up with a malformed partnershipId',
      input: (f) => ({ ...meetingInput(f), followUps: [{ title: 'Reply', partnershipId: 'burgas' }] }),
      field: 'followUps.0.partnershipId',
    },
    { what: 'unknown key', input: (f) => ({ ...meetingInput(f), weather: 'sunny' }), field: 'weather' },
  ],
  'meetings.update': [
    { what: 'missing id', input: () => ({ title: 'Renamed' }), field: 'id' },
    { what: 'empty partnershipIds', input: (f) => ({ id: f.meeting.id, partnershipIds: [] }), field: 'partnershipIds' },
    { what: 'time 25:00', input: (f) => ({ id: f.meeting.id, time: '25:00' }), field: 'time' },
    { what: 'February 30', input: (f) => ({ id: f.meeting.id, date: '2026-02-30' }), field: 'date' },
    { what: 'attendee without side', input: (f) => ({ id: f.meeting.id, attendees: [{ name: 'Maria' }] }), field: 'attendees.0.side' },
    { what: 'attendee with neither name nor contact', input: (f) => ({ id: f.meeting.id, attendees: [{ side: 'partner' }] }), field: 'attendees.0.name' },
    // follow-ups are tasks once the meeting exists: they are added through tasks.create
    { what: 'follow-ups on update', input: (f) => ({ id: f.meeting.id, followUps: [{ title: 'Reply' }] }), field: 'followUps' },
  ],
  'meetings.delete': [{ what: 'malformed id', input: () => ({ id: UNKNOWN_ID.replace(/-/g, '') }), field: 'id' }],
  'meetings.restore': [{ what: 'unknown key', input: (f) => ({ id: f.meeting.id, withTasks: true }), field: 'withTasks' }],

  'tasks.list': [
    { what: 'bad view', input: () => ({ view: 'today' }), field: 'view' },
    { what: 'impossible today', input: () => ({ view: 'overdue', today: '2026-02-30' }), field: 'today' },
    { what: 'today without zero padding', input: () => ({ view: 'week', today: '2026-3-4' }), field: 'today' },
    { what: 'wrong type', input: () => ({ includeClosed: 'yes' }), field: 'includeClosed' },
    { what: 'malformed meetingId', input: () => ({ meetingId: 'm1' }), field: 'meetingId' },
    { what: 'unknown key', input: () => ({ mine: true }), field: 'mine' },
    { what: 'empty page', input: () => ({ limit: 0 }), field: 'limit' },
    { what: 'offset as text', input: () => ({ offset: '100' }), field: 'offset' },
  ],
  'tasks.assignees': [{ what: 'unknown key', input: () => ({ includeDeleted: true }), field: 'includeDeleted' }],
  'tasks.get': [{ what: 'malformed id', input: () => ({ id: 'task-1' }), field: 'id' }],
  'tasks.create': [
    { what: 'missing title', input: () => ({ dueOn: '2026-03-10' }), field: 'title' },
    { what: 'blank title', input: () => ({ title: '   ' }), field: 'title' },
    { what: 'due on February 30', input: () => ({ title: 'Reply', dueOn: '2026-02-30' }), field: 'dueOn' },
    { what: 'due in month 13', input: () => ({ title: 'Reply', dueOn: '2026-13-01' }), field: 'dueOn' },
    { what: 'due in day-first order', input: () => ({ title: 'Reply', dueOn: '10/03/2026' }), field: 'dueOn' },
    { what: 'bad status', input: () => ({ title: 'Reply', status: 'waiting' }), field: 'status' },
    { what: 'bad priority', input: () => ({ title: 'Reply', priority: 'urgent' }), field: 'priority' },
    { what: 'malformed meetingId', input: () => ({ title: 'Reply', meetingId: 'video-call' }), field: 'meetingId' },
    { what: 'unknown key', input: () => ({ title: 'Reply', remindAt: '09:00' }), field: 'remindAt' },
  ],
  'tasks.update': [
    { what: 'missing id', input: () => ({ title: 'Reply' }), field: 'id' },
    { what: 'blank title', input: (f) => ({ id: f.task.id, title: '' }), field: 'title' },
    { what: 'bad status', input: (f) => ({ id: f.task.id, status: 'finished' }), field: 'status' },
    { what: 'malformed dueOn', input: (f) => ({ id: f.task.id, dueOn: '2026-03' }), field: 'dueOn' },
    { what: 'doneAt is not settable', input: (f) => ({ id: f.task.id, doneAt: '2026-03-01T00:00:00Z' }), field: 'doneAt' },
  ],
  'tasks.complete': [
    { what: 'missing id', input: () => ({}), field: 'id' },
    { what: 'unknown key', input: (f) => ({ id: f.task.id, doneAt: '2026-03-01' }), field: 'doneAt' },
  ],
  'tasks.reopen': [{ what: 'malformed id', input: () => ({ id: '' }), field: 'id' }],
  'tasks.delete': [{ what: 'missing id', input: () => ({}), field: 'id' }],
  'tasks.restore': [{ what: 'malformed id', input: () => ({ id: 'restore-me' }), field: 'id' }],

  'attachments.list': [
    { what: 'neither partnership nor meeting', input: () => ({}), field: 'partnershipId' },
    { what: 'malformed meetingId', input: () => ({ meetingId: 'x' }), field: 'meetingId' },
    { what: 'unknown key', input: (f) => ({ partnershipId: f.burgasLink.id, deleted: true }), field: 'deleted' },
  ],
  'attachments.add': [
    { what: 'neither partnership nor meeting', input: () => ({ fileName: 'minutes.txt', dataBase64: b64('minutes') }), field: 'partnershipId' },
    {
      what: 'null partnership and null meeting',
      input: () => ({ partnershipId: null, meetingId: null, fileName: 'a.txt', dataBase64: b64('a') }),
      field: 'partnershipId',
    },
    { what: 'missing fileName', input: (f) => ({ ...attachmentInput(f), fileName: undefined }), field: 'fileName' },
    { what: 'blank fileName', input: (f) => ({ ...attachmentInput(f), fileName: ' ' }), field: 'fileName' },
    { what: 'missing data', input: (f) => ({ ...attachmentInput(f), dataBase64: undefined }), field: 'dataBase64' },
    { what: 'data as an array of bytes', input: (f) => ({ ...attachmentInput(f), dataBase64: [1, 2, 3] }), field: 'dataBase64' },
    {
      what: 'oversize data (longer than any 25 MB file encodes to)',
      input: (f) => ({ ...attachmentInput(f), dataBase64: 'A'.repeat(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8) }),
      field: 'dataBase64',
    },
    { what: 'malformed partnershipId', input: () => ({ partnershipId: 'x', fileName: 'a.txt', dataBase64: b64('a') }), field: 'partnershipId' },
    { what: 'unknown key', input: (f) => ({ ...attachmentInput(f), path: '/etc/passwd' }), field: 'path' },
  ],
  'attachments.content': [{ what: 'malformed id', input: () => ({ id: 'statement.pdf' }), field: 'id' }],
  'attachments.remove': [{ what: 'missing id', input: () => ({}), field: 'id' }],
  'attachments.restore': [{ what: 'unknown key', input: (f) => ({ id: f.attachment.id, to: 'meeting' }), field: 'to' }],

  'dashboard.get': [
    { what: 'impossible today', input: () => ({ today: '2026-02-30' }), field: 'today' },
    { what: 'month-only today', input: () => ({ today: '2026-03' }), field: 'today' },
    { what: 'today as a number', input: () => ({ today: 20260304 }), field: 'today' },
    { what: 'unknown key', input: () => ({ days: 30 }), field: 'days' },
  ],
  'trash.list': [{ what: 'unknown key', input: () => ({ entity: 'tasks' }), field: 'entity' }],
  'trash.restore': [
    { what: 'missing entity', input: (f) => ({ id: f.task.id }), field: 'entity' },
    { what: 'entity that is not in the trash', input: (f) => ({ entity: 'meetingAttendees', id: f.meeting.id }), field: 'entity' },
    { what: 'missing id', input: () => ({ entity: 'tasks' }), field: 'id' },
    { what: 'malformed id', input: () => ({ entity: 'tasks', id: 'abc' }), field: 'id' },
    { what: 'unknown key', input: (f) => ({ entity: 'tasks', id: f.task.id, all: true }), field: 'all' },
  ],
  'search.query': [
    { what: 'missing query', input: () => ({}), field: 'query' },
    { what: 'query not text', input: () => ({ query: 5 }), field: 'query' },
    { what: 'query too long', input: () => ({ query: 'x'.repeat(201) }), field: 'query' },
    { what: 'limit 0', input: () => ({ query: 'Burgas', limit: 0 }), field: 'limit' },
    { what: 'fractional limit', input: () => ({ query: 'Burgas', limit: 1.5 }), field: 'limit' },
    { what: 'unknown kind', input: () => ({ query: 'Burgas', kinds: ['city'] }), field: 'kinds.0' },
    { what: 'no kinds', input: () => ({ query: 'Burgas', kinds: [] }), field: 'kinds' },
    { what: 'negative cursor', input: () => ({ query: 'Burgas', before: -1 }), field: 'before' },
    { what: 'unknown key', input: () => ({ query: 'Burgas', fuzzy: true }), field: 'fuzzy' },
    { what: 'limit above 5000', input: () => ({ query: 'Burgas', limit: 5001 }), field: 'limit' },
    { what: 'unknown key', input: () => ({ query: 'Burgas', kind: 'partnership' }), field: 'kind' },
  ],
  'settings.get': [{ what: 'unknown key', input: () => ({ key: 'user_name' }), field: 'key' }],
  'settings.update': [
    { what: 'wrong type', input: () => ({ userName: 42 }), field: 'userName' },
    { what: 'office name too long', input: () => ({ officeName: 'x'.repeat(201) }), field: 'officeName' },
    { what: 'English office name too long', input: () => ({ officeNameEn: 'x'.repeat(201) }), field: 'officeNameEn' },
    { what: 'unknown key', input: () => ({ userName: '王芳', theme: 'dark' }), field: 'theme' },
    { what: 'meta keys are not settable', input: () => ({ origin_id: 'stolen' }), field: 'origin_id' },
  ],
};

interface NotFoundCase {
  what: string;
  name: OperationName;
  input: (f: Fixture) => unknown;
  /** The id the message must name; default UNKNOWN_ID. */
  missing?: (f: Fixture) => string;
}

const notFoundCases: NotFoundCase[] = [
  { what: 'contacts of an unknown partnership', name: 'partnerships.contacts', input: () => ({ partnershipId: UNKNOWN_ID }) },

  { what: 'milestones of an unknown partnership', name: 'milestones.list', input: () => ({ partnershipId: UNKNOWN_ID }) },
  { what: 'get an unknown milestone', name: 'milestones.get', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'milestone on an unknown partnership', name: 'milestones.create', input: (f) => ({ ...milestoneInput(f), partnershipId: UNKNOWN_ID }) },
  { what: 'update an unknown milestone', name: 'milestones.update', input: () => ({ id: UNKNOWN_ID, status: 'done' }) },
  { what: 'delete an unknown milestone', name: 'milestones.delete', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'restore an unknown milestone', name: 'milestones.restore', input: () => ({ id: UNKNOWN_ID }) },

  { what: 'get an unknown contact', name: 'contacts.get', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'contact at an unknown organization', name: 'contacts.create', input: () => ({ name: 'Maria Ivanova', organizationId: UNKNOWN_ID }) },
  { what: 'update an unknown contact', name: 'contacts.update', input: () => ({ id: UNKNOWN_ID, phone: '+359 56 907 200' }) },
  { what: 'move a contact to an unknown organization', name: 'contacts.update', input: (f) => ({ id: f.ivan.id, title: 'Mayor', organizationId: UNKNOWN_ID }) },
  { what: 'delete an unknown contact', name: 'contacts.delete', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'restore an unknown contact', name: 'contacts.restore', input: () => ({ id: UNKNOWN_ID }) },

  { what: 'get an unknown meeting', name: 'meetings.get', input: () => ({ id: UNKNOWN_ID }) },
  {
    what: 'meeting with an unknown partnership (listed second)',
    name: 'meetings.create',
    input: (f) => ({ ...meetingInput(f), partnershipIds: [f.burgasLink.id, UNKNOWN_ID], followUps: [{ title: 'Reply' }] }),
  },
  {
    what: 'meeting with an unknown contact as attendee',
    name: 'meetings.create',
    input: (f) => ({
      ...meetingInput(f),
      attendees: [
        { name: 'Maria', side: 'partner' },
        { contactId: UNKNOWN_ID, side: 'partner' },
      ],
      followUps: [{ title: 'Reply' }],
    }),
  },
  {
    what: 'meeting with an attendee from an unknown organization',
    name: 'meetings.create',
    input: (f) => ({ ...meetingInput(f), attendees: [{ name: 'Maria', side: 'partner', organizationId: UNKNOWN_ID }] }),
  },
  { what: 'update an unknown meeting', name: 'meetings.update', input: () => ({ id: UNKNOWN_ID, title: 'Renamed' }) },
  {
    what: 'link a meeting to an unknown partnership',
    name: 'meetings.update',
    input: (f) => ({ id: f.meeting.id, title: 'Renamed', partnershipIds: [UNKNOWN_ID] }),
  },
  {
    what: 'replace attendees with an unknown contact',
    name: 'meetings.update',
    input: (f) => ({
      id: f.meeting.id,
      attendees: [
        { name: 'Maria', side: 'partner' },
        { contactId: UNKNOWN_ID, side: 'partner' },
      ],
    }),
  },
  { what: 'delete an unknown meeting', name: 'meetings.delete', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'restore an unknown meeting', name: 'meetings.restore', input: () => ({ id: UNKNOWN_ID }) },

  { what: 'get an unknown task', name: 'tasks.get', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'task with an unknown meeting', name: 'tasks.create', input: () => ({ title: 'Reply', meetingId: UNKNOWN_ID }) },
  { what: 'task with an unknown partnership', name: 'tasks.create', input: () => ({ title: 'Reply', partnershipId: UNKNOWN_ID }) },
  { what: 'update an unknown task', name: 'tasks.update', input: () => ({ id: UNKNOWN_ID, title: 'Reply' }) },
  { what: 'move a task to an unknown meeting', name: 'tasks.update', input: (f) => ({ id: f.task.id, title: 'Reply', meetingId: UNKNOWN_ID }) },
  { what: 'complete an unknown task', name: 'tasks.complete', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'reopen an unknown task', name: 'tasks.reopen', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'delete an unknown task', name: 'tasks.delete', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'restore an unknown task', name: 'tasks.restore', input: () => ({ id: UNKNOWN_ID }) },

  { what: 'attach to an unknown partnership', name: 'attachments.add', input: (f) => ({ ...attachmentInput(f), partnershipId: UNKNOWN_ID }) },
  { what: 'attach to an unknown meeting', name: 'attachments.add', input: (f) => ({ ...attachmentInput(f), partnershipId: undefined, meetingId: UNKNOWN_ID }) },
  { what: 'content of an unknown attachment', name: 'attachments.content', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'remove an unknown attachment', name: 'attachments.remove', input: () => ({ id: UNKNOWN_ID }) },
  { what: 'restore an unknown attachment', name: 'attachments.restore', input: () => ({ id: UNKNOWN_ID }) },

  { what: 'restore an unknown record from the trash', name: 'trash.restore', input: () => ({ entity: 'tasks', id: UNKNOWN_ID }) },
  // a real id, but of another kind of record
  { what: 'restore a task id as a meeting', name: 'trash.restore', input: (f) => ({ entity: 'meetings', id: f.task.id }), missing: (f) => f.task.id },
];

describe('contract coverage', () => {
  it('every operation in operationList is covered by api.test.ts or by this file, and no name is stale', () => {
    const names = operationList.map((op) => op.name as string);
    const covered = new Set<string>([...COVERED_ELSEWHERE, ...COVERED_HERE, ...Object.values(COVERED_IN_FILES).flat()]);
    const uncovered = names.filter((name) => !covered.has(name));
    expect(uncovered, 'operations covered by neither api.test.ts nor api-workflows.test.ts').toEqual([]);
    for (const name of covered) expect(names, name).toContain(name);
    expect(COVERED_ELSEWHERE).toHaveLength(15);
    expect(COVERED_HERE.filter((name) => (COVERED_ELSEWHERE as readonly string[]).includes(name))).toEqual([]);
    expect(new Set(COVERED_HERE).size).toBe(COVERED_HERE.length);
    // what is claimed to be covered elsewhere is named there
    const other = readFileSync(path.join(__dirname, 'api.test.ts'), 'utf8');
    for (const name of COVERED_ELSEWHERE) expect(other.includes(`'${name}'`), name).toBe(true);
    for (const [file, names] of Object.entries(COVERED_IN_FILES)) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      for (const name of names) expect(source.includes(`'${name}'`), `${name} in ${file}`).toBe(true);
    }
  });

  it('every operation covered here has invalid-input cases and is called through the typed client by a behaviour test', () => {
    const source = readFileSync(__filename, 'utf8');
    for (const name of COVERED_HERE) {
      expect(invalidCases[name].length, name).toBeGreaterThan(0);
      expect(source.includes(`api['${name}'](`), name).toBe(true);
    }
  });
});

describe('invalid input is refused in both languages, names the field, and writes nothing', () => {
  for (const [name, cases] of Object.entries(invalidCases)) {
    for (const c of cases) {
      it(`${name}: ${c.what}`, async () => {
        const f = await fixture();
        const error = await expectInvalid(f.core, () => loose(f.api)[name]!(c.input(f)), c.field);
        expect(error.fields).not.toContain('');
      });
    }
  }
});

describe('unknown ids give not_found and write nothing', () => {
  for (const c of notFoundCases) {
    it(`${c.name}: ${c.what}`, async () => {
      const f = await fixture();
      const before = snapshot(f.core);
      const error = await rejection(loose(f.api)[c.name]!(c.input(f)));
      expect(error.code).toBe('not_found');
      expectBilingual(error);
      const missing = c.missing ? c.missing(f) : UNKNOWN_ID;
      expect(error.localized.en).toContain(missing);
      expect(error.localized.zh).toContain(missing);
      expect(snapshot(f.core)).toEqual(before);
    });
  }

  it('deleted records cannot be edited, completed, or referenced by new records', async () => {
    const f = await fixture();
    const otherMeeting = await f.api['meetings.create']({ ...meetingInput(f), title: 'Dinner' });
    await f.api['partnerships.delete']({ id: f.liaoyuanLink.id });
    await f.api['contacts.delete']({ id: f.ivan.id });
    await f.api['meetings.delete']({ id: otherMeeting.id });
    await f.api['milestones.delete']({ id: f.milestone.id });
    await f.api['tasks.delete']({ id: f.task.id });
    await f.api['organizations.delete']({ id: f.liaoyuan.id });
    const before = snapshot(f.core);
    const calls: [string, () => Promise<unknown>][] = [
      [
        'milestone on a deleted partnership',
        () => f.api['milestones.create']({ ...milestoneInput(f), partnershipId: f.liaoyuanLink.id, kind: 'mou', status: 'planned' }),
      ],
      [
        'meeting on a deleted partnership',
        () => f.api['meetings.create']({ ...meetingInput(f), format: 'video', kind: 'forum', partnershipIds: [f.burgasLink.id, f.liaoyuanLink.id] }),
      ],
      [
        'meeting with a deleted contact',
        () => f.api['meetings.create']({ ...meetingInput(f), format: 'video', kind: 'forum', attendees: [{ contactId: f.ivan.id, side: 'partner' }] }),
      ],
      ['task on a deleted partnership', () => f.api['tasks.create']({ title: 'Reply', partnershipId: f.liaoyuanLink.id })],
      ['task on a deleted meeting', () => f.api['tasks.create']({ title: 'Reply', meetingId: otherMeeting.id })],
      ['attachment on a deleted meeting', () => f.api['attachments.add']({ meetingId: otherMeeting.id, fileName: 'a.txt', dataBase64: b64('a') })],
      ['attachment on a deleted partnership', () => f.api['attachments.add']({ partnershipId: f.liaoyuanLink.id, fileName: 'a.txt', dataBase64: b64('a') })],
      ['contact at a deleted organization', () => f.api['contacts.create']({ name: 'Wang Lei', organizationId: f.liaoyuan.id })],
      ['update a deleted milestone', () => f.api['milestones.update']({ id: f.milestone.id, title: 'Renamed' })],
      ['update a deleted contact', () => f.api['contacts.update']({ id: f.ivan.id, title: 'Mayor' })],
      ['update a deleted meeting', () => f.api['meetings.update']({ id: otherMeeting.id, title: 'Lunch' })],
      ['update a deleted task', () => f.api['tasks.update']({ id: f.task.id, title: 'Reply' })],
      ['complete a deleted task', () => f.api['tasks.complete']({ id: f.task.id })],
      ['reopen a deleted task', () => f.api['tasks.reopen']({ id: f.task.id })],
    ];
    for (const [what, call] of calls) {
      const error = await rejection(call());
      expect(error.code, what).toBe('not_found');
      expectBilingual(error);
    }
    expect(snapshot(f.core)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Partnerships: filter options, contacts, the list's filters and sorts
// ---------------------------------------------------------------------------------------------

describe('partnerships.filterOptions', () => {
  it('offers the programmes, the owners and the party countries in use, and follows deletes and party changes', async () => {
    const f = await fixture();
    expect(await f.api['partnerships.filterOptions']()).toEqual({
      programmes: [{ id: f.programmeId, nameZh: '中欧区域政策合作', nameEn: 'EU–China Regional Policy Cooperation' }],
      owners: ['Li Wei', '王芳'],
      countries: ['BG', 'CN'],
    });

    // a partnership without owner adds nothing; a party in a new country adds it
    const varna = await f.api['organizations.create']({ displayName: 'Varna', country: 'bg' });
    const ningbo = await f.api['organizations.create']({ displayName: 'Ningbo', country: 'CN' });
    const nl = await f.api['organizations.create']({ displayName: 'Amsterdam', country: 'NL' });
    const amsterdam = await createPartnership(f, 'Ningbo–Amsterdam', { parties: [{ organizationId: ningbo.id }, { organizationId: nl.id }] });
    expect((await f.api['partnerships.filterOptions']()).countries).toEqual(['BG', 'CN', 'NL']);
    expect((await f.api['partnerships.filterOptions']()).owners).toEqual(['Li Wei', '王芳']);

    // dropping a party drops its country
    await f.api['partnerships.update']({ id: amsterdam.id, parties: [{ organizationId: ningbo.id }, { organizationId: varna.id }] });
    expect((await f.api['partnerships.filterOptions']()).countries).toEqual(['BG', 'CN']);

    // a deleted partnership offers neither its owner nor its parties' countries
    await f.api['partnerships.delete']({ id: amsterdam.id });
    await f.api['partnerships.delete']({ id: f.burgasLink.id });
    expect(await f.api['partnerships.filterOptions']()).toMatchObject({ owners: ['Li Wei'], countries: ['CN'] });
    await f.api['partnerships.restore']({ id: f.burgasLink.id });
    expect(await f.api['partnerships.filterOptions']()).toMatchObject({ owners: ['Li Wei', '王芳'], countries: ['BG', 'CN'] });
  });

  it('app.finishOnboarding loads the sample only into a database without an office’s own data, in every shell alike', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    await api['organizations.create']({ displayName: '吉林市', country: 'CN' });
    const before = JSON.stringify(dumpTables(core.sqlite));
    const error = await rejected(api['app.finishOnboarding']({ choice: 'sample' }));
    expect(error.localized.en).toBe('This database already holds data; sample data is loaded only into a new or empty database.');
    expect(error.localized.zh).toBe('此数据库中已有数据；示例数据只能载入新的或空的数据库。');
    expect(JSON.stringify(dumpTables(core.sqlite))).toBe(before);
    // An empty start is still possible, and the sample goes into a database that holds only the sample.
    await api['app.finishOnboarding']({ choice: 'empty' });
    const fresh = localClient(await tempCore({ now: () => NOW }));
    await fresh['app.finishOnboarding']({ choice: 'sample' });
    expect((await fresh['partnerships.list']({})).total).toBeGreaterThan(0);
  });

  it('app.finishOnboarding keeps the office’s names and the user’s, under the rules of Settings', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    const tooLong = await rejected(api['app.finishOnboarding']({ choice: 'sample', officeName: '办'.repeat(201) }));
    expect(tooLong.fields).toEqual(['officeName']);
    expect((await api['partnerships.list']({})).total).toBe(0);
    expect((await api['app.info']()).needsOnboarding).toBe(true);
    await api['app.finishOnboarding']({ choice: 'empty', officeName: '汕头市外事局', officeNameEn: 'Shantou Foreign Affairs Bureau', userName: 'Li Wei' });
    expect(await api['settings.get']()).toMatchObject({ officeName: '汕头市外事局', officeNameEn: 'Shantou Foreign Affairs Bureau', userName: 'Li Wei' });
  });

  it('on the sample: the programmes of the sample, and every country of a party', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    expect(await api['partnerships.filterOptions']()).toEqual({ programmes: [], owners: [], countries: [] });
    await api['app.finishOnboarding']({ choice: 'sample' });
    const options = await api['partnerships.filterOptions']();
    expect(options.programmes.map((p) => p.nameEn)).toEqual(
      expect.arrayContaining(['EU–China Regional Policy Cooperation', 'EU–China Smart City Cooperation']),
    );
    expect(options.countries).toEqual(expect.arrayContaining(['BG', 'CN', 'DK', 'ES']));
    expect(options.countries).toEqual([...options.countries].sort());
    expect(options.owners).toEqual([]);
  });
});

describe('partnerships.list filters and sorts', () => {
  it('filters by country (any party), topic, programme and owner, alone and combined', async () => {
    const f = await fixture();
    const ids = async (input: OperationInput<'partnerships.list'>) => (await f.api['partnerships.list'](input)).rows.map((p) => p.id).sort();
    const both = [f.burgasLink.id, f.liaoyuanLink.id].sort();

    expect(await ids({ country: 'BG' })).toEqual([f.burgasLink.id]);
    expect(await ids({ country: ' bg ' })).toEqual([f.burgasLink.id]);
    expect(await ids({ country: 'CN' })).toEqual(both);
    expect(await ids({ country: 'NL' })).toEqual([]);
    expect(await ids({ topic: 'port' })).toEqual([f.burgasLink.id]);
    expect(await ids({ topic: 'trade' })).toEqual([f.liaoyuanLink.id]);
    expect(await ids({ topic: 'health' })).toEqual([]);
    expect(await ids({ programmeId: f.programmeId })).toEqual([f.burgasLink.id]);
    expect(await ids({ programmeId: UNKNOWN_ID })).toEqual([]);
    expect(await ids({ owner: '王芳' })).toEqual([f.burgasLink.id]);
    expect(await ids({ owner: 'Li Wei' })).toEqual([f.liaoyuanLink.id]);
    expect(await ids({ owner: 'Li' })).toEqual([]); // the owner filter is exact
    expect(await ids({ country: 'CN', topic: 'trade' })).toEqual([f.liaoyuanLink.id]);
    expect(await ids({ country: 'BG', status: 'negotiating' })).toEqual([]);
    expect(await ids({ country: 'CN', owner: '王芳', programmeId: f.programmeId, topic: 'culture_tourism' })).toEqual([f.burgasLink.id]);

    // a removed party no longer matches its country
    await f.api['partnerships.update']({ id: f.burgasLink.id, parties: [{ organizationId: f.shantou.id }, { organizationId: f.liaoyuan.id }] });
    expect(await ids({ country: 'BG' })).toEqual([]);
    // a changed topic list
    await f.api['partnerships.update']({ id: f.liaoyuanLink.id, topics: ['port'] });
    expect(await ids({ topic: 'port' })).toEqual(both);
    expect(await ids({ topic: 'trade' })).toEqual([]);
    // deleted partnerships only with deleted: true
    await f.api['partnerships.delete']({ id: f.liaoyuanLink.id });
    expect(await ids({ topic: 'port' })).toEqual([f.burgasLink.id]);
    expect(await ids({ topic: 'port', deleted: true })).toEqual([f.liaoyuanLink.id]);
  });

  it('on the sample: country BG finds Shantou–Burgas, DK the China–Denmark pilots; topic matches the topics shown', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    await api['app.finishOnboarding']({ choice: 'sample' });
    const all = (await api['partnerships.list']()).rows;
    const bg = (await api['partnerships.list']({ country: 'BG' })).rows;
    expect(bg.map((p) => p.id)).toEqual([sampleId('partnerships:shantou-burgas')]);
    expect(bg[0]).toMatchObject({ titleEn: 'Shantou–Burgas project cooperation', status: 'active' });
    expect(bg[0]!.parties.map((p) => p.country)).toContain('BG');
    const dk = (await api['partnerships.list']({ country: 'dk' })).rows;
    expect(dk.length).toBeGreaterThan(0);
    for (const p of dk) expect((await api['partnerships.get']({ id: p.id })).parties.map((party) => party.country)).toContain('DK');

    const port = (await api['partnerships.list']({ topic: 'port' })).rows;
    expect(port.length).toBeGreaterThan(0);
    expect(port.length).toBeLessThan(all.length);
    expect(port.map((p) => p.id).sort()).toEqual(
      all
        .filter((p) => p.topics.includes('port'))
        .map((p) => p.id)
        .sort(),
    );

    const regional = (await api['partnerships.filterOptions']()).programmes.find((p) => p.nameEn === 'EU–China Regional Policy Cooperation')!;
    const inProgramme = (await api['partnerships.list']({ programmeId: regional.id })).rows;
    expect(inProgramme.map((p) => p.id)).toContain(sampleId('partnerships:shantou-burgas'));
    for (const p of inProgramme) expect(p.programmeNameEn).toBe('EU–China Regional Policy Cooperation');
    expect(inProgramme.length).toBeLessThan(all.length);
  });

  it('sorts by title alphabetically, by status (active first), by last update, and by default by status date, newest first', async () => {
    let clock = NOW;
    const f = await fixture(() => clock);
    await createPartnership(f, 'Amsterdam smart city', { status: 'prospect', statusSince: '2026' });
    await createPartnership(f, 'Zagreb exchange', { status: 'dormant', statusSince: '2020-01-15' });
    await createPartnership(f, 'Burgas port pilot', { status: 'concluded', statusSince: '2019' });
    const titles = async (input: OperationInput<'partnerships.list'>) => (await f.api['partnerships.list'](input)).rows.map((p) => p.title);

    expect(await titles({ sort: 'title' })).toEqual([
      'Amsterdam smart city',
      'Burgas port pilot',
      'Shantou–Burgas friendship',
      'Shantou–Liaoyuan cooperation',
      'Zagreb exchange',
    ]);
    expect((await f.api['partnerships.list']({ sort: 'status' })).rows.map((p) => p.status)).toEqual([
      'active',
      'negotiating',
      'prospect',
      'dormant',
      'concluded',
    ]);
    expect(await titles({})).toEqual([
      'Amsterdam smart city', // 2026
      'Shantou–Liaoyuan cooperation', // 2025-11
      'Zagreb exchange', // 2020-01-15
      'Burgas port pilot', // 2019
      'Shantou–Burgas friendship', // 2017-05-31
    ]);

    clock = new Date(NOW.getTime() + 60_000);
    await f.api['partnerships.update']({ id: f.burgasLink.id, owner: 'Zhang Min' });
    expect((await titles({ sort: 'updated' }))[0]).toBe('Shantou–Burgas friendship');
    clock = new Date(NOW.getTime() + 120_000);
    await f.api['partnerships.update']({ id: f.liaoyuanLink.id, summary: 'Talks on a trade MoU' });
    expect((await titles({ sort: 'updated' })).slice(0, 2)).toEqual(['Shantou–Liaoyuan cooperation', 'Shantou–Burgas friendship']);
    // the sort does not filter
    expect(await titles({ sort: 'updated' })).toHaveLength(5);
  });

  it('on the sample: sort by title is in alphabetical order', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    await api['app.finishOnboarding']({ choice: 'sample' });
    const titles = (await api['partnerships.list']({ sort: 'title' })).rows.map((p) => p.title);
    expect(titles).toHaveLength(8);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(titles).not.toEqual((await api['partnerships.list']()).rows.map((p) => p.title));
  });
});

describe('partnerships.contacts', () => {
  it('lists staff of the party organizations and attendees of its meetings, by name, nobody else', async () => {
    const f = await fixture();
    const maria = await f.api['contacts.create']({ name: 'Maria Ivanova' }); // no organization
    const wang = await f.api['contacts.create']({ name: 'Wang Lei', organizationId: f.liaoyuan.id });
    const anna = await f.api['contacts.create']({ name: 'Anna Georgieva', organizationId: f.burgas.id });
    const lin = await f.api['contacts.create']({ name: 'Lin Yimin', organizationId: f.shantou.id });
    const gone = await f.api['contacts.create']({ name: 'Boris Deleted', organizationId: f.burgas.id });
    await f.api['contacts.delete']({ id: gone.id });
    const names = async (partnershipId: string) => (await f.api['partnerships.contacts']({ partnershipId })).map((c) => c.name);
    const ids = async (partnershipId: string) => (await f.api['partnerships.contacts']({ partnershipId })).map((c) => c.id);

    // Burgas link: Shantou and Burgas staff; Wang (Liaoyuan) is not connected, Maria has not met us yet
    expect(await names(f.burgasLink.id)).toEqual(['Anna Georgieva', 'Ivan Petrov', 'Lin Yimin']);
    expect(await names(f.liaoyuanLink.id)).toEqual(['Lin Yimin', 'Wang Lei']);

    // Maria attends a meeting about the Burgas link
    const meeting = await f.api['meetings.create']({
      ...meetingInput(f),
      format: 'in_person',
      kind: 'forum',
      attendees: [{ contactId: maria.id, side: 'partner' }],
    });
    expect(await names(f.burgasLink.id)).toEqual(['Anna Georgieva', 'Ivan Petrov', 'Lin Yimin', 'Maria Ivanova']);
    const listed = (await f.api['partnerships.contacts']({ partnershipId: f.burgasLink.id })).find((c) => c.id === maria.id);
    expect(listed).toMatchObject({ name: 'Maria Ivanova', organizationId: null, organizationName: null, deletedAt: null });
    expect(await names(f.liaoyuanLink.id)).toEqual(['Lin Yimin', 'Wang Lei']);

    // the meeting moves to the Liaoyuan link: Maria follows it
    await f.api['meetings.update']({ id: meeting.id, partnershipIds: [f.liaoyuanLink.id] });
    expect(await names(f.burgasLink.id)).toEqual(['Anna Georgieva', 'Ivan Petrov', 'Lin Yimin']);
    expect(await names(f.liaoyuanLink.id)).toEqual(['Lin Yimin', 'Maria Ivanova', 'Wang Lei']);

    // a deleted meeting no longer connects her
    await f.api['meetings.delete']({ id: meeting.id });
    expect(await names(f.liaoyuanLink.id)).toEqual(['Lin Yimin', 'Wang Lei']);

    // a party removed: its staff leave
    await f.api['partnerships.update']({ id: f.burgasLink.id, parties: [{ organizationId: f.burgas.id }, { organizationId: f.liaoyuan.id }] });
    expect(await ids(f.burgasLink.id)).toEqual([anna.id, f.ivan.id, wang.id]);
    expect(await ids(f.liaoyuanLink.id)).toEqual([lin.id, wang.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

describe('milestones', () => {
  it('create derives the precision from the date, and the milestones show in date order on the partnership', async () => {
    const f = await fixture();
    const year = await f.api['milestones.create']({
      partnershipId: f.liaoyuanLink.id,
      title: 'Expo in Changchun',
      date: '2016',
      kind: 'forum',
      status: 'done',
    });
    const month = await f.api['milestones.create']({
      partnershipId: f.liaoyuanLink.id,
      title: 'MoU proposed',
      date: '2015-06',
      kind: 'proposal',
      status: 'done',
      source: 'seeds/003',
      notes: '  ',
    });
    const day = await f.api['milestones.create']({ partnershipId: f.liaoyuanLink.id, title: 'MoU signed', date: '2017-05-31', kind: 'mou', status: 'done' });
    expect(year).toMatchObject({ date: '2016', datePrecision: 'year', partnershipId: f.liaoyuanLink.id, kind: 'forum', status: 'done', deletedAt: null });
    expect(month).toMatchObject({ date: '2015-06', datePrecision: 'month', source: 'seeds/003', notes: null });
    expect(day).toMatchObject({ date: '2017-05-31', datePrecision: 'day' });
    expect(await f.api['milestones.get']({ id: month.id })).toEqual(month);

    const listed = await f.api['milestones.list']({ partnershipId: f.liaoyuanLink.id });
    expect(listed.map((m) => m.id)).toEqual([month.id, year.id, day.id]);
    expect(listed.map((m) => m.datePrecision)).toEqual(['month', 'year', 'day']);
    expect((await f.api['partnerships.get']({ id: f.liaoyuanLink.id })).milestones.map((m) => [m.title, m.datePrecision])).toEqual([
      ['MoU proposed', 'month'],
      ['Expo in Changchun', 'year'],
      ['MoU signed', 'day'],
    ]);
    // the other partnership's milestones are its own
    expect((await f.api['milestones.list']({ partnershipId: f.burgasLink.id })).map((m) => m.id)).toEqual([f.milestone.id]);
    // stored once, stamped
    expect(row(f.core, 'milestones', year.id)).toMatchObject({ date_precision: 'year', partnership_id: f.liaoyuanLink.id });
  });

  it('update changes the given fields, re-derives the precision from a new date and keeps it otherwise', async () => {
    const f = await fixture();
    const updated = await f.api['milestones.update']({ id: f.milestone.id, date: '2017-05', notes: 'Brussels' });
    expect(updated).toMatchObject({ date: '2017-05', datePrecision: 'month', notes: 'Brussels', title: 'Joint statement signed', status: 'done' });
    const renamed = await f.api['milestones.update']({ id: f.milestone.id, title: 'Joint statement', status: 'cancelled' });
    expect(renamed).toMatchObject({ date: '2017-05', datePrecision: 'month', title: 'Joint statement', status: 'cancelled' });
    const year = await f.api['milestones.update']({ id: f.milestone.id, date: '2017' });
    expect(year.datePrecision).toBe('year');
    expect(await f.api['milestones.get']({ id: f.milestone.id })).toEqual(year);
    // clearing an optional text
    expect((await f.api['milestones.update']({ id: f.milestone.id, notes: null })).notes).toBeNull();

    const before = snapshot(f.core);
    await f.api['milestones.update']({ id: f.milestone.id, title: 'Joint statement', date: '2017' });
    expect(snapshot(f.core)).toEqual(before);
  });

  it('delete hides it from the partnership and puts it in the trash; restore brings it back', async () => {
    const f = await fixture();
    const deleted = await f.api['milestones.delete']({ id: f.milestone.id });
    expect(deleted.deletedAt).toBe(NOW.toISOString());
    expect(await f.api['milestones.list']({ partnershipId: f.burgasLink.id })).toEqual([]);
    expect((await f.api['partnerships.get']({ id: f.burgasLink.id })).milestones).toEqual([]);
    expect(await f.api['trash.list']()).toContainEqual({
      entity: 'milestones',
      id: f.milestone.id,
      label: 'Joint statement signed',
      deletedAt: NOW.toISOString(),
    });
    expect((await f.api['milestones.get']({ id: f.milestone.id })).deletedAt).toBe(NOW.toISOString());

    const restored = await f.api['milestones.restore']({ id: f.milestone.id });
    expect(restored).toEqual({ ...f.milestone, deletedAt: null });
    expect((await f.api['milestones.list']({ partnershipId: f.burgasLink.id })).map((m) => m.id)).toEqual([f.milestone.id]);
    expect((await f.api['trash.list']()).map((t) => t.id)).not.toContain(f.milestone.id);

    const before = snapshot(f.core);
    await f.api['milestones.restore']({ id: f.milestone.id });
    expect(snapshot(f.core)).toEqual(before);
  });

  it('milestones of a deleted partnership can still be read (for its trash view)', async () => {
    const f = await fixture();
    await f.api['partnerships.delete']({ id: f.burgasLink.id });
    expect((await f.api['milestones.list']({ partnershipId: f.burgasLink.id })).map((m) => m.id)).toEqual([f.milestone.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

describe('contacts', () => {
  it('create stores the normalized contact with its organization, visible through get and list', async () => {
    const f = await fixture();
    const anna = await f.api['contacts.create']({
      name: '  Anna Georgieva ',
      title: 'Head of International Relations',
      organizationId: f.burgas.id,
      email: ' anna@burgas.bg ',
      phone: '',
      notes: 'Speaks Chinese',
    });
    expect(anna).toMatchObject({
      name: 'Anna Georgieva',
      title: 'Head of International Relations',
      organizationId: f.burgas.id,
      organizationName: 'Burgas',
      email: 'anna@burgas.bg',
      phone: null,
      notes: 'Speaks Chinese',
      deletedAt: null,
      meetings: [],
    });
    expect(await f.api['contacts.get']({ id: anna.id })).toEqual(anna);
    const { rows: list } = await f.api['contacts.list']();
    expect(list.map((c) => c.name)).toEqual(['Anna Georgieva', 'Ivan Petrov']);
    expect(list[0]).toEqual((({ meetings: _meetings, ...rest }) => rest)(anna));
  });

  it('get lists the meetings the contact attended, newest first, with the role', async () => {
    const f = await fixture();
    const later = await f.api['meetings.create']({
      ...meetingInput(f),
      format: 'in_person',
      kind: 'signing',
      date: '2026-03-02',
      attendees: [{ contactId: f.ivan.id, side: 'partner', role: 'signatory' }],
    });
    const detail = await f.api['contacts.get']({ id: f.ivan.id });
    expect(detail.meetings).toEqual([
      { id: later.id, title: 'Port working group', date: '2026-03-02', role: 'signatory' },
      { id: f.meeting.id, title: 'Video call with Burgas', date: '2026-02-20', role: null },
    ]);
    await f.api['meetings.delete']({ id: later.id });
    expect((await f.api['contacts.get']({ id: f.ivan.id })).meetings.map((m) => m.id)).toEqual([f.meeting.id]);
  });

  it('list finds by name, title or email (% and _ literally), by organization, and the deleted on request', async () => {
    const f = await fixture();
    const anna = await f.api['contacts.create']({ name: 'Anna Georgieva', organizationId: f.burgas.id, email: 'anna_g@burgas.bg' });
    const wang = await f.api['contacts.create']({ name: 'Wang Lei', title: '外办主任', organizationId: f.liaoyuan.id, email: 'annaxg@liaoyuan.cn' });
    const ids = async (input: OperationInput<'contacts.list'>) => (await f.api['contacts.list'](input)).rows.map((c) => c.id);
    expect(await ids({ query: 'petrov' })).toEqual([f.ivan.id]);
    expect(await ids({ query: 'Deputy' })).toEqual([f.ivan.id]);
    expect(await ids({ query: '外办' })).toEqual([wang.id]);
    expect(await ids({ query: 'burgas.bg' })).toEqual([anna.id, f.ivan.id]);
    expect(await ids({ query: 'anna_g' })).toEqual([anna.id]); // not annaxg
    expect(await ids({ query: '%' })).toEqual([]);
    expect(await ids({ organizationId: f.burgas.id })).toEqual([anna.id, f.ivan.id]);
    expect(await ids({ organizationId: f.liaoyuan.id })).toEqual([wang.id]);
    expect(await ids({ organizationId: f.shantou.id })).toEqual([]);
    await f.api['contacts.delete']({ id: anna.id });
    expect(await ids({ organizationId: f.burgas.id })).toEqual([f.ivan.id]);
    expect(await ids({ deleted: true })).toEqual([anna.id]);
  });

  it('update changes the given fields; empty text and null clear them; the organization can change or go', async () => {
    const f = await fixture();
    const updated = await f.api['contacts.update']({ id: f.ivan.id, title: 'Mayor', phone: '+359 56 907 200', organizationId: f.shantou.id });
    expect(updated).toMatchObject({
      name: 'Ivan Petrov',
      title: 'Mayor',
      phone: '+359 56 907 200',
      organizationId: f.shantou.id,
      organizationName: '汕头 / Shantou',
      email: 'ivan@burgas.bg',
    });
    expect(updated.meetings.map((m) => m.id)).toEqual([f.meeting.id]);
    const cleared = await f.api['contacts.update']({ id: f.ivan.id, email: '', organizationId: null, phone: null });
    expect(cleared).toMatchObject({ email: null, organizationId: null, organizationName: null, phone: null, title: 'Mayor' });
    expect(await f.api['contacts.get']({ id: f.ivan.id })).toEqual(cleared);
    expect((await f.api['contacts.list']({ organizationId: f.burgas.id })).rows.map((c) => c.id)).toEqual([]);
  });

  it('delete hides the contact from lists and puts it in the trash; restore brings it back', async () => {
    const f = await fixture();
    expect((await f.api['contacts.delete']({ id: f.ivan.id })).deletedAt).toBe(NOW.toISOString());
    expect((await f.api['contacts.list']()).rows).toEqual([]);
    expect((await f.api['partnerships.contacts']({ partnershipId: f.burgasLink.id })).map((c) => c.id)).toEqual([]);
    expect(await f.api['trash.list']()).toContainEqual({ entity: 'contacts', id: f.ivan.id, label: 'Ivan Petrov', deletedAt: NOW.toISOString() });
    // the meeting keeps its attendee's name
    expect((await f.api['meetings.get']({ id: f.meeting.id })).attendees.map((a) => a.name)).toEqual(['Ivan Petrov']);
    const restored = await f.api['contacts.restore']({ id: f.ivan.id });
    expect(restored.deletedAt).toBeNull();
    expect(await f.api['contacts.get']({ id: f.ivan.id })).toEqual(restored);
    expect({ ...restored, meetings: [] }).toEqual(f.ivan);
    expect(restored.meetings.map((m) => m.id)).toEqual([f.meeting.id]);
    expect((await f.api['contacts.list']()).rows.map((c) => c.id)).toEqual([f.ivan.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

describe('meetings', () => {
  it('create with attendees and two follow-ups writes the meeting, its partnership links, attendees and both tasks', async () => {
    const f = await fixture();
    const counts = () => Object.fromEntries(['meetings', 'meeting_partnerships', 'meeting_attendees', 'tasks'].map((t) => [t, countRows(f.core, t)]));
    const before = counts();
    const created = await f.api['meetings.create']({
      title: 'Burgas delegation visits Shantou',
      date: '2026-03-02',
      time: '09:30',
      location: '汕头市政府',
      format: 'in_person',
      kind: 'incoming_delegation',
      partnershipIds: [f.burgasLink.id, f.liaoyuanLink.id],
      attendees: [
        { contactId: f.ivan.id, side: 'partner', role: 'head of delegation' },
        { name: '张伟', side: 'ours', organizationId: f.shantou.id, isInterpreter: true },
        { name: 'Maria Ivanova', side: 'partner', organizationName: 'Burgas Port Authority' },
      ],
      agenda: 'Port cooperation',
      outcomes: 'Draft MoU by April',
      followUps: [
        { title: 'Send the draft MoU', assignee: '王芳', dueOn: '2026-03-10', priority: 'high', details: 'Bilingual' },
        { title: 'Invite Liaoyuan to the expo', partnershipId: f.liaoyuanLink.id },
      ],
    });
    expect(counts()).toEqual({
      meetings: before.meetings! + 1,
      meeting_partnerships: before.meeting_partnerships! + 2,
      meeting_attendees: before.meeting_attendees! + 3,
      tasks: before.tasks! + 2,
    });
    expect(created).toMatchObject({
      title: 'Burgas delegation visits Shantou',
      date: '2026-03-02',
      time: '09:30',
      location: '汕头市政府',
      format: 'in_person',
      kind: 'incoming_delegation',
      agenda: 'Port cooperation',
      outcomes: 'Draft MoU by April',
      summary: null,
      deletedAt: null,
    });
    expect(created.partnerships.map((p) => p.id)).toEqual([f.burgasLink.id, f.liaoyuanLink.id]);
    expect(created.partnerships[0]).toMatchObject({ title: 'Shantou–Burgas friendship', titleZh: '汕头—布尔加斯友好城市' });
    expect(created.attendees.map((a) => ({ ...a, id: undefined }))).toEqual([
      {
        id: undefined,
        contactId: f.ivan.id,
        name: 'Ivan Petrov',
        side: 'partner',
        organizationId: null,
        organizationName: null,
        role: 'head of delegation',
        isInterpreter: false,
      },
      {
        id: undefined,
        contactId: null,
        name: '张伟',
        side: 'ours',
        organizationId: f.shantou.id,
        organizationName: '汕头 / Shantou',
        role: null,
        isInterpreter: true,
      },
      {
        id: undefined,
        contactId: null,
        name: 'Maria Ivanova',
        side: 'partner',
        organizationId: null,
        organizationName: 'Burgas Port Authority',
        role: null,
        isInterpreter: false,
      },
    ]);
    // both follow-ups are tasks of this meeting; the first defaults to the meeting's first partnership
    expect(created.tasks.map((t) => [t.title, t.meetingId, t.partnershipId, t.status, t.priority, t.assignee, t.dueOn])).toEqual([
      ['Send the draft MoU', created.id, f.burgasLink.id, 'open', 'high', '王芳', '2026-03-10'],
      ['Invite Liaoyuan to the expo', created.id, f.liaoyuanLink.id, 'open', 'normal', null, null],
    ]);
    expect(created.tasks[0]).toMatchObject({
      details: 'Bilingual',
      meetingTitle: 'Burgas delegation visits Shantou',
      partnershipTitle: 'Shantou–Burgas friendship',
      doneAt: null,
    });

    // seen through later reads
    expect(await f.api['meetings.get']({ id: created.id })).toEqual(created);
    expect((await f.api['tasks.list']({ meetingId: created.id })).rows.map((t) => t.id).sort()).toEqual(created.tasks.map((t) => t.id).sort());
    expect((await f.api['tasks.list']({ partnershipId: f.liaoyuanLink.id })).rows.map((t) => t.title)).toEqual(['Invite Liaoyuan to the expo']);
    expect((await f.api['meetings.list']({ partnershipId: f.liaoyuanLink.id })).rows.map((m) => m.id)).toEqual([created.id]);
    expect((await f.api['contacts.get']({ id: f.ivan.id })).meetings[0]).toEqual({
      id: created.id,
      title: 'Burgas delegation visits Shantou',
      date: '2026-03-02',
      role: 'head of delegation',
    });
    for (const link of rowsWhere(f.core, 'meeting_partnerships', 'meeting_id', created.id)) expect(link.deleted_at).toBeNull();
  });

  it('create is all or nothing: a follow-up outside the meeting\u2019s partnerships writes no meeting, link, attendee or task', async () => {
    const f = await fixture();
    const input = {
      title: 'Burgas delegation visits Shantou',
      date: '2026-03-02',
      format: 'in_person' as const,
      kind: 'incoming_delegation' as const,
      partnershipIds: [f.burgasLink.id],
      attendees: [{ contactId: f.ivan.id, side: 'partner' as const }],
    };
    const error = await expectInvalid(
      f.core,
      () =>
        f.api['meetings.create']({
          ...input,
          followUps: [{ title: 'Send the draft MoU' }, { title: 'Invite Liaoyuan to the expo', partnershipId: f.liaoyuanLink.id }],
        }),
      'followUps',
    );
    expect(error.localized.en).toMatch(/nothing was saved/i);
    // a follow-up on a partnership that does not exist at all
    await expectInvalid(
      f.core,
      () => f.api['meetings.create']({ ...input, followUps: [{ title: 'Reply' }, { title: 'Reply again', partnershipId: UNKNOWN_ID }] }),
      'followUps',
    );
    // one follow-up with an empty title
    await expectInvalid(
      f.core,
      () => f.api['meetings.create']({ ...input, followUps: [{ title: 'Send the draft MoU' }, { title: ' ' }] }),
      'followUps.1.title',
    );
    // one attendee with neither name nor contact, after a valid one
    await expectInvalid(
      f.core,
      () => f.api['meetings.create']({ ...input, attendees: [{ contactId: f.ivan.id, side: 'partner' }, { side: 'ours' }], followUps: [{ title: 'Reply' }] }),
      'attendees.1.name',
    );
    expect((await f.api['meetings.list']()).rows).toHaveLength(1);
    expect((await f.api['tasks.list']()).rows).toHaveLength(1);

    // the same meeting with the follow-up on one of its partnerships goes through
    const ok = await f.api['meetings.create']({
      ...input,
      partnershipIds: [f.burgasLink.id, f.liaoyuanLink.id],
      followUps: [{ title: 'Send the draft MoU' }, { title: 'Invite Liaoyuan to the expo', partnershipId: f.liaoyuanLink.id }],
    });
    expect(ok.tasks).toHaveLength(2);
  });

  it('list: newest first (by date, then time), filtered by partnership, date range and title (literally), deleted on request', async () => {
    const f = await fixture();
    const morning = await f.api['meetings.create']({ ...meetingInput(f), title: 'Morning 100% session', date: '2026-03-02', time: '09:00' });
    const afternoon = await f.api['meetings.create']({ ...meetingInput(f), title: 'Afternoon session', date: '2026-03-02', time: '15:00' });
    const liaoyuan = await f.api['meetings.create']({
      ...meetingInput(f),
      title: 'Liaoyuan call',
      date: '2026-01-15',
      format: 'phone',
      partnershipIds: [f.liaoyuanLink.id],
    });
    const ids = async (input?: OperationInput<'meetings.list'>) => (await f.api['meetings.list'](input)).rows.map((m) => m.id);

    expect(await ids()).toEqual([afternoon.id, morning.id, f.meeting.id, liaoyuan.id]);
    const [first] = (await f.api['meetings.list']()).rows;
    expect(first).toMatchObject({
      title: 'Afternoon session',
      date: '2026-03-02',
      time: '15:00',
      format: 'in_person',
      kind: 'working_meeting',
      deletedAt: null,
    });
    expect(first!.partnerships.map((p) => p.id)).toEqual([f.burgasLink.id]);
    expect(await ids({ partnershipId: f.liaoyuanLink.id })).toEqual([liaoyuan.id]);
    expect(await ids({ partnershipId: f.burgasLink.id })).toEqual([afternoon.id, morning.id, f.meeting.id]);
    expect(await ids({ from: '2026-02-20', to: '2026-03-01' })).toEqual([f.meeting.id]); // both ends included
    expect(await ids({ from: '2026-03-02' })).toEqual([afternoon.id, morning.id]);
    expect(await ids({ to: '2026-02-19' })).toEqual([liaoyuan.id]);
    expect(await ids({ query: 'session' })).toEqual([afternoon.id, morning.id]);
    expect(await ids({ query: '100%' })).toEqual([morning.id]);
    expect(await ids({ query: '%' })).toEqual([morning.id]);
    expect(await ids({ query: '_' })).toEqual([]);

    await f.api['meetings.delete']({ id: morning.id });
    expect(await ids({ query: 'session' })).toEqual([afternoon.id]);
    expect(await ids({ deleted: true })).toEqual([morning.id]);
  });

  it('list pages by a keyset cursor: every meeting exactly once, in order, same-day and untimed ones included; total counts the filtered matches', async () => {
    const f = await fixture();
    const made = [f.meeting.id];
    // several on one day, with and without a time, so pages end inside a day and between times
    for (const [i, time] of ['09:00', null, '09:00', '15:30', null, '23:59', null].entries()) {
      made.push((await f.api['meetings.create']({ ...meetingInput(f), title: `Session ${i}`, date: '2026-03-02', time })).id);
    }
    made.push((await f.api['meetings.create']({ ...meetingInput(f), title: 'Liaoyuan call', date: '2026-01-15', partnershipIds: [f.liaoyuanLink.id] })).id);
    const whole = await f.api['meetings.list']({ limit: 500 });
    expect(whole.total).toBe(made.length);
    expect(whole.next).toBeNull();
    expect([...whole.rows.map((m) => m.id)].sort()).toEqual([...made].sort());
    // newest first: date, then time (untimed last in a day), then id, all descending
    const key = (m: { date: string; time: string | null; id: string }) => `${m.date} ${m.time ?? '     '} ${m.id}`;
    expect(whole.rows.map(key)).toEqual(whole.rows.map(key).sort().reverse());

    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let after: MeetingCursor | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await f.api['meetings.list']({ limit, ...(after ? { after } : {}) });
        expect(result.total).toBe(made.length);
        expect(result.rows.length).toBeLessThanOrEqual(limit);
        seen.push(...result.rows.map((m) => m.id));
        if (!result.next) break;
        const last = result.rows[result.rows.length - 1]!;
        expect(result.next).toEqual({ date: last.date, time: last.time, id: last.id });
        after = result.next;
      }
      expect(seen, `limit ${limit}`).toEqual(whole.rows.map((m) => m.id));
    }

    // filters: total is the count of all matches, not of the page
    const day = await f.api['meetings.list']({ from: '2026-03-02', to: '2026-03-02', limit: 2 });
    expect(day.total).toBe(7);
    expect(day.rows).toHaveLength(2);
    const rest = await f.api['meetings.list']({ from: '2026-03-02', to: '2026-03-02', limit: 500, after: day.next! });
    expect(rest.total).toBe(7);
    expect([...day.rows, ...rest.rows].map((m) => m.title).sort()).toEqual([
      'Session 0',
      'Session 1',
      'Session 2',
      'Session 3',
      'Session 4',
      'Session 5',
      'Session 6',
    ]);
    expect((await f.api['meetings.list']({ partnershipId: f.liaoyuanLink.id, limit: 1 })).total).toBe(1);
    expect((await f.api['meetings.list']({ partnershipId: f.burgasLink.id, limit: 1 })).total).toBe(made.length - 1);
    expect((await f.api['meetings.list']({ query: 'Session', limit: 1 })).total).toBe(7);
    await f.api['meetings.delete']({ id: made[1]! });
    expect((await f.api['meetings.list']({ limit: 1 })).total).toBe(made.length - 1);
    expect(await f.api['meetings.list']({ deleted: true })).toMatchObject({ total: 1, next: null, rows: [{ id: made[1] }] });
    // the default page is 100 rows
    expect((await f.api['meetings.list']()).rows).toHaveLength(made.length - 1);
  });

  it('list pages by offset: the page at any row, in order, for every filter; the total stays exact after each write', async () => {
    const f = await fixture();
    const made = [f.meeting.id];
    for (const [i, time] of ['09:00', null, '09:00', '15:30', null, '23:59', null].entries()) {
      made.push((await f.api['meetings.create']({ ...meetingInput(f), title: `Session ${i}`, date: '2026-03-02', time })).id);
    }
    for (const [i, date] of ['2026-01-15', '2025-12-31', '2025-06-01'].entries()) {
      made.push((await f.api['meetings.create']({ ...meetingInput(f), title: `Liaoyuan call ${i}`, date, partnershipIds: [f.liaoyuanLink.id] })).id);
    }
    const filters: OperationInput<'meetings.list'>[] = [
      {},
      { from: '2026-01-01' },
      { to: '2026-01-15' },
      { partnershipId: f.burgasLink.id },
      { partnershipId: f.burgasLink.id, query: 'session' },
      { query: 'call' },
    ];
    for (const filter of filters) {
      const whole = await f.api['meetings.list']({ ...filter, limit: 500 });
      const ids = whole.rows.map((m) => m.id);
      expect(ids.length, JSON.stringify(filter)).toBeGreaterThan(1);
      for (const limit of [1, 3]) {
        for (let offset = 0; offset <= ids.length + 1; offset++) {
          const page = await f.api['meetings.list']({ ...filter, limit, offset });
          expect(page.total, JSON.stringify({ filter, offset })).toBe(ids.length);
          expect(
            page.rows.map((m) => m.id),
            JSON.stringify({ filter, limit, offset }),
          ).toEqual(ids.slice(offset, offset + limit));
          // A page by offset reads on by its cursor, as the others do.
          expect(page.next === null).toBe(offset + limit >= ids.length);
        }
      }
    }
    // The rows of a page by offset are whole: the partnerships they concern came along.
    const [deep] = (await f.api['meetings.list']({ offset: made.length - 1, limit: 1 })).rows;
    expect(deep).toMatchObject({ title: 'Liaoyuan call 2', date: '2025-06-01', partnerships: [{ id: f.liaoyuanLink.id }] });

    // The log's total, and a range of days', after a create, a move, a delete and a restore.
    const totals = async () =>
      [
        (await f.api['meetings.list']({ limit: 1 })).total,
        (await f.api['meetings.list']({ limit: 1, offset: 5 })).total,
        (await f.api['meetings.list']({ from: '2026-01-01', to: '2026-01-31', limit: 1 })).total,
      ] as const;
    expect(await totals()).toEqual([made.length, made.length, 1]);
    const added = await f.api['meetings.create']({ ...meetingInput(f), title: 'January visit', date: '2026-01-20' });
    expect(await totals()).toEqual([made.length + 1, made.length + 1, 2]);
    await f.api['meetings.update']({ id: added.id, date: '2026-02-20' });
    expect(await totals()).toEqual([made.length + 1, made.length + 1, 1]);
    await f.api['meetings.delete']({ id: made[made.length - 3]! });
    expect(await totals()).toEqual([made.length, made.length, 0]);
    await f.api['meetings.restore']({ id: made[made.length - 3]! });
    expect(await totals()).toEqual([made.length + 1, made.length + 1, 1]);
    // The last page by offset ends at the oldest meeting.
    const last = await f.api['meetings.list']({ offset: made.length, limit: 100 });
    expect(last).toMatchObject({ total: made.length + 1, next: null, rows: [{ title: 'Liaoyuan call 2' }] });
  });

  it('update changes fields, replaces the attendees and the partnership links; other fields stay', async () => {
    const f = await fixture();
    const [ivanAttendee] = f.meeting.attendees;
    const [burgasRow] = rowsWhere(f.core, 'meeting_partnerships', 'meeting_id', f.meeting.id);

    const linked = await f.api['meetings.update']({ id: f.meeting.id, partnershipIds: [f.burgasLink.id, f.liaoyuanLink.id] });
    expect(linked.partnerships.map((p) => p.id)).toEqual([f.burgasLink.id, f.liaoyuanLink.id]);
    expect(linked.attendees).toEqual(f.meeting.attendees); // untouched when not given
    expect(rowsWhere(f.core, 'meeting_partnerships', 'meeting_id', f.meeting.id).map((r) => r.id)[0]).toBe(burgasRow!.id); // kept row

    const updated = await f.api['meetings.update']({
      id: f.meeting.id,
      title: 'Video call with Liaoyuan',
      time: '14:00',
      outcomes: 'Agreed to meet at the expo',
      partnershipIds: [f.liaoyuanLink.id],
      attendees: [
        { name: 'Wang Lei', side: 'partner', organizationId: f.liaoyuan.id, role: 'director' },
        { name: '李娜', side: 'ours', isInterpreter: true },
      ],
    });
    expect(updated).toMatchObject({
      title: 'Video call with Liaoyuan',
      time: '14:00',
      outcomes: 'Agreed to meet at the expo',
      date: '2026-02-20',
      format: 'video',
      kind: 'working_meeting',
    });
    expect(updated.partnerships.map((p) => p.id)).toEqual([f.liaoyuanLink.id]);
    expect(updated.attendees.map((a) => [a.name, a.side, a.organizationName, a.role, a.isInterpreter])).toEqual([
      ['Wang Lei', 'partner', '辽源 / Liaoyuan', 'director', false],
      ['李娜', 'ours', null, null, true],
    ]);
    expect(updated.attendees.map((a) => a.id)).not.toContain(ivanAttendee!.id);
    expect(await f.api['meetings.get']({ id: f.meeting.id })).toEqual(updated);
    // the old attendee and link are tombstoned, not erased
    expect(row(f.core, 'meeting_attendees', ivanAttendee!.id).deleted_at).toBe(NOW.toISOString());
    expect(row(f.core, 'meeting_partnerships', burgasRow!.id as string).deleted_at).toBe(NOW.toISOString());
    // reads follow
    expect(await f.api['meetings.list']({ partnershipId: f.burgasLink.id })).toEqual({ rows: [], total: 0, next: null });
    expect((await f.api['meetings.list']({ partnershipId: f.liaoyuanLink.id })).rows.map((m) => m.id)).toEqual([f.meeting.id]);
    expect((await f.api['contacts.get']({ id: f.ivan.id })).meetings).toEqual([]);
    // the follow-up task stays with the meeting
    expect(updated.tasks.map((t) => t.id)).toEqual([f.task.id]);
    // tombstoned links and attendees are not trash items
    expect(await f.api['trash.list']()).toEqual([]);

    // clearing the time; an empty attendee list empties it
    const cleared = await f.api['meetings.update']({ id: f.meeting.id, time: null, attendees: [] });
    expect(cleared.time).toBeNull();
    expect(cleared.attendees).toEqual([]);
    expect(cleared.partnerships.map((p) => p.id)).toEqual([f.liaoyuanLink.id]);
  });

  it('delete hides the meeting from lists and contact histories and puts it in the trash; restore brings it back', async () => {
    const f = await fixture();
    expect((await f.api['meetings.delete']({ id: f.meeting.id })).deletedAt).toBe(NOW.toISOString());
    expect(await f.api['meetings.list']()).toEqual({ rows: [], total: 0, next: null });
    expect((await f.api['contacts.get']({ id: f.ivan.id })).meetings).toEqual([]);
    expect(await f.api['trash.list']()).toEqual([{ entity: 'meetings', id: f.meeting.id, label: 'Video call with Burgas', deletedAt: NOW.toISOString() }]);
    const restored = await f.api['meetings.restore']({ id: f.meeting.id });
    expect(restored.deletedAt).toBeNull();
    expect(await f.api['meetings.get']({ id: f.meeting.id })).toEqual(restored);
    expect({ ...restored, tasks: [] }).toEqual(f.meeting); // the follow-up task was added after the fixture's meeting
    expect(restored.tasks.map((t) => t.id)).toEqual([f.task.id]);
    expect((await f.api['meetings.list']()).rows.map((m) => m.id)).toEqual([f.meeting.id]);
    expect((await f.api['contacts.get']({ id: f.ivan.id })).meetings.map((m) => m.id)).toEqual([f.meeting.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------

describe('tasks', () => {
  /** Tasks due around Wednesday 2026-03-04, in a database without the fixture's task. */
  async function week() {
    const b = await base();
    const p = await createPartnership(b, 'Shantou–Burgas');
    const make = (title: string, dueOn: string | null, extra: Partial<OperationInput<'tasks.create'>> = {}) =>
      b.api['tasks.create']({ title, dueOn, partnershipId: p.id, ...extra });
    const t = {
      lastMonday: await make('due Monday (past)', '2026-03-02'),
      yesterday: await make('due yesterday', '2026-03-03', { assignee: '王芳' }),
      yesterdayDone: await make('due yesterday, done', '2026-03-03', { status: 'done' }),
      yesterdayCancelled: await make('due yesterday, cancelled', '2026-03-03', { status: 'cancelled' }),
      longAgoInProgress: await make('due long ago, in progress', '2026-01-10', { status: 'in_progress', assignee: 'Li Wei' }),
      today: await make('due today', TODAY, { assignee: '王芳' }),
      sunday: await make('due Sunday', '2026-03-08'),
      nextMonday: await make('due next Monday', '2026-03-09', { assignee: '王芳' }),
      undated: await make('no due date', null, { assignee: 'Li Wei' }),
      mineDone: await make('mine, done', '2026-03-05', { assignee: '王芳', status: 'done' }),
    };
    return { ...b, p, t };
  }

  it('overdue uses the given today: due before it and still open or in progress', async () => {
    const w = await week();
    const titles = async (input: OperationInput<'tasks.list'>) => (await w.api['tasks.list'](input)).rows.map((t) => t.title);
    expect(await titles({ view: 'overdue', today: TODAY })).toEqual(['due long ago, in progress', 'due Monday (past)', 'due yesterday']);
    // without a today, the pinned clock's day
    expect(await titles({ view: 'overdue' })).toEqual(await titles({ view: 'overdue', today: TODAY }));
    // a later today makes more overdue; an earlier one fewer
    expect(await titles({ view: 'overdue', today: '2026-03-05' })).toEqual(['due long ago, in progress', 'due Monday (past)', 'due yesterday', 'due today']);
    expect(await titles({ view: 'overdue', today: '2026-03-02' })).toEqual(['due long ago, in progress']);
    // closed tasks are never overdue, even when closed ones are asked for
    expect(await titles({ view: 'overdue', today: TODAY, includeClosed: true })).toEqual(['due long ago, in progress', 'due Monday (past)', 'due yesterday']);
    const { rows: overdue } = await w.api['tasks.list']({ view: 'overdue', today: TODAY });
    expect(overdue.every((t) => t.status === 'open' || t.status === 'in_progress')).toBe(true);
  });

  it("week is today through this (Monday-first) week's Sunday, open tasks only", async () => {
    const w = await week();
    const titles = async (today: string) => (await w.api['tasks.list']({ view: 'week', today })).rows.map((t) => t.title);
    expect(await titles(TODAY)).toEqual(['due today', 'due Sunday']);
    expect(await titles('2026-03-08')).toEqual(['due Sunday']); // Sunday: the week ends today
    expect(await titles('2026-03-09')).toEqual(['due next Monday']); // Monday starts a new week
    expect(await titles('2026-03-02')).toEqual(['due Monday (past)', 'due yesterday', 'due today', 'due Sunday']);
    expect((await w.api['tasks.list']({ view: 'week' })).rows.map((t) => t.title)).toEqual(await titles(TODAY));
  });

  it('mine is the open tasks assigned to settings.userName; with no user name set it is empty', async () => {
    const w = await week();
    const titles = async () => (await w.api['tasks.list']({ view: 'mine', today: TODAY })).rows.map((t) => t.title);
    expect(await titles()).toEqual([]);
    await w.api['settings.update']({ userName: '王芳' });
    expect(await titles()).toEqual(['due yesterday', 'due today', 'due next Monday']);
    expect((await w.api['tasks.list']({ view: 'mine', includeClosed: true })).rows.map((t) => t.title)).toEqual([
      'due yesterday',
      'due today',
      'mine, done',
      'due next Monday',
    ]);
    await w.api['settings.update']({ userName: 'Li Wei' });
    expect(await titles()).toEqual(['due long ago, in progress', 'no due date']);
    await w.api['settings.update']({ userName: null });
    expect(await titles()).toEqual([]);
  });

  it('all: open tasks by due date (undated last), closed ones on request; filters by assignee, partnership, meeting and text', async () => {
    const w = await week();
    const titles = async (input?: OperationInput<'tasks.list'>) => (await w.api['tasks.list'](input)).rows.map((t) => t.title);
    expect(await titles()).toEqual([
      'due long ago, in progress',
      'due Monday (past)',
      'due yesterday',
      'due today',
      'due Sunday',
      'due next Monday',
      'no due date',
    ]);
    expect(await titles({ view: 'all', includeClosed: true })).toHaveLength(10);
    expect(await titles({ assignee: 'Li Wei' })).toEqual(['due long ago, in progress', 'no due date']);
    const other = await createPartnership(w, 'Shantou–Liaoyuan', { parties: [{ organizationId: w.shantou.id }, { organizationId: w.liaoyuan.id }] });
    await w.api['tasks.create']({ title: 'Plan 100% of the budget', partnershipId: other.id, details: 'file_name list' });
    expect(await titles({ partnershipId: other.id })).toEqual(['Plan 100% of the budget']);
    expect(await titles({ query: '100%' })).toEqual(['Plan 100% of the budget']);
    expect(await titles({ query: 'file_name' })).toEqual(['Plan 100% of the budget']); // found in the details
    expect(await titles({ query: 'Monday' })).toEqual(['due Monday (past)', 'due next Monday']);
    expect(await titles({ query: '_' })).toEqual(['Plan 100% of the budget']);
  });

  it('create and get: defaults to open and normal priority, with the partnership and meeting named', async () => {
    const f = await fixture();
    expect(f.task).toMatchObject({
      title: 'Send the minutes',
      status: 'open',
      priority: 'normal',
      dueOn: '2026-03-10',
      assignee: '王芳',
      details: null,
      partnershipId: f.burgasLink.id,
      partnershipTitle: 'Shantou–Burgas friendship',
      partnershipTitleZh: '汕头—布尔加斯友好城市',
      meetingId: f.meeting.id,
      meetingTitle: 'Video call with Burgas',
      doneAt: null,
      deletedAt: null,
    });
    expect(await f.api['tasks.get']({ id: f.task.id })).toEqual(f.task);
    const unlinked = await f.api['tasks.create']({ title: 'Book the hall', priority: 'low' });
    expect(unlinked).toMatchObject({ partnershipId: null, partnershipTitle: null, meetingId: null, meetingTitle: null, priority: 'low', status: 'open' });
    const done = await f.api['tasks.create']({ title: 'Already sent', status: 'done' });
    expect(done.doneAt).toBe(NOW.toISOString());
    expect((await f.api['meetings.get']({ id: f.meeting.id })).tasks.map((t) => t.id)).toEqual([f.task.id]);
  });

  it('complete sets done and doneAt; reopen clears doneAt; the lists follow', async () => {
    let clock = NOW;
    const f = await fixture(() => clock);
    clock = new Date('2026-03-05T08:30:00Z');
    const done = await f.api['tasks.complete']({ id: f.task.id });
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-03-05T08:30:00.000Z', title: 'Send the minutes' });
    expect(await f.api['tasks.get']({ id: f.task.id })).toEqual(done);
    expect((await f.api['tasks.list']()).rows).toEqual([]);
    expect((await f.api['tasks.list']({ includeClosed: true })).rows.map((t) => t.id)).toEqual([f.task.id]);
    expect((await f.api['tasks.list']({ view: 'overdue', today: '2026-04-01' })).rows).toEqual([]);

    // completing again keeps the first completion time
    clock = new Date('2026-03-06T08:30:00Z');
    const before = snapshot(f.core);
    expect((await f.api['tasks.complete']({ id: f.task.id })).doneAt).toBe('2026-03-05T08:30:00.000Z');
    expect(snapshot(f.core)).toEqual(before);

    const reopened = await f.api['tasks.reopen']({ id: f.task.id });
    expect(reopened).toMatchObject({ status: 'open', doneAt: null });
    expect((await f.api['tasks.list']({ view: 'overdue', today: '2026-04-01' })).rows.map((t) => t.id)).toEqual([f.task.id]);
    // reopening an open task changes nothing
    const open = snapshot(f.core);
    await f.api['tasks.reopen']({ id: f.task.id });
    expect(snapshot(f.core)).toEqual(open);
  });

  it('update changes the given fields; a status set by update moves doneAt too', async () => {
    const f = await fixture();
    const updated = await f.api['tasks.update']({
      id: f.task.id,
      title: 'Send the signed minutes',
      dueOn: '2026-03-12',
      assignee: null,
      priority: 'high',
      status: 'in_progress',
    });
    expect(updated).toMatchObject({
      title: 'Send the signed minutes',
      dueOn: '2026-03-12',
      assignee: null,
      priority: 'high',
      status: 'in_progress',
      doneAt: null,
      meetingId: f.meeting.id,
    });
    expect((await f.api['tasks.update']({ id: f.task.id, status: 'done' })).doneAt).toBe(NOW.toISOString());
    expect((await f.api['tasks.update']({ id: f.task.id, status: 'cancelled' })).doneAt).toBeNull();
    const moved = await f.api['tasks.update']({ id: f.task.id, meetingId: null, partnershipId: f.liaoyuanLink.id });
    expect(moved).toMatchObject({ meetingId: null, meetingTitle: null, partnershipId: f.liaoyuanLink.id, partnershipTitle: 'Shantou–Liaoyuan cooperation' });
    expect((await f.api['meetings.get']({ id: f.meeting.id })).tasks).toEqual([]);
  });

  it('assignees lists who open or closed live tasks are assigned to, once each, sorted', async () => {
    const w = await week();
    expect(await w.api['tasks.assignees']()).toEqual(['Li Wei', '王芳']);
    const zhang = await w.api['tasks.create']({ title: 'Call Varna', assignee: 'Zhang Min' });
    expect(await w.api['tasks.assignees']()).toEqual(['Li Wei', 'Zhang Min', '王芳']);
    await w.api['tasks.delete']({ id: zhang.id });
    expect(await w.api['tasks.assignees']()).toEqual(['Li Wei', '王芳']);
  });

  it('delete hides the task from lists and meetings and puts it in the trash; restore brings it back', async () => {
    const f = await fixture();
    expect((await f.api['tasks.delete']({ id: f.task.id })).deletedAt).toBe(NOW.toISOString());
    expect((await f.api['tasks.list']({ includeClosed: true })).rows).toEqual([]);
    expect((await f.api['tasks.list']({ deleted: true })).rows.map((t) => t.id)).toEqual([f.task.id]);
    expect((await f.api['meetings.get']({ id: f.meeting.id })).tasks).toEqual([]);
    expect(await f.api['tasks.assignees']()).toEqual([]);
    expect(await f.api['trash.list']()).toEqual([{ entity: 'tasks', id: f.task.id, label: 'Send the minutes', deletedAt: NOW.toISOString() }]);
    const restored = await f.api['tasks.restore']({ id: f.task.id });
    expect(restored).toEqual(f.task);
    expect((await f.api['tasks.list']()).rows.map((t) => t.id)).toEqual([f.task.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Attachments
// ---------------------------------------------------------------------------------------------

describe('attachments', () => {
  it('add stores the bytes once by sha256; content returns exactly the bytes; list shows them per record', async () => {
    const f = await fixture();
    const bytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7) % 256)); // every byte value
    const blobsBefore = countRows(f.core, 'blobs');
    const onPartnership = await f.api['attachments.add']({
      partnershipId: f.liaoyuanLink.id,
      fileName: '合作备忘录.bin',
      mimeType: 'application/octet-stream',
      description: 'Signed copy',
      dataBase64: bytes.toString('base64'),
    });
    const onMeeting = await f.api['attachments.add']({ meetingId: f.meeting.id, fileName: 'copy.bin', dataBase64: bytes.toString('base64') });
    expect(onPartnership).toMatchObject({
      fileName: '合作备忘录.bin',
      mimeType: 'application/octet-stream',
      description: 'Signed copy',
      size: 1024,
      sha256: sha256(bytes),
      partnershipId: f.liaoyuanLink.id,
      meetingId: null,
      createdAt: NOW.toISOString(),
      deletedAt: null,
    });
    expect(onMeeting).toMatchObject({ sha256: sha256(bytes), size: 1024, partnershipId: null, meetingId: f.meeting.id, mimeType: null });
    // the same bytes share one blobs row
    expect(countRows(f.core, 'blobs')).toBe(blobsBefore + 1);
    expect(f.core.sqlite.prepare('SELECT size FROM blobs WHERE sha256 = ?').get(sha256(bytes))).toEqual({ size: 1024 });

    for (const attachment of [onPartnership, onMeeting]) {
      const content = await f.api['attachments.content']({ id: attachment.id });
      expect(content.fileName).toBe(attachment.fileName);
      // Always a download: the stored type (which another office may have chosen) is not handed on.
      expect(content.mimeType).toBe('application/octet-stream');
      expect(Buffer.from(content.dataBase64, 'base64').equals(bytes)).toBe(true);
    }
    const empty = await f.api['attachments.add']({ meetingId: f.meeting.id, fileName: 'empty.txt', dataBase64: '' });
    expect(empty.size).toBe(0);
    expect((await f.api['attachments.content']({ id: empty.id })).dataBase64).toBe('');

    expect((await f.api['attachments.list']({ partnershipId: f.liaoyuanLink.id })).map((a) => a.id)).toEqual([onPartnership.id]);
    expect((await f.api['attachments.list']({ partnershipId: f.burgasLink.id })).map((a) => a.id)).toEqual([f.attachment.id]);
    expect((await f.api['attachments.list']({ meetingId: f.meeting.id })).map((a) => a.id)).toEqual([onMeeting.id, empty.id]);
    expect(await f.api['attachments.list']({ partnershipId: f.burgasLink.id, meetingId: f.meeting.id })).toEqual([]);
    const both = await f.api['attachments.add']({ partnershipId: f.burgasLink.id, meetingId: f.meeting.id, fileName: 'agenda.txt', dataBase64: b64('agenda') });
    expect((await f.api['attachments.list']({ partnershipId: f.burgasLink.id, meetingId: f.meeting.id })).map((a) => a.id)).toEqual([both.id]);
  });

  it('remove hides the attachment and its content; restore brings both back; the shared bytes stay for the other', async () => {
    const f = await fixture();
    const copy = await f.api['attachments.add']({ meetingId: f.meeting.id, fileName: 'statement copy.pdf', dataBase64: b64('%PDF-1.4 joint statement') });
    expect(copy.sha256).toBe(f.attachment.sha256);
    const removed = await f.api['attachments.remove']({ id: f.attachment.id });
    expect(removed.deletedAt).toBe(NOW.toISOString());
    expect(await f.api['attachments.list']({ partnershipId: f.burgasLink.id })).toEqual([]);
    const error = await rejection(f.api['attachments.content']({ id: f.attachment.id }));
    expect(error.code).toBe('not_found');
    expectBilingual(error);
    expect(await f.api['trash.list']()).toEqual([{ entity: 'attachments', id: f.attachment.id, label: 'statement.pdf', deletedAt: NOW.toISOString() }]);
    // the other attachment with the same bytes is unaffected
    expect(Buffer.from((await f.api['attachments.content']({ id: copy.id })).dataBase64, 'base64').toString()).toBe('%PDF-1.4 joint statement');

    const restored = await f.api['attachments.restore']({ id: f.attachment.id });
    expect(restored).toEqual(f.attachment);
    expect((await f.api['attachments.list']({ partnershipId: f.burgasLink.id })).map((a) => a.id)).toEqual([f.attachment.id]);
    expect(Buffer.from((await f.api['attachments.content']({ id: f.attachment.id })).dataBase64, 'base64').toString()).toBe('%PDF-1.4 joint statement');
  });

  it('refuses a file one byte over 25 MB and writes nothing; a file of exactly 25 MB is kept intact', async () => {
    const f = await fixture();
    const tooBig = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61);
    const error = await expectInvalid(f.core, () => f.api['attachments.add']({ ...attachmentInput(f), dataBase64: tooBig.toString('base64') }), 'dataBase64');
    expect(error.localized.en).toMatch(/25 MB/);

    const exact = tooBig.subarray(0, MAX_ATTACHMENT_BYTES);
    const added = await f.api['attachments.add']({ ...attachmentInput(f), fileName: 'big.bin', dataBase64: exact.toString('base64') });
    expect(added.size).toBe(MAX_ATTACHMENT_BYTES);
    expect(added.sha256).toBe(sha256(exact));
    const content = await f.api['attachments.content']({ id: added.id });
    expect(Buffer.from(content.dataBase64, 'base64').equals(exact)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------------------------

describe('dashboard.get', () => {
  async function office() {
    const b = await base();
    const { api } = b;
    const p = async (title: string, status: OperationInput<'partnerships.create'>['status'], extra: Partial<OperationInput<'partnerships.create'>> = {}) =>
      createPartnership(b, title, { status, termStart: '2016-01-01', ...extra });
    const recent = await p('Recently met', 'active');
    const old = await p('Met 181 days ago', 'active');
    const edge = await p('Met 180 days ago', 'active');
    const none = await p('Never met', 'negotiating');
    const future = await p('Meeting only planned', 'negotiating');
    const dormant = await p('Dormant, never met', 'dormant');
    const prospect = await p('Prospect', 'prospect');
    const gone = await p('Deleted', 'active');

    const meet = (title: string, daysFromToday: number, partnershipId: string) =>
      api['meetings.create']({ title, date: addDays(TODAY, daysFromToday), format: 'video', kind: 'working_meeting', partnershipIds: [partnershipId] });
    const m = {
      today: await meet('Today', 0, recent.id),
      tenDays: await meet('Ten days ago', -10, recent.id),
      thirty: await meet('Thirty days ago', -30, recent.id),
      thirtyOne: await meet('Thirty-one days ago', -31, recent.id),
      old: await meet('Long ago', -181, old.id),
      edge: await meet('Half a year ago', -180, edge.id),
      future: await meet('Next week', 5, future.id),
      deleted: await meet('Deleted meeting', -2, recent.id),
    };
    await api['meetings.delete']({ id: m.deleted.id });

    const milestone = (title: string, daysFromToday: number, status: 'planned' | 'done' | 'cancelled', partnershipId = recent.id) =>
      api['milestones.create']({ partnershipId, title, date: addDays(TODAY, daysFromToday), kind: 'visit', status });
    const ms = {
      today: await milestone('Visit today', 0, 'planned'),
      in90: await milestone('Visit in 90 days', 90, 'planned'),
      in91: await milestone('Visit in 91 days', 91, 'planned'),
      yesterday: await milestone('Visit yesterday', -1, 'planned'),
      done: await milestone('Done visit', 10, 'done'),
      cancelled: await milestone('Cancelled visit', 20, 'cancelled'),
      deleted: await milestone('Deleted visit', 5, 'planned'),
      onDeleted: await milestone('Visit of a deleted partnership', 3, 'planned', gone.id),
    };
    await api['milestones.delete']({ id: ms.deleted.id });

    await api['partnerships.update']({ id: recent.id, reviewOn: addDays(TODAY, 90) });
    await api['partnerships.update']({ id: old.id, termStart: '2021-01-01', termEnd: addDays(TODAY, 30) });
    await api['partnerships.update']({ id: dormant.id, termEnd: addDays(TODAY, 91) });
    await api['partnerships.update']({ id: prospect.id, reviewOn: addDays(TODAY, -1) });
    await api['partnerships.update']({ id: gone.id, reviewOn: addDays(TODAY, 10) });

    const task = (title: string, dueOn: string, status: 'open' | 'in_progress' | 'done' = 'open') =>
      api['tasks.create']({ title, dueOn, status, partnershipId: recent.id });
    const ts = {
      yesterday: await task('Due yesterday', addDays(TODAY, -1)),
      yesterdayDone: await task('Due yesterday, done', addDays(TODAY, -1), 'done'),
      today: await task('Due today', TODAY),
      longAgo: await task('Due long ago, in progress', addDays(TODAY, -20), 'in_progress'),
    };

    await api['partnerships.delete']({ id: gone.id });
    return { ...b, recent, old, edge, none, future, dormant, prospect, gone, m, ms, ts };
  }

  it('counts live partnerships by status, lists overdue tasks, milestones and renewals within 90 days, meetings of the last 30 days and quiet partnerships', async () => {
    const o = await office();
    const d = await o.api['dashboard.get']({ today: TODAY });
    expect(d.today).toBe(TODAY);
    expect(d.byStatus).toEqual({ prospect: 1, negotiating: 2, active: 3, dormant: 1, concluded: 0 });
    expect(d.overdueTasks.map((t) => t.id)).toEqual([o.ts.longAgo.id, o.ts.yesterday.id]);
    expect(d.overdueTasks[0]).toMatchObject({ title: 'Due long ago, in progress', partnershipTitle: 'Recently met' });
    // planned, live, from today to today + 90 (not 91)
    expect(d.upcomingMilestones.map((m) => m.id)).toEqual([o.ms.today.id, o.ms.in90.id]);
    expect(d.upcomingMilestones[1]).toEqual({
      id: o.ms.in90.id,
      partnershipId: o.recent.id,
      partnershipTitle: 'Recently met',
      partnershipTitleZh: null,
      partnershipTitleEn: null,
      title: 'Visit in 90 days',
      date: addDays(TODAY, 90),
      kind: 'visit',
    });
    expect(d.renewals).toEqual([
      { partnershipId: o.old.id, title: 'Met 181 days ago', titleZh: null, titleEn: null, date: addDays(TODAY, 30), what: 'term_end' },
      { partnershipId: o.recent.id, title: 'Recently met', titleZh: null, titleEn: null, date: addDays(TODAY, 90), what: 'review' },
    ]);
    // from today - 30 through today, newest first; not the deleted one, not the planned one
    expect(d.recentMeetings).toEqual([
      { id: o.m.today.id, title: 'Today', date: TODAY, kind: 'working_meeting' },
      { id: o.m.tenDays.id, title: 'Ten days ago', date: addDays(TODAY, -10), kind: 'working_meeting' },
      { id: o.m.thirty.id, title: 'Thirty days ago', date: addDays(TODAY, -30), kind: 'working_meeting' },
    ]);
    // active or negotiating, last meeting (up to today) older than 180 days, or none
    expect(d.quietPartnerships.map((p) => [p.title, p.status, p.lastMeeting])).toEqual([
      ['Meeting only planned', 'negotiating', null],
      ['Never met', 'negotiating', null],
      ['Met 181 days ago', 'active', addDays(TODAY, -181)],
    ]);
    const quiet = d.quietPartnerships.map((p) => p.id);
    for (const loud of [o.recent.id, o.edge.id, o.dormant.id, o.prospect.id, o.gone.id]) expect(quiet).not.toContain(loud);

    // without a today: the pinned clock's day
    expect(await o.api['dashboard.get']()).toEqual(d);
  });

  it('counts every quiet partnership when the card is cut, whichever way each one is quiet', async () => {
    const o = await office();
    const meet = (title: string, daysFromToday: number, partnershipId: string) =>
      o.api['meetings.create']({ title, date: addDays(TODAY, daysFromToday), format: 'video', kind: 'working_meeting', partnershipIds: [partnershipId] });
    // Met long ago with a meeting planned: quiet (the planned one does not count); met last month with one planned: not.
    const oldAndPlanned = await createPartnership(o, 'Met long ago, meeting planned', { status: 'active', termStart: '2016-01-01' });
    await meet('Long ago', -400, oldAndPlanned.id);
    await meet('Next month', 30, oldAndPlanned.id);
    const recentAndPlanned = await createPartnership(o, 'Met last month, meeting planned', { status: 'active', termStart: '2016-01-01' });
    await meet('Last month', -30, recentAndPlanned.id);
    await meet('Next month', 30, recentAndPlanned.id);
    for (const today of [TODAY, addDays(TODAY, 1)]) {
      const all = quietPartnerships(o.core, today, DASHBOARD_LIST_LIMIT);
      expect(all.total).toBe(all.rows.length);
      for (let limit = 1; limit <= all.rows.length; limit += 1) {
        const cut = quietPartnerships(o.core, today, limit);
        expect(cut.rows).toEqual(all.rows.slice(0, limit));
        expect(cut.total, `${today}, first ${limit}`).toBe(all.rows.length);
      }
    }
    const board = await o.api['dashboard.get']({ today: TODAY });
    expect(board.quietPartnerships.map((p) => [p.title, p.lastMeeting])).toEqual([
      ['Meeting only planned', null],
      ['Never met', null],
      ['Met long ago, meeting planned', addDays(TODAY, -400)],
      ['Met 181 days ago', addDays(TODAY, -181)],
    ]);
  });

  it('the quiet card follows every write, and a meeting dated after the day counts only from that day on', async () => {
    const b = await base();
    const { api, core } = b;
    const alpha = await createPartnership(b, 'Alpha', { status: 'active', termStart: '2016-01-01' });
    const beta = await createPartnership(b, 'Beta', { status: 'negotiating', termStart: '2016-01-01' });
    const gamma = await createPartnership(b, 'Gamma', { status: 'active', termStart: '2016-01-01' });
    const meet = (daysFromToday: number, ...partnershipIds: string[]) =>
      api['meetings.create']({ title: `Day ${daysFromToday}`, date: addDays(TODAY, daysFromToday), format: 'video', kind: 'working_meeting', partnershipIds });
    /** The card on TODAY as [title, last meeting (days from TODAY)], after checking it, cut or not, on several days against a recount. */
    const card = async () => {
      for (const day of [TODAY, addDays(TODAY, -30), addDays(TODAY, 4), addDays(TODAY, 45), addDays(TODAY, 200)]) {
        const all = recountQuiet(core, day);
        expect(quietPartnerships(core, day, DASHBOARD_LIST_LIMIT), day).toEqual(all);
        expect(quietPartnerships(core, day, 1), day).toEqual({ rows: all.rows.slice(0, 1), total: all.total });
      }
      const d = await api['dashboard.get']({ today: TODAY });
      expect(d.totals.quietPartnerships).toBe(d.quietPartnerships.length);
      const days = (date: string) => Math.round((Date.parse(date) - Date.parse(TODAY)) / 86_400_000);
      return d.quietPartnerships.map((p) => [p.title, p.lastMeeting === null ? null : days(p.lastMeeting)]);
    };
    expect(await card()).toEqual([
      ['Alpha', null],
      ['Beta', null],
      ['Gamma', null],
    ]);
    // Logged: long ago (quiet, after those that never met), lately (no longer quiet).
    await meet(-200, alpha.id);
    const recent = await meet(-10, beta.id);
    expect(await card()).toEqual([
      ['Gamma', null],
      ['Alpha', -200],
    ]);
    // Deleted, then restored.
    await api['meetings.delete']({ id: recent.id });
    expect(await card()).toEqual([
      ['Beta', null],
      ['Gamma', null],
      ['Alpha', -200],
    ]);
    await api['meetings.restore']({ id: recent.id });
    expect(await card()).toEqual([
      ['Gamma', null],
      ['Alpha', -200],
    ]);
    // Dated after the day: planned meetings do not count, on one day or on several (the same day twice too)...
    const planned = await meet(20, gamma.id);
    await meet(3, alpha.id);
    await meet(3, alpha.id);
    await meet(40, alpha.id, gamma.id);
    expect(await card()).toEqual([
      ['Gamma', null],
      ['Alpha', -200],
    ]);
    // ... until the day comes: four days on, Alpha met yesterday; 45 days on, Gamma too.
    expect(quietPartnerships(core, addDays(TODAY, 4), DASHBOARD_LIST_LIMIT).rows.map((p) => p.title)).toEqual(['Gamma']);
    expect(quietPartnerships(core, addDays(TODAY, 45), DASHBOARD_LIST_LIMIT).rows).toEqual([]);
    // A planned meeting moved into the past counts; the link to a partnership taken off a meeting stops counting.
    await api['meetings.update']({ id: planned.id, date: addDays(TODAY, -5) });
    expect(await card()).toEqual([['Alpha', -200]]);
    await api['meetings.update']({ id: planned.id, partnershipIds: [alpha.id] });
    expect(await card()).toEqual([['Gamma', null]]);
    // A status change takes a partnership off the card and puts it back; so do a delete and a restore.
    await api['partnerships.update']({ id: gamma.id, status: 'dormant' });
    expect(await card()).toEqual([]);
    await api['partnerships.update']({ id: gamma.id, status: 'negotiating' });
    await api['partnerships.update']({ id: beta.id, title: 'Aardvark' });
    await api['meetings.delete']({ id: recent.id });
    expect(await card()).toEqual([
      ['Aardvark', null],
      ['Gamma', null],
    ]);
    await api['partnerships.delete']({ id: beta.id });
    expect(await card()).toEqual([['Gamma', null]]);
    await api['partnerships.restore']({ id: beta.id });
    expect(await card()).toEqual([
      ['Aardvark', null],
      ['Gamma', null],
    ]);
    // One that began lately has had no time to meet: not quiet yet.
    await api['partnerships.update']({ id: gamma.id, termStart: addDays(TODAY, -20) });
    expect(await card()).toEqual([['Aardvark', null]]);
  });

  it('follows the given today and later changes', async () => {
    const o = await office();
    const tomorrow = await o.api['dashboard.get']({ today: addDays(TODAY, 1) });
    expect(tomorrow.upcomingMilestones.map((m) => m.id)).toEqual([o.ms.in90.id, o.ms.in91.id]);
    expect(tomorrow.overdueTasks.map((t) => t.id)).toEqual([o.ts.longAgo.id, o.ts.yesterday.id, o.ts.today.id]);
    expect(tomorrow.recentMeetings.map((m) => m.id)).toEqual([o.m.today.id, o.m.tenDays.id]);
    expect(tomorrow.quietPartnerships.map((p) => p.title)).toEqual(['Meeting only planned', 'Never met', 'Met 181 days ago', 'Met 180 days ago']); // never met first, then the longest silent
    expect(tomorrow.renewals.map((r) => r.what)).toEqual(['term_end', 'review', 'term_end']);

    // a meeting with the never-met partnership makes it no longer quiet; a status change moves the counts
    await o.api['meetings.create']({ title: 'First call', date: addDays(TODAY, -1), format: 'phone', kind: 'working_meeting', partnershipIds: [o.none.id] });
    await o.api['partnerships.update']({ id: o.future.id, status: 'dormant' });
    await o.api['tasks.complete']({ id: o.ts.yesterday.id });
    await o.api['milestones.update']({ id: o.ms.today.id, status: 'done' });
    const d = await o.api['dashboard.get']({ today: TODAY });
    expect(d.quietPartnerships.map((p) => p.title)).toEqual(['Met 181 days ago']);
    expect(d.byStatus).toEqual({ prospect: 1, negotiating: 1, active: 3, dormant: 2, concluded: 0 });
    expect(d.overdueTasks.map((t) => t.id)).toEqual([o.ts.longAgo.id]);
    expect(d.upcomingMilestones.map((m) => m.id)).toEqual([o.ms.in90.id]);
    expect(d.recentMeetings.map((m) => m.title)).toEqual(['Today', 'First call', 'Ten days ago', 'Thirty days ago']);
  });

  it('is empty but complete on an empty database', async () => {
    const core = await tempCore({ now: () => NOW });
    const d = await localClient(core)['dashboard.get']();
    expect(d).toEqual({
      today: TODAY,
      byStatus: { prospect: 0, negotiating: 0, active: 0, dormant: 0, concluded: 0 },
      overdueTasks: [],
      upcomingMilestones: [],
      renewals: [],
      recentMeetings: [],
      quietPartnerships: [],
      totals: { overdueTasks: 0, upcomingMilestones: 0, recentMeetings: 0, quietPartnerships: 0 },
    });
  });

  it('a large office: long cards send their first DASHBOARD_LIST_LIMIT items, earliest due first, and count them all', async () => {
    const b = await base();
    const { api } = b;
    const partnership = await createPartnership(b, 'Busy', { status: 'active' });
    for (let i = 0; i < DASHBOARD_LIST_LIMIT + 5; i++) {
      await api['tasks.create']({ title: `Overdue ${String(i).padStart(3, '0')}`, dueOn: addDays(TODAY, -1 - i), partnershipId: partnership.id });
    }
    for (let i = 0; i < DASHBOARD_LIST_LIMIT + 3; i++) {
      await api['milestones.create']({
        partnershipId: partnership.id,
        title: `Forum ${String(i).padStart(3, '0')}`,
        date: addDays(TODAY, 89 - (i % 90)),
        kind: 'forum',
        status: 'planned',
      });
    }
    const d = await api['dashboard.get']({ today: TODAY });
    expect(d.upcomingMilestones).toHaveLength(DASHBOARD_LIST_LIMIT);
    expect(d.totals.upcomingMilestones).toBe(DASHBOARD_LIST_LIMIT + 3);
    expect(d.upcomingMilestones[0]!.date).toBe(TODAY);
    expect(d.overdueTasks).toHaveLength(DASHBOARD_LIST_LIMIT);
    expect(d.totals.overdueTasks).toBe(DASHBOARD_LIST_LIMIT + 5);
    expect(d.overdueTasks[0]!.title).toBe(`Overdue ${String(DASHBOARD_LIST_LIMIT + 4).padStart(3, '0')}`);
    expect(d.totals.recentMeetings).toBe(d.recentMeetings.length);
    expect(d.totals.quietPartnerships).toBe(d.quietPartnerships.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Trash
// ---------------------------------------------------------------------------------------------

describe('trash', () => {
  it('lists deleted records of every kind with their labels, and restore puts each back where it was', async () => {
    const f = await fixture();
    expect(await f.api['trash.list']()).toEqual([]);
    await f.api['attachments.remove']({ id: f.attachment.id });
    await f.api['tasks.delete']({ id: f.task.id });
    await f.api['milestones.delete']({ id: f.milestone.id });
    await f.api['meetings.delete']({ id: f.meeting.id });
    await f.api['contacts.delete']({ id: f.ivan.id });
    await f.api['partnerships.delete']({ id: f.liaoyuanLink.id });
    await f.api['organizations.delete']({ id: f.liaoyuan.id });
    const at = NOW.toISOString();
    const expected = [
      { entity: 'organizations', id: f.liaoyuan.id, label: '辽源 / Liaoyuan', deletedAt: at },
      { entity: 'partnerships', id: f.liaoyuanLink.id, label: 'Shantou–Liaoyuan cooperation', deletedAt: at },
      { entity: 'milestones', id: f.milestone.id, label: 'Joint statement signed', deletedAt: at },
      { entity: 'meetings', id: f.meeting.id, label: 'Video call with Burgas', deletedAt: at },
      { entity: 'tasks', id: f.task.id, label: 'Send the minutes', deletedAt: at },
      { entity: 'contacts', id: f.ivan.id, label: 'Ivan Petrov', deletedAt: at },
      { entity: 'attachments', id: f.attachment.id, label: 'statement.pdf', deletedAt: at },
    ];
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...(await f.api['trash.list']())].sort(byId)).toEqual([...expected].sort(byId));

    const visible: Record<string, () => Promise<string[]>> = {
      organizations: async () => (await f.api['organizations.list']()).rows.map((o) => o.id),
      partnerships: async () => (await f.api['partnerships.list']()).rows.map((p) => p.id),
      milestones: async () => (await f.api['milestones.list']({ partnershipId: f.burgasLink.id })).map((m) => m.id),
      meetings: async () => (await f.api['meetings.list']()).rows.map((m) => m.id),
      tasks: async () => (await f.api['tasks.list']()).rows.map((t) => t.id),
      contacts: async () => (await f.api['contacts.list']()).rows.map((c) => c.id),
      attachments: async () => (await f.api['attachments.list']({ partnershipId: f.burgasLink.id })).map((a) => a.id),
    };
    let remaining = expected;
    for (const item of expected) {
      expect(await visible[item.entity]!(), item.entity).not.toContain(item.id);
      const list = await f.api['trash.restore']({ entity: item.entity as 'tasks', id: item.id });
      remaining = remaining.filter((r) => r.id !== item.id);
      expect([...list].sort(byId), item.entity).toEqual([...remaining].sort(byId));
      expect(await visible[item.entity]!(), item.entity).toContain(item.id);
    }
    expect(await f.api['trash.list']()).toEqual([]);
    expect((await f.api['attachments.content']({ id: f.attachment.id })).fileName).toBe('statement.pdf');
  });

  it('lists the most recently deleted first; restoring a live record changes nothing', async () => {
    let clock = NOW;
    const f = await fixture(() => clock);
    await f.api['tasks.delete']({ id: f.task.id });
    clock = new Date(NOW.getTime() + 1000);
    await f.api['contacts.delete']({ id: f.ivan.id });
    expect((await f.api['trash.list']()).map((t) => t.entity)).toEqual(['contacts', 'tasks']);

    const before = snapshot(f.core);
    const list = await f.api['trash.restore']({ entity: 'meetings', id: f.meeting.id });
    expect(list.map((t) => t.id)).toEqual([f.ivan.id, f.task.id]);
    expect(snapshot(f.core)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

type SearchApi = Fixture['api'];
/** Every hit of a search, flattened in the order shown: [kind, id]. */
async function found(api: SearchApi, query: string, extra: Omit<OperationInput<'search.query'>, 'query'> = {}): Promise<[string, string][]> {
  const result = await api['search.query']({ query, ...extra });
  return result.groups.flatMap((g) => g.hits.map((h): [string, string] => [h.kind, h.id]));
}

describe('search.query', () => {
  it('finds partnerships by either title, organizations by any name or alias, meetings, contacts and tasks, grouped by kind', async () => {
    const f = await fixture();
    expect(await found(f.api, '布尔加斯')).toEqual([['partnership', f.burgasLink.id]]);
    expect(await found(f.api, 'friendship')).toEqual([['partnership', f.burgasLink.id]]);
    for (const name of ['Бургас', 'bourgas', 'BOURGAS']) expect(await found(f.api, name), name).toEqual([['organization', f.burgas.id]]);
    for (const name of ['Шантоу', '汕头市', 'swatow']) expect(await found(f.api, name), name).toEqual([['organization', f.shantou.id]]);
    expect(await found(f.api, 'Petrov')).toEqual([['contact', f.ivan.id]]);
    expect(await found(f.api, 'ivan@burgas')).toEqual([['contact', f.ivan.id]]);
    expect(await found(f.api, 'minutes')).toEqual([['task', f.task.id]]);
    // groups in a fixed order: organizations, partnerships, milestones, meetings, tasks, contacts
    expect(await found(f.api, 'Burgas')).toEqual([
      ['organization', f.burgas.id],
      ['partnership', f.burgasLink.id],
      ['meeting', f.meeting.id],
      ['contact', f.ivan.id],
    ]);
    const result = await f.api['search.query']({ query: 'burgas', kinds: ['meeting'] });
    expect(result.groups).toEqual([
      {
        kind: 'meeting',
        next: null,
        hits: [
          {
            kind: 'meeting',
            id: f.meeting.id,
            title: 'Video call with Burgas',
            context: '2026-02-20',
            partnershipId: null,
            field: 'title',
            snippet: [
              { text: 'Video call with ', match: false },
              { text: 'Burgas', match: true },
            ],
          },
        ],
      },
    ]);
    expect(await found(f.api, 'Varna')).toEqual([]);
    expect(await found(f.api, '   ')).toEqual([]);

    // deleted records are not found; restored ones are again
    await f.api['partnerships.delete']({ id: f.burgasLink.id });
    await f.api['meetings.delete']({ id: f.meeting.id });
    expect(await found(f.api, 'Burgas')).toEqual([
      ['organization', f.burgas.id],
      ['contact', f.ivan.id],
    ]);
    await f.api['meetings.restore']({ id: f.meeting.id });
    expect(await found(f.api, 'Burgas', { kinds: ['meeting'] })).toEqual([['meeting', f.meeting.id]]);
  });

  it('pages within a kind: limit, then `next` as `before` gives the following hits', async () => {
    const f = await fixture();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await f.api['tasks.create']({ title: `Visa letter ${i}` })).id);
    const first = await f.api['search.query']({ query: 'visa', limit: 2 });
    expect(first.groups[0]!.hits.map((h) => h.id)).toEqual([ids[4], ids[3]]);
    const second = await f.api['search.query']({ query: 'visa', limit: 2, kinds: ['task'], before: first.groups[0]!.next! });
    expect(second.groups[0]!.hits.map((h) => h.id)).toEqual([ids[2], ids[1]]);
    const third = await f.api['search.query']({ query: 'visa', limit: 2, kinds: ['task'], before: second.groups[0]!.next! });
    expect(third.groups[0]).toMatchObject({ next: null });
    expect(third.groups[0]!.hits.map((h) => h.id)).toEqual([ids[0]]);
  });

  it('treats % and _ and quotes in the query literally', async () => {
    const f = await fixture();
    const percent = await f.api['tasks.create']({ title: 'Raise the budget by 10%' });
    const underscore = await f.api['tasks.create']({ title: 'Rename file_name column' });
    const quoted = await f.api['tasks.create']({ title: 'Read "Smart Port" report' });
    await f.api['tasks.create']({ title: 'Rename fileXname column' });
    await f.api['tasks.create']({ title: 'Plan 100 trees' });
    expect(await found(f.api, '%')).toEqual([['task', percent.id]]);
    expect(await found(f.api, '0%')).toEqual([['task', percent.id]]);
    expect(await found(f.api, '_')).toEqual([['task', underscore.id]]);
    expect(await found(f.api, 'file_name')).toEqual([['task', underscore.id]]);
    expect(await found(f.api, '"smart port"')).toEqual([['task', quoted.id]]);
    expect(await found(f.api, '%%%')).toEqual([]);
  });

  it('on the sample: 汕头, Shantou and Шантоу find the same city first; 布尔加斯 also finds the Shantou–Burgas partnership', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    await api['app.finishOnboarding']({ choice: 'sample' });
    const firstCity = async (query: string) => (await api['search.query']({ query, kinds: ['organization'] })).groups[0]!.hits[0]!;
    const shantou = await firstCity('汕头');
    expect(shantou.title).toMatch(/汕头.*Shantou/);
    expect((await firstCity('Shantou')).id).toBe(shantou.id);
    expect((await firstCity('Шантоу')).id).toBe(shantou.id);
    expect((await firstCity('ＳＨＡＮＴＯＵ')).id).toBe(shantou.id);
    const burgas = await firstCity('Бургас');
    expect(burgas).toMatchObject({ context: 'BG', snippet: [{ text: 'Бургас', match: true }] });
    const chinese = await found(api, '布尔加斯');
    expect(chinese).toContainEqual(['partnership', sampleId('partnerships:shantou-burgas')]);
    expect(chinese).toContainEqual(['organization', burgas.id]);
    expect(await found(api, 'Shantou–Burgas', { kinds: ['partnership'] })).toEqual([['partnership', sampleId('partnerships:shantou-burgas')]]);
  });
});

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

describe('settings', () => {
  /** The reminder settings (timeline-reminders.test.ts) keep their defaults here. */
  const REMINDERS_DEFAULT = { dailyReminder: true, reminderHour: 9, keepBackups: 14, officeNameEn: null };
  it('update then get round-trips; null or empty text clears one setting and leaves the other', async () => {
    const core = await tempCore({ now: () => NOW });
    const api = localClient(core);
    expect(await api['settings.get']()).toEqual({ ...REMINDERS_DEFAULT, officeName: null, userName: null });
    expect(await api['settings.update']({ officeName: ' 汕头市外事局 ', userName: '王芳' })).toEqual({
      ...REMINDERS_DEFAULT,
      officeName: '汕头市外事局',
      userName: '王芳',
    });
    expect(await api['settings.get']()).toEqual({ ...REMINDERS_DEFAULT, officeName: '汕头市外事局', userName: '王芳' });
    expect((await api['app.info']()).officeName).toBe('汕头市外事局');

    // the office name signs this installation's changes
    const org = await api['organizations.create']({ displayName: 'Varna' });
    const offices = core.sqlite.prepare('SELECT DISTINCT office FROM change_log WHERE row_id = ?').all(org.id);
    expect(offices).toEqual([{ office: '汕头市外事局' }]);

    const before = snapshot(core);
    expect(await api['settings.update']({})).toEqual({ ...REMINDERS_DEFAULT, officeName: '汕头市外事局', userName: '王芳' });
    expect(snapshot(core)).toEqual(before);

    expect(await api['settings.update']({ userName: null })).toEqual({ ...REMINDERS_DEFAULT, officeName: '汕头市外事局', userName: null });
    expect(await api['settings.get']()).toEqual({ ...REMINDERS_DEFAULT, officeName: '汕头市外事局', userName: null });
    expect(await api['settings.update']({ officeName: '', userName: 'Li Wei' })).toEqual({ ...REMINDERS_DEFAULT, officeName: null, userName: 'Li Wei' });
    expect(await api['settings.get']()).toEqual({ ...REMINDERS_DEFAULT, officeName: null, userName: 'Li Wei' });
    expect((await api['app.info']()).officeName).toBeNull();
    // clearing what is not set is fine
    expect(await api['settings.update']({ officeName: null })).toEqual({ ...REMINDERS_DEFAULT, officeName: null, userName: 'Li Wei' });
  });
});

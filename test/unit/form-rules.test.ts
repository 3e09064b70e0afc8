/**
 * The forms judge a draft by the contract's own input schemas (common/inputs/records.ts) and say a refusal in the
 * contract's own words: the message under a form's field is the one the core gives for the same value.
 */
import { describe, expect, it } from 'vitest';
import type { FieldValues } from 'react-hook-form';
import { contractResolver, maxLengthOf } from '../../renderer/src/lib/contract-rules';
import { ApiError } from '../../renderer/src/api/client';
import { LIMITS } from '../../common/inputs/fields';
import { contactCreateInput, meetingCreateInput, organizationCreateInput, programmeCreateInput, taskCreateInput } from '../../common/inputs/records';
import { settingsUpdateInput } from '../../common/inputs/settings';
import { localClient, tempCore } from '../helpers';

/** A meeting the contract takes, but for the one value each case spoils (the partnership need not exist: the shape is judged first). */
const meeting = {
  title: 'Call with Burgas',
  date: '2025-05-01',
  format: 'in_person',
  kind: 'working_meeting',
  partnershipIds: ['0190c0de-0000-7000-8000-000000000001'],
};

/** Bad values a person can type into a form, each refused by its create operation on one field. */
export const contractCreateCases = [
  { name: 'an empty task title', operation: 'tasks.create', schema: taskCreateInput, input: { title: '   ' }, field: 'title' },
  { name: 'a task title one character too long', operation: 'tasks.create', schema: taskCreateInput, input: { title: '题'.repeat(301) }, field: 'title' },
  { name: 'a due date that is no day', operation: 'tasks.create', schema: taskCreateInput, input: { title: 'Visit', dueOn: '2025-02-30' }, field: 'dueOn' },
  {
    name: 'an unknown country',
    operation: 'organizations.create',
    schema: organizationCreateInput,
    input: { displayName: 'Varna', country: 'XX' },
    field: 'country',
  },
  { name: 'a malformed e-mail', operation: 'contacts.create', schema: contactCreateInput, input: { name: 'Ivan', email: 'ivan@' }, field: 'email' },
  { name: 'a programme without a name', operation: 'programmes.create', schema: programmeCreateInput, input: { nameZh: ' ', nameEn: '' }, field: 'nameZh' },
  {
    name: 'a meeting about no partnership',
    operation: 'meetings.create',
    schema: meetingCreateInput,
    input: { ...meeting, partnershipIds: [] },
    field: 'partnershipIds',
  },
  { name: 'a meeting at 25 o’clock', operation: 'meetings.create', schema: meetingCreateInput, input: { ...meeting, time: '25:00' }, field: 'time' },
  {
    name: 'an attendee with neither name nor contact',
    operation: 'meetings.create',
    schema: meetingCreateInput,
    input: { ...meeting, attendees: [{ side: 'partner', role: 'Deputy mayor' }] },
    field: 'attendees.0.name',
  },
  {
    name: 'a follow-up task without a title',
    operation: 'meetings.create',
    schema: meetingCreateInput,
    input: { ...meeting, followUps: [{ title: ' ', assignee: 'Chen Liang' }] },
    field: 'followUps.0.title',
  },
  {
    name: 'a follow-up due on no day',
    operation: 'meetings.create',
    schema: meetingCreateInput,
    input: { ...meeting, followUps: [{ title: 'Send the study', dueOn: '2025-02-30' }] },
    field: 'followUps.0.dueOn',
  },
  { name: 'an office name too long', operation: 'settings.update', schema: settingsUpdateInput, input: { officeName: '汕'.repeat(201) }, field: 'officeName' },
] as const;

async function refusal(call: () => Promise<unknown>): Promise<ApiError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the contract accepted it');
}

/** The form's message for its field, in one language. */
async function formMessage(schema: Parameters<typeof contractResolver>[0], values: FieldValues, field: string, language: 'zh' | 'en'): Promise<string> {
  const result = await contractResolver<FieldValues>(
    schema,
    (v) => v,
    undefined,
    () => language,
  )(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  // react-hook-form keeps a row's errors nested: attendees.0.name is errors.attendees[0].name.
  const error = field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], result.errors) as
    { message?: string } | undefined;
  expect(error, `a message on ${field}`).toBeDefined();
  return error!.message!;
}

describe('a form and the contract refuse a value in the same words', () => {
  it.each(contractCreateCases)('$name', async ({ operation, schema, input, field }) => {
    const api = localClient(await tempCore());
    const core = await refusal(() => (api as unknown as Record<string, (i: unknown) => Promise<unknown>>)[operation]!(input));
    expect(core.fields).toEqual([field]);
    const zh = await formMessage(schema, input, field, 'zh');
    const en = await formMessage(schema, input, field, 'en');
    expect(core.localized).toEqual({ zh: `输入有误：${zh}。未保存任何内容。`, en: `Invalid input: ${en}. Nothing was saved.` });
  });

  it('a text field counts to the limit the contract checks', () => {
    expect(maxLengthOf(taskCreateInput, 'title')).toBe(LIMITS.title);
    expect(maxLengthOf(taskCreateInput, 'details')).toBe(LIMITS.notes);
    expect(maxLengthOf(organizationCreateInput, 'nameZh')).toBe(LIMITS.name);
    expect(maxLengthOf(programmeCreateInput, 'nameEn')).toBe(LIMITS.title);
    expect(maxLengthOf(taskCreateInput, 'priority')).toBeNull();
    expect(taskCreateInput.safeParse({ title: 'x'.repeat(LIMITS.title) }).success).toBe(true);
    expect(taskCreateInput.safeParse({ title: 'x'.repeat(LIMITS.title + 1) }).success).toBe(false);
  });
});

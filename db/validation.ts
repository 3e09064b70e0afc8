/** zod at the boundary: shared field schemas, and zod issues turned into a translated AppError. */
import { z } from 'zod';
import { AppError } from './errors';
import { UUID_PATTERN } from './ids';

export const idSchema = z.string().regex(UUID_PATTERN);
/** Ids of records in the sample data are fixed UUIDs too; any UUID-shaped id is accepted. */
export const byIdInput = z.strictObject({ id: idSchema });

const trimmed = (max: number) => z.string().trim().max(max);
export const requiredText = (max = 500) => trimmed(max).min(1);
export const optionalText = (max = 20000) =>
  trimmed(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

// Calendar dates, full and partial, are domain rules: defined once in rules.ts, beside the schema.
export { calendarDate, partialDate } from './rules';
import { calendarDate } from './rules';
export const optionalDate = calendarDate.nullable().optional();

const fieldLabels: Record<string, { zh: string; en: string }> = {
  displayName: { zh: '显示名称', en: 'Display name' },
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  nameLocal: { zh: '当地语言名称', en: 'Local name' },
  aliases: { zh: '别名', en: 'Aliases' },
  country: { zh: '国家', en: 'Country' },
  latitude: { zh: '纬度', en: 'Latitude' },
  longitude: { zh: '经度', en: 'Longitude' },
  title: { zh: '标题', en: 'Title' },
  parties: { zh: '合作方', en: 'Parties' },
  kind: { zh: '类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  id: { zh: '编号', en: 'Id' },
  name: { zh: '名称', en: 'Name' },
  firstMilestone: { zh: '第一个里程碑', en: 'First milestone' },
};

function describeIssue(issue: z.core.$ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { zh: `至少需要 ${String(issue.minimum)} 项`, en: `needs at least ${String(issue.minimum)}` };
      if (issue.origin === 'string') {
        return Number(issue.minimum) > 1
          ? { zh: `至少需要 ${String(issue.minimum)} 个字符`, en: `needs at least ${String(issue.minimum)} characters` }
          : { zh: '不能为空', en: 'is required' };
      }
      return { zh: `不能小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
    case 'too_big':
      if (issue.origin === 'string')
        return { zh: `过长（最多 ${String(issue.maximum)} 个字符）`, en: `is too long (at most ${String(issue.maximum)} characters)` };
      return { zh: `不能大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
    case 'invalid_type':
      return issue.input === undefined ? { zh: '不能为空', en: 'is required' } : { zh: '类型不正确', en: 'has the wrong type' };
    case 'invalid_value':
      return { zh: '不是允许的值', en: 'is not one of the allowed values' };
    case 'invalid_format':
      return { zh: '格式不正确', en: 'is not in the right format' };
    case 'unrecognized_keys':
      return { zh: `包含未知字段 ${issue.keys.join(', ')}`, en: `has unknown fields ${issue.keys.join(', ')}` };
    default:
      return { zh: '无效', en: 'is not valid' };
  }
}

export function inputError(error: z.ZodError): AppError {
  const fields: string[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const issue of error.issues.slice(0, 5)) {
    const pathText = issue.path.map(String).join('.');
    const head = String(issue.path[0] ?? '');
    const label = fieldLabels[head] ?? { zh: pathText || '输入', en: pathText || 'Input' };
    const suffix = issue.path.length > 1 ? ` (${issue.path.slice(1).map(String).join('.')})` : '';
    const what = describeIssue(issue);
    // An unknown key's issue sits on the object; name the keys themselves so a caller can see which.
    if (issue.code === 'unrecognized_keys') fields.push(...issue.keys.map((key) => [...issue.path, key].map(String).join('.')));
    else fields.push(pathText);
    zh.push(`${label.zh}${suffix}${what.zh}`);
    en.push(`${label.en}${suffix} ${what.en}`);
  }
  return new AppError(
    'invalid_input',
    { zh: `输入有误：${zh.join('；')}。未保存任何内容。`, en: `Invalid input: ${en.join('; ')}. Nothing was saved.` },
    fields,
  );
}

/** A user's text as a LIKE pattern body: %, _ and \ match themselves (use with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

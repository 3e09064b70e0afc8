/**
 * The contract's input schemas read by a form, without React: the limit of a field, and a react-hook-form resolver that
 * judges what the form would send by the schema and says each refusal in the contract's own words.
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { issueMessage } from '@common/inputs/messages';

type Schema = z.ZodType;

/** A schema with its wrappers taken off: optional, nullable, defaults, and a pipe's input side (trim, '' -> null). */
function unwrap(schema: Schema): Schema {
  const def = schema._zod.def as { type: string; innerType?: Schema; in?: Schema };
  if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** The schema of the field at `path` ("title", "parties.0.role") in an object schema, or null. */
export function fieldSchema(schema: Schema, path: string): Schema | null {
  let current: Schema | null = schema;
  for (const part of path.split('.')) {
    if (!current) return null;
    const def = unwrap(current)._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema };
    current = def.type === 'object' ? (def.shape?.[part] ?? null) : def.type === 'array' ? (def.element ?? null) : null;
  }
  return current;
}

/** The longest text the contract accepts for the field at `path` (UTF-16 units, once trimmed), or null. */
export function maxLengthOf(schema: Schema, path: string): number | null {
  const field = fieldSchema(schema, path);
  if (!field) return null;
  const inner = unwrap(field) as Schema & { maxLength?: number | null };
  return typeof inner.maxLength === 'number' ? inner.maxLength : null;
}

/**
 * A react-hook-form resolver that runs the contract's schema on what the form would send (`toInput(values)`): each
 * issue goes on its field (`fieldOf` maps a contract path onto the form's names; default the path itself), in the
 * contract's words and the app's language. The first issue of a field wins.
 */
export function contractResolver<V extends FieldValues>(
  schema: Schema,
  toInput: (values: V) => unknown,
  fieldOf: (path: string) => string = (path) => path,
  language: () => 'zh' | 'en' = () => 'en',
): Resolver<V> {
  return (values) => {
    const result = schema.safeParse(toInput(values));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const name = fieldOf(issue.path.map(String).join('.'));
      errors[name] ??= { type: issue.code, message: issueMessage(issue)[language()] };
    }
    return { values: {}, errors: nest(errors) as FieldErrors<V> };
  };
}

/** "parties.0.role" -> { parties: [{ role }] }, as react-hook-form keeps errors. */
function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, error] of Object.entries(flat)) {
    const parts = path.split('.');
    let node: Record<string, unknown> = root;
    parts.slice(0, -1).forEach((part, i) => {
      node[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
    node[parts[parts.length - 1]!] = error;
  }
  return root;
}

/** Every message of a form's errors, by field path: for the alert's count. */
export function flatErrors(errors: FieldErrors, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') result[path] = value.message;
    else Object.assign(result, flatErrors(value as FieldErrors, path));
  }
  return result;
}

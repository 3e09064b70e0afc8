/** zod at the boundary: shared field schemas, and zod issues turned into a translated AppError. */
import { z } from 'zod';
import { AppError } from './errors';
import { idSchema } from '../common/inputs/fields';
import { refusalMessage } from '../common/inputs/messages';

// The value shapes and the words for a refused value are shared with the forms (common/inputs/).
export { calendarDate, idSchema, optionalDate, optionalText, partialDate, requiredText } from '../common/inputs/fields';

/** Ids of records in the sample data are fixed UUIDs too; any UUID-shaped id is accepted. */
export const byIdInput = z.strictObject({ id: idSchema });

export function inputError(error: z.ZodError): AppError {
  const { zh, en, fields } = refusalMessage(error.issues);
  return new AppError('invalid_input', { zh, en }, fields);
}

/** A user's text as a LIKE pattern body: %, _ and \ match themselves (use with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

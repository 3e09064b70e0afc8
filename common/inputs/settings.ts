/** The settings a person changes (Settings, the first start's dialog): the contract's input, checked by the form as by the core. */
import { z } from 'zod';
import { LIMITS, optionalText } from './fields';

/** How many daily backups are kept. */
export const keepBackupsSchema = z.number().int().min(1).max(365);

export const settingsUpdateInput = z.strictObject({
  officeName: optionalText(LIMITS.name),
  officeNameEn: optionalText(LIMITS.name),
  userName: optionalText(LIMITS.name),
  dailyReminder: z.boolean().optional(),
  reminderHour: z.number().int().min(0).max(23).optional(),
  keepBackups: keepBackupsSchema.optional(),
});

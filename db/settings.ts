import { z } from 'zod';
import type { Core } from './core';
import { settingsUpdateInput } from '../common/inputs/settings';
import { keepBackups, META_KEEP_BACKUPS } from './backups';

export { settingsUpdateInput };

export interface Settings {
  officeName: string | null;
  /** The office's name in English, for English reports and screens (the name above is used where there is none). */
  officeNameEn: string | null;
  /** The person using this installation: "My tasks" are the tasks assigned to this name. */
  userName: string | null;
  /** The desktop app shows a notification of the reminders once a day. */
  dailyReminder: boolean;
  /** From this hour (0–23, local time) on, the day's notification may be shown. */
  reminderHour: number;
  /** How many automatic backups are kept (db/backups.ts). */
  keepBackups: number;
}

export const DEFAULT_REMINDER_HOUR = 9;
export const META_OFFICE_NAME_EN = 'office_name_en';

/** The office's name for a report or a screen in `lang`: the English name in English where there is one. */
export function officeNameFor(core: Core, lang: 'zh' | 'en'): string | null {
  return (lang === 'en' ? core.getMeta(META_OFFICE_NAME_EN) : null) ?? core.getMeta('office_name');
}

export function getSettings(core: Core): Settings {
  const hour = Number(core.getMeta('reminder_hour'));
  return {
    officeName: core.getMeta('office_name'),
    officeNameEn: core.getMeta(META_OFFICE_NAME_EN),
    userName: core.getMeta('user_name'),
    dailyReminder: core.getMeta('daily_reminder') !== 'off',
    reminderHour: core.getMeta('reminder_hour') !== null && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_REMINDER_HOUR,
    keepBackups: keepBackups(core),
  };
}

export function updateSettings(core: Core, input: z.output<typeof settingsUpdateInput>): Settings {
  const set = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    if (value === null) core.sqlite.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else core.setMeta(key, value);
  };
  set('office_name', input.officeName);
  set(META_OFFICE_NAME_EN, input.officeNameEn);
  set('user_name', input.userName);
  set('daily_reminder', input.dailyReminder === undefined ? undefined : input.dailyReminder ? 'on' : 'off');
  set('reminder_hour', input.reminderHour === undefined ? undefined : String(input.reminderHour));
  set(META_KEEP_BACKUPS, input.keepBackups === undefined ? undefined : String(input.keepBackups));
  return getSettings(core);
}

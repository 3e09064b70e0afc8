import { z } from 'zod';
import type { Core } from './core';
import { optionalText } from './validation';

export interface Settings {
  officeName: string | null;
  /** The person using this installation: "My tasks" are the tasks assigned to this name. */
  userName: string | null;
}

export const settingsUpdateInput = z.strictObject({ officeName: optionalText(200), userName: optionalText(200) });

export function getSettings(core: Core): Settings {
  return { officeName: core.getMeta('office_name'), userName: core.getMeta('user_name') };
}

export function updateSettings(core: Core, input: z.output<typeof settingsUpdateInput>): Settings {
  const set = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    if (value === null) core.sqlite.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else core.setMeta(key, value);
  };
  set('office_name', input.officeName);
  set('user_name', input.userName);
  return getSettings(core);
}
